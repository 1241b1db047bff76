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


def span(term_id: str, words: str, hint: str = "") -> str:
    """A marked term in the Chinese: the segment's tab stop for it (the hint lives in the chapter glossary, not here)."""
    return f'<span class="term" data-term="{term_id}" data-tab-stop>{words}</span>'


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
    """…and not as a tab stop: the Chinese occurrence is the segment's one tab stop for the term."""
    ctx, segment = render("推进人工智能", "Advance artificial intelligence and development.")
    assert str(english_html(ctx, segment)[0]) == (
        'Advance <span class="term" data-term="ren-gong-zhi-neng">artificial intelligence</span> and development.'
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


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_hover_or_focus_shows_a_one_language_tooltip(browser, site_url, how):
    """WCAG 1.4.13: the tooltip can be hovered, stays while pointed at, and Escape dismisses it without moving focus."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/en/texts/waico-proposal-2025/")
    term = page.locator('#p1 .segment__zh .term[data-term="shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi"]')
    getattr(term, how)()
    tip = page.locator("#aigov-term-tip")
    tip.wait_for(state="visible", timeout=3000)
    assert tip.get_attribute("role") == "tooltip" and tip.get_attribute("lang") == "en"
    assert tip.inner_text() == "World AI Cooperation Organization"
    assert term.get_attribute("aria-describedby") == "aigov-term-tip"
    if how == "hover":
        tip.hover()
        page.wait_for_timeout(500)
        assert tip.is_visible(), "the tooltip can be hovered"
    english = page.locator('#p1 .segment__en .term[data-term="shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi"]')
    english.hover()
    page.wait_for_timeout(100)
    assert tip.get_attribute("lang") == "zh-Hans" and tip.inner_text() == "世界人工智能合作组织"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    context.close()


@pytest.mark.parametrize("how", ["click", "keyboard", "tap"])
def test_a_term_opens_a_card_with_each_part_in_its_language(browser, site_url, how):
    context = browser.new_context(viewport={"width": 390 if how == "tap" else 1280, "height": 800}, has_touch=how == "tap")
    page = context.new_page()
    page.goto(f"{site_url}/en/texts/waico-proposal-2025/")
    term = page.locator('#p1 .segment__zh .term[data-term="shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi"]')
    if how == "keyboard":
        term.focus()
        page.keyboard.press("Enter")
    else:
        getattr(term, how)()
    card = page.locator("#aigov-term-card")
    card.wait_for(state="visible", timeout=3000)
    assert card.get_attribute("role") == "dialog" and term.get_attribute("aria-expanded") == "true"
    parts = {selector: (card.locator(selector).inner_text(), card.locator(selector).get_attribute("lang")) for selector in
             (".term-card__chinese", ".term-card__other", ".term-card__pinyin", ".term-card__en")}
    assert parts == {".term-card__chinese": ("世界人工智能合作组织", "zh-Hans"), ".term-card__other": ("世界人工智能合作組織", "zh-Hant"),
                     ".term-card__pinyin": ("shì jiè rén gōng zhì néng hé zuò zǔ zhī", "zh-Latn-pinyin"),
                     ".term-card__en": ("World AI Cooperation Organization", "en")}
    assert card.locator(".term-card__definition").get_attribute("lang") == "en"
    assert card.locator("a.term-card__link").get_attribute("href") == "../../glossary/shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi/"
    if how == "keyboard":
        assert page.evaluate("document.activeElement.id") == "aigov-term-card", "focus moves into the card"
    page.keyboard.press("Escape")
    assert not card.is_visible()
    if how != "tap":
        assert page.evaluate("document.activeElement.getAttribute('data-term')") == "shi-jie-ren-gong-zhi-neng-he-zuo-zu-zhi", "focus returns to the term"
    context.close()


def test_only_the_first_occurrence_of_a_term_in_a_segment_is_a_tab_stop(page, site_url):
    page.goto(f"{site_url}/en/texts/gong-manlu-ai-safety/")
    stops = page.eval_on_selector_all('.term[tabindex="0"]', "els => els.map(e => e.closest('.segment').id + '/' + e.dataset.term)")
    assert stops and len(stops) == len(set(stops)), "one tab stop per term and segment"
    assert page.locator('.segment__en .term[tabindex="0"]').count() == 0
    marked = page.eval_on_selector_all(".term[data-term]", "els => new Set(els.map(e => e.closest('.segment').id + '/' + e.dataset.term)).size")
    assert len(stops) == marked
    page.click(".view-toggle button[data-view=en]")
    assert page.locator('.segment__en .term[tabindex="0"]').count() > 0, "with the English alone its terms are the tab stops"
    page.click(".view-toggle button[data-view=both]")


def test_occurrences_are_found_again_when_the_texts_change():
    """occurrences() keeps its last answer for the corpus's own terms and texts, and only for those objects."""
    from dataclasses import replace

    from build_tools.glossary import occurrences

    ctx, segment = render("发展人工智能")
    corpus = ctx.corpus
    first = occurrences(corpus.terms, corpus)
    assert occurrences(corpus.terms, corpus) is first and set(first) == {"fa-zhan", "ren-gong-zhi-neng"}
    corpus.texts[0] = replace(corpus.texts[0], segments=(replace(segment, zh="全球治理"),))
    assert set(occurrences(corpus.terms, corpus)) == {"quan-qiu-zhi-li"}
    assert set(occurrences([TERMS[3]], corpus)) == set()  # other terms: found afresh, the kept answer untouched
    assert set(occurrences(corpus.terms, corpus)) == {"quan-qiu-zhi-li"}
