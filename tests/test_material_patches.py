"""The guarded patches of Material's scripts (build_tools/material_patches.py), against the installed Material."""
from __future__ import annotations

import shutil

import pytest

from build_tools import material_patches as patches
from build_tools.search import VARIANTS


def test_every_patch_applies_to_the_installed_material():
    scripts = patches.patched_scripts(VARIANTS)
    worker = next(content for path, content in scripts.items() if "/workers/search." in path)
    bundle = next(content for path, content in scripts.items() if "/bundle." in path)
    for patch, content in ((patches.SEGMENTER, worker), (patches.LAZY_INDEX, bundle), (patches.HIGHLIGHT_WHEN_ASKED, bundle), (patches.NO_SITEMAP, bundle), (patches.QUIET_PALETTE, bundle),
                           *((patch, bundle) for patch in patches.COLOR_SCHEME_META)):
        assert patch.new in content and patch.old not in content, patch.name
    assert "o<=t.length" in worker and "a<t.length&&" in worker  # the segmenter reaches the query's last character
    assert '"爲": "為"' in worker and 'link[rel=alternate][data-md-sitemap]' in bundle and "$(!1)" in bundle


def test_only_the_traditional_tree_folds_queries():
    plain = next(content for path, content in patches.patched_scripts({}).items() if "/workers/" in path)
    assert "爲" not in plain and "(\\\\p{sc=Han})[^\\\\p{L}\\\\p{N}\\\\s]+" in plain  # a symbol after Chinese is a space in every tree


@pytest.mark.parametrize("broken", ["workers", "bundle"])
def test_a_changed_material_stops_the_build_with_one_clear_line(tmp_path, broken):
    scripts = tmp_path / "javascripts"
    shutil.copytree(patches.theme_scripts(), scripts, ignore=shutil.ignore_patterns("*.map", "lunr"))
    target = next(scripts.glob("workers/search.*.min.js")) if broken == "workers" else next(scripts.glob("bundle.*.min.js"))
    content = target.read_text(encoding="utf-8")
    target.write_text(content.replace("t.length-1", "t.length-2").replace("location.protocol!==", "location.protocol===="), encoding="utf-8")
    with pytest.raises(patches.PatchFailed) as failure:
        patches.patched_scripts(VARIANTS, scripts)
    message = str(failure.value)
    assert "\n" not in message and "material_patches.py" in message and target.name in message


def test_a_missing_script_is_named(tmp_path):
    (tmp_path / "workers").mkdir()
    with pytest.raises(patches.PatchFailed, match="expected one file search"):
        patches.patched_scripts({}, tmp_path)
