"""Everything one tree of the site needs from the sources, prepared in one call.

`prepare` is what the MkDocs hook calls; it is plain Python and can be tested
(and timed) without MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .check import check_project
from .load import Project
from .model import Corpus
from .render import render_tree


class SourcesInvalid(Exception):
    """The sources have problems; the message lists them, one per line."""


@dataclass
class PreparedTree:
    tree: str
    corpus: Corpus
    pages: dict[str, str]
    source_files: dict[str, str]  # page path -> the source file it is built from


def prepare(root: Path, tree: str) -> PreparedTree:
    result = check_project(Project(root))
    if not result.ok:
        lines = [str(problem) for problem in result.problems]
        raise SourcesInvalid("\n".join(lines + [f"{len(lines)} problem(s) in the sources; nothing was built. Run `make check`."]))
    pages = render_tree(result.corpus, tree)
    sources = {f"texts/{text.id}.md": text.path for text in result.corpus.texts}
    return PreparedTree(tree, result.corpus, pages, sources)
