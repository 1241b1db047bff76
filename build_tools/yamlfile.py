"""Read a YAML source file into plain values that remember their line numbers.

Every failure becomes a `Problem` (never an exception escaping to the user):
a file that is not UTF-8, an empty file or one that holds no data, YAML syntax
errors, duplicate or non-text keys, nesting too deep to be a source, control
characters, and escapes (such as `"\ud800"`) that no UTF-8 text can hold.
Dates are left as strings so that the schema can judge them itself.
"""
from __future__ import annotations

import re
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


MAX_DEPTH = 12  # the deepest real source (a note's source inside a segment) is 7


# libyaml's C parser where PyYAML was built with it (about ten times faster); the
# same constructors, marks and errors either way.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):
    """SafeLoader that keeps line numbers, reports bad keys and characters, and does not parse dates."""

    duplicate_keys: list
    bad_keys: list
    bad_strings: list


# Dates stay strings: `2025-02-30` must be a clear error, not a traceback.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            loader.bad_keys.append((key_line, key))
            key = repr(key)
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


# Unicode's categories Cc (but tab and newline), Cs and Co, as one character class (checked equal
# to unicodedata.category over every code point); a regular expression scans a string in C.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def bad_character(text: str) -> str | None:
    """A character no source should hold: a control character (other than tab and newline),
    a lone surrogate, or a private-use character (the build uses those as placeholders)."""
    found = _BAD_CHARACTER.search(text)
    return found.group() if found else None


def _construct_string(loader: _Loader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    char = bad_character(value)
    if char is not None:
        loader.bad_strings.append((node.start_mark.line + 1, char))
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_string)
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
    deep = _too_deep(text)
    if deep:
        return None, [Problem(shown_as, deep, f"the blocks are nested more than {MAX_DEPTH} levels deep here", "a source file is never this deep: check the indentation")]
    loader = _Loader(text)
    loader.duplicate_keys, loader.bad_keys, loader.bad_strings = [], [], []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "invalid YAML"
        if "unicode" in what.lower() or "character" in what.lower():
            return None, [Problem(shown_as, line, f"YAML error: {what}", "remove the character or the '\\u' escape: it names no character a text may hold")]
        return None, [Problem(shown_as, line, f"YAML syntax error: {what}", "fix the indentation or quoting here (strings with ':' or '#' need quotes)")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 1, f"YAML error: {error}", "fix the YAML syntax")]
    finally:
        loader.dispose()
    if data is None:
        return None, [Problem(shown_as, 1, "the file holds no data (only comments or an empty document)", "fill it in (copy an existing file as a model) or delete it")]
    problems = [
        Problem(shown_as, line, f"key '{key}' appears twice in the same block", "keep one of them")
        for line, key in loader.duplicate_keys
    ]
    problems += [
        Problem(shown_as, line, f"key {key!r} is not text", "write keys as words, e.g. 'zh:'; quote a key that looks like a number or true/false")
        for line, key in loader.bad_keys
    ]
    problems += [
        Problem(shown_as, line, f"a value holds the character U+{ord(char):04X}, which no source may contain", "delete it (a control character, a lone surrogate from a '\\u' escape, or a private-use character)")
        for line, char in loader.bad_strings
    ]
    return data, problems


def _too_deep(text: str) -> int:
    """The line where nesting first exceeds MAX_DEPTH, else 0 (read from the event stream, without recursion)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BASE):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return 0  # the loader reports syntax errors with their line
    return 0
