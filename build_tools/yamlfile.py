"""Read a YAML source file into plain values that remember their line numbers.

Every failure becomes a `Problem` (never an exception escaping to the user):
a file that is not UTF-8, an empty file, YAML syntax errors, duplicate keys.
Dates are left as strings so that `validate` can judge them itself.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .model import Problem


class LineDict(dict):
    """A mapping that knows where it and each of its keys stand in the file."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers, reports duplicate keys, and does not parse dates."""

    duplicate_keys: list


# Dates stay strings: `2025-02-30` must be a clear error, not a traceback.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        if key in result.key_lines:
            loader.duplicate_keys.append((key_line, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, shown_as: str) -> tuple[object, list[Problem]]:
    """Parse `path`; return (data, problems). Data is None when the file cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 1, f"cannot read the file ({error.strerror})", "check that it exists and is readable")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "the file is not UTF-8", "save it as UTF-8 (without a byte-order mark)")]
    if text.startswith("\ufeff"):
        return None, [Problem(shown_as, 1, "the file starts with a byte-order mark", "save it as UTF-8 without BOM")]
    if not text.strip():
        return None, [Problem(shown_as, 1, "the file is empty", "fill it in (copy an existing file as a model) or delete it")]
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "invalid YAML"
        return None, [Problem(shown_as, line, f"YAML syntax error: {what}", "fix the indentation or quoting here (strings with ':' or '#' need quotes)")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 1, f"YAML error: {error}", "fix the YAML syntax")]
    finally:
        loader.dispose()
    problems = [
        Problem(shown_as, line, f"key '{key}' appears twice in the same block", "keep one of them")
        for line, key in loader.duplicate_keys
    ]
    return data, problems
