"""A tiny project made on the fly: one text of five segments, two captures, four terms.

`mini_project(folder)` writes it, with the engine files (build_tools, mkdocs.yml,
overrides, docs) linked from this checkout so it can be checked and built like
the real one. `hostile=True` puts a hostile string, each with its own marker,
into every kind of field a contributor can write.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def attack(marker: str) -> str:
    """Markup in every syntax a page could fall for, around a unique marker."""
    return (f'{marker} <script>alert("{marker}")</script><img src=x onerror=alert(1)> '
            f'[link {marker}](javascript:alert(1)) {{: onclick="alert(1)" }} *em* _u_ `code` '
            f'<a href="javascript:alert(1)">a</a> &amp; &#60;b&#62; \\[esc] # {marker}')


def q(value: str) -> str:
    """A YAML scalar that holds `value` exactly (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def published(line: str) -> str:
    """A capture line as the normalisation rules publish it."""
    from build_tools import normalise

    return normalise.finish(normalise.join_lines(normalise.prepare_lines("000", [line])), "zh")


def mini_project(folder: Path, hostile: bool = False) -> Path:
    def field(name: str, clean: str) -> str:
        return q(attack(f"ZQX{name}") if hostile else clean)

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("build_tools", "overrides", "docs", "mkdocs.yml"):
        target = folder / name
        if not target.exists():
            target.symlink_to(ROOT / name)
    (folder / "texts" / "captures").mkdir(parents=True, exist_ok=True)
    (folder / "glossary").mkdir(parents=True, exist_ok=True)
    hostile_zh = "第四条 <script>alert('ZQXzh')</script>[x](javascript:alert(1)){: onclick=\"a\"} ZQXzh"
    capture = [
        "# 人工智能治理示例规划",
        "",
        "一、总则",
        "第一条推进人工智能全球治理，促进发展。",
        "第二条加强企业 and 人才交流。",
        "第三条依据《中国人民共和国网络安全法》。",
        hostile_zh if hostile else "第四条坚持以人为本。",
        "无关的内容。",
    ]
    (folder / "texts" / "captures" / "000_mini.txt").write_text("\n".join(capture) + "\n", encoding="utf-8")
    (folder / "texts" / "captures" / "001_mini.txt").write_text("第二条加强企业和人才交往。\n", encoding="utf-8")
    source = "".join(f"\n          {line}" for line in f"""- publisher: {field('publisher', 'Xinhua News Agency')}
  title: {field('sourcetitle', '示例规划发布')}
  date: "2025-07-26"
  url: {q('https://example.org/"><script>alert(1)</script>ZQXurl' if hostile else 'https://www.news.cn/example')}
  via: https://copy.example.org/page
  accessed: "2026-11-30"
  quote: {field('quote', '2025年7月26日发布')}
  note: {field('sourcenote', 'the report as published')}
- {field('legacysource', 'an old free-text source')}""".splitlines())
    text = f"""id: mini-plan
title:
  zh: 人工智能治理示例规划
  en: {field('title', 'A Sample Plan for AI Governance')}
  short:
    en: {field('short', 'Sample Plan')}
    zh: 示例规划
date: "2025-07-26"
kind: plan
issuer:
  zh: 示例机构
  en: {field('issuer', 'A Sample Body')}
source:
  publication: {field('publication', "People's Daily, 27 July 2025")}
  url: {q('https://example.org/a?b=1&c="x"' if hostile else 'https://www.people.com.cn/sample')}
  spans:
    - "000:1-8"
    - "001:1"
rights: {field('rights', 'Official document; our English is CC BY 4.0.')}
notes:
  - kind: context
    text: {field('textnote', 'A note on the whole text.')}
    zh: {field('textnotezh', '关于全文的说明。')}
exclusions:
  - lines: "000:8"
    reason: {field('exclusion', 'unrelated text on the same page')}
segments:
  - id: title
    kind: heading
    level: 1
    source: "000:1"
    zh: 人工智能治理示例规划
    en: {field('headingen', 'A Sample Plan for AI Governance')}
  - id: s1
    kind: heading
    level: 2
    source: "000:3"
    zh: 一、总则
    en: {field('sectionen', 'I. General provisions')}
  - id: art-1
    kind: article
    source: "000:4"
    zh: 第一条推进人工智能全球治理，促进发展。
    en: {field('en', 'Article 1 Advance global AI governance and promote development.')}
    notes:
      - kind: translator
        text: {field('note', '促进发展 is “promote development”.')}
        about: fa-zhan
      - kind: context
        text: {field('contextnote', 'Issued at a conference.')}
        zh: {field('contextnotezh', '在会议上发布。')}
        sources:{source}
  - id: art-2
    kind: article
    source: "000:5"
    witness: "001:1"
    zh: 第二条加强企业和人才交流。
    en: {field('en2', 'Article 2 Strengthen exchanges of enterprises and talent.')}
    corrections:
      - {{original: "企业 and 人才", reading: "企业和人才", note: {field('correction', 'extraction error')}}}
    variants:
      - {{base: "交流", reading: "交往", note: {field('variant', 'the other edition')}}}
  - id: art-3
    kind: article
    source: "000:6"
    zh: 第三条依据《中国人民共和国网络安全法》。
    en: {field('en3', 'Article 3 Under the Cybersecurity Law of the People’s Republic of China [sic].')}
    sic:
      - {{text: "中国人民共和国", correct: "中华人民共和国", note: {field('sic', 'the author’s slip')}}}
  - id: art-4
    kind: article
    source: "000:7"
    label: {{en: {field('labelen', 'Art. 4')}, zh: 第四条}}
    zh: {q(published(capture[6]))}
    en: {field('en4', 'Article 4 Put people first.')}
"""
    (folder / "texts" / "mini-plan.yaml").write_text(text, encoding="utf-8")
    terms = f"""terms:
- id: ren-gong-zhi-neng
  zh: 人工智能
  pinyin: rén gōng zhì néng
  en: {field('termen', 'artificial intelligence')}
  variants:
    - {{en: {field('varianten', 'AI')}, used_by: {field('usedby', 'most English sources')}, why: {field('why', 'shorter')}}}
  official:
    en: {field('officialen', 'artificial intelligence')}
    source:
      publisher: {field('officialpublisher', 'Ministry of Foreign Affairs')}
      title: Official English
      url: https://www.mfa.gov.cn/eng/
      quote: {field('officialquote', 'artificial intelligence')}
  definition:
    en: {field('definition', 'Machines that learn.')}
    zh-Hans: {field('definitionzh', '机器智能。')}
  related: [fa-zhan]
  sources:
    - {field('termsource', 'a free-text source')}
- id: quan-qiu-zhi-li
  zh: 全球治理
  pinyin: quán qiú zhì lǐ
  en: global governance
  definition: {{en: Governing together., zh-Hans: 共同治理。}}
- id: ren-gong-zhi-neng-quan-qiu-zhi-li
  zh: 人工智能全球治理
  pinyin: rén gōng zhì néng quán qiú zhì lǐ
  en: global AI governance
  definition: {{en: Of AI globally., zh-Hans: 全球范围的人工智能治理。}}
- id: fa-zhan
  zh: 发展
  pinyin: fā zhǎn
  en: development
  definition: {{en: Growth., zh-Hans: 发展。}}
"""
    (folder / "glossary" / "terms.yaml").write_text(terms, encoding="utf-8")
    (folder / "glossary" / "locked-terms.yaml").write_text("locked:\n  - {hans: 干部, hant: 幹部, why: s2t splits it}\n", encoding="utf-8")
    speech_capture = ["李强出席示例会议并致辞", "", "李强表示，要推进人工智能全球治理，加强企业和人才交流。"]
    (folder / "texts" / "captures" / "002_mini.txt").write_text("\n".join(speech_capture) + "\n", encoding="utf-8")
    (folder / "texts" / "mini-speech.yaml").write_text(f"""id: mini-speech
title:
  zh: 李强出席示例会议并致辞
  en: Li Qiang Addresses a Sample Meeting
  short: {{en: Sample Speech, zh: 示例致辞}}
date: "2024-07-04"
kind: speech report
issuer: {{zh: 新华社, en: Xinhua}}
source:
  publication: Xinhua
  url: null
  spans: ["002:1-3"]
rights: News report.
segments:
  - id: title
    kind: heading
    level: 1
    source: "002:1"
    zh: 李强出席示例会议并致辞
    en: Li Qiang Addresses a Sample Meeting
  - id: p1
    kind: paragraph
    source: "002:3"
    zh: 李强表示，要推进人工智能全球治理，加强企业和人才交流。
    en: Li Qiang said that global AI governance must be advanced and exchanges of enterprises and talent strengthened.
""", encoding="utf-8")
    (folder / "links").mkdir(exist_ok=True)
    shutil.copy(ROOT / "links" / "types.yaml", folder / "links" / "types.yaml")
    (folder / "links" / "mini-plan.yaml").write_text(f"""links:
  - id: mp-art1-ms-p1
    type: develops
    from: mini-plan/art-1
    to: mini-speech/p1
    evidence: [人工智能全球治理]
    note:
      en: {field('linknote', 'The Plan turns the call into an article.')}
      zh-Hans: {field('linknotezh', '规划把呼吁写成条文。')}
  - id: mp-art2-ms-p1
    type: restates
    from: mini-plan/art-2
    to: mini-speech/p1
    evidence: [加强企业和人才交流]
""", encoding="utf-8")
    (folder / "links" / "rejected.yaml").write_text(f"""rejected:
  - from: mini-plan/art-4
    to: mini-speech/p1
    type: develops
    reason: {field('rejectreason', 'Only the topic is shared.')}
""", encoding="utf-8")
    (folder / "links" / "comparisons.yaml").write_text(f"""comparisons:
  - id: mini-speech--mini-plan
    earlier: mini-speech
    later: mini-plan
    summary:
      en: {field('comparison', 'The Plan writes down what the speech asked for.')}
      zh-Hans: {field('comparisonzh', '规划把致辞的要求写成了条文。')}
""", encoding="utf-8")
    (folder / "themes").mkdir(exist_ok=True)
    (folder / "themes" / "governance.yaml").write_text(f"""id: governance
title:
  en: {field('themetitle', 'Global governance')}
  zh-Hans: 全球治理
summary:
  en: {field('themesummary', 'How the call for global governance becomes an article.')}
  zh-Hans: {field('themesummaryzh', '全球治理的呼吁如何成为条文。')}
terms: [quan-qiu-zhi-li]
related: []
passages:
  - ref: mini-speech/p1
    note: {field('passagenote', 'The call.')}
  - ref: mini-plan/art-1
  - ref: mini-plan/art-2
  - ref: mini-plan/art-4
""", encoding="utf-8")
    (folder / "timeline").mkdir(exist_ok=True)
    (folder / "timeline" / "events.yaml").write_text(f"""events:
  - id: cybersecurity-law
    date: "2016-11-07"
    in_force: "2017-06-01"
    kind: law
    status: in-force
    title:
      zh-Hans: 中华人民共和国网络安全法
      en: {field('eventtitle', 'Cybersecurity Law of the People’s Republic of China')}
    issuer:
      zh-Hans: 全国人大常委会
      en: {field('eventissuer', 'NPC Standing Committee')}
    number: 主席令第五十三号
    words: [网络安全法]
    summary:
      en: {field('eventsummary', 'The basic law of cyberspace.')}
      zh-Hans: 网络空间的基本法律。
    date_note: {field('datenote', 'Adopted in 2016, in force 2017.')}
    sources:
      - publisher: {field('eventpublisher', 'National People’s Congress')}
        title: 中华人民共和国网络安全法
        url: https://www.npc.gov.cn/example
        accessed: "2026-11-30"
        quote: {field('eventquote', '自2017年6月1日起施行')}
  - id: sample-measures
    date: "2023-07"
    kind: regulation
    status: issued
    title: {{zh-Hans: 示例办法, en: Sample Measures}}
    sources:
      - {{publisher: Xinhua, quote: 2023年7月}}
""", encoding="utf-8")
    (folder / "pages").mkdir(exist_ok=True)
    (folder / "pages" / "about-translation.yaml").write_text(f"""title: {{en: About the translation, zh-Hans: 关于译文}}
intro:
  en: {field('aboutintro', 'Our own translation; see `mini-plan/art-1` and *emphasis*.')}
  zh-Hans: 本站自译。
sections:
  - id: fa-zhan
    title: {{en: "发展: development", zh-Hans: "“发展”"}}
    body:
      en: {field('aboutbody', 'We write *development*.')}
      zh-Hans: 我们译作 development。
""", encoding="utf-8")
    site_name = attack("ZQXsitename") if hostile else "China AI Governance Reader"
    (folder / "site.yaml").write_text(
        f"name:\n  en: {q(site_name)}\n  zh-Hans: 中国人工智能治理文献读本\nurl: https://example.org/reader/\nrepository: https://github.com/example/reader\n",
        encoding="utf-8",
    )
    return folder


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
