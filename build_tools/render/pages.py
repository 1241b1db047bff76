"""The home page of a tree."""
from __future__ import annotations

from . import urls
from .context import Page, TreeContext
from .markup import front_matter, markdown_block


def home_page(ctx: TreeContext) -> Page:
    page = urls.HOME
    texts = [
        {"href": urls.href(page, urls.text_page(text.id)), "title": ctx.title(text),
         "other_title": ctx.chinese(text.title_zh) if ctx.tree == "en" else text.title_en,
         "kind": ctx.t("kind_" + text.kind), "date": ctx.date(text)}
        for text in ctx.texts_newest_first()
    ]
    body = markdown_block(
        "home.md", t=ctx.t, site_name=ctx.site_name(), texts=texts, other_lang=ctx.other_lang,
        method_href=urls.href(page, urls.METHOD), corpus_href=urls.download_href(page, "corpus.json"),
    )
    source = "build_tools/render/templates/home.md"
    return Page(page, front_matter(title=ctx.site_name(), edit_url=urls.edit_url(ctx.site, source)) + "\n" + body, source, ctx.t("home"))
