"""The annual report's tables 2, 3 and 4 as grids laid out exactly like the national format
(merged header cells included), every number linked to its row and column headers through
`id`/`headers`; and the same figures as a CSV download."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .model import AnnualReport
from .report_format import (
    APPLICANTS,
    BALANCE_NOTE,
    CARRIED_FORWARD,
    CARRIED_OVER,
    NEW_RECEIVED,
    RESULTS,
    RESULTS_HEADING,
    TABLE2,
    TABLE4_BLOCKS,
    Table3Row,
    cell,
    format_number,
    table3_results,
)


@dataclass(frozen=True)
class GridCell:
    text: str
    header: bool = False
    id: str | None = None
    headers: tuple[str, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False
    scope: str | None = None  # also given on header cells, next to the id/headers associations

    @property
    def headers_attr(self) -> str:
        return " ".join(self.headers)


def head(text: str, id: str, headers: tuple[str, ...] = (), colspan: int = 1, rowspan: int = 1) -> GridCell:
    """A column header: spans several columns (colgroup) or heads one (col)."""
    return GridCell(text, header=True, id=id, headers=headers, colspan=colspan, rowspan=rowspan,
                    scope="colgroup" if colspan > 1 else "col")


def side(text: str, id: str, headers: tuple[str, ...] = (), colspan: int = 1, rowspan: int = 1) -> GridCell:
    """A row header: spans several rows (rowgroup) or heads one (row)."""
    return GridCell(text, header=True, id=id, headers=headers, colspan=colspan, rowspan=rowspan,
                    scope="rowgroup" if rowspan > 1 else "row")


@dataclass(frozen=True)
class Grid:
    id: str
    caption: str
    head: tuple[tuple[GridCell, ...], ...]
    body: tuple[tuple[GridCell, ...], ...]


def number(value: int | float, headers: list[str], colspan: int = 1) -> GridCell:
    return GridCell(format_number(value), headers=tuple(headers), colspan=colspan, numeric=True)


def table2(report: AnnualReport) -> Grid:
    """二、主动公开政府信息情况: four blocks (five in the 2019 format), each titled by its article item."""
    width = 1 + max(len(block.columns) for block in TABLE2[report.format])
    body: list[tuple[GridCell, ...]] = []
    for b, block in enumerate(TABLE2[report.format], start=1):
        block_id, content_id = f"t2-b{b}", f"t2-b{b}-content"
        body.append((head(block.heading, block_id, colspan=width),))
        span = (width - 1) // len(block.columns)
        columns = [GridCell("信息内容", header=True, id=content_id, headers=(block_id,), scope="col")]
        columns += [GridCell(label, header=True, id=f"t2-b{b}-{key}", headers=(block_id,), colspan=span, scope="col")
                    for key, label in block.columns]
        body.append(tuple(columns))
        for row_key, row_label in block.rows:
            row_id = f"t2-{row_key}"
            cells = [side(row_label, row_id, (block_id, content_id))]
            cells += [number(report.proactive[row_key][key], [block_id, row_id, f"t2-b{b}-{key}"], span)
                      for key, _label in block.columns]
            body.append(tuple(cells))
    return Grid("table-2", "主动公开政府信息情况", (), tuple(body))


def column_headers(column: int) -> list[str]:
    return ["t3-applicant", *(["t3-org"] if 1 <= column <= 5 else []), f"t3-c{column}"]


def table3_row_id(row: Table3Row) -> str:
    return "t3-r-" + "-".join(row.path).replace("_", "-")


def table3(report: AnnualReport) -> Grid:
    """三、收到和处理政府信息公开申请情况, with its three header rows and the 三、本年度办理结果 row group."""
    header_rows = (
        (head(BALANCE_NOTE, "t3-note", colspan=3, rowspan=3), head("申请人情况", "t3-applicant", colspan=7)),
        (head(APPLICANTS[0], "t3-c0", ("t3-applicant",), rowspan=2),
         head("法人或其他组织", "t3-org", ("t3-applicant",), colspan=5),
         head(APPLICANTS[6], "t3-c6", ("t3-applicant",), rowspan=2)),
        tuple(head(APPLICANTS[i], f"t3-c{i}", ("t3-applicant", "t3-org")) for i in range(1, 6)),
    )

    def numbers(row: Table3Row, row_headers: list[str]) -> list[GridCell]:
        values = cell(report.applications, row.path)
        return [number(values[i], [*row_headers, *column_headers(i)]) for i in range(7)]

    body: list[tuple[GridCell, ...]] = []
    for row in (NEW_RECEIVED, CARRIED_OVER):
        row_id = table3_row_id(row)
        body.append((side(row.label, row_id, colspan=3), *numbers(row, [row_id])))
    results = table3_results(report.format)
    started_groups: set[str] = set()
    for index, row in enumerate(results):
        cells: list[GridCell] = []
        if index == 0:
            cells.append(side(RESULTS_HEADING, "t3-results", rowspan=len(results)))
        row_id = table3_row_id(row)
        if row.group is None:
            cells.append(side(row.label, row_id, ("t3-results",), colspan=2))
            body.append((*cells, *numbers(row, ["t3-results", row_id])))
            continue
        group_id = "t3-g-" + row.path[0].replace("_", "-")
        if row.group not in started_groups:
            started_groups.add(row.group)
            size = sum(1 for r in results if r.group == row.group)
            cells.append(side(row.group, group_id, ("t3-results",), rowspan=size))
        cells.append(side(row.label, row_id, ("t3-results", group_id)))
        body.append((*cells, *numbers(row, ["t3-results", group_id, row_id])))
    row_id = table3_row_id(CARRIED_FORWARD)
    body.append((side(CARRIED_FORWARD.label, row_id, colspan=3), *numbers(CARRIED_FORWARD, [row_id])))
    return Grid("table-3", "收到和处理政府信息公开申请情况", header_rows, tuple(body))


def table4(report: AnnualReport) -> Grid:
    """四、行政复议、行政诉讼: one row of 15 numbers in three blocks."""
    header_rows = (
        (head("行政复议", "t4-review", colspan=5), head("行政诉讼", "t4-lawsuit", colspan=10)),
        (*(head(label, f"t4-review-{i}", ("t4-review",), rowspan=2) for i, label in enumerate(RESULTS)),
         head("未经复议直接起诉", "t4-direct", ("t4-lawsuit",), colspan=5),
         head("复议后起诉", "t4-after", ("t4-lawsuit",), colspan=5)),
        tuple(head(label, f"t4-{block}-{i}", ("t4-lawsuit", f"t4-{block}"))
              for block in ("direct", "after") for i, label in enumerate(RESULTS)),
    )
    ids = {"review": ["t4-review", "t4-review-{i}"], "direct_lawsuit": ["t4-lawsuit", "t4-direct", "t4-direct-{i}"],
           "lawsuit_after_review": ["t4-lawsuit", "t4-after", "t4-after-{i}"]}
    row = tuple(number(report.reviews_and_lawsuits[key][i], [h.format(i=i) for h in ids[key]])
                for key, _label, _group in TABLE4_BLOCKS for i in range(5))
    return Grid("table-4", "政府信息公开行政复议、行政诉讼情况", header_rows, (row,))


def figures_csv(report: AnnualReport) -> bytes:
    """Every figure of tables 2-4 as `表格,项目,列,数值`, UTF-8 with a BOM so spreadsheet programs read it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["表格", "项目", "列", "数值"])
    for block in TABLE2[report.format]:
        for row_key, row_label in block.rows:
            for key, label in block.columns:
                writer.writerow(["表二", f"{block.heading} {row_label}", label,
                                 format_number(report.proactive[row_key][key])])
    for row in (NEW_RECEIVED, CARRIED_OVER, *table3_results(report.format), CARRIED_FORWARD):
        label = " ".join(p for p in ((RESULTS_HEADING if row in table3_results(report.format) else None),
                                     row.group, row.label) if p)
        for i, value in enumerate(cell(report.applications, row.path)):
            writer.writerow(["表三", label, APPLICANTS[i], format_number(value)])
    for key, label, group in TABLE4_BLOCKS:
        for i, value in enumerate(report.reviews_and_lawsuits[key]):
            writer.writerow(["表四", f"{group} {label}" if group else label, RESULTS[i], format_number(value)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
