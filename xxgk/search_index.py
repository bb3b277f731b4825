"""Building the full-text search bundle with Pagefind (extended build) from the site model: one
record per page, written into the staging folder, plus small shards that map an exact 发文字号 or
索引号 to its page so that searching for a document number puts that document first."""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .assemble import SiteModel
from .bodies import Bodies
from .output import Staging
from .report_format import PROSE_KEYS
from .search_text import html_text, identifier_key, index_text, traditional_map

BUNDLE = "pagefind"
ID_FOLDER = "search/ids"
KEYS_PER_SHARD = 300
LANGUAGE = "zh"


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative
    title: str
    text: str  # what is searched, before index_text
    meta: dict[str, str]
    filters: dict[str, list[str]]
    date: str
    identifiers: tuple[str, ...] = ()  # 发文字号, 索引号


def document_records(model: SiteModel, bodies: Bodies) -> Iterable[SearchRecord]:
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
        text = "\n".join(filter(None, [doc.title, doc.doc_no, doc.index_no, doc.publisher, doc.summary, doc.topic,
                                       "、".join(doc.keywords), html_text(bodies.get(doc.source).html),
                                       *(a.title for a in doc.attachments)]))
        yield SearchRecord(view.url, doc.title, text, meta, filters, doc.published_on.isoformat(),
                           tuple(i for i in (doc.doc_no, doc.index_no) if i))


def other_records(model: SiteModel, bodies: Bodies) -> Iterable[SearchRecord]:
    site = model.site
    guide = model.guide
    yield SearchRecord("guide/", guide.title, guide.title + "\n" + html_text(bodies.get(guide.source).html),
                       {"title": guide.title, "date": guide.updated_on.isoformat(), "publisher": site.name,
                        "column": "政府信息公开指南"},
                       {"栏目": ["政府信息公开指南"], "年份": [str(guide.updated_on.year)], "发布机构": [site.name]},
                       guide.updated_on.isoformat())
    for view in model.rules:
        rule = view.rule
        yield SearchRecord(view.url, rule.title, "\n".join(filter(None, [rule.title, rule.doc_no,
                                                                            html_text(bodies.get(rule.source).html)])),
                           {"title": rule.title, "date": rule.published_on.isoformat(), "publisher": site.name,
                            "column": "政府信息公开制度", **({"doc_no": rule.doc_no} if rule.doc_no else {})},
                           {"栏目": ["政府信息公开制度"], "年份": [str(rule.published_on.year)], "发布机构": [site.name]},
                           rule.published_on.isoformat(), (rule.doc_no,) if rule.doc_no else ())
    for view in model.reports:
        report = view.report
        title = f"{site.name}{report.year}年政府信息公开工作年度报告"
        text = "\n".join([title, *(html_text(bodies.get(report.source, key).html) for key in PROSE_KEYS)])
        yield SearchRecord(view.url, title, text,
                           {"title": title, "date": report.published_on.isoformat(), "publisher": site.name,
                            "column": "政府信息公开工作年度报告"},
                           {"栏目": ["政府信息公开工作年度报告"], "年份": [str(report.published_on.year)],
                            "发布机构": [site.name]}, report.published_on.isoformat())


def search_records(model: SiteModel, bodies: Bodies) -> list[SearchRecord]:
    return [*other_records(model, bodies), *document_records(model, bodies)]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units: the browser computes the same shard number."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def identifier_shards(records: list[SearchRecord]) -> tuple[int, dict[int, dict[str, dict[str, str]]]]:
    keys = {identifier_key(i): {"url": r.url, **r.meta} for r in records for i in r.identifiers}
    count = max(1, -(-len(keys) // KEYS_PER_SHARD))
    shards: dict[int, dict[str, dict[str, str]]] = {}
    for key in sorted(keys):
        shards.setdefault(fnv1a(key) % count, {})[key] = keys[key]
    return count, shards


def record_page(record: SearchRecord) -> str:
    """The copy of a page that Pagefind indexes: metadata in <head>, the split text as the body."""
    head = [f'<meta data-pagefind-meta="{key}[content]" content="{escape(value)}">' for key, value in record.meta.items()]
    head += [f'<meta data-pagefind-filter="{key}[content]" content="{escape(value)}">'
             for key, values in record.filters.items() for value in values]
    head.append(f'<meta data-pagefind-sort="date[content]" content="{escape(record.date)}">')
    # The title as a heading: Pagefind weighs headings above body text, so a title query ranks its page first.
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title></title>' + "".join(head) +
            f"</head><body><main data-pagefind-body><h1>{escape(index_text(record.title))}</h1>"
            f"<p>{escape(index_text(record.text))}</p></main></body></html>")


async def write_bundle(records: list[SearchRecord], output: Path) -> None:
    """Index copies of the pages in one call (the Python API's per-record calls cost 0.1 s each)."""
    from pagefind.index import IndexConfig, PagefindIndex
    with tempfile.TemporaryDirectory(prefix="xxgk-search-") as folder:
        for record in records:
            path = Path(folder) / record.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record_page(record), encoding="utf-8")
        async with PagefindIndex(config=IndexConfig(output_path=str(output))) as index:
            await index.add_directory(folder)


def run_async(coroutine) -> None:
    """asyncio.run, also when the caller already runs an event loop (a notebook, a browser test)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def write_search(staging: Staging, records: list[SearchRecord]) -> int:
    """Pagefind bundle, identifier shards and the Traditional-to-Simplified map. Returns the shard count."""
    run_async(write_bundle(records, staging.path / BUNDLE))
    count, shards = identifier_shards(records)
    for number, entries in shards.items():
        staging.write_text(f"{ID_FOLDER}/{number}.json", json.dumps(entries, ensure_ascii=False, sort_keys=True))
    traditional, simplified = traditional_map()
    staging.write_text("search/t2s.json", json.dumps({"t": traditional, "s": simplified}, ensure_ascii=False))
    return count

