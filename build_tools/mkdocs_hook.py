"""The thin, optional adapter between MkDocs and build_tools.

Every page, the nav and the search words are on disk before MkDocs starts
(`python -m build_tools site` writes `build/<tree>/`), so a build without this
hook gives the same site. The hook only refuses to build a docs folder that
was not generated, which would otherwise publish a site with no texts in it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

MARKER = ".aigov-generated"  # build_tools.publish.MARKER


def on_config(config):
    if not (Path(config.docs_dir) / MARKER).exists():
        raise Abort(f"\n{config.docs_dir} was not generated: build the site with `python -m build_tools site` (or `make site`), not with mkdocs directly")
    return config
