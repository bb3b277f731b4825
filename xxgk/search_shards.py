"""Which search-index shard each page goes to. A site with no more pages than the shard limit has one
index, as before. A larger one is split by publication date: one shard per year, and a year with
more pages than the limit is split into runs of whole months. So a change re-indexes only the shard
of the page's date, no Pagefind run sees more than about the limit, and the shards cover disjoint
spans of time: newest first, one after another, they are in date order (the search page's
"newest first" relies on this)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from .search_records import SearchRecord

SINGLE = "all"


@dataclass(frozen=True)
class Shard:
    name: str  # "all", "2024", or "2024-07" (a year's run of months starting in July)
    records: tuple[SearchRecord, ...]


def month_runs(year: str, records: list[SearchRecord], limit: int) -> list[Shard]:
    """A year's pages in runs of whole months, each run as long as it can be within the limit."""
    shards: list[Shard] = []
    run: list[SearchRecord] = []
    first = ""
    for month, members in groupby(records, key=lambda r: r.date[5:7]):
        members_list = list(members)
        if run and len(run) + len(members_list) > limit:
            shards.append(Shard(f"{year}-{first}", tuple(run)))
            run = []
        if not run:
            first = month
        run.extend(members_list)
    if run:
        shards.append(Shard(f"{year}-{first}", tuple(run)))
    return shards


def assign_shards(records: Sequence[SearchRecord], limit: int) -> list[Shard]:
    """The shards, newest first; each shard's records in (date, URL) order."""
    ordered = sorted(records, key=lambda r: (r.date, r.url))
    if len(ordered) <= limit:
        return [Shard(SINGLE, tuple(ordered))]
    shards: list[Shard] = []
    for year, members in groupby(ordered, key=lambda r: r.date[:4]):
        year_records = list(members)
        shards += [Shard(year, tuple(year_records))] if len(year_records) <= limit else \
            month_runs(year, year_records, limit)
    return shards[::-1]
