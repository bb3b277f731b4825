"""Text as the search index sees it: plain text from HTML, Traditional characters folded to
Simplified, and every Han character a separate word (U+200B between them), so the index and the
browser always agree on word boundaries (see docs/search.md for the measurements behind this)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

from .simplified import table as simplified_table
from .simplified import to_simplified

ZERO_WIDTH_SPACE = "\u200b"
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A word boundary between Han characters, and around every run of digits and Latin letters
# (〔2025〕1号, 2024—2030年), so numbers are words of their own whatever punctuation touches them.
BETWEEN_HAN = re.compile(f"(?<=[{HAN}])(?=[{HAN}])|(?<=[0-9A-Za-z])(?=[^0-9A-Za-z\\s])|(?<=[^0-9A-Za-z\\s])(?=[0-9A-Za-z])")
BLOCK_TAGS = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "caption",
              "blockquote", "pre", "dt", "dd"}


class TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    extractor = TextExtractor()
    extractor.feed(html)
    extractor.close()
    return re.sub(r"[ \t]*\n\s*", "\n", "".join(extractor.parts)).strip()


def split_han(text: str) -> str:
    """Every Han character its own word: 政务公开12号 -> 政\u200b务\u200b公\u200b开\u200b12\u200b号."""
    return BETWEEN_HAN.sub(ZERO_WIDTH_SPACE, text)


# Marks that sit inside names and numbers (〔2025〕, 《办法》, “双随机、一公开”, 2024—2030): the index
# gives them a word position of their own, which would break a phrase typed without them, so the
# index copy has a space instead. Sentence punctuation stays, for readable excerpts.
JOINERS = re.compile(r"[〔〕()\[\]【】{}《》〈〉<>“”‘’\"'「」『』—–\-_/·、]+")


def index_text(text: str) -> str:
    simplified = to_simplified(unicodedata.normalize("NFKC", text))
    return split_han(JOINERS.sub(" ", simplified))


@lru_cache(maxsize=1)
def _foldable() -> tuple[frozenset[str], tuple[str, ...]]:
    """What Traditional to Simplified may change: the table's characters, and its phrases."""
    table = simplified_table()
    return frozenset(table["chars"]), tuple(table["phrases"])


def excerpt_text(text: str) -> str:
    """The page's own text for the search page's excerpts, stored short: "~" for each letter, digit or
    character that the index copy has unchanged (the browser takes it from Pagefind's copy of the text),
    "^" before a "~" or "^" of the text, anything else as written (marks, spaces, Traditional characters,
    full-width digits). Pagefind indexes metadata as words; "~" and marks make none.

    Only the characters that Traditional to Simplified may change, or that NFKC does not keep one
    character, are looked at one by one."""
    chars = set(text)
    normal = {char: unicodedata.normalize("NFKC", char) for char in chars}
    normalized = unicodedata.normalize("NFKC", text)
    folded = to_simplified(normalized)  # the index copy's characters (search_text.index_text)
    if "".join(map(normal.__getitem__, text)) != normalized or len(folded) != len(normalized):
        return text.replace("^", "^^").replace("~", "^~")  # NFKC across characters (rare): all as written
    foldable, phrases = _foldable()
    present = set(normalized)
    in_phrases = {c for phrase in phrases if present.issuperset(phrase) and phrase in normalized for c in phrase}
    special = {c for c in chars if len(normal[c]) != 1 or c in foldable or c in in_phrases}
    kept = special | {c for c in chars if normal[c] != c}  # never "~" without a look
    # letters, digits and characters (str.isalnum, as \w without "_") other than those
    unchanged = re.compile("[^\\W_" + "".join(map(re.escape, sorted(kept))) + "]")

    def short(part: str) -> str:
        return unchanged.sub("~", part.replace("^", "^^").replace("~", "^~"))

    if not special:
        return short(text)
    out, last, shift = [], 0, 0  # shift: how much longer NFKC made the text so far
    for match in re.finditer("[" + "".join(map(re.escape, sorted(special))) + "]", text):
        at, char = match.start(), match.group()
        out.append(short(text[last:at]))
        same = normal[char] == char and folded[at + shift] == char and char.isalnum()
        out.append("~" if same else short(char))
        shift += len(normal[char]) - 1
        last = at + 1
    out.append(short(text[last:]))
    return "".join(out)
