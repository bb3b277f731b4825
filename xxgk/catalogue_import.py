"""A department's catalogue as it publishes it (an .xlsx or .csv spreadsheet: a title row, a header of
one or two rows with merged cells, ticks (√) under 公开对象 / 公开方式 / 公开层级, 一级事项 merged down
the rows) turned into content/catalogue.csv."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import CHANNEL_SEPARATOR, field_names

# our column -> the names spreadsheets give it (after dropping spaces and anything in brackets)
ALIASES = {
    "编号": ("编号", "事项编号", "目录编号"),
    "一级事项": ("一级事项", "公开事项", "事项类别"),
    "二级事项": ("二级事项", "事项名称", "具体事项"),
    "公开内容": ("公开内容", "公开内容要素", "要素"),
    "公开依据": ("公开依据", "依据"),
    "公开时限": ("公开时限", "时限"),
    "公开主体": ("公开主体", "责任主体", "公开责任主体"),
    "公开渠道和载体": ("公开渠道和载体", "公开渠道", "公开载体", "公开渠道及载体"),
    "公开对象": ("公开对象",),
    "公开方式": ("公开方式",),
    "公开层级": ("公开层级",),
}
TICKED_GROUPS = ("公开渠道和载体", "公开对象", "公开方式", "公开层级")  # columns a sheet may split into ticks
NOT_TICKED = {"", "×", "✗", "否", "无", "-", "—", "/", "／"}
SAME_AS_ABOVE = "同上"
FILLED_DOWN = ("一级事项", "公开主体", "公开对象", "公开方式")  # required: an empty cell was a merged one
HEADER_SEARCH_ROWS = 15


class ImportError_(Exception):
    """The spreadsheet cannot be read as a catalogue (the message is for the clerk)."""


@dataclass
class Imported:
    csv_text: str
    rows: int
    level1: int
    notes: list[str] = field(default_factory=list)


def plain(text: str) -> str:
    """A header cell without spaces, line breaks or a bracketed note: 公开内容（要素） -> 公开内容."""
    return re.sub(r"[（(][^）)]*[）)]|\s", "", text)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def read_xlsx(path: Path) -> list[list[str]]:
    import openpyxl  # only for .xlsx (frictionless[excel] brings it)
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise ImportError_(f"无法读取 {path.name}：不是有效的 .xlsx 文件（{error}）") from error
    sheet = book.worksheets[0]
    rows = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:  # a merged cell holds its value in the top-left cell only
        value = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                rows[r][c] = value
    return rows


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # spreadsheet programs on Chinese Windows export GB18030
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportError_(f"无法读取 {path.name}：既不是 UTF-8 也不是 GBK/GB18030 编码")
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


def read_sheet(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(path)
    if suffix == ".csv":
        return read_csv(path)
    raise ImportError_(f"{path.name}：只能导入 .xlsx 或 .csv 文件（.xls、.et 等请先用 Excel 或 WPS 另存为 .xlsx）")


def our_name(header: str) -> str | None:
    name = plain(header)
    return next((ours for ours, names in ALIASES.items() if name in names), None)


@dataclass(frozen=True)
class Column:
    index: int
    name: str  # ours
    tick: str | None = None  # for a ticked column: the value its tick stands for (全社会, 主动, 县级, 政府网站…)


def is_sub_header(row: list[str], below: list[str]) -> bool:
    """Whether `below` is the second row of a two-row header: under every plain column it is empty or
    repeats the column (merged down), and it names at least one sub-column."""
    names_something = False
    for index, cell in enumerate(row):
        sub = below[index] if index < len(below) else ""
        name = our_name(cell)
        if sub and our_name(sub) is not None and plain(sub) != plain(cell):
            names_something = True
        elif name is not None and name not in TICKED_GROUPS and sub not in ("", cell):
            return False
        elif name in TICKED_GROUPS and sub and plain(sub) != plain(cell):
            names_something = True
    return names_something


def find_columns(rows: list[list[str]]) -> tuple[int, list[Column]]:
    """The first data row and the columns, from a header of one row or two (a group over its ticks)."""
    for at, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [our_name(cell) for cell in row]
        if "公开内容" not in names and "一级事项" not in names:
            continue
        below = rows[at + 1] if at + 1 < len(rows) else []
        if not is_sub_header(row, below):
            return at + 1, [Column(index, name) for index, name in enumerate(names) if name is not None]
        columns: list[Column] = []
        group = ""
        for index, cell in enumerate(row):
            group = cell or group  # a CSV export keeps a merged group's name in its first cell only
            sub = below[index] if index < len(below) else ""
            name, sub_name = our_name(group), our_name(sub) if sub else None
            if sub_name is not None:  # 公开事项 over 一级事项 and 二级事项
                columns.append(Column(index, sub_name))
            elif name in TICKED_GROUPS and sub and plain(sub) != plain(group):
                columns.append(Column(index, name, plain(sub)))
            elif name is not None and cell:
                columns.append(Column(index, name))
        return at + 2, columns
    raise ImportError_("没有找到表头：前 15 行中应有“一级事项”（或“公开事项”）和“公开内容”两列")


def import_catalogue(path: Path) -> Imported:
    rows = read_sheet(path)
    first, columns = find_columns(rows)
    notes: list[str] = []
    found = {c.name for c in columns}
    for required in ("一级事项", "公开内容"):
        if required not in found:
            raise ImportError_(f"表头中没有“{required}”列")
    records: list[dict[str, str]] = []
    previous: dict[str, str] = {}
    for number, row in enumerate(rows[first:], start=first + 1):
        if not any(row):
            continue
        record: dict[str, str] = {}
        ticks: dict[str, list[str]] = {}
        for column in columns:
            value = row[column.index] if column.index < len(row) else ""
            if column.tick is not None:
                if value not in NOT_TICKED:
                    ticks.setdefault(column.name, []).append(column.tick)
            elif value:
                record[column.name] = value
        for name, ticked in ticks.items():
            if name == "公开方式" and len(ticked) > 1:
                notes.append(f"第{number}行 公开方式同时勾选了{'、'.join(ticked)}，按“主动”导入")
                ticked = ["主动"]
            record[name] = CHANNEL_SEPARATOR.join(ticked)
        if not record.get("公开内容") and not record.get("二级事项"):
            continue  # a note or a subtotal row, not an item
        for name, value in list(record.items()):
            if value == SAME_AS_ABOVE and name != "公开时限" and previous.get(name):  # 公开时限 同上 is understood
                record[name] = previous[name]
        for name in FILLED_DOWN:
            if not record.get(name) and previous.get(name):
                record[name] = previous[name]
        records.append(record)
        previous = record
    if not records:
        raise ImportError_("表头下面没有任何事项")
    number_items(records, "编号" in found)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(field_names())
    for record in records:
        writer.writerow([record.get(name, "") for name in field_names()])
    return Imported(out.getvalue(), len(records), len({r.get("一级事项") for r in records}), notes)


def number_items(records: list[dict[str, str]], numbered: bool) -> None:
    """编号 `NN-MM` (一级事项 in order of appearance, then the row within it), unless the sheet has them."""
    if numbered and all(r.get("编号") for r in records):
        return
    groups: dict[str, int] = {}
    within: dict[str, int] = {}
    for record in records:
        level1 = record.get("一级事项", "")
        groups.setdefault(level1, len(groups) + 1)
        within[level1] = within.get(level1, 0) + 1
        record["编号"] = f"{groups[level1]:02d}-{within[level1]:02d}"
