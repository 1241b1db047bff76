"""The glossary: exact HTML for the hard cases, term pages, exports, validation, tooltips in a browser."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from build_tools.labels import derive_label
from build_tools.model import Corpus, Correction, LineRef, Segment, Site, Term, Text
from build_tools.render import TreeContext
from build_tools.render.segment import chinese_html, english_html


TERMS = [
    Term("ren-gong-zhi-neng", "人工智能", "rén gōng zhì néng", "artificial intelligence", "Machines that learn.", "机器智能。", hant="人工智能"),
    Term("quan-qiu-zhi-li", "全球治理", "quán qiú zhì lǐ", "global governance", "Governing together.", "共同治理。", hant="全球治理"),
    Term("ren-gong-zhi-neng-quan-qiu-zhi-li", "人工智能全球治理", "rén gōng zhì néng quán qiú zhì lǐ", "global AI governance", "Of AI, globally.", "全球范围的人工智能治理。", hant="人工智能全球治理"),
    Term("fa-zhan", "发展", "fā zhǎn", "development", "Growth.", "发展。", hant="發展"),
]
SITE = Site("Reader", "读本", "https://example.org/", "https://github.com/example/reader")


def render(zh: str, en: str = "", tree: str = "zh-Hans", kind: str = "paragraph", **extra):
    segment = Segment("t", "p1", kind, zh, en, LineRef("000", (1,)), derive_label("p1"), level=1 if kind == "heading" else 0, **extra)
    text = Text("t", "texts/t.yaml", "题", "Title", "2025-01-01", "", "plan", "发", "Issuer", "pub", None, (), "r", (), (segment,))
    return TreeContext(Corpus(texts=[text], terms=TERMS), tree, SITE), segment


def zh_html(zh: str, tree: str = "zh-Hans", **extra) -> str:
    ctx, segment = render(zh, tree=tree, **extra)
    return str(chinese_html(ctx, segment)[0])


def span(term_id: str, words: str, hint: str) -> str:
    return f'<span class="term" data-term="{term_id}" tabindex="0" role="button" title="{hint}">{words}</span>'


def test_longest_match_wins_over_overlapping_terms():
    assert zh_html("推进人工智能全球治理。") == "推进" + span(
        "ren-gong-zhi-neng-quan-qiu-zhi-li", "人工智能全球治理", "rén gōng zhì néng quán qiú zhì lǐ — global AI governance") + "。"


def test_only_the_first_occurrence_is_marked():
    assert zh_html("发展人工智能，发展经济。") == (
        span("fa-zhan", "发展", "fā zhǎn — development") + span("ren-gong-zhi-neng", "人工智能", "rén gōng zhì néng — artificial intelligence") + "，发展经济。"
    )


def test_traditional_text_is_marked_and_converted():
    assert zh_html("人工智能发展", tree="zh-Hant") == (
        span("ren-gong-zhi-neng", "人工智能", "rén gōng zhì néng — artificial intelligence") + span("fa-zhan", "發展", "fā zhǎn — development")
    )


def test_a_term_next_to_an_apparatus_mark_is_marked_but_not_inside_it():
    html = zh_html("加强企业和人才发展", corrections=(Correction("企业 and 人才", "企业和人才", "x"),))
    assert html.startswith('加强<span class="app app--correction"')
    assert "企业和人才<sup" in html and 'data-term' not in html.split("</span></span>")[0]
    assert html.endswith(span("fa-zhan", "发展", "fā zhǎn — development"))


def test_a_suppressed_term_is_not_marked():
    assert zh_html("发展人工智能", no_terms=frozenset({"fa-zhan"})) == "发展" + span("ren-gong-zhi-neng", "人工智能", "rén gōng zhì néng — artificial intelligence")


def test_headings_and_run_in_headings_are_not_marked():
    assert "data-term" not in zh_html("一、发展人工智能", kind="heading")
    assert zh_html("**发展**人工智能") == "<strong>发展</strong>" + span("ren-gong-zhi-neng", "人工智能", "rén gōng zhì néng — artificial intelligence")


def test_english_marks_only_terms_marked_in_the_chinese():
    ctx, segment = render("推进人工智能", "Advance artificial intelligence and development.")
    assert str(english_html(ctx, segment)[0]) == (
        'Advance <span class="term" data-term="ren-gong-zhi-neng" tabindex="0" role="button" title="人工智能 rén gōng zhì néng">artificial intelligence</span> and development.'
    )


def test_every_term_is_complete(corpus):
    for term in corpus.terms:
        assert term.pinyin and term.en and term.definition_en and term.definition_zh


def test_term_pages_and_indexes_in_every_tree(built_site):
    for tree in ("zh-Hans", "zh-Hant", "en"):
        index = (built_site / tree / "glossary" / "index.html").read_text(encoding="utf-8")
        assert 'id="by-pinyin"' in index and 'id="by-english"' in index
        page = (built_site / tree / "glossary" / "quan-qiu-nan-fang" / "index.html").read_text(encoding="utf-8")
        assert "Global South" in page and "quán qiú nán fāng" in page and 'id="concordance"' in page
        assert 'href="../../texts/action-plan-2025/#art-4"' in page


def test_concordance_is_in_date_order(built_site):
    page = (built_site / "en" / "glossary" / "quan-qiu-nan-fang" / "index.html").read_text(encoding="utf-8")
    concordance = page.split('class="concordance"')[1]
    dates = [chunk.split("</span>")[0] for chunk in concordance.split('class="concordance__date">')[1:]]
    assert dates == sorted(dates)


def corpus_terms(built_site) -> list:
    return json.loads((built_site / "downloads" / "glossary.json").read_text(encoding="utf-8"))["terms"]


def test_glossary_json_contract(built_site):
    data = json.loads((built_site / "downloads" / "glossary.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1 and len(data["terms"]) == len(corpus_terms(built_site))
    for term in data["terms"]:
        assert {"id", "zh-Hans", "zh-Hant", "pinyin", "en", "variants", "definition", "occurrences"} <= set(term)
        assert set(term["definition"]) >= {"en", "zh-Hans"} and term["occurrences"]


def test_glossary_csv_and_tbx(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / "downloads" / "glossary.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(corpus_terms(built_site)) and rows[0]["zh-Hans"] and rows[0]["pinyin"]
    tree = ET.parse(built_site / "downloads" / "glossary.tbx")
    entries = tree.getroot().findall("./text/body/termEntry")
    assert len(entries) == len(rows)
    languages = [lang.get("{http://www.w3.org/XML/1998/namespace}lang") for lang in entries[0].findall("langSet")]
    assert languages == ["zh-Hans", "zh-Hant", "en"]


def test_printed_chapter_ends_with_its_glossary(built_site):
    page = (built_site / "en" / "texts" / "waico-proposal-2025" / "index.html").read_text(encoding="utf-8")
    section = page.split('class="chapter-glossary"')[1]
    assert "世界人工智能合作组织" in section and "World AI Cooperation Organization" in section


@pytest.mark.parametrize("how", ["hover", "focus", "tap"])
def test_tooltip_opens_by_pointer_keyboard_and_touch(browser, site_url, how):
    context = browser.new_context(viewport={"width": 390 if how == "tap" else 1280, "height": 800}, has_touch=how == "tap")
    page = context.new_page()
    page.goto(f"{site_url}/en/texts/waico-proposal-2025/")
    term = page.locator('#p1 .segment__zh .term[data-term="shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi"]')
    getattr(term, how)()
    tip = page.locator("#aigov-term-tip")
    tip.wait_for(state="visible", timeout=3000)
    content = tip.inner_text()
    for expected in ("世界人工智能合作组织", "世界人工智能合作組織", "shì jiè rén gōng zhì néng hé zuò zǔ zhī", "World AI Cooperation Organization"):
        assert expected in content, content
    assert tip.locator("a").get_attribute("href") == "../../glossary/shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi/"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    context.close()
