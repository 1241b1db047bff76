"""The timeline drawing: time-proportional x, labels that never overlap, an accessible and inert SVG."""
from __future__ import annotations

import re
from itertools import combinations

import pytest

from build_tools.render.markup import fragment
from build_tools.render.timeline_layout import layout, text_width, year_fraction

LANES = {"text": "Our texts", "plan": "Plans", "law": "Laws", "regulation": "Regulations", "international": "International"}


def event(event_id, date, kind="plan", label=None, is_text=False, uncertain=False):
    return {"id": event_id, "date": date, "kind": kind, "label": label or event_id, "is_text": is_text, "uncertain": uncertain}


EVENTS = [
    event("cybersecurity-law", "2017-06-01", "law", "Cybersecurity Law"),
    event("new-generation-plan", "2017-07", "plan", "新一代人工智能发展规划"),
    event("algorithm-rules", "2022-03-01", "regulation", "Algorithm rules"),
    event("deep-synthesis", "2023-01-10", "regulation", "Deep synthesis rules"),
    event("genai-measures", "2023-08-15", "regulation", "Generative AI measures"),
    event("shanghai-declaration", "2024-07-04", "declaration", "Shanghai Declaration", is_text=True),
    event("li-qiang-2024", "2024-07-04", "meeting", "Li Qiang at WAIC 2024", is_text=True),
    event("gong-manlu", "2024-11-20", "publication", "Gong Manlu", is_text=True, uncertain=True),
    event("action-plan", "2025-07-26", "plan", "Global AI Governance Action Plan", is_text=True),
    event("waico", "2025-07-26", "declaration", "WAICO proposal", is_text=True),
    event("miao-wei", "2026", "publication", "Miao Wei", is_text=True, uncertain=True),
    event("un-resolution", "2024-03-21", "international", "UN resolution 78/265"),
    event("un-capacity", "2024-07-01", "international", "UN capacity-building resolution"),
    event("eu-ai-act", "2024-08-01", "foreign", "EU AI Act in force"),
]


def boxes_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def render(drawing, label="date uncertain"):
    return str(fragment("timeline_svg.html", layout=drawing, t=lambda key: key, title="Timeline", uncertain_label=label))


def test_x_is_monotonic_in_date():
    dates = ["2017-01-01", "2017-01-02", "2017-06-30", "2017-12-31", "2018-01-01", "2020-02-29", "2020-03-01", "2024-12-31", "2026-12-31"]
    drawing = layout([event(f"e{index}", date) for index, date in enumerate(dates)], LANES, 2017, 2026)
    xs = [mark.x for mark in sorted(drawing.marks, key=lambda mark: mark.date)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert 0 <= xs[0] and xs[-1] <= drawing.plot_width


def test_a_year_date_sits_mid_year_and_a_month_date_mid_month():
    drawing = layout([event("y", "2020"), event("m", "2020-01")], LANES, 2017, 2026)
    x = {mark.event_id: mark.x for mark in drawing.marks}
    ticks = dict(drawing.years)
    assert x["y"] == pytest.approx((ticks[2020] + ticks[2021]) / 2, abs=0.01)
    assert x["m"] == pytest.approx(ticks[2020] + drawing.year_width / 24, abs=0.01)
    assert year_fraction("2020") == 2020.5


def test_year_ticks_run_from_the_first_to_the_last_year():
    drawing = layout(EVENTS, LANES, 2017, 2026)
    assert [year for year, _ in drawing.years] == list(range(2017, 2027))
    assert drawing.years[0][1] == 0


def test_same_date_same_lane_labels_do_not_overlap():
    same = [event(f"e{index}", "2021-05-04", "regulation", f"Measures number {index}") for index in range(4)]
    drawing = layout(same, LANES, 2017, 2026)
    assert len({mark.y for mark in drawing.marks}) == 4
    for a, b in combinations(drawing.marks, 2):
        assert not boxes_overlap(a.label_box, b.label_box)


def test_no_two_labels_overlap_anywhere():
    crowded = EVENTS + [event(f"r{index}", f"2023-0{1 + index % 9}-1{index % 9}", "regulation", "暂行办法" * (1 + index % 3)) for index in range(20)]
    drawing = layout(crowded, LANES, 2017, 2026)
    for a, b in combinations(drawing.marks, 2):
        assert not boxes_overlap(a.label_box, b.label_box), (a.event_id, b.event_id)
    for mark in drawing.marks:
        left, _, right, _ = mark.label_box
        assert -drawing.plot_left <= left and right <= drawing.plot_width + 14, mark.event_id


def test_lanes_grow_with_their_rows():
    one = layout([event("a", "2021-05-04", "regulation")], LANES, 2017, 2026)
    four = layout([event(f"e{index}", "2021-05-04", "regulation") for index in range(4)], LANES, 2017, 2026)
    assert four.lane_heights[0] > one.lane_heights[0] and four.height > one.height


def test_texts_are_in_lane_text_at_the_top_and_lanes_follow_the_labels_order():
    drawing = layout(EVENTS, LANES, 2017, 2026)
    for mark in drawing.marks:
        assert (mark.lane == "text") == mark.is_text
    kinds = [kind for kind, _, _ in drawing.lanes]
    assert kinds[0] == "text"
    assert kinds == ["text", "plan", "law", "regulation", "international", "foreign"]  # an unlabelled kind comes last
    tops = [top for _, _, top in drawing.lanes]
    assert tops == sorted(tops)
    for (kind, _, top), height in zip(drawing.lanes, drawing.lane_heights):
        for mark in drawing.marks:
            if mark.lane == kind:
                assert top < mark.y < top + height


def test_uncertain_events_lie_inside_their_band():
    drawing = layout(EVENTS, LANES, 2017, 2026)
    assert drawing.uncertain_band is not None
    uncertain = [mark for mark in drawing.marks if mark.uncertain]
    assert len(uncertain) == 2
    for mark in uncertain:
        assert any(band.x0 <= mark.x <= band.x1 and band.y0 <= mark.y <= band.y1 for band in drawing.bands)
        assert drawing.uncertain_band[0] <= mark.x <= drawing.uncertain_band[1]
    assert layout(EVENTS[:3], LANES, 2017, 2026).uncertain_band is None


def test_label_width_estimate():
    assert text_width("abcd") == 26.0
    assert text_width("人工智能") == 48.0


@pytest.mark.parametrize("date", ["2016-05-01", "2027", "2020-13", "2021-02-30", "20-01-01", ""])
def test_a_date_outside_the_axis_or_malformed_is_refused(date):
    with pytest.raises(ValueError):
        layout([event("x", date)], LANES, 2017, 2026)


def test_svg_escapes_labels():
    hostile = "<script>alert(1)</script>"
    drawing = layout([event("x", "2020-01-01", "plan", hostile), event("y", "2026", "plan", hostile, is_text=True, uncertain=True)],
                     {"plan": hostile, "text": hostile}, 2017, 2026)
    html = render(drawing, label=hostile)
    assert "&#60;script" in html
    assert "<script" not in html.lower()


def test_every_mark_is_a_named_link_to_its_event():
    drawing = layout(EVENTS, LANES, 2017, 2026)
    html = render(drawing)
    links = re.findall(r"<a\b([^>]*)>(.*?)</a>", html, flags=re.S)
    assert len(links) == len(EVENTS)
    hrefs = [re.search(r'href="([^"]*)"', attributes).group(1) for attributes, _ in links]
    assert all(href.startswith("#") for href in hrefs)
    assert sorted(href[1:] for href in hrefs) == sorted(item["id"] for item in EVENTS)
    for _, body in links:
        assert re.search(r"<title>[^<]+</title>", body) and re.search(r"<(path|circle|rect)\b", body)
    assert "<svg" in html and 'role="img"' not in html
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_texts_are_diamonds_with_bold_labels_and_kinds_have_their_own_shape():
    html = render(layout(EVENTS, LANES, 2017, 2026))
    assert html.count("tl-mark--ours") == sum(item["is_text"] for item in EVENTS)
    assert 'class="tl-mark tl-mark--regulation"' in html
    assert "date uncertain" in html and 'fill="url(#tl-hatch)"' in html
    for kind, name in LANES.items():
        assert name in html
