"""Reading and validating catalogue.csv, the standard catalogue (标准目录), with frictionless."""

from __future__ import annotations

from pathlib import Path

from . import csv_table
from .model import Catalogue, CatalogueItem
from .problems import Problems
from .textfile import read_text

SCHEMA_NAME = "catalogue.schema.json"
CHANNEL_SEPARATOR = "、"


def field_names() -> list[str]:
    return csv_table.field_names(SCHEMA_NAME)


def build_items(header: list[str], rows: list[tuple[int, list[str]]]) -> tuple[CatalogueItem, ...]:
    items = []
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        value = csv_table.row_values(SCHEMA_NAME, header, cells)
        channels = tuple(c.strip() for c in value["公开渠道和载体"].split(CHANNEL_SEPARATOR) if c.strip())
        items.append(CatalogueItem(
            id=value["编号"], level1=value["一级事项"], level2=value["二级事项"], content=value["公开内容"],
            basis=value["公开依据"], time_limit=value["公开时限"], responsible=value["公开主体"], channels=channels,
            audience=value["公开对象"], mode=value["公开方式"], level=value["公开层级"], line=line))
    return tuple(items)


def load_catalogue(path: Path, problems: Problems) -> Catalogue | None:
    """Read catalogue.csv, reporting every problem with its line, row and column."""
    if not path.is_file():
        problems.error("missing-file", "缺少标准目录文件 catalogue.csv", path)
        return None
    source = read_text(path, problems)
    if source is None:
        return None
    header, rows = csv_table.read_rows(source.text)
    errors_before = len(problems.errors)
    if not csv_table.check_header(SCHEMA_NAME, header, path, problems):
        return None
    csv_table.validate_rows(SCHEMA_NAME, source.text, path, header, rows, problems)
    csv_table.check_cell_characters(SCHEMA_NAME, header, rows, path, problems)
    items = build_items(header, rows)
    if not items:
        problems.error("empty", "标准目录没有任何事项", path, 1)
    elif not any(item.proactive for item in items):
        problems.error("no-proactive", "标准目录中没有“主动”公开的事项，法定主动公开内容将没有子栏目", path, 1)
    if len(problems.errors) > errors_before:
        return None
    return Catalogue(items)
