"""Hand-written pages in both languages (`pages/<id>.yaml`): About, About the translation, Editorial method."""
from __future__ import annotations

from .. import normalise
from ..model import ProsePage, SegmentRef
from . import urls
from .context import Page, TreeContext
from .markup import front_matter, markdown_block, prose

PAGES = {"about": urls.ABOUT, "about-translation": urls.ABOUT_TRANSLATION, "editorial-method": urls.METHOD}


def technical_rules(ctx: TreeContext, source: ProsePage | None) -> list[dict]:
    """The normalisation rules, from the code: English from their docstrings, Chinese from the method page."""
    rules = []
    for rule in normalise.RULES:
        summary, _, rest = (rule.__doc__ or "").strip().partition("\n\n")
        chinese = (source.rules.get(rule.__name__) if source else "") or ""
        if ctx.tree != "en" and chinese:
            rules.append({"summary": ctx.chinese_text(chinese), "rest": "", "lang": ctx.script})
        else:
            rules.append({"summary": ctx.english_text(" ".join(summary.split())), "rest": ctx.english_text(" ".join(rest.split())), "lang": "en"})
    return rules


def prose_page(ctx: TreeContext, page_id: str) -> list[Page]:
    source = ctx.corpus.prose_pages.get(page_id)
    page = PAGES[page_id]
    if source is None:
        if page_id != "editorial-method":
            return []
        title = ctx.t("method_title")
        body = markdown_block("method.md", t=ctx.t, rules=technical_rules(ctx, None), lang=ctx.ui_lang)
        return [Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, "build_tools/normalise.py")) + "\n" + body, "build_tools/normalise.py", title)]

    def reference(value: str):
        ref = SegmentRef.parse(value)
        segment = ctx.corpus.segment(ref) if ref else None
        if segment is None:
            return None
        return urls.segment_href(page, ref), f"{ctx.short_title(ctx.text_by_id[ref.text_id])}, {ctx.label(segment)}"

    def text(en: str, zh: str):
        return prose(ctx.bilingual(en, zh), reference, han_lang=ctx.script if ctx.tree == "en" else "", latin_lang="en" if ctx.tree != "en" else "",
                     convert=ctx.chinese)

    sections = [{"id": s.id, "title": text(s.title_en, s.title_zh), "body": text(s.body_en, s.body_zh)} for s in source.sections]
    title = ctx.bilingual(source.title_en, source.title_zh)
    rules = technical_rules(ctx, source) if page_id == "editorial-method" else []
    body = markdown_block("prose_page.md", t=ctx.t, title=title, intro=text(source.intro_en, source.intro_zh), sections=sections,
                          lang=ctx.ui_lang, rules=rules)
    return [Page(page, front_matter(title=title, edit_url=urls.edit_url(ctx.site, source.path)) + "\n" + body, source.path, title)]


def prose_pages(ctx: TreeContext) -> list[Page]:
    return [page for page_id in PAGES for page in prose_page(ctx, page_id)]
