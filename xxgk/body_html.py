"""What the build does to a body once it is sanitised: headings fitted below the page's own, and
tables made scrollable. Both work on the sanitiser's output, which is well-formed and escapes every
`<` in text, so a tag is always a tag here."""

from __future__ import annotations

import re
from collections.abc import Callable

HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])")
TABLE_TAG = re.compile(r"<(/?)table(?=[\s>])")
DEEPEST = 6


def fit_headings(html: str, top: int) -> str:
    """Heading levels in one pass: the body's highest heading becomes `top` (h2 under a page's h1,
    h3 inside a report section), and no heading is more than one level below the one before it.
    `# A`, a pasted `<h1>B</h1>` and `## C` become h2, h2, h3; `## A` then `#### B` become h2, h3."""
    written = [int(level) for closing, level in HEADING_TAG.findall(html) if not closing]
    if not written:
        return html
    shift = top - min(written)
    previous = top - 1
    current = top

    def replace(match: re.Match[str]) -> str:
        nonlocal previous, current
        if match.group(1):  # headings never nest, so a closing tag closes the last one opened
            return f"</h{current}"
        current = min(int(match.group(2)) + shift, previous + 1, DEEPEST)
        previous = current
        return f"<h{current}"

    return HEADING_TAG.sub(replace, html)


def wrap_tables(html: str, wrap: Callable[[str], str]) -> str:
    """Each outermost table passed through `wrap` (the table-wrap component); tables inside tables stay."""
    parts: list[str] = []
    depth = 0
    start = 0  # where the text not yet copied begins
    opened = 0  # where the outermost open table begins
    for match in TABLE_TAG.finditer(html):
        if not match.group(1):
            if depth == 0:
                parts.append(html[start:match.start()])
                opened = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                end = html.index(">", match.end()) + 1
                parts.append(wrap(html[opened:end]))
                start = end
    if depth:  # never from the sanitiser; keep the text as it was rather than lose it
        return html
    parts.append(html[start:])
    return "".join(parts)
