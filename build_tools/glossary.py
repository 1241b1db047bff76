"""The termbase (`glossary/terms.yaml`): loading, checking and concordance.

A term's one Traditional form is fixed at load time: `hant:` where OpenCC gets it
wrong, else OpenCC's; where a term first appears is computed from the corpus,
never stored.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import is_
from pathlib import Path

from .annotate import ChineseMatcher
from .model import WARNING, Corpus, Problem, Segment, Term, TermVariant, chronological
from .schema import SOURCES, Field, read_checked

TERMBASE = Field("map", fields={
    "terms": Field("list", required=True, item=Field("map", fields={
        "id": Field("id", required=True, hint="toneless pinyin with hyphens, e.g. 'yi-ren-wei-ben'"),
        "zh": Field("text", required=True, hint="the Simplified form as it occurs in the texts"),
        "hant": Field("text", hint="the Traditional form, only where OpenCC gets it wrong"),
        "pinyin": Field("text", required=True, hint="pinyin with tone marks, one syllable per character: 'yǐ rén wéi běn'"),
        "en": Field("text", required=True, hint="our English rendering"),
        "variants": Field("list", nullable=True, item=Field("map", fields={
            "en": Field("text", required=True, hint="another rendering"),
            "used_by": Field("text", required=True, hint="who uses it"),
            "why": Field("text", hint="where it is used and why it is listed"),
        })),
        "official": Field("map", fields={
            "en": Field("text", required=True, hint="the issuing body's own English rendering"),
            "source": Field("source", required=True, hint="where you read it: a block with publisher, title, url, quote"),
        }),
        "definition": Field("map", required=True, fields={
            "en": Field("text", required=True, hint="a short definition in English"),
            "zh-Hans": Field("text", required=True, hint="一两句中文释义"),
        }),
        "related": Field("list", nullable=True, item=Field("id")),
        "sources": SOURCES,
    })),
})

HAN = re.compile(r"[\u3400-\u9fff]")


def load_termbase(path: Path, shown: str, to_traditional=lambda text: text) -> tuple[list[Term], list[Problem]]:
    from .load import make_source, make_sources, source_warnings

    if not path.exists():
        return [], []
    data, problems = read_checked(path, shown, TERMBASE)
    if data is None:
        return [], problems
    terms, warnings = [], []
    for item, line in zip(data["terms"], data["terms"].item_lines):
        zh = item["zh"].strip()
        official = item.get("official")
        term = Term(
            id=item["id"], zh=zh, pinyin=" ".join(item["pinyin"].split()), en=item["en"].strip(),
            definition_en=" ".join(item["definition"]["en"].split()), definition_zh="".join(item["definition"]["zh-Hans"].split()),
            variants=tuple(TermVariant(v["en"].strip(), v["used_by"].strip(), " ".join((v.get("why") or "").split())) for v in item.get("variants") or ()),
            related=tuple(item.get("related") or ()), sources=make_sources(item.get("sources")),
            hant=(item.get("hant") or "").strip() or to_traditional(zh),
            official_en=official["en"].strip() if official else "",
            official_source=make_source(official["source"], official.line_of("source")) if official else None,
            line=line,
        )
        terms.append(term)
        warnings += source_warnings(shown, term.sources + ((term.official_source,) if term.official_source else ()))
    return terms, warnings


def matcher(terms: list[Term]) -> ChineseMatcher:
    """The one Chinese term matcher: used to mark terms and to test their English."""
    return ChineseMatcher({term.zh: term.id for term in terms})


def check_terms(terms: list[Term], corpus: Corpus, shown: str) -> list[Problem]:
    problems: list[Problem] = []
    by_id: dict[str, Term] = {}
    by_zh: dict[str, Term] = {}
    for term in terms:
        if term.id in by_id:
            problems.append(Problem(shown, term.line, f"term id '{term.id}' is used twice (first at line {by_id[term.id].line})", "give each term its own id"))
        if term.zh in by_zh:
            problems.append(Problem(shown, term.line, f"term '{term.zh}' is entered twice (first at line {by_zh[term.zh].line})", "merge the two entries"))
        by_id.setdefault(term.id, term)
        by_zh.setdefault(term.zh, term)
        for variant in term.variants:
            if not variant.why:
                problems.append(Problem(shown, term.line, f"term '{term.zh}': variant '{variant.en}' gives no reason", "add 'why:' saying where it is used and why it is listed", WARNING))
        syllables, characters = len(term.pinyin.split()), len(HAN.findall(term.zh))
        if syllables != characters:
            problems.append(Problem(shown, term.line, f"term '{term.zh}': pinyin '{term.pinyin}' has {syllables} syllables for {characters} characters", "write one syllable per Chinese character, separated by spaces"))
    for term in terms:
        for related in term.related:
            if related not in by_id:
                problems.append(Problem(shown, term.line, f"term '{term.id}' names related term '{related}', which does not exist", "use the id of an existing term, or remove it"))
    occurring = set(occurrences(terms, corpus))
    for term in terms:
        if term.id not in occurring:
            problems.append(Problem(shown, term.line, f"term '{term.zh}' occurs nowhere in the texts", "check the characters, or remove the term"))
    return problems


_LAST: list = [None, (), (), {}]  # the corpus, its terms and texts (the objects themselves), what was found in them


def occurrences(terms: list[Term], corpus: Corpus) -> dict[str, list[Segment]]:
    """Term id -> every segment whose Chinese contains the term (also inside a longer term), texts in date order.

    For the corpus's own terms the last answer is kept while the corpus holds the same term and text objects
    (checking, exports and each tree's glossary ask it seven times a build). Read it; never change it.
    """
    if terms is not corpus.terms:
        return _occurrences(terms, corpus)
    now = (tuple(terms), tuple(corpus.texts))
    if _LAST[0] is not corpus or not all(len(a) == len(b) and all(map(is_, a, b)) for a, b in zip(_LAST[1:3], now)):
        _LAST[:] = [corpus, *now, _occurrences(terms, corpus)]
    return _LAST[3]


def _occurrences(terms: list[Term], corpus: Corpus) -> dict[str, list[Segment]]:
    found: dict[str, list[Segment]] = {}
    segments = [segment for text in chronological(corpus.texts) for segment in text.segments]
    # All the Chinese in one string (NUL, which no source may hold, between segments), searched in C:
    # each hit names its segment, and the search goes on from the next segment.
    joined = "\0".join(segment.zh for segment in segments)
    starts = list(accumulate((len(segment.zh) + 1 for segment in segments[:-1]), initial=0))
    for term in terms:
        hits = []
        position = joined.find(term.zh) if segments else -1
        while position >= 0:
            index = bisect_right(starts, position) - 1
            hits.append(segments[index])
            position = joined.find(term.zh, starts[index + 1]) if index + 1 < len(starts) else -1
        if hits:
            found[term.id] = hits
    return found


def search_words(terms: list[Term]) -> list[str]:
    """Words for the search segmenter (jieba): every term in both scripts, so a search finds it whole."""
    words = []
    for term in terms:
        for form in (term.zh, term.hant):
            cleaned = "".join(char for char in form if char not in "“”‘’《》")
            if len(cleaned) > 1:
                words.append(cleaned)
    return sorted(set(words))


def rendering_counts(terms: list[Term], corpus: Corpus) -> dict[str, dict[str, int]]:
    """Term id -> {rendering: segments whose (our) English uses it}, over the segments where the term is marked."""
    find = matcher(terms)
    by_id = {term.id: term for term in terms}
    counts: dict[str, dict[str, int]] = {}
    for segment in corpus.segments():
        if segment.en_author:
            continue
        english = segment.en.lower()
        for match in find.find(segment.zh):
            if match.key in segment.no_terms:
                continue
            used = [form for form in by_id[match.key].renderings if form.lower() in english]
            if used:
                tally = counts.setdefault(match.key, {})
                longest = max(used, key=len)
                tally[longest] = tally.get(longest, 0) + 1
    return counts


def check_renderings(terms: list[Term], corpus: Corpus, shown: str) -> list[Problem]:
    """Every term our English renders more than one way, with counts (a reviewer decides)."""
    from .model import WARNING

    by_id = {term.id: term for term in terms}
    return [
        Problem(shown, by_id[term_id].line, f"term '{by_id[term_id].zh}' is rendered {len(tally)} ways in our English: "
                + ", ".join(f"'{form}' ×{count}" for form, count in sorted(tally.items(), key=lambda item: -item[1])),
                "use the term's rendering, or explain the exception in a translator's note", WARNING)
        for term_id, tally in rendering_counts(terms, corpus).items() if len(tally) > 1
    ]
