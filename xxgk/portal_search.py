"""One search over every department of a portal, from what each department's build wrote, without
indexing anything again: the search page merges the departments' Pagefind bundles in the browser
(Pagefind's mergeIndex, each labelled with its 部门 filter), and the exact lookups are the
departments' exact-lookup shards combined (a title or number a page of one department answers to,
with the pages of every department that cite it)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .portal_export import OUTGOING, SUMMARY
from .search_exact import CITING_SHOWN, FOLDER, KEYS_PER_SHARD, fnv1a, newest

DEPARTMENT_FILTER = "部门"
MERGE_BYTES = 64 * 1024 * 1024  # of the departments' exact-lookup JSON held at once while combining


@dataclass(frozen=True)
class BuiltDepartment:
    """A department's built column as the portal takes it."""

    slug: str
    site: Path
    summary: dict  # its search/portal.json

    @property
    def name(self) -> str:
        return self.summary["name"]


def read_summary(site: Path) -> dict | None:
    try:
        return json.loads((site / SUMMARY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def relabelled(card: dict, department: BuiltDepartment) -> dict:
    """A department's card as the portal shows it: its address under the portal, its 部门 filter."""
    return {**card, "url": f"{department.slug}/{card['url']}",
            "filters": {**card.get("filters", {}), DEPARTMENT_FILTER: [department.name]}}


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def combined_exact(departments: list[BuiltDepartment], write: Callable[[int, dict[str, dict]], None]) -> int:
    """The portal's exact-lookup shards, in the departments' format (search_exact.exact_shards), given to
    `write` one by one; returns their count. The departments' shards are read in as many passes as it takes
    to hold at most MERGE_BYTES of them at once, each pass combining the output shards of its share of keys,
    so memory stays bounded however many departments the platform has."""
    files = [(d, d.site / FOLDER / f"{number}.json") for d in departments
             for number in range(d.summary.get("exact_shards", 0))]
    keys: set[str] = set()
    for _department, path in files:
        keys.update(read_json(path))
    count = max(1, -(-len(keys) // KEYS_PER_SHARD))
    size = sum(path.stat().st_size for _department, path in files if path.is_file())
    passes = max(1, -(-size // MERGE_BYTES))
    for part in range(passes):
        owners: dict[str, list[dict]] = {}
        citing: dict[str, list[dict]] = {}
        totals: dict[str, int] = {}
        for department, path in files:
            for key, entry in read_json(path).items():
                if fnv1a(key) % count % passes == part:  # every key of one output shard falls in one pass
                    owners.setdefault(key, []).extend(relabelled(c, department) for c in entry["match"])
                    citing.setdefault(key, []).extend(relabelled(c, department) for c in entry["cited_by"])
                    totals[key] = totals.get(key, 0) + entry["cited_total"]
        for department in departments:  # citations of another department's titles and numbers
            for key, entry in read_json(department.site / OUTGOING).items():
                if key in owners:
                    citing[key].extend(relabelled(c, department) for c in entry["cited_by"])
                    totals[key] += entry["cited_total"]
        shards: dict[int, dict[str, dict]] = {}
        for key in sorted(owners):
            shards.setdefault(fnv1a(key) % count, {})[key] = {
                "match": owners[key], "cited_by": newest(citing[key])[:CITING_SHOWN], "cited_total": totals[key]}
        for number in sorted(shards):
            write(number, shards[number])
    return count


def search_indexes(departments: list[BuiltDepartment]) -> list[dict]:
    """What the portal's search page merges: each department's bundle folder, shards and name."""
    return [{"path": f"{d.slug}/", "shards": d.summary.get("index_shards", []), "department": d.name}
            for d in departments if d.summary.get("index_shards")]
