"""`site/downloads/corpus.json`: the contract of schema 2, on the real built site."""
from __future__ import annotations

import json

from .conftest import TEXT_IDS


def load(built_site):
    return json.loads((built_site / "downloads" / "corpus.json").read_text(encoding="utf-8"))


def test_top_level_keys(built_site):
    data = load(built_site)
    assert data["schema"] == 2
    assert {document["id"] for document in data["documents"]} == TEXT_IDS


def test_document_and_segment_keys(built_site):
    for document in load(built_site)["documents"]:
        assert {"id", "title", "date", "kind", "source", "segments"} <= set(document)
        assert set(document["title"]) == {"zh-Hans", "zh-Hant", "en"}
        assert document["source"]["spans"]
        for segment in document["segments"]:
            assert {"id", "kind", "zh-Hans", "zh-Hant", "en", "notes"} <= set(segment)
            assert segment["id"].startswith(document["id"] + "/")
            assert "**" not in segment["zh-Hans"]
            assert set(segment["label"]) == {"en", "zh-Hans", "zh-Hant"}
            for note in segment["notes"]:
                assert note["kind"] in {"translator", "context", "correction", "variant", "sic"}


def test_apparatus_carries_the_other_reading(built_site):
    notes = [note for document in load(built_site)["documents"] for segment in document["segments"] for note in segment["notes"]]
    correction = next(note for note in notes if note["kind"] == "correction")
    assert correction["original"] and correction["reading"]
    variant = next(note for note in notes if note["kind"] == "variant")
    assert variant["reading"] and variant["capture"] == "001"
    assert any(note["kind"] == "sic" for note in notes)


def test_traditional_is_derived(built_site):
    document = next(d for d in load(built_site)["documents"] if d["id"] == "action-plan-2025")
    article = next(s for s in document["segments"] if s["id"] == "action-plan-2025/art-10")
    assert "開展人工智能安全治理" in article["zh-Hant"]
    assert "开展人工智能安全治理" in article["zh-Hans"]


def test_example_ids_from_the_issue_exist(built_site):
    ids = {segment["id"] for document in load(built_site)["documents"] for segment in document["segments"]}
    assert {"action-plan-2025/art-10", "shanghai-declaration-2024/s2-p3"} <= ids


def test_schema_2_labels_short_titles_and_structured_sources(built_site):
    documents = {document["id"]: document for document in load(built_site)["documents"]}
    plan = documents["action-plan-2025"]
    assert set(plan["short_title"]) == {"zh-Hans", "zh-Hant", "en"}
    article = next(s for s in plan["segments"] if s["id"] == "action-plan-2025/art-10")
    assert article["label"] == {"en": "Art. 10", "zh-Hans": "第十条", "zh-Hant": "第十條"}
    sources = [source for d in documents.values() for s in d["segments"] for n in s["notes"] for source in n.get("sources", [])]
    assert sources and all({"publisher", "title", "date", "url", "via", "accessed", "quote", "note", "text"} <= set(source) for source in sources)
    assert documents["gong-manlu-ai-safety"]["date"] is None and documents["gong-manlu-ai-safety"]["date_not_before"]
