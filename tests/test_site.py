"""The built site: three mirrored trees listing the seven texts, each text a page."""
from __future__ import annotations

import re

from .conftest import TEXT_IDS

TREES = ("zh-Hans", "zh-Hant", "en")


def without_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_three_trees_have_identical_paths(built_site):
    listings = [sorted(str(p.relative_to(built_site / tree)) for p in (built_site / tree).rglob("*.html")) for tree in TREES]
    assert listings[0] == listings[1] == listings[2]


def test_each_tree_declares_its_language(built_site):
    for tree in TREES:
        page = (built_site / tree / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{tree}"', page)
        assert (built_site / tree / "search" / "search_index.json").exists()


def test_landing_page_links_every_tree_without_scripts(built_site):
    landing = (built_site / "index.html").read_text(encoding="utf-8")
    for tree in TREES:
        assert f'href="{tree}/"' in landing


def test_index_lists_every_text(built_site):
    for tree in TREES:
        index = (built_site / tree / "index.html").read_text(encoding="utf-8")
        for text_id in TEXT_IDS:
            assert f'href="texts/{text_id}/"' in index


def test_every_text_has_a_page_with_its_segments(built_site):
    page = (built_site / "zh-Hans" / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
    assert 'id="art-10"' in page and 'lang="zh-Hans"' in page and 'lang="en"' in page
    assert "开展人工智能安全治理" in without_tags(page)
    hant = (built_site / "zh-Hant" / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
    assert "開展人工智能安全治理" in without_tags(hant) and 'lang="zh-Hant"' in hant


def test_text_headings_are_real_headings(built_site):
    page = (built_site / "en" / "texts" / "shanghai-declaration-2024" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 [^>]*id="s2"', page)


def test_long_texts_have_a_contents_list(built_site):
    page = (built_site / "en" / "texts" / "gong-manlu-ai-safety" / "index.html").read_text(encoding="utf-8")
    contents = page.split('class="text-contents"')[1].split("</nav>")[0]
    assert 'href="#s1"' in contents and 'href="#s3-3"' in contents


def test_metadata_and_provenance_are_shown(built_site):
    page = (built_site / "en" / "texts" / "li-qiang-waic-2024" / "index.html").read_text(encoding="utf-8")
    for needle in ("2024-07-04", "Report of a speech", "mp.weixin.qq.com", "002:13-45", "Rights"):
        assert needle in page, needle
