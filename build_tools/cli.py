"""Command line: `python -m build_tools check | site | serve | pdf | bench | export DIR | ids`.

Every command checks the sources first, once; errors stop it with one line per
problem and exit 1, warnings are printed and counted (`--strict` makes them errors).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_project
from .load import Project

ROOT = Path(__file__).resolve().parent.parent


def github_annotation(problem) -> str:
    """`::error file=…,line=…::message` (GitHub shows it on the changed line); the message is escaped as GitHub asks."""
    def escaped(text: str, properties: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if properties else text

    level = "warning" if problem.severity == "warning" else "error"
    return f"::{level} file={escaped(problem.path, True)},line={problem.line}::{escaped(problem.message + ' — ' + problem.fix)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every source file")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="'github': one workflow command per problem, shown as an annotation on the line")
    export = commands.add_parser("export", help="write the downloads (corpus.json) into a folder")
    export.add_argument("directory", type=Path)
    commands.add_parser("ids", help="print every segment id (to record published ids)")
    site = commands.add_parser("site", help="build the three trees, landing page and downloads")
    site.add_argument("--out", type=Path, default=None, help="folder to build into (default: site/)")
    site.add_argument("--timings", type=Path, default=None, help="write how long each stage took, as JSON (for `make bench`)")
    commands.add_parser("serve", help="build, serve on 127.0.0.1:8000 and rebuild on change")
    pdf = commands.add_parser("pdf", help="build the site with a PDF of every text (linked from its page)")
    pdf.add_argument("--site", type=Path, default=None)
    bench = commands.add_parser("bench", help="build time at 1× and 30× the corpus, page weight, Lighthouse")
    bench.add_argument("--copies", default="10,30", help="the scaled runs: copies of each text, comma-separated (1: no scaled run)")
    bench.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (needs Node and `npm ci` in bench/lighthouse)")
    links = commands.add_parser("links", help="help curate links: propose candidates")
    links_commands = links.add_subparsers(dest="links_command", required=True)
    propose = links_commands.add_parser("propose", help="candidate links by shared wording and word similarity")
    propose.add_argument("--evaluate", action="store_true", help="print the proposer's precision against accepted and rejected links")
    propose.add_argument("--limit", type=int, default=40)
    themes = commands.add_parser("themes", help="help curate themes")
    themes_commands = themes.add_subparsers(dest="themes_command", required=True)
    suggest = themes_commands.add_parser("suggest", help="passages where the theme's terms occur that the theme does not list yet")
    suggest.add_argument("theme")
    compare = commands.add_parser("compare", help="how two built sites differ, after normalising")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    compare.add_argument("--show", type=int, default=0, help="print the first N changed lines of each file")
    args = parser.parse_args(argv)
    if args.command == "compare":  # needs no sources
        from .compare import compare as compare_sites

        print(compare_sites(args.old, args.new, args.show))
        return 0

    from .timings import Timings

    timings = Timings()
    with timings.stage("load + check the sources", "ours"):
        result = check_project(Project(args.root), strict=args.strict)
    show = github_annotation if getattr(args, "format", "text") == "github" else str
    if not result.ok:
        for problem in result.errors:
            print(show(problem))
        print(f"{len(result.errors)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    if args.command == "check":
        for problem in result.warnings:
            print(show(problem))
        print(f"ok: {result.summary()}")
        return 0
    if args.command == "ids":
        print("\n".join(segment.id for segment in result.corpus.segments()))
        return 0
    if args.command == "export":
        from .export import write_downloads

        written = write_downloads(result.corpus, args.directory)
        print(f"wrote {', '.join(str(path) for path in written)}")
        return 0
    if args.command == "site":
        from .publish import BuildFailed, build_site

        out = args.out or args.root / "site"
        try:
            build_site(args.root, out, checked=result, timings=timings)
        except BuildFailed as error:
            print(error, file=sys.stderr)
            return 1
        if args.timings:
            timings.write(args.timings)
        print(f"built {out} ({result.summary()})")
        return 0
    if args.command == "serve":
        from .serve import serve

        serve(args.root, args.root / "site")
        return 0
    if args.command == "pdf":
        from .publish import BuildFailed, build_site

        out = args.site or args.root / "site"
        try:
            build_site(args.root, out, checked=result, pdfs=True)
        except BuildFailed as failure:
            print(failure, file=sys.stderr)
            return 1
        print(f"built {out} with a PDF of every text in every tree in {out / 'downloads' / 'pdf'}")
        return 0
    if args.command == "links":
        from .propose import evaluate, propose

        if args.evaluate:
            print(evaluate(result.corpus))
            return 0
        for candidate in propose(result.corpus, args.limit):
            shared = " / ".join(candidate.shared) or "—"
            print(f"{candidate.score:.3f}  {candidate.from_ref} → {candidate.to_ref}  {candidate.suggested_type}  shared: {shared}")
        return 0
    if args.command == "themes":
        from .connections import suggest_passages

        theme = next((theme for theme in result.corpus.themes if theme.id == args.theme), None)
        if theme is None:
            print(f"no theme '{args.theme}': use one of {', '.join(theme.id for theme in result.corpus.themes)}", file=sys.stderr)
            return 1
        for segment, terms in suggest_passages(result.corpus, theme):
            print(f"{segment.id}  ({', '.join(terms)})  {segment.zh.replace('**', '')[:50]}")
        return 0
    if args.command == "bench":
        from .bench import run

        print(run(args.root, tuple(int(n) for n in args.copies.split(",")), not args.no_lighthouse))
        return 0
    return 2
