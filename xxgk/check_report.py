"""The check report as a clerk and a CI job read it: content problems by file, then the
self-inspection findings grouped by rule with counts, area scores, switched-off rules and
external links; and the verdict (errors, warnings, pass or fail) over both."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .inspection import InspectionReport, SwitchedOff
from .inspection_rules import RULES, Finding
from .problems import Level, Problem, Problems, display_path


def as_problem(finding: Finding, root: Path) -> Problem:
    """A finding as the report prints it: a problem whose code is the rule's."""
    level = Level.ERROR if finding.rule.is_error else Level.WARNING
    path = root / finding.source if finding.source else root
    return Problem(level, finding.rule.code, finding.message, display_path(path), finding.line, finding.field)


def switched_problem(switched: SwitchedOff, root: Path) -> Problem:
    """A switched-off warning as the report lists it."""
    path = root / switched.source if switched.source else root
    return Problem(Level.WARNING, switched.code, switched.message, display_path(path), switched.line)


@dataclass(frozen=True)
class Verdict:
    """What was found, content problems and inspection findings together."""

    problems: Problems
    inspection: InspectionReport | None

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.inspection.findings if self.inspection is not None else ()

    @property
    def errors(self) -> int:
        return len(self.problems.errors) + sum(1 for f in self.findings if f.rule.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems.warnings) + sum(1 for f in self.findings if not f.rule.is_error)

    def failed(self, strict: bool) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def summary(self, strict: bool) -> str:
        if not self.errors and not self.warnings:
            return "检查通过：没有发现问题。"
        text = f"共 {self.errors} 个错误，{self.warnings} 个警告。"
        if self.failed(strict):
            suffix = "（--strict：警告按错误处理）" if strict and self.warnings else ""
            return text + "请修改后重新检查" + suffix + "。"
        return text

    def as_problems(self) -> tuple[Problem, ...]:
        """Everything, sorted by file and line (the JSON report's list)."""
        root = self.inspection.root if self.inspection is not None else Path(".")
        found = [*self.problems.items, *(as_problem(f, root) for f in self.findings)]
        return tuple(sorted(found, key=lambda p: (p.path, p.line or 0)))


def format_report(verdict: Verdict, strict: bool) -> str:
    lines = [p.format() for p in verdict.problems.sorted()]
    report = verdict.inspection
    if report is not None and report.findings:
        lines.append(f"政府信息公开自查：{len(report.findings)} 项")
        for rule in RULES:
            found = sorted((as_problem(f, report.root) for f in report.findings if f.rule is rule),
                           key=lambda p: (p.path, p.line or 0))
            if found:
                lines.append(f"【{rule.area}】{rule.title}（{rule.code}）：{len(found)} 项")
                lines += ["  " + p.format() for p in found]
    if report is not None and (report.findings or report.suppressed):
        scores = "，".join(f"{a.area} {a.score}" for a in report.areas)
        lines.append(f"自查得分（各领域无问题事项的比例，满分 100）：{scores}")
    if report is not None and report.suppressed:
        lines.append(f"已按 site.yaml 关闭的检查：{len(report.suppressed)} 项")
        # each with what was found and where (a rule may be switched off for several findings), then the reason
        lines += [f"  {switched_problem(s, report.root).format()}（已关闭：{s.reason}）" for s in report.suppressed]
    if report is not None and report.external_links:
        lines.append(f"外部链接 {len(report.external_links)} 个：构建时不联网检查，请人工核对（清单见 --format json 或自查报告页面）")
    lines.append(verdict.summary(strict))
    return "\n".join(lines)


def report_json(verdict: Verdict, strict: bool) -> str:
    data: dict = {
        "errors": verdict.errors,
        "warnings": verdict.warnings,
        "strict": strict,
        "problems": [p.as_dict() for p in verdict.as_problems()],
    }
    report = verdict.inspection
    if report is not None:
        data["inspection"] = {
            "today": report.today.isoformat(),
            "rules": {rule.code: {"area": rule.area, "title": rule.title,
                                  "count": sum(1 for f in report.findings if f.rule is rule)}
                      for rule in RULES},
            "areas": [{"area": a.area, "checked": a.checked, "failing": a.failing, "score": a.score}
                      for a in report.areas],
            "suppressed": [{"rule": s.code, "source": s.source.as_posix() if s.source else None, "line": s.line,
                            "message": s.message, "reason": s.reason} for s in report.suppressed],
            "external_links": [{"source": source.as_posix(), "url": url} for source, url in report.external_links],
        }
    return json.dumps(data, ensure_ascii=False, indent=2)


def github_escape(text: str, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping (a property value also escapes ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(verdict: Verdict, strict: bool) -> str:
    """One GitHub Actions annotation per problem (`::error file=…,line=…,title=…::message`), shown on the
    changed lines of a pull request, then the summary line. Under --strict warnings are annotated as errors."""
    lines = []
    for problem in verdict.as_problems():
        level = "error" if problem.level is Level.ERROR or strict else "warning"
        where = f"file={github_escape(problem.path, True)}" + (f",line={problem.line}" if problem.line else "")
        lines.append(f"::{level} {where},title={github_escape(problem.code, True)}::{github_escape(problem.message)}")
    lines.append(verdict.summary(strict))
    return "\n".join(lines)
