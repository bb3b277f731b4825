"""Markdown to HTML for page bodies: tables made accessible and headings kept below the page's h1.
(Links are resolved, and the HTML cleaned, afterwards by `sanitize`.)"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ["tables", "sane_lists", "fenced_code"]
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class BodyTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.demote_headings(root)
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "table":
                    self.make_accessible(element)
                    wrapper = etree.Element("div", {"class": "table-wrap", "role": "region",
                                                    "aria-label": "表格（可左右滚动）", "tabindex": "0"})
                    parent.remove(element)
                    wrapper.append(element)
                    parent.insert(index, wrapper)

    @staticmethod
    def demote_headings(root: etree.Element) -> None:
        """The page title is the only h1: a body that uses `#` moves every heading one level down."""
        if any(element.tag == "h1" for element in root.iter()):
            for element in root.iter():
                if element.tag in HEADINGS[:-1]:
                    element.tag = HEADINGS[HEADINGS.index(element.tag) + 1]

    @staticmethod
    def make_accessible(table: etree.Element) -> None:
        for head in table.iter("thead"):
            for cell in head.iter("th"):
                cell.set("scope", "col")
        for body in table.iter("tbody"):
            for row in body.iter("tr"):
                for cell in row.iter("th"):
                    cell.set("scope", "row")


class BodyExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(BodyTreeprocessor(md), "xxgk-body", 5)


def render_markdown(text: str) -> str:
    md = markdown.Markdown(extensions=[*EXTENSIONS, BodyExtension()], output_format="html")
    return md.convert(text)
