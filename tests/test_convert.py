"""Golden table of Simplified -> Traditional conversions that are easy to get wrong."""
from __future__ import annotations

import pytest

from build_tools.convert import Converter
from build_tools.load import Project, load_locked_terms

from .conftest import ROOT

LOCKED, _ = load_locked_terms(Project(ROOT))
CONVERTER = Converter(LOCKED)

GOLDEN = [
    # 干 / 乾 / 幹
    ("干净", "乾淨"), ("干部", "幹部"), ("干涉", "干涉"), ("不能干等", "不能乾等"), ("能干", "能幹"),
    # 发 / 發 / 髮
    ("发展", "發展"), ("头发", "頭髮"), ("理发", "理髮"),
    # 后 / 後
    ("之后", "之後"), ("皇后", "皇后"), ("随后", "隨後"),
    # 面 / 麪
    ("面条", "麵條"), ("面对", "面對"), ("里面", "裡面"),
    # 系 / 係 / 繫
    ("系统", "系統"), ("关系", "關係"), ("联系", "聯繫"), ("维系", "維繫"),
    # 了 / 瞭
    ("了解", "瞭解"), ("为了", "為了"),
    # Taiwan standard forms (s2tw), where plain s2t gives 爲 着 衆 峯 僞 啓
    ("意味着", "意味著"), ("群众", "群眾"), ("峰会", "峰會"), ("伪造", "偽造"), ("启动", "啟動"),
    # the project's own terms
    ("人工智能", "人工智能"), ("算力", "算力"), ("治理", "治理"), ("向善普惠", "向善普惠"),
    ("人类命运共同体", "人類命運共同體"), ("世界人工智能合作组织", "世界人工智能合作組織"),
    ("全球数字契约", "全球數字契約"), ("大模型", "大模型"), ("东数西算", "東數西算"),
    ("卡脖子", "卡脖子"), ("总台", "總臺"), ("发展和安全", "發展和安全"), ("数据", "數據"),
    ("采集", "採集"), ("复制", "複製"), ("标准制修订", "標準制修訂"),
]


@pytest.mark.parametrize("simplified, traditional", GOLDEN)
def test_conversion(simplified, traditional):
    assert CONVERTER.to_traditional(simplified) == traditional


def test_locked_terms_win_inside_longer_text():
    assert CONVERTER.to_traditional("我们不能干等，要干部带头。") == "我們不能乾等，要幹部帶頭。"


def test_segment_fix_repairs_one_segment_only():
    from build_tools.model import HantFix

    assert CONVERTER.to_traditional("头发", (HantFix("頭髮", "頭發"),)) == "頭發"
    assert CONVERTER.to_traditional("头发") == "頭髮"


def test_character_forms_only_never_vocabulary():
    # s2tw changes characters only; the `…p` configurations would rewrite PRC vocabulary (数据 -> 資料).
    assert CONVERTER.to_traditional("数据和软件") == "數據和軟件"


def test_s2tw_changes_nothing_but_han_characters():
    """The converter returns text without Han characters as it is, unconverted: s2tw must leave every other
    character of the Basic and Supplementary Multilingual Planes alone (an OpenCC upgrade that did not fails here)."""
    from build_tools.convert import CONVERTIBLE, _converter

    others = [chr(point) for point in range(0x20, 0x30000) if not 0xD800 <= point <= 0xDFFF and not CONVERTIBLE.match(chr(point))]
    converted = _converter().convert("\n".join(others)).split("\n")
    assert len(converted) == len(others)
    assert [(hex(ord(a)), b) for a, b in zip(others, converted) if a != b] == []
    assert CONVERTER.to_traditional("AI governance — ‘data’ (2025) 1/2") == "AI governance — ‘data’ (2025) 1/2"


def test_marked_text_keeps_its_tags_where_the_conversion_moves_characters():
    """`marked` converts a text once and leaves each tag in its place when no character moves; a conversion
    that changes the length falls back to carrying the tags through it, with the same result."""
    from markupsafe import Markup

    from build_tools.render.markup import marked

    spans = [(2, 4, Markup('<span class="term">'), Markup("</span>"))]
    assert marked("发展人工智能", spans, CONVERTER.to_traditional) == '發展<span class="term">人工</span>智能'

    def widening(text: str, fixes=()) -> str:  # a conversion that writes one character as two
        return text.replace("发", "發發")

    widening.han_only = True
    assert marked("发展人工智能", spans, widening) == '發發展<span class="term">人工</span>智能'
