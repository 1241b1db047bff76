"""Proofs that the published text is the captures' text.

`derive` re-creates a segment's Chinese from its capture lines: the line rules,
the join, the segment's recorded corrections, then the text rules of
`normalise`. `check_text` compares every segment with its derivation, checks
variants against the witness edition and sic marks against the text, and
`lost_sentences` proves that every sentence of a text's spans is published or
excluded with a reason: for a witness edition, that every sentence of it is
our base text once the recorded variants are applied.
"""
from __future__ import annotations

import re

from . import normalise
from .captures import Capture
from .model import Correction, LineRef, Problem, Segment, Text

SENTENCE_END = re.compile(r"(?<=[。！？；])")


def derive(ref: LineRef, captures: dict[str, Capture], corrections: tuple[Correction, ...] = (), language: str = "zh") -> str:
    """The published form of the capture lines `ref`, after corrections and normalisation."""
    capture = captures[ref.capture]
    joined = normalise.join_lines(normalise.prepare_lines(ref.capture, capture.take(ref)))
    for correction in corrections:
        joined = joined.replace(correction.original, correction.reading, 1)
    return normalise.finish(joined, language)


def apply_variants(segment: Segment) -> str:
    """The segment's Chinese as the witness edition reads it."""
    text = segment.zh
    for variant in segment.variants:
        text = text.replace(variant.base, variant.reading, 1)
    return text


def first_difference(expected: str, actual: str) -> str:
    index = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    return f"at character {index + 1}: capture gives '{expected[max(0, index - 8):index + 12]}', the file has '{actual[max(0, index - 8):index + 12]}'"


def check_refs(text: Text, captures: dict[str, Capture]) -> list[Problem]:
    """Every line reference names a capture that exists and lines inside it and inside the text's spans."""
    problems: list[Problem] = []
    span_lines = {(span.capture, number) for span in text.spans for number in span.lines}

    def check(ref: LineRef | None, line: int, what: str, in_spans: bool = True) -> None:
        if ref is None:
            return
        if ref.capture not in captures:
            problems.append(Problem(text.path, line, f"{what} names capture '{ref.capture}', which does not exist", f"use one of {', '.join(sorted(captures))}"))
            return
        size = len(captures[ref.capture].lines)
        if list(ref.lines) != sorted(set(ref.lines)) or ref.lines[-1] > size:
            problems.append(Problem(text.path, line, f"{what} '{ref}' is not a rising list of lines inside the capture", f"capture {ref.capture} has {size} lines"))
            return
        outside = [number for number in ref.lines if (ref.capture, number) not in span_lines]
        if in_spans and outside:
            problems.append(Problem(text.path, line, f"{what} '{ref}' reaches outside the text's spans (line {outside[0]})", "widen source.spans or fix the line numbers"))

    for span in text.spans:
        check(span, text.spans_line, "a span", in_spans=False)
    for exclusion in text.exclusions:
        check(exclusion.lines, exclusion.line, "an exclusion")
    for segment in text.segments:
        check(segment.source, segment.line_of("source"), f"segment '{segment.local_id}' source")
        check(segment.witness, segment.line_of("witness"), f"segment '{segment.local_id}' witness")
        check(segment.en_source, segment.line_of("en_source"), f"segment '{segment.local_id}' en_source")
    return problems


def check_text(text: Text, captures: dict[str, Capture]) -> list[Problem]:
    """Each segment's Chinese equals its derivation; variants, sic marks and corrections hold."""
    problems = check_refs(text, captures)
    if problems:
        return problems
    for segment in text.segments:
        problems += _check_segment(text, segment, captures)
    return problems


def _check_segment(text: Text, segment: Segment, captures: dict[str, Capture]) -> list[Problem]:
    problems: list[Problem] = []
    name = f"segment '{segment.local_id}'"
    joined = normalise.join_lines(normalise.prepare_lines(segment.source.capture, captures[segment.source.capture].take(segment.source)))
    for correction in segment.corrections:
        count = joined.count(correction.original)
        if count != 1:
            problems.append(Problem(text.path, correction.line, f"{name}: correction original '{correction.original}' occurs {count} times in capture {segment.source}", "quote the capture's reading exactly, with enough context to be unique"))
    if problems:
        return problems
    derived = derive(segment.source, captures, segment.corrections)
    if derived != segment.zh:
        problems.append(Problem(text.path, segment.line, f"{name}: Chinese does not match capture {segment.source} {first_difference(derived, segment.zh)}", "copy the Chinese from the capture again, or record the change as a correction"))
    if segment.en_source is not None:
        english = derive(segment.en_source, captures, language="en")
        if english != segment.en:
            problems.append(Problem(text.path, segment.line, f"{name}: the author's English does not match capture {segment.en_source} {first_difference(english, segment.en)}", "copy the English from the capture again"))
    for variant in segment.variants:
        if segment.zh.count(variant.base) != 1:
            problems.append(Problem(text.path, variant.line, f"{name}: variant base '{variant.base}' does not occur exactly once in the Chinese", "quote the base text exactly, with enough context to be unique"))
    if segment.variants and segment.witness is None:
        problems.append(Problem(text.path, segment.line, f"{name} has variants but no witness", "add 'witness:' with the other edition's lines"))
    if segment.witness is not None and not problems:
        witness_text = derive(segment.witness, captures)
        for variant in segment.variants:
            if variant.reading not in witness_text:
                problems.append(Problem(text.path, variant.line, f"{name}: variant reading '{variant.reading}' is not in witness {segment.witness}", "quote the other edition's reading exactly"))
    for sic in segment.sics:
        if sic.text not in segment.zh:
            problems.append(Problem(text.path, sic.line, f"{name}: sic text '{sic.text}' is not in the Chinese", "quote the text exactly as printed"))
    return problems


def sentences(text: str) -> list[str]:
    return [piece for piece in (part.strip() for part in SENTENCE_END.split(text.replace("**", ""))) if piece]


def lost_sentences(text: Text, captures: dict[str, Capture]) -> list[tuple[LineRef, str]]:
    """Sentences in the text's spans that no segment publishes and no exclusion explains."""
    excluded = {(ex.lines.capture, number) for ex in text.exclusions for number in ex.lines.lines}
    # What each capture's lines may be found in: the derivation of every
    # segment taken from it, and, for a witness edition, our segments' Chinese
    # with the witness's variant readings applied.
    published: dict[str, list[str]] = {}
    for segment in text.segments:
        published.setdefault(segment.source.capture, []).append(derive(segment.source, captures))
        if segment.witness is not None:
            published.setdefault(segment.witness.capture, []).append(apply_variants(segment))
        if segment.en_source is not None:
            published.setdefault(segment.en_source.capture, []).append(derive(segment.en_source, captures, language="en"))
    pool = {capture: "\n".join(parts).replace("**", "") for capture, parts in published.items()}
    lost = []
    for span in text.spans:
        capture = captures[span.capture]
        for number in span.lines:
            if (span.capture, number) in excluded or not capture.lines[number - 1].strip():
                continue
            ref = LineRef(span.capture, (number,))
            language = "en" if _is_english(capture.lines[number - 1]) else "zh"
            for sentence in sentences(derive(ref, captures, language=language)):
                if sentence not in pool.get(span.capture, ""):
                    lost.append((ref, sentence))
    return lost


def _is_english(line: str) -> bool:
    """A capture line of English: Latin letters and no Chinese characters (punctuation aside)."""
    return bool(_LATIN.search(line)) and not _HAN.search(line)


_LATIN, _HAN = re.compile(r"[A-Za-z]"), re.compile(r"[\u3400-\u9fff]")
