"""`python -m build_tools check` on the real sources: a one-line summary, warnings counted."""
from __future__ import annotations

import re

from build_tools.cli import main

from .conftest import TEXT_IDS


def test_clean_sources_give_a_summary_and_counted_warnings(capsys):
    assert main(["check"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    summary = re.match(rf"^ok: {len(TEXT_IDS)} texts, \d+ segments, \d+ untranslated segments, \d+ glossary terms, (\d+) warnings$", lines[-1])
    assert summary, lines[-1]
    warnings = lines[:-1]
    assert len(warnings) == int(summary.group(1))
    assert all(re.match(r"^[^:]+:\d+: warning: .+ — .+$", line) for line in warnings), warnings[:3]


def test_strict_turns_warnings_into_errors(capsys, tmp_path):
    from .fixtures import mini_project

    project = mini_project(tmp_path)  # its termbase has one free-text source: a warning
    assert main(["--root", str(project), "check"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project), "--strict", "check"]) == 1
    assert "warning: source written as plain text" in capsys.readouterr().out


def test_github_format_annotates_the_line(capsys, tmp_path):
    from .fixtures import mini_project

    project = mini_project(tmp_path)
    text = project / "texts" / "mini-plan.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace("kind: plan", "kind: plann", 1), encoding="utf-8")
    assert main(["--root", str(project), "check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert any(re.match(r"^::error file=texts/mini-plan\.yaml,line=\d+::'kind' is 'plann'.* — did you mean 'plan'\?$", line) for line in lines), lines


def test_sources_a_reviewer_should_look_at_are_warned_about(capsys, tmp_path):
    from .fixtures import mini_project

    project = mini_project(tmp_path)
    (project / "trusted-hosts.yaml").write_text("news:\n  - news.cn\n", encoding="utf-8")
    text = project / "texts" / "mini-plan.yaml"
    content = text.read_text(encoding="utf-8").replace('"https://www.news.cn/example"', '"http://203.0.113.7/copy"', 1)
    content = content.replace('quote: "2025年7月26日发布"', "# (no quote)", 1)
    text.write_text(content, encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 0
    out = capsys.readouterr().out
    assert "raw IP address as its host (203.0.113.7)" in out
    assert "has no quote" in out
    assert "not on the list of trusted publishers" in out  # via: copy.example.org
