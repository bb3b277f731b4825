"""Assembling the site model: documents placed in their sub-columns, links between documents
resolved, validity as shown on the build date, each page's converted body attached to its view.
Pure: content, bodies and "today" in, views out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import urls
from .bodies import Bodies, Body
from .decision_records import RecordList, record_lists
from .model import AnnualReport, CatalogueItem, Content, Document, Guide, Rule, Site, Validity

LATEST_COUNT = 10
FILE_TYPES = {
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".wps": "WPS", ".xls": "Excel", ".xlsx": "Excel",
    ".et": "WPS 表格", ".csv": "CSV", ".txt": "文本", ".zip": "ZIP 压缩包", ".rar": "RAR 压缩包",
    ".ofd": "OFD", ".jpg": "JPEG 图片", ".jpeg": "JPEG 图片", ".png": "PNG 图片", ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
}


@dataclass(frozen=True)
class Link:
    url: str  # site-relative
    text: str


@dataclass(frozen=True)
class AttachmentView:
    title: str
    url: str
    file_type: str
    size: str


@dataclass(frozen=True)
class DocumentView:
    document: Document
    url: str
    item: CatalogueItem
    column: Link  # the sub-column (一级事项)
    group: Link  # the 二级事项 list inside it
    body: Body
    validity: Validity | None  # as shown: 有效 becomes 失效 once expires_on has passed
    expired_automatically: bool
    interprets: Link | None
    interpreted_by: tuple[Link, ...]
    replaced_by: Link | None
    replaces: tuple[Link, ...]
    cleaned_by: tuple[Link, ...]  # the 规范性文件清理结果 documents that list this one
    feedback: tuple[Link, ...]  # on a consultation draft: its 意见采纳情况 documents
    feedback_for: Link | None  # on an 意见采纳情况: the draft it answers
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class Group:
    """A 二级事项 inside a sub-column: one catalogue row and its documents, newest first."""

    item: CatalogueItem
    url: str
    documents: tuple[DocumentView, ...]


@dataclass(frozen=True)
class SubColumn:
    name: str  # 一级事项
    code: str
    url: str
    groups: tuple[Group, ...]
    documents: tuple[DocumentView, ...]  # newest first


@dataclass(frozen=True)
class RuleView:
    rule: Rule
    url: str
    body: Body


@dataclass(frozen=True)
class GuideView:
    guide: Guide
    url: str
    body: Body


@dataclass(frozen=True)
class ReportView:
    report: AnnualReport
    url: str
    title: str
    sections: Mapping[str, Body]  # the prose sections, by key (report_format.PROSE_KEYS)


@dataclass(frozen=True)
class SiteModel:
    site: Site
    today: dt.date
    guide: GuideView
    rules: tuple[RuleView, ...]
    columns: tuple[SubColumn, ...]
    documents: tuple[DocumentView, ...]  # newest first
    reports: tuple[ReportView, ...]  # newest first
    catalogue: tuple[tuple[CatalogueItem, str | None], ...]  # each row with its list URL (None: 依申请)
    files: tuple[PurePosixPath, ...]  # content files published as they are, at their content path
    records: tuple[RecordList, ...] = ()  # 行政许可 and 行政处罚 公示, for the kinds the department has

    @property
    def latest(self) -> tuple[DocumentView, ...]:
        return self.documents[:LATEST_COUNT]


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def shown_validity(document: Document, today: dt.date) -> tuple[Validity | None, bool]:
    """The validity the public sees, and whether it changed because `expires_on` has passed."""
    if document.validity in (None, Validity.VALID) and document.expires_on and document.expires_on < today:
        return Validity.EXPIRED, True
    return document.validity, False


def report_title(site: Site, report: AnnualReport) -> str:
    return f"{site.name}{report.year}年政府信息公开工作年度报告"


def newest_first(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: (d.published_on, d.index_no), reverse=True)


def group_url(column_code: str, item: CatalogueItem) -> str:
    return f"{urls.sub_column_url(column_code)}{item.id}/"


def attachment_views(document: Document) -> tuple[AttachmentView, ...]:
    folder = document.source.parent
    return tuple(
        AttachmentView(title=a.title, url=urls.file_url(folder / a.file),
                       file_type=FILE_TYPES.get(PurePosixPath(a.file).suffix.lower(),
                                                PurePosixPath(a.file).suffix.lstrip(".").upper() or "文件"),
                       size=human_size(a.size or 0))
        for a in document.attachments)


def published_files(content: Content, bodies: Bodies) -> tuple[PurePosixPath, ...]:
    """Files linked from bodies, attachments and the reports' YAML sources, each once, sorted."""
    found = set(bodies.files)
    found |= {d.source.parent / a.file for d in content.documents for a in d.attachments}
    found |= {r.source for r in content.reports}
    return tuple(sorted(found))


def assemble(content: Content, bodies: Bodies, today: dt.date) -> SiteModel:
    codes = urls.sub_column_codes(content.catalogue)
    by_index = {d.index_no: d for d in content.documents}
    link = {d.index_no: Link(urls.document_url(d), d.title) for d in content.documents}
    interpreted_by: dict[str, list[Link]] = {}
    replaces: dict[str, list[Link]] = {}
    cleaned_by: dict[str, list[Link]] = {}
    feedback: dict[str, list[Link]] = {}
    for document in newest_first(list(content.documents)):
        if document.feedback_for in by_index:
            feedback.setdefault(document.feedback_for, []).append(link[document.index_no])
        for cleaned in document.cleanup:
            if cleaned in by_index:
                cleaned_by.setdefault(cleaned, []).append(link[document.index_no])
        if document.interprets in by_index:
            interpreted_by.setdefault(document.interprets, []).append(link[document.index_no])
        if document.replaced_by in by_index:
            replaces.setdefault(document.replaced_by, []).append(link[document.index_no])

    views: dict[str, DocumentView] = {}
    for document in newest_first(list(content.documents)):
        item = content.catalogue.get(document.catalogue)
        assert item is not None, "checks.check_catalogue_references lets no unknown id through"
        code = codes[item.level1]
        validity, expired = shown_validity(document, today)
        views[document.index_no] = DocumentView(
            document=document, url=urls.document_url(document), item=item,
            column=Link(urls.sub_column_url(code), item.level1),
            group=Link(group_url(code, item), item.level2 or item.level1),
            body=bodies.pages[document.source], validity=validity, expired_automatically=expired,
            interprets=link.get(document.interprets) if document.interprets else None,
            interpreted_by=tuple(interpreted_by.get(document.index_no, ())),
            replaced_by=link.get(document.replaced_by) if document.replaced_by else None,
            replaces=tuple(replaces.get(document.index_no, ())),
            cleaned_by=tuple(cleaned_by.get(document.index_no, ())),
            feedback=tuple(feedback.get(document.index_no, ())),
            feedback_for=link.get(document.feedback_for) if document.feedback_for else None,
            attachments=attachment_views(document))
    ordered = tuple(views.values())

    columns = []
    for name, code in codes.items():
        groups = tuple(Group(i, group_url(code, i), tuple(v for v in ordered if v.item.id == i.id))
                       for i in content.catalogue.items_of(name))
        columns.append(SubColumn(name, code, urls.sub_column_url(code), groups,
                                 tuple(v for v in ordered if v.item.level1 == name)))

    catalogue_rows = tuple(
        (item, group_url(codes[item.level1], item) if item.proactive else None) for item in content.catalogue.items)
    guide = content.guide
    return SiteModel(
        site=content.site, today=today, guide=GuideView(guide, urls.GUIDE, bodies.pages[guide.source]),
        rules=tuple(RuleView(r, urls.rule_url(r), bodies.pages[r.source])
                    for r in sorted(content.rules, key=lambda r: r.published_on, reverse=True)),
        columns=tuple(columns), documents=ordered,
        reports=tuple(ReportView(r, urls.report_url(r.year), report_title(content.site, r),
                                 bodies.report_sections[r.source])
                      for r in sorted(content.reports, key=lambda r: -r.year)),
        catalogue=catalogue_rows, files=published_files(content, bodies),
        records=record_lists(content.records, content.site, today))
