"""The markup layer: untrusted text in, inert text out, in HTML, attributes, Markdown and URLs."""
from __future__ import annotations

import html as html_module
import re

import markdown
import pytest
from markupsafe import Markup

from build_tools.labels import chinese_number, derive_label
from build_tools.model import Label
from build_tools.render.markup import escape, json_script, marked, safe_url


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=\"x\" }", "**bold** _em_ `code`",
    "&amp; &#60;", "\\[escaped]", "<https://example.org>", "# not a heading", "![img](x.png)",
])
def test_escaped_text_survives_markdown_as_the_same_text(text):
    html = markdown.markdown(f"<p>{escape(text)}</p>\n\n## {escape(text)} {{ #h }}", extensions=["attr_list", "md_in_html"])
    tags = re.findall(r"<[^>]+>", html)
    assert [tag for tag in tags if not re.fullmatch(r'</?(p|h2)( id="h")?>', tag)] == []

    assert html_module.unescape(html).count(text) == 2


def test_escape_leaves_markup_from_templates_alone():
    assert escape(Markup("<b>x</b>")) == "<b>x</b>"
    assert escape("a\nb") == "a b"


@pytest.mark.parametrize("url, safe", [
    ("https://www.gov.cn/x", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), ("data:text/html,x", False), ("//evil.example", False), ("", False), (None, False),
])
def test_only_http_urls_become_links(url, safe):
    assert (safe_url(url) is not None) == safe


def test_json_script_cannot_close_its_element():
    assert "</script>" not in json_script({"a": "</script><script>alert(1)</script>"})


def test_marked_spans_nest_and_bold_becomes_strong():
    spans = [(0, 2, Markup('<span class="a">'), Markup("</span>")), (0, 4, Markup("<i>"), Markup("</i>"))]
    assert marked("人工智能**发展**", spans) == '<i><span class="a">人工</span>智能</i><strong>发展</strong>'
    assert marked("<b>", []) == "&#60;b&#62;"


@pytest.mark.parametrize("local_id, en, zh", [
    ("art-10", "Art. 10", "第十条"), ("s2-p5", "Section 2, para. 5", "第二部分第五段"),
    ("s1-3-p2", "Section 1.3, para. 2", "第一部分第三节第二段"), ("s3", "Section 3", "第三部分"),
    ("preamble-2", "Preamble, para. 2", "序言第二段"), ("p7", "Para. 7", "第七段"), ("intro-1", "Introduction, para. 1", "引言第一段"),
    ("title", "Title", "标题"), ("author-note", "About the author", "作者简介"),
])
def test_labels_are_derived_from_ids(local_id, en, zh):
    assert derive_label(local_id) == Label(en, zh)


def test_unknown_ids_have_no_label_and_numbers_read_in_chinese():
    assert derive_label("weird-thing") is None
    assert [chinese_number(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]


@pytest.mark.parametrize("text", ["Correction: action-plan-2025/a1", "a b&c=d/é 中文 ~x.y_z-", "", " ", "%+\n\t\"<>'#?", "“curly” — dash…"])
def test_correction_links_quote_as_urllib_does(text):
    from urllib.parse import quote_plus as urllib_quote_plus

    from build_tools.render.urls import quote_plus

    assert quote_plus(text) == urllib_quote_plus(text, safe="")


def test_a_build_folder_is_rewritten_in_place(tmp_path):
    from build_tools.publish import write_folder

    folder = tmp_path / "docs"
    write_folder(folder, {"a.md": b"one", "texts/b.md": b"two", "old/c.md": b"gone soon"})
    kept = (folder / "a.md").stat().st_ino
    write_folder(folder, {"a.md": b"one", "texts/b.md": b"changed", "old": b"a file where a folder was"})
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == ["a.md", "old", "texts", "texts/b.md"]
    assert (folder / "texts/b.md").read_bytes() == b"changed" and (folder / "old").read_bytes() == b"a file where a folder was"
    assert (folder / "a.md").stat().st_ino == kept, "an unchanged file is left as it is"


def test_relative_links_are_what_relpath_gives():
    import posixpath

    from build_tools.render.urls import relative_folder

    folders = ["", "texts/", "texts/action-plan-2025/", "glossary/", "glossary/ai/", "compare/a-b/", "texts/x/y/"]
    for source in folders:
        for target in folders:
            expected = posixpath.relpath(target or ".", source or ".")
            assert relative_folder(source, target) == ("" if expected == "." else expected + "/"), (source, target)


def test_compiled_templates_are_kept_between_builds_for_this_code_only(tmp_path):
    """The second build reads its templates compiled (nothing compiled again); a folder of other code is removed."""
    from jinja2.bccache import bc_magic

    from build_tools.render import markup

    stale = tmp_path / "0123456789abcdef"
    stale.mkdir()
    first = markup.environment(markup._TemplateCache.in_folder(tmp_path))
    assert not stale.exists() and len(list(tmp_path.iterdir())) == 1
    values = dict(t=lambda key, **_: key, script="zh-Hans", lang="en",
                  items=[{"kind": "translator", "apparatus": None, "translated": "", "english": "<b>", "about": None, "sources": ()}])
    expected = first.get_template("notes.html").render(**values)
    assert len(list(next(tmp_path.iterdir()).iterdir())) == 2  # written as compiled: notes.html and parts.html, which it imports

    second = markup.environment(markup._TemplateCache.in_folder(tmp_path))

    def compile_again(*args, **kwargs):
        raise AssertionError("a template was compiled again")

    second.compile = compile_again
    assert second.get_template("notes.html").render(**values) == expected == markup.ENVIRONMENT.get_template("notes.html").render(**values)
    assert "&#60;b&#62;" in expected  # the cached code escapes as the compiled one does
    for cached in next(tmp_path.iterdir()).iterdir():  # damaged files: compiled again, never a traceback
        cached.write_bytes(bc_magic + b"\x80\x04not a pickle")
    third = markup.environment(markup._TemplateCache.in_folder(tmp_path))
    assert third.get_template("notes.html").render(**values) == expected
