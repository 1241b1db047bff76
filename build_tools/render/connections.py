"""The connections of a segment (its links, both ends) and of a text (a summary per other text)."""
from __future__ import annotations

from markupsafe import Markup

from ..model import Link, Segment, Text
from ..textforms import plain
from . import urls
from .context import TreeContext
from .markup import HIGHLIGHT, fragment, marked

EXCERPT_CHINESE, EXCERPT_ENGLISH = 90, 220


def excerpt_chinese(ctx: TreeContext, segment: Segment, evidence: tuple[str, ...]) -> Markup:
    """The other segment's Chinese, around its first evidence, the shared words highlighted."""
    text = plain(segment.zh)
    first = min((text.find(words) for words in evidence if words in text), default=0)
    start = max(0, first - EXCERPT_CHINESE // 3)
    end = min(len(text), start + EXCERPT_CHINESE)
    window = text[start:end]
    spans, taken = [], []
    for words in evidence:
        at = window.find(words)
        if at >= 0 and not any(at < b and a < at + len(words) for a, b in taken):
            spans.append((at, at + len(words), *HIGHLIGHT))
            taken.append((at, at + len(words)))
    return marked(("…" if start else "") + window + ("…" if end < len(text) else ""),
                  [(a + (1 if start else 0), b + (1 if start else 0), o, c) for a, b, o, c in spans], ctx.chinese, bold=False)


def excerpt_english(segment: Segment) -> str:
    text = plain(segment.en)
    if len(text) <= EXCERPT_ENGLISH:
        return text
    return text[:EXCERPT_ENGLISH].rsplit(" ", 1)[0] + " …"


def connection_groups(ctx: TreeContext, page: str, segment: Segment) -> list[dict]:
    groups: dict[tuple[str, str], list] = {}
    for link, at_from in ctx.link_index.links_of(segment.id):
        kind = ctx.corpus.link_types[link.type]
        label = ctx.bilingual(kind.label_en if at_from else kind.inverse_en, kind.label_zh if at_from else kind.inverse_zh)
        other_ref = link.to_ref if at_from else link.from_ref
        other = ctx.corpus.segment(other_ref)
        text = ctx.text_by_id[other_ref.text_id]
        chinese = ctx.tree != "en" or not other.en
        groups.setdefault((link.type, label), []).append({
            "href": urls.segment_href(page, other_ref), "text": ctx.short_title(text), "segment": ctx.label(other),
            "date": ctx.date(text), "lang": ctx.script if chinese else "en",
            "excerpt": excerpt_chinese(ctx, other, link.evidence) if chinese else excerpt_english(other),
            "note": ctx.bilingual(link.note_en, link.note_zh), "sort": (text.sort_date, text.id, other.line),
        })
    return [
        {"type": kind, "label": label, "entries": sorted(items, key=lambda item: item["sort"])}
        for (kind, label), items in sorted(groups.items(), key=lambda entry: list(ctx.corpus.link_types).index(entry[0][0]))
    ]


def connections_html(ctx: TreeContext, page: str, segment: Segment) -> Markup:
    groups = connection_groups(ctx, page, segment)
    return fragment("connections.html", t=ctx.t, groups=groups, count=sum(len(group["entries"]) for group in groups), lang="en" if ctx.tree == "en" else ctx.script)


def themes_html(ctx: TreeContext, page: str, segment: Segment) -> Markup:
    themes = [{"href": urls.href(page, urls.theme_page(theme.id)), "title": ctx.bilingual(theme.title_en, theme.title_zh)}
              for theme in ctx.themes_by_segment.get(segment.id, [])]
    return fragment("segment_themes.html", t=ctx.t, themes=themes)


def text_connections_html(ctx: TreeContext, page: str, text: Text) -> Markup:
    counts: dict[str, int] = {}
    types = set()
    for segment in text.segments:
        for link, at_from in ctx.link_index.links_of(segment.id):
            other = link.to_ref if at_from else link.from_ref
            counts[other.text_id] = counts.get(other.text_id, 0) + 1
            types.add(link.type)
    compares = {frozenset((c.earlier, c.later)): c for c in ctx.corpus.comparisons}
    others = []
    for other_id, count in sorted(counts.items(), key=lambda item: (ctx.text_by_id[item[0]].sort_date, item[0])):
        other = ctx.text_by_id[other_id]
        comparison = compares.get(frozenset((text.id, other_id)))
        others.append({"href": urls.href(page, urls.text_page(other_id)), "title": ctx.short_title(other), "date": ctx.date(other),
                       "count": count, "compare": urls.href(page, urls.compare_page(comparison.id)) if comparison else None})
    kinds = [{"id": kind.id, "label": ctx.bilingual(kind.label_en, kind.label_zh)} for kind in ctx.corpus.link_types.values() if kind.id in types]
    return fragment("text_connections.html", t=ctx.t, others=others, types=kinds)
