"""A text's page: its metadata, then every segment, then the terms it uses."""
from __future__ import annotations

import re

from ..model import Segment, Text, chronological
from ..textforms import plain
from . import urls
from .context import Page, TreeContext
from .markup import fragment, front_matter, json_script, markdown_block
from .connections import text_connections_html
from .segment import note_text, render_segment
from .timeline_page import text_strip

CONTENTS_KINDS = ("heading", "article")
ENUMERATOR = re.compile(r"^\s*(?:Article\s+\d+[.:]?|第[一二三四五六七八九十百\d]+[条條]|\d+[.、]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)])\s*")
FIRST_SENTENCE = re.compile(r"^(.+?[。！？；：]|.+?[.!?;:](?=\s)|.+)", re.S)


def contents_name(ctx: TreeContext, segment: Segment, limit: int = 60) -> str:
    """A heading's words, or an article's first sentence (its run-in heading), in the tree's language."""
    words = plain(ctx.chinese(segment.zh) if ctx.tree != "en" or not segment.en else segment.en).strip()
    if segment.kind != "heading":
        words = FIRST_SENTENCE.match(ENUMERATOR.sub("", words)).group(1).rstrip("。：；:;.")
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def contents(ctx: TreeContext, text: Text) -> list[dict]:
    """The text's headings, articles and sections (the title aside), for the contents list."""
    return [
        {"level": segment.level if segment.kind == "heading" else 9, "anchor": segment.local_id,
         "label": "" if segment.kind == "heading" else ctx.label(segment), "name": contents_name(ctx, segment)}
        for segment in text.segments
        if segment.kind in CONTENTS_KINDS and segment.local_id != "title"
    ]


def chapter_glossary(ctx: TreeContext, page: str, term_ids) -> str:
    """The terms of this text: on screen folded, on paper the chapter's glossary; reader.js builds tooltips and cards from it."""
    terms = sorted((ctx.terms[term_id] for term_id in term_ids), key=lambda term: term.id)
    other = (lambda term: term.hant) if ctx.script == "zh-Hans" else (lambda term: term.zh)
    rows = [
        {"id": term.id, "href": urls.href(page, urls.term_page(term.id)), "chinese": ctx.term_chinese(term),
         "other": other(term) if other(term) != ctx.term_chinese(term) else "",
         "pinyin": term.pinyin, "en": term.en, **ctx.definitions[term.id]}
        for term in terms
    ]
    return fragment("chapter_glossary.html", t=ctx.t, script=ctx.script, other_script="zh-Hant" if ctx.script == "zh-Hans" else "zh-Hans",
                    terms=rows, count=len(rows))


def neighbours(ctx: TreeContext, page: str, text: Text) -> dict:
    """The texts just before and after this one in date order."""
    ordered = chronological(ctx.corpus.texts)
    at = ordered.index(text)
    def link(other):
        return {"href": urls.href(page, urls.text_page(other.id)), "title": ctx.short_title(other), "date": ctx.date(other)} if other else None
    return {"previous": link(ordered[at - 1] if at > 0 else None), "next": link(ordered[at + 1] if at + 1 < len(ordered) else None)}


def cite_data(ctx: TreeContext, page: str, text: Text) -> dict:
    """What reader.js needs to cite a passage in plain text, BibTeX, RIS and CSL-JSON, in the tree's language."""
    keys = ("cite_title", "cite_plain", "copy", "copied", "download", "close", "translator", "translated_by", "accessed_on")
    return {
        "id": text.id, "lang": ctx.ui_lang, "kind": text.kind,
        "title": plain(ctx.title(text)), "title_zh": ctx.chinese(text.title_zh), "title_en": plain(text.title_en),
        "date": text.date or "", "date_shown": ctx.date(text),
        "issuer": plain(text.issuer_en) if ctx.tree == "en" else ctx.chinese(text.issuer_zh),
        "site": ctx.site_name(), "url": urls.public_url(ctx.site, ctx.tree, page),
        "version": ctx.t("version_of", date=ctx.versions[text.id]) if ctx.versions.get(text.id) else "",
        "labels": {key: ctx.t(key) for key in keys},
    }


def text_page(ctx: TreeContext, text: Text) -> Page:
    page = urls.text_page(text.id)
    toc = contents(ctx, text)
    head = markdown_block(
        "text_head.md", t=ctx.t, text=text, script=ctx.script,
        title_zh=ctx.chinese(text.title_zh), title_en=text.title_en, date=ctx.date(text),
        issuer_zh=ctx.chinese(text.issuer_zh), public_url=urls.public_url(ctx.site, ctx.tree, page),
        notes=[{"kind": note.kind, "sources": note.sources, **note_text(ctx, note)} for note in text.notes],
        contents=toc, strip=text_strip(ctx, page, text),
        date_note=ctx.localized(text.date_note, text.date_note_zh), publication=ctx.localized(text.publication, text.publication_zh),
        rights=ctx.localized(text.rights, text.rights_zh), lang=ctx.ui_lang,
        pdf=urls.download_href(page, f"pdf/{text.id}.{ctx.tree}.pdf") if ctx.pdfs else None,
    )
    used: set[str] = set()
    body = []
    for segment in text.segments:
        rendered = render_segment(ctx, text, segment)
        body.append(str(rendered.html))
        used |= rendered.terms
    tail = [str(text_connections_html(ctx, page, text))] if ctx.corpus.links else []
    tail += [chapter_glossary(ctx, page, used)] if used else []
    tail.append(fragment("text_foot.html", t=ctx.t, neighbours=neighbours(ctx, page, text), cite=json_script(cite_data(ctx, page, text)), lang=ctx.ui_lang))
    matter = front_matter(title=ctx.title(text), edit_url=urls.edit_url(ctx.site, text.path), hide=["navigation"],
                          contents=[{"anchor": item["anchor"], "label": item["label"], "name": item["name"], "level": item["level"]} for item in toc])
    markdown = matter + "\n" + head + "\n" + "\n\n".join(body + tail) + "\n"
    return Page(page, markdown, text.path, ctx.short_title(text), frozenset(used))
