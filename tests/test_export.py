"""`site/downloads/corpus.json`: the contract of schema 1, on the real built site."""
from __future__ import annotations

import json

from .conftest import SEVEN_TEXTS


def load(built_site):
    return json.loads((built_site / "downloads" / "corpus.json").read_text(encoding="utf-8"))


def test_top_level_keys(built_site):
    data = load(built_site)
    assert data["schema"] == 1
    assert {document["id"] for document in data["documents"]} == SEVEN_TEXTS


def test_document_and_segment_keys(built_site):
    for document in load(built_site)["documents"]:
        assert {"id", "title", "date", "kind", "source", "segments"} <= set(document)
        assert set(document["title"]) == {"zh-Hans", "zh-Hant", "en"}
        assert document["source"]["spans"]
        for segment in document["segments"]:
            assert {"id", "kind", "zh-Hans", "zh-Hant", "en", "notes"} <= set(segment)
            assert segment["id"].startswith(document["id"] + "/")
            assert "**" not in segment["zh-Hans"]
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
