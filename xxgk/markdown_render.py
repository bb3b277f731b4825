"""Markdown to HTML for page bodies: tables made accessible, headings kept below the page's h1,
and local links and images resolved against the content folder."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ["tables", "sane_lists", "fenced_code"]
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Called with a link target as written; returns the URL to publish, or None when it is broken.
LinkResolver = Callable[[str], str | None]


@dataclass
class Rendered:
    html: str
    broken_links: list[str] = field(default_factory=list)
    local_files: list[str] = field(default_factory=list)  # targets resolved to files to publish


class BodyTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, resolve: LinkResolver, result: Rendered) -> None:
        super().__init__(md)
        self.resolve = resolve
        self.result = result

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
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            if attribute and element.get(attribute) is not None:
                target = element.get(attribute)
                resolved = self.resolve(target)
                if resolved is None:
                    self.result.broken_links.append(target)
                else:
                    element.set(attribute, resolved)

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
    def __init__(self, resolve: LinkResolver, result: Rendered) -> None:
        super().__init__()
        self.resolve = resolve
        self.result = result

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(BodyTreeprocessor(md, self.resolve, self.result), "xxgk-body", 5)


def render_markdown(text: str, resolve: LinkResolver) -> Rendered:
    result = Rendered("")
    md = markdown.Markdown(extensions=[*EXTENSIONS, BodyExtension(resolve, result)], output_format="html")
    result.html = md.convert(text)
    return result
