"""No request leaves the site; the build is strict and reproducible."""
from __future__ import annotations

import re

import pytest
from pathlib import Path

from .conftest import ROOT, copy_project, run_build_tools

# A resource the browser would fetch by itself from another host.
EXTERNAL_RESOURCE = [
    re.compile(r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I),
    # <link> loads stylesheets, icons, preloads; rel="canonical" and the hreflang alternates only name
    # addresses (Material's bundle would fetch the alternates' sitemaps: material_patches.NO_SITEMAP stops it).
    re.compile(r"<link\b(?![^>]*rel=\"(?:canonical|alternate)\")[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"@import\s+[\"'](?:https?:)?//", re.I),
]
# Things that would make Material's scripts call out at run time.
RUNTIME_CALLS = ['data-md-component="source"', "fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager", "google-analytics"]


def files(site: Path, *suffixes: str):
    return [path for path in site.rglob("*") if path.suffix in suffixes]


def test_no_html_or_css_loads_anything_from_another_host(built_site):
    offenders = []
    for path in files(built_site, ".html", ".css"):
        content = path.read_text(encoding="utf-8", errors="replace")
        for pattern in EXTERNAL_RESOURCE:
            for match in pattern.finditer(content):
                offenders.append(f"{path.relative_to(built_site)}: {match.group(0)[:80]}")
        for needle in RUNTIME_CALLS:
            if needle in content:
                offenders.append(f"{path.relative_to(built_site)}: {needle}")
    assert offenders == []


def test_our_scripts_make_no_requests(built_site):
    for path in (built_site / "en" / "assets").glob("*.js"):
        content = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://|fetch\(|XMLHttpRequest", content), path


def test_theme_fonts_are_off_and_cjk_stacks_are_explicit(built_site):
    css = (built_site / "zh-Hans" / "assets" / "reader.css").read_text(encoding="utf-8")
    assert '"Noto Serif CJK SC"' in css and '"Noto Serif CJK TC"' in css and "url(" not in css


def test_the_browser_makes_no_request_to_another_host(browser, site_url):
    requested = []
    context = browser.new_context()
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    for tree in ("zh-Hans", "zh-Hant", "en"):
        page.goto(f"{site_url}/{tree}/texts/miao-wei-2026/", wait_until="networkidle")
    context.close()
    assert requested and all(url.startswith(site_url) or url.startswith("data:") for url in requested), [u for u in requested if not u.startswith(site_url)]


def test_two_builds_are_identical(built_site, tmp_path):
    again = tmp_path / "site"
    result = run_build_tools("site", "--out", str(again))
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file() and "pdf" not in p.parts}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(path) for path in first if first[path] != second[path]] == []


@pytest.mark.site
def test_a_broken_link_fails_the_build(tmp_path):
    import shutil

    copy = tmp_path / "project"
    copy_project(copy)
    (copy / "docs" / "broken.md").write_text("# Broken\n\n[nowhere](missing-page.md)\n", encoding="utf-8")
    result = run_build_tools("site", "--out", str(tmp_path / "out"), root=copy)
    assert result.returncode == 1
    assert "missing-page.md" in result.stderr
    assert not (tmp_path / "out").exists(), "nothing half-built may be published"


@pytest.mark.site
def test_bad_sources_build_nothing(tmp_path):
    import shutil

    copy = tmp_path / "project"
    copy_project(copy)
    path = copy / "texts" / "action-plan-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: plan", "kind: plann"), encoding="utf-8")
    result = run_build_tools("site", "--out", str(tmp_path / "out"), root=copy)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "texts/action-plan-2025.yaml:" in result.stdout
    assert not (tmp_path / "out").exists()


def test_edit_links_open_the_yaml_source(built_site):
    for tree in ("zh-Hans", "zh-Hant", "en"):
        page = (built_site / tree / "texts" / "gong-manlu-ai-safety" / "index.html").read_text(encoding="utf-8")
        assert 'href="https://github.com/aigov-reader/aigov-reader/edit/main/texts/gong-manlu-ai-safety.yaml"' in page
