"""The build as a recipe of plain stages: load and check, then (once there are no errors) write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .loader import load_content
from .model import Content
from .problems import Problems


@dataclass(frozen=True)
class CheckResult:
    content: Content | None
    problems: Problems

    def failed(self, strict: bool) -> bool:
        return bool(self.problems.errors) or (strict and bool(self.problems.warnings))


def check(content_dir: Path, today: dt.date) -> CheckResult:
    """Load the content folder and run every check; nothing is written."""
    problems = Problems()
    content = load_content(content_dir, problems)
    return CheckResult(content, problems)
