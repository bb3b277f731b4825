"""The `inspection:` block of site.yaml: which self-inspection rules are switched off (with a
reason), and the limits a department may adjust."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

DEFAULT_INTERPRETATION_DAYS = 3
LONG_CYCLE_WORDS = ("规划", "计划", "预算", "决算", "收费")  # plans, budgets and fees: 12 months
DEFAULT_MONTHS, LONG_CYCLE_MONTHS = 6, 12


@dataclass(frozen=True)
class Suppression:
    rule: str
    reason: str
    document: str | None = None  # content path or 索引号; None: the whole site

    def matches(self, rule: str, source: PurePosixPath | None, index_no: str | None) -> bool:
        if rule != self.rule:
            return False
        if self.document is None:
            return True
        return self.document in (source.as_posix() if source else None, index_no)


@dataclass(frozen=True)
class InspectionConfig:
    suppressions: tuple[Suppression, ...] = ()
    interpretation_days: int = DEFAULT_INTERPRETATION_DAYS
    interpretation_catalogue: tuple[str, ...] | None = None  # None: every 规范性文件 needs a 政策解读
    freshness_months: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    page: str = "hidden"  # hidden | public | none

    def months_for(self, sub_column: str) -> int:
        if sub_column in self.freshness_months:
            return self.freshness_months[sub_column]
        return LONG_CYCLE_MONTHS if any(word in sub_column for word in LONG_CYCLE_WORDS) else DEFAULT_MONTHS


def inspection_config(data: dict | None) -> InspectionConfig:
    """From the validated `inspection` mapping of site.yaml (absent: the defaults)."""
    data = data or {}
    catalogue = data.get("interpretation_catalogue")
    return InspectionConfig(
        suppressions=tuple(Suppression(d["rule"], d["reason"], d.get("document")) for d in data.get("disable", ())),
        interpretation_days=data.get("interpretation_working_days", DEFAULT_INTERPRETATION_DAYS),
        interpretation_catalogue=tuple(catalogue) if catalogue is not None else None,
        freshness_months=dict(data.get("freshness_months", {})),
        page=data.get("page", "hidden"))
