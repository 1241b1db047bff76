"""The CAT-tool downloads: TMX 1.4b translation memories and the bilingual TBX, on the real corpus.

The TMX is validated against the TMX 1.4b DTD (`tests/data/tmx14.dtd`) with lxml
and read back with translate-toolkit's TMX reader, as a CAT tool would.
"""
from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest
import yaml
from lxml import etree
from translate.storage import tmx

from build_tools.export import glossary_data, glossary_tbx
from build_tools.export_tmx import SCRIPTS, XML_LANG, corpus_tmx, glossary_tbx_pair
from build_tools.model import SegmentRef, chronological
from build_tools.textforms import plain

from .conftest import ROOT

DTD = ROOT / "tests" / "data" / "tmx14.dtd"
KNOWN = "action-plan-2025/art-10"
KNOWN_ZH = {"zh-Hans": "开展人工智能安全治理", "zh-Hant": "開展人工智能安全治理"}


@pytest.fixture(scope="module")
def tmx_files(corpus) -> dict[str, str]:
    return {script: corpus_tmx(corpus, script) for script in SCRIPTS}


def known_english() -> str:
    """The current English of the known segment, read from its YAML file."""
    data = yaml.safe_load((ROOT / "texts" / "action-plan-2025.yaml").read_text(encoding="utf-8"))
    return next(plain(segment["en"]) for segment in data["segments"] if segment["id"] == "art-10")


@pytest.mark.parametrize("script", SCRIPTS)
def test_tmx_is_valid_against_the_tmx14_dtd(tmx_files, script):
    data = tmx_files[script]
    assert data.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    dtd = etree.DTD(str(DTD))
    root = etree.fromstring(data.encode("utf-8"))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    # The DTD has teeth: a header without srclang fails.
    del root.find("header").attrib["srclang"]
    assert not dtd.validate(root)


@pytest.mark.parametrize("script", SCRIPTS)
def test_tmx_header_is_fixed_and_timeless(tmx_files, script):
    root = etree.fromstring(tmx_files[script].encode("utf-8"))
    header = root.find("header")
    assert dict(header.attrib) == {
        "creationtool": "aigov-reader", "creationtoolversion": "1", "segtype": "paragraph", "o-tmf": "aigov-reader",
        "adminlang": "en", "srclang": script, "datatype": "plaintext",
    }
    assert not [name for element in root.iter() for name in element.attrib if name.endswith("date") or (name.endswith("id") and name != "tuid")]


@pytest.mark.parametrize("script", SCRIPTS)
def test_tmx_reads_back_with_translate_toolkit(corpus, tmx_files, script):
    store = tmx.tmxfile.parsestring(tmx_files[script].encode("utf-8"))
    assert store.sourcelanguage == script
    units = {unit.getid(): unit for unit in store.units}
    expected = [segment.id for text in chronological(corpus.texts) for segment in text.segments if plain(segment.en).strip()]
    assert [unit.getid() for unit in store.units] == expected
    unit = units[KNOWN]
    assert KNOWN_ZH[script] in unit.source
    assert unit.gettarget() == unit.gettarget("en") == known_english()
    assert unit.target.startswith("10. Carrying out AI safety governance")
    assert "**" not in unit.source + unit.target


@pytest.mark.parametrize("script", SCRIPTS)
def test_tmx_units_carry_both_languages_and_their_context(corpus, tmx_files, script):
    root = etree.fromstring(tmx_files[script].encode("utf-8"))
    for unit in root.iter("tu"):
        segment = corpus.segment(SegmentRef.parse(unit.get("tuid")))
        assert segment is not None
        assert [tuv.get(XML_LANG) for tuv in unit.findall("tuv")] == [script, "en"]
        props = {prop.get("type"): prop.text for prop in unit.findall("prop")}
        assert props["x-text-id"] == segment.text_id
        assert props["x-text-title"] == corpus.text(segment.text_id).title_en
        assert props["x-segment-label"] == segment.label.en
    known = root.find(f"body/tu[@tuid='{KNOWN}']")
    assert known.find("prop[@type='x-text-title']").text == corpus.text("action-plan-2025").title_en


@pytest.mark.parametrize("script", SCRIPTS)
def test_tmx_is_byte_identical_on_a_second_call(corpus, tmx_files, script):
    assert corpus_tmx(corpus, script).encode("utf-8") == tmx_files[script].encode("utf-8")
    assert glossary_tbx_pair(corpus, script).encode("utf-8") == glossary_tbx_pair(corpus, script).encode("utf-8")


def test_tmx_skips_segments_without_english_and_escapes_markup(corpus):
    text = corpus.text("action-plan-2025")
    first, second, *rest = text.segments
    changed = dataclasses.replace(text, segments=(
        dataclasses.replace(first, en=""),
        dataclasses.replace(second, en="A & B <c> \"d\" 'e' **f**", zh=second.zh + "<&>"),
        *rest,
    ))
    small = dataclasses.replace(corpus, texts=[changed])
    data = corpus_tmx(small, "zh-Hans")
    assert etree.DTD(str(DTD)).validate(etree.fromstring(data.encode("utf-8")))
    units = {unit.getid(): unit for unit in tmx.tmxfile.parsestring(data.encode("utf-8")).units}
    assert first.id not in units
    assert units[second.id].target == "A & B <c> \"d\" 'e' f"
    assert units[second.id].source.endswith("<&>")
    assert len(units) == len(text.segments) - 1


def test_unknown_script_is_refused(corpus):
    with pytest.raises(ValueError):
        corpus_tmx(corpus, "zh-CN")
    with pytest.raises(ValueError):
        glossary_tbx_pair(corpus, "zh-TW")


@pytest.mark.parametrize("script", SCRIPTS)
def test_bilingual_tbx_has_two_langsets_per_entry(corpus, script):
    data = glossary_tbx_pair(corpus, script)
    assert data.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n')
    martif = ET.fromstring(data)
    assert martif.get("type") == "TBX-Basic"
    entries = martif.findall("text/body/termEntry")
    assert [entry.get("id") for entry in entries] == [term.id for term in corpus.terms]
    terms = {term.id: term for term in corpus.terms}
    for entry in entries:
        lang_sets = entry.findall("langSet")
        assert [lang_set.get(XML_LANG) for lang_set in lang_sets] == [script, "en"]
        term = terms[entry.get("id")]
        chinese, english = lang_sets
        assert chinese.find("tig/term").text == (term.zh if script == "zh-Hans" else term.hant)
        assert chinese.find("descrip[@type='definition']").text
        assert [tig.find("term").text for tig in english.findall("tig")] == list(term.renderings)


def test_bilingual_tbx_keeps_the_structure_of_the_trilingual_one(corpus):
    """zh-Hans + en is the three-language TBX with the zh-Hant langSets taken out, nothing else changed."""
    full = ET.fromstring(glossary_tbx(glossary_data(corpus)))
    for entry in full.iter("termEntry"):
        entry.remove(next(lang_set for lang_set in entry.findall("langSet") if lang_set.get(XML_LANG) == "zh-Hant"))
    ET.indent(full)
    pair = ET.fromstring(glossary_tbx_pair(corpus, "zh-Hans"))
    assert ET.tostring(pair, encoding="unicode") == ET.tostring(full, encoding="unicode")
