"""Untrusted text is inert: a hostile string in every field kind shows as text and nothing else.

The hostile fixture puts markup of every syntax (HTML, Markdown links, attribute
lists, `javascript:` URLs) around a unique marker in every kind of field a
contributor can write; all three trees are built. Each marker must be found as
text, and the built pages must hold no element the clean build does not, no
`on…` attribute, no `javascript:` URL, in any tree, the nav, `<title>`, the
search index or a download.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .fixtures import attack

SHOWN_ON_PAGES = {
    "title", "short", "issuer", "publication", "rights", "textnotezh", "headingen", "sectionen", "en", "en2", "en3", "en4",
    "note", "contextnotezh", "publisher", "sourcetitle", "quote", "sourcenote", "legacysource", "correction", "variant",
    "sic", "labelen", "termen", "varianten", "usedby", "why", "officialen", "officialpublisher", "officialquote",
    "definition", "definitionzh", "termsource", "sitename", "zh",
    "linknote", "linknotezh", "comparison", "comparisonzh", "themetitle", "themesummary", "themesummaryzh", "passagenote",
    "eventtitle", "eventissuer", "eventsummary", "datenote", "eventpublisher", "eventquote", "aboutintro", "aboutbody",
}
IN_DOWNLOADS_ONLY = {"exclusion", "textnote", "contextnote", "linknote", "themetitle", "eventtitle"}  # English originals of notes shown translated in Chinese trees


class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.bad: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value.strip().lower().startswith(("javascript:", "data:text")):
                self.bad.append(f"<{tag} {name}={value[:40]}>")
            if "ZQX" in value and name not in ("title", "aria-label", "data-label", "content", "href", "alt"):
                self.bad.append(f"<{tag} {name}={value[:40]}>: a marker became an attribute")

    def handle_data(self, data):
        self.text.append(data)


def scan(site: Path) -> tuple[set[str], list[str], str]:
    tags, bad, text = set(), [], []
    for path in sorted(site.rglob("*.html")):
        parser = Scan()
        parser.feed(path.read_text(encoding="utf-8"))
        tags |= parser.tags
        bad += [f"{path.relative_to(site)}: {problem}" for problem in parser.bad]
        text += parser.text
    return tags, bad, "".join(text)


def test_hostile_strings_show_as_text_and_nothing_else(mini_site, hostile_site):
    clean_tags, clean_bad, _ = scan(mini_site / "site")
    tags, bad, text = scan(hostile_site / "site")
    assert clean_bad == []
    assert bad == []
    assert tags - clean_tags == set(), "elements that only the hostile build has"
    found = set(re.findall(r"ZQX([a-z0-9]+)", text))
    assert SHOWN_ON_PAGES - found == set(), "fields whose text never reached a page"
    # The text is shown as written: markup characters and all.
    assert attack("ZQXtitle").split(" [link")[0] in " ".join(text.split())


def test_search_index_and_nav_hold_no_live_markup(hostile_site):
    for tree in ("zh-Hans", "zh-Hant", "en"):
        index = json.loads((hostile_site / "site" / tree / "search" / "search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            for key in ("title", "text"):  # the search shows both as HTML
                parser = Scan()
                parser.feed(doc[key])
                assert parser.bad == [] and parser.tags <= {"p", "ul", "ol", "li", "strong", "code", "span", "dl", "dt", "dd", "sup", "q", "mark", "br", "em"}, (parser.tags, doc[key][:200])
        config = (hostile_site / "build" / tree / "mkdocs.yml").read_text(encoding="utf-8")
        assert "<script" not in config and "<img" not in config


def test_downloads_keep_the_exact_strings(hostile_site):
    corpus = (hostile_site / "site" / "downloads" / "corpus.json").read_text(encoding="utf-8")
    data = json.loads(corpus)
    document = next(d for d in data["documents"] if d["id"] == "mini-plan")
    assert document["title"]["en"] == attack("ZQXtitle")
    assert document["source"]["exclusions"][0]["reason"] == attack("ZQXexclusion")
    glossary = json.loads((hostile_site / "site" / "downloads" / "glossary.json").read_text(encoding="utf-8"))
    assert next(t for t in glossary["terms"] if t["id"] == "ren-gong-zhi-neng")["en"] == attack("ZQXtermen")
    tbx = (hostile_site / "site" / "downloads" / "glossary.tbx").read_text(encoding="utf-8")
    assert "<script>" not in tbx and "&lt;script&gt;" in tbx
    every_download = "".join(path.read_text(encoding="utf-8") for path in (hostile_site / "site" / "downloads").iterdir())
    for marker in IN_DOWNLOADS_ONLY:
        assert f"ZQX{marker}" in every_download, marker
