"""`make pdf`: one PDF per text and tree, printed by Chromium from the built site.

Uses the Python `playwright` package with Debian's Chromium; the print
stylesheet (reader.css) decides what a printed chapter looks like.
"""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from .render.i18n import TREES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@contextmanager
def served(folder: Path, handler_class=None, server_class=http.server.ThreadingHTTPServer):
    """Serve `folder` on a free loopback port for the duration of the block (quietly, unless given another handler)."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(folder))
    server = server_class(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or run `make test` which does")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def write_pdfs(site: Path, text_ids: list[str], trees: tuple[str, ...] = TREES, browser=None) -> list[Path]:
    if browser is None:
        with chromium() as launched:
            return write_pdfs(site, text_ids, trees, launched)
    out = site / "downloads" / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with served(site) as base:
        page = browser.new_page()
        for tree in trees:
            for text_id in text_ids:
                page.goto(f"{base}/{tree}/texts/{text_id}/", wait_until="load")
                target = out / f"{text_id}.{tree}.pdf"
                page.pdf(path=str(target), format="A4", print_background=False, display_header_footer=True,
                         header_template="<span></span>",
                         footer_template='<div style="font-size:7pt;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                         margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
                written.append(target)
        page.close()
    return written
