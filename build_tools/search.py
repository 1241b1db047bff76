"""Each tree's search index, written by us from the model in the format of Material's search.

Material's own indexer cuts rendered pages at headings, so a hit could only lead
to a section. Here every segment is one entry with its anchor as location, so a
hit leads to the paragraph; a term page is one entry without its concordance;
every other page is one entry (title and a short text). Passages are boosted
above term pages.

Text is escaped and Chinese is cut into words exactly as Material's indexer does
for `lang: zh` (`material/plugins/search/plugin.py`: `html.escape(quote=False)`,
then every run of Han characters cut with jieba, words joined and surrounded
with U+200B, which `SEPARATOR` below splits on). Our glossary terms are jieba
user words, so a term is one word of the index. Two fields are ours: `name` (a
page's title, searched; a passage's title is only shown) and `phrases` (hidden:
runs of words, so a query that is a phrase finds the phrase, see `phrases`).

In the Traditional tree, variant forms of a character (爲/為, 峯/峰 …) are folded
to one form (`VARIANTS`) in the index; the patched search worker
(`material_patches.py`) folds the reader's query with the same table, so either
form finds the same passages.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from .glossary import search_words
from .model import Segment, Term, Text
from .render import urls
from .render.context import Page, TreeContext, shared_entry
from .segmenter import Tokenizer
from .textforms import plain

# Splits the index into tokens, in Material's worker and in lunr: whitespace, the
# U+200B between jieba's words, punctuation (curly quotes too: “chokehold” is the
# word chokehold); `&lt;`/`&gt;` (escaped markup) too.
SEPARATOR = r'[\s\u200b\-_,:!=\[\]()"/“”‘’]+|\.(?!\d)|&[lg]t;|(?=[A-Z][a-z])'
LANGUAGES = {"zh-Hans": ["zh"], "zh-Hant": ["zh"], "en": ["en"]}
PIPELINE = {"zh-Hans": ["stemmer"], "zh-Hant": ["stemmer"], "en": ["stopWordFilter"]}  # Material's defaults per language
# The fields lunr indexes. A page's or term's `title` is also its `name`, which is
# searched; a passage's title (the text's short title and the passage's label) is
# only shown: were it searched, every passage of 宫曼露论人工智能安全 would match 人工智能.
FIELDS = {"name": {"boost": 10.0}, "text": {"boost": 1.0}, "phrases": {"boost": 1.0}}
PHRASE_SIZES = (1, 2, 3)  # words of jieba, and runs of two and three of them (see `phrases`)

# Document boosts: a passage outranks a term page and any other page with the same words
# (Material multiplies a page's score by up to 5 and a passage's, a section to it, by up to 2).
PASSAGE_BOOST = 20.0

# Variant forms a reader of Traditional Chinese may type, each -> the form OpenCC's
# s2tw writes in our Traditional tree. Applied to the index of the zh-Hant tree and,
# in the browser, to every query there (material_patches.query_patch).
VARIANTS = {
    "爲": "為", "峯": "峰", "着": "著", "衆": "眾", "裏": "裡", "綫": "線", "僞": "偽", "啓": "啟",
    "敎": "教", "卽": "即", "旣": "既", "衞": "衛", "鷄": "雞", "眞": "真", "説": "說", "産": "產",
    "吿": "告", "尙": "尚", "内": "內", "户": "戶", "温": "溫", "争": "爭", "脱": "脫", "税": "稅",
    "悦": "悅", "鋭": "銳", "閲": "閱", "値": "值", "别": "別", "黄": "黃", "鑒": "鑑", "硏": "研",
    "効": "效", "畧": "略",
}


def folding(tree: str) -> dict[str, str]:
    """The variant table a tree's index and queries are folded with (only the Traditional tree folds)."""
    return VARIANTS if tree == "zh-Hant" else {}


_FOLDERS: dict[int, tuple[dict, re.Pattern]] = {}


def fold(text: str, table: dict[str, str]) -> str:
    if not table:
        return text
    if id(table) not in _FOLDERS:  # the table with its pattern, made once (folding runs for every field)
        _FOLDERS[id(table)] = (table, re.compile("[" + "".join(map(re.escape, table)) + "]"))
    return _FOLDERS[id(table)][1].sub(lambda match: table[match.group()], text)


@lru_cache(maxsize=4)
def _tokenizer(words: tuple[str, ...]) -> Tokenizer:
    """jieba with our terms as user words; one per set of words, shared by the trees."""
    return Tokenizer(words)


@lru_cache(maxsize=None)
def _cut(tokenizer: Tokenizer, run: str) -> tuple[str, ...]:
    """The words of a run of Han characters: the same runs recur in every tree (the English tree indexes the Chinese too)."""
    return tokenizer.cut(run)


@lru_cache(maxsize=1)
def _han():
    from backrefs import bre  # what Material uses: `\p{script: Han}`

    return bre.compile(r"(\p{script: Han}+)", bre.UNICODE)


def phrases(text: str, tokenizer: Tokenizer, plain: Tokenizer) -> list[str]:
    """The hidden `phrases` field: the words of every Han run, each of our terms cut again into jieba's own words
    (by `plain`, which has no user words), and each run of 2–3 of those words joined.

    The query segmenter takes the longest words of the index it can: with these,
    人工智能全球治理 is one word, found in 人工智能全球治理行动计划 (one term in
    `text`) and not in 全球人工智能治理, which has the same words in another order.
    """
    found: dict[str, None] = {}
    for run in _han().findall(text):
        found.update(_runs_of_words(tokenizer, plain, run))
    return list(found)


@lru_cache(maxsize=None)
def _runs_of_words(tokenizer: Tokenizer, plain: Tokenizer, run: str) -> dict[str, None]:
    """A Han run's words (terms cut again) and each run of 2–3 of them, in order (the same runs recur in every tree)."""
    words = [part for word in _cut(tokenizer, run) for part in (_cut(plain, word) if tokenizer.is_user_word(word) else (word,))]
    return {"".join(words[start:start + size]): None for size in PHRASE_SIZES for start in range(len(words) - size + 1)}


def segmented(text: str, tokenizer) -> str:
    """Every run of Han characters cut into words, joined and surrounded by U+200B (Material's `_segment_chinese`)."""
    def replace(match):
        return "\u200b" + "\u200b".join(_cut(tokenizer, match.group(0))) + "\u200b"

    return _han().sub(replace, text).strip("\u200b")


class Indexer:
    """Builds the entries of one tree: escaped, folded, segmented."""

    def __init__(self, ctx: TreeContext):
        self.ctx = ctx
        self.table = folding(ctx.tree)
        self.tokenizer = _tokenizer(tuple(search_words(ctx.corpus.terms)))
        self.plain_tokenizer = _tokenizer(())

    def field(self, text: str) -> str:
        return segmented(html.escape(fold(" ".join(text.split()), self.table), quote=False), self.tokenizer)

    def cover(self, entries: list[Entry]) -> None:
        """Read the dictionary's words for every character the entries hold, at once (not once per new character)."""
        chars: set[str] = set()
        for entry in entries:
            chars.update(entry.title)
            for paragraph in entry.paragraphs:
                chars.update(paragraph)
        self.tokenizer.cover({self.table.get(char, char) for char in chars if _han().fullmatch(char)})

    def doc(self, entry: Entry) -> dict:
        """An entry in Material's format. A page's title is shown and searched (as its `name`); a passage's title is
        shown, not searched, and the passage is boosted above pages."""
        text, body_words = self.body(entry)
        title = self.field(entry.title)
        doc = {"location": entry.location, "title": title, "name": title, "text": text}
        words = phrases(fold(title, self.table), self.tokenizer, self.plain_tokenizer) + body_words
        if words:
            doc["phrases"] = "\u200b".join(dict.fromkeys(words))
        if entry.passage:
            del doc["name"]
            doc["boost"] = PASSAGE_BOOST
        return doc


    def body(self, entry: Entry) -> tuple[str, list[str]]:
        """The entry's text and the phrases of its paragraphs: the same in the trees that fold alike (zh-Hans and en index
        the same Chinese and English of a passage), so made once for them."""
        def made() -> tuple[str, list[str]]:
            text = "".join(f"<p>{self.field(paragraph)}</p>" for paragraph in entry.paragraphs if paragraph.strip())
            return text, [word for paragraph in entry.paragraphs for word in phrases(fold(paragraph, self.table), self.tokenizer, self.plain_tokenizer)]

        return shared_entry(self.ctx.corpus, f"search bodies {bool(self.table)}", (entry.location, tuple(entry.paragraphs)), made)


@dataclass(frozen=True)
class Entry:
    """What one entry of the index holds, before it is escaped, folded and cut."""
    location: str
    title: str
    paragraphs: list[str]
    passage: bool = False


def location(page: str, anchor: str = "") -> str:
    """Where a page (and an anchor in it) is, relative to the tree's root, as Material writes it."""
    return urls.served_folder(page) + (f"#{anchor}" if anchor else "")


def text_entries(ctx: TreeContext, text: Text) -> list[Entry]:
    page = urls.text_page(text.id)
    other_title = text.title_en if ctx.tree != "en" else ctx.chinese(text.title_zh)
    head = [other_title, " · ".join(part for part in (ctx.chinese(text.issuer_zh) if ctx.tree != "en" else text.issuer_en, ctx.date(text)) if part)]
    return [Entry(location(page), ctx.title(text), head)] + [segment_entry(ctx, text, segment) for segment in text.segments]


def segment_entry(ctx: TreeContext, text: Text, segment: Segment) -> Entry:
    title = f"{ctx.short_title(text)} · {ctx.label(segment)}"
    chinese = plain(ctx.chinese(segment.zh, segment.hant_fixes))
    return Entry(location(urls.text_page(text.id), segment.local_id), title, [chinese, plain(segment.en)], passage=True)


def term_entry(ctx: TreeContext, term: Term) -> Entry:
    """The term page without its concordance: the term, its pinyin, renderings and definitions."""
    renderings = [term.en] + [variant.en for variant in term.variants] + ([term.official_en] if term.official_en else [])
    definitions = [term.definition_en] if ctx.tree == "en" else [ctx.chinese(term.definition_zh), term.definition_en]
    return Entry(location(urls.term_page(term.id)), f"{ctx.term_chinese(term)} {term.en}",
                 [term.pinyin, " · ".join(dict.fromkeys(renderings))] + definitions)


def page_texts(ctx: TreeContext) -> dict[str, list[str]]:
    """A short text for pages made of the model's summaries (the rest are indexed by title)."""
    texts = {urls.HOME: [ctx.t("site_intro")]}
    for theme in ctx.corpus.themes:
        texts[urls.theme_page(theme.id)] = [ctx.bilingual(theme.summary_en, theme.summary_zh)]
    for comparison in ctx.corpus.comparisons:
        texts[urls.compare_page(comparison.id)] = [ctx.bilingual(comparison.summary_en, comparison.summary_zh)]
    return texts


def search_index(ctx: TreeContext, pages: list[Page]) -> dict:
    """The tree's whole index in Material's format: {"config": …, "docs": […]}; pages are the tree's rendered pages."""
    paths = {page.path for page in pages}
    texts = [text for text in ctx.corpus.texts if urls.text_page(text.id) in paths]
    terms = [term for term in ctx.corpus.terms if urls.term_page(term.id) in paths]
    own = {urls.text_page(text.id) for text in texts} | {urls.term_page(term.id) for term in terms}
    summaries = page_texts(ctx)
    entries = [Entry(location(page.path), page.title, summaries.get(page.path, [])) for page in pages if page.path not in own]
    for text in texts:
        entries += text_entries(ctx, text)
    entries += [term_entry(ctx, term) for term in terms]
    ix = Indexer(ctx)
    ix.cover(entries)
    docs = [ix.doc(entry) for entry in entries]
    config = {"lang": LANGUAGES[ctx.tree], "separator": SEPARATOR, "pipeline": PIPELINE[ctx.tree], "fields": FIELDS}
    return {"config": config, "docs": docs}


def index_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
