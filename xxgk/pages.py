"""Every page of the site as data: URL, layout, title, breadcrumbs and what the layout shows.
One page per document, so a later incremental build can render them independently."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import urls
from .assemble import DocumentView, Link, ReportView, SiteModel, human_size
from .bodies import Bodies
from .csp import SEARCH_CONTENT_SECURITY_POLICY
from .inspection import InspectionReport
from .inspection_rules import RULES
from .report_format import PROSE_KEYS, SECTIONS
from .report_tables import figures_csv, table2, table3, table4

PAGE_SIZE = 20
INSPECTION_URL = "inspection/"
HOME_CRUMB = Link(urls.HOME, "政府信息公开")
PARTS = (
    {"url": urls.GUIDE, "text": "政府信息公开指南", "note": "如何获取政府信息、申请渠道和联系方式"},
    {"url": urls.RULES, "text": "政府信息公开制度", "note": "本机关政府信息公开工作制度"},
    {"url": urls.PROACTIVE, "text": "法定主动公开内容", "note": "按标准目录分类的主动公开信息"},
    {"url": urls.REPORTS, "text": "政府信息公开工作年度报告", "note": "历年政府信息公开工作年度报告"},
    {"url": urls.CATALOGUE, "text": "标准目录", "note": "本机关主动公开基本目录"},
)


@dataclass(frozen=True)
class Page:
    url: str
    layout: str
    title: str
    section: str | None  # the part of the column this page belongs to (its URL)
    crumbs: tuple[Link, ...] = ()  # the last one is this page
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    lastmod: str | None = None  # for sitemap.xml
    in_sitemap: bool = True
    searchable: bool = True
    files: tuple[tuple[str, bytes], ...] = ()  # generated downloads that belong to this page


def list_item(view: DocumentView, label: str | None = None) -> dict:
    return {"title": view.document.title, "href": view.url, "date": view.document.published_on.isoformat(),
            "label": label, "validity": view.validity if view.document.is_normative else None}


def paginate(base: str, items: list, size: int = PAGE_SIZE) -> Iterator[tuple[int, int, str, list]]:
    total = max(1, -(-len(items) // size))
    for number in range(1, total + 1):
        yield number, total, urls.paged_url(base, number), items[(number - 1) * size: number * size]


def pagination(base: str, current: int, total: int) -> dict:
    """Links as site-relative URLs; the renderer makes them relative to the page."""
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    pages: list[dict] = []
    for number in shown:
        if pages and number - pages[-1]["number"] > 1:
            pages.append({"number": None, "href": None})
        pages.append({"number": number, "href": urls.paged_url(base, number)})
    return {"current": current, "total": total, "pages": pages,
            "prev": urls.paged_url(base, current - 1) if current > 1 else None,
            "next": urls.paged_url(base, current + 1) if current < total else None}


def document_metadata(view: DocumentView) -> list[dict]:
    doc = view.document
    rows = [("索引号", doc.index_no), ("主题分类", doc.topic), ("发布机构", doc.publisher),
            ("成文日期", doc.written_on), ("发文字号", doc.doc_no), ("发布日期", doc.published_on)]
    if doc.validity or doc.is_normative:
        rows.append(("有效性", view.validity))
    rows += [("施行日期", doc.effective_on), ("失效日期", doc.expires_on), ("体裁", doc.kind),
             ("关键词", "、".join(doc.keywords) or None), ("内容概述", doc.summary)]
    result = [{"label": label, "value": str(value), "href": None} for label, value in rows if value]
    result.append({"label": "所属栏目", "value": f"{view.column.text}／{view.group.text}", "href": view.group.url})
    return result


def validity_banner(view: DocumentView) -> dict | None:
    if view.validity not in ("失效", "废止", "已修改"):
        return None
    date = view.document.expires_on.isoformat() if view.document.expires_on else None
    replaced = {"text": view.replaced_by.text, "href": view.replaced_by.url} if view.replaced_by else None
    return {"state": view.validity, "date": date, "automatic": view.expired_automatically, "replaced_by": replaced}


def links(items) -> list[dict]:
    return [{"text": link.text, "href": link.url} for link in items]


def document_page(view: DocumentView, bodies: Bodies) -> Page:
    related = [
        {"heading": "本文件的政策解读", "links": links(view.interpreted_by)},
        {"heading": "所解读的文件", "links": links([view.interprets] if view.interprets else [])},
        {"heading": "替代本文件的文件", "links": links([view.replaced_by] if view.replaced_by else [])},
        {"heading": "本文件替代的文件", "links": links(view.replaces)},
    ]
    attachments = [{"title": a.title, "href": a.url, "file_type": a.file_type, "size": a.size}
                   for a in view.attachments]
    return Page(
        url=view.url, layout="layouts/document.html", title=view.document.title, section=urls.PROACTIVE,
        crumbs=(HOME_CRUMB, Link(urls.PROACTIVE, "法定主动公开内容"), view.column, Link(view.url, view.document.title)),
        context={"view": view, "metadata": document_metadata(view), "banner": validity_banner(view),
                 "body": Markup(bodies.get(view.document.source).html), "attachments": attachments,
                 "related": related, "description": view.document.summary},
        lastmod=view.document.published_on.isoformat())


def column_pages(model: SiteModel) -> Iterator[Page]:
    columns_crumb = Link(urls.PROACTIVE, "法定主动公开内容")
    for column in model.columns:
        groups = [{"url": g.url, "text": g.item.level2 or g.item.level1, "count": len(g.documents)}
                  for g in column.groups]
        lists = [(column.url, column.name, list(column.documents), None, f"{column.name}：全部信息")]
        lists += [(g.url, g.item.level2 or g.item.level1, list(g.documents), g, f"{g.item.level2 or g.item.level1}")
                  for g in column.groups]
        for base, name, views, group, heading in lists:
            crumbs = (HOME_CRUMB, columns_crumb, Link(column.url, column.name))
            title = column.name if group is None else f"{column.name}：{name}"
            for number, total, url, chunk in paginate(base, views):
                page_title = title if number == 1 else f"{title}（第 {number} 页）"
                yield Page(
                    url=url, layout="layouts/column.html", title=page_title, section=urls.PROACTIVE,
                    crumbs=crumbs + ((Link(group.url, name),) if group else ()) + ((Link(url, f"第 {number} 页"),)
                                                                                  if number > 1 else ()),
                    context={"column_name": column.name, "groups": groups, "current_group": base,
                             "item": group.item if group else None, "list_heading": heading,
                             "items": [list_item(v, None if group else v.group.text) for v in chunk],
                             "pagination": pagination(base, number, total)},
                    lastmod=views[0].document.published_on.isoformat() if views else None)


def report_page(model: SiteModel, view: ReportView, bodies: Bodies) -> Page:
    report = view.report
    tables = {"proactive": table2(report), "applications": table3(report), "reviews_and_lawsuits": table4(report)}
    sections = [{"heading": heading, "grid": tables.get(key),
                 "html": Markup(bodies.get(report.source, key).html) if key in PROSE_KEYS else None}
                for key, heading in SECTIONS]
    figures = figures_csv(report)
    csv_url = urls.file_url(report.source.with_suffix(".csv"))
    downloads = [
        {"title": f"{report.year}年度报告数据（表二至表四）", "href": csv_url, "file_type": "CSV", "size": human_size(len(figures))},
        {"title": f"{report.year}年度报告源文件", "href": urls.file_url(report.source), "file_type": "YAML",
         "size": human_size(report.source_size)},
    ]
    title = f"{model.site.name}{report.year}年政府信息公开工作年度报告"
    return Page(url=view.url, layout="layouts/report.html", title=title, section=urls.REPORTS,
                crumbs=(HOME_CRUMB, Link(urls.REPORTS, "政府信息公开工作年度报告"), Link(view.url, f"{report.year}年")),
                context={"report": report, "sections": sections, "downloads": downloads},
                lastmod=report.published_on.isoformat(), files=((report.source.with_suffix(".csv").as_posix(), figures),))


def inspection_page(model: SiteModel, report: InspectionReport, root: str) -> Page:
    def where(source, line) -> str:
        return (source.as_posix() if source else "site.yaml") + (f":{line}" if line else "")
    groups = []
    for rule, (area, title) in RULES.items():
        items = [{"where": where(f.source, f.line), "message": f.message} for f in report.findings if f.rule == rule]
        if items:
            groups.append({"area": area, "title": title, "entries": items})
    suppressed = [{"where": where(f.source, f.line), "message": f.message, "reason": s.reason}
                  for f, s in report.suppressed]
    public = model.site.inspection.page == "public"
    return Page(url=INSPECTION_URL, layout="layouts/inspection.html", title="政府信息公开自查报告", section=None,
                crumbs=(HOME_CRUMB, Link(INSPECTION_URL, "自查报告")),
                context={"report": report, "groups": groups, "suppressed": suppressed}, in_sitemap=public,
                searchable=public)


def build_pages(model: SiteModel, bodies: Bodies, inspection: InspectionReport | None = None,
                exact_shards: int = 1) -> Iterator[Page]:
    """Every HTML page of the site, in a fixed order."""
    yield Page(url=urls.HOME, layout="layouts/home.html", title="政府信息公开", section=None,
               context={"latest": [list_item(v, v.column.text) for v in model.latest]},
               lastmod=model.documents[0].document.published_on.isoformat() if model.documents else None)
    guide = model.guide
    yield Page(url=urls.GUIDE, layout="layouts/guide.html", title=guide.title, section=urls.GUIDE,
               crumbs=(HOME_CRUMB, Link(urls.GUIDE, "政府信息公开指南")),
               context={"guide": guide, "body": Markup(bodies.get(guide.source).html)},
               lastmod=guide.updated_on.isoformat())
    yield Page(url=urls.RULES, layout="layouts/rules.html", title="政府信息公开制度", section=urls.RULES,
               crumbs=(HOME_CRUMB, Link(urls.RULES, "政府信息公开制度")),
               context={"items": [{"title": r.rule.title, "href": r.url, "date": r.rule.published_on.isoformat(),
                                   "label": r.rule.doc_no, "validity": None} for r in model.rules]})
    for view in model.rules:
        rule = view.rule
        rows = [("发文字号", rule.doc_no), ("发布日期", rule.published_on), ("有效性", rule.validity)]
        yield Page(url=view.url, layout="layouts/rule.html", title=rule.title, section=urls.RULES,
                   crumbs=(HOME_CRUMB, Link(urls.RULES, "政府信息公开制度"), Link(view.url, rule.title)),
                   context={"metadata": [{"label": k, "value": str(v), "href": None} for k, v in rows if v],
                            "body": Markup(bodies.get(rule.source).html)},
                   lastmod=rule.published_on.isoformat())
    yield Page(url=urls.PROACTIVE, layout="layouts/columns.html", title="法定主动公开内容", section=urls.PROACTIVE,
               crumbs=(HOME_CRUMB, Link(urls.PROACTIVE, "法定主动公开内容")), context={"columns": model.columns})
    yield from column_pages(model)
    for view in model.documents:
        yield document_page(view, bodies)
    reports_crumb = Link(urls.REPORTS, "政府信息公开工作年度报告")
    yield Page(url=urls.REPORTS, layout="layouts/reports.html", title="政府信息公开工作年度报告",
               section=urls.REPORTS, crumbs=(HOME_CRUMB, reports_crumb), context={"reports": model.reports})
    for view in model.reports:
        yield report_page(model, view, bodies)
    yield Page(url=urls.CATALOGUE, layout="layouts/catalogue.html", title="标准目录", section=urls.CATALOGUE,
               crumbs=(HOME_CRUMB, Link(urls.CATALOGUE, "标准目录")), context={"rows": model.catalogue})
    yield Page(url=urls.SEARCH, layout="layouts/search.html", title="搜索", section=None,
               crumbs=(HOME_CRUMB, Link(urls.SEARCH, "搜索")), in_sitemap=False, searchable=False,
               context={"exact_shards": exact_shards, "content_security_policy": Markup(SEARCH_CONTENT_SECURITY_POLICY)})
    if inspection is not None and model.site.inspection.page != "none":
        yield inspection_page(model, inspection, model.site.name)
