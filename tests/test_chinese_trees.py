"""The Chinese trees are Chinese: Traditional characters as Taiwan and Hong Kong write them, every text node tagged with its language."""
from __future__ import annotations

import re

from build_tools.convert import Converter

from .scripts_scan import mismatches, simplified_in_traditional, simplified_only

TREES = ("zh-Hans", "zh-Hant", "en")


def test_no_simplified_text_in_the_traditional_tree(built_site, corpus):
    chinese = "".join(segment.zh for segment in corpus.segments()) + "".join(term.definition_zh for term in corpus.terms)
    simplified = simplified_only(chinese, Converter(corpus.locked_terms).to_traditional)
    assert len(simplified) > 100, "the scan must know the Simplified-only characters"
    found = []
    for page in sorted((built_site / "zh-Hant").rglob("*.html")):
        found += [f"{page.relative_to(built_site)}: {item}" for item in simplified_in_traditional(page.read_text(encoding="utf-8"), simplified)]
    assert found == []


def test_traditional_forms_are_taiwan_standard(built_site):
    page = (built_site / "zh-Hant" / "texts" / "gong-manlu-ai-safety" / "index.html").read_text(encoding="utf-8")
    assert "為" in page and "爲" not in page and "峯" not in page and "衆" not in page


def test_every_text_node_is_in_the_script_of_its_lang(built_site):
    """On every page of every tree (the issue asks for text pages; the glossary, timeline and other pages hold too)."""
    wrong = []
    for tree in TREES:
        for page in sorted((built_site / tree).rglob("index.html")):
            wrong += [f"{page.relative_to(built_site)}: {item}" for item in mismatches(page.read_text(encoding="utf-8"))]
    assert wrong == [], "\n".join(wrong[:20])


def test_metadata_and_labels_of_chinese_trees_are_chinese(built_site):
    page = (built_site / "zh-Hans" / "texts" / "li-qiang-waic-2024" / "index.html").read_text(encoding="utf-8")
    meta = page.split('<dl class="text-meta">')[1].split("</dl>")[0]
    for dt in re.findall(r"<dt>(.*?)</dt>", meta):
        assert re.search(r"[\u4e00-\u9fff]", dt) and not re.search(r"[A-Za-z]", dt), dt
    assert "版权" in meta or "著作权" in meta, "the rights note is in Chinese"
    assert "译者注（英文）" in page and "中国人工智能治理文献读本" in page


def test_about_and_method_pages_exist_in_every_tree(built_site):
    for tree in TREES:
        for path in ("about", "method", "about-translation"):
            assert (built_site / tree / path / "index.html").exists(), (tree, path)
    method = (built_site / "zh-Hant" / "method" / "index.html").read_text(encoding="utf-8")
    assert "s2tw" in method and "編校" in method
