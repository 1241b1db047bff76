"""Themes: an index, and a page per theme with its passages in date order, grouped by year."""
from __future__ import annotations

from ..model import Theme
from . import urls
from .context import Page, TreeContext
from .markup import front_matter, markdown_block
from .segment import chinese_html, english_html


def theme_page(ctx: TreeContext, theme: Theme) -> Page:
    page = urls.theme_page(theme.id)
    passages = []
    for passage in theme.passages:
        segment = ctx.corpus.segment(passage.ref)
        text = ctx.text_by_id[segment.text_id]
        passages.append((text.sort_date, text.id, segment.line, {
            "anchor": f"{segment.text_id}--{segment.local_id}", "href": urls.segment_href(page, segment.ref),
            "text": ctx.short_title(text), "label": ctx.label(segment), "date": ctx.date(text),
            "zh": chinese_html(ctx, segment, terms=False)[0], "en": english_html(ctx, segment, terms=False)[0] if segment.en else "",
            "note": passage.note, "year": text.sort_date[:4],
        }))
    years: dict[str, list] = {}
    for *_, item in sorted(passages, key=lambda entry: entry[:3]):
        years.setdefault(item["year"], []).append(item)
    themes = {other.id: other for other in ctx.corpus.themes}
    related = [{"href": urls.href(page, urls.theme_page(other)), "title": ctx.bilingual(themes[other].title_en, themes[other].title_zh)}
               for other in theme.related if other in themes]
    title = ctx.bilingual(theme.title_en, theme.title_zh)
    summary = ctx.localized(theme.summary_en, theme.summary_zh)["text"]
    body = markdown_block("theme_page.md", t=ctx.t, title=title, summary=summary,
                          lang="en" if ctx.tree == "en" else ctx.script, script=ctx.script, related=related,
                          years=[{"year": year, "passages": items} for year, items in years.items()])
    return Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, theme.path)) + "\n" + body, theme.path, title)


def theme_pages(ctx: TreeContext) -> list[Page]:
    if not ctx.corpus.themes:
        return []
    page = urls.THEMES
    themes = sorted(ctx.corpus.themes, key=lambda theme: ctx.bilingual(theme.title_en, theme.title_zh).lower())
    rows = [{"href": urls.href(page, urls.theme_page(theme.id)), "title": ctx.bilingual(theme.title_en, theme.title_zh),
             "count": len(theme.passages), "texts": ", ".join(dict.fromkeys(ctx.short_title(ctx.text_by_id[p.ref.text_id]) for p in theme.passages if p.ref.text_id in ctx.text_by_id))}
            for theme in themes]
    title = ctx.t("themes")
    index = Page(page, front_matter(title=title, edit_url=urls.folder_url(ctx.site, "themes")) + "\n" + markdown_block("themes_index.md", t=ctx.t, themes=rows), "themes", title)
    return [index] + [theme_page(ctx, theme) for theme in ctx.corpus.themes]
