"""One Downloads page per tree: every download with its format, size, schema version, licence and contents."""
from __future__ import annotations

from . import urls
from .context import Page, TreeContext
from .markup import Href, front_matter, markdown_block

# name: (format, schema version, licence key, description key)
DOWNLOADS = {
    "corpus.json": ("JSON", "2", "licence_texts", "what_corpus"),
    "corpus.zh-Hans-en.tmx": ("TMX 1.4b", "—", "licence_texts", "what_tmx_hans"),
    "corpus.zh-Hant-en.tmx": ("TMX 1.4b", "—", "licence_texts", "what_tmx_hant"),
    "glossary.json": ("JSON", "1", "licence_ours", "what_glossary"),
    "glossary.csv": ("CSV", "—", "licence_ours", "what_glossary"),
    "glossary.tbx": ("TBX-Basic", "—", "licence_ours", "what_tbx"),
    "glossary.zh-Hans-en.tbx": ("TBX-Basic", "—", "licence_ours", "what_tbx_pair"),
    "glossary.zh-Hant-en.tbx": ("TBX-Basic", "—", "licence_ours", "what_tbx_pair"),
    "links.json": ("JSON", "1", "licence_ours", "what_links"),
    "links.csv": ("CSV", "—", "licence_ours", "what_links"),
    "themes.json": ("JSON", "1", "licence_ours", "what_themes"),
    "timeline.json": ("JSON", "1", "licence_ours", "what_timeline"),
    "timeline.csv": ("CSV", "—", "licence_ours", "what_timeline"),
}


def human_size(size: int | None) -> str:
    if size is None:
        return "—"
    return f"{size / 1024:.0f} KB" if size >= 10240 else f"{size / 1024:.1f} KB"


def downloads_page(ctx: TreeContext) -> list[Page]:
    page = "downloads.md"
    items = [
        {"name": name, "href": urls.download_href(page, name), "format": fmt, "schema": schema,
         "size": human_size(ctx.download_sizes.get(name)), "licence": ctx.chinese_text(ctx.t(licence)) if ctx.tree != "en" else ctx.t(licence),
         "what": ctx.t(what)}
        for name, (fmt, schema, licence, what) in DOWNLOADS.items()
        if not ctx.download_sizes or name in ctx.download_sizes
    ]
    title = ctx.t("downloads_title")
    schemas = Href(f"{ctx.site.repository}/blob/{ctx.site.branch}/schemas/README.md")
    pdf_note = ctx.chinese_text(ctx.t("downloads_pdf")) if ctx.tree != "en" else ctx.t("downloads_pdf")
    schemas_note = ctx.chinese_text(ctx.t("downloads_schemas")) if ctx.tree != "en" else ctx.t("downloads_schemas")
    body = markdown_block("downloads.md", t=ctx.t, items=items, schemas_href=schemas, pdf_note=pdf_note, schemas_note=schemas_note)
    return [Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, "build_tools/render/downloads_page.py")) + "\n" + body, "build_tools/render/downloads_page.py", title)]
