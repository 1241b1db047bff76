"""Find glossary terms in text: leftmost, longest match first.

Chinese has no spaces, so matching is our own (Python-Markdown's `abbr`
needs word boundaries). English matches respect word boundaries and case.
Pure functions over strings; the renderer turns matches into HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str  # the term id


class ChineseMatcher:
    """Leftmost-longest matching of many Chinese strings in one pass."""

    def __init__(self, forms: dict[str, str]):
        # form -> key; grouped by first character, longest first
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        for form, key in forms.items():
            if form:
                self.by_first.setdefault(form[0], []).append((form, key))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def find(self, text: str, blocked: list[tuple[int, int]] = ()) -> list[Match]:
        return list(_remembered(self, self._find, text, blocked))

    def _find(self, text: str, blocked) -> list[Match]:
        matches = []
        index = 0
        while index < len(text):
            for form, key in self.by_first.get(text[index], ()):
                end = index + len(form)
                if text.startswith(form, index) and not _overlaps(index, end, blocked):
                    matches.append(Match(index, end, key))
                    index = end
                    break
            else:
                index += 1
        return matches


class EnglishMatcher:
    """Whole-word, case-insensitive matching of renderings, longest first."""

    def __init__(self, forms: dict[str, str]):
        self.keys = {form.lower(): key for form, key in forms.items() if form.strip()}
        ordered = sorted(self.keys, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(form) for form in ordered) + r")(?![\w-])", re.I) if ordered else None

    def find(self, text: str, blocked: list[tuple[int, int]] = ()) -> list[Match]:
        return list(_remembered(self, self._find, text, blocked))

    def _find(self, text: str, blocked) -> list[Match]:
        if self.pattern is None:
            return []
        return [
            Match(found.start(), found.end(), self.keys[found.group(0).lower()])
            for found in self.pattern.finditer(text)
            if not _overlaps(found.start(), found.end(), blocked)
        ]


def _remembered(matcher, find, text: str, blocked) -> tuple[Match, ...]:
    """A matcher's answer for a text, found once: every tree (and page) that shows the text asks again."""
    key = (text, tuple(blocked))
    answers = matcher.__dict__.setdefault("_answers", {})
    if key not in answers:
        answers[key] = tuple(find(text, blocked))
    return answers[key]


def _overlaps(start: int, end: int, blocked) -> bool:
    return any(start < block_end and block_start < end for block_start, block_end in blocked)


def first_of_each(matches: list[Match], suppressed: frozenset[str] = frozenset()) -> list[Match]:
    """Only the first occurrence of each term is marked, minus suppressed terms."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        if match.key in seen or match.key in suppressed:
            continue
        seen.add(match.key)
        kept.append(match)
    return kept
