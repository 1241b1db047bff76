"""Downloads for translators and researchers: the aligned corpus as JSON, the
termbase as JSON, CSV and TBX.

The key names of `corpus.json` and `glossary.json` are a published contract:
add keys freely; renaming, removing or reshaping one bumps the schema, and the
README says what changed. `corpus.json` is schema 2 (labels and sources became
objects), `glossary.json` schema 1.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from .convert import Converter, converter_for
from .glossary import occurrences
from .model import Corpus, Label, Note, Segment, Source, Text, chronological
from .textforms import plain

CORPUS_SCHEMA = 2
GLOSSARY_SCHEMA = 1


def source_data(source: Source) -> dict:
    """A source as published: every key present, empty ones null; an old free-text source as `text`."""
    keys = ("publisher", "title", "date", "url", "via", "accessed", "quote", "note")
    data = {key: getattr(source, key) or None for key in keys}
    data["text"] = source.legacy or None
    return data


def note_data(note: Note) -> dict:
    entry = {"kind": note.kind, "text": note.text}
    if note.zh:
        entry["zh-Hans"] = note.zh
    if note.about:
        entry["about"] = note.about
    if note.sources:
        entry["sources"] = [source_data(source) for source in note.sources]
    return entry


def label_data(label: Label, converter: Converter) -> dict:
    return {"en": label.en, "zh-Hans": label.zh, "zh-Hant": converter.to_traditional(label.zh)}


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
    notes += [note_data(note) for note in segment.notes]
    return notes


def document(text: Text, converter: Converter) -> dict:
    return {
        "id": text.id,
        "title": {"zh-Hans": text.title_zh, "zh-Hant": converter.to_traditional(text.title_zh), "en": text.title_en},
        "title_en_by_author": text.title_en_author,
        "short_title": {"zh-Hans": text.short_zh, "zh-Hant": converter.to_traditional(text.short_zh), "en": text.short_en},
        "date": text.date,
        "date_not_before": text.date_not_before,
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
        "notes": [note_data(note) for note in text.notes],
        "segments": [
            {
                "id": segment.id,
                "kind": segment.kind,
                "level": segment.level or None,
                "label": label_data(segment.label, converter),
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
    converter = converter_for(corpus.locked_terms)
    return {"schema": CORPUS_SCHEMA, "documents": [document(text, converter) for text in chronological(corpus.texts)]}




def glossary_data(corpus: Corpus) -> dict:
    found = occurrences(corpus.terms, corpus)
    return {
        "schema": GLOSSARY_SCHEMA,
        "terms": [
            {
                "id": term.id,
                "zh-Hans": term.zh,
                "zh-Hant": term.hant,
                "pinyin": term.pinyin,
                "en": term.en,
                "variants": [{"en": variant.en, "used_by": variant.used_by, "why": variant.why or None} for variant in term.variants],
                "official": {"en": term.official_en, "source": source_data(term.official_source)} if term.official_en else None,
                "sources": [source_data(source) for source in term.sources],
                "definition": {"en": term.definition_en, "zh-Hans": term.definition_zh},
                "related": list(term.related),
                "first_occurrence": found[term.id][0].id if found.get(term.id) else None,
                "occurrences": [segment.id for segment in found.get(term.id, [])],
            }
            for term in corpus.terms
        ],
    }


def glossary_csv(data: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "zh-Hans", "zh-Hant", "pinyin", "en", "variants", "definition_en", "definition_zh-Hans", "related", "occurrences"])
    for term in data["terms"]:
        writer.writerow([
            term["id"], term["zh-Hans"], term["zh-Hant"], term["pinyin"], term["en"],
            "; ".join(f"{v['en']} ({v['used_by']})" for v in term["variants"]),
            term["definition"]["en"], term["definition"]["zh-Hans"], " ".join(term["related"]), " ".join(term["occurrences"]),
        ])
    return buffer.getvalue()


def glossary_tbx(data: dict) -> str:
    """TBX (ISO 30042) in the TBX-Basic dialect: one termEntry per term, zh-Hans, zh-Hant and en langSets."""
    martif = ET.Element("martif", {"type": "TBX-Basic", "xml:lang": "en"})
    header = ET.SubElement(ET.SubElement(martif, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "aigov-reader termbase of China's AI-governance texts, 2017–2025"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for term in data["terms"]:
        entry = ET.SubElement(body, "termEntry", {"id": term["id"]})
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = term["definition"]["en"]
        for lang, forms in (
            ("zh-Hans", [term["zh-Hans"]]),
            ("zh-Hant", [term["zh-Hant"]]),
            ("en", [term["en"]] + [variant["en"] for variant in term["variants"]]),
        ):
            lang_set = ET.SubElement(entry, "langSet", {"xml:lang": lang})
            if lang == "zh-Hans":
                ET.SubElement(lang_set, "descrip", {"type": "definition"}).text = term["definition"]["zh-Hans"]
            for index, form in enumerate(forms):
                tig = ET.SubElement(lang_set, "tig")
                ET.SubElement(tig, "term").text = form
                if lang.startswith("zh"):
                    ET.SubElement(tig, "termNote", {"type": "pronunciation"}).text = term["pinyin"]
                ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = "preferredTerm-admn-sts" if index == 0 else "admittedTerm-admn-sts"
    ET.indent(martif)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n' + ET.tostring(martif, encoding="unicode") + "\n"


def json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def downloads(corpus: Corpus) -> dict[str, str]:
    """Every download, by file name, as text: written by `write_downloads`, sized for the Downloads page."""
    from .export_connections import connection_downloads
    from .export_tmx import corpus_tmx, glossary_tbx_pair

    files = {"corpus.json": json_text(corpus_data(corpus))}
    files["corpus.zh-Hans-en.tmx"] = corpus_tmx(corpus, "zh-Hans")
    files["corpus.zh-Hant-en.tmx"] = corpus_tmx(corpus, "zh-Hant")
    if corpus.terms:
        data = glossary_data(corpus)
        files["glossary.json"] = json_text(data)
        files["glossary.csv"] = glossary_csv(data)
        files["glossary.tbx"] = glossary_tbx(data)
        files["glossary.zh-Hans-en.tbx"] = glossary_tbx_pair(corpus, "zh-Hans", files["glossary.tbx"])
        files["glossary.zh-Hant-en.tbx"] = glossary_tbx_pair(corpus, "zh-Hant", files["glossary.tbx"])
    files.update(connection_downloads(corpus))
    return files


def write_downloads(corpus: Corpus, directory: Path, files: dict[str, str] | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in (files or downloads(corpus)).items():
        (directory / name).write_text(content, encoding="utf-8")
        written.append(directory / name)
    return written
