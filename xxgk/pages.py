"""Every page of the site as data: URL, title, breadcrumbs and the typed context of its layout, with
every link already relative to the page (`urls.linker`). One page per document, so a later
incremental build can render them independently."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from . import urls
from .application_form import FIELDS, FILE_NAME, TITLE, form_rtf
from .assemble import DocumentView, Group, Link, ReportView, SiteModel, SubColumn, human_size
from .contexts import (
    ApplyContext,
    ApplyFormContext,
    Banner,
    ColumnContext,
    ColumnsContext,
    ColumnSummary,
    ConsultationBox,
    ConsultationRow,
    ConsultationsContext,
    DocumentContext,
    FileItem,
    FilterLink,
    GroupLink,
    GuideContext,
    InspectionContext,
    InspectionEntry,
    InspectionGroup,
    LayoutContext,
    LinkItem,
    ListItem,
    MetadataRow,
    NavPart,
    NormativeContext,
    NormativeRow,
    PageLink,
    Pagination,
    RelatedGroup,
    ReportContext,
    ReportSection,
    RuleContext,
    RulesContext,
)
from .csp import CONTENT_SECURITY_POLICY
from .guide_office import states_every_contact
from .inspection_report import InspectionReport
from .inspection_rules import RULES
from .model import APPLICATION_REPORT_KIND
from .report_format import PROSE_KEYS, SECTIONS
from .report_tables import figures_csv, table2, table3, table4

PAGE_SIZE = 20
INSPECTION_URL = "inspection/"
NOT_FOUND_URL = "404.html"
HOME_CRUMB = Link(urls.HOME, "政府信息公开")
PARTS = (  # (url, name, what it holds): the four mandated parts, then the catalogue
    (urls.GUIDE, "政府信息公开指南", "如何获取政府信息、申请渠道和联系方式"),
    (urls.RULES, "政府信息公开制度", "本机关政府信息公开工作制度"),
    (urls.PROACTIVE, "法定主动公开内容", "按标准目录分类的主动公开信息"),
    (urls.REPORTS, "政府信息公开工作年度报告", "历年政府信息公开工作年度报告"),
    (urls.CATALOGUE, "标准目录", "本机关主动公开基本目录"),
    (urls.APPLY, "依申请公开", "申请渠道、办理时限和申请表"),
    (urls.NORMATIVE, "规范性文件库", "本机关全部规范性文件及其有效性"),
    (urls.CONSULTATIONS, "征求意见", "公开征求意见的草案和意见采纳情况"),
)
# 规范性文件库: one page for all, one per validity (filters that need no JavaScript)
NORMATIVE_FILTERS = (("", "全部", None), ("valid/", "有效", "有效"), ("expired/", "失效", "失效"),
                     ("repealed/", "废止", "废止"), ("amended/", "已修改", "已修改"))
Linker = Callable[[str], str]


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    section: str | None  # the part of the column this page belongs to (its URL)
    context: LayoutContext
    link: urls.Linker  # site-relative URL -> the href this page uses for it (and remembers it)
    crumbs: tuple[LinkItem, ...] = ()  # the last one is this page
    description: str | None = None
    lastmod: str | None = None  # for sitemap.xml
    in_sitemap: bool = True
    files: tuple[tuple[str, bytes], ...] = ()  # generated downloads that belong to this page
    content_security_policy: str = CONTENT_SECURITY_POLICY
    parts: tuple[tuple[str, str, str], ...] = PARTS  # the site's navigation: (url, name, what it holds)

    @property
    def nav(self) -> tuple[NavPart, ...]:
        return tuple(NavPart(text, note, self.link(url), url == self.section) for url, text, note in self.parts)


def crumbs(link: Linker, *trail: Link) -> tuple[LinkItem, ...]:
    return tuple(LinkItem(item.text, link(item.url)) for item in (HOME_CRUMB, *trail))


def list_item(view: DocumentView, link: Linker, label: str | None = None) -> ListItem:
    return ListItem(view.document.title, link(view.url), view.document.published_on.isoformat(), label,
                    view.validity if view.document.is_normative else None)


def paginate(base: str, items: Sequence, size: int = PAGE_SIZE) -> Iterator[tuple[int, int, str, Sequence]]:
    total = max(1, -(-len(items) // size))
    for number in range(1, total + 1):
        yield number, total, urls.paged_url(base, number), items[(number - 1) * size: number * size]


def pagination(base: str, current: int, total: int, link: Linker) -> Pagination:
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    pages: list[PageLink] = []
    for number in shown:
        if pages and pages[-1].number is not None and number - pages[-1].number > 1:
            pages.append(PageLink(None, None))
        pages.append(PageLink(number, link(urls.paged_url(base, number))))
    return Pagination(current, total, tuple(pages),
                      link(urls.paged_url(base, current - 1)) if current > 1 else None,
                      link(urls.paged_url(base, current + 1)) if current < total else None)


def document_metadata(view: DocumentView, link: Linker) -> tuple[MetadataRow, ...]:
    doc = view.document
    rows = [("索引号", doc.index_no), ("主题分类", doc.topic_shown), ("发布机构", doc.publisher),
            ("成文日期", doc.written_on), ("发文字号", doc.doc_no), ("发布日期", doc.published_on)]
    if doc.validity or doc.is_normative:
        rows.append(("有效性", view.validity))
    rows += [("施行日期", doc.effective_on), ("失效日期", doc.expires_on), ("体裁", doc.kind),
             ("关键词", "、".join(doc.keywords) or None), ("内容概述", doc.summary)]
    result = [MetadataRow(label, str(value)) for label, value in rows if value]
    result.append(MetadataRow("所属栏目", f"{view.column.text}／{view.group.text}", link(view.group.url)))
    return tuple(result)


def validity_banner(view: DocumentView, link: Linker) -> Banner | None:
    if view.validity is None or view.validity.in_force:
        return None
    date = view.document.expires_on.isoformat() if view.document.expires_on else None
    replaced = LinkItem(view.replaced_by.text, link(view.replaced_by.url)) if view.replaced_by else None
    return Banner(view.validity, date, view.expired_automatically, replaced)


def links(items: Sequence[Link], link: Linker) -> tuple[LinkItem, ...]:
    return tuple(LinkItem(item.text, link(item.url)) for item in items)


def consultation_box(view: DocumentView, link: Linker, model: SiteModel) -> ConsultationBox | None:
    period = view.document.consultation
    if period is None:
        return None
    return ConsultationBox(period.opens.isoformat(), period.closes.isoformat(), period.state(model.today),
                           period.how or model.site.consultation_how, links(view.feedback, link))


def consultations_page(model: SiteModel) -> Page:
    """征求意见: every draft published for comment, newest first, with its state on the build date."""
    link = urls.linker(urls.CONSULTATIONS)
    rows = tuple(ConsultationRow(v.document.title, link(v.url), box)
                 for v in model.documents if (box := consultation_box(v, link, model)) is not None)
    return Page(url=urls.CONSULTATIONS, title="征求意见", section=urls.CONSULTATIONS, link=link,
                context=ConsultationsContext(rows), crumbs=crumbs(link, Link(urls.CONSULTATIONS, "征求意见")))


def document_page(view: DocumentView, model: SiteModel) -> Page:
    link = urls.linker(view.url)
    related = (
        RelatedGroup("本文件的政策解读", links(view.interpreted_by, link)),
        RelatedGroup("所解读的文件", links([view.interprets] if view.interprets else [], link)),
        RelatedGroup("替代本文件的文件", links([view.replaced_by] if view.replaced_by else [], link)),
        RelatedGroup("本文件替代的文件", links(view.replaces, link)),
        RelatedGroup("意见收集采纳情况", links(view.feedback, link)),
        RelatedGroup("所反馈的征求意见稿", links([view.feedback_for] if view.feedback_for else [], link)),
    )
    attachments = tuple(FileItem(a.title, link(a.url), a.file_type, a.size) for a in view.attachments)
    context = DocumentContext(validity_banner(view, link), document_metadata(view, link), Markup(view.body.html),
                              attachments, related, consultation_box(view, link, model))
    return Page(url=view.url, title=view.document.title, section=urls.PROACTIVE, context=context, link=link,
                crumbs=crumbs(link, Link(urls.PROACTIVE, "法定主动公开内容"), view.column,
                              Link(view.url, view.document.title)),
                description=view.document.summary, lastmod=view.document.published_on.isoformat())


MAX_GROUP_LINKS = 30


def column_pages(column: SubColumn) -> Iterator[Page]:
    columns_crumb = Link(urls.PROACTIVE, "法定主动公开内容")
    # (URL, name, documents, the 二级事项 or None for the sub-column's own list, list heading)
    lists: list[tuple[str, str, tuple[DocumentView, ...], Group | None, str]] = [
        (column.url, column.name, column.documents, None, f"{column.name}：全部信息")]
    lists += [(g.url, g.item.level2 or g.item.level1, g.documents, g, g.item.level2 or g.item.level1)
              for g in column.groups]
    for base, name, views, group, heading in lists:
        title = column.name if group is None else f"{column.name}：{name}"
        for number, total, url, chunk in paginate(base, views):
            link = urls.linker(url)
            # every page listing every sibling would grow the site with the square of the catalogue: with many
            # 二级事项, only the sub-column's first page lists them (each page's breadcrumbs lead back to it)
            listed = column.groups if len(column.groups) <= MAX_GROUP_LINKS or (group is None and number == 1) else ()
            trail = [columns_crumb, Link(column.url, column.name)]
            trail += [Link(group.url, name)] if group else []
            trail += [Link(url, f"第 {number} 页")] if number > 1 else []
            context = ColumnContext(
                column_name=column.name,
                groups=tuple(GroupLink(g.item.level2 or g.item.level1, link(g.url), len(g.documents), g.url == base)
                             for g in listed),
                item=group.item if group else None, list_heading=heading,
                items=tuple(list_item(v, link, None if group else v.group.text) for v in chunk),
                pagination=pagination(base, number, total, link))
            yield Page(url=url, title=title if number == 1 else f"{title}（第 {number} 页）", section=urls.PROACTIVE,
                       context=context, link=link, crumbs=crumbs(link, *trail),
                       lastmod=views[0].document.published_on.isoformat() if views else None)


def report_page(view: ReportView) -> Page:
    report = view.report
    link = urls.linker(view.url)
    tables = {"proactive": table2(report), "applications": table3(report), "reviews_and_lawsuits": table4(report)}
    sections = tuple(ReportSection(heading, tables.get(key),
                                   Markup(view.sections[key].html) if key in PROSE_KEYS else None)
                     for key, heading in SECTIONS)
    figures = figures_csv(report)
    csv_file = report.source.with_suffix(".csv")
    downloads = (
        FileItem(f"{report.year}年度报告数据（表二至表四）", link(urls.file_url(csv_file)), "CSV", human_size(len(figures))),
        FileItem(f"{report.year}年度报告源文件", link(urls.file_url(report.source)), "YAML", human_size(report.source_size)),
    )
    return Page(url=view.url, title=view.title, section=urls.REPORTS, context=ReportContext(report, sections, downloads),
                link=link, crumbs=crumbs(link, Link(urls.REPORTS, "政府信息公开工作年度报告"),
                                         Link(view.url, f"{report.year}年")),
                lastmod=report.published_on.isoformat(), files=((csv_file.as_posix(), figures),))


def inspection_page(model: SiteModel, report: InspectionReport) -> Page:
    def where(finding) -> str:
        return (finding.source.as_posix() if finding.source else "site.yaml") + (f":{finding.line}" if finding.line else "")
    groups = []
    for rule in RULES:
        entries = tuple(InspectionEntry(where(f), f.message) for f in report.findings if f.rule is rule)
        if entries:
            groups.append(InspectionGroup(rule.area, rule.title, entries))
    suppressed = tuple(InspectionEntry(where(s), s.message, s.reason) for s in report.suppressed)
    link = urls.linker(INSPECTION_URL)
    return Page(url=INSPECTION_URL, title="政府信息公开自查报告", section=None,
                context=InspectionContext(report, tuple(groups), suppressed), link=link,
                crumbs=crumbs(link, Link(INSPECTION_URL, "自查报告")), in_sitemap=model.site.inspection.page == "public")


def contact_rows(model: SiteModel) -> tuple[MetadataRow, ...]:
    office = model.site.office
    return (MetadataRow("机构名称", office.name), MetadataRow("办公地址", office.address),
            MetadataRow("邮政编码", office.postcode), MetadataRow("办公时间", office.hours),
            MetadataRow("联系电话", office.phone), MetadataRow("传真", office.fax),
            MetadataRow("电子邮箱", office.email, f"mailto:{office.email}"))


def apply_pages(model: SiteModel) -> Iterator[Page]:
    """依申请公开: the channels, the office, time limits and fees, the 申请表 (a page to print and an RTF
    file to fill in), and the quarterly 办理情况分析 reports."""
    form = form_rtf(model.site.name, model.site.office.name)
    form_path = urls.APPLY + FILE_NAME
    link = urls.linker(urls.APPLY)
    form_file = FileItem(TITLE, link(form_path), "RTF", human_size(len(form)))
    reports = tuple(list_item(v, link) for v in model.documents if v.document.kind == APPLICATION_REPORT_KIND)
    yield Page(url=urls.APPLY, title="依申请公开", section=urls.APPLY, link=link,
               context=ApplyContext(contact_rows(model), model.site.application_url, link(urls.GUIDE),
                                    link(urls.APPLY_FORM), form_file, reports),
               crumbs=crumbs(link, Link(urls.APPLY, "依申请公开")), files=((form_path, form),))
    link = urls.linker(urls.APPLY_FORM)
    yield Page(url=urls.APPLY_FORM, title=TITLE, section=urls.APPLY, link=link,
               context=ApplyFormContext(model.site.name, model.site.office.name, FIELDS,
                                        FileItem(TITLE, link(form_path), "RTF", human_size(len(form)))),
               crumbs=crumbs(link, Link(urls.APPLY, "依申请公开"), Link(urls.APPLY_FORM, TITLE)))


def part_pages(model: SiteModel) -> Iterator[Page]:
    """The guide, the rules and the lists of sub-columns, reports and the catalogue."""
    guide = model.guide
    link = urls.linker(guide.url)
    # site.yaml's contacts, unless the guide lists them itself (they are shown once on the page)
    office_rows = () if states_every_contact(guide.guide.body) else contact_rows(model)
    yield Page(url=guide.url, title=guide.guide.title, section=urls.GUIDE,
               context=GuideContext(guide.guide.updated_on, Markup(guide.body.html), office_rows, link(urls.APPLY)),
               link=link,
               crumbs=crumbs(link, Link(guide.url, "政府信息公开指南")), lastmod=guide.guide.updated_on.isoformat())
    link = urls.linker(urls.RULES)
    items = tuple(ListItem(r.rule.title, link(r.url), r.rule.published_on.isoformat(), r.rule.doc_no)
                  for r in model.rules)
    yield Page(url=urls.RULES, title="政府信息公开制度", section=urls.RULES, context=RulesContext(items), link=link,
               crumbs=crumbs(link, Link(urls.RULES, "政府信息公开制度")))
    for view in model.rules:
        rule = view.rule
        link = urls.linker(view.url)
        rows = [("发文字号", rule.doc_no), ("发布日期", rule.published_on), ("有效性", rule.validity)]
        yield Page(url=view.url, title=rule.title, section=urls.RULES,
                   context=RuleContext(tuple(MetadataRow(k, str(v)) for k, v in rows if v), Markup(view.body.html)),
                   link=link, crumbs=crumbs(link, Link(urls.RULES, "政府信息公开制度"), Link(view.url, rule.title)),
                   lastmod=rule.published_on.isoformat())
    link = urls.linker(urls.PROACTIVE)
    columns = tuple(ColumnSummary(c.name, link(c.url), len(c.documents),
                                  c.documents[0].document.published_on if c.documents else None)
                    for c in model.columns)
    yield Page(url=urls.PROACTIVE, title="法定主动公开内容", section=urls.PROACTIVE, context=ColumnsContext(columns),
               link=link, crumbs=crumbs(link, Link(urls.PROACTIVE, "法定主动公开内容")))


def normative_row(view: DocumentView, link: Linker) -> NormativeRow:
    doc = view.document
    return NormativeRow(
        title=doc.title, href=link(view.url), doc_no=doc.doc_no, published_on=doc.published_on.isoformat(),
        effective_on=doc.effective_on.isoformat() if doc.effective_on else None, validity=view.validity or "未标注",
        validity_date=doc.expires_on.isoformat() if doc.expires_on else None,
        replaced_by=LinkItem(view.replaced_by.text, link(view.replaced_by.url)) if view.replaced_by else None,
        cleaned_by=tuple(LinkItem(c.text, link(c.url)) for c in view.cleaned_by))


def normative_pages(model: SiteModel) -> Iterator[Page]:
    """规范性文件库: every 规范性文件, newest first, with its validity as of the build date; a page per validity."""
    normative = [v for v in model.documents if v.document.is_normative]
    for path, label, validity in NORMATIVE_FILTERS:
        url = urls.NORMATIVE + path
        link = urls.linker(url)
        chosen = [v for v in normative if validity is None or v.validity == validity]
        filters = tuple(FilterLink(name, link(urls.NORMATIVE + other),
                                   sum(1 for v in normative if wanted is None or v.validity == wanted), other == path)
                        for other, name, wanted in NORMATIVE_FILTERS)
        title = "规范性文件库" if validity is None else f"规范性文件库：{label}"
        trail = (Link(urls.NORMATIVE, "规范性文件库"),) + ((Link(url, label),) if validity else ())
        yield Page(url=url, title=title, section=urls.NORMATIVE, link=link, crumbs=crumbs(link, *trail),
                   context=NormativeContext(filters, tuple(normative_row(v, link) for v in chosen),
                                            "全部规范性文件" if validity is None else f"有效性为“{label}”的规范性文件"),
                   in_sitemap=True)
