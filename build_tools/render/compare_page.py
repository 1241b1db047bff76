"""Compare two texts: the curator's summary, the linked passages side by side in the later text's order
(shared wording highlighted), what is new in the later text and what was not carried over."""
from __future__ import annotations

from markupsafe import Markup

from ..connections import UNLINKABLE
from ..model import Comparison, Segment
from ..textforms import plain
from . import urls
from .context import Page, TreeContext
from .markup import SHARED, front_matter, markdown_block, marked

MIN_SHARED = 4


def shared_runs(first: str, second: str) -> list[str]:
    """Runs of at least MIN_SHARED characters that both texts contain, longest first, not overlapping in `first`."""
    runs, covered, start = [], set(), 0
    while start <= len(first) - MIN_SHARED:
        end = start + MIN_SHARED
        if first[start:end] not in second:
            start += 1
            continue
        while end < len(first) and first[start:end + 1] in second:
            end += 1
        runs.append(first[start:end])
        covered.update(range(start, end))
        start = end
    return sorted(runs, key=len, reverse=True)


def highlighted(ctx: TreeContext, segment: Segment, runs: list[str]) -> Markup:
    text = plain(segment.zh)
    spans, taken = [], []
    for run in runs:
        at = text.find(run)
        while at >= 0 and any(at < b and a < at + len(run) for a, b in taken):
            at = text.find(run, at + 1)
        if at >= 0:
            spans.append((at, at + len(run), *SHARED))
            taken.append((at, at + len(run)))
    return marked(text, spans, ctx.chinese, bold=False)


def side(ctx: TreeContext, page: str, segment: Segment, runs: list[str]) -> dict:
    return {"href": urls.segment_href(page, segment.ref), "label": ctx.label(segment), "zh": highlighted(ctx, segment, runs), "en": plain(segment.en)}


def clauses(text) -> list[Segment]:
    return [s for s in text.segments if s.kind != "heading" and s.local_id not in UNLINKABLE]


def compare_page(ctx: TreeContext, comparison: Comparison) -> Page:
    page = urls.compare_page(comparison.id)
    earlier, later = ctx.text_by_id[comparison.earlier], ctx.text_by_id[comparison.later]
    pairs = [link for link in ctx.corpus.links
             if {link.from_ref.text_id, link.to_ref.text_id} == {earlier.id, later.id}]
    order = {segment.local_id: index for index, segment in enumerate(later.segments)}
    rows, linked_earlier, linked_later = [], set(), set()
    for link in pairs:
        later_ref, earlier_ref = (link.from_ref, link.to_ref) if link.from_ref.text_id == later.id else (link.to_ref, link.from_ref)
        later_segment, earlier_segment = ctx.corpus.segment(later_ref), ctx.corpus.segment(earlier_ref)
        runs = shared_runs(plain(later_segment.zh), plain(earlier_segment.zh))
        kind = ctx.corpus.link_types[link.type]
        forward = link.from_ref.text_id == later.id
        rows.append((order[later_ref.local_id], earlier_segment.line, {
            "anchor": link.id, "later": side(ctx, page, later_segment, runs), "earlier": side(ctx, page, earlier_segment, runs),
            "type": ctx.bilingual(kind.label_en if forward else kind.inverse_en, kind.label_zh if forward else kind.inverse_zh),
            "note": ctx.bilingual(link.note_en, link.note_zh),
        }))
        linked_earlier.add(earlier_ref.local_id)
        linked_later.add(later_ref.local_id)

    def listed(text, linked):
        chinese = ctx.tree != "en"
        return [{"href": urls.segment_href(page, s.ref), "label": ctx.label(s), "lang": ctx.script if chinese else "en",
                 "text": ctx.chinese(plain(s.zh)) if chinese else plain(s.en)}
                for s in clauses(text) if s.local_id not in linked]

    title = f"{ctx.short_title(earlier)} ⇄ {ctx.short_title(later)}"
    body = markdown_block(
        "compare_page.md", t=ctx.t, title=title, script=ctx.script, lang="en" if ctx.tree == "en" else ctx.script,
        earlier={"href": urls.href(page, urls.text_page(earlier.id)), "title": ctx.short_title(earlier), "date": ctx.date(earlier)},
        later={"href": urls.href(page, urls.text_page(later.id)), "title": ctx.short_title(later), "date": ctx.date(later)},
        summary=ctx.bilingual(comparison.summary_en, comparison.summary_zh),
        rows=[row for *_, row in sorted(rows, key=lambda entry: entry[:2])],
        new=listed(later, linked_later), dropped=listed(earlier, linked_earlier),
    )
    return Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, "links/comparisons.yaml"), hide=["navigation"]) + "\n" + body, "links/comparisons.yaml", title)


def compare_pages(ctx: TreeContext) -> list[Page]:
    return [compare_page(ctx, comparison) for comparison in ctx.corpus.comparisons]
