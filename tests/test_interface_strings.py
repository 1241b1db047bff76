"""The interface's strings: one entry per key (a repeated key in the table silently replaces the first)."""
from __future__ import annotations

import ast
from collections import Counter

from .conftest import ROOT


def test_no_interface_string_key_is_given_twice():
    tree = ast.parse((ROOT / "build_tools" / "render" / "i18n.py").read_text(encoding="utf-8"))
    table = next(node.value for node in tree.body if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "STRINGS")
    keys = Counter(key.value for key in table.keys)
    assert [key for key, count in keys.items() if count > 1] == []
