"""Shared fixtures: the real corpus, and the real site built once per test run.

Every test gets one layer marker, from the fixtures it uses (one rule, here):
`browser` if it drives Chromium, `site` if it builds a site, else `fast`.
`make test-fast` runs the fast layer only.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.check import check_project  # noqa: E402
from build_tools.load import Project  # noqa: E402

TEXT_IDS = {path.stem for path in (ROOT / "texts").glob("*.yaml")}
BROWSER_FIXTURES = {"browser", "page", "site_url"}
SITE_FIXTURES = {"built_site", "mini_site", "hostile_site", "built_project"}
COPY_IGNORE = ("__pycache__", ".venv", "site", "build", ".git", "test-artifacts", ".pytest_cache")


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        explicit = {mark.name for mark in item.iter_markers()} & {"fast", "site", "browser"}
        if explicit:
            continue
        layer = "browser" if used & BROWSER_FIXTURES else "site" if used & SITE_FIXTURES else "fast"
        item.add_marker(getattr(pytest.mark, layer))


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def checked(project):
    result = check_project(project)
    assert result.ok, "\n".join(str(problem) for problem in result.problems)
    return result


@pytest.fixture(scope="session")
def corpus(checked):
    return checked.corpus


@pytest.fixture(scope="session")
def captures(checked):
    return checked.captures


def copy_project(target: Path) -> Path:
    """A copy of this checkout's sources and engine, for tests that change or build it."""
    import shutil

    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    return target


def run_build_tools(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "--root", str(root), *args],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site as `make site` builds it (three trees, landing page, downloads)."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = run_build_tools("site", "--out", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    from build_tools.pdf import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def site_url(built_site):
    from build_tools.pdf import served

    with served(built_site) as base:
        yield base


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()


def build_fixture_site(tmp_path_factory, hostile: bool) -> Path:
    from .fixtures import mini_project

    project = mini_project(tmp_path_factory.mktemp("hostile" if hostile else "mini") / "project", hostile=hostile)
    result = run_build_tools("site", "--out", str(project / "site"), root=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The small fixture project, built: returns the project folder (site in `site/`, trees in `build/`)."""
    return build_fixture_site(tmp_path_factory, hostile=False)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The fixture project with a hostile string in every field, built."""
    return build_fixture_site(tmp_path_factory, hostile=True)
