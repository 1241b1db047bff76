"""Where every page and segment lives in each tree: the only module that knows.

Pages are named by their path in a tree's docs folder (`texts/action-plan-2025.md`);
with directory URLs that page is served at `texts/action-plan-2025/`. Links
between pages are relative, so a tree works from any address and offline.
"""
from __future__ import annotations

import functools
import posixpath
import re

from ..model import SegmentRef, Site
from .markup import Href

HOME = "index.md"
METHOD = "method.md"
GLOSSARY = "glossary/index.md"
DOWNLOADS_FOLDER = "downloads"  # beside the trees, at the site's root


def text_page(text_id: str) -> str:
    return f"texts/{text_id}.md"


def term_page(term_id: str) -> str:
    return f"glossary/{term_id}.md"


THEMES = "themes/index.md"
TIMELINE = "timeline.md"
ABOUT_TRANSLATION = "about-translation.md"
ABOUT = "about.md"


def theme_page(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def compare_page(comparison_id: str) -> str:
    return f"compare/{comparison_id}.md"


def relative_folder(source: str, target: str) -> str:
    """`posixpath.relpath(target, source) + "/"` for two served folders (`a/b/` or ``), "" for the same folder;
    without relpath's absolute paths (tested against it)."""
    source_parts, target_parts = source.split("/")[:-1], target.split("/")[:-1]
    common = 0
    while common < min(len(source_parts), len(target_parts)) and source_parts[common] == target_parts[common]:
        common += 1
    parts = [".."] * (len(source_parts) - common) + target_parts[common:]
    return "/".join(parts) + "/" if parts else ""


@functools.lru_cache(maxsize=4096)
def served_folder(page: str) -> str:
    """`texts/x.md` -> `texts/x/`; `index.md` -> ``; `glossary/index.md` -> `glossary/`."""
    folder, name = posixpath.split(page)
    stem = name[: -len(".md")]
    parts = [part for part in (folder, "" if stem == "index" else stem) if part]
    return "/".join(parts) + "/" if parts else ""


@functools.lru_cache(maxsize=65536)  # pages link the same few pages thousands of times
def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page to another (and an anchor in it)."""
    link = relative_folder(served_folder(from_page), served_folder(to_page))
    if not link and anchor:
        return Href(f"#{anchor}")
    return Href((link or "./") + (f"#{anchor}" if anchor else ""))


def segment_href(from_page: str, ref: SegmentRef) -> str:
    return href(from_page, text_page(ref.text_id), ref.local_id)


def download_href(from_page: str, name: str) -> str:
    """A download sits at the site's root, one folder above the tree."""
    depth = served_folder(from_page).count("/")
    return Href("../" * (depth + 1) + f"{DOWNLOADS_FOLDER}/{name}")


def tree_url(site: Site, tree: str) -> str:
    return f"{site.url}{tree}/"


def public_url(site: Site, tree: str, page: str, anchor: str = "") -> str:
    return Href(tree_url(site, tree) + served_folder(page) + (f"#{anchor}" if anchor else ""))


def edit_url(site: Site, source_path: str) -> str:
    """The page on GitHub that edits a source file."""
    return Href(f"{site.repository}/edit/{site.branch}/{source_path}")


def folder_url(site: Site, folder: str) -> str:
    """The repository's view of a source folder (for pages built from many files)."""
    return Href(f"{site.repository}/tree/{site.branch}/{folder}")


def correction_url(site: Site, segment_id: str, english: str, page_address: str) -> str:
    """A new GitHub issue from the translation-correction form, prefilled: a plain link, so it works without scripts."""
    fields = {"template": "translation-correction.yml", "title": f"Correction: {segment_id}",
              "segment": f"{segment_id} ({page_address})", "current": english[:1500]}
    return Href(f"{site.repository}/issues/new?" + "&".join(f"{quote_plus(key)}={quote_plus(value)}" for key, value in fields.items()))


_UNSAFE = re.compile(rb"[^A-Za-z0-9_.\-~ ]+")


def quote_plus(text: str) -> str:
    """`urllib.parse.quote_plus(text, safe="")`, the same bytes, without its loop over every byte in Python
    (a correction link carries a passage's English; tested against urllib)."""
    escaped = _UNSAFE.sub(lambda run: b"%" + run.group().hex("%").upper().encode("ascii"), text.encode("utf-8"))
    return escaped.decode("ascii").replace(" ", "+")
