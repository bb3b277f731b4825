"""Markdown to HTML for page bodies, with table header cells given their scope. (Links are resolved
and the HTML cleaned afterwards by `sanitize`; headings and tables are finished by `body_html`.)"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ["tables", "sane_lists", "fenced_code"]


class TableScopes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            for head in table.iter("thead"):
                for cell in head.iter("th"):
                    cell.set("scope", "col")
            for body in table.iter("tbody"):
                for row in body.iter("tr"):
                    for cell in row.iter("th"):
                        cell.set("scope", "row")


class BodyExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(TableScopes(md), "xxgk-table-scopes", 5)


_instance: markdown.Markdown | None = None  # one per process: building the parser costs more than a body


def render_markdown(text: str) -> str:
    global _instance
    if _instance is None:
        _instance = markdown.Markdown(extensions=[*EXTENSIONS, BodyExtension()], output_format="html")
    return _instance.reset().convert(text)
