"""The published Chinese is the captures' text: proved segment by segment."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from build_tools.verify import derive, lost_sentences

from .conftest import ROOT, SEVEN_TEXTS, SHORT_TEXTS
from build_tools.check import check_project
from build_tools.load import Project

CORPUS = check_project(Project(ROOT)).corpus
ALL_SEGMENTS = [segment for text in CORPUS.texts for segment in text.segments]


def test_captures_are_unchanged():
    folder = ROOT / "texts" / "captures"
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"{name} was changed"
    assert len(list(folder.glob("0*.txt"))) == 5


def test_the_seven_texts_exist_exactly(corpus):
    assert {text.id for text in corpus.texts} == SEVEN_TEXTS
    assert {path.stem for path in (ROOT / "texts").glob("*.yaml")} == SEVEN_TEXTS


@pytest.mark.parametrize("segment", ALL_SEGMENTS, ids=lambda segment: segment.id)
def test_published_chinese_is_derived_from_its_capture(segment, captures):
    assert segment.zh == derive(segment.source, captures, segment.corrections)


@pytest.mark.parametrize("segment", [s for s in ALL_SEGMENTS if s.en_source], ids=lambda segment: segment.id)
def test_authors_english_is_derived_from_its_capture(segment, captures):
    assert segment.en == derive(segment.en_source, captures, language="en")


@pytest.mark.parametrize("segment", [s for s in ALL_SEGMENTS if s.witness], ids=lambda segment: segment.id)
def test_variant_readings_stand_in_the_witness(segment, captures):
    witness = derive(segment.witness, captures)
    for variant in segment.variants:
        assert variant.reading in witness
        assert variant.base in segment.zh


@pytest.mark.parametrize("text", CORPUS.texts, ids=lambda text: text.id)
def test_nothing_in_the_captures_is_lost(text, captures):
    assert lost_sentences(text, captures) == []
    for exclusion in text.exclusions:
        assert exclusion.reason.strip()


def test_every_kind_of_apparatus_is_used(corpus):
    segments = [segment for text in corpus.texts for segment in text.segments]
    assert any(segment.corrections for segment in segments)
    assert any(segment.variants for segment in segments)
    assert any(segment.sics for segment in segments)


def test_the_extraction_error_in_capture_000_is_corrected(corpus):
    report = next(text for text in corpus.texts if text.id == "li-qiang-waic-2025")
    paragraph = next(segment for segment in report.segments if segment.local_id == "p3")
    assert "加强企业和人才交流" in paragraph.zh
    assert paragraph.corrections[0].original == "企业 and 人才"


def test_the_short_texts_are_fully_translated(corpus):
    for text in corpus.texts:
        if text.id in SHORT_TEXTS:
            assert [segment.id for segment in text.segments if not segment.en] == []


def test_segment_ids_are_stable_and_well_formed(corpus):
    ids = [segment.id for segment in CORPUS.segments()]
    assert len(ids) == len(set(ids))
    published = (ROOT / "tests" / "published_ids.txt").read_text().split()
    vanished = sorted(set(published) - set(ids))
    assert vanished == [], f"published segment ids vanished (keep them, or add a redirect): {vanished}"
