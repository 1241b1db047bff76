"""Pages on disk: each tree is a complete MkDocs project, built the same without our hook."""
from __future__ import annotations

import json
import subprocess
import sys

import yaml

from build_tools.publish import mkdocs_env


def test_a_tree_builds_the_same_without_the_hook(mini_site, tmp_path):
    tree_dir = mini_site / "build" / "zh-Hans"
    config = yaml.safe_load((tree_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] and config["nav"] and "hooks" in config
    del config["hooks"]
    no_hook = tree_dir / "mkdocs.no-hook.yml"
    no_hook.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(no_hook), "-d", str(out)],
                            cwd=mini_site, capture_output=True, text=True, env=mkdocs_env())
    no_hook.unlink()
    assert result.returncode == 0, result.stderr
    built = mini_site / "site" / "zh-Hans"
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert pages == sorted(p.relative_to(out) for p in out.rglob("*.html")) and len(pages) > 5
    for page in pages:
        assert (out / page).read_bytes() == (built / page).read_bytes(), page
    text_page = (out / "texts" / "mini-plan" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/reader/edit/main/texts/mini-plan.yaml"' in text_page
    # Material's indexer skips every page; the published index is ours, from build/<tree>/
    assert json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    assert (built / "search" / "search_index.json").read_bytes() == (tree_dir / "search_index.json").read_bytes()
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("\u200b人工智能全球治理\u200b" in doc["text"] for doc in index["docs"]), "our terms are not known to jieba"
    assert any(doc["location"] == "texts/mini-plan/#art-1" for doc in index["docs"])


def test_every_generated_page_is_on_disk_with_front_matter(mini_site):
    for tree in ("zh-Hans", "zh-Hant", "en"):
        docs = mini_site / "build" / tree / "docs"
        page = (docs / "texts" / "mini-plan.md").read_text(encoding="utf-8")
        head = page.split("\n---\n")[0]
        assert head.startswith("---\n") and "\ntitle: " in head and "\nedit_url: " in head
        assert "\nsearch:\n  exclude: true" in head, "Material's indexer skips the page: our index replaces it"
        assert (docs / "assets" / "reader.css").exists() and (docs / ".aigov-generated").exists()
        assert "\n## " in page, "text headings stay real Markdown headings"


def test_the_hook_refuses_a_folder_that_was_not_generated(mini_site, tmp_path):
    tree_dir = mini_site / "build" / "en"
    (tree_dir / "docs" / ".aigov-generated").rename(tree_dir / "marker.bak")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(tree_dir / "mkdocs.yml"), "-d", str(tmp_path / "x")],
                                cwd=mini_site, capture_output=True, text=True, env=mkdocs_env())
    finally:
        (tree_dir / "marker.bak").rename(tree_dir / "docs" / ".aigov-generated")
    assert result.returncode != 0 and "was not generated" in result.stdout + result.stderr


def test_each_text_is_dated_by_its_own_last_commit(tmp_path):
    """One `git log` for all texts gives each text the date of the newest commit that changed its file."""
    from types import SimpleNamespace

    from build_tools.publish import source_versions

    def git(*args, date="2020-01-01T12:00:00"):
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "texts").mkdir()
    for name, date in (("a", "2021-03-04T10:00:00"), ("b", "2022-05-06T10:00:00"), ("a", "2023-07-08T10:00:00"), ("other", "2024-01-01T10:00:00")):
        path = tmp_path / "texts" / f"{name}.yaml"
        path.write_text(f"{date}\n", encoding="utf-8")
        git("add", ".")
        git("commit", "-q", "-m", name, date=date)
    (tmp_path / "texts" / "new.yaml").write_text("never committed\n", encoding="utf-8")
    corpus = SimpleNamespace(texts=[SimpleNamespace(id=name, path=f"texts/{name}.yaml") for name in ("a", "b", "new")])
    assert source_versions(tmp_path, corpus) == {"a": "2023-07-08", "b": "2022-05-06"}
    assert source_versions(tmp_path / "texts", corpus) == {}  # paths are the project's: nothing matches from elsewhere
    subprocess.run(["rm", "-rf", str(tmp_path / ".git")], check=True)
    assert source_versions(tmp_path, corpus) == {}  # no history: citations omit the version
