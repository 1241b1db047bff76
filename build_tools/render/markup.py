"""The one place where text becomes markup.

Every string from a source file is untrusted. It reaches a page only through
`escape` (HTML text, attributes and Markdown alike: the characters that mean
something to HTML or to Python-Markdown become numeric character references,
which both leave alone and a browser shows as the character), through
`safe_url` (only http and https), or through `json_script` (data for our
scripts). Page fragments come from the autoescaped templates in `templates/`,
whose every `{{ value }}` is passed through `escape`. Nothing else in the
package builds HTML by joining strings.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import jinja2.compiler
import markupsafe
from markupsafe import Markup

# HTML's own specials, and every character with a meaning in Markdown or its
# attribute lists: links [ ] ( ), emphasis * _, code `, escapes \, headings #,
# attribute lists { }, images !, tables |, strike-through ~, lists +.
_ENTITIES = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()#+!|~"}
_REPLACEMENTS = {**_ENTITIES, "\n": " ", "\r": " "}
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")  # one pass; much faster than str.translate with a dict

BOLD = re.compile(r"\*\*(.+?)\*\*")
# The opening and closing tags of a highlighted run (a term in a concordance
# sentence, evidence in an excerpt, wording two texts share).
HIGHLIGHT = (Markup("<mark>"), Markup("</mark>"))
SHARED = (Markup('<mark class="shared">'), Markup("</mark>"))
NOTHING = Markup("")
# Private-use characters mark where spans open and close; they pass through
# OpenCC and `escape` untouched and are replaced by the spans' tags last.
_OPEN_BASE, _CLOSE_BASE = 0xF8000, 0xFA000
_PLACEHOLDER = re.compile("[\U000F8000-\U000FBFFF]")


class Href(str):
    """An address for an `href`: escaped for an HTML attribute only, so `#` and `/` stay as they are.

    Made by `urls` (our own addresses) and by `safe_url` (a source's, http(s) only).
    """


def escape(value) -> Markup:
    """Plain text, safe in HTML text, in an attribute value and in Markdown."""
    kind = type(value)
    if kind is Markup:
        return value
    if kind is str and len(value) <= 80:
        return _escape_short(value)  # labels, ids, interface words: the same few thousand strings, escaped half a million times
    if isinstance(value, Markup):
        return value
    if isinstance(value, Href):
        return markupsafe.escape(str(value))
    return _markup(_SPECIAL.sub(_replacement, str(value)))


@lru_cache(maxsize=1 << 16)
def _escape_short(value: str) -> Markup:
    return _markup(_SPECIAL.sub(_replacement, value))


def _markup(html: str) -> Markup:
    """Markup from a string known to be safe, without `Markup.__new__`'s checks (this runs half a million times a build)."""
    return str.__new__(Markup, html)


def _replacement(match: re.Match) -> str:
    return _REPLACEMENTS[match.group()]


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host, else None: a source never becomes a `javascript:` link."""
    if not url:
        return None
    try:
        parts = urlsplit(str(url).strip())
    except ValueError:
        return None
    return Href(str(url).strip()) if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def json_script(data) -> Markup:
    """JSON for a `<script type="application/json">` block: nothing in it can close the element, and no brace
    inside a string reaches Markdown's attribute lists (`{…}`), which would eat it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(re.sub(r'"(?:[^"\\]|\\.)*"', lambda string: string.group(0).replace("{", "\\u007b").replace("}", "\\u007d"), text))


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
HAN_RUN = re.compile(f"[{_HAN}](?:[{_HAN}\u3000-\u303f\uff00-\uffef“”‘’·…—0-9]*[{_HAN}\u3001\u3002》」』）])?")
LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’.\- ]*[A-Za-z0-9])?")


def language_runs(text: str, pattern: re.Pattern, lang: str, taken) -> list:
    """Spans that tag each run of another script with its `lang`, where they nest with the spans `taken`."""
    runs = []
    opening = _LANG_SPANS.setdefault(lang, Markup(f'<span lang="{escape(lang)}">'))
    for match in pattern.finditer(text):
        start, end = match.span()
        if all(end <= a or b <= start or (a <= start and end <= b) or (start <= a and b <= end) for a, b, _, _ in taken if a != b):
            runs.append((start, end, opening, _SPAN_CLOSE))
    return runs


_LANG_SPANS: dict[str, Markup] = {}
_SPAN_CLOSE = Markup("</span>")


def same(text: str, fixes=()) -> str:
    """No conversion (the Simplified script's `TreeContext.chinese`): `marked` then escapes each piece of text as it goes."""
    return text


def marked(text: str, spans, convert=same, bold: bool = True, han_lang: str = "", latin_lang: str = "") -> Markup:
    """`text` converted and escaped, with each (start, end, opening, closing) span wrapped in its tags.

    Spans are nested or disjoint; `opening`/`closing` are Markup from a template.
    With `bold`, the sources' `**run-in heading**` becomes <strong> (its stars dropped).
    `han_lang` tags runs of Chinese inside English text, `latin_lang` runs of Latin
    letters inside Chinese text, so each is read with the right voice and font.
    A conversion sees the whole text. The converter's (`han_only`) converts it at once and,
    where every character keeps its place, the tags go where they stood and each piece is
    escaped between them; another conversion, or one that moves characters, converts the
    text with its tags held by placeholders.
    """
    spans = list(spans)
    if getattr(convert, "han_only", False):
        converted = convert(text)  # the whole text at once (remembered by the converter)
        if len(converted) == len(text):  # each character in its place: the spans stand where they stood
            text, convert = converted, same
    if han_lang:
        spans += language_runs(text, HAN_RUN, han_lang, spans)
    if latin_lang:
        spans += language_runs(text, LATIN_RUN, latin_lang, spans)
    skipped: set[int] = set()
    if bold:
        for match in BOLD.finditer(text):
            spans.append((match.start(), match.end(), Markup("<strong>"), Markup("</strong>")))
            skipped.update({match.start(), match.start() + 1, match.end() - 2, match.end() - 1})
    if not spans:
        return escape(convert(text))
    spans.sort(key=lambda span: (span[0], -span[1]))
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    points: dict[int, list[int]] = {}  # empty spans (a marker after a word): after what closes there, before what opens
    for index, (start, end, _, _) in enumerate(spans):
        if start == end:
            points.setdefault(start, []).append(index)
            continue
        opens.setdefault(start, []).append(index)
        closes.setdefault(end, []).insert(0, index)
    direct = convert is same
    if direct:
        opening, closing, piece = [str(span[2]) for span in spans], [str(span[3]) for span in spans], _escaped
    else:
        opening, closing, piece = [chr(_OPEN_BASE + i) for i in range(len(spans))], [chr(_CLOSE_BASE + i) for i in range(len(spans))], str
    pieces = []
    cursor = 0  # the text before the next position where a tag goes or a star is dropped is copied whole
    for position in sorted({*opens, *closes, *points, *skipped}):
        pieces.append(piece(text[cursor:position]))
        pieces += [closing[index] for index in closes.get(position, ())]
        for index in points.get(position, ()):
            pieces += [opening[index], closing[index]]
        pieces += [opening[index] for index in opens.get(position, ())]
        if position < len(text) and position not in skipped:
            pieces.append(piece(text[position]))
        cursor = position + 1
    pieces.append(piece(text[cursor:]))
    if direct:
        return _markup("".join(pieces))
    tags = {}
    for index, (_, _, open_tag, close_tag) in enumerate(spans):
        tags[_OPEN_BASE + index], tags[_CLOSE_BASE + index] = str(open_tag), str(close_tag)
    return _markup(_PLACEHOLDER.sub(lambda match: tags.get(ord(match.group()), match.group()), str(escape(convert("".join(pieces))))))


def _escaped(text: str) -> str:
    return _SPECIAL.sub(_replacement, text)


_EMPHASIS = re.compile(r"&#42;([^&]+?|[^*]+?)&#42;")
_CODE = re.compile(r"&#96;(.+?)&#96;")


def prose(text: str, reference=lambda ref: None, han_lang: str = "", latin_lang: str = "", convert=same) -> Markup:
    """Curated prose with two safe inline forms: `*emphasis*`, and `` `text-id/segment-id` `` as a link
    (`reference` gives its address and the reader's name for it, or None).

    Applied to the escaped text, so nothing else can become markup.
    """
    html = str(marked(text, [], convert, bold=False, han_lang=han_lang, latin_lang=latin_lang))
    html = _EMPHASIS.sub(r"<em>\1</em>", html)

    def code(match):
        inner = match.group(1)
        found = reference(inner)
        if not found:
            return f"<code>{inner}</code>"
        href, name = found
        return f'<a href="{markupsafe.escape(href)}">{escape(name)}</a>'

    return Markup(_CODE.sub(code, html))


def _finalize(value):
    return value if type(value) is Markup or value is None else escape(value)


class _Generator(jinja2.compiler.CodeGenerator):
    """Jinja's code generator, writing `environment.output(…)` where autoescaping writes `escape(finalize(…))`.

    `output` is the two in one call: our `escape` (the finalize) for anything but
    Markup, and Markup given back as it is, where markupsafe's `escape` would copy
    it into a new Markup (half a million times a build, a tenth of our time).
    """

    @staticmethod
    def _plain_autoescape(frame, finalize) -> bool:
        """Autoescaping with our plain `finalize`: the case `output` replaces (anything else is left to Jinja)."""
        return not frame.eval_ctx.volatile and frame.eval_ctx.autoescape and finalize.src == "environment.finalize("

    def _output_child_pre(self, node, frame, finalize) -> None:
        if not self._plain_autoescape(frame, finalize):
            return super()._output_child_pre(node, frame, finalize)
        self.write("environment.output(")

    def _output_child_post(self, node, frame, finalize) -> None:
        if not self._plain_autoescape(frame, finalize):
            return super()._output_child_post(node, frame, finalize)
        self.write(")")


class _Environment(jinja2.Environment):
    code_generator_class = _Generator

    @staticmethod
    def output(value) -> Markup:
        """markupsafe.escape(_finalize(value)), the same text."""
        if type(value) is Markup:
            return value
        if value is None or isinstance(value, Markup):
            return markupsafe.escape(value)
        return escape(value)

    def getattr(self, obj, attribute):
        """`row.name` on the dicts our renderers pass: the key, found first (Jinja tries the attribute first, and
        catching its AttributeError for every field of every row was a tenth of the rendering)."""
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds in `build/.templates/<digest of this file>/`, as Python keeps its bytecode.

    Jinja checks each against its template's source; the folder's name changes with this file (the
    code generator and the environment's options), so no template compiled by other code is used.
    Compiling the templates costs about a quarter of a second a build. Where the folder cannot be
    written (a read-only checkout), templates are compiled each time.
    """

    @classmethod
    def in_folder(cls, root: Path) -> "_TemplateCache | None":
        """The cache in `root/<digest>/`; other digests' folders there are removed."""
        folder = root / hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()[:16]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for other in root.iterdir():
                if other != folder:
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            return None
        return cls(str(folder))

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file (Jinja only catches some damage): compiled again, and written anew
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # compiled again next time


def environment(bytecode_cache: jinja2.BytecodeCache | None) -> _Environment:
    environment = _Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        bytecode_cache=bytecode_cache,
        autoescape=True,
        auto_reload=False,  # templates are read once per build (checking their files' times cost a stat per fragment)
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    environment.filters["url"] = lambda url: safe_url(url) or ""
    environment.filters["host"] = lambda url: urlsplit(str(url)).netloc
    environment.filters["mixed"] = mixed
    environment.globals["lang_of"] = lambda text: "zh-Hans" if HAN.search(str(text)) else "en"
    return environment


HAN = re.compile(r"[\u3400-\u9fff]")


def mixed(text) -> Markup:
    """Text quoted as written (a source's publisher, title, quote), in its own language, the other script's runs tagged."""
    return _mixed(str(text))


@lru_cache(maxsize=4096)  # publishers, titles and quotes recur in note after note
def _mixed(text: str) -> Markup:
    if HAN.search(text) and len(HAN.findall(text)) * 2 >= len(re.findall(r"[A-Za-z]", text)):
        return Markup('<span lang="zh-Hans">') + marked(text, [], bold=False, latin_lang="en") + Markup("</span>")
    return Markup('<span lang="en">') + marked(text, [], bold=False, han_lang="zh-Hans") + Markup("</span>")


ENVIRONMENT = environment(_TemplateCache.in_folder(Path(__file__).resolve().parents[2] / "build" / ".templates"))


def fragment(template: str, **values) -> Markup:
    """A template filled in, with blank lines removed (a blank line would end an HTML block in Markdown)."""
    text = ENVIRONMENT.get_template(template).render(**values)
    return Markup("\n".join(line for line in text.splitlines() if line.strip()))


def markdown_block(template: str, **values) -> str:
    """A Markdown template filled in; its blank lines (from the template, never from a value) are kept."""
    text = ENVIRONMENT.get_template(template).render(**values)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def front_matter(**fields) -> str:
    """YAML front matter; every value is escaped text, written as a JSON string (valid YAML)."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, (list, tuple)) and all(isinstance(item, dict) for item in value) and value:
            # records for the theme's templates (e.g. a text's contents): every text value escaped, like the title
            records = [{name: item_value if isinstance(item_value, int) else str(escape(item_value)) for name, item_value in item.items()} for item in value]
            lines.append(f"{key}: {json.dumps(records, ensure_ascii=False)}")
        elif isinstance(value, (list, tuple)):  # our own words (e.g. `hide: [navigation, toc]`), never a source's
            lines.append(f"{key}: {json.dumps(list(value))}")
        elif value is not None:
            lines.append(f"{key}: {json.dumps(str(escape(value)), ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])
