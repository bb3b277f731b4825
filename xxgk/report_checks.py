"""The annual report's arithmetic and consistency checks: within each table, across years,
against the calendar and against the documents that were published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from .model import AnnualReport, Document
from .problems import Problems
from .report_format import (
    APPLICANTS,
    CARRIED_FORWARD,
    CARRIED_OVER,
    NEW_RECEIVED,
    PROSE_KEYS,
    RESULTS,
    SECTIONS,
    TABLE4_BLOCKS,
    TOTAL,
    Table3Row,
    cell,
    table3_results,
    table3_rows,
)

SIX = range(6)
TOTAL_COLUMN = 6
DEFAULT_DEADLINE = (1, 31)  # departments: 31 January; governments set 03-31 in site.yaml (art. 49)


def field_name(row: Table3Row) -> str:
    return "applications." + ".".join(row.path)


class ReportChecker:
    def __init__(self, report: AnnualReport, root: Path, problems: Problems) -> None:
        self.report = report
        self.path = root / report.source
        self.problems = problems

    def values(self, row: Table3Row) -> list[int]:
        return cell(self.report.applications, row.path)

    def error(self, code: str, message: str, *path: str) -> None:
        self.problems.error(code, message, self.path, self.report.lines.line(*path), ".".join(path))

    def check_table3(self) -> None:
        rows = table3_rows(self.report.format)
        for row in rows:  # 2. every row: 总计 equals the six applicant columns
            values = self.values(row)
            if sum(values[i] for i in SIX) != values[TOTAL_COLUMN]:
                self.error("row-total", f"表三 {field_name(row)}（{row.label}）行：总计 = {values[TOTAL_COLUMN]}，"
                                        f"但 自然人至其他六列之和 = {sum(values[i] for i in SIX)}",
                           "applications", *row.path)
        leaves = [r for r in table3_results(self.report.format) if r.leaf]
        new, old, total, forward = (self.values(r) for r in (NEW_RECEIVED, CARRIED_OVER, TOTAL, CARRIED_FORWARD))
        for column, name in enumerate(APPLICANTS):
            # 1. every column: 一 + 二 = （七）总计 + 四
            if new[column] + old[column] != total[column] + forward[column]:
                self.error("balance",
                           f"表三 [{name}] 列：一、本年新收 + 二、上年结转 = {new[column]} + {old[column]} = "
                           f"{new[column] + old[column]}，但 （七）总计 + 四、结转下年度继续办理 = {total[column]} + "
                           f"{forward[column]} = {total[column] + forward[column]}，两者应相等",
                           "applications", "total")
            # 3. every column: （七）总计 = the leaf rows of 三
            leaf_sum = sum(self.values(r)[column] for r in leaves)
            if leaf_sum != total[column]:
                self.error("results-total", f"表三 [{name}] 列：（七）总计 = {total[column]}，"
                                            f"但 三、本年度办理结果各项之和 = {leaf_sum}", "applications", "total")

    def check_table4(self) -> None:
        for key, label, group in TABLE4_BLOCKS:
            values = self.report.reviews_and_lawsuits[key]
            parts = " + ".join(str(v) for v in values[:4])
            if sum(values[:4]) != values[4]:
                name = f"{group}（{label}）" if group else label
                self.error("table4-total", f"表四 {name}：总计 = {values[4]}，但 {' + '.join(RESULTS[:4])} = "
                                           f"{parts} = {sum(values[:4])}", "reviews_and_lawsuits", key)

    def check_published_on_time(self, deadline: tuple[int, int]) -> None:
        due = dt.date(self.report.year + 1, *deadline)
        if self.report.published_on > due:
            self.problems.warning("report-late", f"published_on（发布日期）{self.report.published_on} 晚于 {due}：年度报告应于次年 "
                                                 f"{deadline[0]} 月 {deadline[1]} 日前发布（条例第四十九条）",
                                  self.path, self.report.lines.line("published_on"), "published_on")


def check_carry_over(earlier: AnnualReport, later: AnnualReport, root: Path, problems: Problems) -> None:
    """5. 二、上年结转 of year N equals 四、结转下年度继续办理 of year N-1, column by column."""
    checker = ReportChecker(later, root, problems)
    before, now = earlier.applications["carried_forward"], later.applications["carried_over"]
    for column, name in enumerate(APPLICANTS):
        if before[column] != now[column]:
            checker.error("carry-over", f"applications.carried_over（上年结转）[{name}] = {now[column]}，"
                                        f"但 {earlier.year} 年报 carried_forward（结转下年度继续办理）= {before[column]}",
                          "applications", "carried_over")


def check_copied_prose(reports: Sequence[AnnualReport], root: Path, problems: Problems) -> None:
    headings = dict(SECTIONS)
    for key in PROSE_KEYS:
        seen: dict[str, AnnualReport] = {}
        for report in reports:
            text = "".join(getattr(report, key).split())
            if text in seen:
                problems.warning("report-copied", f"{key}（{headings[key]}）与 {seen[text].year} 年报完全相同："
                                                  f"年度报告不得照抄往年内容", root / report.source,
                                 report.lines.line(key), key)
            else:
                seen[text] = report


def check_report_missing(reports: Sequence[AnnualReport], root: Path, today: dt.date,
                         deadline: tuple[int, int], problems: Problems) -> None:
    last_year = today.year - 1
    due = dt.date(today.year, *deadline)
    if today > due and last_year not in {r.year for r in reports}:
        problems.warning("report-missing", f"缺少 {last_year} 年度报告（reports/{last_year}.yaml）：应于 {due} 前发布"
                                           f"（条例第四十九条）", root / "reports")


def parse_deadline(text: str | None) -> tuple[int, int]:
    if not text:
        return DEFAULT_DEADLINE
    month, day = text.split("-")
    return int(month), int(day)


def check_reports(reports: Sequence[AnnualReport], root: Path, today: dt.date, deadline: str | None,
                  problems: Problems) -> None:
    """Every check that needs only the reports themselves (1-5 and 7 of the report format checks)."""
    ordered = sorted(reports, key=lambda r: r.year)
    due = parse_deadline(deadline)
    for report in ordered:
        checker = ReportChecker(report, root, problems)
        checker.check_table3()
        checker.check_table4()
        checker.check_published_on_time(due)
    by_year = {r.year: r for r in ordered}
    for report in ordered:
        if report.year - 1 in by_year:
            check_carry_over(by_year[report.year - 1], report, root, problems)
    check_copied_prose(ordered, root, problems)
    check_report_missing(ordered, root, today, due, problems)


def in_force_at(document: Document, day: dt.date) -> bool:
    """Whether a 规范性文件 was in force on `day`, judged from its dates and current status."""
    if document.published_on > day:
        return False
    if document.expires_on is not None:
        return document.expires_on > day
    return document.validity is None or document.validity.in_force


def check_normative_counts(reports: Sequence[AnnualReport], documents: Sequence[Document], root: Path,
                           problems: Problems) -> None:
    """8. Table 2's 规范性文件 figures against the documents published in documents/ (warnings)."""
    normative = [d for d in documents if d.is_normative]
    for report in reports:
        figures = report.proactive["normative"]
        issued_key, label = ("issued", "本年制发件数") if report.format == 2021 else ("published", "本年新公开数量")
        published = sum(1 for d in normative if d.published_on.year == report.year)
        path = root / report.source
        line = report.lines.line("proactive", "normative")
        if figures[issued_key] != published:
            problems.warning("normative-count", f"表二 行政规范性文件 {label} = {figures[issued_key]}，"
                                                f"但 documents/ 中 {report.year} 年发布的规范性文件有 {published} 件",
                             path, line, f"proactive.normative.{issued_key}")
        if report.format == 2021:
            year_end = dt.date(report.year, 12, 31)
            in_force = sum(1 for d in normative if in_force_at(d, year_end))
            if figures["in_force"] != in_force:
                problems.warning("normative-count", f"表二 行政规范性文件 现行有效件数 = {figures['in_force']}，"
                                                    f"但 documents/ 中截至 {year_end} 有效的规范性文件有 {in_force} 件",
                                 path, line, "proactive.normative.in_force")
