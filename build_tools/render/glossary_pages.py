"""The glossary: an index of every term, and a page per term with its concordance."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from markupsafe import Markup

from ..glossary import occurrences
from ..model import Segment, Term
from ..textforms import plain
from . import urls
from .context import Page, TreeContext, shared_entry
from .markup import HIGHLIGHT, fragment, front_matter, markdown_block, marked



def glossary_index(ctx: TreeContext, termbase_path: str) -> Page:
    page = urls.GLOSSARY

    def row(term: Term) -> dict:
        return {"href": urls.href(page, urls.term_page(term.id)), "chinese": ctx.term_chinese(term), "pinyin": term.pinyin, "en": term.en}

    terms = list(ctx.terms.values())
    body = markdown_block(
        "glossary_index.md", t=ctx.t, script=ctx.script,
        downloads={kind: urls.download_href(page, f"glossary.{kind}") for kind in ("csv", "tbx", "json")},
        by_pinyin=[row(term) for term in sorted(terms, key=lambda term: (term.id, term.zh))],
        by_english=[row(term) for term in sorted(terms, key=lambda term: term.en.lower())],
    )
    title = ctx.t("glossary_title")
    return Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, termbase_path)) + "\n" + body, termbase_path, title)


def sentence_html(ctx: TreeContext, segment: Segment, term: Term) -> Markup:
    """The sentence of the segment's Chinese that holds the term, the term highlighted (the same in the trees of one script)."""
    return shared_entry(ctx.corpus, f"concordance {ctx.script}", (segment.id, term.id), lambda: _sentence_html(ctx, segment, term))


_SENTENCE_END = re.compile("[。！？；]")


def _sentence_html(ctx: TreeContext, segment: Segment, term: Term) -> Markup:
    text, ends = sentence_ends(ctx, segment)
    at = text.find(term.zh)
    # the sentence: after the last end mark before the term, up to and with the first end mark at or after it
    start = ends[bisect_right(ends, at) - 1] if at >= 0 and bisect_right(ends, at) else 0
    after = bisect_left(ends, at + 1)
    sentence = text[start:ends[after] if after < len(ends) else len(text)]
    local = sentence.find(term.zh)
    return marked(sentence, [(local, local + len(term.zh), *HIGHLIGHT)], ctx.chinese, bold=False, latin_lang="en")


def sentence_ends(ctx: TreeContext, segment: Segment) -> tuple[str, list[int]]:
    """The segment's plain Chinese and where each of its sentences ends (after its mark), found once per segment."""
    def found() -> tuple[str, list[int]]:
        text = plain(segment.zh)
        return text, [match.end() for match in _SENTENCE_END.finditer(text)]

    return shared_entry(ctx.corpus, "sentence ends", segment.id, found)


def term_page(ctx: TreeContext, term: Term, found: list[Segment], termbase_path: str) -> Page:
    page = urls.term_page(term.id)
    rows = []
    for segment in found:
        text = ctx.text_by_id[segment.text_id]
        rows.append({"sentence": sentence_html(ctx, segment, term), "href": urls.segment_href(page, segment.ref),
                     "title": ctx.short_title(text), "label": ctx.label(segment), "date": ctx.date(text)})
    first = found[0] if found else None
    body = markdown_block(
        "term_page.md", t=ctx.t, script=ctx.script, term=term, chinese=ctx.term_chinese(term),
        definition_zh=ctx.chinese_text(term.definition_zh), definition_en=ctx.english_text(term.definition_en),
        variants=[{"en": variant.en, "used_by": ctx.english_text(variant.used_by), "why": ctx.english_text(variant.why) if variant.why else ""} for variant in term.variants],
        official_source=fragment("sources.html", t=ctx.t, sources=[term.official_source]) if term.official_source else "",
        related=[{"href": urls.href(page, urls.term_page(other)), "chinese": ctx.term_chinese(ctx.terms[other])} for other in term.related if other in ctx.terms],
        first={"href": urls.segment_href(page, first.ref), "name": f"{ctx.short_title(ctx.text_by_id[first.text_id])} · {ctx.label(first)}"} if first else None,
        rows=rows, sources=fragment("sources.html", t=ctx.t, sources=term.sources),
    )
    title = f"{ctx.term_chinese(term)} {term.en}"
    return Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, termbase_path)) + "\n" + body, termbase_path, title)


def glossary_pages(ctx: TreeContext, termbase_path: str) -> list[Page]:
    if not ctx.terms:
        return []
    found = occurrences(ctx.corpus.terms, ctx.corpus)
    return [glossary_index(ctx, termbase_path)] + [term_page(ctx, term, found.get(term.id, []), termbase_path) for term in ctx.terms.values()]
