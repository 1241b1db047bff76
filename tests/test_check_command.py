"""`python -m build_tools check` explains every kind of bad input in one line, never a traceback."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, run_build_tools

GOOD = (ROOT / "texts" / "waico-proposal-2025.yaml").read_text(encoding="utf-8")
LINE = re.compile(r"^texts/waico-proposal-2025\.yaml:(\d+): .+ — .+$")


def broken_project(tmp_path: Path, content: bytes | str) -> Path:
    """A copy of the project with the WAICO text replaced by `content`."""
    shutil.copytree(ROOT / "texts", tmp_path / "texts")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    target = tmp_path / "texts" / "waico-proposal-2025.yaml"
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    return tmp_path


CASES = {
    "yaml syntax": (GOOD.replace("kind: news report", "kind: [news report"), "YAML syntax error"),
    "unknown key": (GOOD.replace("kind: news report", "kind: news report\ncolour: red"), "unknown key 'colour'"),
    "misspelt key": (GOOD.replace("    source: \"000:35\"", "    sorce: \"000:35\""), "did you mean 'source'"),
    "missing field": (GOOD.replace("kind: news report\n", ""), "'kind' is missing"),
    "duplicate id": (GOOD.replace("  - id: p2\n", "  - id: p1\n"), "segment id 'p1' is used twice"),
    "malformed id": (GOOD.replace("  - id: p2\n", "  - id: Para 2\n"), "is not a valid id"),
    "impossible date": (GOOD.replace('date: "2025-07-26"', 'date: "2025-02-30"'), "impossible date"),
    "unknown kind": (GOOD.replace("kind: news report", "kind: newsreport"), "did you mean 'news report'"),
    "not utf-8": (GOOD.encode("gb18030"), "not UTF-8"),
    "empty file": ("", "the file is empty"),
    "chinese changed": (GOOD.replace("初步考虑总部设在上海。", "初步考虑总部设在北京。"), "does not match capture 000:35"),
    "bad line reference": (GOOD.replace('source: "000:35"', 'source: "000:35-9999"'), "not a rising list of lines"),
    "lost sentence": (GOOD.replace('    - "000:33-41"', '    - "000:33-43"'), "has a sentence no segment publishes"),
    "duplicate key": (GOOD.replace("kind: news report", "kind: news report\nkind: plan"), "appears twice"),
    "wrong correction": (
        GOOD.replace("    witness: \"001:103\"\n    zh: >-\n      本报", "    witness: \"001:103\"\n    corrections:\n      - {original: 不存在, reading: x, note: y}\n    zh: >-\n      本报", 1),
        "occurs 0 times",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_one_clear_line_per_problem(case, tmp_path):
    content, expected = CASES[case]
    assert content != GOOD, "the fixture did not break anything"
    result = run_build_tools("check", root=broken_project(tmp_path, content))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines, result.stderr
    for line in lines:
        assert LINE.match(line), line
    assert any(expected in line for line in lines), lines


def test_clean_sources_give_a_one_line_summary():
    result = run_build_tools("check")
    assert result.returncode == 0, result.stdout
    (line,) = result.stdout.strip().splitlines()
    assert re.match(r"^ok: 7 texts, \d+ segments, \d+ untranslated segments", line), line
