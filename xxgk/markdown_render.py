"""Markdown to HTML for page bodies, with table header cells given their scope and column alignment
given as a class of the site's stylesheet. (Links are resolved and the HTML cleaned afterwards by
`sanitize`; headings and tables are finished by `body_html`.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# nl2br: a clerk writes one contact or item per line, as in a Word document (联系人：…⏎联系电话：…); Markdown
# would join them into one run of text.
EXTENSIONS = ["tables", "sane_lists", "fenced_code", "nl2br"]


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


# Python-Markdown's time grows with the square of unmatched brackets in a block ('[' * 10000 takes minutes)
# and its recursion with nesting: bodies beyond these bounds are refused before conversion.
MAX_BRACKETS_PER_BLOCK = 2000
MAX_NESTING = 24


def conversion_hazard(text: str) -> tuple[int, str] | None:
    """(line index in `text`, what is wrong) when converting the body would take unbounded time or depth."""
    brackets, block_start, fenced = 0, 0, False
    for index, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:  # code is shown as written: neither its brackets nor its indentation cost anything
            continue
        if not line.strip():
            brackets, block_start = 0, index + 1
            continue
        brackets += line.count("[") + line.count("]")
        if brackets > MAX_BRACKETS_PER_BLOCK:
            return block_start, (f"一个段落中的方括号“[”“]”超过 {MAX_BRACKETS_PER_BLOCK} 个，转换会极慢；"
                                 "请检查是否误粘贴了大量符号，或用空行把内容分成几段")
        depth = nesting(line)
        if depth > MAX_NESTING:
            return index, f"列表或引用嵌套了 {depth} 层，超过上限 {MAX_NESTING} 层；请减少缩进或“>”的层数"
    return None


def nesting(line: str) -> int:
    """Levels of list indentation (four spaces or a tab each) and quotation (each '>') a line opens with."""
    expanded = line.expandtabs(4)
    stripped = expanded.lstrip(" >")
    lead = expanded[:len(expanded) - len(stripped)]
    return lead.count(">") + lead.count(" ") // 4


_instance: markdown.Markdown | None = None  # one per process: building the parser costs more than a body


def render_markdown(text: str) -> str:
    global _instance
    if _instance is None:
        _instance = markdown.Markdown(extensions=[*EXTENSIONS, BodyExtension()], output_format="html")
    return _instance.reset().convert(text)
