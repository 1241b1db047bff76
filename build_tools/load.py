"""Load the sources (texts, locked terms) into the model, collecting problems.

`load_corpus` never raises for bad input: it returns the texts it could build
and a list of `Problem`s. A text with any problem in its shape is left out of
the corpus (so nothing half-built is rendered) but still reported.
"""
from __future__ import annotations

from pathlib import Path

from .model import (
    Correction,
    Corpus,
    Exclusion,
    HantFix,
    LineRef,
    LockedTerm,
    Note,
    Problem,
    Segment,
    Sic,
    Text,
    Variant,
)
from .glossary import load_termbase
from .schema import LINEREF_PATTERN, TEXT, Field, parse_lines, read_checked

LOCKED_TERMS = Field("map", fields={
    "locked": Field("list", required=True, item=Field("map", fields={
        "hans": Field("text", required=True, hint="the Simplified form"),
        "hant": Field("text", required=True, hint="the Traditional form to publish"),
        "why": Field("text", required=True, hint="say what OpenCC gets wrong"),
    })),
})


class Project:
    """Where the sources of one project live."""

    def __init__(self, root: Path):
        self.root = root
        self.texts_dir = root / "texts"
        self.captures_dir = root / "texts" / "captures"
        self.locked_terms_path = root / "glossary" / "locked-terms.yaml"
        self.termbase_path = root / "glossary" / "terms.yaml"

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def text_paths(self) -> list[Path]:
        return sorted(self.texts_dir.glob("*.yaml"))


def parse_ref(value: str) -> LineRef:
    match = LINEREF_PATTERN.match(value)
    return LineRef(match.group(1), parse_lines(match.group(2)))


def load_corpus(project: Project) -> tuple[Corpus, list[Problem]]:
    corpus = Corpus()
    problems: list[Problem] = []
    for path in project.text_paths():
        text, text_problems = load_text(path, project.shown(path))
        problems += text_problems
        if text is not None:
            corpus.texts.append(text)
    corpus.locked_terms, locked_problems = load_locked_terms(project)
    problems += locked_problems
    corpus.terms, term_problems = load_termbase(project.termbase_path, project.shown(project.termbase_path))
    problems += term_problems
    return corpus, problems


def load_text(path: Path, shown: str) -> tuple[Text | None, list[Problem]]:
    data, problems = read_checked(path, shown, TEXT)
    if data is None:
        return None, problems
    if data["id"] != path.stem:
        problems.append(Problem(shown, data.line_of("id"), f"id '{data['id']}' does not match the file name", f"rename the file to {data['id']}.yaml or set id: {path.stem}"))
    if data["date"] is None and not data.get("date_note"):
        problems.append(Problem(shown, data.line_of("date"), "the date is unknown but not explained", "add 'date_note:' saying what is known about the date"))
    seen: dict[str, int] = {}
    for segment, line in zip(data["segments"], data["segments"].item_lines):
        if segment["id"] in seen:
            problems.append(Problem(shown, line, f"segment id '{segment['id']}' is used twice (first at line {seen[segment['id']]})", "give each segment its own id; never reuse a published id"))
        seen.setdefault(segment["id"], line)
        if segment["kind"] == "heading" and "level" not in segment:
            problems.append(Problem(shown, line, f"heading '{segment['id']}' has no level", "add 'level: 1' (or 2, 3 for sub-headings)"))
    if problems:
        return None, problems
    return _build_text(data, shown), []


def _notes(items) -> tuple[Note, ...]:
    items = items or []
    return tuple(
        Note(item["kind"], item["text"].strip(), line, tuple(item.get("sources") or ()))
        for item, line in zip(items, getattr(items, "item_lines", []))
    )


def _build_segment(text_id: str, data, line: int) -> Segment:
    def listed(key, make):
        items = data.get(key) or []
        return tuple(make(item, item_line) for item, item_line in zip(items, getattr(items, "item_lines", [])))

    return Segment(
        text_id=text_id,
        local_id=data["id"],
        kind=data["kind"],
        zh=data["zh"].strip(),
        en=(data.get("en") or "").strip(),
        source=parse_ref(data["source"]),
        level=data.get("level", 0),
        label=data.get("label", ""),
        en_source=parse_ref(data["en_source"]) if data.get("en_source") else None,
        en_author=bool(data.get("en_author") or data.get("en_source")),
        witness=parse_ref(data["witness"]) if data.get("witness") else None,
        corrections=listed("corrections", lambda item, at: Correction(item["original"], item["reading"], item["note"].strip(), at)),
        variants=listed("variants", lambda item, at: Variant(item["base"], item["reading"], item["note"].strip(), at)),
        sics=listed("sic", lambda item, at: Sic(item["text"], item["correct"], item["note"].strip(), at)),
        notes=_notes(data.get("notes")),
        hant_fixes=listed("hant_fixes", lambda item, at: HantFix(item["wrong"], item["right"], at)),
        no_terms=frozenset(data.get("no_terms") or ()),
        line=line,
    )


def _build_text(data, shown: str) -> Text:
    segments = data["segments"]
    exclusions = data.get("exclusions") or []
    return Text(
        id=data["id"],
        path=shown,
        title_zh=data["title"]["zh"].strip(),
        title_en=data["title"]["en"].strip(),
        title_en_author=bool(data["title"].get("en_author")),
        date=None if data["date"] is None else str(data["date"]),
        date_note=(data.get("date_note") or "").strip(),
        kind=data["kind"],
        issuer_zh=data["issuer"]["zh"].strip(),
        issuer_en=data["issuer"]["en"].strip(),
        publication=data["source"]["publication"].strip(),
        url=data["source"].get("url"),
        spans=tuple(parse_ref(span) for span in data["source"]["spans"]),
        spans_line=data["source"].line_of("spans"),
        rights=data["rights"].strip(),
        exclusions=tuple(
            Exclusion(parse_ref(item["lines"]), item["reason"].strip(), line)
            for item, line in zip(exclusions, getattr(exclusions, "item_lines", []))
        ),
        segments=tuple(_build_segment(data["id"], item, line) for item, line in zip(segments, segments.item_lines)),
        notes=_notes(data.get("notes")),
    )


def load_locked_terms(project: Project) -> tuple[list[LockedTerm], list[Problem]]:
    path = project.locked_terms_path
    shown = project.shown(path)
    if not path.exists():
        return [], []
    data, problems = read_checked(path, shown, LOCKED_TERMS)
    if data is None:
        return [], problems
    items = data["locked"]
    return [LockedTerm(item["hans"], item["hant"], item["why"].strip(), line) for item, line in zip(items, items.item_lines)], []
