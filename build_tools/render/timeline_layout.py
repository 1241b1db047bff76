"""Where each event of the timeline drawing goes: pure geometry, no markup.

The axis is time-proportional: a year is `plot_width / years` px wide, a
'YYYY-MM-DD' date sits at its fraction of the year, a 'YYYY-MM' date in the
middle of its month and a 'YYYY' date in the middle of its year. Each kind of
event has a lane (a horizontal band); our own texts have the top lane 'text'.
Within a lane, marks and their labels are placed greedily in rows, in date
order: an event goes into the first row where its label box overlaps no other,
else a new row is added and the lane grows. Label widths are estimated (6.5 px
a Latin character, 12 px a CJK one, at the drawing's 12 px font), since the
build has no font metrics.

An event without an exact date (`uncertain`) is drawn inside a hatched band
over its stretch of the axis, in its own lane: its whole year for 'YYYY', its
month for 'YYYY-MM', and for 'YYYY-MM-DD' (a "not before" date) the month that
follows it. `timeline_svg.html` draws a `Layout`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date as Date

FONT_SIZE = 12.0
LATIN_WIDTH = 6.5  # px a Latin character, at FONT_SIZE
CJK_WIDTH = 12.0  # px a CJK (full-width) character, at FONT_SIZE
BOLD_FACTOR = 1.1  # our texts' labels are bold, hence wider
LABEL_GAP = 4.0  # between a mark and its label
BOX_GAP = 10.0  # least horizontal space between two label boxes in a row
ROW_HEIGHT = 20.0
TEXT_ROW_HEIGHT = 26.0
LANE_PADDING = 7.0  # above the first row and below the last
MARK_RADIUS = 6.5
TEXT_MARK_RADIUS = 8.5
MARGIN_RIGHT = 14.0
GUTTER_MIN, GUTTER_MAX = 80.0, 200.0  # the left gutter holding the lane labels
BAND_LABEL_STRIP = 18.0  # above the year labels, when there is a band to label
YEAR_STRIP = 22.0  # year labels above the lanes, and again below them
BAND_LABEL_WIDTH = 100.0  # room kept for a band's label at 11 px (its text is the template's: 'date uncertain', 日期不确定)
TEXT_LANE = "text"

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CJK = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]")


@dataclass(frozen=True)
class Mark:
    """One event placed on the drawing."""

    event_id: str
    x: float  # px from the left edge of the plot area
    y: float  # px from the top of the drawing: the centre of the mark's row
    lane: str  # the event's kind ('text' for our texts)
    label: str  # short label text, in the tree's language (the template escapes it)
    href: str  # '#<event_id>', the event in the list below the drawing
    is_text: bool  # one of our texts: drawn larger and emphasised
    uncertain: bool  # no exact date: drawn inside the 'date uncertain' band
    label_x: float  # where the label's text starts ('start') or ends ('end'), plot coordinates
    label_y: float  # the label's baseline
    date: str = ""
    lane_label: str = ""
    label_width: float = 0.0  # estimated
    anchor: str = "start"  # 'start': label right of the mark; 'end': left of it (near the right edge)

    @property
    def label_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the label's estimated box, in plot x and drawing y."""
        left = self.label_x if self.anchor == "start" else self.label_x - self.label_width
        return (left, self.label_y - FONT_SIZE, left + self.label_width, self.label_y + 0.3 * FONT_SIZE)

    @property
    def radius(self) -> float:
        return TEXT_MARK_RADIUS if self.is_text else MARK_RADIUS


@dataclass(frozen=True)
class Band:
    """A hatched stretch of the axis, in one lane, where an undated event is drawn."""

    x0: float  # plot coordinates
    x1: float
    y0: float  # drawing coordinates
    y1: float
    label_x: float | None  # plot x of its label in the strip above the years, or None (no room)
    anchor: str = "start"


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    years: list[tuple[int, float]]  # (year, x of 1 January) from the first to the last year inclusive
    lanes: list[tuple[str, str, float]]  # (kind, lane label, y of the lane's top)
    marks: list[Mark]
    uncertain_band: tuple[float, float] | None  # (x0, x1) spanning every band, or None
    plot_left: float = 0.0  # x of the plot area in the drawing (the lane labels' gutter is left of it)
    plot_width: float = 0.0
    year_width: float = 0.0
    plot_top: float = 0.0  # y of the first lane's top
    plot_bottom: float = 0.0  # y of the last lane's bottom
    lane_heights: list[float] = field(default_factory=list)  # same order as `lanes`
    bands: list[Band] = field(default_factory=list)
    band_label_y: float = 0.0  # baseline of the bands' labels


def text_width(text: str, bold: bool = False) -> float:
    """The estimated width of `text` at the drawing's font size."""
    width = sum(CJK_WIDTH if CJK.match(char) else LATIN_WIDTH for char in text)
    return round(width * (BOLD_FACTOR if bold else 1.0), 1)


def _parse(value: str) -> tuple[int, int | None, int | None]:
    match = DATE.match(str(value).strip())
    if not match:
        raise ValueError(f"timeline date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"timeline date {value!r} has no month {month}")
    if day is not None:
        Date(year, month, day)  # ValueError for a day the month does not have
    return year, month, day


def year_fraction(value: str) -> float:
    """The date as a fractional year (2025.0 is 1 January 2025): 'YYYY' mid-year, 'YYYY-MM' mid-month."""
    year, month, day = _parse(value)
    if month is None:
        return year + 0.5
    if day is None:
        return year + (month - 0.5) / 12
    days = 366 if calendar.isleap(year) else 365
    return year + (Date(year, month, day).timetuple().tm_yday - 0.5) / days


def _stretch(value: str) -> tuple[float, float]:
    """The stretch of the axis an uncertain date may fall in, as year fractions."""
    year, month, day = _parse(value)
    if month is None:
        return year, year + 1.0
    if day is None:
        return year + (month - 1) / 12, year + month / 12
    start = year_fraction(value)
    return start, start + 1 / 12


def layout(events: list[dict], lane_labels: dict[str, str], first_year: int, last_year: int, width: float = 1200.0) -> Layout:
    """Place `events` ({id, date, kind, label, is_text, uncertain}) on a drawing `width` px wide."""
    if last_year < first_year:
        raise ValueError(f"timeline: last year {last_year} is before first year {first_year}")
    kinds = [TEXT_LANE if event.get("is_text") else event["kind"] for event in events]
    present = set(kinds)
    order = [kind for kind in ([TEXT_LANE] if TEXT_LANE in present else []) + list(lane_labels) if kind in present]
    order = list(dict.fromkeys(order + [kind for kind in kinds if kind not in lane_labels]))
    names = {kind: str(lane_labels.get(kind, kind)) for kind in order}

    gutter = min(GUTTER_MAX, max(GUTTER_MIN, max((text_width(name, bold=True) for name in names.values()), default=0) + 36))
    plot_width = width - gutter - MARGIN_RIGHT
    years_count = last_year - first_year + 1
    year_width = plot_width / years_count

    def x_of(fraction: float) -> float:
        return (fraction - first_year) * year_width

    placed = []  # (event, lane, x)
    for event, lane in zip(events, kinds):
        fraction = year_fraction(event["date"])
        if not first_year <= fraction < last_year + 1:
            raise ValueError(f"timeline: event {event['id']!r} dated {event['date']} is outside {first_year}–{last_year}")
        placed.append((event, lane, x_of(fraction)))

    uncertain = [(event, lane, x) for event, lane, x in placed if event.get("uncertain")]
    top = (BAND_LABEL_STRIP if uncertain else 0.0) + YEAR_STRIP
    band_label_y = BAND_LABEL_STRIP - 5.0

    lanes: list[tuple[str, str, float]] = []
    heights: list[float] = []
    marks: list[Mark] = []
    lane_tops: dict[str, tuple[float, float]] = {}
    y = top
    for kind in order:
        members = sorted(((event, x) for event, lane, x in placed if lane == kind), key=lambda item: (item[1], str(item[0]["id"])))
        row_height = TEXT_ROW_HEIGHT if kind == TEXT_LANE else ROW_HEIGHT
        rows: list[list[tuple[float, float]]] = []
        chosen = []
        for event, x in members:
            bold = bool(event.get("is_text"))
            radius = TEXT_MARK_RADIUS if bold else MARK_RADIUS
            label = str(event.get("label", ""))
            label_width = text_width(label, bold)
            right = (x - radius, x + radius + LABEL_GAP + label_width)
            anchor, box = "start", right
            if right[1] > plot_width + MARGIN_RIGHT:  # no room on the right: the label goes left of the mark
                anchor, box = "end", (x - radius - LABEL_GAP - label_width, x + radius)
            for index, row in enumerate(rows):
                if all(box[1] + BOX_GAP <= left or box[0] >= right_end + BOX_GAP for left, right_end in row):
                    row.append(box)
                    break
            else:
                index = len(rows)
                rows.append([box])
            chosen.append((event, x, index, anchor, radius, label, label_width))
        height = 2 * LANE_PADDING + max(1, len(rows)) * row_height
        lanes.append((kind, names[kind], y))
        heights.append(height)
        lane_tops[kind] = (y, y + height)
        for event, x, index, anchor, radius, label, label_width in chosen:
            centre = y + LANE_PADDING + (index + 0.5) * row_height
            label_x = x + radius + LABEL_GAP if anchor == "start" else x - radius - LABEL_GAP
            marks.append(Mark(
                event_id=str(event["id"]), x=round(x, 2), y=round(centre, 2), lane=kind, label=label,
                href=f"#{event['id']}", is_text=bool(event.get("is_text")), uncertain=bool(event.get("uncertain")),
                label_x=round(label_x, 2), label_y=round(centre + 0.35 * FONT_SIZE, 2), date=str(event["date"]),
                lane_label=names[kind], label_width=label_width, anchor=anchor,
            ))
        y += height

    bands = _bands(uncertain, lane_tops, x_of, plot_width, gutter)
    hull = (min(band.x0 for band in bands), max(band.x1 for band in bands)) if bands else None
    return Layout(
        width=width, height=round(y + YEAR_STRIP, 2), years=[(year, round(x_of(year), 2)) for year in range(first_year, last_year + 1)],
        lanes=lanes, marks=marks, uncertain_band=hull, plot_left=gutter, plot_width=round(plot_width, 2),
        year_width=round(year_width, 4), plot_top=top, plot_bottom=round(y, 2), lane_heights=heights, bands=bands,
        band_label_y=band_label_y,
    )


def _bands(uncertain, lane_tops, x_of, plot_width, gutter) -> list[Band]:
    """One hatched band per lane stretch (overlapping stretches in a lane merged), each labelled if there is room."""
    spans: dict[str, list[list[float]]] = {}
    for event, lane, x in uncertain:
        start, end = _stretch(event["date"])
        radius = TEXT_MARK_RADIUS if event.get("is_text") else MARK_RADIUS
        x0, x1 = min(x_of(start), x - radius - 3), max(x_of(end), x + radius + 3)
        x0, x1 = max(x0, -radius - 3), min(x1, plot_width + radius + 3)
        spans.setdefault(lane, []).append([x0, x1])
    bands = []
    labelled: list[tuple[float, float]] = []
    for lane, stretches in spans.items():
        merged: list[list[float]] = []
        for x0, x1 in sorted(stretches):
            if merged and x0 <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1])
        y0, y1 = lane_tops[lane]
        for x0, x1 in merged:
            label, anchor = None, "start"
            for anchor, box in (("start", (x0, x0 + BAND_LABEL_WIDTH)), ("end", (x1 - BAND_LABEL_WIDTH, x1))):
                inside = box[0] >= -gutter + 4 and box[1] <= plot_width + MARGIN_RIGHT
                if inside and not any(box[0] < right + BOX_GAP and left < box[1] + BOX_GAP for left, right in labelled):
                    label = round(x0 if anchor == "start" else x1, 2)
                    labelled.append(box)
                    break
            bands.append(Band(round(x0, 2), round(x1, 2), round(y0, 2), round(y1, 2), label, anchor if label is not None else "start"))
    return sorted(bands, key=lambda band: (band.x0, band.y0))
