"""Reading a CSV file against its Table Schema (schema/*.json, validated with frictionless): rows with
their line numbers, the header matched by column name, and every problem as a Chinese message naming
the line, the row and the column. The standard catalogue and the 行政许可/行政处罚 records use it."""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

from .problems import Problems
from .schemas import load_schema
from .text_safety import code_point, refused_character

Rows = list[tuple[int, list[str]]]  # (first line of the row, its cells)
# Keys of our own in a field of a schema/ Table Schema, kept from frictionless:
HINT = "x-pattern-hint"  # what a value must look like, said to the clerk when its pattern does not match
IDENTIFIER = "x-identifier"  # a key other files refer to: invisible characters are refused, not only control ones
OPTIONAL_COLUMN = "x-column-optional"  # a column the file may leave out without a warning


def fields(schema_name: str) -> list[dict]:
    return load_schema(schema_name)["fields"]


def field_names(schema_name: str) -> list[str]:
    return [f["name"] for f in fields(schema_name)]


def required_names(schema_name: str) -> list[str]:
    return [f["name"] for f in fields(schema_name) if f.get("constraints", {}).get("required")]


def read_rows(text: str) -> tuple[list[str], Rows]:
    """Header and (start line, cells) for every row; lines count from 1 and quoted newlines are kept."""
    reader = csv.reader(io.StringIO(text))
    rows: Rows = []
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


def check_header(schema_name: str, header: list[str], path: Path, problems: Problems) -> bool:
    """Every column of the schema present once; False when a required one is missing."""
    known = field_names(schema_name)
    expected = [f["name"] for f in fields(schema_name) if not f.get(OPTIONAL_COLUMN)]
    required = required_names(schema_name)
    missing = [name for name in expected if name not in header]
    for name in missing:
        close = difflib.get_close_matches(name, [h for h in header if h not in known], n=1, cutoff=0.5)
        guess = f"（表头中的“{close[0]}”是不是它？）" if close else ""
        if name in required:
            problems.error("header", f"表头缺少必需的列“{name}”{guess}", path, 1, field=name)
        else:
            problems.warning("header", f"表头缺少列“{name}”，该列按空白处理{guess}", path, 1, field=name)
    for name in sorted({h for h in header if header.count(h) > 1}):
        problems.error("header", f"表头中“{name}”列出现了多次", path, 1, field=name)
    return not any(name in required for name in missing)


def describe(error: dict, row_label: str, schema_name: str) -> tuple[str, str]:
    """Code and Chinese message for one frictionless error."""
    field, cell, note = error.get("fieldName"), error.get("cell"), error.get("note") or ""
    spec = next((f for f in fields(schema_name) if f["name"] == field), {})
    if error["type"] == "unique-error":
        other = note.rsplit(" ", 1)[-1]
        return "duplicate-id", f"{row_label} {field} \"{cell}\" 与第{other}行重复：{field}必须唯一"
    if error["type"] == "constraint-error":
        if note.startswith('constraint "required"'):
            return "required", f"{row_label} {field} 不能为空"
        if note.startswith('constraint "enum"'):
            allowed = spec["constraints"]["enum"]
            return "enum", f"{row_label} {field} \"{cell}\" 不是允许的值，应为 {' 或 '.join(allowed)}"
        if note.startswith('constraint "pattern"'):
            return "pattern", f"{row_label} {field} \"{cell}\" 格式不对，{spec.get(HINT, '请按说明填写')}"
    if error["type"] == "type-error" and spec.get("type") == "date":
        return "date", f"{row_label} {field} \"{cell}\" 不是有效日期，应写成 YYYY-MM-DD（如 2024-03-01）"
    if error["type"] == "extra-cell":
        return "extra-cell", f"{row_label} 单元格比表头多：内容里的英文逗号需要整格加双引号，或改用中文逗号"
    if error["type"] == "missing-cell":
        return "missing-cell", f"{row_label} 单元格比表头少，缺少“{field}”列"
    return "csv", f"{row_label} {field or ''} {error.get('message', '')}".strip()


def frictionless_fields(schema_name: str, header: list[str]) -> list[dict]:
    """The schema's fields present in the file, without our own keys."""
    return [{k: v for k, v in f.items() if not k.startswith("x-")} for f in fields(schema_name) if f["name"] in header]


def validate_rows(schema_name: str, text: str, path: Path, header: list[str], rows: Rows,
                  problems: Problems) -> set[int]:
    """Every row against the schema; returns the lines of the rows with errors."""
    from frictionless import Resource, Schema  # slow to import: only when the file is not in the build cache
    schema = Schema.from_descriptor({"fields": frictionless_fields(schema_name, header)})
    schema.fields_match = "subset"  # match columns by header name
    resource = Resource(data=text.encode("utf-8"), format="csv", encoding="utf-8", schema=schema)
    report = resource.validate(limit_errors=10_000)
    line_of = {position: line for position, (line, _cells) in enumerate(rows, start=2)}
    columns = ["type", "rowNumber", "fieldName", "cell", "note", "message"]
    records = [dict(zip(columns, error, strict=False)) for error in report.flatten(columns)]
    # A row with too many or too few cells has its values shifted: report only that, once.
    misaligned = {r["rowNumber"] for r in records if r["type"] in ("extra-cell", "missing-cell")}
    reported: set[int] = set()
    failed: set[int] = set()
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
        code, message = describe(record, f"第{position}行", schema_name)
        line = line_of.get(position, position)
        failed.add(line)
        problems.error(code, message, path, line, field=record["fieldName"])
    return failed


def check_cell_characters(schema_name: str, header: list[str], rows: Rows, path: Path,
                          problems: Problems) -> set[int]:
    """Control and direction-changing characters (invisible ones too in identifiers): cells are shown
    on pages and in feeds. Returns the lines of the rows with such characters."""
    identifiers = {f["name"] for f in fields(schema_name) if f.get(IDENTIFIER)}
    failed: set[int] = set()
    for line, cells in rows:
        for column, cell in zip(header, cells, strict=False):
            refused = refused_character(cell, identifier=column in identifiers)
            if refused:
                failed.add(line)
                problems.error("character", f"“{column}”列含有{refused[0]}（{code_point(refused[1])}），请删除后重新输入",
                               path, line, column)
    return failed


def row_values(schema_name: str, header: list[str], cells: list[str]) -> dict[str, str]:
    """A row as {column: stripped value}, with every schema column present ("" when absent)."""
    value = dict.fromkeys(field_names(schema_name), "")
    value.update({name: cells[i].strip() for i, name in enumerate(header) if i < len(cells) and name in value})
    return value
