"""Scan built pages: which text nodes are in a script their `lang` does not declare."""
from __future__ import annotations

import re
from html.parser import HTMLParser

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]{2,}")
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "embed", "param", "track"}


class LangScan(HTMLParser):
    """Collects (lang, text, path) for every text node inside the element matching `root_class`."""

    def __init__(self, root_class: str = "md-content"):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, inside root)
        self.nodes: list[tuple[str, str, str]] = []
        self.root_class = root_class
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        parent_lang, inside = (self.stack[-1][1], self.stack[-1][2]) if self.stack else ("", False)
        inside = inside or self.root_class in (attrs.get("class") or "").split()
        hidden = tag in ("script", "style", "svg", "code") or attrs.get("aria-hidden") == "true"
        self.stack.append((tag, attrs.get("lang", parent_lang), inside))
        if hidden:
            self.skip += 1
            self.stack[-1] = (tag, self.stack[-1][1], inside) + ("hidden",)

    def handle_endtag(self, tag):
        while self.stack:
            item = self.stack.pop()
            if len(item) > 3:
                self.skip -= 1
            if item[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2] and not self.skip and data.strip():
            self.nodes.append((self.stack[-1][1], data.strip(), "/".join(item[0] for item in self.stack[-4:])))


def mismatches(html: str) -> list[str]:
    scan = LangScan()
    scan.feed(html)
    wrong = []
    for lang, text, path in scan.nodes:
        if lang.startswith("zh-Hans") or lang.startswith("zh-Hant") or lang == "zh":
            if LATIN.search(text) and lang != "zh-Latn-pinyin":
                wrong.append(f"Latin in {lang} ({path}): {text[:60]}")
        elif lang in ("en", "la", "zh-Latn-pinyin"):
            if HAN.search(text):
                wrong.append(f"Han in {lang} ({path}): {text[:60]}")
    return wrong


def simplified_only(chinese: str, to_traditional) -> set[str]:
    """Characters of `chinese` that only Simplified writing uses: OpenCC changes them, and no Traditional text of ours holds them."""
    traditional = set(to_traditional(chinese))
    return {char for char in set(HAN.findall(chinese)) if to_traditional(char) != char and char not in traditional}


def simplified_in_traditional(html: str, simplified: set[str]) -> list[str]:
    """Text nodes read as Traditional (lang zh-Hant, or inherited) that hold a Simplified-only character."""
    scan = LangScan(root_class="md-container")
    scan.feed(html)
    return [f"{path}: {text[:50]} ({''.join(sorted(set(text) & simplified))})"
            for lang, text, path in scan.nodes if lang == "zh-Hant" and set(text) & simplified]
