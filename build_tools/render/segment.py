"""One segment: its Chinese with apparatus marks and glossary terms, its English, its notes.

`render_segment` returns the segment's Markup and the terms it marked; it
reads nothing and changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..annotate import first_of_each
from ..model import Segment, Text
from ..textforms import plain
from . import urls
from .connections import connections_html, themes_html
from .context import TreeContext, shared_entry
from .markup import BOLD, ENVIRONMENT, NOTHING, fragment, marked

MARKS = ENVIRONMENT.get_template("marks.html").module


@dataclass(frozen=True)
class Rendered:
    html: Markup
    terms: frozenset[str]


def _bold_ranges(text: str) -> list[tuple[int, int]]:
    """Run-in headings (`**…**`) are left unmarked, like headings."""
    return [match.span() for match in BOLD.finditer(text)]


def apparatus(ctx: TreeContext, segment: Segment) -> list[tuple[str, str, str, Markup]]:
    """(kind, the words marked in our Chinese, the tooltip as text, the tooltip as markup) for each correction, variant and sic."""
    marks = []
    for correction in segment.corrections:
        tip = f"{ctx.t('capture_reads')} {ctx.chinese(correction.original)}"
        marks.append(("correction", correction.reading, tip, ctx.chinese_text(tip)))
    for variant in segment.variants:
        tip = f"{ctx.t('witness_reads', capture=segment.witness.capture)} {ctx.chinese(variant.reading)}"
        marks.append(("variant", variant.base, tip, ctx.chinese_text(tip)))
    for sic in segment.sics:
        marks.append(("sic", sic.text, f"[sic] → {ctx.chinese(sic.correct)}", MARKS.sic_tip(ctx.chinese_text(sic.correct))))
    return marks


def term_matches(ctx: TreeContext, segment: Segment, blocked) -> list:
    if not ctx.terms or segment.kind == "heading":
        return []
    return first_of_each(ctx.chinese_matcher.find(segment.zh, blocked), segment.no_terms)


def term_span(match, tab_stop: bool = True):
    """A marked term: the chapter glossary at the page's end holds what its tooltip and card show (reader.js)."""
    return (match.start, match.end, *_term_tags(match.key, tab_stop))


@lru_cache(maxsize=4096)  # a term's tags are the same wherever it is marked (tens of thousands of marks a tree)
def _term_tags(key: str, tab_stop: bool) -> tuple[Markup, Markup]:
    return MARKS.term_open(key, tab_stop), MARKS.term_close()


def mention_spans(ctx: TreeContext, segment: Segment, page: str) -> list:
    """A small marker after each words that name a timeline event, linking to the event."""
    from ..timeline import events_mentioned_in

    spans = []
    for _, end, event in events_mentioned_in(ctx.corpus, segment):
        title = f"{ctx.t('to_event')}: {ctx.bilingual(event.title_en, event.title_zh)} ({event.date})"
        spans.append((end, end, MARKS.mention(urls.href(page, urls.TIMELINE, event.id), title), NOTHING))
    return spans


def chinese_html(ctx: TreeContext, segment: Segment, terms: bool = True, page: str = "") -> tuple[Markup, frozenset[str]]:
    """The segment's Chinese in the tree's script, with apparatus marks, glossary terms and timeline mentions."""
    spans = mention_spans(ctx, segment, page) if page else []
    for kind, words, tip, tip_html in apparatus(ctx, segment):
        at = segment.zh.find(words) if words else -1
        if at >= 0:
            label = f"{ctx.t('note_' + kind)}: {tip}"
            spans.append((at, at + len(words), MARKS.app_open(kind, label), MARKS.app_close(kind, tip_html, ctx.script)))
    used: set[str] = set()
    if terms:
        blocked = [(start, end) for start, end, _, _ in spans if start != end] + _bold_ranges(segment.zh)
        for match in term_matches(ctx, segment, blocked):
            spans.append(term_span(match))
            used.add(match.key)
    return marked(segment.zh, spans, ctx.chinese_with(segment.hant_fixes), latin_lang="en"), frozenset(used)


def english_html(ctx: TreeContext, segment: Segment, terms: bool = True, wanted: frozenset[str] | None = None) -> tuple[Markup, frozenset[str]]:
    """Our English with the terms marked that are marked in the segment's Chinese.

    The Chinese occurrence is the segment's tab stop for a term; the English one is reached by pointer,
    or by keyboard when only the English is shown (reader.js).
    """
    if segment.en_author or not terms:
        return marked(segment.en, [], ctx.chinese, han_lang=ctx.script), frozenset()
    if wanted is None:
        wanted = frozenset(match.key for match in term_matches(ctx, segment, _bold_ranges(segment.zh)))
    matches = [m for m in first_of_each(ctx.english_matcher.find(segment.en, _bold_ranges(segment.en))) if m.key in wanted]
    return marked(segment.en, [term_span(m, tab_stop=False) for m in matches], ctx.chinese, han_lang=ctx.script), frozenset(m.key for m in matches)



def note_text(ctx: TreeContext, note) -> dict:
    """A note's text in the reader's language (parts.html's `note_body`): in the Chinese trees, our Chinese
    translation where there is one, else the English."""
    translated = marked(note.zh, [], ctx.chinese, bold=False, latin_lang="en") if ctx.tree != "en" and note.zh else ""
    return {"translated": translated, "english": "" if translated else ctx.english_text(note.text)}


def note_items(ctx: TreeContext, segment: Segment) -> list[dict]:
    """The apparatus and notes under a segment, for notes.html: each a kind with its readings (`apparatus`) or its text."""
    def apparatus(**values):
        values["note"] = ctx.english_text(values["note"])
        return {key: (ctx.chinese_text(value) if key in ("original", "reading", "base") else value) for key, value in values.items()}

    def apparatus_item(kind, **values):
        return {"kind": kind, "apparatus": apparatus(**values), "about": None, "sources": ()}

    items = []
    for correction in segment.corrections:
        items.append(apparatus_item("correction", original=ctx.chinese(correction.original), reading=ctx.chinese(correction.reading), note=correction.note))
    for variant in segment.variants:
        items.append(apparatus_item("variant", capture=segment.witness.capture, reading=ctx.chinese(variant.reading), base=ctx.chinese(variant.base), note=variant.note))
    for sic in segment.sics:
        items.append(apparatus_item("sic", original=ctx.chinese(sic.text), reading=ctx.chinese(sic.correct), note=sic.note))
    for note in segment.notes:
        about = urls.href(urls.text_page(segment.text_id), urls.ABOUT_TRANSLATION, note.about) if note.about and "about-translation" in ctx.corpus.prose_pages else None
        items.append({"kind": note.kind, "apparatus": None, **note_text(ctx, note), "about": about, "sources": note.sources})
    return items


def render_segment(ctx: TreeContext, text: Text, segment: Segment) -> Rendered:
    page = urls.text_page(text.id)
    zh_html, zh_terms = chinese_html(ctx, segment, page=page)
    # The English with its terms is the same in the trees of one script (Simplified: zh-Hans and en)
    en_html, en_terms = shared_entry(ctx.corpus, f"english {ctx.script}", (segment.id, zh_terms), lambda: english_html(ctx, segment, wanted=zh_terms))
    values = dict(t=ctx.t, segment=segment, script=ctx.script, zh_html=zh_html, en_html=en_html, label=ctx.label(segment), ui_lang=ctx.ui_lang)
    if segment.kind == "heading":
        html = fragment("heading.md", level=min(segment.level + 1, 6), **values)
    else:
        suggest = urls.correction_url(ctx.site, segment.id, plain(segment.en), urls.public_url(ctx.site, ctx.tree, page, segment.local_id))
        html = fragment("segment.html", notes=note_items(ctx, segment), suggest_href=suggest,
                        themes_html=themes_html(ctx, page, segment), connections_html=connections_html(ctx, page, segment), **values)
    return Rendered(html, zh_terms | en_terms)
