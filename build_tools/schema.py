"""The shape of a text's YAML file, and a checker that explains every deviation.

The schema is data (`TEXT`), so the allowed keys, what each one holds and the
fix we suggest live in one place. `check_shape` walks a parsed file and
returns `Problem`s; it never raises.
"""
from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from .model import NOTE_KINDS, SEGMENT_KINDS, TEXT_KINDS, Problem
from .yamlfile import LineDict, LineList

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINEREF_PATTERN = re.compile(r"^(\d{3}):(\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)$")
DATE_PATTERN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


URL_PATTERN = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)
SEGMENT_REF_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Field:
    kind: str  # str | text | id | date | lineref | url | ref | int | bool | enum | map | list | source
    required: bool = False
    hint: str = ""
    choices: tuple = ()
    fields: dict | None = None  # for map
    item: "Field | None" = None  # for list
    nullable: bool = False


def _map(fields: dict, required: bool = False, hint: str = "") -> Field:
    return Field("map", required=required, fields=fields, hint=hint)


def _list(item: Field, required: bool = False, hint: str = "") -> Field:
    return Field("list", required=required, item=item, hint=hint)


SOURCE = _map({
    "publisher": Field("text", hint="the issuing body or named publisher, e.g. 'Xinhua News Agency'"),
    "title": Field("text", hint="the title as published"),
    "date": Field("date", hint="publication date, 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'"),
    "url": Field("url", hint="the page you read: an http(s) address"),
    "via": Field("url", hint="the copy you read when the original could not be read: an http(s) address"),
    "accessed": Field("date", hint="the day you read it, 'YYYY-MM-DD'"),
    "quote": Field("text", hint="the few words of the source that state the fact, copied exactly"),
    "note": Field("text", hint="e.g. 'a copy of the Xinhua report'"),
}, hint="a block with publisher, title, date, url, accessed and quote")
SOURCES = Field("list", item=Field("source"), hint="a list of sources, each a block with publisher, title, date, url, quote")

NOTE = _map({
    "kind": Field("enum", required=True, choices=NOTE_KINDS),
    "text": Field("text", required=True, hint="write the note"),
    "zh": Field("text", hint="the note in Chinese (our translation, Simplified)"),
    "about": Field("id", hint="a section id of the About the translation page, e.g. 'an-quan'"),
    "sources": SOURCES,
})
LABEL = _map({
    "en": Field("text", required=True, hint="how an English reader names it, e.g. 'Art. 10'"),
    "zh": Field("text", required=True, hint="how a Chinese reader names it, e.g. '第十条'"),
}, hint="a block with 'en:' and 'zh:'")

SEGMENT = _map({
    "id": Field("id", required=True, hint="a short lower-case id such as 'art-10' or 's2-p3'"),
    "kind": Field("enum", required=True, choices=SEGMENT_KINDS),
    "level": Field("int", hint="heading level: 1 for a main heading, 2 below it"),
    "label": LABEL,
    "source": Field("lineref", required=True, hint="the capture lines it comes from, e.g. '001:13' or '003:13,19'"),
    "zh": Field("text", required=True, hint="copy the Chinese from the capture"),
    "en": Field("text", nullable=True, hint="our English translation ('' while untranslated)"),
    "en_source": Field("lineref", hint="capture lines of the author's own English"),
    "en_author": Field("bool", hint="true when the English is the author's own"),
    "witness": Field("lineref", hint="the other edition's lines, e.g. '001:103'"),
    "corrections": _list(_map({
        "original": Field("text", required=True, hint="the capture's reading"),
        "reading": Field("text", required=True, hint="the corrected reading"),
        "note": Field("text", required=True, hint="say why this is an extraction error"),
    })),
    "variants": _list(_map({
        "base": Field("text", required=True, hint="our base text's reading"),
        "reading": Field("text", required=True, hint="the witness edition's reading"),
        "note": Field("text", required=True, hint="describe the difference"),
    })),
    "sic": _list(_map({
        "text": Field("text", required=True, hint="the author's text as printed"),
        "correct": Field("text", required=True, hint="the right form"),
        "note": Field("text", required=True, hint="say what is wrong and how you know"),
    })),
    "notes": _list(NOTE),
    "no_terms": _list(Field("id"), hint="ids of glossary terms wrongly matched in this segment"),
    "hant_fixes": _list(_map({
        "wrong": Field("text", required=True, hint="OpenCC's wrong Traditional output"),
        "right": Field("text", required=True, hint="the right Traditional form"),
    })),
})

TEXT = _map({
    "id": Field("id", required=True, hint="the file name without .yaml"),
    "title": _map({
        "zh": Field("text", required=True, hint="the Chinese title"),
        "en": Field("text", required=True, hint="the English title"),
        "en_author": Field("bool", hint="true when the English title is the author's own"),
        "short": _map({
            "en": Field("text", required=True, hint="a short English title for the nav and links"),
            "zh": Field("text", required=True, hint="a short Chinese title (Simplified)"),
        }, required=True, hint="a block with 'en:' and 'zh:' short titles"),
    }, required=True, hint="a block with 'zh:' and 'en:' lines"),
    "date": Field("date", required=True, nullable=True, hint="'2025-07-26', '2025-07' or '2025'; null if unknown (then give date_note)"),
    "date_note": Field("text", hint="how the date is known, or why it is not"),
    "date_note_zh": Field("text", hint="the date note in Chinese (Simplified)"),
    "date_not_before": Field("date", hint="for an undated text: the earliest date it can have, 'YYYY-MM-DD'"),
    "kind": Field("enum", required=True, choices=TEXT_KINDS),
    "issuer": _map({
        "zh": Field("text", required=True, hint="issuer or author in Chinese"),
        "en": Field("text", required=True, hint="issuer or author in English"),
    }, required=True, hint="a block with 'zh:' and 'en:' lines"),
    "source": _map({
        "publication": Field("text", required=True, hint="where the capture was published"),
        "publication_zh": Field("text", hint="the same in Chinese (Simplified)"),
        "url": Field("url", nullable=True, hint="the original URL (http or https), or null"),
        "spans": _list(Field("lineref"), required=True, hint="capture lines that belong to this text"),
    }, required=True, hint="a block with 'publication:', 'url:' and 'spans:'"),
    "rights": Field("text", required=True, hint="a rights note for the Chinese and our English"),
    "rights_zh": Field("text", hint="the rights note in Chinese (Simplified)"),
    "notes": _list(NOTE),
    "exclusions": _list(_map({
        "lines": Field("lineref", required=True, hint="capture lines left out, e.g. '000:9'"),
        "reason": Field("text", required=True, hint="say why they are not published"),
    })),
    "segments": _list(SEGMENT, required=True, hint="the ordered segments of the text"),
})


def check_shape(data: object, schema: Field, path: str, where: str, line: int) -> list[Problem]:
    """Problems with `data` against `schema`; `where` names the place ("segments[3].zh")."""
    if data is None:
        if schema.nullable:
            return []
        return [Problem(path, line, f"'{where}' is empty", schema.hint or "give it a value")]
    kind = schema.kind
    if kind == "map":
        return _check_map(data, schema, path, where, line)
    if kind == "source":
        if isinstance(data, str):  # the old free-text form: accepted, warned about by the loader
            return [] if data.strip() else [Problem(path, line, f"'{where}' is empty", "describe the source or remove the item")]
        return _check_map(data, SOURCE, path, where, line)
    if kind == "list":
        if not isinstance(data, list):
            return [Problem(path, line, f"'{where}' should be a list", "write each item on its own line starting with '- '")]
        problems: list[Problem] = []
        item_lines = getattr(data, "item_lines", [line] * len(data))
        for index, item in enumerate(data):
            problems += check_shape(item, schema.item, path, f"{where}[{index}]", item_lines[index])
        return problems
    return _check_scalar(data, schema, path, where, line)


def _check_map(data: object, schema: Field, path: str, where: str, line: int) -> list[Problem]:
    if not isinstance(data, dict):
        return [Problem(path, line, f"'{where or 'the file'}' should be a block of 'key: value' lines", schema.hint or "see an existing file for the layout")]
    problems: list[Problem] = []
    known = schema.fields
    misspelt = set()
    for key in data:
        key_line = data.line_of(key) if isinstance(data, LineDict) else line
        if key not in known:
            guess = difflib.get_close_matches(str(key), list(known), n=1)
            fix = f"did you mean '{guess[0]}'?" if guess else f"allowed keys here: {', '.join(known)}"
            misspelt.update(guess)
            problems.append(Problem(path, key_line, f"unknown key '{key}' in '{where or 'the file'}'", fix))
    for key, field in known.items():
        inner = f"{where}.{key}" if where else key
        if key not in data:
            if field.required and key not in misspelt:
                problems.append(Problem(path, getattr(data, "line", line), f"'{inner}' is missing", f"add '{key}:' ({_describe(field)})"))
            continue
        key_line = data.line_of(key) if isinstance(data, LineDict) else line
        problems += check_shape(data[key], field, path, inner, key_line)
    return problems


def _describe(field: Field) -> str:
    if field.hint:
        return field.hint
    return f"one of: {', '.join(field.choices)}" if field.choices else field.kind


def _check_scalar(value: object, schema: Field, path: str, where: str, line: int) -> list[Problem]:
    kind = schema.kind

    def bad(message: str, fix: str | None = None) -> list[Problem]:
        return [Problem(path, line, f"'{where}' {message}", fix or schema.hint or "correct the value")]

    if isinstance(value, (dict, list)):
        return bad("should be a single value, not a block")
    if kind == "bool":
        return [] if isinstance(value, bool) else bad("should be true or false")
    if kind == "int":
        return [] if isinstance(value, int) and not isinstance(value, bool) and value > 0 else bad("should be a whole number above 0")
    if kind == "date":
        return _check_date(str(value), bad)
    if not isinstance(value, str):
        return bad(f"should be text, not {value!r}", "put the value in quotes")
    if kind == "text" and schema.required and not value.strip():
        return bad("is empty")
    if kind == "id" and not ID_PATTERN.match(value):
        return bad(f"'{value}' is not a valid id", "use lower-case letters, digits and single hyphens, e.g. 'art-10'")
    if kind == "enum" and value not in schema.choices:
        guess = difflib.get_close_matches(value, schema.choices, n=1)
        fix = f"did you mean '{guess[0]}'?" if guess else f"use one of: {', '.join(schema.choices)}"
        return bad(f"is '{value}', which is not a known value", fix)
    if kind == "lineref":
        if not LINEREF_PATTERN.match(value):
            return bad(f"'{value}' is not a capture reference", "write it as CAPTURE:LINES, e.g. '001:13', '000:13-15' or '003:13,19'")
        if not rising_lines(LINEREF_PATTERN.match(value).group(2)):
            return bad(f"'{value}' does not give rising line numbers from 1", "write each range low-high, in order, without overlaps, e.g. '000:13-15,19'")
    if kind == "url" and not URL_PATTERN.match(value):
        return bad(f"'{value}' is not an http(s) address", "give the page's address starting with https:// (or http://); other schemes are never linked")
    if kind == "ref" and not SEGMENT_REF_PATTERN.match(value):
        return bad(f"'{value}' is not a segment reference", "write it as TEXT-ID/SEGMENT-ID, e.g. 'action-plan-2025/art-10'")
    return []


def _check_date(value: str, bad) -> list[Problem]:
    if not DATE_PATTERN.match(value):
        return bad(f"'{value}' is not a date", "write 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' in quotes")
    parts = [int(part) for part in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return bad(f"'{value}' is an impossible date", "check the month and the day")
    if not 1800 <= parts[0] <= 2100:
        return bad(f"'{value}' is out of range", "check the year")
    return []


def read_optional(path, shown: str, schema: Field, key: str) -> tuple[list, list[Problem]]:
    """The checked list under `key` of a file that may be absent: ([], []) when it is, ([], problems) when it is wrong."""
    if not path.exists():
        return [], []
    data, problems = read_checked(path, shown, schema)
    if data is None:
        return [], problems
    return data[key] or [], []


def read_checked(path, shown: str, schema: Field) -> tuple[object, list[Problem]]:
    """Parse a YAML file and check its shape; data is None when anything is wrong."""
    from .yamlfile import read_yaml

    data, problems = read_yaml(path, shown)
    if data is None:
        return None, problems
    problems += check_shape(data, schema, shown, "", 1)
    return (None if problems else data), problems


MAX_LINE = 1_000_000


def rising_lines(spec: str) -> bool:
    """True when every range is low-high, from line 1, and each starts after the one before."""
    last = 0
    for part in spec.split(","):
        first, _, end = part.partition("-")
        low, high = int(first), int(end or first)
        if low <= last or high < low or high > MAX_LINE:
            return False
        last = high
    return True


def parse_lines(spec: str) -> tuple[int, ...]:
    """`"13-15,19"` -> `(13, 14, 15, 19)`; the spec must already match LINEREF_PATTERN."""
    numbers: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        numbers.extend(range(int(first), int(last or first) + 1))
    return tuple(numbers)
