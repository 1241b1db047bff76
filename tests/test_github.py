"""The GitHub front door: workflows, issue forms, the PR template and CODEOWNERS.

Offline: every workflow is validated against the GitHub-workflow JSON schema and
every issue form against the issue-forms schema, both bundled with the PyPI
package check-jsonschema. Then what matters to this project is asserted: full
git history (citations date each text by its last commit), the Debian container
for Chromium and the CJK fonts, the Pages upload of the whole `site/`, and an
owner for every source folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
TEMPLATES = GITHUB / "ISSUE_TEMPLATE"
ISSUE_FORMS = sorted(path for path in TEMPLATES.glob("*.yml") if path.name != "config.yml")
CONTAINER = "python:3.11-bookworm"
# Actions are pinned by major version; a new major is a deliberate change here.
ACTION_VERSIONS = {
    "actions/checkout": "v4",
    "actions/setup-python": "v5",
    "actions/cache": "v4",
    "actions/upload-artifact": "v4",
    "actions/upload-pages-artifact": "v3",
    "actions/deploy-pages": "v4",
}
SOURCE_FOLDERS = ("texts", "glossary", "links", "themes", "timeline", "pages", "reviews", "build_tools", "tests", ".github")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as True
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return on


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def find(job: dict, action: str) -> list[dict]:
    return [step for step in steps(job) if uses(step) == action]


def step_index(job: dict, predicate) -> int:
    for index, step in enumerate(steps(job)):
        if predicate(step):
            return index
    raise AssertionError("no such step")


def runs(step: dict, words: str) -> bool:
    return words in step.get("run", "")


@pytest.fixture(scope="module")
def pull_request() -> dict:
    return load(GITHUB / "workflows" / "pull-request.yml")


@pytest.fixture(scope="module")
def publish() -> dict:
    return load(GITHUB / "workflows" / "publish.yml")


# ---- the schemas bundled with check-jsonschema ----

def check_jsonschema(schema: str, paths: list[Path]) -> subprocess.CompletedProcess:
    try:
        import check_jsonschema  # noqa: F401
    except ImportError:
        pytest.fail("check-jsonschema is not installed: run `make venv` (it is in requirements.txt)")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_the_files_exist():
    names = {path.name for path in WORKFLOWS}
    assert {"pull-request.yml", "publish.yml"} <= names
    assert {path.name for path in ISSUE_FORMS} == {
        "translation-correction.yml", "new-text.yml", "new-link.yml", "new-timeline-event.yml", "new-term.yml",
    }
    for path in ("pull_request_template.md", "CODEOWNERS", "ISSUE_TEMPLATE/config.yml"):
        assert (GITHUB / path).is_file(), path


def test_workflows_match_the_github_workflow_schema():
    result = check_jsonschema("vendor.github-workflows", WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_the_issue_forms_schema():
    result = check_jsonschema("vendor.github-issue-forms", ISSUE_FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_template_config_matches_its_schema_and_allows_blank_issues():
    result = check_jsonschema("vendor.github-issue-config", [TEMPLATES / "config.yml"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert load(TEMPLATES / "config.yml")["blank_issues_enabled"] is True


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    """The validation is real: a job without `runs-on` and a step with neither `run` nor `uses` fail it."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - name: nothing\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", [broken]).returncode != 0


# ---- every workflow ----

@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_by_major_version(path):
    for name, job in load(path)["jobs"].items():
        for step in steps(job):
            if "uses" not in step:
                continue
            action, _, version = step["uses"].partition("@")
            assert action in ACTION_VERSIONS, f"{path.name}: job {name} uses {action}, which is not in ACTION_VERSIONS"
            assert version == ACTION_VERSIONS[action], f"{path.name}: {action}@{version}; pin @{ACTION_VERSIONS[action]}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_checkout_fetches_the_whole_history(path):
    checkouts = [step for job in load(path)["jobs"].values() for step in find(job, "actions/checkout")]
    assert checkouts, f"{path.name} checks nothing out"
    for step in checkouts:
        assert step.get("with", {}).get("fetch-depth") == 0, f"{path.name}: checkout without fetch-depth: 0"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_container_jobs_install_git_before_checkout_and_trust_the_checkout(path):
    """Without git in the container, actions/checkout downloads a tarball with no history;
    without safe.directory, git refuses the runner-owned checkout and citations lose their dates."""
    for name, job in load(path)["jobs"].items():
        if "container" not in job:
            continue
        packages = job.get("env", {}).get("APT_PACKAGES", "").split()
        assert {"git", "make", "chromium", "fonts-noto-cjk", "poppler-utils"} <= set(packages), f"{name}: {packages}"
        install = step_index(job, lambda step: runs(step, "apt-get install") and "$APT_PACKAGES" in step["run"])
        checkout = step_index(job, lambda step: uses(step) == "actions/checkout")
        trust = step_index(job, lambda step: runs(step, 'safe.directory "$GITHUB_WORKSPACE"'))
        assert install < checkout < trust, f"{path.name}: job {name} must install git, check out, then trust the checkout"
        for step in steps(job)[trust + 1:]:
            assert not (uses(step) == "actions/checkout"), f"{name}: a second checkout"
        cache = find(job, "actions/cache")
        assert any(step["with"]["path"] == "/var/cache/apt/archives" for step in cache), f"{name}: no apt cache"
        keep = step_index(job, lambda step: runs(step, "Keep-Downloaded-Packages"))
        assert keep < install and "docker-clean" in steps(job)[keep]["run"]


# ---- pull requests ----

def test_pull_request_workflow_runs_on_pull_requests_and_cancels_superseded_runs(pull_request):
    assert "pull_request" in triggers(pull_request)
    assert pull_request["concurrency"] == {"group": "${{ github.workflow }}-${{ github.ref }}", "cancel-in-progress": True}


def test_fast_job_checks_the_sources_as_annotations_then_runs_the_fast_layer(pull_request):
    fast = pull_request["jobs"]["fast"]
    assert fast["runs-on"] == "ubuntu-latest"
    setup = find(fast, "actions/setup-python")[0]["with"]
    assert str(setup["python-version"]) == "3.11" and setup["cache"] == "pip"
    assert set(setup["cache-dependency-path"].split()) == {"requirements.txt", "requirements.lock"}
    order = [
        step_index(fast, lambda step: runs(step, "make venv")),
        step_index(fast, lambda step: runs(step, ".venv/bin/python -m build_tools check --format github")),
        step_index(fast, lambda step: runs(step, "make test-fast")),
    ]
    assert order == sorted(order)


def test_full_job_runs_make_test_in_debian_and_uploads_the_site(pull_request):
    full = pull_request["jobs"]["full"]
    assert full["needs"] == "fast"
    container = full["container"]
    assert (container["image"] if isinstance(container, dict) else container) == CONTAINER
    test = step_index(full, lambda step: step.get("run", "").strip() == "make test")
    build = step_index(full, lambda step: runs(step, "make pdf"))  # `pdf: site browser` builds the site first
    upload = step_index(full, lambda step: uses(step) == "actions/upload-artifact" and step["with"]["path"].rstrip("/") == "site")
    assert test < build < upload


# ---- publishing ----

def test_publish_workflow_runs_on_main_and_never_cancels_a_deployment(publish):
    on = triggers(publish)
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert publish["permissions"]["pages"] == "write" and publish["permissions"]["id-token"] == "write"


def test_publish_builds_in_debian_refuses_a_shallow_clone_and_uploads_site(publish):
    build = publish["jobs"]["build"]
    assert build["container"]["image"] == CONTAINER
    trust = step_index(build, lambda step: runs(step, "safe.directory"))
    shallow = step_index(build, lambda step: runs(step, "git rev-parse --is-shallow-repository"))
    make = step_index(build, lambda step: runs(step, "make pdf"))
    upload = step_index(build, lambda step: uses(step) == "actions/upload-pages-artifact")
    assert trust < shallow < make < upload
    assert steps(build)[upload]["with"]["path"].rstrip("/") == "site"
    deploy = publish["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert find(deploy, "actions/deploy-pages")


def test_the_shallow_clone_step_fails_a_shallow_clone_and_passes_a_full_one(publish, tmp_path):
    script = next(step["run"] for step in steps(publish["jobs"]["build"]) if runs(step, "--is-shallow-repository"))
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, cwd: Path = tmp_path) -> None:
        subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)

    full = tmp_path / "full"
    full.mkdir()
    git("init", "-q", cwd=full)
    for n in range(2):
        (full / "file.txt").write_text(str(n), encoding="utf-8")
        git("add", "file.txt", cwd=full)
        git("commit", "-q", "-m", str(n), cwd=full)
    git("clone", "-q", "--depth", "1", full.as_uri(), "shallow")
    for folder, ok in ((full, True), (tmp_path / "shallow", False)):
        result = subprocess.run(["bash", "-e", "-c", script], cwd=folder, env=env, capture_output=True, text=True)
        assert (result.returncode == 0) is ok, result.stdout + result.stderr
        if not ok:
            assert result.stdout.startswith("::error::") and "fetch-depth: 0" in result.stdout


# ---- issue forms and the PR template ----

def form(name: str) -> dict:
    return load(TEMPLATES / name)


def fields(data: dict) -> dict[str, dict]:
    return {item["id"]: item for item in data["body"] if "id" in item}


def test_translation_correction_has_the_ids_the_site_prefills():
    """The site links to `?template=translation-correction.yml&segment=…&current=…`."""
    ids = fields(form("translation-correction.yml"))
    assert {"segment", "current", "suggestion", "reason"} <= set(ids)
    assert ids["segment"]["type"] == "input"
    assert ids["current"]["type"] in {"input", "textarea"}


def test_new_link_offers_exactly_the_link_types():
    types = [item["id"] for item in load(ROOT / "links" / "types.yaml")["types"]]
    assert types == ["quotes", "restates", "develops", "implements", "cites", "responds-to", "parallels", "contrasts"]
    assert fields(form("new-link.yml"))["type"]["attributes"]["options"] == types


def test_new_timeline_event_offers_exactly_the_event_kinds():
    from build_tools.model import EVENT_KINDS

    assert fields(form("new-timeline-event.yml"))["kind"]["attributes"]["options"] == list(EVENT_KINDS)


def test_new_text_offers_every_text_kind():
    from build_tools.model import TEXT_KINDS

    assert set(TEXT_KINDS) <= set(fields(form("new-text.yml"))["kind"]["attributes"]["options"])


def test_issue_forms_ask_for_what_the_brief_names():
    expected = {
        "new-link.yml": {"from", "to", "type", "evidence", "note"},
        "new-timeline-event.yml": {"date", "kind", "title-zh", "title-en", "issuer", "source-url", "source-quote"},
        "new-term.yml": {"zh", "pinyin", "en", "definition", "source"},
        "new-text.yml": {"title-zh", "title-en", "kind", "issuer", "date", "source"},
    }
    for name, ids in expected.items():
        assert ids <= set(fields(form(name))), name
    for path in ISSUE_FORMS:
        data = load(path)
        assert data["labels"] and data["title"] and data["description"], path.name


def test_pull_request_template_asks_for_segments_sources_and_make_check():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "- [ ] I ran `make check`" in text
    for words in ("## What changed", "## Segments", "action-plan-2025/art-10", "## Sources read"):
        assert words in text


# ---- CODEOWNERS ----

def test_codeowners_names_every_source_folder():
    rules = {}
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, *owners = line.split()
        assert owners and all(owner.startswith("@") for owner in owners), line
        rules[pattern.strip("/")] = owners
    for folder in SOURCE_FOLDERS:
        assert (ROOT / folder).is_dir() or folder == ".github", folder
        assert folder in rules, f"CODEOWNERS names no owner for {folder}/"
    assert "*" in rules, "no default owner"
    text = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    assert text.startswith("#") and "replace" in text.split("\n\n")[0].lower()
