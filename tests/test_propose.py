"""The link proposer: what it offers, what it leaves alone, and how it reports on itself."""
from __future__ import annotations

from build_tools.model import Corpus, LineRef, Link, Rejected, Segment, SegmentRef, Term, Text
from build_tools.propose import evaluate, grams, matching_lengths, maximal_runs, propose

BORROWED = "促进数据依法有序自由流动，推动构建高质量数据集"


def segment(text_id: str, local_id: str, zh: str, kind: str = "paragraph") -> Segment:
    return Segment(text_id, local_id, kind, zh, "", LineRef("000", (1,)))


def text(text_id: str, date: str, *segments: Segment) -> Text:
    return Text(text_id, f"texts/{text_id}.yaml", "题", "Title", date, "", "plan", "发", "Issuer", "pub", None, (), "r", (), segments)


def corpus(links=(), rejected=()) -> Corpus:
    early = text(
        "early", "2024-07-04",
        segment("early", "title", "人工智能全球治理上海宣言"),
        segment("early", "s1", "一、共同推动人工智能发展", kind="heading"),
        segment("early", "p1", f"我们愿{BORROWED}，以安全可靠的方式使用数据。"),
        segment("early", "p2", "我们主张加强人才交流，提升公众的人工智能素养。"),
    )
    later = text(
        "later", "2025-07-26",
        segment("later", "title", "人工智能全球治理上海宣言"),
        segment("later", "s1", "一、共同推动人工智能发展", kind="heading"),
        segment("later", "art-6", f"各方应当{BORROWED}，探索建立数据共享机制。"),
        segment("later", "art-9", "鼓励开展人才交流，普及人工智能素养教育。"),
        segment("later", "art-12", "支持联合国发挥主渠道作用，完善气候变化应对。"),
    )
    terms = [Term("shu-ju-ji", "数据集", "shù jù jí", "dataset", "Data.", "数据。")]
    return Corpus(texts=[later, early], terms=terms, links=list(links), rejected=list(rejected))


def ref(value: str) -> SegmentRef:
    return SegmentRef.parse(value)


def test_a_pair_sharing_a_long_run_comes_first_as_a_restatement():
    first = propose(corpus())[0]
    assert (first.from_ref, first.to_ref) == (ref("later/art-6"), ref("early/p1"))
    assert first.suggested_type == "restates"
    assert first.shared[0] == BORROWED
    assert 0 < first.score <= 1


def test_titles_headings_and_same_text_pairs_are_never_proposed():
    for candidate in propose(corpus(), limit=100):
        assert candidate.from_ref.text_id == "later" and candidate.to_ref.text_id == "early"
        assert {candidate.from_ref.local_id, candidate.to_ref.local_id}.isdisjoint({"title", "s1"})


def test_linked_and_rejected_pairs_are_skipped_in_either_order():
    decided = corpus(
        links=[Link("l1", "restates", ref("later/art-6"), ref("early/p1"))],
        rejected=[Rejected(ref("early/p2"), ref("later/art-9"), "develops", "Different point.")],
    )
    pairs = {(candidate.from_ref, candidate.to_ref) for candidate in propose(decided, limit=100)}
    assert (ref("later/art-6"), ref("early/p1")) not in pairs
    assert (ref("later/art-9"), ref("early/p2")) not in pairs
    assert (ref("later/art-12"), ref("early/p1")) in pairs


def test_proposals_are_ranked_limited_and_repeatable():
    once, again = propose(corpus(), limit=3), propose(corpus(), limit=3)
    assert once == again and len(once) == 3
    assert [candidate.score for candidate in once] == sorted((candidate.score for candidate in once), reverse=True)


def test_shared_runs_are_maximal_longest_first_and_not_bare_stop_words():
    shorter, longer = "甲乙丙丁戊己，人工智能。庚辛壬癸子丑", "丙丁戊己庚人工智能，庚辛壬癸子丑寅"
    lengths = matching_lengths(shorter, longer, grams(longer))
    assert maximal_runs(shorter, lengths) == ["庚辛壬癸子丑", "丙丁戊己"]


def test_evaluate_reports_precision_recall_and_type_agreement():
    report = evaluate(corpus(
        links=[Link("l1", "restates", ref("later/art-6"), ref("early/p1"))],
        rejected=[Rejected(ref("later/art-12"), ref("early/p2"), "parallels", "Unrelated.")],
    ))
    assert "precision" in report and "recall" in report
    assert "1 accepted links, 1 rejected candidates" in report
    assert "Suggested type equals the accepted type for 1 of 1 links (100%)" in report
    rows = [line.split() for line in report.splitlines() if line.strip().startswith(("0.1", "0.5"))]
    assert [row[0] for row in rows] == ["0.1", "0.5"]


def test_evaluate_works_before_any_decisions_exist():
    report = evaluate(corpus())
    assert "0 accepted links, 0 rejected candidates" in report and "precision" in report
