"""Build the whole site: three MkDocs projects written to disk, built, then published at once.

For each tree, `build/<tree>/` becomes a complete MkDocs project: `docs/` with
the hand-written files, every generated page (front matter included) and our
patched copies of two of Material's scripts (`material_patches.py`), the tree's
search index (`search_index.json`, written by `search.py`), and a `mkdocs.yml`
that INHERITs the hand-edited base `mkdocs.yml` and holds the generated nav.
MkDocs then builds each from disk, in a subprocess started as soon as that tree
is written (the next tree is written meanwhile): this is the only module that
runs the engine, and nothing is injected in memory, so another engine can build
the same folders.

Material's own indexer is kept from indexing (every page says `search: exclude`;
it cost about 40 % of each MkDocs run) while its search interface stays; our
index then replaces the empty one it writes.

The site is built into a temporary folder and moved into place only when every
step has succeeded, so a failed build never leaves a half-built site.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from .check import CheckResult, check_project
from .export import downloads, write_downloads
from .load import Project
from .material_patches import PatchFailed, patched_scripts
from .model import Corpus
from .render import TREES, Page, TreeContext, nav, render_tree
from .render.markup import escape
from .render import urls
from .render.landing import landing_page
from .search import LANGUAGES, SEPARATOR, folding, index_json, search_index
from .timings import NoTimings, Timings

MARKER = ".aigov-generated"  # in every generated docs folder; the optional hook looks for it
SEARCH_INDEX = "search_index.json"  # in build/<tree>/; published at <tree>/search/search_index.json


class BuildFailed(Exception):
    pass


def source_versions(root: Path, corpus: Corpus) -> dict[str, str]:
    """Date of each text file's last commit, to name the version a citation cites.

    One `git log` for every text (the newest commit naming a file is its last change; a process per text
    cost half a second at 30× the corpus). Empty where git or the history is unavailable (e.g. a tarball):
    citations then omit it.
    """
    ids = {text.path: text.id for text in corpus.texts}
    if not ids:
        return {}
    try:
        result = subprocess.run(["git", "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--relative", "--", *ids],
                                cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    versions: dict[str, str] = {}
    for commit in result.stdout.split("\0")[1:]:
        date, *names = commit.strip("\n").split("\n")
        for name in names:
            if name in ids:
                versions.setdefault(ids[name], date)
    return versions


def palette(ctx: TreeContext) -> list[dict]:
    """Light and dark schemes: the reader's system preference first, a toggle (named in the tree's language) to change it."""
    return [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo", "accent": "indigo",
         "toggle": {"icon": "material/weather-night", "name": ctx.t("to_dark")}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "indigo",
         "toggle": {"icon": "material/weather-sunny", "name": ctx.t("to_light")}},
    ]


def engine_config(ctx: TreeContext, root: Path, tree_dir: Path) -> dict:
    """The tree's MkDocs configuration: everything that differs between trees, and the nav."""
    up = os.path.relpath(root, tree_dir)
    return {
        "INHERIT": f"{up}/mkdocs.yml",
        "site_name": str(escape(ctx.site_name())),  # the theme prints it as it is
        "site_description": ctx.t("site_intro"),
        "site_url": urls.tree_url(ctx.site, ctx.tree),
        "repo_url": ctx.site.repository,
        "repo_name": ctx.site.repo_name,
        "edit_uri": f"edit/{ctx.site.branch}/docs/",  # hand-written pages; generated ones name their source
        "docs_dir": "docs",
        "theme": {"language": ctx.tree, "custom_dir": f"{up}/overrides", "palette": palette(ctx)},
        "hooks": [f"{up}/build_tools/mkdocs_hook.py"],
        # every tree's address, for the hreflang alternates of each page (overrides/main.html); the 404 page's words
        "extra": {"tree": ctx.tree, "tree_urls": {tree: urls.tree_url(ctx.site, tree) for tree in TREES}, "not_found": {
            key: str(escape(ctx.t(f"not_found_{key}"))) for key in ("title", "text", "home", "texts")}},
        # Material's search interface; the index is ours (search.py), its indexer skips every page
        "plugins": [{"search": {"lang": LANGUAGES[ctx.tree], "separator": SEPARATOR}}],
        "nav": nav(ctx),
    }


@dataclass(frozen=True)
class WrittenTree:
    """A tree's MkDocs project on disk (`build/<tree>/`), with what its search index is made from."""

    folder: Path
    ctx: TreeContext
    pages: list[Page]

    def write_search_index(self) -> None:
        """Our index of the tree (search.py): MkDocs does not read it, so it is made while MkDocs builds the tree."""
        (self.folder / SEARCH_INDEX).write_text(index_json(search_index(self.ctx, self.pages)), encoding="utf-8")


def write_tree(root: Path, result: CheckResult, tree: str, versions: dict[str, str], files: dict[str, str] | None = None, pdfs: bool = False) -> WrittenTree:
    """Write `build/<tree>/`: a complete MkDocs project for one tree (its search index is written apart)."""
    project = Project(root)
    tree_dir = project.build_dir / tree
    sizes = {name: len(content.encode("utf-8")) for name, content in (files or {}).items()}
    ctx = TreeContext(result.corpus, tree, result.site, versions, sizes, pdfs)
    pages = render_tree(ctx, project.shown(project.termbase_path))
    try:
        scripts = patched_scripts(folding(tree))
    except PatchFailed as problem:
        raise BuildFailed(str(problem)) from None
    generated = {page.path: unindexed(page.markdown) for page in pages} | scripts
    hand_written = {path.relative_to(project.docs_dir).as_posix(): path.read_bytes() for path in sorted(project.docs_dir.rglob("*"))
                    if path.is_file() and not any(part.startswith(".") for part in path.relative_to(project.docs_dir).parts)}
    for path in generated:
        if path in hand_written:
            raise BuildFailed(f"docs/{path}: a hand-written file has the path of a generated file — rename or remove it")
    contents = {**hand_written, **{path: content.encode("utf-8") for path, content in generated.items()},
                MARKER: b"generated by python -m build_tools site\n"}
    write_folder(tree_dir / "docs", contents)
    (tree_dir / SEARCH_INDEX).unlink(missing_ok=True)  # never an earlier build's index
    config = "# Generated by `python -m build_tools site`; do not edit. Edit ../../mkdocs.yml and the sources.\n"
    config += yaml.safe_dump(engine_config(ctx, root, tree_dir), allow_unicode=True, sort_keys=False, width=1000)
    (tree_dir / "mkdocs.yml").write_text(config, encoding="utf-8")
    return WrittenTree(tree_dir, ctx, pages)


def write_folder(folder: Path, contents: dict[str, bytes]) -> None:
    """Make `folder` hold exactly `contents` (relative path -> bytes).

    A file is written only where its bytes changed, and files and folders no longer
    generated are removed: rewriting a folder in place is several times cheaper than
    deleting it and creating every file again.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for directory, subdirectories, names in os.walk(folder, topdown=False):
        for name in names:
            path = Path(directory) / name
            if path.relative_to(folder).as_posix() not in contents:
                path.unlink()
        for name in subdirectories:
            path = Path(directory) / name
            if path.is_symlink() or not any(path.iterdir()):
                path.unlink() if path.is_symlink() else path.rmdir()
    for relative, content in contents.items():
        target = folder / relative
        try:
            if target.read_bytes() == content:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        except IsADirectoryError:
            shutil.rmtree(target)
        target.write_bytes(content)


def unindexed(markdown: str) -> str:
    """The page with `search: exclude` added to its front matter: Material's indexer skips it (our index replaces it)."""
    assert markdown.startswith("---\n"), "every generated page starts with front matter"
    return "---\nsearch:\n  exclude: true\n" + markdown[len("---\n"):]


def publish_index(tree_dir: Path, out: Path) -> None:
    """Our index replaces the (empty) one Material wrote."""
    target = out / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tree_dir / SEARCH_INDEX, target)


def mkdocs_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    # Reproducible output: MkDocs dates the sitemap with this instead of "now".
    env.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    return env


def run_engine(root: Path, tree_dir: Path, out: Path) -> float:
    """MkDocs builds one tree from disk; returns the CPU seconds its process used (from `os.wait4`, so that
    a build running beside our own work is counted as MkDocs', not as ours)."""
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree_dir / "mkdocs.yml"), "-d", str(out)],
            cwd=root, stdout=output, stderr=subprocess.STDOUT, env=mkdocs_env(),
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        lines = output.read().decode("utf-8", errors="replace").splitlines()
    if process.returncode != 0:
        important = [line for line in lines if line.startswith(("WARNING", "ERROR", "Aborted", "Error", "Config value"))]
        raise BuildFailed(f"the {tree_dir.name} tree did not build (nothing was published):\n" + "\n".join(important or lines).rstrip())
    return usage.ru_utime + usage.ru_stime


@contextmanager
def build_lock(build_dir: Path):
    """One build at a time writes `build/` (say `make serve` rebuilding while `make test` builds): the second waits."""
    import fcntl

    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_site(root: Path, out: Path, trees: tuple[str, ...] = TREES, checked: CheckResult | None = None,
               timings: Timings | None = None, pdfs: bool = False) -> None:
    """Check, build every tree, and publish to `out` at once. With `pdfs`, each text page links to its PDF and the
    PDFs are printed from the staged site before it is published, so a link never points to a missing PDF."""
    timings = timings or NoTimings()
    if checked is None:
        with timings.stage("load + check the sources", "ours"):
            checked = check_project(Project(root))
    result = checked
    if not result.ok:
        raise BuildFailed("\n".join(str(problem) for problem in result.errors) + f"\n{len(result.errors)} problem(s) in the sources; nothing was built.")
    with build_lock(Project(root).build_dir):
        _build(root, out, trees, result, timings, pdfs)


def _build(root: Path, out: Path, trees: tuple[str, ...], result: CheckResult, timings: Timings, pdfs: bool = False) -> None:
    with timings.stage("source versions (git log per text)", "ours"):
        versions = source_versions(root, result.corpus)
    with timings.stage("exports (corpus.json, TMX, …) in memory", "ours"):
        files = downloads(result.corpus)
    staging = out.parent / f".{out.name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    tree_dirs = {}
    try:
        # Each tree's MkDocs build starts as soon as the tree is written, while we write the next one.
        # Our CPU in these stages is this process's alone: MkDocs' is taken from each of its processes as it ends.
        with ThreadPoolExecutor(max_workers=len(trees)) as pool:
            engines: dict = {}
            try:
                for tree in trees:
                    with timings.stage(f"render + write build/{tree} (pages)", "ours", children=False):
                        written = write_tree(root, result, tree, versions, files, pdfs)
                    tree_dirs[tree] = written.folder
                    started = started if engines else time.perf_counter()
                    engines[tree] = pool.submit(run_engine, root, written.folder, staging / tree)
                    with timings.stage(f"search index of build/{tree} (while MkDocs builds the tree)", "ours", children=False):
                        written.write_search_index()
            finally:
                wait(engines.values())  # every build started ends before anything is cleaned up, even after a failure
            cpu = sum(engine.result() for engine in engines.values())  # the first failure, if any, is raised here
            timings.record(f"mkdocs build, {len(trees)} trees (each a subprocess, started as soon as its tree is written; plugins included)",
                           "mkdocs", time.perf_counter() - started, cpu, parallel=True, start=started)
        with timings.stage("landing page, search indexes, downloads written", "ours"):
            for tree in trees:
                publish_index(tree_dirs[tree], staging / tree)
            (staging / "index.html").write_text(landing_page(result.site), encoding="utf-8")
            write_downloads(result.corpus, staging / "downloads", files)
        if pdfs:
            from .pdf import write_pdfs

            write_pdfs(staging, [text.id for text in result.corpus.texts], trees)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = out.parent / f".{out.name}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
