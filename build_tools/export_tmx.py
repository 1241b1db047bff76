"""Downloads for CAT tools: the aligned corpus as a translation memory (TMX 1.4b)
and the termbase as a bilingual TBX, one file per Chinese script.

A translation memory pairs one Chinese script with English: one `<tu>` per
segment that has English, its `tuid` the segment reference
(`action-plan-2025/art-10`). A termbase entry with three languages makes some
CAT tools take Traditional as the target, so the bilingual TBX keeps only the
chosen script's langSet beside the English one.

Nothing here depends on the time or the machine: the same sources give the
same bytes (no `creationdate`).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .convert import converter_for
from .export import glossary_data, glossary_tbx
from .model import Corpus, chronological
from .textforms import plain

SCRIPTS = ("zh-Hans", "zh-Hant")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_PROLOGUE = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
TBX_PROLOGUE = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'


def _check_script(script: str) -> None:
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, not {script!r}")


def corpus_tmx(corpus: Corpus, script: str) -> str:
    """TMX 1.4b: one translation unit per segment with English, Chinese (`script`) first, then English."""
    _check_script(script)
    converter = converter_for(corpus.locked_terms)
    tmx = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(tmx, "header", {
        "creationtool": "aigov-reader",
        "creationtoolversion": "1",
        "segtype": "paragraph",
        "o-tmf": "aigov-reader",
        "adminlang": "en",
        "srclang": script,
        "datatype": "plaintext",
    })
    body = ET.SubElement(tmx, "body")
    for text in chronological(corpus.texts):
        for segment in text.segments:
            english = plain(segment.en).strip()
            if not english:
                continue
            chinese = segment.zh if script == "zh-Hans" else converter.to_traditional(segment.zh, segment.hant_fixes)
            unit = ET.SubElement(body, "tu", {"tuid": segment.id})
            for kind, value in (("x-text-id", text.id), ("x-text-title", text.title_en), ("x-segment-label", segment.label.en)):
                if value:
                    ET.SubElement(unit, "prop", {"type": kind}).text = plain(value)
            for lang, value in ((script, plain(chinese)), ("en", english)):
                variant = ET.SubElement(unit, "tuv", {"xml:lang": lang})
                ET.SubElement(variant, "seg").text = value
    ET.indent(tmx)
    return TMX_PROLOGUE + ET.tostring(tmx, encoding="unicode") + "\n"


def glossary_tbx_pair(corpus: Corpus, script: str, tbx: str | None = None) -> str:
    """`export.glossary_tbx` (given as `tbx`, or made here) with two langSets per entry: `script` and `en`.

    The Chinese definition (a `descrip` of the zh-Hans langSet there) goes with
    the Chinese langSet kept, in Traditional characters for zh-Hant.
    """
    _check_script(script)
    converter = converter_for(corpus.locked_terms)
    martif = ET.fromstring(tbx if tbx is not None else glossary_tbx(glossary_data(corpus)))
    for entry in martif.iter("termEntry"):
        lang_sets = {lang_set.get(XML_LANG): lang_set for lang_set in entry.findall("langSet")}
        definition = lang_sets["zh-Hans"].find("descrip[@type='definition']")
        for lang, lang_set in lang_sets.items():
            if lang not in (script, "en"):
                entry.remove(lang_set)
        if script == "zh-Hant" and definition is not None:
            lang_sets["zh-Hans"].remove(definition)
            definition.text = converter.to_traditional(definition.text or "")
            lang_sets["zh-Hant"].insert(0, definition)
    ET.indent(martif)
    return TBX_PROLOGUE + ET.tostring(martif, encoding="unicode") + "\n"
