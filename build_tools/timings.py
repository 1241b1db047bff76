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

    @contextmanager
    def stage(self, name: str, whose: str, parallel: bool = False):
        """Time the block: wall clock, this process's CPU, and the CPU of the child processes that ended in it."""
        wall, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
        try:
            yield
        finally:
            self.stages.append({"name": name, "whose": whose, "parallel": parallel,
                                "wall": time.perf_counter() - wall,
                                "cpu": time.process_time() - cpu + children_cpu() - children})

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.stages, indent=1), encoding="utf-8")


class NoTimings(Timings):
    @contextmanager
    def stage(self, name: str, whose: str, parallel: bool = False):
        yield
