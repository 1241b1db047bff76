"""The English: complete, consistent in its terms, plausible in length, faithful to the apparatus."""
from __future__ import annotations

import re

import yaml

from build_tools.annotate import ChineseMatcher

from .conftest import ROOT

HAN = re.compile(r"[\u4e00-\u9fff]")


def working_terms():
    return yaml.safe_load((ROOT / "glossary" / "working-terms.yaml").read_text(encoding="utf-8"))["terms"]


def test_no_segment_is_untranslated(corpus):
    assert [segment.id for segment in corpus.segments() if not segment.en] == []


def test_same_term_same_english_unless_a_note_says_why(corpus):
    """Every term of the working list, where it occurs (longest match), is rendered as listed or explained."""
    terms = {term["zh"]: term for term in working_terms()}
    matcher = ChineseMatcher({zh: zh for zh in terms})
    exceptions = []
    for segment in corpus.segments():
        if segment.en_author:  # the author's own English is hers, not ours
            continue
        for match in matcher.find(segment.zh):
            renderings = [r.lower() for r in terms[match.key]["en"]]
            if any(rendering in segment.en.lower() for rendering in renderings):
                continue
            if any(match.key in note.text for note in segment.notes if note.kind == "translator"):
                continue
            exceptions.append(f"{segment.id}: {match.key} — found none of {renderings}")
    assert exceptions == [], "\n".join(exceptions)


def test_english_length_is_plausible(corpus):
    """English runs 1.2 to 9 characters per Chinese character; outside that, something is missing or added."""
    suspicious = []
    for segment in corpus.segments():
        han = len(HAN.findall(segment.zh))
        if han < 10:
            continue
        ratio = len(segment.en) / han
        if not 1.2 <= ratio <= 9:
            suspicious.append(f"{segment.id}: {ratio:.1f} English characters per Chinese character")
    assert suspicious == []


def test_citation_markers_stay_where_the_author_put_them(corpus):
    for segment in corpus.segments():
        assert re.findall(r"\[(\d+)\]", segment.zh) == re.findall(r"\[(\d+)\]", segment.en), segment.id


def test_headings_keep_their_hierarchy(corpus):
    numbering = {"一": ("I.", "1."), "二": ("II.", "2."), "三": ("III.", "3."), "四": ("IV.", "4."), "五": ("V.", "5.")}
    for segment in corpus.segments():
        if segment.kind != "heading":
            continue
        top = re.match(r"^([一二三四五])、", segment.zh)
        if top:
            assert segment.en.startswith(numbering[top.group(1)]), segment.id
        sub = re.match(r"^（([一二三四五])）", segment.zh)
        if sub:
            assert segment.en.startswith(f"({'一二三四五'.index(sub.group(1)) + 1})"), segment.id


def test_run_in_headings_are_mirrored(corpus):
    for segment in corpus.segments():
        if segment.zh.startswith("**") and not segment.en_author:
            assert segment.en.startswith("**"), segment.id


def test_enough_translators_notes(corpus):
    notes = [note for segment in corpus.segments() for note in segment.notes if note.kind == "translator"]
    assert len(notes) >= 20
    for text in corpus.texts:
        assert any(note.kind == "translator" for segment in text.segments for note in segment.notes), text.id


def test_context_notes_name_their_sources(corpus):
    for segment in corpus.segments():
        for note in segment.notes:
            if note.kind == "context":
                assert note.sources, f"{segment.id}: a context note without sources"
