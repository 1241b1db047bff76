"""Everything one tree of the site needs from the sources, prepared in one call.

`prepare` is what the MkDocs hook calls; it is plain Python and can be tested
(and timed) without MkDocs.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .check import check_project
from .glossary import search_words
from .load import Project
from .model import Corpus
from .render import TreeRenderer


class SourcesInvalid(Exception):
    """The sources have problems; the message lists them, one per line."""


@dataclass
class PreparedTree:
    tree: str
    corpus: Corpus
    pages: dict[str, str]
    nav: list
    search_words: list[str]
    source_files: dict[str, str]  # page path -> the source file it is built from


def source_versions(root: Path, corpus: Corpus) -> dict[str, str]:
    """Date of each text file's last commit, to name the version a citation cites.

    Empty where git or the history is unavailable (e.g. a tarball): citations then omit it.
    """
    versions = {}
    for text in corpus.texts:
        try:
            result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", text.path], cwd=root, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return {}
        if result.returncode == 0 and result.stdout.strip():
            versions[text.id] = result.stdout.strip()
    return versions


def prepare(root: Path, tree: str, site_url: str = "") -> PreparedTree:
    result = check_project(Project(root))
    if not result.ok:
        lines = [str(problem) for problem in result.problems]
        raise SourcesInvalid("\n".join(lines + [f"{len(lines)} problem(s) in the sources; nothing was built. Run `make check`."]))
    renderer = TreeRenderer(result.corpus, tree, source_versions(root, result.corpus), site_url)
    sources = {f"texts/{text.id}.md": text.path for text in result.corpus.texts}
    words = search_words(result.corpus.terms, renderer.converter.to_traditional)
    return PreparedTree(tree, result.corpus, renderer.pages(), renderer.nav(), words, sources)
