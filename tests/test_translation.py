"""The English: complete, consistent in its terms, plausible in length, faithful to the apparatus."""
from __future__ import annotations

import re

from build_tools.glossary import matcher


HAN = re.compile(r"[\u4e00-\u9fff]")


def test_no_segment_is_untranslated(corpus):
    assert [segment.id for segment in corpus.segments() if not segment.en] == []


def test_same_term_same_english_unless_a_note_says_why(corpus):
    """For every marked Chinese occurrence of a glossary term, the English has our rendering or a listed variant.

    Prints every exception as `segment: term — found …`; an exception passes only with a translator's note
    in that segment that names the term.
    """
    terms = {term.id: term for term in corpus.terms}
    find = matcher(corpus.terms)
    exceptions = []
    for segment in corpus.segments():
        if segment.en_author:  # the author's own English is hers, not ours
            continue
        for match in find.find(segment.zh):
            term = terms[match.key]
            if match.key in segment.no_terms or any(r.lower() in segment.en.lower() for r in term.renderings):
                continue
            if any(term.zh in note.text for note in segment.notes if note.kind == "translator"):
                continue
            exceptions.append(f"{segment.id}: {term.zh} — found none of {list(term.renderings)}")
    print("\n".join(exceptions))
    assert exceptions == []


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


def test_context_notes_name_their_sources_or_say_unverified(corpus):
    for segment in corpus.segments():
        for note in segment.notes:
            if note.kind == "context":
                assert note.sources or "unverified" in note.text.lower(), f"{segment.id}: a context note without sources"
