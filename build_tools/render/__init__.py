"""Render one tree of the site: every generated page as Markdown, and the nav.

One module per page kind (`text_page`, `segment`, `glossary_pages`, `pages`),
`urls` for where things live, `markup` + `templates/` for all markup. Page
functions take a `TreeContext` and return `Page`s; they never read files.
"""
from __future__ import annotations

from .compare_page import compare_pages
from .downloads_page import downloads_page
from .context import Page, TreeContext
from .glossary_pages import glossary_pages
from .prose_pages import prose_pages
from .theme_pages import theme_pages
from .timeline_page import timeline_page
from .i18n import TREES
from .markup import escape
from .pages import home_page
from .text_page import text_page
from . import urls

__all__ = ["Page", "TreeContext", "TREES", "render_tree", "nav"]


def render_tree(ctx: TreeContext, termbase_path: str = "glossary/terms.yaml") -> list[Page]:
    pages = [home_page(ctx)]
    pages += [text_page(ctx, text) for text in ctx.corpus.texts]
    pages += theme_pages(ctx) + compare_pages(ctx) + timeline_page(ctx)
    pages += glossary_pages(ctx, termbase_path) + prose_pages(ctx) + downloads_page(ctx)
    return pages


def nav(ctx: TreeContext) -> list:
    """The navigation in the tree's language: home, the texts newest first (short titles), glossary, method.

    Titles are escaped here: the theme prints nav titles as they are.
    """
    def entry(title: str, page: str) -> dict:
        return {str(escape(title)): page}

    items = [entry(ctx.t("home"), urls.HOME)]
    items.append({str(escape(ctx.t("texts"))): text_entries(ctx, entry)})
    if ctx.corpus.events:
        items.append(entry(ctx.t("timeline_title"), urls.TIMELINE))
    if ctx.corpus.themes:
        items.append({str(escape(ctx.t("themes"))): [entry(ctx.t("themes"), urls.THEMES)] + [
            entry(ctx.bilingual(theme.title_en, theme.title_zh), urls.theme_page(theme.id))
            for theme in sorted(ctx.corpus.themes, key=lambda theme: ctx.bilingual(theme.title_en, theme.title_zh).lower())]})
    if ctx.corpus.comparisons:
        items.append({str(escape(ctx.t("compare_title"))): [
            entry(f"{ctx.short_title(ctx.text_by_id[c.earlier])} ⇄ {ctx.short_title(ctx.text_by_id[c.later])}", urls.compare_page(c.id))
            for c in ctx.corpus.comparisons]})
    if ctx.terms:
        items.append(entry(ctx.t("glossary_title"), urls.GLOSSARY))
    if "about" in ctx.corpus.prose_pages:
        items.append(entry(ctx.bilingual(ctx.corpus.prose_pages["about"].title_en, ctx.corpus.prose_pages["about"].title_zh), urls.ABOUT))
    if "about-translation" in ctx.corpus.prose_pages:
        items.append(entry(ctx.t("about_translation_link"), urls.ABOUT_TRANSLATION))
    items.append(entry(ctx.t("method_title"), urls.METHOD))
    items.append(entry(ctx.t("downloads_title"), "downloads.md"))
    return items


NAV_TEXTS_UNGROUPED = 12  # up to this many texts the nav lists them all; beyond it, by year


def text_entries(ctx: TreeContext, entry) -> list:
    """The texts, newest first; grouped by year once there are many, so that with Material's
    `navigation.prune` a page holds only its own year's texts and the nav stays small as the corpus grows."""
    texts = ctx.texts_newest_first()
    if len(texts) <= NAV_TEXTS_UNGROUPED:
        return [entry(ctx.short_title(text), urls.text_page(text.id)) for text in texts]
    years: dict[str, list] = {}
    for text in texts:
        years.setdefault(text.sort_date[:4], []).append(entry(ctx.short_title(text), urls.text_page(text.id)))
    return [{str(escape(ctx.t("nav_year", year=year))): group} for year, group in years.items()]
