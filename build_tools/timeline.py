"""The timeline: dated events (`timeline/events.yaml`), our own texts among them, and mentions both ways.

An event names the Chinese `words` by which the texts refer to it; a mention is
a segment whose Chinese holds one of them. Every title in 《…》 in the texts
resolves to an event or to `timeline/not-events.yaml`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .model import EVENT_KINDS, EVENT_STATUSES, WARNING, Corpus, Event, NotEvent, Problem, Segment, SegmentRef, Text, chronological
from .schema import Field, read_optional
from .textforms import plain

TITLE = re.compile(r"《([^《》]+)》")
FIRST_YEAR = 2017

EVENTS = Field("map", fields={"events": Field("list", required=True, item=Field("map", fields={
    "id": Field("id", required=True, hint="a stable id, e.g. 'cac-generative-ai-measures'"),
    "date": Field("date", required=True, hint="the date the timeline shows: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'"),
    "in_force": Field("date", hint="the date it took effect"),
    "end": Field("date", hint="when it was superseded, repealed or ended"),
    "kind": Field("enum", required=True, choices=EVENT_KINDS),
    "status": Field("enum", required=True, choices=EVENT_STATUSES),
    "title": Field("map", required=True, fields={
        "zh-Hans": Field("text", required=True, hint="the Chinese title"),
        "en": Field("text", required=True, hint="the official English name where one exists"),
    }),
    "issuer": Field("map", fields={
        "zh-Hans": Field("text", required=True, hint="the issuer in Chinese"),
        "en": Field("text", required=True, hint="the issuer in English"),
    }),
    "number": Field("text", hint="the document number"),
    "words": Field("list", item=Field("text"), hint="Chinese words by which our texts name it"),
    "mentions": Field("list", item=Field("ref"), hint="segments that refer to it without naming it, e.g. 'action-plan-2025/art-11'"),
    "summary": Field("map", fields={
        "en": Field("text", required=True), "zh-Hans": Field("text", required=True),
    }),
    "date_note": Field("text", hint="where sources disagree on the date, which one is shown and why"),
    "sources": Field("list", required=True, item=Field("source"), hint="at least one source whose quote states the date"),
}))})

NOT_EVENTS = Field("map", fields={"not_events": Field("list", required=True, item=Field("map", fields={
    "words": Field("text", required=True, hint="the title as it stands in 《…》"),
    "reason": Field("text", required=True, hint="why it is not an event: a book, a slogan …"),
}))})

TEXT_EVENT_KIND = {"plan": "plan", "declaration": "declaration", "speech report": "meeting", "news report": "declaration",
                   "commentary": "publication", "journal article": "publication"}


def load_events(path: Path, shown: str) -> tuple[list[Event], list[Problem]]:
    from .load import make_sources

    items, problems = read_optional(path, shown, EVENTS, "events")
    events = []
    for item, line in zip(items, getattr(items, "item_lines", [])):
        issuer, summary = item.get("issuer") or {}, item.get("summary") or {}
        events.append(Event(
            id=item["id"], date=str(item["date"]), kind=item["kind"], status=item["status"],
            title_zh=item["title"]["zh-Hans"].strip(), title_en=" ".join(item["title"]["en"].split()),
            issuer_zh=(issuer.get("zh-Hans") or "").strip(), issuer_en=" ".join((issuer.get("en") or "").split()),
            in_force=str(item.get("in_force") or ""), end=str(item.get("end") or ""), number=(item.get("number") or "").strip(),
            words=tuple(word.strip() for word in item.get("words") or ()),
            extra_mentions=tuple(SegmentRef.parse(ref) for ref in item.get("mentions") or ()),
            summary_en=" ".join((summary.get("en") or "").split()), summary_zh="".join((summary.get("zh-Hans") or "").split()),
            date_note=" ".join((item.get("date_note") or "").split()), sources=make_sources(item["sources"]),
            path=shown, line=line,
        ))
    return events, problems


def load_not_events(path: Path, shown: str) -> tuple[list[NotEvent], list[Problem]]:
    items, problems = read_optional(path, shown, NOT_EVENTS, "not_events")
    return [NotEvent(item["words"].strip(), " ".join(item["reason"].split()), line)
            for item, line in zip(items, getattr(items, "item_lines", []))], problems


def text_event(text: Text) -> Event:
    """Each of our texts stands on the timeline too, made from its own file (one source of truth)."""
    return Event(
        id=f"text-{text.id}", date=text.date or text.date_not_before or "", kind=TEXT_EVENT_KIND[text.kind], status="issued",
        title_zh=text.title_zh, title_en=text.title_en, issuer_zh=text.issuer_zh, issuer_en=text.issuer_en,
        words=(text.title_zh,), text_id=text.id, date_uncertain=text.date is None, path=text.path, line=1,
    )


def all_events(corpus: Corpus, events: list[Event]) -> list[Event]:
    """The events and our texts, in date order (a text without a date at its `date_not_before`)."""
    texts = [text_event(text) for text in chronological(corpus.texts) if text.date or text.date_not_before]
    return sorted(events + texts, key=lambda event: (event.date, event.id))


def mentions(corpus: Corpus) -> dict[str, list[Segment]]:
    """Event id -> the segments (of other texts than its own) whose Chinese holds one of its words, in date order."""
    found: dict[str, list[Segment]] = defaultdict(list)
    words, events_of = _event_words(corpus)
    named: dict[str, set[int]] = defaultdict(set)  # segment id -> the events that name it as a mention
    for index, event in enumerate(corpus.events):
        for ref in event.extra_mentions:
            named[str(ref)].add(index)
    for text in chronological(corpus.texts):
        for segment in text.segments:
            chinese = plain(segment.zh)
            indexes = {index for word in words if word in chinese for index, _ in events_of[word]} | named.get(segment.id, set())
            for index in sorted(indexes):
                event = corpus.events[index]
                if event.text_id != text.id:
                    found[event.id].append(segment)
    return dict(found)


def events_mentioned_in(corpus: Corpus, segment: Segment) -> list[tuple[int, int, Event]]:
    """(start, end, event) for each mention in a segment's Chinese (first occurrence of each event)."""
    chinese = segment.zh
    words, events_of = _event_words(corpus)
    found = {word: chinese.find(word) for word in words if word in chinese}
    places = []
    for _, event in sorted({index: event for word in found for index, event in events_of[word]}.items()):
        if event.text_id == segment.text_id:
            continue
        start, word = min((found[word], word) for word in event.words if word in found)
        places.append((start, start + len(word), event))
    return sorted(places, key=lambda place: (place[0], place[1]))


_WORDS: list = [None, [], {}]  # the corpus last asked about, its words, the events of each word


def _event_words(corpus: Corpus) -> tuple[list[str], dict[str, list[tuple[int, Event]]]]:
    """Every word that names an event, and the events each names with their place in the corpus (made once per corpus;
    kept for one corpus at a time, found by identity)."""
    if _WORDS[0] is not corpus:
        events_of: dict[str, list[tuple[int, Event]]] = defaultdict(list)
        for index, event in enumerate(corpus.events):
            for word in dict.fromkeys(word for word in event.words if word):
                events_of[word].append((index, event))
        _WORDS[:] = [corpus, list(events_of), dict(events_of)]
    return _WORDS[1], _WORDS[2]


def check_timeline(corpus: Corpus, events_path: str, not_events_path: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    latest = max((text.sort_date for text in corpus.texts if text.sort_date != "9999"), default="2025")[:4]
    chinese = [plain(segment.zh) for segment in corpus.segments()]
    for event in corpus.events:
        if event.text_id:
            continue
        if event.id in seen:
            problems.append(Problem(events_path, event.line, f"event id '{event.id}' is used twice (first at line {seen[event.id]})", "give each event its own id"))
        seen.setdefault(event.id, event.line)
        if event.in_force and event.in_force < event.date[: len(event.in_force)]:
            problems.append(Problem(events_path, event.line, f"event '{event.id}' is in force ({event.in_force}) before its date ({event.date})", "check both dates; the date shown is the issue or adoption date"))
        if event.end and event.end < event.date[: len(event.end)]:
            problems.append(Problem(events_path, event.line, f"event '{event.id}' ends ({event.end}) before its date ({event.date})", "check both dates"))
        if not any(source.quote for source in event.sources):
            problems.append(Problem(events_path, event.line, f"event '{event.id}' has no source with a quote", "add a source whose 'quote' holds the words that state the date"))
        if not FIRST_YEAR <= int(event.date[:4]) <= int(latest) and not event.words:
            problems.append(Problem(events_path, event.line, f"event '{event.id}' ({event.date}) is outside {FIRST_YEAR}–{latest}", "keep it only if a text refers to it (then give its 'words')", WARNING))
        for ref in event.extra_mentions:
            if corpus.segment(ref) is None:
                problems.append(Problem(events_path, event.line, f"event '{event.id}' mentions '{ref}', which names no segment", "use TEXT-ID/SEGMENT-ID of an existing segment"))
        for word in event.words:
            if not any(word in text for text in chinese):
                problems.append(Problem(events_path, event.line, f"event '{event.id}': words '{word}' occur in no text", "quote the words exactly as a text writes them, or remove them"))
    resolved = [word for event in corpus.events for word in event.words] + [item.words for item in corpus.not_events]
    for text in corpus.texts:
        for segment in text.segments:
            for title in TITLE.findall(plain(segment.zh)):
                if not any(word and word in title for word in resolved):
                    problems.append(Problem(text.path, segment.line, f"segment '{segment.local_id}': the title 《{title}》 resolves to no timeline event", f"add it to the 'words' of its event in {events_path}, or to {not_events_path} with a reason"))
    for item in corpus.not_events:
        if not any(item.words in text for text in chinese):
            problems.append(Problem(not_events_path, item.line, f"not-event '{item.words}' occurs in no text", "remove it"))
    return problems
