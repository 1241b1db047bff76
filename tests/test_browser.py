"""The reader in a real Chromium: trees, toggle, script switch, anchors, print, search, accessibility."""
from __future__ import annotations

import re

import pytest

from .conftest import ARTIFACTS

TEXT = "texts/action-plan-2025/"
TREES = {"zh-Hans": "zh-Hans", "zh-Hant": "zh-Hant", "en": "en"}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("tree", TREES)
def test_each_tree_loads_with_its_language(page, site_url, tree):
    page.goto(f"{site_url}/{tree}/{TEXT}")
    assert page.get_attribute("html", "lang") == tree
    assert page.locator("#art-10 .segment__zh").get_attribute("lang") == ("zh-Hant" if tree == "zh-Hant" else "zh-Hans")
    assert page.locator("#art-10 .segment__en").get_attribute("lang") == "en"
    shoot(page, f"text-{tree}")


def test_landing_page_sends_to_the_browser_language(browser, site_url):
    for locale, tree in (("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant"), ("en-GB", "en"), ("fr-FR", "en")):
        context = browser.new_context(locale=locale)
        tab = context.new_page()
        tab.goto(f"{site_url}/")
        tab.wait_for_url(re.compile(f"/{tree}/$"))
        context.close()


def test_side_by_side_when_wide_and_stacked_when_narrow(page, site_url):
    page.goto(f"{site_url}/en/{TEXT}#art-10")
    zh, en = page.locator("#art-10 .segment__zh"), page.locator("#art-10 .segment__en")
    assert abs(zh.bounding_box()["y"] - en.bounding_box()["y"]) < 5 and en.bounding_box()["x"] > zh.bounding_box()["x"]
    page.set_viewport_size({"width": 390, "height": 900})
    assert en.bounding_box()["y"] > zh.bounding_box()["y"] + zh.bounding_box()["height"] - 1


def test_toggle_hides_a_language_and_persists(page, site_url):
    page.goto(f"{site_url}/en/{TEXT}")
    page.click(".view-toggle button[data-view=en]")
    assert not page.locator("#art-10 .segment__zh").is_visible()
    assert page.locator("#art-10 .segment__en").is_visible()
    page.goto(f"{site_url}/en/texts/shanghai-declaration-2024/")
    assert not page.locator("#s2-p3 .segment__zh").is_visible()
    page.click(".view-toggle button[data-view=zh]")
    assert not page.locator("#s2-p3 .segment__en").is_visible()
    page.click(".view-toggle button[data-view=both]")
    assert page.locator("#s2-p3 .segment__en").is_visible() and page.locator("#s2-p3 .segment__zh").is_visible()


def test_without_scripts_both_languages_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/en/{TEXT}")
    assert tab.locator("#art-10 .segment__zh").is_visible() and tab.locator("#art-10 .segment__en").is_visible()
    assert not tab.locator(".view-toggle").is_visible()
    assert tab.locator(".chapter-glossary__list").is_visible(), "the chapter glossary is folded only where a script can unfold it"
    context.close()


def test_script_switch_lands_on_the_same_segment(page, site_url):
    page.goto(f"{site_url}/zh-Hans/{TEXT}#art-10")
    page.locator("a[data-tree=zh-Hant]").dispatch_event("click")
    page.wait_for_url(re.compile(r"/zh-Hant/texts/action-plan-2025/#art-10$"))
    assert "開展人工智能安全治理" in page.locator("#art-10 .segment__zh").inner_text()


def test_anchor_scrolls_to_and_highlights_the_segment(page, site_url):
    page.goto(f"{site_url}/en/{TEXT}#art-10")
    box = page.locator("#art-10").bounding_box()
    assert 0 <= box["y"] < 300
    background = page.locator("#art-10").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_apparatus_mark_shows_the_other_reading(page, site_url):
    page.goto(f"{site_url}/zh-Hans/texts/li-qiang-waic-2025/")
    mark = page.locator("#p3 .app--correction")
    tip = mark.locator(".app__tip")
    assert not tip.is_visible()
    mark.focus()
    assert tip.is_visible() and "企业 and 人才" in tip.inner_text()
    assert "企业 and 人才" in page.locator("#p3 .segment__notes .note--correction").inner_text()


def test_print_hides_the_chrome_and_shows_both_languages(page, site_url):
    page.goto(f"{site_url}/en/{TEXT}")
    page.click(".view-toggle button[data-view=en]")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".view-toggle"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("#art-10 .segment__zh").is_visible()
    assert page.locator(".print-url").is_visible()


def search(page, site_url, tree, query) -> list[str]:
    """Type a query into Material's search and return the result links once they are for the whole query."""
    page.goto(f"{site_url}/{tree}/")
    field = page.locator(".md-search__input")
    if not field.is_visible():  # narrow screens: open the search overlay first
        page.locator("label.md-header__button[for=__search]").click()
    field.click()
    page.fill(".md-search__input", query)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    page.wait_for_timeout(1000)  # the query is debounced: let the results for the whole query arrive
    for _ in range(10):  # Material renders results in batches as the list scrolls
        page.locator(".md-search-result__link").last.scroll_into_view_if_needed()
        page.wait_for_timeout(100)
    links = page.locator(".md-search-result__link")
    return [decodeURIComponent(href) for href in (links.nth(i).get_attribute("href") for i in range(links.count()))]


def decodeURIComponent(value: str) -> str:
    from urllib.parse import unquote

    return unquote(value)


@pytest.mark.parametrize("tree, query, expected", [
    ("zh-Hans", "监管沙盒", "texts/miao-wei-2026/"),
    ("zh-Hant", "開源社區", "texts/action-plan-2025/"),
    ("zh-Hant", "監管沙盒", "texts/miao-wei-2026/"),
    ("en", "sandbox", "texts/miao-wei-2026/"),
    ("zh-Hans", "chokehold", "texts/miao-wei-2026/"),
])
def test_search_finds_chinese_and_english(page, site_url, tree, query, expected):
    hrefs = search(page, site_url, tree, query)
    assert any(expected in href for href in hrefs), hrefs


# Rules allowed to fail, each with the reason. Keep this list short and explained.
AXE_ALLOWED = {
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("tree", TREES)
def test_text_pages_have_no_wcag_a_or_aa_violations(page, site_url, tree, scheme):
    """In the light and the dark scheme (chosen by the system preference), with a term card and a menu open."""
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    for text in ("action-plan-2025", "li-qiang-waic-2025"):
        page.goto(f"{site_url}/{tree}/texts/{text}/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        page.locator(".segment__menu summary").last.click()
        page.locator('.term[tabindex="0"]').first.click()
        page.locator(".term-card").wait_for(state="visible")
        assert page.locator(".segment__menu[open]").count() == 1
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        violations = [v for v in results.response["violations"] if v["id"] not in AXE_ALLOWED]
        assert violations == [], "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})" for v in violations)


OTHER_PAGES = ("", "timeline/", "glossary/", "glossary/kai-yuan/", "themes/", "themes/open-source/",
               "compare/shanghai-declaration-2024--action-plan-2025/", "downloads/", "method/", "about/", "about-translation/")


@pytest.mark.parametrize("tree, scheme", [("en", "light"), ("zh-Hant", "dark")])
def test_every_other_page_kind_has_no_wcag_a_or_aa_violations(page, site_url, tree, scheme):
    """Home, timeline, glossary, term, themes, comparison, downloads and prose pages, in each scheme."""
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    found = []
    for path in OTHER_PAGES:
        page.goto(f"{site_url}/{tree}/{path}")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        found += [f"{path or 'home'}: {v['id']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})" for v in results.response["violations"]]
    assert found == []
