"""Each documented normalisation: capture text in, exact published text out."""
from __future__ import annotations

import pytest

from build_tools import normalise


@pytest.mark.parametrize("line, expected", [
    ("（（一一））理论逻辑理论逻辑：：对马克思国家安全观和马对马克思国家安全观和马", "（一）理论逻辑：对马克思国家安全观和马"),
    ("理念理念", "理念"),
    ("论述。", "论述。"),  # not doubled: left alone
    ("科学理论的产生并非凭空而至，它必然根", "科学理论的产生并非凭空而至，它必然根"),
])
def test_undouble_bold(line, expected):
    assert normalise.undouble_bold(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("## 《人工智能全球治理行动计划》", "《人工智能全球治理行动计划》"),
    ("**一、促进人工智能发展**", "一、促进人工智能发展"),
    ("**一是深化创新合作。**促进技术联合攻关", "**一是深化创新合作。**促进技术联合攻关"),
])
def test_heading_marks(line, expected):
    assert normalise.strip_heading_marks(line) == expected


def test_page_furniture():
    assert normalise.drop_page_furniture("(上接第一版)要坚持统筹发展和安全") == "要坚持统筹发展和安全"


@pytest.mark.parametrize("lines, expected", [
    (["成为经济增长的新", "", "引擎，渗透到"], "成为经济增长的新引擎，渗透到"),
    (["represent both an inheritance and an ", "innovation of Marx"], "represent both an inheritance and an innovation of Marx"),
    ([" 习近平在 2024 年世界互联网大会乌镇峰", "", "会开幕式中强调"], "习近平在 2024 年世界互联网大会乌镇峰会开幕式中强调"),
])
def test_join_lines(lines, expected):
    assert normalise.join_lines(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("7月26日,2025世界人工智能大会发表。全文如下:", "7月26日，2025世界人工智能大会发表。全文如下："),
    ("深度求索(DeepSeek)通过", "深度求索（DeepSeek）通过"),
    ("(新华社上海7月26日电)", "（新华社上海7月26日电）"),
    ("约1,000人", "约1,000人"),  # a thousands separator between digits stays
    ("GPT-4 (2023), a model", "GPT-4 (2023), a model"),
])
def test_full_width_punctuation(text, expected):
    assert normalise.full_width_punctuation(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("习近平在 2024 年世界", "习近平在2024年世界"),
    ("牢牢掌握在自己手里 [3]。", "牢牢掌握在自己手里[3]。"),
    ("Artificial General Intelligence，AGI", "Artificial General Intelligence，AGI"),
    ("湖南  长沙     410114", "湖南长沙410114"),
])
def test_cjk_spacing(text, expected):
    assert normalise.cjk_spacing(text) == expected


def test_half_width_in_english():
    assert normalise.half_width_in_english("Abstract：Xi Jinping's discourses， which （in short） hold") == "Abstract: Xi Jinping's discourses, which (in short) hold"


def test_every_rule_is_documented():
    for rule in normalise.RULES:
        assert rule.__doc__ and len(rule.__doc__.strip()) > 30, rule.__name__
