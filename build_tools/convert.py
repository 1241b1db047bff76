"""Simplified -> Traditional, derived at build time and never stored.

OpenCC's `s2tw` gives the standard character forms readers in Taiwan and Hong
Kong write (為, 著, 眾, 峰, 偽, 啟 — where plain `s2t` gives 爲, 着, 衆, 峯, 僞,
啓) and keeps PRC vocabulary: it only changes characters. The `…p`
configurations would rewrite vocabulary (数据 into 資料, 软件 into 軟體), which a
reader of an official text must not get. Terms in `glossary/locked-terms.yaml` are protected from the
converter and restored in their fixed Traditional form; a segment's
`hant_fixes` repair the rare wrong conversion inside one segment.
"""
from __future__ import annotations

import re
from functools import lru_cache

import opencc

from .model import HantFix, LockedTerm, Problem

# Private-use characters never occur in the sources, so they are safe placeholders.
_PLACEHOLDER_BASE = 0xF0000

# What s2tw can change: Han ideographs. It leaves every other character as it is (tests/test_convert.py
# converts each of the others), so text without them is its own Traditional form: most English is.
CONVERTIBLE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def converter_for(locked_terms=()) -> "Converter":
    """One converter per set of locked terms: checking, exports and the Traditional tree convert the same texts."""
    return _converter_for(tuple(locked_terms))


@lru_cache(maxsize=4)
def _converter_for(locked_terms: tuple[LockedTerm, ...]) -> "Converter":
    return Converter(locked_terms)


class Converter:
    def __init__(self, locked_terms: list[LockedTerm] = ()):
        # Longest first, so that a longer locked term wins over one inside it.
        self.locked = sorted(locked_terms, key=lambda term: -len(term.hans))
        self._converted: dict[str, str] = {}  # a tree converts the same names and terms thousands of times

    def to_traditional(self, text: str, fixes: tuple[HantFix, ...] = ()) -> str:
        if fixes:
            return self._convert(text, fixes)
        if text not in self._converted:
            self._converted[text] = self._convert(text, ()) if CONVERTIBLE.search(text) else text
        return self._converted[text]

    to_traditional.han_only = True  # changes Han characters only: `markup.marked` skips text without them

    def _convert(self, text: str, fixes: tuple[HantFix, ...]) -> str:
        protected = text
        restore: dict[str, str] = {}
        for index, term in enumerate(self.locked):
            if term.hans in protected:
                placeholder = chr(_PLACEHOLDER_BASE + index)
                protected = protected.replace(term.hans, placeholder)
                restore[placeholder] = term.hant
        converted = _converter().convert(protected)
        for placeholder, hant in restore.items():
            converted = converted.replace(placeholder, hant)
        for fix in fixes:
            converted = converted.replace(fix.wrong, fix.right)
        return converted


def check_fixes(path: str, segment, converter: Converter) -> list[Problem]:
    """A fix whose wrong form no longer occurs is stale (OpenCC improved, or the text changed)."""
    plain = converter.to_traditional(segment.zh)
    return [
        Problem(path, fix.line, f"segment '{segment.local_id}': hant_fixes 'wrong' text '{fix.wrong}' does not occur in the converted Chinese", "remove the fix, or quote OpenCC's output exactly")
        for fix in segment.hant_fixes
        if fix.wrong not in plain
    ]
