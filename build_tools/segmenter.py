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
from math import log
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
        self._jieba = _tokenizer_class()()
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


@lru_cache(maxsize=1)
def _tokenizer_class():
    """jieba's Tokenizer with its word graph, best route and hidden Markov model written for speed: the same
    arithmetic in the same order, so the same words (tests/test_search_index.py cuts every run of the corpus
    with both). jieba spends half of our search indexing building dicts and lists it reads once."""
    from jieba import finalseg

    class FastTokenizer(_jieba().Tokenizer):
        def _Tokenizer__cut_DAG(self, sentence):  # jieba's `__cut_DAG` (HMM on), its DAG and route in one pass
            freq = self.FREQ
            size = len(sentence)
            logtotal = log(self.total)
            route = [(0, 0)] * (size + 1)
            for start in range(size - 1, -1, -1):
                best = None
                end, fragment = start, sentence[start]
                while end < size and fragment in freq:
                    if freq[fragment]:
                        candidate = (log(freq[fragment]) - logtotal + route[end + 1][0], end)
                        if best is None or candidate > best:
                            best = candidate
                    end += 1
                    fragment = sentence[start:end + 1]
                route[start] = best if best is not None else (log(1) - logtotal + route[start + 1][0], start)
            at, buffer = 0, ""
            while at < size:
                stop = route[at][1] + 1
                word = sentence[at:stop]
                if stop - at == 1:
                    buffer += word
                else:
                    if buffer:
                        yield from _unknown(buffer, freq, finalseg)
                        buffer = ""
                    yield word
                at = stop
            if buffer:
                yield from _unknown(buffer, freq, finalseg)

    return FastTokenizer


def _unknown(buffer: str, freq: dict, finalseg):
    """Single characters the route left: one, a known word spelled out, or words found by the HMM (as jieba)."""
    if len(buffer) == 1:
        yield buffer
    elif freq.get(buffer):
        yield from buffer
    elif finalseg.re_han.fullmatch(buffer) and not finalseg.Force_Split_Words:
        yield from _hmm_words(buffer, finalseg)
    else:
        yield from finalseg.cut(buffer)


def _hmm_words(sentence: str, finalseg):
    """finalseg's `__cut` of one run of Han characters."""
    path = _viterbi(sentence, finalseg)
    begin = following = 0
    for index, char in enumerate(sentence):
        state = path[index]
        if state == "B":
            begin = index
        elif state == "E":
            yield sentence[begin:index + 1]
            following = index + 1
        elif state == "S":
            yield char
            following = index + 1
    if following < len(sentence):
        yield sentence[following:]


def _viterbi(observed: str, finalseg) -> list[str]:
    """finalseg's `viterbi` over its four states (B, M, E, S): the same sums in the same order and the same
    ties (the later state's letter wins, as in jieba's `max` of (probability, state) pairs), with back-pointers
    instead of a copied path per character."""
    low = finalseg.MIN_FLOAT
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    eB, eM, eS, eE = emit["B"].get, emit["M"].get, emit["S"].get, emit["E"].get
    tB, tM, tS, tE = trans["B"].get, trans["M"].get, trans["S"].get, trans["E"].get
    BM, BE, MM, ME, SB, SS, EB, ES = tB("M", low), tB("E", low), tM("M", low), tM("E", low), tS("B", low), tS("S", low), tE("B", low), tE("S", low)
    char = observed[0]
    vB, vM, vS, vE = start["B"] + eB(char, low), start["M"] + eM(char, low), start["S"] + eS(char, low), start["E"] + eE(char, low)
    back = []
    for char in observed[1:]:
        emitted = eB(char, low), eM(char, low), eS(char, low), eE(char, low)  # each state from its two possible predecessors
        nB = max((vE + EB + emitted[0], "E"), (vS + SB + emitted[0], "S"))
        nM = max((vM + MM + emitted[1], "M"), (vB + BM + emitted[1], "B"))
        nS = max((vS + SS + emitted[2], "S"), (vE + ES + emitted[2], "E"))
        nE = max((vB + BE + emitted[3], "B"), (vM + ME + emitted[3], "M"))
        vB, vM, vS, vE = nB[0], nM[0], nS[0], nE[0]
        back.append({"B": nB[1], "M": nM[1], "S": nS[1], "E": nE[1]})
    state = max((vE, "E"), (vS, "S"))[1]
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    path.reverse()
    return path
