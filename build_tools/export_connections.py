"""Downloads of what connects the texts: links (JSON, CSV), themes (JSON), the timeline (JSON, CSV).

The keys named in the issues are contracts (schema 1 each): add keys freely;
renaming, removing or reshaping one bumps the schema and the README says so.
"""
from __future__ import annotations

import csv
import io

from .convert import converter_for
from .export import json_text, source_data
from .model import Corpus
from .timeline import mentions

SCHEMA = 1


def links_data(corpus: Corpus) -> dict:
    return {
        "schema": SCHEMA,
        "types": [
            {"id": kind.id, "label": {"en": kind.label_en, "zh-Hans": kind.label_zh},
             "inverse_label": {"en": kind.inverse_en, "zh-Hans": kind.inverse_zh}, "symmetric": kind.symmetric,
             "evidence_required": kind.needs_evidence}
            for kind in corpus.link_types.values()
        ],
        "links": [
            {"id": link.id, "type": link.type, "from": str(link.from_ref), "to": str(link.to_ref), "evidence": list(link.evidence),
             "note": {"en": link.note_en, "zh-Hans": link.note_zh} if link.note_en else None}
            for link in corpus.links
        ],
    }


def links_csv(corpus: Corpus) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "from", "relation", "to", "inverse_relation", "type", "symmetric", "reads", "evidence", "note_en", "note_zh-Hans"])
    for link in corpus.links:
        kind = corpus.link_types[link.type]
        writer.writerow([link.id, link.from_ref, kind.label_en, link.to_ref, kind.inverse_en, link.type, str(kind.symmetric).lower(),
                         f"{link.from_ref} {kind.label_en} {link.to_ref}", " | ".join(link.evidence), link.note_en, link.note_zh])
    return buffer.getvalue()


def themes_data(corpus: Corpus) -> dict:
    converter = converter_for(corpus.locked_terms)
    return {"schema": SCHEMA, "themes": [
        {"id": theme.id, "title": {"en": theme.title_en, "zh-Hans": theme.title_zh, "zh-Hant": converter.to_traditional(theme.title_zh)},
         "summary": {"en": theme.summary_en, "zh-Hans": theme.summary_zh, "zh-Hant": converter.to_traditional(theme.summary_zh)},
         "terms": list(theme.terms), "related": list(theme.related),
         "passages": [str(passage.ref) for passage in theme.passages],
         "passage_notes": {str(passage.ref): passage.note for passage in theme.passages if passage.note}}
        for theme in corpus.themes
    ]}


def timeline_data(corpus: Corpus) -> dict:
    converter = converter_for(corpus.locked_terms)
    found = mentions(corpus)
    return {"schema": SCHEMA, "events": [
        {"id": event.id, "date": event.date, "date_precision": event.date_precision, "date_uncertain": event.date_uncertain,
         "in_force": event.in_force or None, "end": event.end or None, "kind": event.kind, "status": event.status,
         "title": {"zh-Hans": event.title_zh, "zh-Hant": converter.to_traditional(event.title_zh), "en": event.title_en},
         "issuer": {"zh-Hans": event.issuer_zh, "zh-Hant": converter.to_traditional(event.issuer_zh), "en": event.issuer_en} if event.issuer_en else None,
         "number": event.number or None, "words": list(event.words),
         "summary": {"en": event.summary_en, "zh-Hans": event.summary_zh} if event.summary_en else None,
         "date_note": event.date_note or None,
         "sources": [source_data(source) for source in event.sources],
         "text": event.text_id, "mentions": [segment.id for segment in found.get(event.id, [])]}
        for event in corpus.events
    ]}


def timeline_csv(data: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "date", "date_precision", "in_force", "kind", "status", "title_zh-Hans", "title_en", "issuer_en", "number", "text", "mentions", "source_urls"])
    for event in data["events"]:
        writer.writerow([event["id"], event["date"], event["date_precision"], event["in_force"] or "", event["kind"], event["status"],
                         event["title"]["zh-Hans"], event["title"]["en"], (event["issuer"] or {}).get("en", ""), event["number"] or "",
                         event["text"] or "", " ".join(event["mentions"]), " ".join(s["url"] for s in event["sources"] if s["url"])])
    return buffer.getvalue()


def connection_downloads(corpus: Corpus) -> dict[str, str]:
    files = {}
    if corpus.links:
        files["links.json"] = json_text(links_data(corpus))
        files["links.csv"] = links_csv(corpus)
    if corpus.themes:
        files["themes.json"] = json_text(themes_data(corpus))
    if corpus.events:
        data = timeline_data(corpus)
        files["timeline.json"] = json_text(data)
        files["timeline.csv"] = timeline_csv(data)
    return files
