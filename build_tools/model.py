"""The corpus as data: texts made of segments, each segment a layer of readings.

Everything here is a plain frozen data class built by `load` from the YAML
sources. Nothing in this module reads files or knows about MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

TEXT_KINDS = (
    "plan",
    "declaration",
    "speech report",
    "news report",
    "commentary",
    "journal article",
)
SEGMENT_KINDS = ("heading", "paragraph", "article", "editorial")
NOTE_KINDS = ("translator", "context")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a source file, reported as `path:line: message — fix`."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — {self.fix}"


@dataclass(frozen=True)
class LineRef:
    """Lines of one capture, e.g. `000:13-15` or `003:13,19` (1-based, inclusive)."""

    capture: str
    lines: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.capture}:{compact_lines(self.lines)}"


def compact_lines(lines: tuple[int, ...]) -> str:
    """`(3, 4, 5, 9)` -> `"3-5,9"`."""
    parts: list[str] = []
    start = prev = None
    for number in lines:
        if start is None:
            start = prev = number
        elif number == prev + 1:
            prev = number
        else:
            parts.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = number
    if start is not None:
        parts.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ",".join(parts)


@dataclass(frozen=True)
class Note:
    kind: str  # translator | context
    text: str
    line: int = 0
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Correction:
    """An extraction error fixed; `original` is the capture's reading."""

    original: str
    reading: str
    note: str
    line: int = 0


@dataclass(frozen=True)
class Variant:
    """Where the witness edition reads `reading` for our base text's `base`."""

    base: str
    reading: str
    note: str
    line: int = 0


@dataclass(frozen=True)
class Sic:
    """An error of the author's own, kept as printed; `correct` is the right form."""

    text: str
    correct: str
    note: str
    line: int = 0


@dataclass(frozen=True)
class HantFix:
    """A per-segment repair of the OpenCC conversion: `wrong` -> `right`."""

    wrong: str
    right: str
    line: int = 0


@dataclass(frozen=True)
class Segment:
    text_id: str
    local_id: str
    kind: str
    zh: str
    en: str
    source: LineRef
    level: int = 0  # heading level within the text (1 = top)
    label: str = ""  # how a reader names it: "Art. 10", "§2 ¶3"
    en_source: LineRef | None = None  # the author's own English, verified like the Chinese
    en_author: bool = False
    witness: LineRef | None = None
    corrections: tuple[Correction, ...] = ()
    variants: tuple[Variant, ...] = ()
    sics: tuple[Sic, ...] = ()
    notes: tuple[Note, ...] = ()
    hant_fixes: tuple[HantFix, ...] = ()
    no_terms: frozenset[str] = frozenset()  # glossary terms not to mark here (false matches)
    line: int = 0  # where the segment starts in its YAML file

    @property
    def id(self) -> str:
        return f"{self.text_id}/{self.local_id}"


@dataclass(frozen=True)
class Exclusion:
    lines: LineRef
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Text:
    id: str
    path: str
    title_zh: str
    title_en: str
    date: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    date_note: str
    kind: str
    issuer_zh: str
    issuer_en: str
    publication: str
    url: str | None
    spans: tuple[LineRef, ...]
    rights: str
    exclusions: tuple[Exclusion, ...]
    segments: tuple[Segment, ...]
    notes: tuple[Note, ...] = ()
    title_en_author: bool = False
    spans_line: int = 1

    @property
    def date_precision(self) -> str | None:
        if self.date is None:
            return None
        return {4: "year", 7: "month", 10: "day"}[len(self.date)]

    @property
    def captures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(span.capture for span in self.spans))


@dataclass(frozen=True)
class LockedTerm:
    """A term whose Traditional form is fixed, protected from OpenCC."""

    hans: str
    hant: str
    why: str
    line: int = 0


@dataclass
class Corpus:
    texts: list[Text] = field(default_factory=list)
    locked_terms: list[LockedTerm] = field(default_factory=list)
    terms: list = field(default_factory=list)  # glossary.Term, in termbase order

    def segments(self):
        for text in self.texts:
            yield from text.segments
