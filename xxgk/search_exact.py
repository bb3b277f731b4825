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
from .search_text import HAN, to_simplified

FOLDER = "search/exact"
KEYS_PER_SHARD = 12  # a shard of about 5 to 10 KB: one is fetched per query that may be exact
SHOWN = ("title", "date", "publisher", "column", "validity")  # what a result shows
CONTEXT = 30  # characters on each side of a citation, shown as its excerpt
NOT_KEY = re.compile(f"[^{HAN}0-9a-z]+")
# 发文字号 as printed in text: an issuer's abbreviation, the year in brackets, a number and 号.
DOC_NO_IN_TEXT = re.compile(f"([{HAN}]{{1,24}})\\s*[〔\\[(（【［]\\s*([0-9０-９]{{4}})\\s*[〕\\])）】］]\\s*第?\\s*([0-9０-９]+)\\s*号")
CODE_IN_TEXT = re.compile(r"[0-9A-Za-z][0-9A-Za-z/\-.]{5,}")  # 索引号 such as 11999900MB0000000X/2025-00038
TITLE_IN_TEXT = re.compile(r"《([^《》\n]{2,200})》")
# A notice that issues a regulation (关于印发《办法》的通知) is also found by the regulation's name.
ISSUED_IN_TITLE = re.compile(r"印发[^《》]{0,8}《([^《》]{2,200})》")


def exact_key(text: str) -> str:
    """What identifies a title or number however it is typed: Simplified, letters lower-case, and only
    Han characters, digits and letters (肥政办字[2020]12号 == 肥政办字〔2020〕12号 == 肥政辦字（2020）12號)."""
    return NOT_KEY.sub("", to_simplified(unicodedata.normalize("NFKC", text)).lower())


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


def plain(text: str) -> str:
    """Simplified, on one line, otherwise as written: citations are found in it and excerpts cut from it."""
    return to_simplified(text).replace("\n", " ")


def citations(plain: str) -> Iterable[tuple[str, int, int]]:
    """Candidate keys cited in `plain` text, with the span that cites each."""
    for match in TITLE_IN_TEXT.finditer(plain):
        yield exact_key(match.group(1)), match.start(), match.end()
    for match in DOC_NO_IN_TEXT.finditer(plain):
        issuer, rest = match.group(1), match.group(2) + match.group(3) + "号"
        # the issuer's abbreviation is the tail of the Han run before the bracket (根据示发改〔2024〕7号)
        for start in range(len(issuer)):
            yield exact_key(issuer[start:] + rest), match.start(1) + start, match.end()
    for match in CODE_IN_TEXT.finditer(plain):
        yield exact_key(match.group()), match.start(), match.end()


def excerpt(plain: str, start: int, end: int) -> list[str]:
    """[before, cited, after]: the citation with some text on each side, for the browser to mark."""
    before = ("…" if start > CONTEXT else "") + plain[max(0, start - CONTEXT):start]
    after = plain[end:end + CONTEXT] + ("…" if end + CONTEXT < len(plain) else "")
    return [before, plain[start:end], after]


def exact_shards(records: list[SearchRecord]) -> tuple[int, dict[int, dict[str, dict]]]:
    """(shard count, shard number -> {key: {"match": [cards], "cited_by": [cards]}}). A page cites a
    key when its text holds that same title in 《》 or that same number, as a phrase search would find it."""
    owners: dict[str, list[SearchRecord]] = {}
    for record in records:
        for key in keys(record):
            owners.setdefault(key, []).append(record)
    cited_by: dict[str, dict[str, dict]] = {}  # key -> citing url -> card
    for record in records:
        text = plain(record.title + "\n" + record.text)
        for key, start, end in citations(text):
            if key in owners and all(owner.url != record.url for owner in owners[key]):
                cited_by.setdefault(key, {}).setdefault(record.url, card(record, excerpt(text, start, end)))
    count = max(1, -(-len(owners) // KEYS_PER_SHARD))
    shards: dict[int, dict[str, dict]] = {}
    for key in sorted(owners):
        citing = cited_by.get(key, {}).values()
        newest_first = sorted(citing, key=lambda c: (c["meta"].get("date", ""), c["url"]), reverse=True)
        shards.setdefault(fnv1a(key) % count, {})[key] = {"match": [card(owner) for owner in owners[key]],
                                                          "cited_by": newest_first}
    return count, shards
