"""Text as the search index sees it: plain text from HTML, Traditional characters folded to
Simplified, and every Han character a separate word (U+200B between them), so the index and the
browser always agree on word boundaries (see docs/search.md for the measurements behind this)."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

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
