"""Candidate links for the curators: pairs of segments of different texts that read alike.

The proposer only finds passages worth reading side by side; a curator decides
whether they are related and how, and records the answer as a link or a
rejection (after which the pair is never offered again). Two signals are mixed:
the shared vocabulary (jieba tokens, weighted so that the words every passage
uses count for little) and the shared wording (runs of at least four characters
found in both, which is how one text restates another). `evaluate` measures the
mix against the curators' past decisions, so they know how far to trust it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .model import Corpus, Segment, SegmentRef, Text, chronological
from .textforms import plain

# Segments that frame a text rather than say anything of their own.
FRAMING_IDS = frozenset({"title", "lead", "byline", "affiliation", "dateline", "source-line", "author-note"})
# Words nearly every passage uses: they show the genre, not a relation. The IDF lowers them
# already; a small corpus does not lower them enough, so they are weighted down again, and a
# shared run that is only one of them ("人工智能") is not counted as shared wording.
STOP_WORDS = frozenset({"人工智能", "发展", "推动", "加强", "我们", "推进", "合作", "治理"})
STOP_WEIGHT = 0.5
MIN_RUN = 4  # shorter shared runs are ordinary phrases, not shared wording
LONG_RUN = 8  # a run this long is a borrowed formulation
SIMILARITY_WEIGHT, WORDING_WEIGHT = 0.6, 0.4
# Set against the curators' links (`evaluate`): accepted restatements have a median 0.22 of the
# shorter segment in long runs, other links almost none; pairs taken at random have a median
# similarity of 0.03, accepted "develops" links 0.11.
RESTATES_COVERAGE = 0.15  # share of the shorter segment in long runs that makes a restatement
DEVELOPS_SIMILARITY = 0.10  # vocabulary this close, without long runs, is one idea carried further
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)
WORD_CHAR = re.compile(r"\w")
EDGE_PUNCTUATION = " \t\n，。、；：！？“”‘’《》（）()「」—…·,.;:!?\"'"


@dataclass(frozen=True)
class Candidate:
    """A pair of segments the curators might link: `from_ref` in the later text, `to_ref` in the earlier."""

    from_ref: SegmentRef
    to_ref: SegmentRef
    score: float  # 0..1
    shared: tuple[str, ...]  # the longest shared runs of Chinese wording, longest first, at most 3
    suggested_type: str  # restates | develops | parallels


@dataclass(frozen=True)
class Profile:
    """What the comparison needs of one segment, computed once."""

    segment: Segment
    order: tuple[str, str]  # the text's place in time: (sort_date, text id)
    chinese: str
    weights: dict[str, float]
    norm: float
    grams: frozenset[str]  # every run of MIN_RUN characters


def is_candidate(segment: Segment) -> bool:
    """Headings and framing segments (title, byline…) would link on their form alone."""
    return segment.kind != "heading" and segment.local_id not in FRAMING_IDS


def candidate_segments(corpus: Corpus) -> list[tuple[Text, Segment]]:
    return [(text, segment) for text in chronological(corpus.texts) for segment in text.segments if is_candidate(segment)]


TAUGHT: set[str] = set()  # words already added to jieba's (process-wide) dictionary


def teach_terms(corpus: Corpus) -> None:
    """Glossary terms become jieba words (each once per process), so a term is one token, not its pieces."""
    import jieba

    jieba.setLogLevel(60)
    for word in sorted({term.zh for term in corpus.terms if len(term.zh) > 1} - TAUGHT):
        jieba.add_word(word)
        TAUGHT.add(word)


def tokens(chinese: str) -> list[str]:
    """jieba's words of two characters or more; single characters and punctuation say little about a topic."""
    import jieba

    return [token for token in jieba.lcut(chinese) if len(token) >= 2 and WORD_CHAR.search(token)]


def inverse_document_frequency(token_lists: list[list[str]]) -> dict[str, float]:
    """Smoothed IDF: 1 for a word in every segment, rising for rarer words."""
    total = len(token_lists)
    frequency = Counter(token for token_list in token_lists for token in set(token_list))
    return {token: math.log((1 + total) / (1 + count)) + 1 for token, count in frequency.items()}


def grams(chinese: str) -> frozenset[str]:
    """Every MIN_RUN-character slice: two texts share a run only where they share one of these."""
    return frozenset(chinese[start:start + MIN_RUN] for start in range(len(chinese) - MIN_RUN + 1))


def profile(text: Text, segment: Segment, idf: dict[str, float], unseen_idf: float) -> Profile:
    chinese = plain(segment.zh)
    weights = {
        token: count * idf.get(token, unseen_idf) * (STOP_WEIGHT if token in STOP_WORDS else 1.0)
        for token, count in Counter(tokens(chinese)).items()
    }
    norm = math.sqrt(sum(weight * weight for weight in weights.values()))
    return Profile(segment, (text.sort_date, text.id), chinese, weights, norm, grams(chinese))


def profiles(corpus: Corpus) -> dict[str, Profile]:
    """Segment id -> profile, for every segment; the IDF is computed over the candidate segments only."""
    teach_terms(corpus)
    counted = [tokens(plain(segment.zh)) for _, segment in candidate_segments(corpus)]
    idf = inverse_document_frequency(counted)
    unseen_idf = math.log(1 + len(counted)) + 1
    return {segment.id: profile(text, segment, idf, unseen_idf) for text in corpus.texts for segment in text.segments}


def cosine(one: Profile, other: Profile) -> float:
    if not one.norm or not other.norm:
        return 0.0
    small, large = sorted((one.weights, other.weights), key=len)
    return sum(weight * large[token] for token, weight in small.items() if token in large) / (one.norm * other.norm)


def matching_lengths(shorter: str, longer: str, longer_grams: frozenset[str]) -> list[int]:
    """For each position of `shorter`, the longest run starting there that `longer` also contains.

    0 where that run is under MIN_RUN characters or is a single stop-word. A
    sweep, not a full table: a run found at one position is, less its first
    character, also found at the next, so each position starts from there.
    """
    lengths: list[int] = []
    length = 0
    for start in range(len(shorter)):
        length = max(length - 1, 0)
        if length < MIN_RUN:
            if shorter[start:start + MIN_RUN] not in longer_grams:
                length = 0
                lengths.append(0)
                continue
            length = MIN_RUN
        while start + length < len(shorter) and shorter[start:start + length + 1] in longer:
            length += 1
        lengths.append(length)
    return [0 if shorter[start:start + length] in STOP_WORDS else length for start, length in enumerate(lengths)]


def covered(lengths: list[int], minimum: int) -> float:
    """Share of the positions lying inside some shared run of at least `minimum` characters."""
    if not lengths:
        return 0.0
    count = reach = 0
    for start, length in enumerate(lengths):
        if length >= minimum:
            reach = max(reach, start + length)
        if start < reach:
            count += 1
    return count / len(lengths)


def maximal_runs(shorter: str, lengths: list[int]) -> list[str]:
    """The shared runs not contained in a longer one, trimmed of edge punctuation, longest first."""
    runs: set[str] = set()
    previous = 0
    for start, length in enumerate(lengths):
        if length >= MIN_RUN and length > previous - 1:
            run = shorter[start:start + length].strip(EDGE_PUNCTUATION)
            if len(run) >= MIN_RUN and run not in STOP_WORDS:
                runs.add(run)
        previous = length
    return sorted(runs, key=lambda run: (-len(run), run))


def suggest_type(similarity: float, long_coverage: float) -> str:
    """Borrowed wording suggests a restatement, shared vocabulary alone a development; the curator decides."""
    if long_coverage >= RESTATES_COVERAGE:
        return "restates"
    if similarity >= DEVELOPS_SIMILARITY:
        return "develops"
    return "parallels"


def compare(one: Profile, other: Profile) -> Candidate:
    """Score a pair and orient it: the later text's segment is `from`."""
    later, earlier = (one, other) if (one.order, one.segment.id) > (other.order, other.segment.id) else (other, one)
    shorter, longer = sorted((one, other), key=lambda item: (len(item.chinese), item.segment.id))
    lengths = matching_lengths(shorter.chinese, longer.chinese, longer.grams) if shorter.grams & longer.grams else []
    similarity = cosine(one, other)
    score = SIMILARITY_WEIGHT * similarity + WORDING_WEIGHT * covered(lengths, MIN_RUN)
    shared = tuple(maximal_runs(shorter.chinese, lengths)[:3])
    return Candidate(later.segment.ref, earlier.segment.ref, round(score, 4), shared, suggest_type(similarity, covered(lengths, LONG_RUN)))


def pair_key(one: SegmentRef, other: SegmentRef) -> frozenset[str]:
    return frozenset((str(one), str(other)))


def decided(corpus: Corpus) -> set[frozenset[str]]:
    """Pairs a curator has already read: linked (any type) or rejected, in either order."""
    return {pair_key(record.from_ref, record.to_ref) for record in list(corpus.links) + list(corpus.rejected)}


def ranked(candidates: list[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda candidate: (-candidate.score, str(candidate.from_ref), str(candidate.to_ref)))


def undecided(corpus: Corpus, by_id: dict[str, Profile]) -> list[Candidate]:
    """Every pair of candidate segments from different texts that no curator has decided on, scored."""
    pool = [by_id[segment.id] for _, segment in candidate_segments(corpus)]
    skip = decided(corpus)
    return [
        compare(one, other)
        for index, one in enumerate(pool)
        for other in pool[index + 1:]
        if one.segment.text_id != other.segment.text_id and pair_key(one.segment.ref, other.segment.ref) not in skip
    ]


def propose(corpus: Corpus, limit: int = 40) -> list[Candidate]:
    """The `limit` best-scoring undecided pairs, best first."""
    return ranked(undecided(corpus, profiles(corpus)))[:limit]


def evaluate(corpus: Corpus) -> str:
    """A plain-text table: how the scores of accepted links and rejected candidates separate, threshold by threshold.

    `open` counts the undecided pairs at each threshold: the reading a threshold would ask for.
    """
    by_id = profiles(corpus)

    def scored(records) -> list[tuple[object, Candidate]]:
        return [(record, compare(by_id[str(record.from_ref)], by_id[str(record.to_ref)]))
                for record in records if str(record.from_ref) in by_id and str(record.to_ref) in by_id]

    accepted, rejected = scored(corpus.links), scored(corpus.rejected)
    open_scores = [candidate.score for candidate in undecided(corpus, by_id)]
    lines = [f"Proposer scores against the curators' decisions: {len(accepted)} accepted links, {len(rejected)} rejected candidates."]
    missing = len(corpus.links) + len(corpus.rejected) - len(accepted) - len(rejected)
    if missing:
        lines.append(f"({missing} records name a segment that does not exist and were left out.)")
    lines += ["", f"{'score ≥':>8}  {'accepted':>8}  {'rejected':>8}  {'precision':>9}  {'recall':>6}  {'open':>5}"]
    for threshold in THRESHOLDS:
        hits = sum(1 for _, candidate in accepted if candidate.score >= threshold)
        misses = sum(1 for _, candidate in rejected if candidate.score >= threshold)
        precision = f"{hits / (hits + misses):.2f}" if hits + misses else "—"
        recall = f"{hits / len(accepted):.2f}" if accepted else "—"
        still_open = sum(1 for score in open_scores if score >= threshold)
        lines.append(f"{threshold:>8.1f}  {hits:>8}  {misses:>8}  {precision:>9}  {recall:>6}  {still_open:>5}")
    lines += [
        "",
        "precision: accepted among the decided pairs scoring at least the threshold; recall: accepted links scoring at least it;",
        "open: undecided pairs scoring at least it, the pool `propose` draws from.",
    ]
    if accepted and rejected:
        lines.append(f"Of all decided pairs {len(accepted) / (len(accepted) + len(rejected)):.0%} were accepted: precision above that is what the score adds.")
    agree = sum(1 for link, candidate in accepted if candidate.suggested_type == link.type)
    share = f" ({agree / len(accepted):.0%})" if accepted else ""
    lines.append(f"Suggested type equals the accepted type for {agree} of {len(accepted)} links{share}.")
    for link_type in sorted({link.type for link, _ in accepted}):
        suggested = Counter(candidate.suggested_type for link, candidate in accepted if link.type == link_type)
        spread = ", ".join(f"{name} {count}" for name, count in sorted(suggested.items(), key=lambda item: (-item[1], item[0])))
        lines.append(f"  {link_type} ({sum(suggested.values())}): suggested {spread}")
    return "\n".join(lines) + "\n"
