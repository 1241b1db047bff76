"""The timeline page (drawing, filters, every event by year) and each text's strip on it."""
from __future__ import annotations

from markupsafe import Markup

from ..model import Event, Text
from . import urls
from .context import Page, TreeContext
from .markup import fragment, front_matter, markdown_block

STRIP_BEFORE = 3  # events shown just before a text on its strip


def event_title(ctx: TreeContext, event: Event) -> str:
    return ctx.bilingual(event.title_en, event.title_zh)


def event_date(ctx: TreeContext, event: Event) -> str:
    return ctx.t("date_not_before", date=event.date) if event.date_uncertain else event.date


def short_label(text: str, english: bool) -> str:
    """Labels in the drawing stay short; the full title is in the list below and in the mark's tooltip."""
    limit = 34 if english else 16
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def drawing(ctx: TreeContext, events: list[Event]) -> Markup:
    """The time-proportional drawing of the events from FIRST_YEAR on (earlier ones are in the list only)."""
    from ..timeline import FIRST_YEAR
    from .timeline_layout import layout

    shown = [event for event in events if int(event.date[:4]) >= FIRST_YEAR]
    english = ctx.tree == "en"
    items = [{"id": event.id, "date": event.date, "kind": "text" if event.text_id else event.kind,
              "label": ctx.short_title(ctx.text_by_id[event.text_id]) if event.text_id else short_label(event_title(ctx, event), english),
              "is_text": bool(event.text_id), "uncertain": event.date_uncertain} for event in shown]
    kinds = ["text"] + [kind for kind in KIND_ORDER if any(e.kind == kind and not e.text_id for e in shown)]
    lane_labels = {kind: ctx.t(f"event_kind_{kind}") for kind in kinds}
    last_year = int(max(event.date[:4] for event in shown))
    return fragment("timeline_svg.html", layout=layout(items, lane_labels, FIRST_YEAR, last_year),
                    t=ctx.t, title=ctx.t("timeline_title"), uncertain_label=ctx.t("date_uncertain"))


KIND_ORDER = ("plan", "law", "regulation", "standard", "draft", "ethics", "declaration", "meeting", "international", "foreign", "publication")


def timeline_page(ctx: TreeContext) -> list[Page]:
    events = ctx.corpus.events
    if not events:
        return []
    page = urls.TIMELINE
    years: dict[str, list] = {}
    for event in events:
        mentions = [{"href": urls.segment_href(page, segment.ref), "text": ctx.short_title(ctx.text_by_id[segment.text_id]), "label": ctx.label(segment)}
                    for segment in ctx.mentions.get(event.id, [])]
        english = ctx.tree == "en"
        years.setdefault(event.date[:4], []).append({
            "id": event.id, "kind": event.kind, "kind_label": ctx.t(f"event_kind_{event.kind}"),
            "status": ctx.t(f"event_status_{event.status}") if not event.text_id else "",
            "date": event_date(ctx, event), "uncertain": event.date_uncertain,
            "title": ctx.localized(event.title_en, event.title_zh)["text"], "title_lang": "en" if english else ctx.script,
            "other_title": ctx.chinese_text(event.title_zh) if english else ctx.english_text(event.title_en), "other_lang": ctx.script if english else "en",
            "issuer": ctx.localized(event.issuer_en, event.issuer_zh)["text"], "number": ctx.chinese_text(event.number),
            "in_force": event.in_force, "end": event.end,
            "summary": ctx.localized(event.summary_en, event.summary_zh)["text"], "date_note": ctx.english_text(event.date_note),
            "mentions": mentions, "text_href": urls.href(page, urls.text_page(event.text_id)) if event.text_id else None,
            "sources": fragment("sources.html", t=ctx.t, sources=event.sources) if event.sources else "",
        })
    kinds = [{"id": kind, "label": ctx.t(f"event_kind_{kind}")} for kind in KIND_ORDER if any(e.kind == kind for e in events)]
    title = ctx.t("timeline_title")
    body = markdown_block("timeline_page.md", t=ctx.t, drawing=drawing(ctx, events), kinds=kinds,
                          years=[{"year": year, "events": items} for year, items in years.items()])
    return [Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, "timeline/events.yaml"), hide=["navigation", "toc"]) + "\n" + body, "timeline/events.yaml", title)]


def text_strip(ctx: TreeContext, page: str, text: Text) -> Markup:
    events = ctx.corpus.events
    own = next((event for event in events if event.text_id == text.id), None)
    if own is None:
        return Markup("")
    mentioned = {event.id for event in events if text.id in ctx.texts_mentioning.get(event.id, ())}
    before = [event for event in events if event.date < own.date and not event.text_id][-STRIP_BEFORE:]
    chosen = sorted({event.id: event for event in [own, *before, *(e for e in events if e.id in mentioned)]}.values(), key=lambda e: (e.date, e.id))
    items = [{"href": urls.href(page, urls.TIMELINE, event.id), "date": event_date(ctx, event), "kind": event.kind,
              "title": ctx.short_title(ctx.text_by_id[event.text_id]) if event.text_id else event_title(ctx, event),
              "lang": "en" if ctx.tree == "en" else ctx.script, "current": event.id == own.id} for event in chosen]
    return fragment("text_strip.html", t=ctx.t, items=items, timeline_href=urls.href(page, urls.TIMELINE, own.id))
