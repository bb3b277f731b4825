"""Text as the search index sees it: plain text from HTML, Traditional characters folded to
Simplified, and every Han character a separate word (U+200B between them), so the index and the
browser always agree on word boundaries (see docs/search.md for the measurements behind this)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

ZERO_WIDTH_SPACE = "\u200b"
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A word boundary between Han characters, and around every run of digits and Latin letters
# (〔2025〕1号, 2024—2030年), so numbers are words of their own whatever punctuation touches them.
BETWEEN_HAN = re.compile(f"(?<=[{HAN}])(?=[{HAN}])|(?<=[0-9A-Za-z])(?=[^0-9A-Za-z\\s])|(?<=[^0-9A-Za-z\\s])(?=[0-9A-Za-z])")
BLOCK_TAGS = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "caption",
              "blockquote", "pre", "dt", "dd"}
# Character ranges whose Traditional forms are mapped for the browser's query conversion.
HAN_BMP_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


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


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: only builds with search need it
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


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


def traditional_map() -> tuple[str, str]:
    """Two equal-length strings: each Traditional character and its Simplified form, for the browser."""
    convert = _t2s().convert
    traditional, simplified = [], []
    for start, end in HAN_BMP_RANGES:
        for code in range(start, end):
            char = chr(code)
            target = convert(char)
            if target != char and len(target) == 1:
                traditional.append(char)
                simplified.append(target)
    return "".join(traditional), "".join(simplified)
