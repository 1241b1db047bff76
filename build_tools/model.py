"""The corpus as data: texts made of segments, each segment a layer of readings.

Everything here is a plain frozen data class built by the loaders from the YAML
sources. Nothing in this module reads files, renders anything or knows about
MkDocs; it imports nothing of ours.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

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
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a source file, reported as `path:line: message — fix`.

    An error fails `check`; a warning is printed and counted (`--strict` fails on it too).
    """

    path: str
    line: int
    message: str
    fix: str
    severity: str = ERROR

    def __str__(self) -> str:
        tag = "warning: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {tag}{self.message} — {self.fix}"


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
class SegmentRef:
    """`<text-id>/<local-id>`: how links, themes, the concordance, the timeline and citations name a segment."""

    text_id: str
    local_id: str

    def __str__(self) -> str:
        return f"{self.text_id}/{self.local_id}"

    @classmethod
    def parse(cls, value: str) -> "SegmentRef | None":
        """`"action-plan-2025/art-10"` -> SegmentRef; None when the form is wrong."""
        text_id, slash, local_id = str(value).partition("/")
        if not slash or not text_id or not local_id or "/" in local_id:
            return None
        return cls(text_id, local_id)


@dataclass(frozen=True)
class Source:
    """What a fact rests on: a publisher's document, quoted.

    `url` is the page that was read; `via` a copy read when the original could
    not be; `quote` the few words of the source that state the fact. A source
    written as a bare string (the old form) keeps that string in `legacy`.
    """

    publisher: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    via: str = ""
    accessed: str = ""
    quote: str = ""
    note: str = ""
    legacy: str = ""
    line: int = 0


@dataclass(frozen=True)
class Label:
    """How a reader names a segment: `Art. 10` / `第十条`. Ids like `s2-p5` are never shown."""

    en: str
    zh: str


@dataclass(frozen=True)
class Note:
    kind: str  # translator | context
    text: str  # English, the original
    line: int = 0
    sources: tuple[Source, ...] = ()
    zh: str = ""  # our Chinese translation of the note (Simplified)
    about: str = ""  # a section of the "About the translation" page this note refers to


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
    label: Label = Label("", "")
    level: int = 0  # heading level within the text (1 = top)
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
    key_lines: tuple[tuple[str, int], ...] = ()  # where each of its keys stands

    def line_of(self, key: str) -> int:
        return dict(self.key_lines).get(key, self.line)

    @cached_property  # asked for hundreds of thousands of times a build (links, concordances, indexes)
    def ref(self) -> SegmentRef:
        return SegmentRef(self.text_id, self.local_id)

    @cached_property
    def id(self) -> str:
        return str(self.ref)


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
    short_en: str = ""
    short_zh: str = ""
    date_not_before: str | None = None  # for an undated text: the earliest date it can have
    date_note_zh: str = ""  # Chinese versions of the English metadata (our translation)
    publication_zh: str = ""
    rights_zh: str = ""

    @property
    def date_precision(self) -> str | None:
        if self.date is None:
            return None
        return {4: "year", 7: "month", 10: "day"}[len(self.date)]

    @property
    def captures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(span.capture for span in self.spans))

    @property
    def sort_date(self) -> str:
        """The one date by which texts are ordered: the date, else the earliest it can be."""
        return self.date or self.date_not_before or "9999"


def chronological(texts) -> list[Text]:
    """Oldest first; the one ordering of texts (pages that list newest first reverse it)."""
    return sorted(texts, key=lambda text: (text.sort_date, text.id))


@dataclass(frozen=True)
class LockedTerm:
    """A term whose Traditional form is fixed, protected from OpenCC."""

    hans: str
    hant: str
    why: str
    line: int = 0


@dataclass(frozen=True)
class TermVariant:
    en: str
    used_by: str
    why: str = ""


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    pinyin: str
    en: str
    definition_en: str
    definition_zh: str
    variants: tuple[TermVariant, ...] = ()
    related: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    hant: str = ""  # the one Traditional form: `hant:` in the termbase, else OpenCC's
    official_en: str = ""  # the issuing body's own English rendering, where we could read it
    official_source: Source | None = None
    line: int = 0

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.en,) + tuple(variant.en for variant in self.variants)


@dataclass
class Corpus:
    texts: list[Text] = field(default_factory=list)
    locked_terms: list[LockedTerm] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)  # in termbase order
    link_types: dict = field(default_factory=dict)  # id -> LinkType
    links: list = field(default_factory=list)  # Link, in file order
    rejected: list = field(default_factory=list)  # Rejected
    comparisons: list = field(default_factory=list)  # Comparison
    themes: list = field(default_factory=list)  # Theme, by id
    events: list = field(default_factory=list)  # Event, in date order, our texts included
    not_events: list = field(default_factory=list)  # NotEvent
    links_allowed_earlier: set = field(default_factory=set)  # link ids allowed to run from an earlier text
    prose_pages: dict = field(default_factory=dict)  # page id -> ProsePage (pages/<id>.yaml)

    def segments(self):
        for text in self.texts:
            yield from text.segments

    def text(self, text_id: str) -> Text | None:
        return next((text for text in self.texts if text.id == text_id), None)

    def segment(self, ref: SegmentRef) -> Segment | None:
        """The segment a reference names, or None."""
        text = self.text(ref.text_id)
        if text is None:
            return None
        return next((segment for segment in text.segments if segment.local_id == ref.local_id), None)


@dataclass(frozen=True)
class Site:
    """The site's display name in each language and its public addresses: one place (`site.yaml`)."""

    name_en: str
    name_zh: str
    url: str  # public address of the whole site, ending in '/'
    repository: str  # https://github.com/<owner>/<name>
    branch: str = "main"

    @property
    def repo_name(self) -> str:
        return "/".join(self.repository.rstrip("/").split("/")[-2:])


# -- what connects the texts: typed links, themes, comparisons, the timeline --------

@dataclass(frozen=True)
class LinkType:
    id: str
    label_en: str
    label_zh: str
    inverse_en: str
    inverse_zh: str
    symmetric: bool = False
    needs_evidence: bool = False
    needs_note: bool = True
    line: int = 0


@dataclass(frozen=True)
class Link:
    """One relation between two segments of different texts, declared once, shown at both ends."""

    id: str
    type: str
    from_ref: SegmentRef
    to_ref: SegmentRef
    evidence: tuple[str, ...] = ()
    note_en: str = ""
    note_zh: str = ""
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class Rejected:
    """A candidate link read and rejected, with the reason (so the proposer does not offer it again)."""

    from_ref: SegmentRef
    to_ref: SegmentRef
    type: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Comparison:
    id: str
    earlier: str  # text id
    later: str
    summary_en: str
    summary_zh: str
    line: int = 0


@dataclass(frozen=True)
class ThemePassage:
    ref: SegmentRef
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Theme:
    id: str
    title_en: str
    title_zh: str
    summary_en: str
    summary_zh: str
    terms: tuple[str, ...]
    related: tuple[str, ...]
    passages: tuple[ThemePassage, ...]
    path: str = ""
    line: int = 0


EVENT_KINDS = ("plan", "law", "regulation", "standard", "draft", "ethics", "declaration", "meeting", "international", "foreign")
EVENT_STATUSES = ("draft", "issued", "in-force", "superseded", "repealed", "held")


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str
    status: str
    title_zh: str
    title_en: str
    issuer_zh: str = ""
    issuer_en: str = ""
    in_force: str = ""
    end: str = ""
    number: str = ""
    words: tuple[str, ...] = ()
    extra_mentions: tuple[SegmentRef, ...] = ()  # segments that refer to it without naming it
    summary_en: str = ""
    summary_zh: str = ""
    date_note: str = ""
    sources: tuple[Source, ...] = ()
    text_id: str | None = None  # our text, when the event is one of them
    date_uncertain: bool = False  # an undated text placed at its date_not_before
    path: str = ""
    line: int = 0

    @property
    def date_precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.date)]


@dataclass(frozen=True)
class NotEvent:
    words: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class ProseSection:
    id: str
    title_en: str
    title_zh: str
    body_en: str
    body_zh: str
    line: int = 0


@dataclass(frozen=True, eq=False)
class ProsePage:
    """A hand-written page in both languages, such as About the translation."""

    id: str
    title_en: str
    title_zh: str
    intro_en: str
    intro_zh: str
    sections: tuple[ProseSection, ...]
    path: str = ""
    rules: dict = field(default_factory=dict)  # normalisation rule name -> its Chinese explanation
