"""The `inspection:` block of site.yaml: which self-inspection rules are switched off (with a
reason), and the limits a department may adjust."""

from __future__ import annotations

from collections.abc import Callable

from .model import InspectionConfig, Suppression

LONG_CYCLE_WORDS = ("规划", "计划", "预算", "决算", "收费")  # plans, budgets and fees: 12 months
DEFAULT_MONTHS, LONG_CYCLE_MONTHS = 6, 12
DEFAULTS = InspectionConfig()


def freshness_months(config: InspectionConfig, sub_column: str) -> int:
    """How long a sub-column may go without a new document before it counts as stale."""
    if sub_column in config.freshness_months:
        return config.freshness_months[sub_column]
    return LONG_CYCLE_MONTHS if any(word in sub_column for word in LONG_CYCLE_WORDS) else DEFAULT_MONTHS


def inspection_config(data: dict | None, line_of: Callable[..., int | None] = lambda *_: None) -> InspectionConfig:
    """From the validated `inspection` mapping of site.yaml (absent: the defaults); `line_of(*key_path)`
    gives a value's line in site.yaml, so that a `disable` entry can be pointed at."""
    data = data or {}
    catalogue = data.get("interpretation_catalogue")
    return InspectionConfig(
        suppressions=tuple(Suppression(d["rule"], d["reason"], d.get("document"), line_of("inspection", "disable", i))
                           for i, d in enumerate(data.get("disable", ()))),
        interpretation_days=data.get("interpretation_working_days", DEFAULTS.interpretation_days),
        consultation_feedback_days=data.get("consultation_feedback_days", DEFAULTS.consultation_feedback_days),
        interpretation_catalogue=tuple(catalogue) if catalogue is not None else None,
        freshness_months=dict(data.get("freshness_months", {})),
        page=data.get("page", DEFAULTS.page))
