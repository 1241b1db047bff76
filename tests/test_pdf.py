"""`make pdf`: a printed chapter holds both languages of a known segment."""
from __future__ import annotations

import shutil
import subprocess


def test_pdf_has_the_chinese_and_the_english_of_a_segment(built_site, browser, tmp_path):
    from build_tools.pdf import write_pdfs

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (pdf,) = write_pdfs(site, ["action-plan-2025"], trees=("zh-Hans",), browser=browser)
    assert pdf == site / "downloads" / "pdf" / "action-plan-2025.zh-Hans.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "开展人工智能安全治理" in flat
    assert "Carrying out AI safety governance" in " ".join(text.split())
    assert "http" in text  # the page address is printed
    # No navigation chrome on paper.
    assert "编校说明" not in flat


def test_a_site_built_with_pdfs_links_each_text_to_its_pdf_and_one_without_links_none(tmp_path, built_site, browser):
    """`python -m build_tools pdf` prints into the staged site before publishing it: every link has its PDF."""
    import re

    from .conftest import run_build_tools
    from .fixtures import mini_project

    project = mini_project(tmp_path / "project")
    result = run_build_tools("pdf", "--site", str(project / "site"), root=project)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted((project / "site").glob("*/texts/*/index.html"))
    assert pages
    for page in pages:
        links = re.findall(r'<a class="pdf-link" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(links) == 1, f"{page}: one PDF link"
        tree, text_id = page.parts[-4], page.parts[-2]
        pdf = (page.parent / links[0]).resolve()
        assert pdf.name == f"{text_id}.{tree}.pdf" and pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert "pdf-link" not in (built_site / "en" / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8"), \
        "a site built without PDFs shows no dead link"
