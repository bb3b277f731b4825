"""The 行政许可 and 行政处罚 公示 pages: records/ (both kinds), a list per kind, newest decision first,
with a page per year (a filter without JavaScript), and one page per record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from . import urls
from .assemble import Link, SiteModel
from .contexts import (
    FilterLink,
    MetadataRow,
    RecordContext,
    RecordKindEntry,
    RecordListContext,
    RecordRow,
    RecordsContext,
)
from .decision_records import PUBLISHED, RecordList, RecordView, withdrawn_on
from .pages import Page, crumbs, paginate, pagination

ONE_DAY = dt.timedelta(days=1)
TITLE = "许可处罚公示"
NOTE = "行政许可和行政处罚决定信息"


def record_row(view: RecordView, link) -> RecordRow:
    return RecordRow(view.number, link(view.url), view.title, view.party, view.record.decided_on.isoformat(),
                     view.record.published_on.isoformat())


def list_pages(model: SiteModel, kinds: RecordList) -> Iterator[Page]:
    kind = kinds.kind
    months = kind.months(model.site)
    filters_spec = [(None, "全部", kinds.url)] + [(year, f"{year}年", urls.record_list_url(kind.key, year))
                                                   for year in kinds.years]
    columns = (kind.number, kind.name, "行政相对人名称", kind.decided, PUBLISHED)
    for year, label, base in filters_spec:
        chosen = [v for v in kinds.records if year is None or v.record.decided_on.year == year]
        for number, total, url, chunk in paginate(base, chosen):
            link = urls.linker(url)
            filters = tuple(FilterLink(name, link(href),
                                       sum(1 for v in kinds.records if wanted is None or v.record.decided_on.year == wanted),
                                       href == base)
                            for wanted, name, href in filters_spec)
            trail = [Link(urls.RECORDS, TITLE), Link(kinds.url, kind.title)]
            trail += [Link(base, label)] if year is not None else []
            trail += [Link(url, f"第 {number} 页")] if number > 1 else []
            title = kind.title if year is None else f"{kind.title}：{label}"
            yield Page(url=url, title=title if number == 1 else f"{title}（第 {number} 页）", section=urls.RECORDS,
                       link=link, crumbs=crumbs(link, *trail),
                       context=RecordListContext(kind.title, columns, filters,
                                                 f"{label}的{kind.decision}" if year else f"全部{kind.decision}",
                                                 tuple(record_row(v, link) for v in chunk), len(chosen), months,
                                                 kinds.withdrawn, pagination(base, number, total, link)),
                       lastmod=chosen[0].record.published_on.isoformat() if chosen else None)


def record_page(model: SiteModel, kinds: RecordList, view: RecordView) -> Page:
    link = urls.linker(view.url)
    metadata = tuple(MetadataRow(column, value) for column, value in view.facts)
    return Page(url=view.url, title=view.title, section=urls.RECORDS, link=link,
                crumbs=crumbs(link, Link(urls.RECORDS, TITLE), Link(kinds.url, kinds.kind.title),
                              Link(view.url, view.title)),
                context=RecordContext(kinds.kind.title, metadata, (withdrawn_on(view.record, model.site) - ONE_DAY).isoformat(),
                                      view.record.natural_person),
                lastmod=view.record.published_on.isoformat())


def record_pages(model: SiteModel) -> Iterator[Page]:
    if not model.records:
        return
    link = urls.linker(urls.RECORDS)
    entries = tuple(RecordKindEntry(k.kind.title, link(k.url), len(k.records), k.kind.months(model.site))
                    for k in model.records)
    yield Page(url=urls.RECORDS, title=TITLE, section=urls.RECORDS, link=link, context=RecordsContext(entries),
               crumbs=crumbs(link, Link(urls.RECORDS, TITLE)))
    for kinds in model.records:
        yield from list_pages(model, kinds)
        for view in kinds.records:
            yield record_page(model, kinds, view)
