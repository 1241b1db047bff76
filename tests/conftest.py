"""Shared fixtures: the real corpus, and the real site built once per test run."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.captures import load_captures  # noqa: E402
from build_tools.check import check_project  # noqa: E402
from build_tools.load import Project  # noqa: E402

SEVEN_TEXTS = {
    "action-plan-2025",
    "waico-proposal-2025",
    "li-qiang-waic-2025",
    "shanghai-declaration-2024",
    "li-qiang-waic-2024",
    "miao-wei-2026",
    "gong-manlu-ai-safety",
}
SHORT_TEXTS = {"action-plan-2025", "waico-proposal-2025", "li-qiang-waic-2025", "shanghai-declaration-2024", "li-qiang-waic-2024"}


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
def captures(project):
    return load_captures(project.captures_dir)


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
