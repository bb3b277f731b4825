"""The check report as a clerk and a CI job read it: content problems by file, then the
self-inspection findings grouped by rule with counts, area scores, switched-off rules and
external links; and the verdict (errors, warnings, pass or fail) over both. Also the same
problems in the formats CI platforms read (GitHub annotations, GitLab Code Quality, SARIF)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import __version__
from .inspection_report import InspectionReport, SwitchedOff
from .inspection_rules import RULES, Finding
from .problems import Level, Problem, Problems, display_path
from .warning_codes import SWITCHABLE


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


def shown_level(problem: Problem, strict: bool) -> Level:
    """The level a CI platform shows: under --strict a warning fails the job, so it is shown as an error."""
    return Level.ERROR if strict else problem.level


def report_github(verdict: Verdict, strict: bool) -> str:
    """One GitHub Actions annotation per problem (`::error file=…,line=…,title=…::message`), shown on the
    changed lines of a pull request, then the summary line. Under --strict warnings are annotated as errors."""
    lines = []
    for problem in verdict.as_problems():
        level = shown_level(problem, strict).value
        where = f"file={github_escape(problem.path, True)}" + (f",line={problem.line}" if problem.line else "")
        lines.append(f"::{level} {where},title={github_escape(problem.code, True)}::{github_escape(problem.message)}")
    lines.append(verdict.summary(strict))
    return "\n".join(lines)


def fingerprint(problem: Problem) -> str:
    """Stable across runs: the same problem at the same place has the same fingerprint, so GitLab can tell
    which problems a merge request adds and which it fixes."""
    key = "\0".join((problem.code, problem.path, str(problem.line or ""), problem.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def report_gitlab(verdict: Verdict, strict: bool) -> str:
    """GitLab's Code Quality report (`artifacts:reports:codequality`): errors are `major`, warnings `minor`
    (`major` under --strict, as they fail the job). GitLab requires a line: a problem of a whole file is at line 1."""
    issues = [{
        "description": problem.message,
        "check_name": problem.code,
        "fingerprint": fingerprint(problem),
        "severity": "major" if shown_level(problem, strict) is Level.ERROR else "minor",
        "location": {"path": problem.path, "lines": {"begin": problem.line or 1}},
    } for problem in verdict.as_problems()]
    return json.dumps(issues, ensure_ascii=False, indent=2)


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
RULE_TITLES = {**SWITCHABLE, **{rule.code: rule.title for rule in RULES}}


def sarif_rule(code: str) -> dict:
    rule: dict = {"id": code}
    if code in RULE_TITLES:
        rule["shortDescription"] = {"text": RULE_TITLES[code]}
    return rule


def sarif_result(problem: Problem, rule_index: int, strict: bool) -> dict:
    # a URI: a file name in Chinese or with a space is percent-encoded (UTF-8), the slashes stay
    location: dict = {"artifactLocation": {"uri": quote(problem.path, safe="/")}}
    if problem.line:
        location["region"] = {"startLine": problem.line}
    return {"ruleId": problem.code, "ruleIndex": rule_index, "level": shown_level(problem, strict).value,
            "message": {"text": problem.message}, "locations": [{"physicalLocation": location}]}


def report_sarif(verdict: Verdict, strict: bool) -> str:
    """SARIF 2.1.0, for code-scanning tools (GitHub code scanning, IDEs): one rule per problem code found,
    one result per problem, levels as --format github gives them."""
    problems = verdict.as_problems()
    codes = sorted({p.code for p in problems})
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "version": "2.1.0",
        "$schema": SARIF_SCHEMA,
        "runs": [{
            "tool": {"driver": {"name": "xxgk", "version": __version__, "rules": [sarif_rule(c) for c in codes]}},
            "results": [sarif_result(p, index[p.code], strict) for p in problems],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
