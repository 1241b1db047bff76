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
from .annotate import EnglishMatcher, first_of_each
from .convert import Converter
from .export import plain
from .glossary import matcher, occurrences
from .i18n import TREES, ui
from .model import Corpus, Segment, Text

BOLD = re.compile(r"\*\*(.+?)\*\*")


def _bold_ranges(text: str) -> list[tuple[int, int]]:
    """Run-in headings (`**…**`) are left unmarked, like headings."""
    return [match.span() for match in BOLD.finditer(text)]
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
        self.terms = {term.id: term for term in corpus.terms}
        self.chinese_matcher = matcher(corpus.terms)
        self.english_matcher = EnglishMatcher({term.en: term.id for term in corpus.terms})
        self.used_terms: set[str] = set()
        self.text_by_id = {text.id: text for text in corpus.texts}

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
            *([{self.t("glossary_title"): "glossary/index.md"}] if self.terms else []),
            {self.t("method_title"): "method.md"},
        ]

    # -- pages -------------------------------------------------------------------
    def pages(self) -> dict[str, str]:
        pages = {"index.md": self.index_page(), "method.md": self.method_page()}
        for text in self.corpus.texts:
            pages[f"texts/{text.id}.md"] = self.text_page(text)
        if self.terms:
            found = occurrences(self.corpus.terms, self.corpus)
            pages["glossary/index.md"] = self.glossary_index()
            for term in self.terms.values():
                pages[f"glossary/{term.id}.md"] = self.term_page(term, found.get(term.id, []))
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
        self.used_terms = set()
        body = [self.segment_html(text, segment) for segment in text.segments]
        tail = [self.chapter_glossary(), self.terms_json("../../")] if self.used_terms else []
        return "\n".join(head) + "\n" + "\n\n".join(body + tail) + "\n"

    def used_in_order(self) -> list:
        return sorted((self.terms[term_id] for term_id in self.used_terms), key=lambda term: term.id)

    def chapter_glossary(self) -> str:
        """The terms of this text: on screen a reference list, on paper the chapter's glossary."""
        items = "".join(
            f'<li><a href="../../glossary/{term.id}/"><span lang="{self.script}">{inline(self.chinese(term.zh))}</span></a> '
            f'<span class="pinyin" lang="zh-Latn-pinyin">{inline(term.pinyin)}</span> — <span lang="en"><strong>{inline(term.en)}</strong>. {inline(term.definition_en)}</span>'
            + (f' <span lang="{self.script}">{inline(self.chinese(term.definition_zh))}</span>' if self.tree != "en" else "")
            + "</li>"
            for term in self.used_in_order()
        )
        return f'<section class="chapter-glossary" aria-labelledby="chapter-glossary"><h2 id="chapter-glossary">{self.t("terms_in_text")}</h2><ul>{items}</ul></section>'

    def terms_json(self, prefix: str) -> str:
        """The tooltips' data for the terms on this page (reader.js builds the tooltip)."""
        data = {
            term.id: {
                "hans": term.zh, "hant": self.converter.to_traditional(term.zh) if not term.hant else term.hant,
                "pinyin": term.pinyin, "en": term.en, "definition": term.definition_en if self.tree == "en" else term.definition_zh,
                "href": f"{prefix}glossary/{term.id}/",
            }
            for term in self.used_in_order()
        }
        payload = json.dumps({"labels": {"more": self.t("term_page")}, "terms": data}, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
        return f'<script type="application/json" id="aigov-terms">{payload}</script>'

    # -- glossary pages ------------------------------------------------------------
    def hant_of(self, term) -> str:
        return term.hant or self.converter.to_traditional(term.zh)

    def glossary_index(self) -> str:
        by_pinyin = sorted(self.terms.values(), key=lambda term: (term.id, term.zh))
        by_english = sorted(self.terms.values(), key=lambda term: term.en.lower())

        def row(term) -> str:
            return (f'<li><a href="{term.id}/"><span lang="{self.script}">{inline(self.chinese(term.zh))}</span></a> '
                    f'<span class="pinyin" lang="zh-Latn-pinyin">{inline(term.pinyin)}</span> — <span lang="en">{inline(term.en)}</span></li>')

        return "\n".join([
            "---", f"title: {json.dumps(self.t('glossary_title'), ensure_ascii=False)}", "---", "",
            f"# {self.t('glossary_title')}", "", self.t("glossary_intro"), "",
            f'<p><a href="../../downloads/glossary.csv" download>CSV</a> · <a href="../../downloads/glossary.tbx" download>TBX</a> · <a href="../../downloads/glossary.json" download>JSON</a></p>', "",
            f"## {self.t('by_pinyin')} {{ #by-pinyin }}", "", '<ul class="glossary-list">' + "".join(row(t) for t in by_pinyin) + "</ul>", "",
            f"## {self.t('by_english')} {{ #by-english }}", "", '<ul class="glossary-list">' + "".join(
                f'<li><a href="{term.id}/" lang="en">{inline(term.en)}</a> — <span lang="{self.script}">{inline(self.chinese(term.zh))}</span></li>' for term in by_english) + "</ul>", "",
        ])

    def term_page(self, term, found: list) -> str:
        variants = "".join(f'<li><span lang="en">{inline(v.en)}</span> — {inline(v.used_by)}</li>' for v in term.variants)
        related = " · ".join(
            f'<a href="../{other}/" lang="{self.script}">{inline(self.chinese(self.terms[other].zh))}</a>' for other in term.related if other in self.terms
        )
        rows = []
        for segment in found:
            text = self.text_by_id[segment.text_id]
            rows.append(
                f'<li><span lang="{self.script}">{self.sentence_html(segment, term)}</span><br>'
                f'<a href="../../texts/{text.id}/#{segment.local_id}">{inline(self.title(text))} · {inline(segment.label or segment.local_id)}</a> <span class="concordance__date">{self.date(text)}</span></li>'
            )
        first = found[0] if found else None
        first_html = (f'<a href="../../texts/{first.text_id}/#{first.local_id}">{inline(first.id)}</a>' if first else "—")
        lines = [
            "---", f"title: {json.dumps(self.chinese(term.zh) + ' ' + term.en, ensure_ascii=False)}", "---", "",
            f'# <span lang="{self.script}">{inline(self.chinese(term.zh))}</span> <span class="title-en" lang="en">{inline(term.en)}</span>', "",
            '<dl class="text-meta term-entry">',
            self.meta_row("term_simplified", f'<span lang="zh-Hans">{inline(term.zh)}</span>'),
            self.meta_row("term_traditional", f'<span lang="zh-Hant">{inline(self.hant_of(term))}</span>'),
            self.meta_row("term_pinyin", f'<span lang="zh-Latn-pinyin">{inline(term.pinyin)}</span>'),
            self.meta_row("term_english", f'<span lang="en">{inline(term.en)}</span>'),
            self.meta_row("term_variants", f"<ul>{variants}</ul>" if variants else "—"),
            self.meta_row("term_definition", f'<p lang="en">{inline(term.definition_en)}</p><p lang="{self.script}">{inline(self.chinese(term.definition_zh))}</p>'),
            self.meta_row("term_related", related or "—"),
            self.meta_row("term_first", first_html),
            "</dl>", "",
            f"## {self.t('concordance')} ({len(found)}) {{ #concordance }}", "",
            '<ol class="concordance">' + "".join(rows) + "</ol>", "",
        ]
        if term.sources:
            lines += [f'<p class="term-sources" lang="en"><strong>{self.t("sources")}:</strong> ' + "; ".join(inline(source) for source in term.sources) + "</p>", ""]
        return "\n".join(lines)

    def sentence_html(self, segment, term) -> str:
        """The sentence of the segment's Chinese that holds the term, the term highlighted."""
        plain_zh = plain(segment.zh)
        at = plain_zh.find(term.zh)
        start = max(plain_zh.rfind(mark, 0, at) for mark in "。！？；") + 1
        ends = [plain_zh.find(mark, at) for mark in "。！？；"]
        end = min([e for e in ends if e >= 0] or [len(plain_zh) - 1]) + 1
        sentence = plain_zh[start:end]
        local = sentence.find(term.zh)
        return self.marked_html(sentence, [(local, local + len(term.zh), "<mark>", "</mark>")], self.chinese)

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

    def chinese_html(self, segment: Segment, terms: bool = True) -> str:
        """The segment's Chinese in the tree's script, with apparatus marks and glossary terms."""
        spans: list[tuple[int, int, str, str]] = []  # start, end, opening tag, closing tag
        for kind, words, tip in self.apparatus(segment):
            at = segment.zh.find(words) if words else -1
            if at >= 0:
                spans.append((at, at + len(words),
                    f'<span class="app app--{kind}" tabindex="0" aria-label="{attribute(self.t("note_" + kind) + ": " + tip)}">',
                    f'<sup class="app__mark" aria-hidden="true">{"[sic]" if kind == "sic" else "※"}</sup>'
                    f'<span class="app__tip" role="tooltip" lang="{self.script}">{inline(tip)}</span></span>'))
        if terms:
            blocked = [(start, end) for start, end, _, _ in spans] + _bold_ranges(segment.zh)
            for match in self.term_matches(segment, blocked):
                spans.append((match.start, match.end, self.term_open(match.key), "</span>"))
        return self.marked_html(segment.zh, spans, lambda text: self.chinese(text, segment.hant_fixes))

    def english_html(self, segment: Segment) -> str:
        """Our English with the terms marked that are marked in the segment's Chinese."""
        if segment.en_author:
            return inline(segment.en)
        wanted = {match.key for match in self.term_matches(segment, _bold_ranges(segment.zh))}
        matches = [m for m in first_of_each(self.english_matcher.find(segment.en, _bold_ranges(segment.en))) if m.key in wanted]
        spans = [(m.start, m.end, self.term_open(m.key, english=True), "</span>") for m in matches]
        return self.marked_html(segment.en, spans, lambda text: text)

    def term_matches(self, segment: Segment, blocked) -> list:
        if not self.terms or segment.kind == "heading":
            return []
        return first_of_each(self.chinese_matcher.find(segment.zh, blocked), segment.no_terms)

    def term_open(self, term_id: str, english: bool = False) -> str:
        term = self.terms[term_id]
        self.used_terms.add(term_id)
        hint = f"{term.pinyin} — {term.en}" if not english else f"{self.chinese(term.zh)} {term.pinyin}"
        return f'<span class="term" data-term="{term_id}" tabindex="0" role="button" title="{attribute(hint)}">'

    @staticmethod
    def marked_html(text: str, spans, convert) -> str:
        """Escape `text` (after `convert`) and wrap each (start, end, open, close) span; spans never overlap."""
        spans = sorted(spans)
        marked, last = [], 0
        for start, end, _, _ in spans:
            marked += [text[last:start], OPEN, text[start:end], CLOSE]
            last = end
        marked.append(text[last:])
        html_text = inline(convert("".join(marked)))
        for _, _, opening, closing in spans:
            html_text = html_text.replace(OPEN, opening, 1).replace(CLOSE, closing, 1)
        return html_text

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
            f'<div class="segment__en" lang="en"><p>{self.english_html(segment)}{author}</p></div>' if en
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
