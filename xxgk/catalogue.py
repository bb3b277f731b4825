"""Reading and validating catalogue.csv, the standard catalogue (标准目录), with frictionless."""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

from .model import Catalogue, CatalogueItem
from .problems import Problems
from .schemas import load_schema
from .text_safety import code_point, refused_character
from .textfile import read_text

SCHEMA_NAME = "catalogue.schema.json"
CHANNEL_SEPARATOR = "、"


def field_names() -> list[str]:
    return [f["name"] for f in load_schema(SCHEMA_NAME)["fields"]]


def required_names() -> list[str]:
    return [f["name"] for f in load_schema(SCHEMA_NAME)["fields"] if f.get("constraints", {}).get("required")]


def read_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (start line, cells) for every row; lines count from 1 and quoted newlines are kept."""
    reader = csv.reader(io.StringIO(text))
    rows: list[tuple[int, list[str]]] = []
    header: list[str] = []
    last_line = 0
    for cells in reader:
        start = last_line + 1
        last_line = reader.line_num
        if not header and not rows:
            header = [c.strip() for c in cells]
            continue
        rows.append((start, cells))
    return header, rows


def check_header(header: list[str], path: Path, problems: Problems) -> bool:
    known = field_names()
    missing = [name for name in known if name not in header]
    for name in missing:
        close = difflib.get_close_matches(name, [h for h in header if h not in known], n=1, cutoff=0.5)
        guess = f"（表头中的“{close[0]}”是不是它？）" if close else ""
        if name in required_names():
            problems.error("header", f"表头缺少必需的列“{name}”{guess}", path, 1, field=name)
        else:
            problems.warning("header", f"表头缺少列“{name}”，该列按空白处理{guess}", path, 1, field=name)
    for name in {h for h in header if header.count(h) > 1}:
        problems.error("header", f"表头中“{name}”列出现了多次", path, 1, field=name)
    return not any(name in required_names() for name in missing)


def describe(error: dict, row_label: str) -> tuple[str, str]:
    """Code and Chinese message for one frictionless error."""
    field, cell, note = error.get("fieldName"), error.get("cell"), error.get("note") or ""
    if error["type"] == "unique-error":
        other = note.rsplit(" ", 1)[-1]
        return "duplicate-id", f"{row_label} {field} \"{cell}\" 与第{other}行重复：编号必须唯一"
    if error["type"] == "constraint-error":
        if note.startswith('constraint "required"'):
            return "required", f"{row_label} {field} 不能为空"
        if note.startswith('constraint "enum"'):
            allowed = [f for f in load_schema(SCHEMA_NAME)["fields"] if f["name"] == field][0]["constraints"]["enum"]
            return "enum", f"{row_label} {field} \"{cell}\" 不是允许的值，应为 {' 或 '.join(allowed)}"
        if note.startswith('constraint "pattern"'):
            return "pattern", f"{row_label} {field} \"{cell}\" 格式不对，应只用字母、数字、点、短横线和下划线，且以字母或数字开头"
    if error["type"] == "extra-cell":
        return "extra-cell", f"{row_label} 单元格比表头多：内容里的英文逗号需要整格加双引号，或改用中文逗号"
    if error["type"] == "missing-cell":
        return "missing-cell", f"{row_label} 单元格比表头少，缺少“{field}”列"
    return "csv", f"{row_label} {field or ''} {error.get('message', '')}".strip()


def validate_rows(text: str, path: Path, header: list[str], rows: list[tuple[int, list[str]]],
                  problems: Problems) -> None:
    from frictionless import Resource, Schema  # slow to import: only when the catalogue is not in the build cache
    schema = Schema.from_descriptor(load_schema(SCHEMA_NAME))
    present = [f for f in schema.fields if f.name in header]
    schema = Schema(fields=present, fields_match="subset")  # match columns by header name
    resource = Resource(data=text.encode("utf-8"), format="csv", encoding="utf-8", schema=schema)
    report = resource.validate(limit_errors=10_000)
    line_of = {position: line for position, (line, _cells) in enumerate(rows, start=2)}
    columns = ["type", "rowNumber", "fieldName", "cell", "note", "message"]
    records = [dict(zip(columns, error, strict=False)) for error in report.flatten(columns)]
    # A row with too many or too few cells has its values shifted: report only that, once.
    misaligned = {r["rowNumber"] for r in records if r["type"] in ("extra-cell", "missing-cell")}
    reported: set[int] = set()
    for record in records:
        position = record["rowNumber"]
        if record["type"] == "blank-row":
            continue
        if position is None:
            problems.error("csv", record["message"] or "CSV 格式错误", path, 1)
            continue
        if position in misaligned:
            if record["type"] not in ("extra-cell", "missing-cell") or position in reported:
                continue
            reported.add(position)
        code, message = describe(record, f"第{position}行")
        problems.error(code, message, path, line_of.get(position, position), field=record["fieldName"])


def build_items(header: list[str], rows: list[tuple[int, list[str]]]) -> tuple[CatalogueItem, ...]:
    items = []
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        value = dict.fromkeys(field_names(), "")
        value.update({name: cells[i].strip() for i, name in enumerate(header) if i < len(cells)})
        channels = tuple(c.strip() for c in value["公开渠道和载体"].split(CHANNEL_SEPARATOR) if c.strip())
        items.append(CatalogueItem(
            id=value["编号"], level1=value["一级事项"], level2=value["二级事项"], content=value["公开内容"],
            basis=value["公开依据"], time_limit=value["公开时限"], responsible=value["公开主体"], channels=channels,
            audience=value["公开对象"], mode=value["公开方式"], level=value["公开层级"], line=line))
    return tuple(items)


def check_cell_characters(header: list[str], rows: list[tuple[int, list[str]]], path: Path,
                          problems: Problems) -> None:
    """Control, direction-changing and (in 编号) invisible characters: catalogue names are shown on every
    page of their sub-column and in the feed."""
    for line, cells in rows:
        for column, cell in zip(header, cells, strict=False):
            refused = refused_character(cell, identifier=column == "编号")
            if refused:
                problems.error("character", f"“{column}”列含有{refused[0]}（{code_point(refused[1])}），请删除后重新输入",
                               path, line, column)


def load_catalogue(path: Path, problems: Problems) -> Catalogue | None:
    """Read catalogue.csv, reporting every problem with its line, row and column."""
    if not path.is_file():
        problems.error("missing-file", "缺少标准目录文件 catalogue.csv", path)
        return None
    source = read_text(path, problems)
    if source is None:
        return None
    header, rows = read_rows(source.text)
    errors_before = len(problems.errors)
    if not check_header(header, path, problems):
        return None
    validate_rows(source.text, path, header, rows, problems)
    check_cell_characters(header, rows, path, problems)
    items = build_items(header, rows)
    if not items:
        problems.error("empty", "标准目录没有任何事项", path, 1)
    elif not any(item.proactive for item in items):
        problems.error("no-proactive", "标准目录中没有“主动”公开的事项，法定主动公开内容将没有子栏目", path, 1)
    if len(problems.errors) > errors_before:
        return None
    return Catalogue(items)
