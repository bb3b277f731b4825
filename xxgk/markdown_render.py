"""Markdown to HTML for page bodies, with table header cells given their scope and column alignment
given as a class of the site's stylesheet. (Links are resolved and the HTML cleaned afterwards by
`sanitize`; headings and tables are finished by `body_html`.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ["tables", "sane_lists", "fenced_code"]


# Python-Markdown writes a column's alignment (`|---:|`) as an inline style, which the sanitiser removes
# from every body; the site's stylesheet has a class for each alignment instead.
ALIGNMENT_STYLE = re.compile(r"^text-align: (left|center|right);$")


class TableCells(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            for cell in (*table.iter("th"), *table.iter("td")):
                alignment = ALIGNMENT_STYLE.match(cell.get("style", ""))
                if alignment:
                    del cell.attrib["style"]
                    cell.set("class", f"align-{alignment[1]}")
            for head in table.iter("thead"):
                for cell in head.iter("th"):
                    cell.set("scope", "col")
            for body in table.iter("tbody"):
                for row in body.iter("tr"):
                    for cell in row.iter("th"):
                        cell.set("scope", "row")


class BodyExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(TableCells(md), "xxgk-table-cells", 5)


_instance: markdown.Markdown | None = None  # one per process: building the parser costs more than a body


def render_markdown(text: str) -> str:
    global _instance
    if _instance is None:
        _instance = markdown.Markdown(extensions=[*EXTENSIONS, BodyExtension()], output_format="html")
    return _instance.reset().convert(text)
