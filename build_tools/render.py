"""Render the corpus as Markdown pages for one tree of the site.

A tree is `zh-Hans`, `zh-Hant` or `en`: the language of the interface and
the script of the Chinese. Pages are plain strings keyed by their path inside
the docs folder, so they can be tested without MkDocs and written anywhere.
"""
from __future__ import annotations

import html
import json
import re

from . import normalise
from .convert import Converter
from .export import plain
from .i18n import TREES, label_for_kind, ui
from .model import Corpus, Segment, Text

BOLD = re.compile(r"\*\*(.+?)\*\*")
# Private-use characters mark where apparatus spans open and close; they pass
# through OpenCC and HTML escaping untouched and are replaced by tags last.
OPEN, CLOSE = "\U000F8000", "\U000F8001"


def inline(text: str) -> str:
    """Escape for HTML and turn the sources' `**run-in heading**` into <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


class TreeRenderer:
    def __init__(self, corpus: Corpus, tree: str, versions: dict[str, str] | None = None, site_url: str = ""):
        if tree not in TREES:
            raise ValueError(f"unknown tree {tree!r}")
        self.corpus = corpus
        self.tree = tree
        self.script = "zh-Hant" if tree == "zh-Hant" else "zh-Hans"
        self.converter = Converter(corpus.locked_terms)
        self.versions = versions or {}  # text id -> date of the source file's last change
        self.site_url = site_url  # the tree's public address, printed on paper

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

    def nav(self) -> list:
        """The navigation in the tree's language: home, the texts newest first, the method."""
        return [
            {self.t("home"): "index.md"},
            {self.t("texts"): [{plain(self.title(text)): f"texts/{text.id}.md"} for text in self.texts()]},
            {self.t("method_title"): "method.md"},
        ]

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
        lines += ["", f'[{self.t("method_title")}](method.md) · <a href="../downloads/corpus.json" download>{self.t("download_corpus")}</a>', ""]
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
            f"title: {json.dumps(self.title(text), ensure_ascii=False)}",
            "---",
            "",
            f'# <span lang="{self.script}">{inline(zh_title)}</span> <span class="title-en" lang="en">{inline(text.title_en)}</span>',
            "",
            f'<p class="print-url">{self.t("printed_from")} <span class="print-url__address">{attribute(self.page_url(text))}</span></p>',
            "",
            '<dl class="text-meta">',
            self.meta_row("date", self.date(text) + (f" — <span lang=\"en\">{inline(text.date_note)}</span>" if text.date_note else "")),
            self.meta_row("kind", self.t("kind_" + text.kind)),
            self.meta_row("issuer", f'<span lang="{self.script}">{inline(self.chinese(text.issuer_zh))}</span> · <span lang="en">{inline(text.issuer_en)}</span>'),
            self.meta_row("source", self.source_html(text)),
            self.meta_row("rights", f'<span lang="en">{inline(text.rights)}</span>'),
            "</dl>",
            "",
            self.view_toggle(),
            "",
        ]
        for note in text.notes:
            head.append(f'<p class="text-note" lang="en"><strong>{self.t("note_" + note.kind)}:</strong> {inline(note.text)}</p>')
        head.append(self.contents(text))
        body = [self.segment_html(text, segment) for segment in text.segments]
        return "\n".join(head) + "\n" + "\n\n".join(body) + "\n"

    def page_url(self, text: Text) -> str:
        return f"{self.site_url}texts/{text.id}/"

    def view_toggle(self) -> str:
        """Both / Chinese / English; revealed by reader.js, so with scripts off both languages show."""
        buttons = "".join(
            f'<button type="button" data-view="{view}" aria-pressed="{str(view == "both").lower()}">{self.t("view_" + view)}</button>'
            for view in ("both", "zh", "en")
        )
        return f'<div class="view-toggle" role="group" aria-label="{self.t("view_label")}" hidden>{buttons}</div>'

    def contents(self, text: Text) -> str:
        """A contents list for texts with several headings."""
        headings = [segment for segment in text.segments if segment.kind == "heading" and segment.local_id != "title"]
        if len(headings) < 4:
            return ""
        items = []
        for segment in headings:
            name = self.chinese(segment.zh) if self.tree != "en" or not segment.en else segment.en
            items.append(f'<li class="contents__level-{segment.level}"><a href="#{segment.local_id}">{inline(plain(name))}</a></li>')
        return f'<nav class="text-contents" aria-label="{self.t("contents")}"><p><strong>{self.t("contents")}</strong></p><ul>' + "".join(items) + "</ul></nav>\n"

    def meta_row(self, key: str, value_html: str) -> str:
        return f"<dt>{self.t(key)}</dt><dd>{value_html}</dd>"

    def source_html(self, text: Text) -> str:
        spans = ", ".join(f"<code>{span}</code>" for span in text.spans)
        url = f' · <a href="{attribute(text.url)}" rel="noopener">{self.t("original_url")}</a>' if text.url else ""
        return f'<span lang="en">{inline(text.publication)}</span> · {self.t("captures")} {spans}{url}'

    def apparatus(self, segment: Segment) -> list[tuple[str, str, str]]:
        """(kind, the words marked in our Chinese, the tooltip) for each correction, variant and sic."""
        marks = []
        for correction in segment.corrections:
            marks.append(("correction", correction.reading, f"{self.t('capture_reads')} {self.chinese(correction.original)}"))
        for variant in segment.variants:
            marks.append(("variant", variant.base, f"{self.t('witness_reads', capture=segment.witness.capture)} {self.chinese(variant.reading)}"))
        for sic in segment.sics:
            marks.append(("sic", sic.text, f"[sic] → {self.chinese(sic.correct)}"))
        return marks

    def chinese_html(self, segment: Segment) -> str:
        """The segment's Chinese in the tree's script, with apparatus marks that show the other reading."""
        marked = segment.zh
        marks = []
        for kind, words, tip in self.apparatus(segment):
            at = marked.find(words)
            if at < 0 or not words:
                continue
            marked = f"{marked[:at]}{OPEN}{words}{CLOSE}{marked[at + len(words):]}"
            marks.append((kind, tip))
        converted = inline(self.chinese(marked, segment.hant_fixes))
        for kind, tip in marks:
            converted = converted.replace(
                OPEN,
                f'<span class="app app--{kind}" tabindex="0" aria-label="{attribute(self.t("note_" + kind) + ": " + tip)}">',
                1,
            ).replace(
                CLOSE,
                f'<sup class="app__mark" aria-hidden="true">{"[sic]" if kind == "sic" else "※"}</sup>'
                f'<span class="app__tip" role="tooltip" lang="{self.script}">{inline(tip)}</span></span>',
                1,
            )
        return converted

    def segment_html(self, text: Text, segment: Segment) -> str:
        zh_html = self.chinese_html(segment)
        en = segment.en
        label = segment.label or segment.local_id
        if segment.kind == "heading":
            level = min(segment.level + 1, 6)
            en_html = f' <span class="segment__en" lang="en">{inline(en)}</span>' if en else ""
            return (
                f'{"#" * level} <span class="segment__zh" lang="{self.script}">{zh_html}</span>{en_html}'
                f' {{ #{segment.local_id} .segment .segment--heading data-segment="{segment.id}" }}'
            )
        author = f' <span class="segment__by">{self.t("author_english")}</span>' if segment.en_author else ""
        en_block = (
            f'<div class="segment__en" lang="en"><p>{inline(en)}{author}</p></div>' if en
            else f'<div class="segment__en segment__en--missing" lang="en"><p>{self.t("untranslated")}</p></div>'
        )
        return (
            f'<div class="segment segment--{segment.kind}" id="{segment.local_id}" data-segment="{segment.id}" '
            f'data-cite="{attribute(self.citation(text, segment))}">\n'
            f'<div class="segment__tools"><a class="segment__label" href="#{segment.local_id}" title="{self.t("permalink")}">{inline(label)}</a>'
            f'<a class="segment__permalink" href="#{segment.local_id}" aria-label="{self.t("permalink")}: {attribute(label)}">¶</a>'
            f'<button type="button" class="segment__cite" hidden>{self.t("cite")}</button>'
            f'<span class="segment__provenance">{self.t("provenance")} <code>{segment.source}</code></span></div>\n'
            f'<div class="segment__zh" lang="{self.script}"><p>{zh_html}</p></div>\n'
            f"{en_block}\n"
            f"{self.notes_html(segment)}"
            f"</div>"
        )

    def citation(self, text: Text, segment: Segment) -> str:
        """The citation without its URL (the page adds its own address and the anchor)."""
        label = segment.label or segment.local_id
        version = f", {self.t('version_of', date=self.versions[text.id])}" if self.versions.get(text.id) else ""
        if self.tree == "en":
            return f"“{plain(text.title_en)}” ({self.date(text)}), {label}. aigov-reader{version}."
        return f"《{self.chinese(text.title_zh)}》（{self.date(text)}），{label}。aigov-reader{version}。"

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


def render_tree(corpus: Corpus, tree: str, versions: dict[str, str] | None = None, site_url: str = "") -> dict[str, str]:
    return TreeRenderer(corpus, tree, versions, site_url).pages()
