"""Finish: each tree's styled 404 page in its language, the favicon, the search dialog's name, a prunable nav."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from build_tools.render.i18n import TREES, ui

from .conftest import ROOT, TEXT_IDS


def site_path(checked) -> str:
    """The path the site is published under (`/aigov-reader/`): the 404 page's links start with it."""
    return urlsplit(checked.site.url).path


@pytest.fixture(scope="module")
def host_url(built_site, checked, tmp_path_factory):
    """The built site served under its published path by a host that answers a missing page with the tree's 404.html."""
    from build_tools.bench_weight import compressing_server

    root = tmp_path_factory.mktemp("host")
    published = root / site_path(checked).strip("/")
    published.parent.mkdir(parents=True, exist_ok=True)
    published.symlink_to(built_site, target_is_directory=True)
    with compressing_server(root) as base:
        yield base + site_path(checked)


@pytest.mark.parametrize("tree", TREES)
def test_a_missing_page_gets_the_tree_404_page_in_its_language_styled(browser, host_url, tree):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        response = page.goto(f"{host_url}{tree}/texts/no-such-text/", wait_until="load")
        assert response.status == 404
        assert page.locator("html").get_attribute("lang") == tree
        assert page.locator("article h1").inner_text().strip() == ui(tree, "not_found_title")
        # Material's and our stylesheets are loaded and applied
        sheets = page.evaluate("""() => [...document.styleSheets].filter(s => s.href).map(s => [s.href.split('/').pop(), s.cssRules.length])""")
        assert any(name == "reader.css" and rules > 0 for name, rules in sheets), sheets
        assert any(name.startswith("main.") and rules > 100 for name, rules in sheets), sheets
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header not in ("rgba(0, 0, 0, 0)", "transparent")
        texts = page.locator(".not-found__texts a")
        assert texts.count() == len(TEXT_IDS)
        for href in texts.evaluate_all("links => links.map(link => link.href)"):
            assert page.request.get(href).status == 200, href
        page.locator(".not-found a.md-button").click()
        page.wait_for_load_state("load")
        assert page.url == f"{host_url}{tree}/"
    finally:
        context.close()


def test_404_page_texts_are_in_the_tree_script(built_site):
    hant = (built_site / "zh-Hant" / "404.html").read_text(encoding="utf-8")
    assert "找不到該頁面" in hant and "找不到该页面" not in hant
    assert "找不到该页面" in (built_site / "zh-Hans" / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (built_site / "en" / "404.html").read_text(encoding="utf-8")


def icon_file(built_site: Path, checked, page: Path) -> Path:
    html = page.read_text(encoding="utf-8")
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert len(icons) == 1, page
    href = icons[0]
    assert not urlsplit(href).netloc, "the favicon is the site's own file"
    if href.startswith("/"):  # the 404 page's links start with the published path
        return built_site / href[len(site_path(checked)):]
    return built_site / urljoin(page.relative_to(built_site).as_posix(), href)


@pytest.mark.parametrize("tree", TREES)
def test_every_kind_of_page_links_a_favicon_we_drew(built_site, checked, tree):
    for page in ("index.html", "texts/action-plan-2025/index.html", "glossary/index.html", "404.html"):
        icon = icon_file(built_site, checked, built_site / tree / page)
        assert icon.is_file(), (page, icon)
        svg = icon.read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "</svg>" in svg
        assert re.findall(r"https?://[^\"' ]+", svg) == ["http://www.w3.org/2000/svg"], "no external file in the icon"
        assert icon.resolve() == (built_site / tree / "assets" / "favicon.svg").resolve()


@pytest.mark.parametrize("tree", TREES)
def test_the_search_dialog_has_an_accessible_name(built_site, tree):
    html = (built_site / tree / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
    dialogs = re.findall(r'<div class="md-search"[^>]*>', html)
    assert len(dialogs) == 1
    name = re.search(r'role="dialog" aria-label="([^"]+)"', dialogs[0])
    assert name and name.group(1).strip(), dialogs[0]
    if tree == "en":
        assert name.group(1) == "Search"


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"#]*)(?:#[^"]*)?"', html)


@pytest.mark.parametrize("tree", TREES)
def test_every_page_is_reachable_from_the_home_page(built_site, tree):
    """The nav is pruned (a page holds only its open part): every page must still be reachable by links."""
    folder = built_site / tree
    pages = {path.relative_to(folder).as_posix() for path in folder.rglob("index.html")}
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        current = queue.pop()
        for href in links((folder / current).read_text(encoding="utf-8")):
            if not href or urlsplit(href).scheme or href.startswith("/"):
                continue
            target = urljoin(current, href)
            target = target + "index.html" if target.endswith("/") or target == "" else target
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    assert pages - seen == set()


def test_the_nav_of_a_page_outside_the_texts_holds_no_text_list(built_site):
    html = (built_site / "en" / "method" / "index.html").read_text(encoding="utf-8")
    nav = html.split('<div class="md-sidebar md-sidebar--primary"')[1].split('<div class="md-sidebar md-sidebar--secondary"')[0]
    assert len(re.findall(r'href="\.\./texts/', nav)) <= 1  # the collapsed section links its first page only
    texts_page = (built_site / "en" / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
    nav = texts_page.split('<div class="md-sidebar md-sidebar--primary"')[1].split('<div class="md-sidebar md-sidebar--secondary"')[0]
    assert all(f"../{text_id}/" in nav for text_id in TEXT_IDS - {"action-plan-2025"})  # the open section lists the texts


def test_many_texts_are_grouped_by_year_in_the_nav(tmp_path):
    from build_tools.bench import scaled_project
    from build_tools.check import check_project
    from build_tools.load import Project
    from build_tools.render import NAV_TEXTS_UNGROUPED, TreeContext, nav

    project = scaled_project(ROOT, tmp_path / "project", 2)
    result = check_project(Project(project))
    assert result.ok and len(result.corpus.texts) == 2 * len(TEXT_IDS) > NAV_TEXTS_UNGROUPED
    for tree in TREES:
        section = next(item for item in nav(TreeContext(result.corpus, tree, result.site)) if ui(tree, "texts") in item)
        groups = section[ui(tree, "texts")]
        years = [next(iter(group)) for group in groups]
        expected = sorted({text.sort_date[:4] for text in result.corpus.texts}, reverse=True)
        assert years == [ui(tree, "nav_year", year=year) for year in expected]
        listed = [page for group in groups for entry in next(iter(group.values())) for page in entry.values()]
        assert sorted(listed) == sorted(f"texts/{text.id}.md" for text in result.corpus.texts)
