"""Bad input never crashes and never passes silently: one fixture per class.

Each case breaks a copy of the sources in one way and runs `check` as the
command line does. It must exit 1 with one line per problem, `path:line: what
is wrong — how to fix it`, the line pointing at the offending line (never 0),
and no traceback.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_tools.cli import main

from .fixtures import mini_project

TEXT = "texts/mini-plan.yaml"
GOOD = (mini_project(Path(__import__("tempfile").mkdtemp(prefix="aigov-mini-"))) / TEXT).read_text(encoding="utf-8")
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?:warning: )?.+ — .+$")


def line_of(content: str, needle: str) -> int:
    return content[: content.index(needle)].count("\n") + 1


def sources_copy(folder: Path) -> Path:
    """The small fixture project (its check takes a fraction of a second)."""
    return mini_project(folder)


# case: (file, new content or bytes, the text that marks the offending line, the words expected in the message)
CASES = {
    "list where a block is expected": (TEXT, GOOD.replace("title:\n  zh:", "title: [a, b]\nxtitle:\n  zh:", 1), "title: [a, b]", "should be a block"),
    "block where text is expected": (TEXT, GOOD.replace("kind: plan", "kind: {a: 1}", 1), "kind: {a: 1}", "should be a single value"),
    "text where a list is expected": (TEXT, re.sub(r'  spans:\n(    - "[^"]+"\n)+', '  spans: "000:1-8"\n', GOOD, count=1), 'spans: "000:1-8"', "should be a list"),
    "number where text is expected": (TEXT, GOOD.replace("kind: plan", "kind: 42", 1), "kind: 42", "should be text"),
    "non-text key": (TEXT, GOOD.replace("kind: plan", "kind: plan\n1: x", 1), "1: x", "is not text"),
    "mapping as a key": (TEXT, GOOD.replace("kind: plan", "kind: plan\n? [a]\n: x", 1), "? [a]", "is not text"),
    "deep nesting": (TEXT, GOOD.replace("kind: plan", "kind: plan\nx: " + "[" * 40 + "]" * 40, 1), "x: [[[", "nested more than"),
    "line range backwards": (TEXT, GOOD.replace('"000:1-8"', '"000:8-1"', 1), '"000:8-1"', "rising line numbers"),
    "line range out of the capture": (TEXT, GOOD.replace('source: "000:4"', 'source: "000:4-99999"', 1), 'source: "000:4-99999"', "not a rising list of lines inside the capture"),
    "line zero": (TEXT, GOOD.replace('source: "000:4"', 'source: "000:0"', 1), 'source: "000:0"', "rising line numbers"),
    "control character": (TEXT, GOOD.replace("kind: plan", 'kind: plan\ndate_note: "bell \\a here"', 1), 'date_note: "bell', "U+0007"),
    "escape UTF-8 cannot encode": (TEXT, GOOD.replace("kind: plan", 'kind: plan\ndate_note: "half \\ud800 a pair"', 1), 'date_note: "half', "character"),
    "file with no data": (TEXT, "# a comment only\n", None, "holds no data"),
    "empty document": (TEXT, "---\n...\n", None, "holds no data"),
    "non-http url": (TEXT, GOOD.replace("  url: \"https://www.people.com.cn/sample\"", "  url: javascript:alert(1)", 1), "url: javascript", "not an http(s) address"),
    "capture not UTF-8": ("texts/captures/000_mini.txt", None, None, "capture is not UTF-8"),
    "yaml syntax": (TEXT, GOOD.replace("kind: plan", "kind: plan: x", 1), "kind: plan: x", "YAML syntax error"),
    "unknown key": (TEXT, GOOD.replace("kind: plan", "kind: plan\ncolour: red", 1), "colour: red", "unknown key 'colour'"),
    "misspelt key": (TEXT, GOOD.replace('    source: "000:4"', '    sorce: "000:4"', 1), 'sorce: "000:4"', "did you mean 'source'"),
    "missing field": (TEXT, GOOD.replace("kind: plan\n", "", 1), None, "'kind' is missing"),
    "duplicate segment id": (TEXT, GOOD.replace("  - id: art-2\n", "  - id: art-1\n", 1), "  - id: art-1\n    kind: article\n    source: \"000:5\"", "segment id 'art-1' is used twice"),
    "malformed id": (TEXT, GOOD.replace("  - id: art-2\n", "  - id: Art 2\n", 1), "id: Art 2", "is not a valid id"),
    "impossible date": (TEXT, GOOD.replace('date: "2025-07-26"', 'date: "2025-02-30"', 1), 'date: "2025-02-30"', "impossible date"),
    "unknown kind": (TEXT, GOOD.replace("kind: plan", "kind: plann", 1), "kind: plann", "did you mean 'plan'"),
    "chinese changed": (TEXT, GOOD.replace("zh: 第一条推进", "zh: 第一条促进", 1), "  - id: art-1", "does not match capture 000:4"),
    "lost sentence": (TEXT, GOOD.replace('  - lines: "000:8"', '  - lines: "000:7"', 1), "spans:", "has a sentence no segment publishes"),
    "duplicate key": (TEXT, GOOD.replace("kind: plan", "kind: plan\nkind: plan  # again", 1), "kind: plan  # again", "appears twice"),
    "wrong correction": (TEXT, GOOD.replace('original: "企业 and 人才"', 'original: "不存在"', 1), 'original: "不存在"', "occurs 0 times"),
    "label not derivable": (TEXT, GOOD.replace("  - id: art-2\n", "  - id: second\n", 1), "  - id: second", "no reader's label"),
    "duplicate term": ("glossary/terms.yaml", None, "- id: zz-copy", "is entered twice"),
    "link to an unknown segment": ("links/mini-plan.yaml", "to: mini-speech/p1\n", "to: mini-speech/p9\n", "names no segment"),
    "link evidence not in both": ("links/mini-plan.yaml", "evidence: [人工智能全球治理]", "evidence: [促进发展]", "is not in mini-speech/p1"),
    "link of unknown type": ("links/mini-plan.yaml", "type: develops", "type: develop", "unknown type 'develop'"),
    "link to its own text": ("links/mini-plan.yaml", "to: mini-speech/p1\n", "to: mini-plan/art-4\n", "to its own text"),
    "event in force before its date": ("timeline/events.yaml", 'in_force: "2017-06-01"', 'in_force: "2015-06-01"', "in force (2015-06-01) before"),
    "event words found nowhere": ("timeline/events.yaml", "words: [网络安全法]", "words: [不存在的法]", "occur in no text"),
    "event mentions an unknown segment": ("timeline/events.yaml", "words: [网络安全法]", "mentions: [mini-plan/art-99]", "names no segment"),
    "title resolves to no event": ("timeline/events.yaml", "words: [网络安全法]", "words: []", "resolves to no timeline event"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_gives_one_clear_line(case, tmp_path, capsys):
    path, content, marker, expected = CASES[case]
    project = sources_copy(tmp_path)
    target = project / path
    if path.startswith(("links/", "timeline/")):  # (old, new, expected): replace the first `old` with `new`
        original = target.read_text(encoding="utf-8")
        content = original.replace(content, marker, 1)
        assert content != original
        target.write_text(content, encoding="utf-8")
        marker_line = line_of(content, marker) if case not in ("title resolves to no event",) else None
        if case in ("link to an unknown segment", "link evidence not in both", "link to its own text", "link of unknown type"):
            marker_line = line_of(content, "  - id: mp-art1-ms-p1" if content.index(marker) < content.index("mp-art2") else "  - id: mp-art2-ms-p1")
        if case in ("event in force before its date", "event words found nowhere", "event mentions an unknown segment"):
            marker_line = line_of(content, "  - id: cybersecurity-law")
        if case == "title resolves to no event":
            path, marker_line = TEXT, line_of(GOOD, "  - id: art-3")
    elif path.startswith("glossary/"):
        content = target.read_text(encoding="utf-8") + "- id: zz-copy\n  zh: 发展\n  pinyin: fā zhǎn\n  en: growth\n  definition: {en: x, zh-Hans: x}\n"
        target.write_text(content, encoding="utf-8")
        marker_line = line_of(content, marker)
    elif content is None:  # a capture that is not UTF-8 at its third line
        raw = target.read_bytes().split(b"\n")
        raw[2] = raw[2].decode("utf-8").encode("gb18030")  # 一、总则 in GB18030
        target.write_bytes(b"\n".join(raw))
        marker_line = 3
    else:
        assert content != GOOD, "the fixture did not break anything"
        target.write_text(content, encoding="utf-8", errors="surrogatepass")
        marker_line = line_of(content, marker) if marker else 1
        if case == "missing field":  # reported where the block it belongs to starts
            marker_line = 1
    code = main(["--root", str(project), "check"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    lines = out.strip().splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    assert all(int(LINE.match(line)["line"]) > 0 for line in lines), lines
    hits = [line for line in lines if expected in line]
    assert hits, lines
    assert any(LINE.match(hit)["path"] == path and int(LINE.match(hit)["line"]) == marker_line for hit in hits), (marker_line, hits)


def test_what_check_accepts_site_builds_and_an_emptied_text_does_not_vanish(tmp_path, capsys):
    """A text file emptied by mistake is an error, never a site with one text fewer."""
    project = sources_copy(tmp_path)
    (project / TEXT).write_text("# emptied\n", encoding="utf-8")
    assert main(["--root", str(project), "site", "--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()
    assert "holds no data" in capsys.readouterr().out
