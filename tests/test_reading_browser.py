"""Reading a long text in a real Chromium: contents, room to read, a quieter page (folded glossary,
term marks that can be hidden, the passage menu), citations, moving by passage, the dark scheme."""
from __future__ import annotations

import datetime
import json
import re

import pytest

from .test_browser import shoot

PLAN = "texts/action-plan-2025/"


def test_the_contents_list_shows_the_articles_and_headings(page, site_url, corpus):
    plan = next(text for text in corpus.texts if text.id == "action-plan-2025")
    articles = [segment.local_id for segment in plan.segments if segment.kind == "article"]
    page.goto(f"{site_url}/en/{PLAN}")
    links = page.locator(".md-sidebar--secondary .text-toc a")
    assert [href.lstrip("#") for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")] == articles
    assert links.nth(9).inner_text().startswith("Art. 10") and "AI safety governance" in links.nth(9).inner_text()
    links.nth(9).click()
    page.wait_for_url(re.compile(r"#art-10$"))
    page.goto(f"{site_url}/zh-Hant/texts/gong-manlu-ai-safety/")
    headings = page.locator(".md-sidebar--secondary .text-toc a")
    assert headings.count() >= 10 and page.locator("h2 .headerlink, h3 .headerlink").count() >= 10, "headings have permalinks"


def test_on_a_phone_the_contents_are_one_tap_away(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/zh-Hans/{PLAN}")
    page.mouse.wheel(0, 3000)
    button = page.locator(".contents-fab")
    assert button.is_visible()
    button.tap()
    dialog = page.locator(".contents-dialog")
    assert dialog.is_visible()
    dialog.locator('a[href="#art-10"]').tap()
    page.wait_for_url(re.compile(r"#art-10$"))
    assert not dialog.is_visible()
    assert 0 <= page.locator("#art-10").bounding_box()["y"] < 200
    context.close()


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_text_has_the_width_and_lines_stay_comfortable(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}/en/{PLAN}")
    nav = page.locator(".md-sidebar--primary")
    box = nav.bounding_box() if nav.is_visible() else None
    assert box is None or box["x"] + box["width"] <= 0, "the site navigation is behind the menu on text pages"
    zh, en = page.locator("#art-10 .segment__zh"), page.locator("#art-10 .segment__en")
    assert zh.bounding_box()["width"] >= (400 if width == 1280 else 300)
    for column, most in ((zh, 40.5), (en, 36.5)):
        em = column.evaluate("e => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)")
        assert em <= most
    page.click(".view-toggle button[data-view=zh]")
    characters = zh.evaluate("e => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)")
    assert characters <= 40.5, "one Chinese column alone is still at most about 40 characters wide"
    page.click(".view-toggle button[data-view=both]")
    if width == 1280:
        shoot(page, "text-wide")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_chapter_glossary_is_folded_on_screen_and_whole_in_print(page, site_url):
    page.goto(f"{site_url}/en/{PLAN}")
    entry = page.locator(".chapter-glossary__list li").first
    toggle = page.locator(".chapter-glossary__toggle")
    assert not entry.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert entry.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    page.emulate_media(media="print")
    assert entry.is_visible(), "paper gets the whole chapter glossary"
    page.emulate_media(media="screen")
    assert page.locator("#aigov-terms").count() == 0, "no tooltip data repeats the glossary on the page"


def test_term_marks_can_be_hidden_and_the_choice_is_remembered(page, site_url):
    page.goto(f"{site_url}/en/{PLAN}")
    term = page.locator('#art-10 .segment__zh .term[data-tab-stop]').first
    assert term.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    toggle = page.locator(".marks-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert term.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert term.get_attribute("tabindex") == "-1", "hidden marks are no tab stops"
    page.reload()
    assert page.locator(".marks-toggle").get_attribute("aria-pressed") == "false"
    assert page.locator('#art-10 .segment__zh .term[data-tab-stop]').first.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    page.locator(".marks-toggle").click()


def test_the_passage_menu_opens_by_keyboard(page, site_url):
    page.goto(f"{site_url}/en/{PLAN}")
    provenance = page.locator("#art-10 .segment__provenance")
    assert not provenance.is_visible(), "the provenance line is in the menu, not on the page"
    page.locator("#art-10 .segment__label").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.segment__menu') !== null")
    page.keyboard.press("Enter")
    assert provenance.is_visible() and "001:" in provenance.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('segment__permalink')")
    page.keyboard.press("Escape")
    assert not provenance.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY", "focus returns to the menu button"


def test_the_passage_menu_opens_by_tap_and_closes_by_a_tap_elsewhere(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/zh-Hant/{PLAN}#art-10")
    page.locator("#art-10 .segment__menu summary").tap()
    suggest = page.locator("#art-10 .segment__suggest")
    assert suggest.is_visible() and suggest.get_attribute("href").startswith("https://github.com/")
    box = suggest.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the menu fits the phone's screen"
    shoot(page, "passage-menu-zh-Hant")
    page.locator("#art-10 .segment__zh").tap()
    assert not suggest.is_visible()
    context.close()


def cite(page, site_url, tree):
    page.goto(f"{site_url}/{tree}/{PLAN}")
    page.locator("#art-10 .segment__menu summary").click()
    page.locator("#art-10 .segment__cite").click()
    dialog = page.locator(".cite-dialog")
    assert dialog.is_visible()
    formats = {}
    for name in ("plain", "bibtex", "ris", "csl-json"):
        dialog.locator(f'button[data-format="{name}"]').click()
        formats[name] = dialog.locator("textarea").input_value()
    return dialog, formats


def test_cite_formats_for_reference_managers(page, site_url):
    today = datetime.date.today().isoformat()
    dialog, formats = cite(page, site_url, "en")
    url = "/en/texts/action-plan-2025/#art-10"
    plain = formats["plain"]
    assert "“Global AI Governance Action Plan” (2025-07-26), Art. 10." in plain
    assert "English translation by aigov-reader contributors" in plain and f"accessed {today}" in plain and url in plain
    bibtex = formats["bibtex"]
    assert bibtex.startswith("@misc{action-plan-2025-art-10,") and bibtex.rstrip().endswith("}")
    assert "translator = {{aigov-reader contributors}}" in bibtex and f"urldate = {{{today}}}" in bibtex and "{Global AI Governance Action Plan}, Art. 10" in bibtex
    assert bibtex.count("{") == bibtex.count("}")
    ris = dict(line.split("  - ", 1) for line in formats["ris"].strip().splitlines() if "  - " in line)
    assert ris["TY"] == "GOVDOC" and ris["SE"] == "Art. 10" and ris["A4"] == "aigov-reader contributors" and ris["Y2"] == today.replace("-", "/")
    assert formats["ris"].rstrip().endswith("ER  -")
    (item,) = json.loads(formats["csl-json"])
    assert item["translator"] == [{"literal": "aigov-reader contributors"}] and item["section"] == "Art. 10"
    assert item["issued"] == {"date-parts": [[2025, 7, 26]]} and item["accessed"]["date-parts"][0] == [int(part) for part in today.split("-")]
    assert item["URL"].endswith(url) and item["URL"].startswith("https://")
    download = dialog.locator(".cite-dialog__download")
    assert download.get_attribute("download") == "action-plan-2025-art-10.json"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY", "focus returns to the passage's menu"


def test_citations_are_in_the_language_of_the_tree(page, site_url):
    today = datetime.date.today().isoformat()
    _, formats = cite(page, site_url, "zh-Hans")
    assert "《人工智能全球治理行动计划》（2025-07-26），第十条。英译：aigov-reader 贡献者。" in formats["plain"]
    assert f"访问日期：{today}" in formats["plain"]
    assert json.loads(formats["csl-json"])[0]["language"] == "zh-Hans"
    _, formats = cite(page, site_url, "zh-Hant")
    assert "《人工智能全球治理行動計劃》" in formats["plain"] and "第十條" in formats["plain"]


def test_j_and_k_move_by_passage_past_the_terms(page, site_url):
    page.goto(f"{site_url}/en/{PLAN}")
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.closest('.segment').id")
    page.keyboard.press("j")
    second = page.evaluate("document.activeElement.closest('.segment').id")
    assert first != second
    page.locator("#art-3 .term[data-tab-stop]").first.focus()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.closest('.segment').id") == "art-4", "from a term, j skips the rest of its passage"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.closest('.segment').id") == "art-3"


def test_earlier_and_later_texts_are_linked(page, site_url, corpus):
    from build_tools.model import chronological

    ordered = [text.id for text in chronological(corpus.texts)]
    at = ordered.index("action-plan-2025")
    page.goto(f"{site_url}/en/{PLAN}")
    assert page.locator('.text-neighbours a[rel="prev"]').get_attribute("href") == f"../{ordered[at - 1]}/"
    assert page.locator('.text-neighbours a[rel="next"]').get_attribute("href") == f"../{ordered[at + 1]}/"


def test_the_scripts_restyle_nothing_on_the_root_at_load(page, site_url):
    """Each change of <html>'s classes or attributes, or of the color-scheme meta, restyled the whole
    page (a third of a phone's blocking time): the head sets them once, the scripts leave them alone."""
    # From the start of <body> (the head's own script sets them before it), every set of an attribute of
    # <html> or of the color-scheme meta that changed its value. (A set to the same value restyles nothing.)
    page.add_init_script("""window.__rootSets = []; const watch = new MutationObserver(records => records.forEach(r =>
          window.__rootSets.push([r.target, r.attributeName, r.oldValue])));
        const start = new MutationObserver(() => { if (!document.body) return; start.disconnect();
          watch.observe(document.documentElement, {attributes: true, attributeOldValue: true});
          watch.observe(document.querySelector('meta[name="color-scheme"]'), {attributes: true, attributeOldValue: true}); });
        start.observe(document, {childList: true, subtree: true});""")
    page.goto(f"{site_url}/en/{PLAN}")
    page.wait_for_timeout(300)
    changed = page.evaluate("""() => window.__rootSets.map(([node, name, old], i) => {
        const next = window.__rootSets.slice(i + 1).find(([n, a]) => n === node && a === name);
        return [node.nodeName + " " + name, old, next ? next[2] : node.getAttribute(name)]; }).filter(([, old, now]) => old !== now)""")
    assert changed == [], "set in the head (overrides/main.html), not again by Material's bundle or reader.js"
    assert page.evaluate("document.documentElement.className.split(' ')") == ["js", "js-focus-visible"]
    schemes = page.locator('meta[name="color-scheme"]')
    assert schemes.count() == 1 and schemes.get_attribute("content") == "light"
    page.locator('label[for^="__palette_"]:visible').first.click()
    assert schemes.count() == 1 and schemes.get_attribute("content") == "dark", "a switch still sets the scheme"
    page.locator('label[for^="__palette_"]:visible').first.click()
    assert page.locator(".md-typeset .term[data-term]").first.evaluate("e => getComputedStyle(e).cursor") == "help"
    page.click(".marks-toggle")
    assert page.locator(".md-typeset .term[data-term]").first.evaluate("e => getComputedStyle(e).cursor") == "auto"
    page.click(".marks-toggle")


def test_a_chosen_view_applies_before_the_first_paint(page, site_url):
    page.goto(f"{site_url}/en/{PLAN}")
    page.click(".view-toggle button[data-view=zh]")
    # The new page's first layout already hides the English: nothing reflows after the scripts run.
    page.add_init_script("""document.addEventListener("DOMContentLoaded", () => { window.__viewAtParse =
        document.documentElement.getAttribute("data-view"); window.__englishShown = [...document.querySelectorAll(".segment__en")]
        .some(e => e.getClientRects().length > 0); });""")
    page.goto(f"{site_url}/zh-Hans/{PLAN}")
    assert page.evaluate("window.__viewAtParse") == "zh" and page.evaluate("window.__englishShown") is False
    page.click(".view-toggle button[data-view=both]")


def test_the_dark_scheme_follows_the_system_and_has_a_toggle(page, site_url):
    page.emulate_media(color_scheme="dark")
    # Every change of the body's attributes, from the start: the palette restyles the page at load only if it must.
    page.add_init_script("""window.__bodyChanges = []; new MutationObserver(records => records.forEach(r => window.__bodyChanges.push(r.attributeName)))
        .observe(document, {attributes: true, subtree: true, attributeFilter: ["data-md-color-switching"]});""")
    page.goto(f"{site_url}/zh-Hans/{PLAN}")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.wait_for_timeout(300)
    assert page.evaluate("window.__bodyChanges") == [], "the page is not restyled with transitions off at load (material_patches.QUIET_PALETTE)"
    background = body.evaluate("e => getComputedStyle(e).backgroundColor")
    shoot(page, "text-dark")
    toggle = page.locator('label[for^="__palette_"]:visible').first
    assert "浅色" in (toggle.get_attribute("title") or toggle.get_attribute("aria-label") or "")
    toggle.click()
    assert body.get_attribute("data-md-color-scheme") == "default"
    assert body.evaluate("e => getComputedStyle(e).backgroundColor") != background
    assert "data-md-color-switching" in page.evaluate("window.__bodyChanges"), "a switch by the reader still turns transitions off"
    page.locator('label[for^="__palette_"]:visible').first.click()  # back to the system's choice for the other tests


def test_passages_far_from_the_screen_wait_to_be_laid_out_and_a_menu_is_never_clipped(page, site_url):
    """content-visibility: a passage off screen is skipped until it comes near; the one whose menu is open is
    painted whole, even when the menu reaches beyond it (the pointer and focus elsewhere)."""
    page.goto(f"{site_url}/en/{PLAN}")
    rendered = "(id) => document.getElementById(id).querySelector('.segment__zh').checkVisibility({contentVisibilityAuto: true})"
    last = page.evaluate("Array.from(document.querySelectorAll('.md-typeset div.segment')).pop().id")
    assert not page.evaluate(rendered, last), "the last passage is not laid out while the page opens"
    page.evaluate("(id) => document.getElementById(id).scrollIntoView()", last)
    page.wait_for_function(rendered, arg=last)
    short = page.evaluate("""() => Array.from(document.querySelectorAll('.md-typeset div.segment')).map((s) => [s.getBoundingClientRect().height, s.id])
                                     .sort((a, b) => a[0] - b[0])[0][1]""")
    page.locator(f"#{short} .segment__menu summary").click()
    page.mouse.move(1, 450)
    page.evaluate("document.activeElement.blur()")
    box, segment = page.locator(f"#{short} .segment__menu-list").bounding_box(), page.locator(f"#{short}").bounding_box()
    bottom = box["y"] + box["height"] - 3  # inside the menu's last line
    assert bottom > segment["y"] + segment["height"] + 5, f"#{short}'s menu should reach beyond it for this test"
    hit = "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.segment__menu-list')"
    assert page.evaluate(hit, [box["x"] + 12, bottom]), "the open menu is painted where it overflows its passage"
    shoot(page, "passage-menu-overflowing")
