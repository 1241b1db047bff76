"""Lighthouse for `make bench`: performance and accessibility of a page, mobile, against the compressing server.

Lighthouse is pinned in `bench/lighthouse/package-lock.json` and installed there by
`make bench` (npm ci). Node is used by this benchmark only, never by the build or the tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .bench_weight import compressing_server
from .pdf import CHROMIUM, CHROMIUM_ARGS

TARGETS = {"performance": 95, "accessibility": 100}
PAGE = "en/texts/action-plan-2025/"


def cli(root: Path) -> Path:
    return root / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"


def run(root: Path, site: Path, page: str = PAGE) -> dict:
    """Lighthouse's report (as JSON) for one page of the built site; mobile, the default form factor."""
    script = cli(root)
    if not script.is_file():
        raise SystemExit(f"{script} is missing: run `make bench` (it installs Lighthouse with npm ci in bench/lighthouse/)")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with compressing_server(site) as base, tempfile.TemporaryDirectory(prefix="aigov-lighthouse-") as scratch:
        out = Path(scratch) / "report.json"
        result = subprocess.run(
            ["node", str(script), f"{base}/{page}", "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,accessibility", f"--chrome-flags={flags}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
        )
        if result.returncode != 0 or not out.is_file():
            raise SystemExit(f"Lighthouse failed:\n{result.stdout}{result.stderr}")
        return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[tuple[str, str, list[str]]]:
    """(audit id, title, a few of the elements it flags) for each failed audit of a category."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            nodes = [str((item.get("node") or {}).get("snippet") or item.get("url") or "")[:120] for item in items[:3]]
            failed.append((ref["id"], audit["title"], nodes))
    return failed


def report_text(report: dict) -> str:
    lines = [f"## Lighthouse {report['lighthouseVersion']} (mobile, simulated throttling) on `{PAGE}`", "",
             "| category | score | target |", "| --- | ---: | --- |"]
    for category, target in TARGETS.items():
        score = round(report["categories"][category]["score"] * 100)
        lines.append(f"| {category} | {score} | ≥ {target}: {'met' if score >= target else '**MISSED**'} |")
    metrics = report["audits"]
    lines += ["", "Metrics: " + ", ".join(f"{metrics[name]['title']} {metrics[name]['displayValue']}" for name in
                                      ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
                                      if name in metrics and metrics[name].get("displayValue"))]
    for category in ("accessibility", "performance"):
        failed = failing_audits(report, category)
        lines += ["", f"Failing {category} audits: " + ("none" if not failed else "")]
        for audit_id, title, nodes in failed:
            lines.append(f"- `{audit_id}`: {title}" + "".join(f"\n  - `{node}`" for node in nodes if node))
    return "\n".join(lines)
