"""Command line: `python -m build_tools check | export DIR`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_project
from .load import Project

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every source file")
    export = commands.add_parser("export", help="write the downloads (corpus.json) into a folder")
    export.add_argument("directory", type=Path)
    commands.add_parser("ids", help="print every segment id (to record published ids)")
    args = parser.parse_args(argv)

    result = check_project(Project(args.root))
    if not result.ok:
        for problem in result.problems:
            print(problem)
        print(f"{len(result.problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"ok: {result.summary()}")
        return 0
    if args.command == "ids":
        print("\n".join(segment.id for segment in result.corpus.segments()))
        return 0
    from .export import write_downloads

    written = write_downloads(result.corpus, args.directory)
    print(f"wrote {', '.join(str(path) for path in written)}")
    return 0
