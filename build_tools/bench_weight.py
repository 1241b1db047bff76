"""Page weight for `make bench`: what a first visit downloads, gzipped, as Chromium fetches it.

The built site is served by a small static server that compresses text with
gzip, as a real host does; Chromium (Debian's, the test suite's launch flags)
opens each page with an empty cache and the DevTools protocol reports the bytes
each response took on the wire (`Network.loadingFinished.encodedDataLength`:
compressed body plus response headers).
"""
from __future__ import annotations

import gzip
import http.server
import time
from dataclasses import dataclass, field
from pathlib import Path

from .render.i18n import TREES

GZIP_LEVEL = 6  # nginx's and most CDNs' usual level
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# (label, tree, page path in the tree, target for the HTML, target for the whole first visit), in KB
PAGES = [
    ("Action Plan, English", "en", "texts/action-plan-2025/", 60, 150),
    ("Action Plan, Chinese", "zh-Hans", "texts/action-plan-2025/", 60, 150),
    ("Gong Manlu, English", "en", "texts/gong-manlu-ai-safety/", None, 250),
    ("Gong Manlu, Chinese", "zh-Hans", "texts/gong-manlu-ai-safety/", None, 250),
]
KB = 1000
QUIET = 3.0  # seconds without network activity after `load`: the visit is over


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzipped when the client accepts it (Content-Encoding: gzip)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the folder
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or not kind.startswith(COMPRESSED_TYPES) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            if not path.exists():
                return self.not_found()
            return super().send_head()
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def not_found(self):
        """The tree's styled 404 page, as a host configured for the site serves it."""
        parts = self.path.split("?", 1)[0].strip("/").split("/")
        tree = next((index for index, part in enumerate(parts) if part in TREES), None)
        page = Path(self.directory, *parts[: tree + 1], "404.html") if tree is not None else None
        if page is None or not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Body:
    """What `send_head` returns: a file-like object `copyfile` reads the body from."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser closing a connection early is no error of the site


def compressing_server(folder: Path):
    """Serve `folder` with gzip on a free loopback port for the duration of the block (a context manager)."""
    from .pdf import served

    return served(folder, CompressingHandler, _Server)


@dataclass
class Visit:
    label: str
    url: str
    html_target: int | None
    total_target: int | None
    resources: list[tuple[str, int, str]] = field(default_factory=list)  # (url, encoded bytes, Content-Encoding)

    @property
    def html(self) -> int:
        return self.resources[0][1] if self.resources else 0

    @property
    def total(self) -> int:
        return sum(size for _, size, _ in self.resources)


def first_visit(browser, url: str) -> list[tuple[str, int, str]]:
    """Every response of a first visit (empty cache) until the network is idle, in request order."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    requests: dict[str, dict] = {}
    order: list[str] = []

    def sent(event):
        if event["requestId"] not in requests:
            order.append(event["requestId"])
        requests.setdefault(event["requestId"], {})["url"] = event["request"]["url"]

    def received(event):
        headers = {name.lower(): value for name, value in event["response"]["headers"].items()}
        requests.setdefault(event["requestId"], {})["encoding"] = headers.get("content-encoding", "")

    def finished(event):
        requests.setdefault(event["requestId"], {})["bytes"] = int(event["encodedDataLength"])

    def failed(event):
        requests.setdefault(event["requestId"], {})["failed"] = event.get("errorText", "failed")

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.loadingFailed", failed)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(url, wait_until="load")
    quiet_since = time.monotonic()  # the page is done when every response has ended and nothing new started for QUIET seconds
    seen = 0
    while time.monotonic() - quiet_since < QUIET or not all("bytes" in r or "failed" in r for r in requests.values()):
        page.wait_for_timeout(100)
        events = sum(len(request) for request in requests.values())
        if events != seen:
            seen, quiet_since = events, time.monotonic()
        if time.monotonic() - quiet_since > 30:
            break
    context.close()
    return [(requests[rid]["url"], requests[rid].get("bytes", 0),
             requests[rid].get("encoding", "") if "bytes" in requests[rid] else "UNFINISHED " + requests[rid].get("failed", ""))
            for rid in order]


def measure(site: Path, browser=None) -> list[Visit]:
    from .pdf import chromium

    if browser is None:
        with chromium() as launched:
            return measure(site, launched)
    visits = []
    with compressing_server(site) as base:
        for label, tree, path, html_target, total_target in PAGES:
            visit = Visit(label, f"{tree}/{path}", html_target, total_target)
            visit.resources = first_visit(browser, f"{base}/{tree}/{path}")
            visit.resources = [(url.replace(base + "/", ""), size, encoding) for url, size, encoding in visit.resources]
            visits.append(visit)
    return visits


def verdict(value: int, target: int | None) -> str:
    if target is None:
        return ""
    return f"≤ {target} KB: " + ("met" if value <= target * KB else "**MISSED**")


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def report(site: Path, visits: list[Visit], largest: int = 5) -> str:
    lines = ["## Page weight (first visit, empty cache, gzip; bytes on the wire incl. headers)", "",
             "| page | HTML | target | first visit | target | requests |", "| --- | ---: | --- | ---: | --- | ---: |"]
    for visit in visits:
        lines.append(f"| {visit.label} (`{visit.url}`) | {kb(visit.html)} | {verdict(visit.html, visit.html_target)} "
                     f"| {kb(visit.total)} | {verdict(visit.total, visit.total_target)} | {len(visit.resources)} |")
    for visit in visits:
        lines += ["", f"Largest resources, {visit.label}:"]
        for url, size, encoding in sorted(visit.resources, key=lambda resource: -resource[1])[:largest]:
            lines.append(f"- {kb(size)}  {url}" + ("" if encoding == "gzip" else f"  ({encoding or 'not compressed'})"))
    lines += ["", "## Search index per tree", "", "| tree | raw | gzipped |", "| --- | ---: | ---: |"]
    for tree in TREES:
        index = site / tree / "search" / "search_index.json"
        if index.is_file():
            data = index.read_bytes()
            lines.append(f"| {tree} | {kb(len(data))} | {kb(len(gzip.compress(data, GZIP_LEVEL)))} |")
    return "\n".join(lines)
