"""The documented normalisations from a capture's lines to published text.

These are the only changes made to the captures' text besides recorded
corrections. Each rule is a small pure function; `RULES` lists them in the
order they run, and the site's "Editorial method" page is generated from
their docstrings, so the documentation cannot drift from the code.
"""
from __future__ import annotations

import re
from functools import lru_cache

_CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3000-\u303f"  # CJK punctuation
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff00-\uffef"  # full-width forms
    "\U00020000-\U0002fa1f"
    "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"  # quotes, dash, ellipsis and middle dot as set in Chinese text
)
CJK_CHAR = re.compile(f"[{_CJK}]")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULL_TO_HALF = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")"}


def is_cjk(char: str) -> bool:
    return bool(char) and bool(CJK_CHAR.match(char))


# --- rules applied to single lines, before lines are joined -----------------

def undouble_bold(line: str) -> str:
    """Doubled bold runs (PDF extraction of bold headings, capture 004) are written once.

    A line counts as doubled only when all of it splits into runs that each
    occur twice in a row: `（（一一））理论逻辑理论逻辑：：` becomes `（一）理论逻辑：`.
    """
    stripped = line.strip()
    single = _undouble(stripped)
    return single if single is not None and len(stripped) >= 2 else line


@lru_cache(maxsize=None)
def _undouble(text: str) -> str | None:
    if not text:
        return ""
    for size in range(1, len(text) // 2 + 1):
        if text[:size] == text[size : 2 * size]:
            rest = _undouble(text[2 * size :])
            if rest is not None:
                return text[:size] + rest
    return None


def strip_heading_marks(line: str) -> str:
    """Markdown heading marks of the capture (`# `, `## `) and bold that wraps a whole line are removed.

    Bold run-in headings inside a paragraph (`**一是……。**`) are kept as `**…**`.
    """
    line = _HEADING_MARKS.sub("", line)
    match = _WHOLE_LINE_BOLD.fullmatch(line)
    return match.group(1) if match else line


_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s+")
_WHOLE_LINE_BOLD = re.compile(r"\s*\*\*([^*]+)\*\*\s*")


def drop_page_furniture(line: str) -> str:
    """Newspaper continuation marks (`（上接第一版）`, `（下转第二版）`) are removed."""
    return _CONTINUATION.sub("", line)


_CONTINUATION = re.compile(r"[（(]\s*[上下][接转]第[一二三四五六七八九十\d]+版\s*[)）]")


# --- joining ------------------------------------------------------------------

def join_lines(lines: list[str]) -> str:
    """Lines of one segment are joined; blank lines (page and column breaks) are dropped.

    A hard line break becomes nothing in Chinese text and a space where the
    line ended with a space before a Latin word (the author's English abstract).
    """
    out = ""
    ended_with_space = False
    for raw in lines:
        if not raw.strip():
            continue
        piece = raw.strip()
        out = f"{out}{' ' if out and ended_with_space else ''}{piece}"
        ended_with_space = raw != raw.rstrip()
    return out


# --- rules applied to joined text -------------------------------------------

def full_width_punctuation(text: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese characters become full-width ，：；？！（）.

    Captures 001 and 003 were set with half-width punctuation; numbers such
    as `1,000` and Latin text keep theirs.
    """
    chars = None  # a copy to change, made at the first change
    for match in _HALF.finditer(text):
        index = match.start()
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if is_cjk(before) or is_cjk(after):
            chars = chars or list(text)
            chars[index] = _HALF_TO_FULL[match.group()]
    return "".join(chars) if chars else text


_HALF = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")


def cjk_spacing(text: str) -> str:
    """Runs of spaces collapse to one, and spaces next to a Chinese character are removed.

    PDF extraction puts spaces around numbers and Latin words (`在 2024 年`);
    Chinese text is set without them (`在2024年`).
    """
    return _SPACE_BY_CJK.sub("", _SPACES.sub(" ", text))


_SPACES = re.compile(r"\s+")
_SPACE_BY_CJK = re.compile(f"(?<=[{_CJK}]) | (?=[{_CJK}])")


def half_width_in_english(text: str) -> str:
    """In the author's English, full-width ，：；（） become half-width, followed by one space.

    Applies only to English taken from a capture (the journal article's abstract).
    """
    for full, half in _FULL_TO_HALF.items():
        if half == "(":
            text = text.replace(full, " (")
        else:
            text = text.replace(full, half + " ")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ([,.;:)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    return text.strip()


LINE_RULES = (drop_page_furniture, strip_heading_marks)
CAPTURE_LINE_RULES = {"004": (undouble_bold,)}
CHINESE_RULES = (full_width_punctuation, cjk_spacing)
ENGLISH_RULES = (half_width_in_english,)
RULES = (undouble_bold, drop_page_furniture, strip_heading_marks, join_lines, full_width_punctuation, cjk_spacing, half_width_in_english)


def prepare_lines(capture: str, lines: list[str]) -> list[str]:
    for rule in CAPTURE_LINE_RULES.get(capture, ()):
        lines = [rule(line) for line in lines]
    for rule in LINE_RULES:
        lines = [rule(line) for line in lines]
    return lines


def finish(text: str, language: str) -> str:
    for rule in CHINESE_RULES if language == "zh" else ENGLISH_RULES:
        text = rule(text)
    return text.strip()
