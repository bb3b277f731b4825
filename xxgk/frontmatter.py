"""Splitting a Markdown file into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problems

FENCE = "---"


@dataclass(frozen=True)
class Split:
    yaml_text: str
    yaml_line: int  # file line of the first YAML line
    body: str
    body_line: int  # file line of the first body line


def split_front_matter(text: str, path: Path, problems: Problems) -> Split | None:
    """Front matter is YAML between a first line `---` and the next `---` (or `...`) line."""
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        problems.error("front-matter", "缺少 front matter：文件第一行应为 ---，接着写 title: 等字段，再以 --- 结束",
                       path, 1)
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in (FENCE, "..."):
            yaml_text = "\n".join(lines[1:number - 1])
            body = "\n".join(lines[number:])
            return Split(yaml_text, 2, body, number + 1)
    problems.error("front-matter", "front matter 没有结束：第 1 行的 --- 之后找不到结束的 --- 行", path, 1)
    return None
