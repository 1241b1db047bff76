"""Load the sources (texts, locked terms) into the model, collecting problems.

`load_corpus` never raises for bad input: it returns the texts it could build
and a list of `Problem`s. A text with any problem in its shape is left out of
the corpus (so nothing half-built is rendered) but still reported.
"""
from __future__ import annotations

import re
from pathlib import Path

from .labels import derive_label
from .normalise import cjk_spacing
from .model import (
    WARNING,
    Correction,
    Corpus,
    Exclusion,
    HantFix,
    Label,
    LineRef,
    LockedTerm,
    Note,
    Problem,
    Segment,
    Sic,
    Site,
    Source,
    Text,
    Variant,
)
from .schema import LINEREF_PATTERN, TEXT, Field, parse_lines, read_checked

LOCKED_TERMS = Field("map", fields={
    "locked": Field("list", required=True, item=Field("map", fields={
        "hans": Field("text", required=True, hint="the Simplified form"),
        "hant": Field("text", required=True, hint="the Traditional form to publish"),
        "why": Field("text", required=True, hint="say what OpenCC gets wrong"),
    })),
})


SITE = Field("map", fields={
    "name": Field("map", required=True, fields={
        "en": Field("text", required=True, hint="the site's name in English"),
        "zh-Hans": Field("text", required=True, hint="the site's name in Chinese (Simplified)"),
    }),
    "url": Field("url", required=True, hint="the public address of the whole site, ending in '/'"),
    "repository": Field("url", required=True, hint="the repository's address, https://github.com/OWNER/NAME"),
    "branch": Field("str", hint="the branch edit links open, e.g. 'main'"),
})


class Project:
    """Where the sources of one project live."""

    def __init__(self, root: Path):
        self.root = root
        self.texts_dir = root / "texts"
        self.captures_dir = root / "texts" / "captures"
        self.locked_terms_path = root / "glossary" / "locked-terms.yaml"
        self.termbase_path = root / "glossary" / "terms.yaml"
        self.site_path = root / "site.yaml"
        self.links_dir = root / "links"
        self.themes_dir = root / "themes"
        self.events_path = root / "timeline" / "events.yaml"
        self.not_events_path = root / "timeline" / "not-events.yaml"
        self.pages_dir = root / "pages"
        self.docs_dir = root / "docs"
        self.build_dir = root / "build"

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def text_paths(self) -> list[Path]:
        return sorted(self.texts_dir.glob("*.yaml"))


def parse_ref(value: str) -> LineRef:
    match = LINEREF_PATTERN.match(value)
    return LineRef(match.group(1), parse_lines(match.group(2)))


def load_site(project: Project) -> tuple[Site | None, list[Problem]]:
    shown = project.shown(project.site_path)
    data, problems = read_checked(project.site_path, shown, SITE)
    if data is None:
        return None, problems
    url = data["url"] if data["url"].endswith("/") else data["url"] + "/"
    return Site(data["name"]["en"].strip(), data["name"]["zh-Hans"].strip(), url, data["repository"].rstrip("/"), data.get("branch") or "main"), []


def load_corpus(project: Project) -> tuple[Corpus, list[Problem]]:
    from .convert import converter_for
    from .glossary import load_termbase

    corpus = Corpus()
    problems: list[Problem] = []
    for path in project.text_paths():
        text, text_problems = load_text(path, project.shown(path))
        problems += text_problems
        if text is not None:
            corpus.texts.append(text)
    corpus.locked_terms, locked_problems = load_locked_terms(project)
    problems += locked_problems
    converter = converter_for(corpus.locked_terms)
    corpus.terms, term_problems = load_termbase(project.termbase_path, project.shown(project.termbase_path), converter.to_traditional)
    problems += term_problems
    problems += load_connected(project, corpus)
    return corpus, problems


PROSE_PAGE = Field("map", fields={
    "title": Field("map", required=True, fields={"en": Field("text", required=True), "zh-Hans": Field("text", required=True)}),
    "intro": Field("map", required=True, fields={"en": Field("text", required=True), "zh-Hans": Field("text", required=True)}),
    "sections": Field("list", required=True, item=Field("map", fields={
        "id": Field("id", required=True, hint="a stable section id; notes point to it with 'about:'"),
        "title": Field("map", required=True, fields={"en": Field("text", required=True), "zh-Hans": Field("text", required=True)}),
        "body": Field("map", required=True, fields={"en": Field("text", required=True), "zh-Hans": Field("text", required=True)}),
    })),
    "rules": Field("map", fields={name: Field("map", required=True, fields={"zh-Hans": Field("text", required=True)})
                                  for name in ("undouble_bold", "drop_page_furniture", "strip_heading_marks", "join_lines",
                                               "full_width_punctuation", "cjk_spacing", "half_width_in_english")},
                   hint="the Chinese explanation of each normalisation rule, by its function name"),
})


def load_prose_pages(project: Project) -> tuple[dict, list[Problem]]:
    """Hand-written pages in both languages (`pages/<id>.yaml`): page id -> ProsePage."""
    from .model import ProsePage, ProseSection

    pages, problems = {}, []
    for path in sorted(project.pages_dir.glob("*.yaml")) if project.pages_dir.is_dir() else []:
        data, file_problems = read_checked(path, project.shown(path), PROSE_PAGE)
        problems += file_problems
        if data is None:
            continue

        def pair(block):
            return " ".join(block["en"].split()), cjk_spacing(block["zh-Hans"].strip())

        sections = tuple(ProseSection(item["id"], *pair(item["title"]), *pair(item["body"]), line)
                         for item, line in zip(data["sections"], data["sections"].item_lines))
        rules = {name: cjk_spacing(block["zh-Hans"].strip()) for name, block in (data.get("rules") or {}).items()}
        pages[path.stem] = ProsePage(path.stem, *pair(data["title"]), *pair(data["intro"]), sections, project.shown(path), rules)
    return pages, problems


def load_connected(project: Project, corpus: Corpus) -> list[Problem]:
    """Links, comparisons, themes and the timeline, into the corpus; their problems."""
    from . import connections, timeline

    shown = project.shown
    corpus.link_types, problems = connections.load_link_types(project.links_dir / "types.yaml", shown(project.links_dir / "types.yaml"))
    corpus.links, corpus.links_allowed_earlier, more = connections.load_links(project.links_dir, shown)
    problems += more
    corpus.rejected, more = connections.load_rejected(project.links_dir / "rejected.yaml", shown(project.links_dir / "rejected.yaml"))
    problems += more
    corpus.comparisons, more = connections.load_comparisons(project.links_dir / "comparisons.yaml", shown(project.links_dir / "comparisons.yaml"))
    problems += more
    corpus.themes, more = connections.load_themes(project.themes_dir, shown)
    problems += more
    events, more = timeline.load_events(project.events_path, shown(project.events_path))
    problems += more
    corpus.events = timeline.all_events(corpus, events)
    corpus.not_events, more = timeline.load_not_events(project.not_events_path, shown(project.not_events_path))
    problems += more
    corpus.prose_pages, more = load_prose_pages(project)
    problems += more
    about = corpus.prose_pages.get("about-translation")
    sections = {section.id for section in about.sections} if about else set()
    for text in corpus.texts:
        for note in [*text.notes, *(note for segment in text.segments for note in segment.notes)]:
            if note.about and note.about not in sections:
                problems.append(Problem(text.path, note.line, f"note refers to section '{note.about}' of the About the translation page, which does not exist", f"use one of: {', '.join(sorted(sections)) or '(no sections yet)'}"))
    return problems


def make_source(item, line: int) -> Source:
    """A structured source, or the old free-text form kept as `legacy`."""
    if isinstance(item, str):
        return Source(legacy=item.strip(), line=line)
    return Source(
        publisher=(item.get("publisher") or "").strip(), title=(item.get("title") or "").strip(),
        date=str(item.get("date") or ""), url=item.get("url") or "", via=item.get("via") or "",
        accessed=str(item.get("accessed") or ""), quote=" ".join((item.get("quote") or "").split()),
        note=(item.get("note") or "").strip(), line=line,
    )


def make_sources(items) -> tuple[Source, ...]:
    items = items or []
    return tuple(make_source(item, line) for item, line in zip(items, getattr(items, "item_lines", [0] * len(items))))


def host_warnings(path: str, source: Source, trusted: tuple[str, ...]) -> list[Problem]:
    """A source a reviewer should look at for where it lives: a raw IP host, or a host outside `trusted-hosts.yaml`."""
    host = hostname(source.url)
    if host and re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return [Problem(path, source.line, f"source URL has a raw IP address as its host ({host})", "cite the publisher's own address (a mirror or proxy is never a source)", WARNING)]
    if host and trusted and not any(host == known or host.endswith("." + known) for known in trusted):
        return [Problem(path, source.line, f"source host '{host}' is not on the list of trusted publishers", "check it is the publisher itself (not a mirror or scraper), then add it to trusted-hosts.yaml", WARNING)]
    return []


def source_warnings(path: str, sources: tuple[Source, ...]) -> list[Problem]:
    """Sources a reviewer should look at for what they say: old free-text ones, those without publisher or quote."""
    problems = []
    for source in sources:
        if source.legacy:
            problems.append(Problem(path, source.line, f"source written as plain text: '{source.legacy[:60]}'", "write it as a block with publisher, title, date, url, accessed and quote", WARNING))
        elif not source.publisher:
            problems.append(Problem(path, source.line, "source names no publisher", "add 'publisher:': the issuing body or the named publisher (never a mirror's site name)", WARNING))
        if not source.legacy and not source.quote:
            problems.append(Problem(path, source.line, f"source from '{source.publisher or source.url}' has no quote", "add 'quote:' with the few words of the source that state the fact", WARNING))
    return problems


def hostname(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".") if url else ""
    except ValueError:
        return ""


TRUSTED = Field("map", fields={key: Field("list", item=Field("str")) for key in ("issuing_bodies", "news", "research_and_law")})


def load_trusted_hosts(project: Project) -> tuple[tuple[str, ...], list[Problem]]:
    path = project.root / "trusted-hosts.yaml"
    if not path.exists():
        return (), []
    data, problems = read_checked(path, project.shown(path), TRUSTED)
    if data is None:
        return (), problems
    return tuple(host.lower().strip() for group in data.values() for host in group or ()), []


def all_sources(corpus: Corpus):
    """(path, source) for every source in texts, notes, the termbase and the timeline."""
    for text in corpus.texts:
        for note in [*text.notes, *(note for segment in text.segments for note in segment.notes)]:
            for source in note.sources:
                yield text.path, source
    for term in corpus.terms:
        for source in term.sources + ((term.official_source,) if term.official_source else ()):
            yield "glossary/terms.yaml", source
    for event in corpus.events:
        for source in event.sources:
            yield event.path, source


def load_text(path: Path, shown: str) -> tuple[Text | None, list[Problem]]:
    data, problems = read_checked(path, shown, TEXT)
    if data is None:
        return None, problems
    if data["id"] != path.stem:
        problems.append(Problem(shown, data.line_of("id"), f"id '{data['id']}' does not match the file name", f"rename the file to {data['id']}.yaml or set id: {path.stem}"))
    if data["date"] is None and not data.get("date_note"):
        problems.append(Problem(shown, data.line_of("date"), "the date is unknown but not explained", "add 'date_note:' saying what is known about the date"))
    seen: dict[str, int] = {}
    for segment, line in zip(data["segments"], data["segments"].item_lines):
        if segment["id"] in seen:
            problems.append(Problem(shown, line, f"segment id '{segment['id']}' is used twice (first at line {seen[segment['id']]})", "give each segment its own id; never reuse a published id"))
        seen.setdefault(segment["id"], line)
        if segment["kind"] == "heading" and "level" not in segment:
            problems.append(Problem(shown, line, f"heading '{segment['id']}' has no level", "add 'level: 1' (or 2, 3 for sub-headings)"))
        if "label" not in segment and derive_label(segment["id"]) is None:
            problems.append(Problem(shown, line, f"segment '{segment['id']}' has an id from which no reader's label can be derived", "add 'label: {en: …, zh: …}', or use an id such as 'p3', 'art-10', 's2-p5'"))
    if data["date"] is not None and data.get("date_not_before"):
        problems.append(Problem(shown, data.line_of("date_not_before"), "a dated text has date_not_before", "remove date_not_before: it is only for texts whose date is unknown"))
    if problems:
        return None, problems
    text = _build_text(data, shown)
    warnings = [warning for note in text.notes for warning in source_warnings(shown, note.sources)]
    warnings += [warning for segment in text.segments for note in segment.notes for warning in source_warnings(shown, note.sources)]
    return text, warnings


def _notes(items) -> tuple[Note, ...]:
    items = items or []
    return tuple(
        Note(item["kind"], " ".join(item["text"].split()), line, make_sources(item.get("sources")),
             zh=cjk_spacing((item.get("zh") or "").strip()), about=item.get("about") or "")
        for item, line in zip(items, getattr(items, "item_lines", []))
    )


def _label(data) -> Label:
    if data.get("label"):
        return Label(data["label"]["en"].strip(), data["label"]["zh"].strip())
    return derive_label(data["id"])


def _build_segment(text_id: str, data, line: int) -> Segment:
    def listed(key, make):
        items = data.get(key) or []
        return tuple(make(item, item_line) for item, item_line in zip(items, getattr(items, "item_lines", [])))

    return Segment(
        text_id=text_id,
        local_id=data["id"],
        kind=data["kind"],
        zh=data["zh"].strip(),
        en=(data.get("en") or "").strip(),
        source=parse_ref(data["source"]),
        level=data.get("level", 0),
        label=_label(data),
        en_source=parse_ref(data["en_source"]) if data.get("en_source") else None,
        en_author=bool(data.get("en_author") or data.get("en_source")),
        witness=parse_ref(data["witness"]) if data.get("witness") else None,
        corrections=listed("corrections", lambda item, at: Correction(item["original"], item["reading"], item["note"].strip(), at)),
        variants=listed("variants", lambda item, at: Variant(item["base"], item["reading"], item["note"].strip(), at)),
        sics=listed("sic", lambda item, at: Sic(item["text"], item["correct"], item["note"].strip(), at)),
        notes=_notes(data.get("notes")),
        hant_fixes=listed("hant_fixes", lambda item, at: HantFix(item["wrong"], item["right"], at)),
        no_terms=frozenset(data.get("no_terms") or ()),
        line=line,
        key_lines=tuple(data.key_lines.items()),
    )


def _build_text(data, shown: str) -> Text:
    segments = data["segments"]
    exclusions = data.get("exclusions") or []
    return Text(
        id=data["id"],
        path=shown,
        title_zh=data["title"]["zh"].strip(),
        title_en=data["title"]["en"].strip(),
        title_en_author=bool(data["title"].get("en_author")),
        short_en=data["title"]["short"]["en"].strip(),
        short_zh=data["title"]["short"]["zh"].strip(),
        date=None if data["date"] is None else str(data["date"]),
        date_not_before=str(data["date_not_before"]) if data.get("date_not_before") else None,
        date_note_zh=cjk_spacing((data.get("date_note_zh") or "").strip()),
        publication_zh=cjk_spacing((data["source"].get("publication_zh") or "").strip()),
        rights_zh=cjk_spacing((data.get("rights_zh") or "").strip()),
        date_note=(data.get("date_note") or "").strip(),
        kind=data["kind"],
        issuer_zh=data["issuer"]["zh"].strip(),
        issuer_en=data["issuer"]["en"].strip(),
        publication=data["source"]["publication"].strip(),
        url=data["source"].get("url"),
        spans=tuple(parse_ref(span) for span in data["source"]["spans"]),
        spans_line=data["source"].line_of("spans"),
        rights=data["rights"].strip(),
        exclusions=tuple(
            Exclusion(parse_ref(item["lines"]), item["reason"].strip(), line)
            for item, line in zip(exclusions, getattr(exclusions, "item_lines", []))
        ),
        segments=tuple(_build_segment(data["id"], item, line) for item, line in zip(segments, segments.item_lines)),
        notes=_notes(data.get("notes")),
    )


def load_locked_terms(project: Project) -> tuple[list[LockedTerm], list[Problem]]:
    path = project.locked_terms_path
    shown = project.shown(path)
    if not path.exists():
        return [], []
    data, problems = read_checked(path, shown, LOCKED_TERMS)
    if data is None:
        return [], problems
    items = data["locked"]
    return [LockedTerm(item["hans"], item["hant"], item["why"].strip(), line) for item, line in zip(items, items.item_lines)], []
