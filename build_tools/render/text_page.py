"""A text's page: its metadata, then every segment, then the terms it uses."""
from __future__ import annotations

from ..model import Text
from ..textforms import plain
from . import urls
from .context import Page, TreeContext
from .markup import fragment, front_matter, json_script, markdown_block
from .connections import text_connections_html
from .segment import note_body, render_segment
from .timeline_page import text_strip


def contents(ctx: TreeContext, text: Text) -> list[dict]:
    """The headings of a text with several of them (the title aside)."""
    headings = [segment for segment in text.segments if segment.kind == "heading" and segment.local_id != "title"]
    if len(headings) < 4:
        return []
    return [
        {"level": segment.level, "anchor": segment.local_id,
         "name": plain(ctx.chinese(segment.zh) if ctx.tree != "en" or not segment.en else segment.en)}
        for segment in headings
    ]


def chapter_glossary(ctx: TreeContext, page: str, term_ids) -> str:
    """The terms of this text, and the tooltips' data for them (reader.js builds the tooltip)."""
    terms = sorted((ctx.terms[term_id] for term_id in term_ids), key=lambda term: term.id)
    rows = [
        {"href": urls.href(page, urls.term_page(term.id)), "chinese": ctx.term_chinese(term), "pinyin": term.pinyin,
         "en": term.en, "definition_en": ctx.english_text(term.definition_en),
         "definition_zh": ctx.chinese_text(term.definition_zh) if ctx.tree != "en" else ""}
        for term in terms
    ]
    tooltips = {
        "labels": {"more": ctx.t("term_page")},
        "terms": {
            term.id: {"hans": term.zh, "hant": term.hant, "pinyin": term.pinyin, "en": term.en,
                      "definition": term.definition_en if ctx.tree == "en" else ctx.chinese(term.definition_zh),
                      "href": urls.href(page, urls.term_page(term.id))}
            for term in terms
        },
    }
    return fragment("chapter_glossary.html", t=ctx.t, script=ctx.script, terms=rows, tooltip_data=json_script(tooltips))


def text_page(ctx: TreeContext, text: Text) -> Page:
    page = urls.text_page(text.id)
    head = markdown_block(
        "text_head.md", t=ctx.t, text=text, script=ctx.script,
        title_zh=ctx.chinese(text.title_zh), title_en=text.title_en, date=ctx.date(text),
        issuer_zh=ctx.chinese(text.issuer_zh), public_url=urls.public_url(ctx.site, ctx.tree, page),
        sources_html=[fragment("sources.html", t=ctx.t, sources=note.sources) for note in text.notes],
        note_bodies=[note_body(ctx, note) for note in text.notes],
        contents=contents(ctx, text), strip=text_strip(ctx, page, text),
        date_note=ctx.localized(text.date_note, text.date_note_zh), publication=ctx.localized(text.publication, text.publication_zh),
        rights=ctx.localized(text.rights, text.rights_zh), lang=ctx.ui_lang,
    )
    used: set[str] = set()
    body = []
    for segment in text.segments:
        rendered = render_segment(ctx, text, segment)
        body.append(str(rendered.html))
        used |= rendered.terms
    tail = [str(text_connections_html(ctx, page, text))] if ctx.corpus.links else []
    tail += [chapter_glossary(ctx, page, used)] if used else []
    markdown = front_matter(title=ctx.title(text), edit_url=urls.edit_url(ctx.site, text.path)) + "\n" + head + "\n" + "\n\n".join(body + tail) + "\n"
    return Page(page, markdown, text.path, ctx.short_title(text), frozenset(used))
