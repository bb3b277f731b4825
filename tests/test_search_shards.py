"""Sharded search index: which shard a page goes to, and that a change re-indexes only its shard."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import REPO, replace_in, tree, write
from xxgk import pipeline, search_index
from xxgk.search_records import SearchRecord
from xxgk.search_shards import assign_shards

TODAY = "2026-11-22"


def record(date: str, name: str = "x") -> SearchRecord:
    return SearchRecord(f"documents/{date}-{name}/", name, "", {}, {}, date)


def test_a_site_within_the_limit_has_one_index():
    shards = assign_shards([record("2024-01-02"), record("2023-05-06")], limit=2)
    assert [(s.name, len(s.records)) for s in shards] == [("all", 2)]


def test_larger_sites_are_split_by_year_then_by_runs_of_months_newest_first():
    records = [record("2023-02-01"), record("2024-01-05"), record("2024-01-20"), record("2024-02-03"),
               record("2024-07-09"), record("2024-07-10"), record("2025-03-01")]
    shards = assign_shards(records, limit=3)
    assert [(s.name, len(s.records)) for s in shards] == [("2025", 1), ("2024-07", 2), ("2024-01", 3), ("2023", 1)]
    # each shard covers its own span of dates: shard after shard, newest first, is date order
    spans = [(min(r.date for r in s.records), max(r.date for r in s.records)) for s in shards]
    assert all(older[1] < newer[0] for newer, older in zip(spans, spans[1:], strict=False))


def test_adding_a_page_moves_no_page_of_another_year():
    before = {s.name: s.records for s in assign_shards([record("2023-01-01"), record("2024-05-05"), record("2025-01-01")], 2)}
    after = {s.name: s.records for s in assign_shards([record("2023-01-01"), record("2024-05-05"), record("2024-06-01"),
                                                        record("2025-01-01")], 2)}
    assert before["2023"] == after["2023"] and before["2025"] == after["2025"]


def test_a_change_reindexes_only_its_shard_and_the_result_equals_a_clean_build(demo, run):
    with (demo / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("limits:\n  search_shard_pages: 25\n")
    first = run("build", "--content", "content", "--out", "site", "--today", TODAY)
    assert first.code == 0, first.err
    shards = int(first.out.split("搜索索引共 ")[1].split(" ")[0])
    assert shards >= 4 and f"本次重建 {shards} 个" in first.out
    replace_in(demo / "documents/2025/price-monitoring-2025-05.md", "title: 2025年5月", "title: 2025年五月")
    second = run("build", "--content", "content", "--out", "site", "--today", TODAY)
    assert second.code == 0 and "本次重建 1 个" in second.out
    clean = run("build", "--content", "content", "--out", "clean", "--today", TODAY, "--no-cache")
    assert clean.code == 0
    assert tree(Path("site")) == tree(Path("clean"))


def test_a_changed_page_alone_is_searched_for_citations_and_copied_for_pagefind_again(demo, run, monkeypatch):
    monkeypatch.setenv("XXGK_JOBS", "1")  # computed in this process, where the calls are counted
    with (demo / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("limits:\n  search_shard_pages: 25\n")
    calls: Counter[str] = Counter()
    citations, page = pipeline.record_citations, search_index.record_page
    monkeypatch.setattr(pipeline, "record_citations", lambda record: calls.update(["citations"]) or citations(record))
    monkeypatch.setattr(search_index, "record_page", lambda record, shard=None: calls.update(["page"]) or page(record, shard))

    def build() -> Counter[str]:
        calls.clear()
        assert run("build", "--content", "content", "--out", "site", "--today", TODAY).code == 0
        return Counter(calls)
    first = build()
    assert first["citations"] > 50 and first["page"] == first["citations"]  # every page, the first time
    replace_in(demo / "documents/2025/price-monitoring-2025-05.md", "价格总体平稳", "价格总体稳定")
    assert build() == {"citations": 1, "page": 1}
    # another year's shard, taken whole from the cache by the last build, still has its pages' copies
    replace_in(demo / "documents/2023/functions-and-structure-2023.md", "## 四、联系方式", "## 四、联系办法")
    assert build() == {"citations": 1, "page": 1}
    write(demo / "templates/assets/site.css", (REPO / "templates/assets/site.css").read_text(encoding="utf-8") + "\n")
    assert build() == {}  # no page's text changed: the exact lookup and every shard taken whole
    replace_in(demo / "documents/2024/price-monitoring-2024-05.md", "价格总体平稳", "价格总体稳定")
    assert build() == {"citations": 1, "page": 1}
