"""`make bench`: where build time goes, stage by stage, on the real corpus."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from .captures import load_captures
from .convert import Converter
from .i18n import TREES
from .load import Project, load_corpus
from .publish import build_tree
from .render import render_tree
from .verify import check_text, lost_sentences


def timed(stages: list, name: str, work):
    started = time.perf_counter()
    result = work()
    stages.append((name, time.perf_counter() - started))
    return result


def run(root: Path) -> list[tuple[str, float]]:
    stages: list[tuple[str, float]] = []
    project = Project(root)
    corpus, problems = timed(stages, "load (parse + schema)", lambda: load_corpus(project))
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    captures = load_captures(project.captures_dir)
    timed(stages, "check (prove against captures)", lambda: [check_text(t, captures) + lost_sentences(t, captures) for t in corpus.texts])
    converter = Converter(corpus.locked_terms)
    timed(stages, "convert (to Traditional)", lambda: [converter.to_traditional(s.zh, s.hant_fixes) for s in corpus.segments()])
    timed(stages, "render (Markdown, 3 trees)", lambda: [render_tree(corpus, tree) for tree in TREES])
    scratch = Path(tempfile.mkdtemp(prefix="aigov-bench-"))
    try:
        for tree in TREES:
            timed(stages, f"mkdocs build {tree}", lambda tree=tree: build_tree(root, tree, scratch / tree))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return stages


def table(stages: list[tuple[str, float]]) -> str:
    width = max(len(name) for name, _ in stages)
    total = sum(seconds for _, seconds in stages)
    lines = [f"| {'stage'.ljust(width)} | seconds |", f"| {'-' * width} | ------: |"]
    lines += [f"| {name.ljust(width)} | {seconds:7.2f} |" for name, seconds in stages]
    lines.append(f"| {'total'.ljust(width)} | {total:7.2f} |")
    return "\n".join(lines)
