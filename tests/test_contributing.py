"""CONTRIBUTING.md cannot rot: each of its worked examples is applied to a copy of the project and checked.

An example is a ```yaml block after a comment that says where it goes:
`file=PATH; segment=ID; replace=KEY` (replace a key of a segment), `file=PATH;
segment=ID; add` (add keys at the end of a segment), `file=PATH; item=ID`
(replace the list item with that id, or append it).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.cli import main

from .conftest import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- example: (?P<where>[^>]*?) -->\n```yaml\n(?P<body>.*?)```", re.S)
EXAMPLES = [(dict(part.split("=", 1) if "=" in part else (part, "") for part in (p.strip() for p in m["where"].split(";"))), m["body"])
            for m in EXAMPLE.finditer(CONTRIBUTING)]


def block_end(lines: list[str], start: int, indent: int) -> int:
    """The first line after `start` indented `indent` or less that holds content (the end of a YAML block)."""
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= indent:
            return index
    return len(lines)


def apply(text: str, where: dict, body: str) -> str:
    lines = text.split("\n")
    new = body.rstrip("\n").split("\n")
    if "item" in where:
        first = new[0]
        indent = len(first) - len(first.lstrip())
        at = next((i for i, line in enumerate(lines) if line == first), None)
        if at is None:
            return text.rstrip("\n") + "\n" + body
        return "\n".join(lines[:at] + new + [""] + lines[block_end(lines, at, indent):])
    start = lines.index(f"  - id: {where['segment']}")
    end = block_end(lines, start, 2)
    while not lines[end - 1].strip():
        end -= 1
    if "replace" in where:
        key = next(i for i in range(start, end) if lines[i].startswith(f"    {where['replace']}:"))
        return "\n".join(lines[:key] + new + lines[block_end(lines, key, 4):])
    return "\n".join(lines[:end] + new + lines[end:])


def test_contributing_walks_through_six_edits():
    assert len(EXAMPLES) == 6


@pytest.mark.parametrize("where, body", EXAMPLES, ids=[where["file"] for where, _ in EXAMPLES])
def test_each_example_passes_check(where, body, tmp_path, capsys):
    import shutil

    for folder in ("texts", "glossary", "links", "themes", "timeline", "pages"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for name in ("site.yaml", "trusted-hosts.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    target = tmp_path / where["file"]
    before = target.read_text(encoding="utf-8")
    after = apply(before, where, body)
    target.write_text(after, encoding="utf-8")
    code = main(["--root", str(tmp_path), "check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert body.strip().split("\n")[-1].strip() in after
