"""What each layout and component is given: one frozen type per layout (its `layout` names the
template) and one per component parameter. Every `href` here is final, already relative to the page
that shows it; the templates print it as it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from .inspection_report import InspectionReport
from .model import AnnualReport, CatalogueItem
from .report_tables import Grid

# Component parameters (templates/components/<name>/params.schema.json describes each).

@dataclass(frozen=True)
class LinkItem:
    """breadcrumbs items, related-links links, the validity banner's replacing document."""

    text: str
    href: str


@dataclass(frozen=True)
class FilterLink:
    """filter-links items."""

    text: str
    href: str
    count: int
    current: bool


@dataclass(frozen=True)
class ListItem:
    """document-list items."""

    title: str
    href: str
    date: str
    label: str | None = None
    validity: str | None = None


@dataclass(frozen=True)
class MetadataRow:
    """metadata-table rows."""

    label: str
    value: str
    href: str | None = None


@dataclass(frozen=True)
class FileItem:
    """attachment-list items."""

    title: str
    href: str
    file_type: str
    size: str


@dataclass(frozen=True)
class RelatedGroup:
    heading: str
    links: tuple[LinkItem, ...]


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the gap between page numbers
    href: str | None


@dataclass(frozen=True)
class Pagination:
    current: int
    total: int
    pages: tuple[PageLink, ...]
    prev: str | None
    next: str | None


@dataclass(frozen=True)
class Banner:
    """validity-banner parameters."""

    state: str  # 失效, 废止 or 已修改
    date: str | None
    automatic: bool
    replaced_by: LinkItem | None


@dataclass(frozen=True)
class NavPart:
    """A part of the column in the site navigation and on the home page."""

    text: str
    note: str
    href: str
    current: bool


# Layout contexts.

@dataclass(frozen=True)
class HomeContext:
    layout: ClassVar[str] = "layouts/home.html"
    latest: tuple[ListItem, ...]


@dataclass(frozen=True)
class GuideContext:
    layout: ClassVar[str] = "layouts/guide.html"
    updated_on: dt.date
    body: Markup
    office: tuple[MetadataRow, ...]
    apply: str  # link to the 依申请公开 page


@dataclass(frozen=True)
class RulesContext:
    layout: ClassVar[str] = "layouts/rules.html"
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class NormativeRow:
    """A 规范性文件 in the 规范性文件库."""

    title: str
    href: str
    doc_no: str | None
    published_on: str
    effective_on: str | None
    validity: str  # as of the build date
    validity_date: str | None  # when it stopped being valid, or its end date
    replaced_by: LinkItem | None
    cleaned_by: tuple[LinkItem, ...]


@dataclass(frozen=True)
class NormativeContext:
    layout: ClassVar[str] = "layouts/normative.html"
    filters: tuple[FilterLink, ...]  # 全部 and each validity
    rows: tuple[NormativeRow, ...]
    shown: str  # what the page lists, for its caption


@dataclass(frozen=True)
class RuleContext:
    layout: ClassVar[str] = "layouts/rule.html"
    metadata: tuple[MetadataRow, ...]
    body: Markup


@dataclass(frozen=True)
class ColumnSummary:
    name: str
    href: str
    count: int
    updated_on: dt.date | None


@dataclass(frozen=True)
class ColumnsContext:
    layout: ClassVar[str] = "layouts/columns.html"
    columns: tuple[ColumnSummary, ...]


@dataclass(frozen=True)
class GroupLink:
    text: str
    href: str
    count: int
    current: bool


@dataclass(frozen=True)
class ColumnContext:
    layout: ClassVar[str] = "layouts/column.html"
    column_name: str
    groups: tuple[GroupLink, ...]
    item: CatalogueItem | None  # the 二级事项 listed, None on the sub-column's own list
    list_heading: str
    items: tuple[ListItem, ...]
    pagination: Pagination


@dataclass(frozen=True)
class ApplyContext:
    layout: ClassVar[str] = "layouts/apply.html"
    office: tuple[MetadataRow, ...]
    online_url: str | None
    guide: str  # link to the guide
    form_page: str
    form_file: FileItem
    reports: tuple[ListItem, ...]  # the quarterly 办理情况分析


@dataclass(frozen=True)
class ApplyFormContext:
    layout: ClassVar[str] = "layouts/apply-form.html"
    organ: str
    office: str
    sections: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    form_file: FileItem


@dataclass(frozen=True)
class ConsultationBox:
    """A consultation draft's period, state on the build date, and how to comment."""

    opens: str
    closes: str
    state: str  # 尚未开始 | 正在征求意见 | 征求意见已结束
    how: str | None
    feedback: tuple[LinkItem, ...]  # its 意见采纳情况


@dataclass(frozen=True)
class DocumentContext:
    layout: ClassVar[str] = "layouts/document.html"
    banner: Banner | None
    metadata: tuple[MetadataRow, ...]
    body: Markup
    attachments: tuple[FileItem, ...]
    related: tuple[RelatedGroup, ...]
    consultation: ConsultationBox | None = None


@dataclass(frozen=True)
class ConsultationRow:
    title: str
    href: str
    box: ConsultationBox


@dataclass(frozen=True)
class ConsultationsContext:
    layout: ClassVar[str] = "layouts/consultations.html"
    rows: tuple[ConsultationRow, ...]


@dataclass(frozen=True)
class ReportEntry:
    title: str
    href: str
    published_on: dt.date


@dataclass(frozen=True)
class ReportsContext:
    layout: ClassVar[str] = "layouts/reports.html"
    reports: tuple[ReportEntry, ...]


@dataclass(frozen=True)
class ReportSection:
    heading: str
    grid: Grid | None  # tables 2 to 4
    html: Markup | None  # the prose sections


@dataclass(frozen=True)
class ReportContext:
    layout: ClassVar[str] = "layouts/report.html"
    report: AnnualReport
    sections: tuple[ReportSection, ...]
    downloads: tuple[FileItem, ...]


@dataclass(frozen=True)
class CatalogueRow:
    item: CatalogueItem
    href: str | None  # its 二级事项 list; None for 依申请 rows


@dataclass(frozen=True)
class CatalogueContext:
    layout: ClassVar[str] = "layouts/catalogue.html"
    rows: tuple[CatalogueRow, ...]


@dataclass(frozen=True)
class SearchContext:
    layout: ClassVar[str] = "layouts/search.html"
    exact_shards: int
    index_shards: tuple[str, ...] = ()  # Pagefind index shards, newest first; the first is pagefind/ itself


@dataclass(frozen=True)
class InspectionEntry:
    where: str
    message: str
    reason: str | None = None  # for switched-off findings


@dataclass(frozen=True)
class InspectionGroup:
    area: str
    title: str
    entries: tuple[InspectionEntry, ...]


@dataclass(frozen=True)
class InspectionContext:
    layout: ClassVar[str] = "layouts/inspection.html"
    report: InspectionReport
    groups: tuple[InspectionGroup, ...]
    suppressed: tuple[InspectionEntry, ...]


@dataclass(frozen=True)
class NotFoundContext:
    layout: ClassVar[str] = "layouts/404.html"


@dataclass(frozen=True)
class RecordKindEntry:
    """One kind of record on the 许可处罚公示 page."""

    title: str
    href: str
    count: int  # published on the build date
    months: int  # the default publication period


@dataclass(frozen=True)
class RecordsContext:
    layout: ClassVar[str] = "layouts/records.html"
    kinds: tuple[RecordKindEntry, ...]


@dataclass(frozen=True)
class RecordRow:
    """A record in its kind's list."""

    number: str  # 决定书文号
    href: str
    title: str  # 项目名称 or 案件名称
    party: str  # 行政相对人名称, masked for a natural person
    decided_on: str
    published_on: str


@dataclass(frozen=True)
class RecordListContext:
    layout: ClassVar[str] = "layouts/record-list.html"
    kind_title: str
    columns: tuple[str, ...]  # the table's headers: number, name, party, decision date, 公示日期
    filters: tuple[FilterLink, ...]  # 全部 and each year
    shown: str  # what the page lists, for its caption
    rows: tuple[RecordRow, ...]
    total: int  # rows on all pages of this list
    months: int
    withdrawn: int
    pagination: Pagination


@dataclass(frozen=True)
class RecordContext:
    layout: ClassVar[str] = "layouts/record.html"
    kind_title: str
    metadata: tuple[MetadataRow, ...]
    last_day: str  # the last day it is published
    natural_person: bool


LayoutContext = (HomeContext | GuideContext | RulesContext | RuleContext | ColumnsContext | ColumnContext
                 | DocumentContext | ReportsContext | ReportContext | CatalogueContext | SearchContext
                 | InspectionContext | NotFoundContext | NormativeContext | ConsultationsContext | ApplyContext
                 | ApplyFormContext | RecordsContext | RecordListContext | RecordContext)
