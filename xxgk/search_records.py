"""What the search page can find: one record per page (documents, the guide, rules and annual
reports) with the text that is searched, what a result shows and which filters it matches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .assemble import SiteModel
from .decision_records import CREDIT_CODE
from .report_format import PROSE_KEYS


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative
    title: str
    text: str  # what is searched besides the title, before index_text
    meta: dict[str, str]
    filters: dict[str, list[str]]
    date: str
    identifiers: tuple[str, ...] = ()  # 发文字号, 索引号


def document_records(model: SiteModel) -> Iterable[SearchRecord]:
    for view in model.documents:
        doc = view.document
        meta = {"title": doc.title, "date": doc.published_on.isoformat(), "publisher": doc.publisher,
                "column": view.column.text, "group": view.group.text}
        filters = {"栏目": [view.column.text], "年份": [str(doc.published_on.year)], "发布机构": [doc.publisher]}
        if doc.kind:
            filters["体裁"] = [doc.kind]
            meta["kind"] = doc.kind
        if doc.is_normative or doc.validity:
            filters["有效性"] = [view.validity or "未标注"]
            meta["validity"] = view.validity or ""
        for key, value in (("doc_no", doc.doc_no), ("index_no", doc.index_no)):
            if value:
                meta[key] = value
        text = "\n".join(filter(None, [doc.doc_no, doc.index_no, doc.publisher, doc.summary, doc.topic_shown,
                                       "、".join(doc.keywords), view.body.text,
                                       *(a.title for a in doc.attachments)]))
        yield SearchRecord(view.url, doc.title, text, meta, filters, doc.published_on.isoformat(),
                           tuple(i for i in (doc.doc_no, doc.index_no) if i))


def other_records(model: SiteModel) -> Iterable[SearchRecord]:
    site = model.site
    guide = model.guide.guide
    yield SearchRecord(model.guide.url, guide.title, model.guide.body.text,
                       {"title": guide.title, "date": guide.updated_on.isoformat(), "publisher": site.name,
                        "column": "政府信息公开指南"},
                       {"栏目": ["政府信息公开指南"], "年份": [str(guide.updated_on.year)], "发布机构": [site.name]},
                       guide.updated_on.isoformat())
    for view in model.rules:
        rule = view.rule
        yield SearchRecord(view.url, rule.title, "\n".join(filter(None, [rule.doc_no,
                                                                            view.body.text])),
                           {"title": rule.title, "date": rule.published_on.isoformat(), "publisher": site.name,
                            "column": "政府信息公开制度", **({"doc_no": rule.doc_no} if rule.doc_no else {})},
                           {"栏目": ["政府信息公开制度"], "年份": [str(rule.published_on.year)], "发布机构": [site.name]},
                           rule.published_on.isoformat(), (rule.doc_no,) if rule.doc_no else ())
    for report_view in model.reports:
        report = report_view.report
        text = "\n".join(report_view.sections[key].text for key in PROSE_KEYS)
        yield SearchRecord(report_view.url, report_view.title, text,
                           {"title": report_view.title, "date": report.published_on.isoformat(), "publisher": site.name,
                            "column": "政府信息公开工作年度报告"},
                           {"栏目": ["政府信息公开工作年度报告"], "年份": [str(report.published_on.year)],
                            "发布机构": [site.name]}, report.published_on.isoformat())


def decision_records(model: SiteModel) -> Iterable[SearchRecord]:
    """行政许可 and 行政处罚 records still published, as the public sees them (natural persons masked)."""
    for kinds in model.records:
        kind = kinds.kind
        for view in kinds.records:
            record = view.record
            date = record.published_on.isoformat()
            shown = dict(view.facts)
            identifiers = tuple(i for i in (view.number, shown.get(CREDIT_CODE)) if i)
            yield SearchRecord(view.url, view.title, "\n".join(value for column, value in view.facts if column != kind.name),
                               {"title": view.title, "date": date, "publisher": view.authority, "column": kind.title,
                                "doc_no": view.number},
                               {"栏目": [kind.title], "年份": [str(record.decided_on.year)], "发布机构": [view.authority]},
                               date, identifiers)


def search_records(model: SiteModel) -> list[SearchRecord]:
    return [*other_records(model), *document_records(model), *decision_records(model)]
