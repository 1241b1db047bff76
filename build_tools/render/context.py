"""What every page of one tree is rendered with: the corpus, the tree's language and script, and helpers.

A tree is `zh-Hans`, `zh-Hant` or `en`: the language of the interface and the
script of the Chinese. The context is read-only; page modules take it and
return pages, never mutating it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, partial

from ..annotate import EnglishMatcher
from ..convert import Converter, converter_for
from ..glossary import matcher
from ..model import Corpus, Segment, Site, Term, Text, chronological
from .i18n import TREES, ui
from .markup import same


@dataclass(frozen=True)
class Page:
    """A generated page: its path in the docs folder, its Markdown, the source file it is built from."""

    path: str
    markdown: str
    source: str  # repository path of the YAML it is built from (for the edit link)
    title: str = ""  # plain text, for the nav
    terms: frozenset[str] = frozenset()  # glossary terms the page marked


_SHARED: list = [None, {}]  # the corpus last rendered, and what its trees share


def shared(corpus: Corpus, name: str, compute):
    """What every tree of a corpus needs alike (not in the tree's language), computed for the first tree only.

    Kept for one corpus at a time (the one being built), found by identity: a new corpus starts afresh.
    """
    if _SHARED[0] is not corpus:
        _SHARED[:] = [corpus, {}]
    if name not in _SHARED[1]:
        _SHARED[1][name] = compute()
    return _SHARED[1][name]


def shared_entry(corpus: Corpus, table: str, key, compute):
    """One entry of a `shared` table: `compute()` once per key for the corpus's trees."""
    made = shared(corpus, table, dict)
    if key not in made:
        made[key] = compute()
    return made[key]


@dataclass
class TreeContext:
    corpus: Corpus
    tree: str
    site: Site
    versions: dict[str, str] = field(default_factory=dict)  # text id -> date of its source file's last change
    download_sizes: dict[str, int] = field(default_factory=dict)  # download file name -> bytes
    pdfs: bool = False  # the site is built with a PDF of every text (`python -m build_tools pdf`)

    def __post_init__(self):
        if self.tree not in TREES:
            raise ValueError(f"unknown tree {self.tree!r}")

    # -- language -----------------------------------------------------------
    @property
    def script(self) -> str:
        return "zh-Hant" if self.tree == "zh-Hant" else "zh-Hans"

    @property
    def ui_lang(self) -> str:
        """The language of the interface's own words (labels, headings)."""
        return "en" if self.tree == "en" else self.script

    @property
    def other_lang(self) -> str:
        return self.script if self.tree == "en" else "en"

    def t(self, key: str, **values) -> str:
        return ui(self.tree, key, **values)

    @cached_property
    def converter(self) -> Converter:
        return converter_for(self.corpus.locked_terms)

    @cached_property
    def chinese(self):
        """Chinese in the tree's script: (text, fixes=()) -> text; `markup.same` in the Simplified script."""
        return self.converter.to_traditional if self.script == "zh-Hant" else same

    def chinese_with(self, fixes):
        """`chinese` with a segment's repairs of the conversion."""
        return partial(self.chinese, fixes=fixes) if fixes and self.chinese is not same else self.chinese

    def site_name(self) -> str:
        return self.site.name_en if self.tree == "en" else self.chinese(self.site.name_zh)

    # -- texts --------------------------------------------------------------
    def title(self, text: Text) -> str:
        return text.title_en if self.tree == "en" else self.chinese(text.title_zh)

    def short_title(self, text: Text) -> str:
        return text.short_en if self.tree == "en" else self.chinese(text.short_zh)

    def label(self, segment: Segment) -> str:
        return segment.label.en if self.tree == "en" else self.chinese(segment.label.zh)

    def date(self, text: Text) -> str:
        if text.date:
            return text.date
        if text.date_not_before:
            return self.t("date_not_before", date=text.date_not_before)
        return self.t("date_unknown")

    def texts_newest_first(self) -> list[Text]:
        return list(reversed(chronological(self.corpus.texts)))

    @cached_property
    def text_by_id(self) -> dict[str, Text]:
        return {text.id: text for text in self.corpus.texts}

    # -- glossary -----------------------------------------------------------
    @cached_property
    def terms(self) -> dict[str, Term]:
        return {term.id: term for term in self.corpus.terms}

    @cached_property
    def chinese_matcher(self):
        return shared(self.corpus, "chinese_matcher", lambda: matcher(self.corpus.terms))  # the same in every tree

    @cached_property
    def english_matcher(self) -> EnglishMatcher:
        return shared(self.corpus, "english_matcher", lambda: EnglishMatcher({term.en: term.id for term in self.corpus.terms}))

    @cached_property
    def definitions(self) -> dict[str, dict]:
        """Term id -> its definitions as shown ({"definition_en", "definition_zh"}), made once per tree (every text's glossary shows them)."""
        return {term.id: {"definition_en": self.english_text(term.definition_en),
                          "definition_zh": self.chinese_text(term.definition_zh) if self.tree != "en" else ""} for term in self.corpus.terms}

    def term_chinese(self, term: Term) -> str:
        return term.hant if self.script == "zh-Hant" else term.zh

    # -- connections ----------------------------------------------------------
    @cached_property
    def link_index(self):
        from ..connections import LinkIndex

        return LinkIndex.build(self.corpus.links)

    @cached_property
    def themes_by_segment(self) -> dict:
        from ..connections import themes_of_segments

        return themes_of_segments(self.corpus.themes)

    @cached_property
    def mentions(self) -> dict:
        """Event id -> the segments that mention it; the same in every tree, so found once per corpus."""
        from ..timeline import mentions

        return shared(self.corpus, "mentions", lambda: mentions(self.corpus))

    @cached_property
    def texts_mentioning(self) -> dict[str, set[str]]:
        """Event id -> the ids of the texts with a segment that mentions it."""
        return {event_id: {segment.text_id for segment in segments} for event_id, segments in self.mentions.items()}

    def english_text(self, text: str):
        """English from a source, its Chinese runs tagged with their language (and in the tree's script)."""
        from .markup import marked

        return marked(text, [], self.chinese, bold=False, han_lang=self.script)

    def chinese_text(self, text: str):
        """Chinese (already in the tree's script or to be converted), its Latin runs tagged as English."""
        from .markup import marked

        return marked(text, [], self.chinese, bold=False, latin_lang="en")

    def localized(self, en: str, zh: str) -> dict:
        """A metadata string in the tree's language where we have it: {"text", "lang"} (English is the fallback)."""
        if self.tree != "en" and zh:
            return {"text": self.chinese_text(zh), "lang": self.script}
        return {"text": self.english_text(en), "lang": "en"}

    def bilingual(self, en: str, zh: str) -> str:
        """A curated string in the tree's language (Chinese converted for the Traditional tree)."""
        return en if self.tree == "en" else self.chinese(zh)
