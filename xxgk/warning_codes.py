"""Every code a warning can carry, in one place: what site.yaml's `inspection.disable` may switch off.
Errors cannot be switched off: they stop the build."""

from __future__ import annotations

from .inspection_rules import RULES

# Warnings found while validating content (as `problems.warning` reports them), with what they mean.
CONTENT_WARNINGS = {
    "unknown-key": "字段名不在规范中",
    "empty-column": "某一部分或子栏目没有内容",
    "character": "值中含有看不见的字符，已删除",
    "image-alt": "图片没有文字说明",
    "sanitized": "正文中不安全的 HTML 已移除",
    "header": "目录表头缺少可选的列",
    "base-url": "site.yaml 未设置 base_url",
    "report-late": "年度报告晚于法定期限发布",
    "report-copied": "年度报告某部分与往年完全相同",
    "report-missing": "缺少上一年度的年度报告",
    "normative-count": "年报表二的规范性文件数与已发布的文件数不一致",
}
INSPECTION_WARNINGS = {rule.code: rule.title for rule in RULES if not rule.is_error}
SWITCHABLE = {**CONTENT_WARNINGS, **INSPECTION_WARNINGS}
# About the `disable` list itself: fixed by editing that list, so they cannot be switched off.
CONFIG_WARNINGS = ("inspection-unused", "inspection-unknown")
