"""The sources: captures kept unchanged, every text loaded, ids stable.

That each segment's Chinese is derived from its capture, that variants stand in
the witness and that nothing is lost is proved by `check` itself (the
`checked` fixture fails on any problem); these tests add what `check` does not.
"""
from __future__ import annotations

import hashlib

from .conftest import ROOT, TEXT_IDS


def test_captures_are_unchanged():
    folder = ROOT / "texts" / "captures"
    sums = (folder / "SHA256SUMS").read_text().splitlines()
    for line in sums:
        digest, name = line.split()
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"{name} was changed"
    assert len(list(folder.glob("[0-9][0-9][0-9]_*.txt"))) == len(sums)


def test_every_text_file_loads(corpus):
    assert {text.id for text in corpus.texts} == TEXT_IDS


def test_every_kind_of_apparatus_is_used(corpus):
    segments = list(corpus.segments())
    assert any(segment.corrections for segment in segments)
    assert any(segment.variants for segment in segments)
    assert any(segment.sics for segment in segments)


def test_the_extraction_error_in_capture_000_is_corrected(corpus):
    from build_tools.model import SegmentRef

    paragraph = corpus.segment(SegmentRef("li-qiang-waic-2025", "p3"))
    assert "加强企业和人才交流" in paragraph.zh
    assert paragraph.corrections[0].original == "企业 and 人才"


def test_segment_ids_are_stable(corpus):
    ids = [segment.id for segment in corpus.segments()]
    assert len(ids) == len(set(ids))
    published = (ROOT / "tests" / "published_ids.txt").read_text().split()
    vanished = sorted(set(published) - set(ids))
    assert vanished == [], f"published segment ids vanished (keep them, or add a redirect): {vanished}"


def test_every_segment_has_a_readers_label(corpus):
    for segment in corpus.segments():
        assert segment.label.en and segment.label.zh, segment.id
        assert segment.local_id not in (segment.label.en, segment.label.zh), segment.id
