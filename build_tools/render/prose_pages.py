"""Hand-written pages in both languages (`pages/<id>.yaml`), such as About the translation."""
from __future__ import annotations

from ..model import SegmentRef
from . import urls
from .context import Page, TreeContext
from .markup import front_matter, markdown_block, prose


def about_translation_page(ctx: TreeContext) -> list[Page]:
    source = ctx.corpus.prose_pages.get("about-translation")
    if source is None:
        return []
    page = urls.ABOUT_TRANSLATION

    def reference(value: str):
        ref = SegmentRef.parse(value)
        segment = ctx.corpus.segment(ref) if ref else None
        if segment is None:
            return None
        return urls.segment_href(page, ref), f"{ctx.short_title(ctx.text_by_id[ref.text_id])}, {ctx.label(segment)}"

    def text(en: str, zh: str):
        return prose(ctx.bilingual(en, zh), reference)

    sections = [{"id": s.id, "title": ctx.bilingual(s.title_en, s.title_zh), "body": text(s.body_en, s.body_zh)} for s in source.sections]
    title = ctx.bilingual(source.title_en, source.title_zh)
    body = markdown_block("about_translation.md", title=title, intro=text(source.intro_en, source.intro_zh), sections=sections,
                          lang="en" if ctx.tree == "en" else ctx.script)
    return [Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, source.path)) + "\n" + body, source.path, title)]
