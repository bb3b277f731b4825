"""Running the self-inspection: every rule over the validated content, minus what site.yaml
switched off (with its reason), summarised per area like an evaluator's scoresheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .bodies import Bodies
from .inspection_rules import (
    RULE_CODES,
    Finding,
    check_columns,
    check_dates,
    check_guide,
    check_interpretation_missing,
    check_personal_data,
    check_validity,
)
from .inspection_timing import check_interpretation_time, check_publication_time
from .model import Content, Suppression
from .problems import Problems
from .workdays import official_calendar

AREAS = ("时效", "解读", "有效性", "栏目", "指南", "个人信息", "日期")


@dataclass(frozen=True)
class AreaSummary:
    area: str
    checked: int  # items the area's rules looked at
    failing: int  # items with at least one finding

    @property
    def score(self) -> int:
        return 100 if not self.checked else round(100 * (self.checked - self.failing) / self.checked)


@dataclass(frozen=True)
class InspectionReport:
    root: Path  # the content folder, to show where findings are
    today: dt.date
    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, Suppression], ...]
    unused: tuple[Suppression, ...]  # switched-off entries that matched nothing
    external_links: tuple[tuple[PurePosixPath, str], ...]
    areas: tuple[AreaSummary, ...]


def all_findings(content: Content, bodies: Bodies, today: dt.date) -> list[Finding]:
    calendar = official_calendar()
    findings: list[Finding] = []
    findings += check_publication_time(content, calendar)
    findings += check_interpretation_missing(content)
    findings += check_interpretation_time(content, calendar)
    findings += check_validity(content, today)
    findings += check_columns(content, today)
    findings += check_guide(content, today)
    findings += check_personal_data(content, bodies)
    findings += check_dates(content, today)
    return findings


def checked_counts(content: Content) -> dict[str, int]:
    documents = content.documents
    return {
        "时效": sum(1 for d in documents if d.written_on),
        "解读": sum(1 for d in documents if d.is_normative or d.is_interpretation),
        "有效性": sum(1 for d in documents if d.validity or d.is_normative),
        "栏目": sum(1 for i in content.catalogue.items if i.proactive), "指南": 1, "个人信息": len(documents),
        "日期": len(documents),
    }


def summarise(content: Content, findings: list[Finding]) -> tuple[AreaSummary, ...]:
    checked = checked_counts(content)
    failing: dict[str, set] = {area: set() for area in AREAS}
    for finding in findings:
        failing[finding.rule.area].add((finding.source, finding.line if finding.source else None))
    return tuple(AreaSummary(area, checked[area], min(len(failing[area]), checked[area]) if checked[area] else 0)
                 for area in AREAS)


def inspect(content: Content, bodies: Bodies, today: dt.date) -> InspectionReport:
    config = content.site.inspection
    active: list[Finding] = []
    suppressed: list[tuple[Finding, Suppression]] = []
    used: set[Suppression] = set()
    for finding in all_findings(content, bodies, today):
        match = next((s for s in config.suppressions if s.matches(finding.rule.code, finding.source, finding.index_no)),
                     None)
        if match is None:
            active.append(finding)
        else:
            suppressed.append((finding, match))
            used.add(match)
    links = sorted({(body.source, url) for body in bodies.all() for url in body.external_links})
    return InspectionReport(Path(content.root), today, tuple(active), tuple(suppressed),
                            tuple(s for s in config.suppressions if s not in used), tuple(links),
                            summarise(content, active))


def check_switched_off(report: InspectionReport, root: Path, problems: Problems) -> None:
    """Entries of site.yaml's inspection.disable that switch off nothing, or name no rule."""
    for suppression in report.unused:
        where = f"（{suppression.document}）" if suppression.document else ""
        problems.warning("inspection-unused", f"inspection.disable 中关闭的规则 {suppression.rule}{where} 没有对应的问题，"
                                              "可以删除这一条", root / "site.yaml")
    for rule in sorted({s.rule for s in report.unused} - set(RULE_CODES)):
        problems.warning("inspection-unknown", f"inspection.disable 中的规则代码 {rule} 不存在，可用的代码："
                                               + "、".join(RULE_CODES), root / "site.yaml")
