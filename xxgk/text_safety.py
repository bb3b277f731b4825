"""Characters that must not hide in the values of content files. Control characters break the XML
of the feeds and sitemap; bidirectional overrides make text display differently from what it is
(U+202E turns 示发改〔2024〕3号 around); zero-width characters make two identifiers that look the
same differ (an 索引号 plus U+200B is a second document with "the same" number). In identifiers all
three are errors; in other text the invisible ones are removed with a warning, the others are errors."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .problems import Problems
from .schemas import FieldNames, load_schema
from .yamlsource import Located

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Removed from ordinary text. U+200D (zero-width joiner) joins emoji sequences there, so it stays.
INVISIBLE = re.compile(r"[\u200b\u200c\u2060-\u2064\ufeff\u00ad\u180e]")
# Blank letters that show nothing (Hangul fillers) and variation selectors, besides every format character (Cf).
BLANK = re.compile(r"[\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\U000e0100-\U000e01ef]")
IDENTIFIERS = {"index_no", "doc_no", "interprets", "replaced_by", "catalogue", "file"}
# XML 1.0 allows none of these, whatever the source: the feeds and sitemap drop them as a last resort.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def refused_character(text: str, identifier: bool) -> tuple[str, str] | None:
    """(what kind, the character) of the first character that is an error in this text, or None. In an
    identifier every character that shows nothing is one: two 索引号 that look the same must be the same."""
    for pattern, what in ((CONTROL, "控制字符"), (BIDI, "改变文字方向的字符")):
        found = pattern.search(text)
        if found:
            return what, found[0]
    if identifier:
        for character in text:
            if unicodedata.category(character) == "Cf" or BLANK.match(character):
                return "看不见的字符", character
    return None


def code_point(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}{' ' + name if name else ''}"


def check_characters(located: Located, path, schema_name: str, problems: Problems) -> bool:
    """Report unsafe characters in every string value (removing the merely invisible ones from text
    that is not an identifier); False when any is an error."""
    names = FieldNames(load_schema(schema_name))
    ok = True

    def visit(value: Any, key_path: tuple) -> Any:
        nonlocal ok
        if isinstance(value, dict):
            for key in list(value):
                value[key] = visit(value[key], (*key_path, key))
            return value
        if isinstance(value, list):
            for index, item in enumerate(value):
                value[index] = visit(item, (*key_path, index))
            return value
        if not isinstance(value, str):
            return value
        last_key = next((k for k in reversed(key_path) if isinstance(k, str)), "")
        identifier = last_key in IDENTIFIERS
        line, field = located.lines.line(*key_path), names.name(key_path)
        refused = refused_character(value, identifier)
        if refused:
            ok = False
            problems.error("character", f"{field} 含有{refused[0]}（{code_point(refused[1])}），"
                                        f"请删除后重新输入（常见于从网页或其他软件复制的文字）", path, line,
                           ".".join(map(str, key_path)))
            return value
        invisible = None if identifier else INVISIBLE.search(value)
        if invisible:
            problems.warning("character", f"{field} 含有看不见的字符（{code_point(invisible[0])}），已删除", path, line,
                             ".".join(map(str, key_path)))
            return INVISIBLE.sub("", value)
        return value

    visit(located.value, ())  # containers are changed in place
    return ok


def xml_safe(text: str) -> str:
    return NOT_XML.sub("", text)
