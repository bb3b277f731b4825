"""Exact lookups for the search page: a query that is exactly a page's title, 发文字号 or 索引号 is
answered from small JSON shards, without the full-text index. The answer lists the page itself and
the pages that cite it (by 《title》, 发文字号 or 索引号), each with the sentence that cites it.

A full-text phrase query for a title or document number fetches the index entries of every one of
its characters (1.5 to 2 MB for a title at 10,000 documents); a shard costs a few kilobytes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .search_records import SearchRecord
from .search_text import HAN
from .simplified import to_simplified

FOLDER = "search/exact"
KEYS_PER_SHARD = 12  # a shard of about 5 to 10 KB: one is fetched per query that may be exact
SHOWN = ("title", "date", "publisher", "column", "validity")  # what a result shows
CONTEXT = 30  # characters on each side of a citation, shown as its excerpt
CITING_SHOWN = 50  # newest citing pages kept in a shard; the full-text search finds the rest
EXACT_MIN = 6  # a shorter key without digits is a term, not a title or a number (as search.js asks)
NOT_KEY = re.compile(f"[^{HAN}0-9a-z]+")
ORDINAL_AFTER_YEAR = re.compile(r"([〕\])）】］])\s*第")  # 〔2023〕第1号 is 〔2023〕1号
# 发文字号 as printed in text: an issuer's abbreviation, the year in brackets, a number and 号.
DOC_NO_IN_TEXT = re.compile(f"([{HAN}]{{1,24}})\\s*[〔\\[(（【［]\\s*([0-9０-９]{{4}})\\s*[〕\\])）】］]\\s*第?\\s*([0-9０-９]+)\\s*号")
# Words that may run into an issuer's abbreviation (根据示发改〔2024〕7号, 原示发改规〔2023〕1号): the
# abbreviation is the whole run of Han characters, or what follows one of these.
LEAD_INS = ("根据", "依据", "按照", "依照", "参照", "对照", "执行", "落实", "贯彻", "印发", "转发", "废止", "修改",
            "详见", "参见", "见", "即", "原", "及", "和", "与", "或", "并", "的", "经", "由", "将", "对", "按")
CODE_IN_TEXT = re.compile(r"[0-9A-Za-z][0-9A-Za-z/\-.]{5,}")  # 索引号 such as 11999900MB0000000X/2025-00038
TITLE_IN_TEXT = re.compile(r"《([^《》\n]{2,200})》")
# A notice that issues a regulation (关于印发《办法》的通知) is also found by the regulation's name.
ISSUED_IN_TITLE = re.compile(r"印发[^《》]{0,8}《([^《》]{2,200})》")


def exact_key(text: str) -> str:
    """What identifies a title or number however it is typed: Simplified, letters lower-case, and only
    Han characters, digits and letters (肥政办字[2020]12号 == 肥政办字〔2020〕12号 == 肥政辦字（2020）12號)."""
    text = ORDINAL_AFTER_YEAR.sub(r"\1", to_simplified(unicodedata.normalize("NFKC", text)))
    return NOT_KEY.sub("", text.lower())


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units: the browser computes the same shard number."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def card(record: SearchRecord, excerpt: list[str] | None = None) -> dict:
    """A page as the search page lists it: where it is, what to show, which filters it matches."""
    meta = {key: record.meta[key] for key in SHOWN if record.meta.get(key)}
    return {"url": record.url, "meta": meta, "filters": record.filters, **({"excerpt": excerpt} if excerpt else {})}


def keys(record: SearchRecord) -> tuple[str, ...]:
    """The keys a page answers to: its title, 发文字号 and 索引号."""
    issued = ISSUED_IN_TITLE.findall(record.title)
    return tuple(k for k in dict.fromkeys(exact_key(t) for t in (record.title, *issued, *record.identifiers)) if k)


def issuer_starts(run: str) -> list[int]:
    """Where an issuer's abbreviation may start in a run of Han characters before a bracketed year."""
    starts = {0}
    for word in LEAD_INS:
        at = run.rfind(word)
        if at >= 0 and at + len(word) < len(run):
            starts.add(at + len(word))
    return sorted(starts)


def citations(folded: str) -> Iterable[tuple[str, int, int]]:
    """Candidate keys cited in `folded` text (Simplified, as to_simplified gives), with the span of each."""
    for match in TITLE_IN_TEXT.finditer(folded):
        yield exact_key(match.group(1)), match.start(), match.end()
    for match in DOC_NO_IN_TEXT.finditer(folded):
        run, rest = match.group(1), match.group(2) + match.group(3) + "号"
        for start in issuer_starts(run):
            yield exact_key(run[start:] + rest), match.start(1) + start, match.end()
    for match in CODE_IN_TEXT.finditer(folded):
        yield exact_key(match.group()), match.start(), match.end()


def excerpt(text: str, start: int, end: int) -> list[str]:
    """[before, cited, after]: the citation with some text on each side, for the browser to mark."""
    before = ("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")
    return [before, text[start:end], after]


def newest(cards: Iterable[dict]) -> list[dict]:
    return sorted(cards, key=lambda c: (c["meta"].get("date", ""), c["url"]), reverse=True)


def cited_text(record: SearchRecord) -> str:
    """The text a page's citations are found in, and their excerpts cut from."""
    return (record.title + "\n" + record.text).replace("\n", " ")


def record_citations(record: SearchRecord) -> tuple[tuple[str, int, int], ...]:
    """The candidate keys a page cites, with their spans in cited_text(record): what exact_shards needs of
    each page's text, so a build can compute it once per page and keep it (it reads only title and text)."""
    # to_simplified keeps every offset, so a citation found in the folded text is cut from the original
    return tuple(citations(to_simplified(cited_text(record))))


def exact_shards(records: list[SearchRecord], cited: list[tuple[tuple[str, int, int], ...]] | None = None,
                 ) -> tuple[int, dict[int, dict[str, dict]], dict[str, dict]]:
    """(shard count, shard number -> {key: {"match": [cards], "cited_by": [cards], "cited_total": n}}, outgoing).
    A page cites a key when its text holds that same title in 《》 or that same number, as a phrase search
    would find it. `outgoing` holds the citations of keys no page of this site answers to ({key: {"cited_by",
    "cited_total"}}): on a portal another department's page may (portal_search combines them). `cited`:
    record_citations of each record, when computed already."""
    owners: dict[str, list[SearchRecord]] = {}
    for record in records:
        for key in keys(record):
            owners.setdefault(key, []).append(record)
    cited_by: dict[str, dict[str, dict]] = {}  # key -> citing url -> card
    elsewhere: dict[str, dict[str, dict]] = {}
    if cited is None:
        cited = [record_citations(record) for record in records]
    for record, found in zip(records, cited, strict=True):
        text = cited_text(record)
        for key, start, end in found:
            if key in owners:
                if all(owner.url != record.url for owner in owners[key]):
                    cited_by.setdefault(key, {}).setdefault(record.url, card(record, excerpt(text, start, end)))
            elif len(key) >= EXACT_MIN or any(c.isdigit() for c in key):
                elsewhere.setdefault(key, {}).setdefault(record.url, card(record, excerpt(text, start, end)))
    count = max(1, -(-len(owners) // KEYS_PER_SHARD))
    shards: dict[int, dict[str, dict]] = {}
    for key in sorted(owners):
        citing = newest(cited_by.get(key, {}).values())
        shards.setdefault(fnv1a(key) % count, {})[key] = {"match": [card(owner) for owner in owners[key]],
                                                          "cited_by": citing[:CITING_SHOWN],
                                                          "cited_total": len(citing)}
    outgoing = {key: {"cited_by": newest(found.values())[:CITING_SHOWN], "cited_total": len(found)}
                for key, found in sorted(elsewhere.items())}
    return count, shards, outgoing
