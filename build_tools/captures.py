"""The raw captures in `texts/captures/`, kept byte for byte as received.

A capture is named by the three digits its file name starts with (`000`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import LineRef, Problem


@dataclass(frozen=True)
class Capture:
    key: str
    path: Path
    lines: tuple[str, ...]

    def take(self, ref: LineRef) -> list[str]:
        """The lines `ref` names, without their line ends."""
        return [self.lines[number - 1] for number in ref.lines]


def load_captures(directory: Path, shown=str) -> tuple[dict[str, Capture], list[Problem]]:
    """Every capture that can be read; a capture that is not UTF-8 is a problem at its first bad line."""
    captures, problems = {}, []
    for path in sorted(directory.glob("[0-9][0-9][0-9]_*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            problems.append(Problem(shown(path), line, "the capture is not UTF-8 text", "store captures as UTF-8; convert the file (e.g. iconv -f GB18030 -t UTF-8) and record the conversion in texts/captures/README.md"))
            continue
        captures[path.name[:3]] = Capture(path.name[:3], path, tuple(text.split("\n")))
    return captures, problems
