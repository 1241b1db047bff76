"""Build the whole site: three MkDocs trees, the landing page and the downloads.

MkDocs runs as a subprocess per tree (this module does not import it). The
site is built into a temporary folder and moved into place only when every
step has succeeded, so a failed build never leaves a half-built site.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .check import CheckResult, check_project
from .export import write_downloads
from .i18n import TREES
from .landing import landing_page
from .load import Project


class BuildFailed(Exception):
    pass


def mkdocs_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    # Reproducible output: MkDocs dates the sitemap with this instead of "now".
    env.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    return env


def build_tree(root: Path, tree: str, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / f"mkdocs.{tree}.yml"), "-d", str(out)],
        cwd=root, capture_output=True, text=True, env=mkdocs_env(),
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).splitlines()
        important = [line for line in output if line.startswith(("WARNING", "ERROR", "Aborted", "Error", "Config value"))]
        raise BuildFailed(f"the {tree} tree did not build (nothing was published):\n" + "\n".join(important or output).rstrip())


def build_site(root: Path, out: Path, trees: tuple[str, ...] = TREES, checked: CheckResult | None = None) -> None:
    result = checked or check_project(Project(root))
    if not result.ok:
        raise BuildFailed("\n".join(str(problem) for problem in result.problems) + f"\n{len(result.problems)} problem(s) in the sources; nothing was built.")
    staging = out.parent / f".{out.name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        for tree in trees:
            build_tree(root, tree, staging / tree)
        (staging / "index.html").write_text(landing_page(), encoding="utf-8")
        write_downloads(result.corpus, staging / "downloads")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = out.parent / f".{out.name}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
