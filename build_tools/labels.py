"""How a reader names a segment, derived from its id: `art-10` -> `Art. 10` / `第十条`.

One rule per id pattern, so a new segment gets its label without anyone typing
it; a segment whose id fits no rule needs `label: {en: …, zh: …}` in its YAML
(and `check` says so). Internal ids such as `s2-p5` are never shown to readers.
"""
from __future__ import annotations

import re

from .model import Label

NAMED = {
    "title": Label("Title", "标题"),
    "lead": Label("Lead", "导语"),
    "byline": Label("Byline", "署名"),
    "affiliation": Label("Affiliation", "作者单位"),
    "abstract": Label("Abstract", "摘要"),
    "dateline": Label("Dateline", "落款"),
    "closing": Label("Closing", "结语"),
    "source-line": Label("Source line", "出处"),
    "author-note": Label("About the author", "作者简介"),
}

_DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (1–99)."""
    tens, units = divmod(number, 10)
    if number < 10:
        return _DIGITS[number]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def _section(parts: list[str]) -> tuple[str, str]:
    """`["2"]` -> Section 2 / 第二部分; `["1", "3"]` -> Section 1.3 / 第一部分第三节."""
    numbers = [int(part) for part in parts]
    en = "Section " + ".".join(parts)
    zh = f"第{chinese_number(numbers[0])}部分" + "".join(f"第{chinese_number(n)}节" for n in numbers[1:])
    return en, zh


RULES = [
    (re.compile(r"^art-(\d+)$"), lambda m: Label(f"Art. {m[1]}", f"第{chinese_number(int(m[1]))}条")),
    (re.compile(r"^preamble-(\d+)$"), lambda m: Label(f"Preamble, para. {m[1]}", f"序言第{chinese_number(int(m[1]))}段")),
    (re.compile(r"^intro-p?(\d+)$"), lambda m: Label(f"Introduction, para. {m[1]}", f"引言第{chinese_number(int(m[1]))}段")),
    (re.compile(r"^p(\d+)$"), lambda m: Label(f"Para. {m[1]}", f"第{chinese_number(int(m[1]))}段")),
    (re.compile(r"^s(\d+(?:-\d+)*)-p(\d+)$"), lambda m: (lambda en, zh: Label(f"{en}, para. {m[2]}", f"{zh}第{chinese_number(int(m[2]))}段"))(*_section(m[1].split("-")))),
    (re.compile(r"^s(\d+(?:-\d+)*)$"), lambda m: Label(*_section(m[1].split("-")))),
]


def derive_label(local_id: str) -> Label | None:
    """The label for a segment id, or None when no rule fits (then the YAML must give one)."""
    if local_id in NAMED:
        return NAMED[local_id]
    for pattern, make in RULES:
        match = pattern.match(local_id)
        if match and all(0 < int(number) < 100 for number in re.findall(r"\d+", local_id)):
            return make(match)
    return None
