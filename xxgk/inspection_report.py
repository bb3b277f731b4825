"""What the self-inspection found: the report a check prints and the site's self-inspection page shows
(kept apart from running the inspection, so a check whose outcome is remembered loads only this)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .inspection_rules import Finding
from .model import Suppression


@dataclass(frozen=True)
class AreaSummary:
    area: str
    checked: int  # items the area's rules looked at
    failing: int  # items with at least one finding

    @property
    def score(self) -> int:
        return 100 if not self.checked else round(100 * (self.checked - self.failing) / self.checked)


@dataclass(frozen=True)
class SwitchedOff:
    """A warning that site.yaml's `inspection.disable` switched off: what was found, and the reason."""

    code: str
    source: PurePosixPath | None  # the content file or folder; None for the content folder itself
    line: int | None
    message: str
    suppression: Suppression

    @property
    def reason(self) -> str:
        return self.suppression.reason


@dataclass(frozen=True)
class InspectionReport:
    root: Path  # the content folder, to show where findings are
    today: dt.date
    findings: tuple[Finding, ...]
    suppressed: tuple[SwitchedOff, ...]  # self-inspection findings and content warnings switched off
    external_links: tuple[tuple[PurePosixPath, str], ...]
    areas: tuple[AreaSummary, ...]
