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
