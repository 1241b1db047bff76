"""Links, themes and the timeline in a real Chromium: follow a link to its other end and back;
filter the timeline; follow a mention to its event and back."""
from __future__ import annotations

import re

from .test_browser import shoot


def test_a_link_leads_to_the_other_end_and_back(page, site_url):
    page.goto(f"{site_url}/en/texts/action-plan-2025/#art-11")
    link = page.locator('#art-11 .connection a[href*="shanghai-declaration-2024"]').first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(rf"/en/texts/shanghai-declaration-2024/#{target}$"))
    segment = page.locator(f"#{target}")
    assert 0 <= segment.bounding_box()["y"] < 400, "the other end is scrolled into view"
    back = segment.locator('.connection a[href$="action-plan-2025/#art-11"]')
    assert back.count() == 1, "the link is shown at its other end too"
    back.click()
    page.wait_for_url(re.compile(r"/en/texts/action-plan-2025/#art-11$"))
    assert 0 <= page.locator("#art-11").bounding_box()["y"] < 400


def test_link_types_can_be_filtered(page, site_url):
    page.goto(f"{site_url}/en/texts/action-plan-2025/")
    develops = page.locator('#art-11 li[data-link-type="develops"]').first
    assert not develops.is_visible(), "a passage's connections are folded under their count"
    page.locator("#art-11 .connections > summary").click()
    assert develops.is_visible()
    page.locator('.link-filter input[value="develops"]').uncheck()
    assert not develops.is_visible()


def test_timeline_filters_by_kind_and_mention(page, site_url):
    page.goto(f"{site_url}/en/timeline/")
    shoot(page, "timeline-en")
    law = page.locator('.tl-event[data-kind="law"]').first
    assert law.is_visible()
    page.locator('.timeline-filter input[value="law"]').uncheck()
    assert not law.is_visible()
    page.locator('.timeline-filter input[value="law"]').check()
    unmentioned = page.locator('.tl-event[data-mentioned="no"]').first
    assert unmentioned.is_visible()
    page.locator('.timeline-filter input[value="mentioned"]').check()
    assert not unmentioned.is_visible() and page.locator('.tl-event[data-mentioned="yes"]').first.is_visible()


def test_a_mention_leads_to_its_event_and_back(page, site_url):
    page.goto(f"{site_url}/en/texts/action-plan-2025/")
    mention = page.locator("#art-11 .mention").first
    event_id = mention.get_attribute("href").split("#")[1]
    mention.click()
    page.wait_for_url(re.compile(rf"/en/timeline/#{event_id}$"))
    event = page.locator(f"#{event_id}")
    assert event.is_visible()
    back = event.locator('.tl-event__mentions a[href$="action-plan-2025/#art-11"]')
    assert back.count() == 1
    back.click()
    page.wait_for_url(re.compile(r"/en/texts/action-plan-2025/#art-11$"))


def test_the_timeline_is_a_list_on_phones_and_on_paper(page, site_url):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{site_url}/zh-Hant/timeline/")
    assert not page.locator(".tl-figure").is_visible()
    assert page.locator(".tl-event").first.is_visible()
    shoot(page, "timeline-zh-Hant")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator(".tl-figure").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".tl-figure").is_visible() and page.locator(".tl-event").first.is_visible()


def test_comparison_and_theme_pages_read_on_a_phone(page, site_url):
    for path in ("compare/shanghai-declaration-2024--action-plan-2025/", "themes/open-source/"):
        page.set_viewport_size({"width": 390, "height": 900})
        page.goto(f"{site_url}/en/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 392, f"{path} scrolls sideways on a phone ({width}px)"
        shoot(page, path.split("/")[0])
