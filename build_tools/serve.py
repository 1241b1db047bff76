"""`make serve`: build the three trees, serve them on 127.0.0.1:8000, rebuild on change.

A contributor edits a YAML file and reloads the page. Polling (once a second)
keeps this free of platform-specific file watchers.
"""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .publish import BuildFailed, build_site

WATCHED = ("texts", "glossary", "links", "themes", "timeline", "pages", "docs", "overrides", "build_tools")


def snapshot(root: Path) -> dict[Path, float]:
    files = {}
    for folder in WATCHED:
        if not (root / folder).is_dir():
            continue
        for path in (root / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                files[path] = path.stat().st_mtime
    for path in [*root.glob("mkdocs*.yml"), root / "site.yaml"]:
        if not path.exists():
            continue
        files[path] = path.stat().st_mtime
    return files


def rebuild(root: Path, out: Path) -> None:
    started = time.perf_counter()
    try:
        build_site(root, out)
    except BuildFailed as error:
        print(f"{error}\n(the site keeps its last good build)", flush=True)
        return
    print(f"built {out} in {time.perf_counter() - started:.1f}s", flush=True)


def watch(root: Path, out: Path, interval: float = 1.0) -> None:
    seen = snapshot(root)
    while True:
        time.sleep(interval)
        now = snapshot(root)
        if now != seen:
            changed = sorted(str(path.relative_to(root)) for path in set(now) ^ set(seen) | {p for p in now if seen.get(p) != now[p]})
            print(f"changed: {', '.join(changed[:5])}; rebuilding…", flush=True)
            rebuild(root, out)
            seen = snapshot(root)


def serve(root: Path, out: Path, port: int = 8000) -> None:
    rebuild(root, out)
    threading.Thread(target=watch, args=(root, out), daemon=True).start()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
