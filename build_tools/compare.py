"""`python -m build_tools compare OLD NEW`: how two built sites differ, after normalising.

Normalising puts every tag on its own line, collapses white space and decodes
character references (`&#91;` and `[` are the same text), so what remains is a
difference a reader or a screen reader would notice. Prints the files added,
removed and changed, and with `--show N` the first N changed lines of each file.
"""
from __future__ import annotations

import difflib
import html
import re
from pathlib import Path


def normalised(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".html", ".xml", ".json", ".svg"):
        text = re.sub(r">\s*<", ">\n<", text)
        text = re.sub(r"(<[^>]+>)", r"\n\1\n", text)
    lines = (" ".join(html.unescape(line).split()) for line in text.splitlines())
    return [line for line in lines if line]


def compare(old: Path, new: Path, show: int = 0) -> str:
    old_files = {p.relative_to(old) for p in old.rglob("*") if p.is_file() and p.suffix != ".pdf"}
    new_files = {p.relative_to(new) for p in new.rglob("*") if p.is_file() and p.suffix != ".pdf"}
    out = [f"added: {len(new_files - old_files)}, removed: {len(old_files - new_files)}"]
    out += [f"+ {path}" for path in sorted(new_files - old_files)]
    out += [f"- {path}" for path in sorted(old_files - new_files)]
    changed = 0
    for path in sorted(old_files & new_files):
        if (old / path).read_bytes() == (new / path).read_bytes():
            continue
        before, after = normalised(old / path), normalised(new / path)
        if before == after:
            continue
        changed += 1
        diff = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if not line.startswith(("---", "+++", "@@"))]
        out.append(f"~ {path} ({sum(l.startswith('-') for l in diff)} lines out, {sum(l.startswith('+') for l in diff)} in)")
        out += [f"    {line[:160]}" for line in diff[:show]]
    out.insert(1, f"changed after normalising: {changed}")
    return "\n".join(out)
