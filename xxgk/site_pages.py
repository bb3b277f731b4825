"""The site's pages in their fixed order, each with the site's navigation: the parts every column has,
and 许可处罚公示 when the department publishes 行政许可 or 行政处罚 records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from . import urls
from .assemble import Link, SiteModel
from .contexts import (
    CatalogueContext,
    CatalogueRow,
    HomeContext,
    NotFoundContext,
    ReportEntry,
    ReportsContext,
    SearchContext,
)
from .csp import SEARCH_CONTENT_SECURITY_POLICY
from .inspection_report import InspectionReport
from .pages import (
    NOT_FOUND_URL,
    PARTS,
    Page,
    apply_pages,
    column_pages,
    consultations_page,
    crumbs,
    document_page,
    inspection_page,
    list_item,
    normative_pages,
    part_pages,
    report_page,
)
from .record_pages import NOTE as RECORDS_NOTE
from .record_pages import TITLE as RECORDS_TITLE
from .record_pages import record_pages


def site_parts(model: SiteModel) -> tuple[tuple[str, str, str], ...]:
    return PARTS + (((urls.RECORDS, RECORDS_TITLE, RECORDS_NOTE),) if model.records else ())


def build_pages(model: SiteModel, inspection: InspectionReport | None = None, exact_shards: int = 1,
                index_shards: tuple[str, ...] = ()) -> Iterator[Page]:
    """Every HTML page of the site but the 404 page, in a fixed order."""
    parts = site_parts(model)
    for page in unnavigated_pages(model, inspection, exact_shards, index_shards):
        yield replace(page, parts=parts)


def unnavigated_pages(model: SiteModel, inspection: InspectionReport | None, exact_shards: int,
                      index_shards: tuple[str, ...]) -> Iterator[Page]:
    link = urls.linker(urls.HOME)
    yield Page(url=urls.HOME, title="政府信息公开", section=None, link=link,
               context=HomeContext(tuple(list_item(v, link, v.column.text) for v in model.latest)),
               lastmod=model.documents[0].document.published_on.isoformat() if model.documents else None)
    yield from part_pages(model)
    yield from apply_pages(model)
    yield from normative_pages(model)
    yield consultations_page(model)
    yield from record_pages(model)
    for column in model.columns:
        yield from column_pages(column)
    for view in model.documents:
        yield document_page(view, model)
    link = urls.linker(urls.REPORTS)
    entries = tuple(ReportEntry(r.title, link(r.url), r.report.published_on) for r in model.reports)
    yield Page(url=urls.REPORTS, title="政府信息公开工作年度报告", section=urls.REPORTS, context=ReportsContext(entries),
               link=link, crumbs=crumbs(link, Link(urls.REPORTS, "政府信息公开工作年度报告")))
    for report_view in model.reports:
        yield report_page(report_view)
    link = urls.linker(urls.CATALOGUE)
    rows = tuple(CatalogueRow(item, link(href) if href else None) for item, href in model.catalogue)
    yield Page(url=urls.CATALOGUE, title="标准目录", section=urls.CATALOGUE, context=CatalogueContext(rows), link=link,
               crumbs=crumbs(link, Link(urls.CATALOGUE, "标准目录")))
    link = urls.linker(urls.SEARCH)
    yield Page(url=urls.SEARCH, title="搜索", section=None, context=SearchContext(exact_shards, index_shards), link=link,
               crumbs=crumbs(link, Link(urls.SEARCH, "搜索")), in_sitemap=False,
               content_security_policy=SEARCH_CONTENT_SECURITY_POLICY)
    if inspection is not None and model.site.inspection.page != "none":
        yield inspection_page(model, inspection)


def not_found_page(model: SiteModel) -> Page:
    """The 404 page links from the site's path (/gk/assets/site.css): a server shows it at any depth, and
    without the host name it also works on a staging server or a second host name."""
    return Page(url=NOT_FOUND_URL, title="页面不存在", section=None, context=NotFoundContext(),
                link=urls.absolute_linker(urls.root_path(model.site.base_url)), in_sitemap=False,
                parts=site_parts(model))
