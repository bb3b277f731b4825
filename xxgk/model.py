"""The site model: typed, immutable values that pass between the build stages. No file access here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any

NORMATIVE_KIND = "规范性文件"  # 规范性文件: normative documents, which must carry a validity status
APPLICATION_REPORT_KIND = "依申请公开办理情况分析"  # the quarterly reports listed on the 依申请公开 page
INTERPRETATION_KIND = "政策解读"  # 政策解读: a policy interpretation, linked to its policy

KeyPath = tuple[str | int, ...]


class Validity(StrEnum):
    """有效性: whether a document is in force, as the schemas allow it to be written."""

    VALID = "有效"
    EXPIRED = "失效"
    REPEALED = "废止"
    AMENDED = "已修改"

    @property
    def in_force(self) -> bool:
        return self is Validity.VALID


@dataclass(frozen=True)
class SourceLines:
    """The file line where each key path of a YAML mapping was written."""

    by_path: Mapping[KeyPath, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int | None:
        """Line of the path, or of its closest written ancestor (None when nothing was written)."""
        key: KeyPath = tuple(path)
        while True:
            if key in self.by_path:
                return self.by_path[key]
            if not key:
                return None
            key = key[:-1]


@dataclass(frozen=True)
class Suppression:
    """A warning switched off in site.yaml (`inspection.disable`), with the reason the department gave."""

    rule: str
    reason: str
    document: str | None = None  # a content file, a folder (everything under it) or a 索引号; None: the whole site
    line: int | None = None  # of the entry in site.yaml

    def matches(self, rule: str, source: PurePosixPath | None, index_no: str | None) -> bool:
        if rule != self.rule:
            return False
        if self.document is None:
            return True
        if index_no is not None and self.document == index_no:
            return True
        folder = PurePosixPath(self.document.strip("/"))
        return source is not None and (source == folder or folder in source.parents)


@dataclass(frozen=True)
class InspectionConfig:
    """The `inspection:` block of site.yaml (see inspection_config for its defaults)."""

    suppressions: tuple[Suppression, ...] = ()
    interpretation_days: int = 3
    consultation_feedback_days: int = 30  # after a consultation closes, its 采纳情况 is due within these days
    interpretation_catalogue: tuple[str, ...] | None = None  # None: every 规范性文件 needs a 政策解读
    freshness_months: Mapping[str, int] = field(default_factory=dict, hash=False, compare=False)
    page: str = "hidden"  # hidden | public | none


@dataclass(frozen=True)
class Office:
    """The disclosure office (政府信息公开工作机构); art. 12 requires every field."""

    name: str
    address: str
    postcode: str
    hours: str
    phone: str
    fax: str
    email: str


@dataclass(frozen=True)
class Limits:
    """Size limits for content files (site.yaml `limits`, in MB there)."""

    markdown_bytes: int = 5 * 1024 * 1024
    attachment_bytes: int = 100 * 1024 * 1024
    search_shard_pages: int = 5000  # the most pages one Pagefind run indexes


@dataclass(frozen=True)
class Site:
    name: str
    office: Office
    base_url: str | None = None
    annual_report_deadline: str | None = None  # MM-DD; 01-31 for departments, 03-31 for governments
    inspection: InspectionConfig = field(default_factory=InspectionConfig)
    limits: Limits = field(default_factory=Limits)
    organisation_code: str | None = None  # 统一社会信用代码 or 组织机构代码: the 索引号 prefix
    consultation_how: str | None = None  # how to comment on a consultation draft, unless it says
    application_url: str | None = None  # the online channel for 依申请公开, if there is one
    index_no_pattern: str = "{code}/{year}-{seq:5}"  # how `xxgk new` numbers documents
    # 行政许可/行政处罚 records are withdrawn this many months after the decision (site.yaml `records`)
    licence_months: int = 36
    penalty_months: int = 12


@dataclass(frozen=True)
class CatalogueItem:
    """One row of the standard catalogue (标准目录)."""

    id: str  # 编号
    level1: str  # 一级事项
    level2: str  # 二级事项
    content: str  # 公开内容
    basis: str  # 公开依据
    time_limit: str  # 公开时限
    responsible: str  # 公开主体
    channels: tuple[str, ...]  # 公开渠道和载体
    audience: str  # 公开对象: 全社会 | 特定群体
    mode: str  # 公开方式: 主动 | 依申请
    level: str  # 公开层级
    line: int  # line in catalogue.csv

    @property
    def proactive(self) -> bool:
        return self.mode == "主动"


@dataclass(frozen=True)
class Catalogue:
    items: tuple[CatalogueItem, ...]

    def get(self, item_id: str) -> CatalogueItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def items_of(self, sub_column: str) -> tuple[CatalogueItem, ...]:
        """The 主动 rows of one sub-column (一级事项), in file order."""
        return tuple(item for item in self.items if item.proactive and item.level1 == sub_column)

    @property
    def sub_columns(self) -> tuple[str, ...]:
        """The 一级事项 of 主动 rows, in file order: the sub-columns of 法定主动公开内容."""
        seen: dict[str, None] = {}
        for item in self.items:
            if item.proactive:
                seen.setdefault(item.level1)
        return tuple(seen)


@dataclass(frozen=True)
class Attachment:
    file: str  # file name beside the document
    title: str
    size: int | None  # bytes; None when the file is missing (reported by the checks)


@dataclass(frozen=True)
class Consultation:
    """A draft published for comment (公开征求意见): the period and how to comment."""

    opens: dt.date
    closes: dt.date
    how: str | None = None  # None: site.yaml's consultation.how

    def state(self, today: dt.date) -> str:
        if today < self.opens:
            return "尚未开始"
        return "正在征求意见" if today <= self.closes else "征求意见已结束"


@dataclass(frozen=True)
class Document:
    """An item of 法定主动公开内容, from `documents/**.md`."""

    source: PurePosixPath  # relative to the content folder, e.g. documents/2024/x.md
    title: str
    index_no: str  # 索引号
    catalogue: str  # 编号 of a 主动 catalogue row
    published_on: dt.date
    publisher: str
    body: str  # Markdown
    body_line: int  # file line where the body starts
    written_on: dt.date | None = None
    doc_no: str | None = None  # 发文字号
    summary: str | None = None
    topic: str | None = None  # 主题分类, 一级\二级
    keywords: tuple[str, ...] = ()
    kind: str | None = None  # 体裁
    validity: Validity | None = None
    effective_on: dt.date | None = None
    expires_on: dt.date | None = None
    replaced_by: str | None = None
    interprets: str | None = None
    attachments: tuple[Attachment, ...] = ()
    cleanup: tuple[str, ...] = ()  # 规范性文件清理结果: the 索引号 of the 规范性文件 this cleanup changed
    consultation: Consultation | None = None
    feedback_for: str | None = None  # 意见采纳情况: the 索引号 of the consultation draft it answers
    personal_data: str | None = None
    lines: SourceLines = field(default_factory=SourceLines, compare=False, hash=False)

    @property
    def topic_shown(self) -> str | None:
        """主题分类 as a reader sees it: 综合政务\\政务公开 -> 综合政务 › 政务公开 (the backslash is the file's notation)."""
        return " › ".join(part.strip() for part in self.topic.split("\\")) if self.topic else None

    @property
    def is_normative(self) -> bool:
        return self.kind == NORMATIVE_KIND

    @property
    def is_interpretation(self) -> bool:
        return self.kind == INTERPRETATION_KIND


@dataclass(frozen=True)
class Guide:
    """政府信息公开指南, from guide.md."""

    source: PurePosixPath
    title: str
    updated_on: dt.date
    body: str
    body_line: int
    lines: SourceLines = field(default_factory=SourceLines, compare=False, hash=False)


@dataclass(frozen=True)
class Rule:
    """A rule of 政府信息公开制度, from rules/*.md."""

    source: PurePosixPath
    title: str
    published_on: dt.date
    body: str
    body_line: int
    doc_no: str | None = None
    validity: Validity | None = None


@dataclass(frozen=True)
class AnnualReport:
    """政府信息公开工作年度报告 for one year, from reports/<year>.yaml (figures kept as validated)."""

    source: PurePosixPath
    year: int
    published_on: dt.date
    format: int  # 2019 or 2021: the version of the unified format
    overview: str
    problems: str
    other_matters: str
    proactive: dict[str, Any] = field(compare=False, hash=False)
    applications: dict[str, Any] = field(compare=False, hash=False)
    reviews_and_lawsuits: dict[str, Any] = field(compare=False, hash=False)
    lines: SourceLines = field(default_factory=SourceLines, compare=False, hash=False)
    source_size: int = 0  # bytes of the YAML file, for its download link


@dataclass(frozen=True)
class DecisionRecord:
    """One 行政许可 or 行政处罚 decision of records/licences.csv or records/penalties.csv, as written:
    what the public sees (natural persons masked) is made from it in `decision_records`."""

    kind: str  # "licences" or "penalties"
    source: PurePosixPath
    line: int
    values: tuple[tuple[str, str], ...]  # every column of the schema, in its order ("" when empty)
    decided_on: dt.date
    published_on: dt.date  # 公示日期
    until: dt.date | None  # 公示截止日期, when the row gives one
    natural_person: bool

    def value(self, column: str) -> str:
        return dict(self.values)[column]


@dataclass(frozen=True)
class Content:
    """A department's whole 政府信息公开 column, validated."""

    root: str  # the content folder as given
    site: Site
    catalogue: Catalogue
    guide: Guide
    rules: tuple[Rule, ...]
    documents: tuple[Document, ...]
    reports: tuple[AnnualReport, ...]
    records: tuple[DecisionRecord, ...] = ()  # 行政许可 and 行政处罚 decisions, file by file, in file order
