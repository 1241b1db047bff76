"""`make bench`'s own tools: the compressing server and the scaled corpus (the numbers themselves are not tests)."""
from __future__ import annotations

import gzip
import urllib.error
import urllib.request

from build_tools.bench import scaled_project
from build_tools.bench_weight import compressing_server

from .conftest import ROOT, TEXT_IDS


def fetch(url: str, gzip_ok: bool):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate" if gzip_ok else "identity"})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_the_server_compresses_text_as_a_real_host(tmp_path):
    (tmp_path / "en" / "page").mkdir(parents=True)
    html = ("<p>" + "人工智能 governance " * 500 + "</p>").encode()
    (tmp_path / "en" / "page" / "index.html").write_bytes(html)
    (tmp_path / "en" / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path / "en" / "image.png").write_bytes(b"\x89PNG not text")
    with compressing_server(tmp_path) as base:
        headers, body = fetch(f"{base}/en/page/", gzip_ok=True)
        assert headers["Content-Encoding"] == "gzip" and int(headers["Content-Length"]) == len(body) < len(html) / 10
        assert gzip.decompress(body) == html
        headers, body = fetch(f"{base}/en/page/", gzip_ok=False)
        assert headers["Content-Encoding"] is None and body == html
        headers, body = fetch(f"{base}/en/image.png", gzip_ok=True)
        assert headers["Content-Encoding"] is None and body == b"\x89PNG not text"
        try:
            fetch(f"{base}/en/missing/", gzip_ok=True)
        except urllib.error.HTTPError as error:
            assert error.code == 404 and b"Page not found" in error.read()
        else:
            raise AssertionError("a missing page must answer 404")


def test_the_scaled_corpus_holds_every_text_n_times_under_new_ids(tmp_path):
    project = scaled_project(ROOT, tmp_path / "project", 3)
    ids = {path.stem for path in (project / "texts").glob("*.yaml")}
    assert ids == TEXT_IDS | {f"{text_id}-copy{n}" for text_id in TEXT_IDS for n in (2, 3)}
    copy = (project / "texts" / "action-plan-2025-copy3.yaml").read_text(encoding="utf-8")
    assert "\nid: action-plan-2025-copy3\n" in copy
    assert "\ntitle:\n  zh: 人工智能全球治理行动计划（副本3）\n" in copy  # no copy names another in the timeline
    assert not (project / "site").exists() and not (project / ".git").exists()


def test_overlapping_stages_are_counted_once():
    from build_tools.bench import covered

    assert covered([(0, 2), (1, 3), (5, 6)]) == 4
    assert covered([(1, 3), (0, 10)]) == 10 and covered([]) == 0


def test_of_two_runs_the_table_shows_the_less_disturbed_and_names_both():
    from pathlib import Path

    from build_tools.bench import Build, least_disturbed, rounds_line

    def run(ours: float, mkdocs: float) -> Build:
        stages = [{"name": "check", "whose": "ours", "wall": ours, "cpu": ours, "start": 0.0},
                  {"name": "mkdocs", "whose": "mkdocs", "wall": mkdocs, "cpu": mkdocs, "start": ours}]
        return Build("1×", 137, 7, ours + mkdocs, ours + mkdocs, stages, Path("."), 0.0)

    slow, fast = run(6.0, 18.0), run(4.0, 16.0)
    assert least_disturbed([slow, fast]) is fast
    assert "1× 25%, 20%" in rounds_line({1: [slow, fast]})
