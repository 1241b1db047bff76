"""Render one tree of the site: every generated page as Markdown, and the nav.

One module per page kind (`text_page`, `segment`, `glossary_pages`, `pages`),
`urls` for where things live, `markup` + `templates/` for all markup. Page
functions take a `TreeContext` and return `Page`s; they never read files.
"""
from __future__ import annotations

from .context import Page, TreeContext
from .glossary_pages import glossary_pages
from .i18n import TREES
from .markup import escape
from .pages import home_page, method_page
from .text_page import text_page
from . import urls

__all__ = ["Page", "TreeContext", "TREES", "render_tree", "nav"]


def render_tree(ctx: TreeContext, termbase_path: str = "glossary/terms.yaml") -> list[Page]:
    pages = [home_page(ctx), method_page(ctx)]
    pages += [text_page(ctx, text) for text in ctx.corpus.texts]
    pages += glossary_pages(ctx, termbase_path)
    return pages


def nav(ctx: TreeContext) -> list:
    """The navigation in the tree's language: home, the texts newest first (short titles), glossary, method.

    Titles are escaped here: the theme prints nav titles as they are.
    """
    def entry(title: str, page: str) -> dict:
        return {str(escape(title)): page}

    items = [entry(ctx.t("home"), urls.HOME)]
    items.append({str(escape(ctx.t("texts"))): [entry(ctx.short_title(text), urls.text_page(text.id)) for text in ctx.texts_newest_first()]})
    if ctx.terms:
        items.append(entry(ctx.t("glossary_title"), urls.GLOSSARY))
    items.append(entry(ctx.t("method_title"), urls.METHOD))
    return items
