"""Every check that looks beyond one file, in one place: `check` and `build` both run exactly this.
Across documents, the annual reports, the column's parts, the site settings, the bodies' links and
the self-inspection. Problems go to `problems`; inspection findings stay typed in their report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .bodies import Bodies, convert_all
from .crossrefs import check_documents, check_sub_columns
from .inspection import inspect
from .inspection_report import InspectionReport
from .loader import Loaded
from .model import Content
from .problems import Problems
from .report_checks import check_normative_counts, check_reports
from .work import Work


@dataclass(frozen=True)
class Checked:
    content: Content | None  # None when the folder is incomplete (a missing or broken site.yaml, catalogue or guide)
    bodies: Bodies | None
    inspection: InspectionReport | None


def check_settings(loaded: Loaded, problems: Problems) -> None:
    site = loaded.site
    if site is not None and not site.base_url:
        problems.warning("base-url", "site.yaml 未设置 base_url：sitemap.xml、feed.xml 和 404 页面中的链接将从网站根目录算起",
                         loaded.root / "site.yaml", 1, "base_url")


def check_parts(loaded: Loaded, problems: Problems) -> None:
    for folder, name in loaded.empty_parts:
        problems.warning("empty-column", f"{name}栏目没有内容", folder)


def check_file_page_collisions(content: Content, bodies: Bodies, problems: Problems) -> None:
    """A published file may not sit where a page's folder is: `report.pdf.md` is published as the page
    report.pdf/, so an attachment report.pdf beside it cannot be."""
    pages = {d.source.with_suffix(""): d.source for d in content.documents}
    pages |= {r.source.with_suffix(""): r.source for r in content.rules}
    used = [(d.source, d.source.parent / a.file) for d in content.documents for a in d.attachments]
    used += [(body.source, file) for body in bodies.all() for file in body.files]
    for source, file in sorted(set(used)):
        if file in pages:
            problems.error("path", f"链接或附件的文件 {file.name} 与 {pages[file].name} 生成的网页地址相同，"
                                   f"请给其中一个改名", Path(content.root) / source)


def run_checks(loaded: Loaded, today: dt.date, problems: Problems, wrap_table: Callable[[str], str],
               work: Work | None = None, templates: str = "") -> Checked:
    """The cross-file, report, body and inspection checks over what the loader could read."""
    root = loaded.root
    site = loaded.site
    check_documents(loaded.document_records, loaded.catalogue, root, problems, loaded.limits.attachment_bytes)
    check_reports(loaded.reports, root, today, site.annual_report_deadline if site is not None else None, problems)
    check_parts(loaded, problems)
    check_settings(loaded, problems)
    content = loaded.content()
    if content is None:
        return Checked(None, None, None)
    # A file with errors is left out of `content`; the rest is still checked and inspected, so that one
    # run shows the clerk everything, not the self-inspection only once every error is fixed. What looks
    # across the whole column waits until nothing is left out.
    if not problems.errors:
        check_sub_columns(content, problems)
        check_normative_counts(content.reports, content.documents, root, problems)
    bodies = convert_all(content, problems, wrap_table, work, templates)
    check_file_page_collisions(content, bodies, problems)
    return Checked(content, bodies, inspect(content, bodies, today, problems))
