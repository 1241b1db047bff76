"""Golden pages: a small fixture corpus in, the exact Markdown and HTML of every page kind out.

Regenerate with `make golden` after an intended change, and review the diff of
`tests/golden/` like any other change of output.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools.check import check_project
from build_tools.load import Project
from build_tools.render import TREES, TreeContext, render_tree

from .fixtures import mini_project

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def mini_result(tmp_path_factory):
    result = check_project(Project(mini_project(tmp_path_factory.mktemp("mini"))))
    assert result.ok, result.errors
    return result


@pytest.mark.parametrize("tree", TREES)
def test_every_page_kind_matches_its_golden_file(mini_result, tree):
    pages = render_tree(TreeContext(mini_result.corpus, tree, mini_result.site, {"mini-plan": "2026-11-30"}))
    kinds = {page.path.split("/")[0] for page in pages}
    assert {"index.md", "method.md", "texts", "glossary"} <= kinds
    for page in pages:
        golden = GOLDEN / tree / page.path
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(page.markdown, encoding="utf-8")
        assert golden.exists(), f"{golden} is missing: run `make golden`"
        assert page.markdown == golden.read_text(encoding="utf-8"), f"{tree}/{page.path} differs from its golden file (run `make golden` and review the diff)"
