"""The raw captures in `texts/captures/`, kept byte for byte as received.

A capture is named by the three digits its file name starts with (`000`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import LineRef


@dataclass(frozen=True)
class Capture:
    key: str
    path: Path
    lines: tuple[str, ...]

    def take(self, ref: LineRef) -> list[str]:
        """The lines `ref` names, without their line ends."""
        return [self.lines[number - 1] for number in ref.lines]


def load_captures(directory: Path) -> dict[str, Capture]:
    captures = {}
    for path in sorted(directory.glob("[0-9][0-9][0-9]_*.txt")):
        text = path.read_bytes().decode("utf-8")
        captures[path.name[:3]] = Capture(path.name[:3], path, tuple(text.split("\n")))
    return captures
