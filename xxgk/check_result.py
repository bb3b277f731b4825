"""`xxgk check`'s outcome, and the command itself: a check whose inputs are unchanged since an
earlier run reports that run's outcome (run_memo) after importing only this module's few
dependencies, so a clerk's repeated check or a pre-commit hook starts in a fraction of a second."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .check_report import Verdict
from .inspection_report import InspectionReport
from .problems import Problems
from .run_memo import inputs_digest, run_key

if TYPE_CHECKING:
    from .bodies import Bodies
    from .model import Content
    from .work import Work


@dataclass(frozen=True)
class CheckResult:
    content: Content | None  # None when anything was an error
    bodies: Bodies | None
    problems: Problems
    inspection: InspectionReport | None = None

    @property
    def verdict(self) -> Verdict:
        return Verdict(self.problems, self.inspection)

    def failed(self, strict: bool) -> bool:
        return self.verdict.failed(strict)

    @property
    def outcome(self) -> CheckResult:
        """What a run reports (problems and self-inspection), without the content: what run_memo keeps."""
        return CheckResult(None, None, self.problems, self.inspection)


def check_run(content_dir: Path, today: dt.date, work: Work, cache: Path | None = None) -> CheckResult:
    """`xxgk check`: the problems and the self-inspection, taken whole from the cache when no file
    the check reads has changed since a check of the same day (run_memo)."""
    key = None
    if work.cache.enabled:
        key = run_key("check", inputs_digest(content_dir, {cache} if cache else set()), today)
        remembered = work.cache.get("run", key)
        if remembered is not None:
            return remembered
    from .pipeline import check  # the whole pipeline: imported only when the outcome is not remembered

    result = check(content_dir, today, work)
    if key is not None:
        work.cache.put("run", key, result.outcome)
    return result
