"""The thin adapter between MkDocs and build_tools: it only wires events.

Moving to another static-site generator means rewriting this file, nothing else.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from build_tools.site import SourcesInvalid, prepare  # noqa: E402

_prepared = {}


def on_config(config):
    tree = config.extra.get("tree", "zh-Hans")
    try:
        _prepared["tree"] = prepare(ROOT, tree, config.site_url or "")
    except SourcesInvalid as error:
        raise Abort(f"\n{error}")
    config.nav = _prepared["tree"].nav
    # Material's search segments Chinese with jieba: teach it our terms, in both scripts.
    import jieba

    for word in _prepared["tree"].search_words:
        jieba.add_word(word, freq=2000)
    return config


def on_files(files, config):
    prepared = _prepared["tree"]
    for file in files:
        file.edit_uri = f"docs/{file.src_uri}"
    for path, content in prepared.pages.items():
        file = File.generated(config, path, content=content)
        file.edit_uri = prepared.source_files.get(path)
        files.append(file)
    return files

