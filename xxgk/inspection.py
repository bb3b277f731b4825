"""Running the self-inspection: every rule over the validated content, minus what site.yaml
switched off (with its reason), summarised per area like an evaluator's scoresheet."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path, PurePosixPath
from typing import cast

from .bodies import Bodies
from .inspection_report import AreaSummary, InspectionReport, SwitchedOff
from .inspection_rules import (
    Finding,
    check_columns,
    check_consultations,
    check_dates,
    check_guide,
    check_guide_office,
    check_interpretation_missing,
    check_personal_data,
    check_record_dates,
    check_record_privacy,
    check_validity,
)
from .inspection_timing import check_interpretation_time, check_publication_time
from .model import Content, Suppression
from .problems import Level, Problem, Problems
from .warning_codes import CONFIG_WARNINGS, SWITCHABLE
from .workdays import official_calendar

AREAS = ("时效", "解读", "有效性", "栏目", "指南", "个人信息", "日期")


def all_findings(content: Content, bodies: Bodies, today: dt.date, whole: bool = True) -> list[Finding]:
    """`whole`: every file loaded without errors. Otherwise the rules that look across the column (an item
    with no document, a stale sub-column, a policy with no interpretation, the guide older than the rules)
    are skipped: a file left out for its errors would make them report what is not so."""
    calendar = official_calendar()
    findings: list[Finding] = []
    findings += check_publication_time(content, calendar)
    findings += check_interpretation_time(content, calendar)
    findings += check_validity(content, today)
    findings += check_personal_data(content, bodies)
    findings += check_dates(content, today)
    findings += check_record_privacy(content)
    findings += check_record_dates(content, today)
    findings += check_guide_office(content)
    if whole:
        findings += check_consultations(content, today)
        findings += check_interpretation_missing(content)
        findings += check_columns(content, today)
        findings += check_guide(content, today)
    return findings


def checked_counts(content: Content) -> dict[str, int]:
    documents = content.documents
    return {
        "时效": sum(1 for d in documents if d.written_on) + len(content.records),
        "解读": sum(1 for d in documents if d.is_normative or d.is_interpretation),
        "有效性": sum(1 for d in documents if d.validity or d.is_normative),
        "栏目": sum(1 for i in content.catalogue.items if i.proactive), "指南": 1, "个人信息": len(documents) + len(content.records),
        "日期": len(documents) + len(content.records),
    }


def summarise(content: Content, findings: list[Finding]) -> tuple[AreaSummary, ...]:
    checked = checked_counts(content)
    failing: dict[str, set] = {area: set() for area in AREAS}
    for finding in findings:
        failing[finding.rule.area].add((finding.source, finding.line if finding.source else None))
    return tuple(AreaSummary(area, checked[area], min(len(failing[area]), checked[area]) if checked[area] else 0)
                 for area in AREAS)


def first_match(suppressions: tuple[Suppression, ...], code: str, source: PurePosixPath | None,
                index_no: str | None) -> Suppression | None:
    return next((s for s in suppressions if s.matches(code, source, index_no)), None)


def content_source(problem: Problem, root: Path) -> PurePosixPath | None:
    """A problem's file relative to the content folder (problems name files relative to the current one)."""
    relative = PurePosixPath(Path(os.path.relpath(os.path.abspath(problem.path), root.resolve())).as_posix())
    return None if relative == PurePosixPath(".") else relative


def inspect(content: Content, bodies: Bodies, today: dt.date, problems: Problems) -> InspectionReport:
    """Every rule over what loaded; the findings and the content warnings in `problems` that site.yaml
    switched off are taken out and listed with their reasons instead."""
    config = content.site.inspection
    root = Path(content.root)
    whole = not problems.errors
    active: list[Finding] = []
    switched: list[SwitchedOff] = []
    for finding in all_findings(content, bodies, today, whole):
        match = None if finding.rule.is_error else \
            first_match(config.suppressions, finding.rule.code, finding.source, finding.index_no)
        if match is None:
            active.append(finding)
        else:
            switched.append(SwitchedOff(finding.rule.code, finding.source, finding.line, finding.message, match))
    index_of = {d.source: d.index_no for d in content.documents}

    def warning_match(problem: Problem) -> Suppression | None:
        if problem.level is not Level.WARNING or problem.code in CONFIG_WARNINGS:
            return None
        source = content_source(problem, root)
        return first_match(config.suppressions, problem.code, source, index_of.get(source) if source else None)

    matched = {problem: warning_match(problem) for problem in problems.items}
    for problem in problems.take(lambda p: matched[p] is not None):
        switched.append(SwitchedOff(problem.code, content_source(problem, root), problem.line, problem.message,
                                    cast(Suppression, matched[problem])))
    if whole:  # else some files were not checked: an entry may look unused and not be
        check_switched_off(config.suppressions, {s.suppression for s in switched}, root, problems)
    links = sorted({(body.source, url) for body in bodies.all() for url in body.external_links})
    return InspectionReport(root, today, tuple(active), tuple(switched), tuple(links), summarise(content, active))


def check_switched_off(suppressions: tuple[Suppression, ...], used: set[Suppression], root: Path,
                       problems: Problems) -> None:
    """Entries of site.yaml's inspection.disable that name no warning, or switch off nothing, at their line."""
    for suppression in suppressions:
        where = f"（{suppression.document}）" if suppression.document else ""
        if suppression.rule not in SWITCHABLE:
            problems.warning("inspection-unknown", f"inspection.disable 中的 {suppression.rule} 不是可以关闭的警告"
                             f"（错误不能关闭，请改正内容）。可以关闭的警告：" + "、".join(SWITCHABLE),
                             root / "site.yaml", suppression.line, "inspection.disable")
        elif suppression not in used:
            problems.warning("inspection-unused", f"inspection.disable 关闭的 {suppression.rule}{where} 本次检查没有发现，"
                             "可以删除这一条", root / "site.yaml", suppression.line, "inspection.disable")
