"""The check report as a clerk and a CI job read it: content problems by file, then the
self-inspection findings grouped by rule with counts, area scores, switched-off rules and
external links."""

from __future__ import annotations

import json

from .inspection import InspectionReport
from .inspection_rules import RULES
from .problems import Problem, Problems, display_path, summary_line


def split(problems: Problems) -> tuple[list[Problem], dict[str, list[Problem]]]:
    """Content problems (sorted by file and line) and inspection findings by rule, in RULES order."""
    plain = [p for p in problems.sorted() if p.code not in RULES]
    grouped = {rule: [p for p in problems.sorted() if p.code == rule] for rule in RULES}
    return plain, {rule: items for rule, items in grouped.items() if items}


def format_report(problems: Problems, report: InspectionReport | None, strict: bool) -> str:
    plain, grouped = split(problems)
    lines = [p.format() for p in plain]
    if grouped:
        lines.append(f"政府信息公开自查：{sum(len(v) for v in grouped.values())} 项")
        for rule, items in grouped.items():
            area, title = RULES[rule]
            lines.append(f"【{area}】{title}（{rule}）：{len(items)} 项")
            lines += ["  " + p.format() for p in items]
    if report is not None and (grouped or report.suppressed):
        scores = "，".join(f"{a.area} {a.score}" for a in report.areas)
        lines.append(f"自查得分（各领域无问题事项的比例，满分 100）：{scores}")
    if report is not None and report.suppressed:
        lines.append(f"已按 site.yaml 关闭的检查：{len(report.suppressed)} 项")
        lines += [f"  [{f.rule}] {display_path(report.root / f.source) if f.source else '全站'}：{s.reason}"
                  for f, s in report.suppressed]
    if report is not None and report.external_links:
        lines.append(f"外部链接 {len(report.external_links)} 个：构建时不联网检查，请人工核对（清单见 --format json 或自查报告页面）")
    lines.append(summary_line(problems, strict))
    return "\n".join(lines)


def report_json(problems: Problems, report: InspectionReport | None, strict: bool) -> str:
    data = {
        "errors": len(problems.errors),
        "warnings": len(problems.warnings),
        "strict": strict,
        "problems": [p.as_dict() for p in problems.sorted()],
    }
    if report is not None:
        data["inspection"] = {
            "today": report.today.isoformat(),
            "rules": {rule: {"area": area, "title": title,
                             "count": sum(1 for f in report.findings if f.rule == rule)}
                      for rule, (area, title) in RULES.items()},
            "areas": [{"area": a.area, "checked": a.checked, "failing": a.failing, "score": a.score}
                      for a in report.areas],
            "suppressed": [{"rule": f.rule, "source": f.source.as_posix() if f.source else None,
                            "message": f.message, "reason": s.reason} for f, s in report.suppressed],
            "external_links": [{"source": source.as_posix(), "url": url} for source, url in report.external_links],
        }
    return json.dumps(data, ensure_ascii=False, indent=2)
