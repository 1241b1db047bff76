"""Exact, guarded corrections to Material's compiled scripts, written into each tree's docs.

A file in a docs folder overrides the theme's file at the same path, so each tree
gets patched copies of two of Material's scripts at their own paths:

- the search worker (`assets/javascripts/workers/search.*.min.js`):
  1. the query segmenter never tried a word ending at the query's last character,
     so 新质生产力 was searched as 新* (docs-dev/upstream/material-search-segmenter.md);
  2. a symbol typed right after Chinese (人工智能+) stuck to the last word, which
     then matched nothing: it becomes a space;
  3. in the Traditional tree, the query's variant characters are folded to the
     forms of the index (`search.VARIANTS`), so 爲 finds 為.
- the bundle (`assets/javascripts/bundle.*.min.js`):
  4. the search index is fetched when the reader opens search (focus on the field,
     its toggle, the keys `/` and `s`, a `?q=` link), not on every page load:
     Material already waits for that under `file:`; now it always does; and the
     search highlighter asks for it only on a page opened from a result (`?h=`);
  5. no sitemap is fetched for the language switch: our switcher links to the same
     page in the other tree itself (overrides/partials/alternate.html);
  6. the palette applies the reader's scheme at load without `data-md-color-switching`:
     that attribute turns off every transition (`[data-md-color-switching] *`) while
     the reader switches colours, and setting and removing it at load restyled the
     whole page twice, the largest part of a text page's blocking time on a phone;
  7. the palette reuses the page's own `color-scheme` meta (overrides/main.html writes
     it for the first palette) and sets it only when the scheme differs: appending a
     new meta and setting its content, even to the same scheme, each restyled the
     whole page at load.

Every patch is an exact string replacement. If the expected code is not there (a
Material upgrade changed it), the build stops with one line saying what to do.
Reading the theme's files from disk is all this module does with Material.
"""
from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

SCRIPTS = "assets/javascripts"


class PatchFailed(Exception):
    pass


@dataclass(frozen=True)
class Patch:
    name: str
    old: str
    new: str


SEGMENTER = Patch(
    "the query segmenter tries words that end at the query's last character",
    "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);let i=[0];for(let s=i.length;s>0;){let o=i[--s];"
    "for(let u=1;u<n[o];u++)n[o+u]>n[o]-u&&(r.add(t.slice(o,o+u)),i[s++]=o+u);let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a)",
    "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);let i=[0];for(let s=i.length;s>0;){let o=i[--s];"
    "for(let u=1;u<n[o];u++)n[o+u]>n[o]-u&&(r.add(t.slice(o,o+u)),i[s++]=o+u);let a=o+n[o];n[a]&&a<t.length&&(i[s++]=a)",
)

QUERY_START = 'search(e){if(e=e.replace(new RegExp("\\\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)].join("* ")),'

LAZY_INDEX = Patch(
    "the search index is fetched when the reader opens search",
    'L($(location.protocol!=="file:"),Je("search")).pipe(Re(o=>o),b(()=>t))',
    'L($(!1),Je("search")).pipe(Re(o=>o),b(()=>t))',
)

# `search.highlight` marks the query's words on the page a result leads to (`?h=`);
# it subscribed to the index on every page. Now it does only when the address has `h`.
# `b` is switchMap in this build: LAZY_INDEX's expected code, `b(()=>t)` over index$, proves it.
HIGHLIGHT_WHEN_ASKED = Patch(
    "the search highlighter fetches the index only for a page opened from a result",
    'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
    'z([r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(()=>t)),r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
)

NO_SITEMAP = Patch(
    "no sitemap is fetched for the language switch",
    'e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href))',
    'e.pipe(b(()=>M("link[rel=alternate][data-md-sitemap]")),m(r=>new URL(r.href))',  # matches no element
)


QUIET_PALETTE = Patch(
    "the palette sets no data-md-color-switching at load",
    'let i=new T;return i.subscribe(s=>{if(document.body.setAttribute("data-md-color-switching",""),',
    'let i=new T,aigovFirst=!0;return i.subscribe(s=>{if(aigovFirst?aigovFirst=!1:document.body.setAttribute("data-md-color-switching",""),',
)

COLOR_SCHEME_META = [
    Patch(
        "the palette reuses the page's color-scheme meta",
        'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);',
        'let o=document.querySelector("meta[name=color-scheme]")||document.head.appendChild(x("meta",{name:"color-scheme"}));',
    ),
    Patch(
        "the palette sets the color-scheme meta only when the scheme changes",
        "return o.content=a.colorScheme,",
        "return o.content!==a.colorScheme&&(o.content=a.colorScheme),",
    ),
]


def query_patch(fold: dict[str, str]) -> Patch:
    """Patches 2 and 3: before segmenting, a symbol after a Han character becomes a space; variants are folded."""
    steps = 'e=e.replace(new RegExp("(\\\\p{sc=Han})[^\\\\p{L}\\\\p{N}\\\\s]+","gu"),"$1 ");'
    if fold:
        table = json.dumps(fold, ensure_ascii=False)
        characters = json.dumps("[" + "".join(fold) + "]", ensure_ascii=False)
        steps += f"e=e.replace(new RegExp({characters},\"gu\"),c=>({table})[c]);"
    return Patch("a symbol after Chinese is a space; variant characters are folded", QUERY_START, "search(e){" + steps + QUERY_START[len("search(e){"):])


def apply(source: str, patches: list[Patch], shown: str) -> str:
    for patch in patches:
        if source.count(patch.old) != 1:
            raise PatchFailed(
                f"{shown}: the code that build_tools/material_patches.py changes so that {patch.name} was not found "
                "(did mkdocs-material change?) — see whether the new version still needs the patch, then update "
                "the expected code in material_patches.py or remove the patch")
        source = source.replace(patch.old, patch.new)
    return source


def theme_scripts() -> Path:
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        raise PatchFailed("mkdocs-material is not installed — run `make venv`")
    return Path(spec.origin).parent / "templates" / SCRIPTS


def one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise PatchFailed(f"{folder}: expected one file {pattern}, found {len(found)} (did mkdocs-material change?) — update build_tools/material_patches.py")
    return found[0]


def patched_scripts(fold: dict[str, str], scripts: Path | None = None) -> dict[str, str]:
    """Path in the tree's docs folder -> the patched script (for a tree whose queries are folded with `fold`)."""
    scripts = scripts or theme_scripts()
    worker = one(scripts / "workers", "search.*.min.js")
    bundle = one(scripts, "bundle.*.min.js")
    return {
        f"{SCRIPTS}/workers/{worker.name}": apply(worker.read_text(encoding="utf-8"), [SEGMENTER, query_patch(fold)], f"material/{SCRIPTS}/workers/{worker.name}"),
        f"{SCRIPTS}/{bundle.name}": apply(bundle.read_text(encoding="utf-8"), [LAZY_INDEX, HIGHLIGHT_WHEN_ASKED, NO_SITEMAP, QUIET_PALETTE, *COLOR_SCHEME_META], f"material/{SCRIPTS}/{bundle.name}"),
    }
