"""The build as a recipe of plain stages:

    load content -> validate -> convert bodies -> assemble the site model
                 -> render pages -> write to a staging folder -> check links -> swap into --out
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble
from .bodies import Bodies, convert_all
from .crossrefs import check_sub_columns
from .inspection import InspectionReport, inspect, report_findings
from .linkcheck import broken_links
from .loader import load_content
from .model import Content
from .output import Staging
from .problems import Problems
from .progress import Progress
from .report_checks import check_normative_counts
from .search_exact import exact_shards
from .search_index import write_search
from .search_records import search_records
from .write import write_site


@dataclass(frozen=True)
class CheckResult:
    content: Content | None
    bodies: Bodies | None
    problems: Problems
    inspection: InspectionReport | None = None

    def failed(self, strict: bool) -> bool:
        return bool(self.problems.errors) or (strict and bool(self.problems.warnings))


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
    content = load_content(content_dir, problems, today)
    bodies = inspection = None
    if content is not None:
        check_sub_columns(content, problems)
        check_normative_counts(content.reports, content.documents, Path(content.root), problems)
        bodies = convert_all(content, problems)
        inspection = inspect(content, bodies, today)
        report_findings(inspection, Path(content.root), problems)
    return CheckResult(content if not problems.errors else None, bodies, problems, inspection)


def build(content_dir: Path, out: Path, today: dt.date, strict: bool = False,
          progress: Progress | None = None, search: bool = True) -> BuildResult:
    """Check, then write the site to a staging folder and swap it into `out` only if all went well."""
    started = time.monotonic()
    result = check(content_dir, today)
    if result.failed(strict):
        return BuildResult(result)
    content, problems = result.content, result.problems
    model = assemble(content, today)
    if not content.site.base_url:
        problems.warning("base-url", "site.yaml 未设置 base_url：sitemap.xml、feed.xml 和 404 页面中的链接将从网站根目录算起",
                         Path(content.root) / "site.yaml", 1, "base_url")
    staging = Staging(out)
    try:
        search_started = time.monotonic()
        records = search_records(model, result.bodies) if search else []
        shard_count, shards = exact_shards(records)
        if search:
            write_search(staging, records, shards)
        search_seconds = time.monotonic() - search_started
        pages, files = write_site(staging, model, result.bodies, Path(content.root), progress or Progress(False),
                                  result.inspection, shard_count)
        for page, reference in broken_links(staging.path, content.site.base_url):
            problems.error("output-link", f"生成的页面中有无法打开的链接 \"{reference}\"", out / page)
        if problems.errors:
            staging.discard()
            return BuildResult(result, pages, files, time.monotonic() - started)
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    return BuildResult(result, pages, files, time.monotonic() - started, True, search_seconds)
