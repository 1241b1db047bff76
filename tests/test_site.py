"""The built site lists the seven texts and gives each a page."""
from __future__ import annotations

from .conftest import SEVEN_TEXTS


def test_index_lists_every_text(built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    for text_id in SEVEN_TEXTS:
        assert f'href="texts/{text_id}/"' in index


def test_every_text_has_a_page_with_its_segments(built_site):
    page = (built_site / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
    assert 'id="art-10"' in page and 'lang="zh-Hans"' in page and 'lang="en"' in page
    assert "开展人工智能安全治理" in page


def test_edit_link_opens_the_yaml_source(built_site):
    page = (built_site / "texts" / "action-plan-2025" / "index.html").read_text(encoding="utf-8")
    assert "edit/main/texts/action-plan-2025.yaml" in page
