"""Downloads for translators and researchers: the aligned corpus as JSON.

The key names of `corpus.json` are a published contract (schema 1): add keys,
never rename or remove them.
"""
from __future__ import annotations

import json
from pathlib import Path

from .convert import Converter
from .model import Corpus, Segment, Text

SCHEMA = 1


def plain(text: str) -> str:
    """Published text without the inline `**run-in heading**` markup."""
    return text.replace("**", "")


def segment_notes(segment: Segment) -> list[dict]:
    notes: list[dict] = []
    for correction in segment.corrections:
        notes.append({"kind": "correction", "text": correction.note, "original": correction.original, "reading": correction.reading})
    for variant in segment.variants:
        notes.append({
            "kind": "variant", "text": variant.note, "capture": segment.witness.capture,
            "witness_lines": str(segment.witness), "base": variant.base, "reading": variant.reading,
        })
    for sic in segment.sics:
        notes.append({"kind": "sic", "text": sic.note, "as_printed": sic.text, "correct": sic.correct})
    for note in segment.notes:
        entry = {"kind": note.kind, "text": note.text}
        if note.sources:
            entry["sources"] = list(note.sources)
        notes.append(entry)
    return notes


def document(text: Text, converter: Converter) -> dict:
    return {
        "id": text.id,
        "title": {"zh-Hans": text.title_zh, "zh-Hant": converter.to_traditional(text.title_zh), "en": text.title_en},
        "title_en_by_author": text.title_en_author,
        "date": text.date,
        "date_precision": text.date_precision,
        "date_note": text.date_note,
        "kind": text.kind,
        "issuer": {"zh-Hans": text.issuer_zh, "zh-Hant": converter.to_traditional(text.issuer_zh), "en": text.issuer_en},
        "source": {
            "publication": text.publication,
            "url": text.url,
            "spans": [str(span) for span in text.spans],
            "exclusions": [{"lines": str(ex.lines), "reason": ex.reason} for ex in text.exclusions],
            "file": text.path,
        },
        "rights": text.rights,
        "notes": [{"kind": note.kind, "text": note.text, **({"sources": list(note.sources)} if note.sources else {})} for note in text.notes],
        "segments": [
            {
                "id": segment.id,
                "kind": segment.kind,
                "level": segment.level or None,
                "label": segment.label or None,
                "zh-Hans": plain(segment.zh),
                "zh-Hant": plain(converter.to_traditional(segment.zh, segment.hant_fixes)),
                "en": plain(segment.en) or None,
                "en_by_author": segment.en_author,
                "provenance": {"capture": segment.source.capture, "lines": str(segment.source), "witness": str(segment.witness) if segment.witness else None},
                "notes": segment_notes(segment),
            }
            for segment in text.segments
        ],
    }


def corpus_data(corpus: Corpus) -> dict:
    converter = Converter(corpus.locked_terms)
    texts = sorted(corpus.texts, key=lambda text: (text.date or "9999", text.id))
    return {"schema": SCHEMA, "documents": [document(text, converter) for text in texts]}


def write_json(data: object, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def write_downloads(corpus: Corpus, directory: Path) -> list[Path]:
    return [write_json(corpus_data(corpus), directory / "corpus.json")]
