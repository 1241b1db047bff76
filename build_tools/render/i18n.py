"""Interface strings of the site in English and Simplified Chinese.

The Traditional tree's strings are converted from the Simplified ones, so
there is one source for each string.
"""
from __future__ import annotations

from functools import lru_cache

from ..convert import converter_for
from ..model import EVENT_KINDS, EVENT_STATUSES, NOTE_KINDS, SEGMENT_KINDS, TEXT_KINDS

TREES = ("zh-Hans", "zh-Hant", "en")

STRINGS: dict[str, dict[str, str]] = {
    "site_intro": {
        "en": "China's AI-governance texts, 2017–2025: the Chinese originals, verified against their source captures, beside our own English translation.",
        "zh-Hans": "中国人工智能治理文本（2017—2025）：经与来源存档逐字核对的中文原文，对照本站自译的英文译文。",
    },
    "texts": {"en": "Texts", "zh-Hans": "文本"},
    "home": {"en": "Home", "zh-Hans": "首页"},
    "nav_year": {"en": "{year}", "zh-Hans": "{year}年"},
    "not_found_title": {"en": "Page not found", "zh-Hans": "找不到该页面"},
    "not_found_text": {"en": "There is no page at this address: it may have moved, or the link may be mistyped.",
                       "zh-Hans": "此地址没有页面：页面可能已经移动，或者链接有误。"},
    "not_found_home": {"en": "Go to the home page", "zh-Hans": "返回首页"},
    "not_found_texts": {"en": "The texts", "zh-Hans": "全部文本"},
    "date": {"en": "Date", "zh-Hans": "日期"},
    "date_unknown": {"en": "date not given in the source", "zh-Hans": "来源未载日期"},
    "kind": {"en": "Kind", "zh-Hans": "类型"},
    "issuer": {"en": "Issued by / author", "zh-Hans": "发布者／作者"},
    "source": {"en": "Source", "zh-Hans": "来源"},
    "rights": {"en": "Rights", "zh-Hans": "版权说明"},
    "captures": {"en": "capture lines", "zh-Hans": "存档行"},
    "original_url": {"en": "original URL", "zh-Hans": "原文链接"},
    "permalink": {"en": "Permanent link", "zh-Hans": "永久链接"},
    "untranslated": {"en": "(English translation in progress)", "zh-Hans": "（英文译文尚在翻译中）"},
    "capture_reads": {"en": "The capture reads", "zh-Hans": "存档原作"},
    "witness_reads": {"en": "The edition in capture {capture} reads", "zh-Hans": "存档 {capture} 的版本作"},
    "base_reads": {"en": "our base text:", "zh-Hans": "底本作"},
    "note_translator": {"en": "Translator's note", "zh-Hans": "译者注"},
    "note_context": {"en": "Context", "zh-Hans": "背景"},
    "note_correction": {"en": "Correction", "zh-Hans": "校正"},
    "note_variant": {"en": "Variant", "zh-Hans": "异文"},
    "note_sic": {"en": "Sic", "zh-Hans": "原文如此"},
    "method_title": {"en": "Editorial method", "zh-Hans": "编校说明"},
    "method_intro": {
        "en": "The Chinese published here is the text of the source captures. Besides the corrections, variants and [sic] marks recorded at each segment, only these rules are applied, by code, everywhere:",
        "zh-Hans": "本站所刊中文即来源存档之文本。除各段所记校正、异文及“原文如此”标注外，仅以程序统一施行以下规则：",
    },
    "download_corpus": {"en": "Download the aligned corpus (JSON)", "zh-Hans": "下载对齐语料（JSON）"},
    "cite": {"en": "Cite", "zh-Hans": "引用"},
    "segment_menu": {"en": "Tools for {label}: link, cite, suggest a correction, source", "zh-Hans": "{label}工具：链接、引用、提出修改建议、来源"},
    "link_here": {"en": "Link to this passage", "zh-Hans": "本段链接"},
    "cite_title": {"en": "Cite {label}", "zh-Hans": "引用{label}"},
    "cite_plain": {"en": "Plain text", "zh-Hans": "纯文本"},
    "copy": {"en": "Copy", "zh-Hans": "复制"},
    "download": {"en": "Download", "zh-Hans": "下载"},
    "close": {"en": "Close", "zh-Hans": "关闭"},
    "translator": {"en": "aigov-reader contributors", "zh-Hans": "aigov-reader 贡献者"},
    "translated_by": {"en": "English translation by {who}", "zh-Hans": "英译：{who}"},
    "accessed_on": {"en": "accessed {date}", "zh-Hans": "访问日期：{date}"},
    "term_marks": {"en": "Term marks", "zh-Hans": "术语标记"},
    "keys_hint": {"en": "Keyboard: j / k for the next / previous passage", "zh-Hans": "键盘：j／k 跳至下一段／上一段"},
    "previous_text": {"en": "Earlier text", "zh-Hans": "上一篇（较早）"},
    "next_text": {"en": "Later text", "zh-Hans": "下一篇（较晚）"},
    "pdf_link": {"en": "PDF of this text", "zh-Hans": "本文 PDF"},
    "show_terms": {"en": "Show the {count} terms", "zh-Hans": "展开 {count} 个术语"},
    "hide_terms": {"en": "Hide the terms", "zh-Hans": "收起术语"},
    "to_light": {"en": "Switch to the light scheme", "zh-Hans": "切换到浅色模式"},
    "to_dark": {"en": "Switch to the dark scheme", "zh-Hans": "切换到深色模式"},
    "copied": {"en": "Copied", "zh-Hans": "已复制"},
    "version_of": {"en": "version of {date}", "zh-Hans": "{date}版"},
    "provenance": {"en": "Chinese from capture", "zh-Hans": "中文出自存档"},
    "author_english": {"en": "(the author's own English)", "zh-Hans": "（作者自译英文）"},
    "printed_from": {"en": "Printed from", "zh-Hans": "打印自"},
    "contents": {"en": "Contents", "zh-Hans": "目录"},
    "view_label": {"en": "Show", "zh-Hans": "显示"},
    "view_both": {"en": "Both", "zh-Hans": "中英对照"},
    "view_zh": {"en": "Chinese", "zh-Hans": "仅中文"},
    "view_en": {"en": "English", "zh-Hans": "仅英文"},
    "terms_in_text": {"en": "Terms in this text", "zh-Hans": "本文术语"},
    "term_page": {"en": "Term page", "zh-Hans": "术语页面"},
    "glossary_title": {"en": "Glossary", "zh-Hans": "术语表"},
    "glossary_intro": {
        "en": "Key terms of the corpus: each with its Simplified and Traditional form, pinyin, our English rendering, other renderings in use, a definition, and every occurrence in the texts.",
        "zh-Hans": "本读本的关键术语：简体、繁体、拼音、本站英译、他处译法、释义，以及在各文本中的全部出现位置。",
    },
    "by_pinyin": {"en": "By pinyin", "zh-Hans": "按拼音排序"},
    "by_english": {"en": "By English", "zh-Hans": "按英文排序"},
    "term_simplified": {"en": "Simplified", "zh-Hans": "简体"},
    "term_traditional": {"en": "Traditional", "zh-Hans": "繁体"},
    "term_pinyin": {"en": "Pinyin", "zh-Hans": "拼音"},
    "term_english": {"en": "Our English", "zh-Hans": "本站英译"},
    "term_official": {"en": "Official English", "zh-Hans": "官方英译"},
    "term_variants": {"en": "Other renderings", "zh-Hans": "其他译法"},
    "term_definition": {"en": "Definition", "zh-Hans": "释义"},
    "term_related": {"en": "Related terms", "zh-Hans": "相关术语"},
    "term_first": {"en": "First appears", "zh-Hans": "首次出现"},
    "concordance": {"en": "Occurrences", "zh-Hans": "出现位置"},
    "sources": {"en": "Sources", "zh-Hans": "资料来源"},
    "kind_plan": {"en": "Plan", "zh-Hans": "行动计划"},
    "kind_declaration": {"en": "Declaration", "zh-Hans": "宣言"},
    "kind_speech report": {"en": "Report of a speech", "zh-Hans": "讲话报道"},
    "kind_news report": {"en": "News report", "zh-Hans": "新闻报道"},
    "kind_commentary": {"en": "Commentary", "zh-Hans": "评论文章"},
    "kind_journal article": {"en": "Journal article", "zh-Hans": "期刊论文"},
    "segment_heading": {"en": "heading", "zh-Hans": "标题"},
    "segment_paragraph": {"en": "paragraph", "zh-Hans": "段落"},
    "segment_article": {"en": "article", "zh-Hans": "条款"},
    "segment_editorial": {"en": "editorial matter", "zh-Hans": "编者文字"},
    "date_not_before": {"en": "not before {date}", "zh-Hans": "不早于{date}"},
    "translation_of_note": {"en": "our translation of the note", "zh-Hans": "本站译文"},
    "about_translation_link": {"en": "About the translation", "zh-Hans": "关于译文"},
    "via": {"en": "read via", "zh-Hans": "经由"},
    "connections": {"en": "Connections", "zh-Hans": "关联"},
    "in_english": {"en": "", "zh-Hans": "（英文）"},
    "suggest": {"en": "Suggest a correction", "zh-Hans": "提出修改建议"},
    "downloads_title": {"en": "Downloads", "zh-Hans": "下载"},
    "downloads_intro": {"en": "Everything on this site as standard files, for translators, researchers and their tools. The same sources build the same files, byte for byte.", "zh-Hans": "本站全部内容均以标准文件提供，供译者、研究者及其工具使用。相同的源文件生成完全相同的文件。"},
    "download_file": {"en": "File", "zh-Hans": "文件"},
    "download_format": {"en": "Format", "zh-Hans": "格式"},
    "download_size": {"en": "Size", "zh-Hans": "大小"},
    "download_schema": {"en": "Schema", "zh-Hans": "结构版本"},
    "download_licence": {"en": "Licence", "zh-Hans": "许可"},
    "download_what": {"en": "What it holds", "zh-Hans": "内容"},
    "downloads_pdf": {"en": "PDFs: each text in each tree, at downloads/pdf/<text-id>.<tree>.pdf, when the site is published with them (make pdf).", "zh-Hans": "PDF：各文本在各版本中的PDF文件，位于 downloads/pdf/<文本ID>.<版本>.pdf（以 make pdf 发布时提供）。"},
    "downloads_schemas": {"en": "What each key of the JSON files means:", "zh-Hans": "JSON文件各字段的说明："},
    "licence_texts": {"en": "Chinese: see each text's rights note; our English and notes: CC BY 4.0", "zh-Hans": "中文：见各文本的版权说明；本站英译及注释：CC BY 4.0"},
    "licence_ours": {"en": "CC BY 4.0", "zh-Hans": "CC BY 4.0"},
    "what_corpus": {"en": "Every text, aligned segment by segment: Chinese (both scripts), English, labels, notes with sources, provenance", "zh-Hans": "全部文本逐段对齐：中文（简繁）、英文、段落标签、附来源的注释、出处"},
    "what_tmx_hans": {"en": "Translation memory: one unit per segment, Simplified Chinese and English", "zh-Hans": "翻译记忆库：每段一个翻译单元，简体中文与英文"},
    "what_tmx_hant": {"en": "Translation memory: one unit per segment, Traditional Chinese and English", "zh-Hans": "翻译记忆库：每段一个翻译单元，繁体中文与英文"},
    "what_glossary": {"en": "The termbase: both scripts, pinyin, our English, other and official renderings, definitions, occurrences", "zh-Hans": "术语库：简繁、拼音、本站英译、其他及官方译法、释义、出现位置"},
    "what_tbx": {"en": "The termbase for CAT tools, Simplified, Traditional and English", "zh-Hans": "供翻译工具使用的术语库：简体、繁体与英文"},
    "what_tbx_pair": {"en": "The termbase for CAT tools, one Chinese script and English", "zh-Hans": "供翻译工具使用的术语库：一种中文字形与英文"},
    "what_links": {"en": "Typed links between segments of different texts, with evidence and notes", "zh-Hans": "不同文本段落之间的类型化关联，附证据与说明"},
    "what_themes": {"en": "Themes with their summaries and passages", "zh-Hans": "主题及其概述和相关段落"},
    "what_timeline": {"en": "Dated events with sources, and the segments that mention them", "zh-Hans": "附来源的事件时间线，以及提及各事件的段落"},
    "links_count": {"en": "links", "zh-Hans": "处关联"},
    "compare_link": {"en": "compare side by side", "zh-Hans": "逐条对照"},
    "filter_links": {"en": "Show links of type", "zh-Hans": "显示以下类型的关联"},
    "themes": {"en": "Themes", "zh-Hans": "主题"},
    "themes_intro": {"en": "Subjects that run through the texts: each theme gathers passages from several texts in date order, with a summary of how the position moves.", "zh-Hans": "贯穿各文本的议题：每个主题按时间顺序汇集多篇文本的相关段落，并概述立场的演变。"},
    "passages": {"en": "Passages", "zh-Hans": "相关段落"},
    "related_themes": {"en": "Related themes", "zh-Hans": "相关主题"},
    "compare_title": {"en": "Compare", "zh-Hans": "文本对照"},
    "compare_intro": {"en": "Two texts side by side, clause by clause: what the later one carried over, changed, added and dropped.", "zh-Hans": "两篇文本逐条对照：后者沿用、改动、新增和舍弃了什么。"},
    "what_changed": {"en": "What changed", "zh-Hans": "变化概述"},
    "linked_passages": {"en": "Linked passages", "zh-Hans": "相互关联的段落"},
    "new_in_later": {"en": "New in the later text", "zh-Hans": "后者新增的内容"},
    "not_carried_over": {"en": "Not carried over", "zh-Hans": "未被沿用的内容"},
    "earlier_text": {"en": "Earlier", "zh-Hans": "前者"},
    "later_text": {"en": "Later", "zh-Hans": "后者"},
    "timeline_title": {"en": "Timeline 2017–2025", "zh-Hans": "时间线（2017—2025）"},
    "timeline_intro": {"en": "Plans, rules, standards, speeches, declarations and international milestones of AI governance, with the passages of our texts that mention each; our seven texts stand among them.", "zh-Hans": "人工智能治理的规划、规章、标准、讲话、宣言及国际进展，并列出本读本文本中提及各事件的段落；本读本的七篇文本亦列于其中。"},
    "mentioned_in": {"en": "Mentioned in", "zh-Hans": "提及于"},
    "in_force": {"en": "in force", "zh-Hans": "施行"},
    "ended": {"en": "ended", "zh-Hans": "终止"},
    "date_uncertain": {"en": "date uncertain", "zh-Hans": "日期不确定"},
    "filter_kind": {"en": "Show events of kind", "zh-Hans": "显示以下类型的事件"},
    "filter_mentioned": {"en": "only events our texts mention", "zh-Hans": "仅显示本读本文本提及的事件"},
    "our_text": {"en": "our text", "zh-Hans": "本读本文本"},
    "on_the_timeline": {"en": "On the timeline", "zh-Hans": "在时间线上"},
    "to_event": {"en": "on the timeline", "zh-Hans": "见时间线"},
    "event_kind_plan": {"en": "strategy or plan", "zh-Hans": "战略规划"},
    "event_kind_law": {"en": "law", "zh-Hans": "法律"},
    "event_kind_regulation": {"en": "regulation or measures", "zh-Hans": "规章办法"},
    "event_kind_standard": {"en": "standard", "zh-Hans": "标准"},
    "event_kind_draft": {"en": "draft for comment", "zh-Hans": "征求意见稿"},
    "event_kind_ethics": {"en": "ethics or principles", "zh-Hans": "伦理与原则"},
    "event_kind_declaration": {"en": "declaration or initiative", "zh-Hans": "宣言与倡议"},
    "event_kind_meeting": {"en": "speech or meeting", "zh-Hans": "讲话与会议"},
    "event_kind_international": {"en": "UN or other international", "zh-Hans": "联合国及国际组织"},
    "event_kind_foreign": {"en": "foreign or multilateral instrument", "zh-Hans": "外国及多边文件"},
    "event_kind_publication": {"en": "article", "zh-Hans": "文章"},
    "event_kind_text": {"en": "our texts", "zh-Hans": "本读本文本"},
    "event_status_draft": {"en": "draft", "zh-Hans": "草案"},
    "event_status_issued": {"en": "issued", "zh-Hans": "已发布"},
    "event_status_in-force": {"en": "in force", "zh-Hans": "现行有效"},
    "event_status_superseded": {"en": "superseded", "zh-Hans": "已被取代"},
    "event_status_repealed": {"en": "repealed", "zh-Hans": "已废止"},
    "event_status_held": {"en": "held", "zh-Hans": "已举行"},
    "accessed": {"en": "accessed", "zh-Hans": "访问于"},
}


def missing_labels() -> list[str]:
    """Every text, segment and note kind needs its label in English and Chinese (Traditional is derived)."""
    needed = [f"event_kind_{kind}" for kind in EVENT_KINDS + ("publication", "text")] + [f"event_status_{status}" for status in EVENT_STATUSES]
    needed += [f"kind_{kind}" for kind in TEXT_KINDS] + [f"segment_{kind}" for kind in SEGMENT_KINDS] + [f"note_{kind}" for kind in NOTE_KINDS + ("correction", "variant", "sic")]
    return [
        f"the interface string '{key}' has no {language} text"
        for key in needed for language in ("en", "zh-Hans")
        if not STRINGS.get(key, {}).get(language)
    ]


@lru_cache(maxsize=None)
def _traditional(text: str) -> str:
    return converter_for().to_traditional(text)


def ui(tree: str, key: str, **values) -> str:
    entry = STRINGS[key]
    if tree == "en":
        text = entry["en"]
    elif tree == "zh-Hant":
        text = _traditional(entry["zh-Hans"])
    else:
        text = entry["zh-Hans"]
    return text.format(**values) if values else text

