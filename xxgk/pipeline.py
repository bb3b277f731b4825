"""The build as a recipe of plain stages:

    load content -> check (across files, bodies converted, self-inspection) -> assemble the site model
                 -> render pages -> write to a staging folder -> check links -> swap into --out
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble
from .bodies import Bodies
from .check_report import Verdict
from .checks import run_checks
from .inspection import InspectionReport
from .linkcheck import broken_links
from .loader import load_content
from .model import Content
from .output import Staging
from .problems import Problems
from .progress import Progress
from .render import make_environment, table_wrapper
from .search_exact import exact_shards
from .search_index import write_search
from .search_records import search_records
from .write import write_site


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


@dataclass(frozen=True)
class BuildResult:
    check: CheckResult
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    written: bool = False
    search_seconds: float = 0.0  # of `seconds`: the search records, exact-lookup shards and Pagefind bundle


def check(content_dir: Path, today: dt.date) -> CheckResult:
    """Load the content folder and run every check; nothing is written."""
    problems = Problems()
    loaded = load_content(content_dir, problems)
    if loaded is None:
        return CheckResult(None, None, problems)
    checked = run_checks(loaded, today, problems, table_wrapper(make_environment(content_dir)))
    passed = not Verdict(problems, checked.inspection).errors
    return CheckResult(checked.content if passed else None, checked.bodies, problems, checked.inspection)


def build(content_dir: Path, out: Path, today: dt.date, strict: bool = False,
          progress: Progress | None = None, search: bool = True) -> BuildResult:
    """Check, then write the site to a staging folder and swap it into `out` only if all went well."""
    started = time.monotonic()
    result = check(content_dir, today)
    content, bodies = result.content, result.bodies
    if result.failed(strict) or content is None or bodies is None:
        return BuildResult(result)
    model = assemble(content, bodies, today)
    staging = Staging(out)
    try:
        search_started = time.monotonic()
        records = search_records(model) if search else []
        shard_count, shards = exact_shards(records)
        if search:
            write_search(staging, records, shards)
        search_seconds = time.monotonic() - search_started
        pages, files = write_site(staging, make_environment(content_dir), model, content_dir, progress or Progress(False),
                                  result.inspection, shard_count)
        for page, reference in broken_links(staging.path, content.site.base_url):
            result.problems.error("output-link", f"生成的页面中有无法打开的链接 \"{reference}\"", out / page)
        if result.problems.errors:
            staging.discard()
            return BuildResult(result, pages, files, time.monotonic() - started)
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    return BuildResult(result, pages, files, time.monotonic() - started, True, search_seconds)
