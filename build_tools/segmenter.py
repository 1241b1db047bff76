"""jieba's word cutting, with only the part of its dictionary that the text being cut can use.

jieba reads its whole dictionary (349,000 words, a second of start-up) and each
tokenizer holds its own copy. A word can only be found in a run of Han characters
if every one of its characters is in the run, so a dictionary holding just the
words made of characters of our text, with the whole dictionary's total
frequency, cuts that text exactly as the whole dictionary would: the same
words, the same frequencies, the same probabilities (tested against jieba's own
tokenizer in tests/test_search_index.py).

The characters grow as text arrives: `Dictionary` reads the words of new
characters once (an increment), and every tokenizer takes the increments it has
not seen before it cuts.
"""
from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache
from pathlib import Path


def _jieba():
    """jieba, imported without `pkg_resources`: a quarter of a second that jieba only spends to read files on Jython."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # `import pkg_resources` raises ImportError; jieba then opens its files itself
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


# The sum of the frequencies in jieba's dictionary, by the SHA-256 of the file: adding 349,000
# numbers costs a sixth of a second a build; checking the digest, a hundredth. Another file
# (a new jieba) is summed as before (tests/test_search_index.py checks the installed one is here).
KNOWN_TOTALS = {"7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8": 60101967}  # jieba 0.42.1


def total_frequency(raw: bytes, text: str) -> int:
    """The sum of the frequencies of the dictionary (`word frequency [tag]` lines; no word holds a space)."""
    known = KNOWN_TOTALS.get(hashlib.sha256(raw).hexdigest())
    return known if known is not None else sum(map(int, re.findall(r" (\d+) ", text)))


class Dictionary:
    """jieba's dictionary file, read into words only for the characters asked for so far."""

    def __init__(self):
        raw = (Path(_jieba().__file__).parent / "dict.txt").read_bytes()
        self.lines = "\n" + raw.decode("utf-8")  # `word frequency [tag]` lines, each after a newline
        self.total = total_frequency(raw, self.lines)
        self.chars: set[str] = set()
        self.frequencies: dict[str, int] = {}  # jieba's FREQ: words with their frequency, and their prefixes with 0
        self.read: set[str] = set()  # the words read so far
        self.increments: list[dict[str, int]] = []

    def cover(self, chars: set[str]) -> None:
        """Add, as one increment, the words that use only characters covered so far and at least one of `chars`."""
        new = chars - self.chars
        if not new:
            return
        self.chars |= new
        known, fresh = ("".join(map(re.escape, sorted(group))) for group in (self.chars, new))
        # A later line of a word wins, as in jieba.
        # Lines are found from the newline before them (a literal the regex engine skips to; `^` is tried at every character).
        if len(new) * 4 < len(self.chars):  # a few new characters: the lines with one of them (a look-ahead)
            words = dict(re.findall(f"\n(?=[{known}]*[{fresh}])([{known}]+) (\\d+)", self.lines))
        else:  # many: the look-ahead would read each line three times; every word of known characters not read before
            words = {word: count for word, count in dict(re.findall(f"\n([{known}]+) (\\d+)", self.lines)).items() if word not in self.read}
        self.read.update(words)
        # every prefix of a word: its first character, and for longer words the longer prefixes
        prefixes = {word[0] for word in words}
        prefixes.update([word[:2] for word in words if len(word) > 2])
        prefixes.update(word[:end] for word in words if len(word) > 3 for end in range(3, len(word)))
        added = dict.fromkeys(prefixes.difference(words).difference(self.frequencies), 0)  # a word's own line beats its use as a prefix
        added.update(zip(words, map(int, words.values())))
        self.frequencies.update(added)
        self.increments.append(added)


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The one dictionary of the process (every tokenizer cuts with it)."""
    return Dictionary()


class Tokenizer:
    """jieba with user words (each `word 2000`, as Material's `jieba_dict_user` file gave them), with the words of
    `dictionary()` for the characters it has been asked to cut."""

    def __init__(self, user_words: tuple[str, ...] = ()):
        self._jieba = _jieba().Tokenizer()
        self._user: dict[str, int] = {}
        self._seen = 0  # the dictionary's increments taken
        self._jieba.FREQ, self._jieba.total, self._jieba.initialized = {}, dictionary().total, True
        for word in user_words:  # what jieba's add_word does, minus the check that would load the whole dictionary
            self._user[word] = 2000
            self._jieba.total += 2000
            for end in range(1, len(word)):
                self._user.setdefault(word[:end], 0)
        self.cover(set("".join(user_words)))

    def cover(self, chars: set[str]) -> None:
        """Make sure the tokenizer knows every dictionary word made of `chars` and characters covered before."""
        words = dictionary()
        words.cover(set(chars))
        if self._seen == len(words.increments):
            return
        freq = self._jieba.FREQ
        for added in words.increments[self._seen:]:
            freq.update(added)
        self._seen = len(words.increments)
        # jieba reads its dictionary, then adds the user words (their prefixes only where the dictionary has no entry)
        freq.update({word: count for word, count in self._user.items() if count or word not in freq})

    def is_user_word(self, word: str) -> bool:
        return self._user.get(word, 0) > 0

    def cut(self, run: str) -> tuple[str, ...]:
        self.cover(set(run))
        return tuple(self._jieba.cut(run))
