"""How long each stage of a build took: wall clock and CPU, and whose code ran (ours or MkDocs).

The build records its stages into a `Timings` when asked (`python -m build_tools site
--timings FILE`, used by `make bench`); without one, nothing is measured.
"""
from __future__ import annotations

import json
import resource
import time
from contextlib import contextmanager
from pathlib import Path


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Timings:
    def __init__(self):
        self.stages: list[dict] = []
        self.origin = time.perf_counter()  # stages record when they started, from here (they may overlap)

    @contextmanager
    def stage(self, name: str, whose: str, parallel: bool = False, children: bool = True):
        """Time the block: wall clock, this process's CPU, and (with `children`) the CPU of the child processes that
        ended in it; without, when children started elsewhere may end during the block (they are recorded apart)."""
        wall, cpu, before = time.perf_counter(), time.process_time(), children_cpu()
        try:
            yield
        finally:
            self.record(name, whose, time.perf_counter() - wall,
                        time.process_time() - cpu + (children_cpu() - before if children else 0.0), parallel, start=wall)

    def record(self, name: str, whose: str, wall: float, cpu: float, parallel: bool = False, start: float | None = None) -> None:
        """A stage that took `wall` seconds from `start` (a perf_counter time; by default it has just ended)."""
        start = time.perf_counter() - wall if start is None else start
        self.stages.append({"name": name, "whose": whose, "parallel": parallel, "start": start - self.origin, "wall": wall, "cpu": cpu})

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.stages, indent=1), encoding="utf-8")


class NoTimings(Timings):
    @contextmanager
    def stage(self, name: str, whose: str, parallel: bool = False, children: bool = True):
        yield

    def record(self, name: str, whose: str, wall: float, cpu: float, parallel: bool = False, start: float | None = None) -> None:
        pass
