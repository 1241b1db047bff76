"""What connects the texts: typed links (`links/`), comparisons and themes (`themes/`).

Loading turns each file into model objects and problems with file and line;
`check_connections` judges them against the corpus (references, evidence,
dates, curation rules). `LinkIndex` answers "what links here" for any segment
in constant time, built once per build.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .model import (
    WARNING, Comparison, Corpus, Link, LinkType, Problem, Rejected, SegmentRef, Theme, ThemePassage,
)
from .schema import Field, read_checked, read_optional
from .textforms import plain

UNLINKABLE = {"title", "lead", "byline", "affiliation", "dateline", "source-line", "author-note"}

BILINGUAL = Field("map", required=True, fields={
    "en": Field("text", required=True, hint="in English"),
    "zh-Hans": Field("text", required=True, hint="in Chinese (Simplified)"),
}, hint="a block with 'en:' and 'zh-Hans:'")

TYPES = Field("map", fields={"types": Field("list", required=True, item=Field("map", fields={
    "id": Field("id", required=True, hint="a short id such as 'develops'"),
    "label": BILINGUAL,
    "inverse": BILINGUAL,
    "symmetric": Field("bool", hint="true when the relation reads the same both ways"),
    "evidence": Field("enum", choices=("required", "optional"), hint="'required' when the link must quote shared words"),
    "note": Field("enum", choices=("required", "optional"), hint="'optional' only for types that speak for themselves"),
}))})

LINKS = Field("map", fields={"links": Field("list", required=True, nullable=True, item=Field("map", fields={
    "id": Field("id", required=True, hint="a stable id, e.g. 'ap25-art11-sd24-s3-p1'"),
    "type": Field("id", required=True, hint="a type id from links/types.yaml"),
    "from": Field("ref", required=True, hint="the segment in this file's text, e.g. 'action-plan-2025/art-11'"),
    "to": Field("ref", required=True, hint="the other segment, e.g. 'shanghai-declaration-2024/s3-p1'"),
    "evidence": Field("list", item=Field("text"), hint="Chinese words found in both segments"),
    "note": Field("map", fields={
        "en": Field("text", required=True, hint="what the relation is, in English"),
        "zh-Hans": Field("text", required=True, hint="the same in Chinese"),
    }),
    "allow_earlier": Field("bool", hint="true when a link from an earlier to a later text is meant"),
}))})

REJECTED = Field("map", fields={"rejected": Field("list", required=True, item=Field("map", fields={
    "from": Field("ref", required=True), "to": Field("ref", required=True),
    "type": Field("id", required=True, hint="the type it would have had"),
    "reason": Field("text", required=True, hint="why it was rejected on reading"),
}))})

COMPARISONS = Field("map", fields={"comparisons": Field("list", required=True, item=Field("map", fields={
    "id": Field("str", required=True, hint="'<earlier>--<later>'"),
    "earlier": Field("id", required=True, hint="the earlier text's id"),
    "later": Field("id", required=True, hint="the later text's id"),
    "summary": BILINGUAL,
}))})

THEME = Field("map", fields={
    "id": Field("id", required=True, hint="the file name without .yaml"),
    "title": BILINGUAL,
    "summary": BILINGUAL,
    "terms": Field("list", item=Field("id"), hint="glossary term ids"),
    "related": Field("list", item=Field("id"), hint="ids of other themes"),
    "passages": Field("list", required=True, item=Field("map", fields={
        "ref": Field("ref", required=True, hint="a segment, e.g. 'action-plan-2025/art-5'"),
        "note": Field("text", hint="one line on why it belongs here"),
    })),
})


def _ref(value: str) -> SegmentRef:
    return SegmentRef.parse(value)


def _bilingual(data) -> tuple[str, str]:
    return " ".join(data["en"].split()), "".join(data["zh-Hans"].split())


def load_link_types(path: Path, shown: str) -> tuple[dict[str, LinkType], list[Problem]]:
    items, problems = read_optional(path, shown, TYPES, "types")
    types = {}
    for item, line in zip(items, getattr(items, "item_lines", [])):
        types[item["id"]] = LinkType(
            item["id"], item["label"]["en"], item["label"]["zh-Hans"], item["inverse"]["en"], item["inverse"]["zh-Hans"],
            bool(item.get("symmetric")), item.get("evidence") == "required", item.get("note", "required") == "required", line,
        )
    return types, problems


def load_links(folder: Path, shown) -> tuple[list[Link], dict, list[Problem]]:
    """Every link in `links/<text-id>.yaml`; also which links allow an earlier `from`."""
    links, allowed, problems = [], set(), []
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in ("types", "rejected", "comparisons"):
            continue
        data, file_problems = read_checked(path, shown(path), LINKS)
        problems += file_problems
        if data is None:
            continue
        items = data["links"] or []
        for item, line in zip(items, getattr(items, "item_lines", [])):
            note = item.get("note")
            link = Link(item["id"], item["type"], _ref(item["from"]), _ref(item["to"]),
                        tuple(item.get("evidence") or ()), *(_bilingual(note) if note else ("", "")), shown(path), line)
            if link.from_ref.text_id != path.stem:
                problems.append(Problem(shown(path), line, f"link '{link.id}' starts in {link.from_ref.text_id}, not in {path.stem}", f"move it to links/{link.from_ref.text_id}.yaml"))
            if item.get("allow_earlier"):
                allowed.add(link.id)
            links.append(link)
    return links, allowed, problems


def load_rejected(path: Path, shown: str) -> tuple[list[Rejected], list[Problem]]:
    items, problems = read_optional(path, shown, REJECTED, "rejected")
    return [Rejected(_ref(item["from"]), _ref(item["to"]), item["type"], " ".join(item["reason"].split()), line)
            for item, line in zip(items, getattr(items, "item_lines", []))], problems


def load_comparisons(path: Path, shown: str) -> tuple[list[Comparison], list[Problem]]:
    items, problems = read_optional(path, shown, COMPARISONS, "comparisons")
    return [Comparison(item["id"], item["earlier"], item["later"], *_bilingual(item["summary"]), line)
            for item, line in zip(items, getattr(items, "item_lines", []))], problems


def load_themes(folder: Path, shown) -> tuple[list[Theme], list[Problem]]:
    themes, problems = [], []
    for path in sorted(folder.glob("*.yaml")):
        data, file_problems = read_checked(path, shown(path), THEME)
        problems += file_problems
        if data is None:
            continue
        if data["id"] != path.stem:
            problems.append(Problem(shown(path), data.line_of("id"), f"theme id '{data['id']}' does not match the file name", f"rename the file to {data['id']}.yaml or set id: {path.stem}"))
            continue
        passages = data["passages"]
        themes.append(Theme(
            data["id"], data["title"]["en"].strip(), data["title"]["zh-Hans"].strip(), *_bilingual(data["summary"]),
            tuple(data.get("terms") or ()), tuple(data.get("related") or ()),
            tuple(ThemePassage(_ref(item["ref"]), " ".join((item.get("note") or "").split()), line) for item, line in zip(passages, passages.item_lines)),
            shown(path), data.line,
        ))
    return themes, problems


def check_connections(corpus: Corpus, allowed_earlier: set, theme_folder: str = "themes") -> list[Problem]:
    problems: list[Problem] = []
    texts = {text.id: text for text in corpus.texts}

    def known(ref: SegmentRef, path: str, line: int, what: str) -> bool:
        if corpus.segment(ref) is None:
            fix = f"use a segment id of texts/{ref.text_id}.yaml" if ref.text_id in texts else "use an existing text id (the name of a file in texts/)"
            problems.append(Problem(path, line, f"{what} '{ref}' names no segment", fix))
            return False
        return True

    seen_ids: dict[str, str] = {}
    seen_pairs: dict[tuple, str] = {}
    for link in corpus.links:
        if link.id in seen_ids:
            problems.append(Problem(link.path, link.line, f"link id '{link.id}' is used twice (also in {seen_ids[link.id]})", "give each link its own id"))
        seen_ids.setdefault(link.id, f"{link.path}:{link.line}")
        kind = corpus.link_types.get(link.type)
        if kind is None:
            problems.append(Problem(link.path, link.line, f"link '{link.id}' has unknown type '{link.type}'", f"use one of: {', '.join(corpus.link_types)}"))
            continue
        if not (known(link.from_ref, link.path, link.line, "from") & known(link.to_ref, link.path, link.line, "to")):
            continue
        if link.from_ref.text_id == link.to_ref.text_id:
            what = "itself" if link.from_ref == link.to_ref else "its own text"
            problems.append(Problem(link.path, link.line, f"link '{link.id}' links a segment to {what}", "link segments of two different texts"))
        pair = frozenset((str(link.from_ref), str(link.to_ref)))
        if pair in seen_pairs:
            problems.append(Problem(link.path, link.line, f"link '{link.id}' joins the same two segments as {seen_pairs[pair]}", "keep one link per pair of segments; say both things in its note"))
        seen_pairs.setdefault(pair, link.id)
        if kind.symmetric and str(link.from_ref) > str(link.to_ref):
            problems.append(Problem(link.path, link.line, f"symmetric link '{link.id}' is stored with 'from' after 'to'", f"swap them: from: {link.to_ref}, to: {link.from_ref} (and store it in links/{link.to_ref.text_id}.yaml)"))
        if kind.needs_evidence and not link.evidence:
            problems.append(Problem(link.path, link.line, f"link '{link.id}' ({link.type}) has no evidence", "add 'evidence: [\"…\"]' with the Chinese words both segments share"))
        for words in link.evidence:
            missing = [str(ref) for ref in (link.from_ref, link.to_ref) if words not in plain(corpus.segment(ref).zh)]
            if missing:
                problems.append(Problem(link.path, link.line, f"link '{link.id}': evidence '{words}' is not in {', '.join(missing)}", "quote words that occur in both segments' Chinese exactly"))
        if kind.needs_note and not link.note_en:
            problems.append(Problem(link.path, link.line, f"link '{link.id}' ({link.type}) has no note", "add 'note:' with 'en:' and 'zh-Hans:' saying what the relation is"))
        if not kind.symmetric and link.id not in allowed_earlier:
            earlier, later = texts[link.from_ref.text_id].sort_date, texts[link.to_ref.text_id].sort_date
            if earlier < later:
                problems.append(Problem(link.path, link.line, f"link '{link.id}' goes from {link.from_ref.text_id} to the later {link.to_ref.text_id}", "directed links go from the later text to the earlier; swap the ends, or add 'allow_earlier: true' if this direction is meant", WARNING))
        for ref in (link.from_ref, link.to_ref):
            if ref.local_id in UNLINKABLE:
                problems.append(Problem(link.path, link.line, f"link '{link.id}' joins a {ref.local_id}, which is not a clause", "link the paragraph or article that says it", WARNING))
    for rejected in corpus.rejected:
        known(rejected.from_ref, "links/rejected.yaml", rejected.line, "from")
        known(rejected.to_ref, "links/rejected.yaml", rejected.line, "to")
        if frozenset((str(rejected.from_ref), str(rejected.to_ref))) in seen_pairs:
            problems.append(Problem("links/rejected.yaml", rejected.line, f"the rejected pair {rejected.from_ref} – {rejected.to_ref} is also an accepted link", "remove one of them"))
    for comparison in corpus.comparisons:
        for text_id in (comparison.earlier, comparison.later):
            if text_id not in texts:
                problems.append(Problem("links/comparisons.yaml", comparison.line, f"comparison '{comparison.id}' names text '{text_id}', which does not exist", "use a text id"))
    problems += check_themes(corpus)
    return problems


def check_themes(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    theme_ids = {theme.id for theme in corpus.themes}
    term_forms = {term.id: term.zh for term in corpus.terms}
    for theme in corpus.themes:
        for term_id in theme.terms:
            if term_id not in term_forms:
                problems.append(Problem(theme.path, theme.line, f"theme '{theme.id}' names term '{term_id}', which is not in the glossary", "use a term id from glossary/terms.yaml"))
        for other in theme.related:
            if other not in theme_ids:
                problems.append(Problem(theme.path, theme.line, f"theme '{theme.id}' names related theme '{other}', which does not exist", "use the id of a file in themes/"))
        segments = []
        for passage in theme.passages:
            segment = corpus.segment(passage.ref)
            if segment is None:
                problems.append(Problem(theme.path, passage.line, f"passage '{passage.ref}' names no segment", "use TEXT-ID/SEGMENT-ID of an existing segment"))
            else:
                segments.append(segment)
        if not 4 <= len(theme.passages) <= 15:
            problems.append(Problem(theme.path, theme.line, f"theme '{theme.id}' has {len(theme.passages)} passages", "curate 4 to 15 passages", WARNING))
        if len({segment.text_id for segment in segments}) < 3:
            problems.append(Problem(theme.path, theme.line, f"theme '{theme.id}' draws on fewer than 3 texts", "add passages from other texts, or fold the theme into another", WARNING))
    return problems


@dataclass
class LinkIndex:
    """Segment id -> [(link, at_from_end)], built once; `links_of` is a dict lookup."""

    by_segment: dict

    @classmethod
    def build(cls, links: list[Link]) -> "LinkIndex":
        by_segment = defaultdict(list)
        for link in links:
            by_segment[str(link.from_ref)].append((link, True))
            by_segment[str(link.to_ref)].append((link, False))
        return cls(dict(by_segment))

    def links_of(self, segment_id: str) -> list[tuple[Link, bool]]:
        return self.by_segment.get(segment_id, [])


def themes_of_segments(themes: list[Theme]) -> dict[str, list[Theme]]:
    found = defaultdict(list)
    for theme in themes:
        for passage in theme.passages:
            found[str(passage.ref)].append(theme)
    return dict(found)


def suggest_passages(corpus: Corpus, theme: Theme) -> list[tuple]:
    """Segments where the theme's terms occur that the theme does not list yet: (segment, term forms), in date order."""
    from .glossary import occurrences

    terms = [term for term in corpus.terms if term.id in theme.terms]
    listed = {str(passage.ref) for passage in theme.passages}
    found: dict[str, tuple] = {}
    for term in terms:
        for segment in occurrences([term], corpus).get(term.id, []):
            if segment.id in listed or segment.local_id in UNLINKABLE or segment.kind == "heading":
                continue
            previous = found.get(segment.id, (segment, []))
            found[segment.id] = (segment, previous[1] + [term.zh])
    return list(found.values())
