"""Our search index (build_tools/search.py), from the real corpus: what is in it and how its text is cut."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from build_tools import search
from build_tools.glossary import search_words
from build_tools.render import TreeContext, render_tree
from build_tools.render.urls import served_folder


@pytest.fixture(scope="module")
def indexes(checked):
    built = {}
    for tree in ("zh-Hant",):  # the tree that also folds variants; the English of passages is the same in every tree
        ctx = TreeContext(checked.corpus, tree, checked.site)
        pages = render_tree(ctx)
        built[tree] = (ctx, pages, json.loads(search.index_json(search.search_index(ctx, pages))))
    return built


def docs(indexes, tree) -> dict[str, dict]:
    return {doc["location"]: doc for doc in indexes[tree][2]["docs"]}


def shown(value: str) -> str:
    """What the results dialog shows: markup removed, references resolved, U+200B gone."""
    return html.unescape(re.sub(r"<[^>]+>", "", value)).replace("\u200b", "")


def test_every_segment_is_one_passage_at_its_anchor(indexes, corpus):
    tree = "zh-Hant"
    ctx, pages, index = indexes[tree]
    by_location = docs(indexes, tree)
    order = [doc["location"] for doc in index["docs"]]
    for text in corpus.texts:
        page = f"texts/{text.id}/"
        for segment in text.segments:
            doc = by_location[f"{page}#{segment.local_id}"]
            assert shown(doc["title"]) == f"{ctx.short_title(text)} · {ctx.label(segment)}"
            assert doc["boost"] == search.PASSAGE_BOOST and "name" not in doc  # a passage's title is shown, not searched
            assert order.index(page) < order.index(doc["location"]), "Material needs the page before its sections"
        english = next(s for s in text.segments if s.en and s.kind != "heading")
        assert " ".join(english.en.replace("**", "").split()) in shown(by_location[f"{page}#{english.local_id}"]["text"])
    assert index["config"]["separator"] == search.SEPARATOR and set(index["config"]["fields"]) == {"name", "text", "phrases"}


def test_every_page_has_one_entry_and_term_pages_have_no_concordance(indexes, corpus):
    ctx, pages, index = indexes["zh-Hant"]
    by_location = docs(indexes, "zh-Hant")
    assert {served_folder(page.path) for page in pages} <= set(by_location)
    term = next(term for term in corpus.terms if term.id == "xin-zhi-sheng-chan-li")
    entry = by_location["glossary/xin-zhi-sheng-chan-li/"]
    assert shown(entry["name"]) == shown(entry["title"]) == f"{term.hant} {term.en}"
    assert term.definition_en in shown(entry["text"]) and "boost" not in entry
    passage = shown(by_location["texts/gong-manlu-ai-safety/#s1-3-p3"]["text"])
    assert "新質生產力" in passage
    assert not any(line in shown(entry["text"]) for line in re.split(r"[，。；]", passage) if len(line) > 8), "the concordance is not indexed"


def full_jieba(corpus):
    """jieba as Material's indexer had it: the whole dictionary, our terms added as `word 2000`."""
    import jieba

    tokenizer = jieba.Tokenizer()
    for word in search_words(corpus.terms):
        tokenizer.add_word(word, 2000)
    return tokenizer


def test_the_partial_dictionary_cuts_every_run_as_the_whole_one(indexes, corpus):
    """segmenter.Tokenizer reads only the words our characters can make; jieba with its whole dictionary cuts the same."""
    from build_tools.segmenter import Tokenizer

    ctx, _, _ = indexes["zh-Hant"]
    runs = {run for segment in corpus.segments() for text in (segment.zh, ctx.chinese(segment.zh, segment.hant_fixes))
            for run in re.findall(r"[\u3400-\u9fff]+", text)}
    runs |= {run for term in corpus.terms for run in re.findall(r"[\u3400-\u9fff]+", term.definition_zh + term.zh + term.hant)}
    words = tuple(search_words(corpus.terms))
    full, plain = full_jieba(corpus), __import__("jieba").Tokenizer()
    ours, ours_plain = Tokenizer(words), Tokenizer()
    assert len(runs) > 3000
    for run in sorted(runs):
        assert ours.cut(run) == tuple(full.cut(run)), run
    for run in sorted(runs)[::10]:
        assert ours_plain.cut(run) == tuple(plain.cut(run)), run


def test_the_dictionary_reads_the_same_words_at_once_or_in_increments():
    """segmenter.Dictionary: jieba's words made only of the characters asked for (their prefixes at 0, as jieba
    makes them), whether the characters come at once (the first increment's pattern) or a few at a time."""
    import hashlib

    from build_tools.segmenter import KNOWN_TOTALS, Dictionary, _jieba

    raw = (Path(_jieba().__file__).parent / "dict.txt").read_bytes()  # read here, as jieba reads it
    text = raw.decode("utf-8")
    sample = "人工智能全球治理行动计划数据跨境流动新质生产力"
    at_once, in_steps = Dictionary(), Dictionary()
    at_once.cover(set(sample))
    for part in ("人工智能", "全球治理行动计划", "数据跨境流动", "新质生产力", "力"):  # many new characters, then few, then none
        in_steps.cover(set(part))
    words = {}
    for line in text.splitlines():
        word, frequency = line.split(" ")[:2]
        if set(word) <= set(sample):
            words[word] = int(frequency)
    expected = {word[:end]: 0 for word in words for end in range(1, len(word))} | words
    assert len(words) > 100 and at_once.frequencies == expected and in_steps.frequencies == expected
    assert len(in_steps.increments) == 4 and sum(map(len, in_steps.increments)) >= len(expected)
    assert hashlib.sha256(raw).hexdigest() in KNOWN_TOTALS, "the installed jieba's dictionary: add its total to KNOWN_TOTALS"
    assert at_once.total == sum(int(line.split(" ")[1]) for line in text.splitlines())


def test_chinese_is_cut_and_escaped_exactly_as_materials_indexer_does(indexes, corpus, monkeypatch):
    from material.plugins.search import plugin

    ctx, _, _ = indexes["zh-Hant"]
    indexer = search.Indexer(ctx)
    monkeypatch.setattr(plugin, "jieba", full_jieba(corpus))  # Material's module-level jieba, with our terms
    material = plugin.SearchIndex()
    for segment in corpus.texts[0].segments[:20]:
        text = ctx.chinese(segment.zh).replace("**", "")
        expected = material._segment_chinese(html.escape(" ".join(text.split()), quote=False))
        assert indexer.field(text) == search.fold(expected, search.VARIANTS)
    assert indexer.field('AI <b>&</b> "人工智能全球治理"') == 'AI &lt;b&gt;&amp;&lt;/b&gt; "\u200b人工智能\u200b全球\u200b治理\u200b"'


def test_terms_are_words_and_phrases_are_words_too(indexes):
    text = docs(indexes, "zh-Hant")["texts/action-plan-2025/#title"]
    assert "\u200b人工智能全球治理行動計劃\u200b" in f"\u200b{text['text']}\u200b".replace("<p>", "\u200b").replace("</p>", "\u200b")
    assert "人工智能全球治理" in text["phrases"].split("\u200b"), "three words in a row make a phrase the query can name"


def test_the_traditional_index_folds_variant_forms(indexes):
    everything = json.dumps(indexes["zh-Hant"][2], ensure_ascii=False)
    assert not set(search.VARIANTS) & set(everything)
    assert set(search.VARIANTS.values()) & set(everything)
    assert search.folding("zh-Hans") == {} and search.fold("以人爲本，峯會", search.VARIANTS) == "以人為本，峰會"


def test_the_hidden_markov_model_finds_what_jiebas_finds():
    """segmenter's Viterbi against jieba's finalseg on random runs of characters (known to the model and not)."""
    import random

    from jieba import finalseg

    from build_tools.segmenter import _viterbi

    chance = random.Random(7)
    alphabet = "的了人工智能发展治理全球数据跨境流動衆峯爲着𠀀龘鼃亖丒丗" + "".join(chance.sample(sorted(finalseg.emit_P["S"]), 300))
    for _ in range(5000):
        run = "".join(chance.choice(alphabet) for _ in range(chance.randint(1, 25)))
        assert _viterbi(run, finalseg) == finalseg.viterbi(run, "BMES", finalseg.start_P, finalseg.trans_P, finalseg.emit_P)[1], run
