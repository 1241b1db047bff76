"""`site/index.html`: send a visitor to the tree of their browser's language.

With scripts off it is a plain page of three links.
"""
from __future__ import annotations

from ..model import Site
from .markup import ENVIRONMENT


def landing_page(site: Site) -> str:
    return ENVIRONMENT.get_template("landing.html").render(name_en=site.name_en, name_zh=site.name_zh) + "\n"
