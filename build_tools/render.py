"""Render the corpus as Markdown pages for one tree of the site.

A tree is `zh-Hans`, `zh-Hant` or `en`: the language of the interface and
the script of the Chinese. Pages are plain strings keyed by their path inside
the docs folder, so they can be tested without MkDocs and written anywhere.
"""
from __future__ import annotations

import html
import re

from . import normalise
from .convert import Converter
from .i18n import TREES, label_for_kind, ui
from .model import Corpus, Segment, Text

BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    """Escape for HTML and turn the sources' `**run-in heading**` into <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


class TreeRenderer:
    def __init__(self, corpus: Corpus, tree: str):
        if tree not in TREES:
            raise ValueError(f"unknown tree {tree!r}")
        self.corpus = corpus
        self.tree = tree
        self.script = "zh-Hant" if tree == "zh-Hant" else "zh-Hans"
        self.converter = Converter(corpus.locked_terms)

    # -- helpers -----------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return ui(self.tree, key, **values)

    def chinese(self, text: str, fixes=()) -> str:
        return self.converter.to_traditional(text, fixes) if self.script == "zh-Hant" else text

    def title(self, text: Text) -> str:
        """The page title in the tree's language."""
        return text.title_en if self.tree == "en" else self.chinese(text.title_zh)

    def texts(self) -> list[Text]:
        return sorted(self.corpus.texts, key=lambda text: (text.date or "0000", text.id), reverse=True)

    # -- pages -------------------------------------------------------------------
    def pages(self) -> dict[str, str]:
        pages = {"index.md": self.index_page(), "method.md": self.method_page()}
        for text in self.corpus.texts:
            pages[f"texts/{text.id}.md"] = self.text_page(text)
        return pages

    def index_page(self) -> str:
        lines = [f"# {self.t('site_title')}", "", self.t("site_intro"), "", f"## {self.t('texts')}", ""]
        for text in self.texts():
            other = self.chinese(text.title_zh) if self.tree == "en" else text.title_en
            lines.append(
                f"- [{self.title(text)}](texts/{text.id}.md) — <span lang=\"{self.other_lang}\">{inline(other)}</span>  \n"
                f"  {self.t('kind_' + text.kind)} · {self.date(text)}"
            )
        lines += ["", f"[{self.t('method_title')}](method.md) · [{self.t('download_corpus')}](downloads/corpus.json)", ""]
        return "\n".join(lines)

    @property
    def other_lang(self) -> str:
        return self.script if self.tree == "en" else "en"

    def date(self, text: Text) -> str:
        if text.date is None:
            return self.t("date_unknown")
        return text.date

    def text_page(self, text: Text) -> str:
        zh_title = self.chinese(text.title_zh)
        head = [
            "---",
            f"title: {attribute(self.title(text))!s}",
            f"source_file: texts/{text.id}.yaml",
            "---",
            "",
            f'# <span lang="{self.script}">{inline(zh_title)}</span> <span class="title-en" lang="en">{inline(text.title_en)}</span>',
            "",
            '<dl class="text-meta">',
            self.meta_row("date", self.date(text) + (f" — {inline(text.date_note)}" if text.date_note and self.tree == 'en' else "")),
            self.meta_row("kind", self.t("kind_" + text.kind)),
            self.meta_row("issuer", f'<span lang="{self.script}">{inline(self.chinese(text.issuer_zh))}</span> · <span lang="en">{inline(text.issuer_en)}</span>'),
            self.meta_row("source", self.source_html(text)),
            self.meta_row("rights", f'<span lang="en">{inline(text.rights)}</span>'),
            "</dl>",
            "",
        ]
        for note in text.notes:
            head.append(f'<p class="text-note" lang="en"><strong>{self.t("note_" + note.kind)}:</strong> {inline(note.text)}</p>')
        body = [self.segment_html(text, segment) for segment in text.segments]
        return "\n".join(head) + "\n" + "\n\n".join(body) + "\n"

    def meta_row(self, key: str, value_html: str) -> str:
        return f"<dt>{self.t(key)}</dt><dd>{value_html}</dd>"

    def source_html(self, text: Text) -> str:
        spans = ", ".join(f"<code>{span}</code>" for span in text.spans)
        url = f' · <a href="{attribute(text.url)}" rel="noopener">{self.t("original_url")}</a>' if text.url else ""
        return f'<span lang="en">{inline(text.publication)}</span> · {self.t("captures")} {spans}{url}'

    def segment_html(self, text: Text, segment: Segment) -> str:
        zh = self.chinese(segment.zh, segment.hant_fixes)
        en = segment.en
        label = segment.label or segment.local_id
        if segment.kind == "heading":
            level = min(segment.level + 1, 6)
            en_html = f' <span class="segment__en" lang="en">{inline(en)}</span>' if en else ""
            return (
                f'{"#" * level} <span class="segment__zh" lang="{self.script}">{inline(zh)}</span>{en_html}'
                f' {{ #{segment.local_id} .segment .segment--heading data-segment="{segment.id}" }}'
            )
        en_block = (
            f'<div class="segment__en" lang="en"><p>{inline(en)}</p></div>' if en
            else f'<div class="segment__en segment__en--missing" lang="en"><p>{self.t("untranslated")}</p></div>'
        )
        notes = self.notes_html(segment)
        return (
            f'<div class="segment segment--{segment.kind}" id="{segment.local_id}" data-segment="{segment.id}">\n'
            f'<a class="segment__label" href="#{segment.local_id}" title="{self.t("permalink")}">{inline(label)}</a>\n'
            f'<div class="segment__zh" lang="{self.script}"><p>{inline(zh)}</p></div>\n'
            f"{en_block}\n"
            f"{notes}"
            f"</div>"
        )

    def notes_html(self, segment: Segment) -> str:
        items: list[str] = []
        for correction in segment.corrections:
            items.append(self.note_item("correction", f'{self.t("capture_reads")} <span lang="{self.script}">{inline(self.chinese(correction.original))}</span> → <span lang="{self.script}">{inline(self.chinese(correction.reading))}</span>. {inline(correction.note)}'))
        for variant in segment.variants:
            items.append(self.note_item("variant", f'{self.t("witness_reads", capture=segment.witness.capture)} <span lang="{self.script}">{inline(self.chinese(variant.reading))}</span> ({self.t("base_reads")} <span lang="{self.script}">{inline(self.chinese(variant.base))}</span>). {inline(variant.note)}'))
        for sic in segment.sics:
            items.append(self.note_item("sic", f'<span lang="{self.script}">{inline(self.chinese(sic.text))}</span> [sic] → <span lang="{self.script}">{inline(self.chinese(sic.correct))}</span>. {inline(sic.note)}'))
        for note in segment.notes:
            items.append(self.note_item(note.kind, inline(note.text)))
        if not items:
            return ""
        return '<ul class="segment__notes">\n' + "\n".join(items) + "\n</ul>\n"

    def note_item(self, kind: str, body_html: str) -> str:
        return f'<li class="note note--{kind}" lang="en"><strong>{self.t("note_" + kind)}:</strong> {body_html}</li>'

    def method_page(self) -> str:
        lines = [f"# {self.t('method_title')}", "", self.t("method_intro"), ""]
        for rule in normalise.RULES:
            doc = (rule.__doc__ or "").strip()
            summary, _, rest = doc.partition("\n\n")
            lines.append(f"- **{inline(' '.join(summary.split()))}** {inline(' '.join(rest.split()))}".rstrip())
        lines.append("")
        return "\n".join(lines)


def render_tree(corpus: Corpus, tree: str) -> dict[str, str]:
    return TreeRenderer(corpus, tree).pages()
