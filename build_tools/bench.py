"""`make bench`: where build time goes, stage by stage, on the real corpus.

The sources are loaded and checked once, as in a real build; each tree is then
rendered and written to disk, and MkDocs builds each tree from disk.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from .check import check_project
from .load import Project, load_corpus
from .publish import run_engine, source_versions, write_tree
from .render import TREES, TreeContext, render_tree


def timed(stages: list, name: str, work):
    started = time.perf_counter()
    result = work()
    stages.append((name, time.perf_counter() - started))
    return result


def run(root: Path) -> list[tuple[str, float]]:
    stages: list[tuple[str, float]] = []
    project = Project(root)
    timed(stages, "load (parse + schema), part of check", lambda: load_corpus(project))
    result = timed(stages, "check (load + prove against captures), once", lambda: check_project(project))
    if not result.ok:
        raise SystemExit("\n".join(map(str, result.errors)))
    corpus = result.corpus
    from . import connections, timeline

    timed(stages, f"links + themes ({len(corpus.links)} links, {len(corpus.themes)} themes: check, index)", lambda: (
        connections.check_connections(corpus, corpus.links_allowed_earlier), connections.LinkIndex.build(corpus.links)))
    timed(stages, f"timeline ({len(corpus.events)} events: check, mentions)", lambda: (
        timeline.check_timeline(corpus, "timeline/events.yaml", "timeline/not-events.yaml"), timeline.mentions(corpus)))
    versions = source_versions(root, result.corpus)
    for tree in TREES:
        timed(stages, f"render {tree} (pages in memory)", lambda tree=tree: render_tree(TreeContext(result.corpus, tree, result.site, versions)))
    tree_dirs = {}
    for tree in TREES:
        tree_dirs[tree] = timed(stages, f"write build/{tree} (render + files)", lambda tree=tree: write_tree(root, result, tree, versions))
    scratch = Path(tempfile.mkdtemp(prefix="aigov-bench-"))
    try:
        for tree in TREES:
            timed(stages, f"mkdocs build {tree}", lambda tree=tree: run_engine(root, tree_dirs[tree], scratch / tree))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return stages


def table(stages: list[tuple[str, float]]) -> str:
    width = max(len(name) for name, _ in stages)
    lines = [f"| {'stage'.ljust(width)} | seconds |", f"| {'-' * width} | ------: |"]
    lines += [f"| {name.ljust(width)} | {seconds:7.2f} |" for name, seconds in stages]
    return "\n".join(lines) + "\n(the load row is contained in the check row; each write row includes rendering its tree)"
