"""Self-inspection rules that count working days: publication within the catalogue's 公开时限,
and policy interpretations within days of their policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from .decision_records import KIND_OF, PUBLISHED
from .inspection_rules import (
    CALENDAR_MISSING,
    INTERPRETATION_LATE,
    LATE_PUBLICATION,
    RECORD_LATE,
    TIME_LIMIT_UNREADABLE,
    Finding,
    doc_finding,
)
from .model import Catalogue, Content
from .time_limits import DEFAULT_WORKING_DAYS, TimeLimit, Unreadable, parse_time_limit
from .workdays import WorkdayCalendar

CATALOGUE_FILE = PurePosixPath("catalogue.csv")
# 行政许可、行政处罚等信用信息自作出行政决定之日起 7 个工作日内上网公开 (发改办财金〔2015〕2700号)
RECORD_WORKING_DAYS = 7


def catalogue_limits(catalogue: Catalogue) -> tuple[dict[str, TimeLimit], list[Finding]]:
    """The working-day limit of every row (同上 follows the row above); unreadable rows fall back to 20."""
    limits: dict[str, TimeLimit] = {}
    findings: list[Finding] = []
    previous: TimeLimit | None = None
    for item in catalogue.items:
        parsed = parse_time_limit(item.time_limit, previous)
        if isinstance(parsed, Unreadable):
            if item.proactive:
                findings.append(Finding(TIME_LIMIT_UNREADABLE,
                                        f"目录事项 {item.id} 的公开时限“{parsed.text}”无法换算为工作日，"
                                        "按条例第二十六条的 20 个工作日检查", CATALOGUE_FILE, item.line, "公开时限"))
            parsed = TimeLimit(DEFAULT_WORKING_DAYS)
        limits[item.id] = previous = parsed
    return limits, findings


def check_publication_time(content: Content, calendar: WorkdayCalendar) -> Iterator[Finding]:
    limits, findings = catalogue_limits(content.catalogue)
    yield from findings
    uncovered: set[int] = set()
    for document in content.documents:
        if document.written_on is None or document.written_on >= document.published_on:
            continue
        uncovered |= set(calendar.uncovered_years(document.written_on, document.published_on))
        limit = limits[document.catalogue].working_days
        used = calendar.workdays_between(document.written_on, document.published_on)
        if used > limit:
            deadline = calendar.add_workdays(document.written_on, limit)
            yield doc_finding(LATE_PUBLICATION, document,
                              f"published_on（发布日期）{document.published_on} 距 written_on（成文日期）"
                              f"{document.written_on} 已 {used} 个工作日，超过目录事项 {document.catalogue} 的公开时限 "
                              f"{limit} 个工作日（应于 {deadline} 前发布）", "published_on")
    for record in content.records:
        uncovered |= set(calendar.uncovered_years(record.decided_on, record.published_on))
        used = calendar.workdays_between(record.decided_on, record.published_on)
        if used > RECORD_WORKING_DAYS:
            kind = KIND_OF[record.kind]
            deadline = calendar.add_workdays(record.decided_on, RECORD_WORKING_DAYS)
            yield Finding(RECORD_LATE, f"“{record.value(kind.number)}”{PUBLISHED} {record.published_on} 距{kind.decided} "
                                       f"{record.decided_on} 已 {used} 个工作日，超过 {RECORD_WORKING_DAYS} 个工作日"
                                       f"（应于 {deadline} 前公示）", record.source, record.line, PUBLISHED)
    for year in sorted(uncovered):
        yield Finding(CALENDAR_MISSING, f"{year} 年没有官方节假日和调休数据（请升级 chinesecalendar），"
                                          "该年按周一至周五为工作日推算", None)


def check_interpretation_time(content: Content, calendar: WorkdayCalendar) -> Iterator[Finding]:
    allowed = content.site.inspection.interpretation_days
    by_index = {d.index_no: d for d in content.documents}
    for document in content.documents:
        policy = by_index.get(document.interprets) if document.is_interpretation and document.interprets else None
        if policy is None:
            continue
        used = calendar.workdays_between(policy.published_on, document.published_on)
        if used > allowed:
            yield doc_finding(INTERPRETATION_LATE, document,
                              f"政策解读发布于 {document.published_on}，比所解读的“{policy.title}”（发布于 "
                              f"{policy.published_on}）晚 {used} 个工作日，超过 {allowed} 个工作日", "published_on")
