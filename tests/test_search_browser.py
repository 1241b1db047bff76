"""Search in a real Chromium: our index (build_tools/search.py) and the patched worker and bundle (material_patches.py).

A result list is read as the reader sees it: groups in order (one per page), and
in each group its hits best first (Material shows a page's title above its hits
even when the page itself did not match: such a placeholder, scored 0, is no hit).
The first hit is the one Enter opens.
"""
from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

import pytest

from build_tools.search import VARIANTS

from .conftest import ARTIFACTS

TEXT = "texts/action-plan-2025/"

HITS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].flatMap(item =>
  [...item.querySelectorAll('a.md-search-result__link')]
    .map(a => ({href: a.getAttribute('href'), score: parseFloat(a.querySelector('article').dataset.mdScore)}))
    .filter(hit => hit.score > 0)
    .sort((a, b) => b.score - a.score))"""


def open_search(page) -> None:
    field = page.locator(".md-search__input")
    if not field.is_visible():  # narrow screens: open the search overlay first
        page.locator("label.md-header__button[for=__search]").click()
    field.click()


def hits(page, site_url: str, tree: str, query: str) -> list[str]:
    """The hits for a query, best first, as locations relative to the tree (`texts/x/#art-3`)."""
    page.goto(f"{site_url}/{tree}/{TEXT}")
    open_search(page)
    page.fill(".md-search__input", query)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    page.wait_for_timeout(800)  # the query is debounced: let the results for the whole query arrive
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{tree}-{query.encode().hex()[:24]}.png"))
    base = f"{site_url}/{tree}/"
    found = []
    for hit in page.evaluate(HITS_JS):
        parts = urlsplit(hit["href"])
        location = f"{parts.scheme}://{parts.netloc}{parts.path}"[len(base):] + (f"#{parts.fragment}" if parts.fragment else "")
        found.append(location)
    return found


def index_of(built_site, tree: str) -> dict[str, dict]:
    data = json.loads((built_site / tree / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc for doc in data["docs"]}


def plain(value: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", value.replace("\u200b", "")))


def contains(doc: dict, query: str, fold: dict[str, str]) -> bool:
    text = plain(doc["text"]).lower()
    return query.translate(str.maketrans(fold)).lower() in text


def is_passage(location: str) -> bool:
    return location.startswith("texts/") and "#" in location


QUERIES = [  # tree, query, the term's own page (or None), the words a passage must contain
    ("zh-Hans", "新质生产力", "glossary/xin-zhi-sheng-chan-li/", "新质生产力"),
    ("zh-Hans", "数据跨境流动", "glossary/shu-ju-kua-jing-liu-dong/", "数据跨境流动"),
    ("zh-Hans", "人工智能全球治理", None, "人工智能全球治理"),
    ("zh-Hant", "新質生產力", "glossary/xin-zhi-sheng-chan-li/", "新質生產力"),
    ("zh-Hant", "數據跨境流動", "glossary/shu-ju-kua-jing-liu-dong/", "數據跨境流動"),
    ("zh-Hant", "人工智能全球治理", None, "人工智能全球治理"),
    ("zh-Hant", "以人爲本", "glossary/yi-ren-wei-ben/", "以人為本"),  # 爲, a variant of the index's 為
    ("en", "open source", "glossary/kai-yuan/", "open source"),
    ("en", "cross-border data", None, "cross-border data"),
]


@pytest.mark.parametrize("tree, query, term_page, words", QUERIES)
def test_the_passage_comes_first(page, site_url, built_site, tree, query, term_page, words):
    index = index_of(built_site, tree)
    fold = VARIANTS if tree == "zh-Hant" else {}
    found = hits(page, site_url, tree, query)
    passages = [location for location in found[:3] if is_passage(location) and contains(index[location], words, fold)]
    assert passages, (query, found[:5])
    assert found[0] in passages or found[0] == term_page, (query, found[:5])


def test_either_variant_form_finds_the_same(page, site_url):
    assert hits(page, site_url, "zh-Hant", "以人爲本") == hits(page, site_url, "zh-Hant", "以人為本") != []
    assert hits(page, site_url, "zh-Hant", "衆") == hits(page, site_url, "zh-Hant", "眾") != []


@pytest.mark.parametrize("tree, query", [("zh-Hans", "人工智能+"), ("zh-Hant", "人工智能+"), ("zh-Hans", "人工智能＋教育")])
def test_a_query_ending_in_a_symbol_finds_results(page, site_url, tree, query):
    found = hits(page, site_url, tree, query)
    assert len(found) > 3 and any(is_passage(location) for location in found[:3]), found[:5]
    assert found == hits(page, site_url, tree, query.replace("+", " ").replace("＋", " ")), "the symbol is a space"


def test_a_latin_query_ending_in_a_symbol_finds_the_words_written_with_it(page, site_url):
    assert "glossary/ren-gong-zhi-neng-jia/" in hits(page, site_url, "en", "AI+")  # “AI+” is one word of the index


SEGMENT_FUNCTION = re.compile(r"function fe\(t,e\)\{.*?return r\.has\(\"\"\)\?new Set\(\[t\]\):r\}")


def test_the_segmenter_tries_words_ending_at_the_last_character(page, site_url, built_site):
    """The upstream bug (docs-dev/upstream/material-search-segmenter.md), run in the browser: Material's function, then ours."""
    from build_tools.material_patches import theme_scripts

    original = SEGMENT_FUNCTION.search(next(theme_scripts().glob("workers/search.*.min.js")).read_text(encoding="utf-8")).group(0)
    ours = SEGMENT_FUNCTION.search(next((built_site / "zh-Hans" / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")).group(0)
    page.goto(f"{site_url}/zh-Hans/")
    index = {"新": 1, "新质生产力": 1, "数据": 1, "跨境": 1, "流动": 1, "人工智能": 1, "安": 1}

    def segment(function: str, query: str) -> list[str]:
        return page.evaluate(f"([query, index]) => {{ {function}; return [...fe(query, index)] }}", [query, index])

    assert segment(original, "新质生产力") == ["新"]
    assert segment(ours, "新质生产力") == ["新质生产力"]
    assert sorted(segment(original, "数据跨境流动")) == ["数据", "跨境"]
    assert sorted(segment(ours, "数据跨境流动")) == ["数据", "流动", "跨境"]
    assert segment(ours, "人工智能安") == ["人工智能", "安"]  # a one-character word at the end


def test_a_page_loads_no_index_and_no_sitemap_until_search_is_opened(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/en/{TEXT}")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "search_index" in url or "sitemap" in url] == []
    assert any("/workers/search." in url for url in requested), "the worker itself still starts (it is small)"
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.keyboard.type("sandbox")
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    assert [url for url in requested if "search_index" in url] == [f"{site_url}/en/search/search_index.json"]
    assert not [url for url in requested if "sitemap" in url]
    page.screenshot(path=str(ARTIFACTS / "search-en-sandbox.png"))


def test_a_result_link_highlights_the_words_on_the_page(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/zh-Hans/{TEXT}?h=开源")
    marks = page.locator("mark[data-md-highlight]")
    marks.first.wait_for(timeout=15000)
    marks.first.scroll_into_view_if_needed()  # a passage far from the screen is not laid out, and has no innerText, until then
    page.wait_for_function("() => document.querySelector('mark[data-md-highlight]').innerText === '开源'", timeout=5000)
    assert sum("search_index" in url for url in requested) == 1, "a page opened from a result asks for the index"


@pytest.mark.parametrize("path", [TEXT, "glossary/kai-yuan/", "timeline/", "themes/", ""])
def test_the_language_links_go_to_the_same_page(page, site_url, checked, path):
    from build_tools.render.urls import tree_url

    page.goto(f"{site_url}/en/{path}")
    for tree in ("zh-Hans", "zh-Hant", "en"):
        href = page.locator(f"a[data-tree={tree}]").get_attribute("href")
        assert page.evaluate("(href) => new URL(href, location.href).href", href) == f"{site_url}/{tree}/{path}"
    alternates = page.locator("link[rel=alternate][hreflang]")
    assert {alternates.nth(i).get_attribute("href") for i in range(alternates.count())} == {
        tree_url(checked.site, tree) + path for tree in ("zh-Hans", "zh-Hant", "en")}
    page.locator("a[data-tree=zh-Hant]").dispatch_event("click")
    page.wait_for_url(f"{site_url}/zh-Hant/{path}")
