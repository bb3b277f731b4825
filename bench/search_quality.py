"""Search quality and cost, measured through the real search page in headless Chromium.

    python bench/search_quality.py --content content --queries bench/queries/demo.yaml
    python bench/search_quality.py --generate 10000 --queries bench/queries/generated.yaml

Builds the site (timing the whole build and its search stage, with peak memory), serves it under a sub-path,
runs every query of the query file through the search page, and prints precision@10, recall@10
and success@1 per query and overall, the bytes fetched per query (median, p95) and the index size.

A query file is a YAML list of {query, kind, expected, first}: `expected` lists 索引号 (or site paths
such as guide/) in any order, or is the word `containing`: every page whose indexed text contains
the query (folded to Simplified, ignoring punctuation and spaces) is relevant. `first`, when given,
is the one page success@1 requires at the top (the page a title or 发文字号 names).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import resource
import statistics
import sys
import tempfile
import unicodedata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from bench.generate_content import generate  # noqa: E402
from browser import chromium, serve  # noqa: E402
from xxgk.assemble import assemble  # noqa: E402
from xxgk.pipeline import build as build_site  # noqa: E402
from xxgk.pipeline import check  # noqa: E402
from xxgk.search_records import search_records  # noqa: E402
from xxgk.simplified import to_simplified  # noqa: E402

TODAY = dt.date(2026, 11, 22)
# What a query itself fetches: index chunks for its words, fragments of the shown results, the
# exact-lookup shard. Filter indexes, the Traditional map and Pagefind's own code load once per page.
PER_QUERY = re.compile(r"/pagefind/(?:[0-9-]+/)?(index|fragment)/|/search/exact/")  # shards are pagefind/<name>/
PER_PAGE = re.compile(r"/pagefind/|/search/t2s\.json|/assets/search\.js")


def build(content: Path, out: Path) -> tuple[dict[str, str], dict[str, str], dict[str, float]]:
    """Build the site as `build.py build` does; returns (url -> id), (url -> searchable text) and cost figures."""
    result = build_site(content, out, TODAY)
    if not result.written:
        raise SystemExit("\n".join(p.format() for p in result.check.problems.errors[:20]))
    costs = {"build": result.seconds, "search": result.search_seconds,
             "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,  # Pagefind or a forked worker
             "python_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    checked = check(content, TODAY)
    records = search_records(assemble(checked.content, checked.bodies, TODAY))
    ids = {r.url: (r.meta.get("index_no") or r.url) for r in records}
    texts = {r.url: fold(r.title + "\n" + r.text) for r in records}
    return ids, texts, costs


def fold(text: str) -> str:
    """Simplified characters, digits and letters only: how a phrase query sees text."""
    return re.sub(r"[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+", "", to_simplified(unicodedata.normalize("NFKC", text)))


def relevant(entry: dict, ids: dict[str, str], texts: dict[str, str]) -> set[str]:
    if entry["expected"] == "containing":
        needle = fold(entry["query"])
        # a number is a whole word: 统计数据7 does not match 统计数据70
        pattern = re.compile(("(?<![0-9A-Za-z])" if needle[:1].isalnum() and needle[:1].isascii() else "")
                             + re.escape(needle)
                             + ("(?![0-9A-Za-z])" if needle[-1:].isalnum() and needle[-1:].isascii() else ""))
        return {ids[url] for url, text in texts.items() if pattern.search(text)}
    return set(entry["expected"])


def run_queries(site: Path, entries: list[dict], ids: dict[str, str], texts: dict[str, str]) -> list[dict]:
    rows = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        fetched: list[int] = []
        page_load: list[int] = []

        def count(response):
            target = fetched if PER_QUERY.search(response.url) else page_load if PER_PAGE.search(response.url) else None
            if target is not None:
                try:
                    target.append(len(response.body()))
                except Exception:  # noqa: BLE001 - a response without a body counts as nothing
                    pass
        page.on("response", count)
        for entry in entries:
            fetched.clear()
            page_load.clear()
            page.goto(base + "search/?q=" + entry["query"])
            page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=60000)
            hrefs = page.locator(".result-title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
            urls = [h.split("/gk/", 1)[-1] for h in hrefs][:10]
            found = [ids.get(u, u) for u in urls]
            want = relevant(entry, ids, texts)
            hits = len([f for f in found if f in want])
            rows.append({
                "query": entry["query"], "kind": entry.get("kind", "term"), "relevant": len(want),
                "returned": len(found),
                "precision": hits / len(found) if found else (1.0 if not want else 0.0),
                "recall": hits / min(10, len(want)) if want else 1.0,
                "success": 1.0 if found and found[0] == entry.get("first", found[0]) and found[0] in want | {entry.get("first")}
                else 0.0, "bytes": sum(fetched), "page_bytes": sum(page_load)})
    return rows


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def report(rows: list[dict], costs: dict[str, float], index_bytes: int, exact_bytes: int, pages: int) -> None:
    print(f"{'query':<34} {'kind':<12} {'rel':>5} {'ret':>4} {'P@10':>5} {'R@10':>5} {'S@1':>4} {'KB':>7}")
    for r in rows:
        print(f"{r['query']:<34} {r['kind']:<12} {r['relevant']:>5} {r['returned']:>4} {r['precision']:>5.2f} "
              f"{r['recall']:>5.2f} {r['success']:>4.0f} {r['bytes'] / 1024:>7.1f}")
    sizes = sorted(r["bytes"] for r in rows)
    p95 = sizes[min(len(sizes) - 1, int(round(0.95 * (len(sizes) - 1))))]
    exact = [r for r in rows if r["kind"] in ("title", "doc_no", "index_no")]
    print()
    print(f"pages indexed:            {pages}")
    print(f"queries:                  {len(rows)}")
    print(f"precision@10 (mean):      {statistics.mean(r['precision'] for r in rows):.3f}")
    print(f"recall@10 (mean):         {statistics.mean(r['recall'] for r in rows):.3f}")
    print(f"success@1 (all):          {statistics.mean(r['success'] for r in rows):.3f}")
    if exact:
        print(f"success@1 (titles, 发文字号, 索引号): {statistics.mean(r['success'] for r in exact):.3f}")
    print(f"bytes per query:          median {statistics.median(sizes) / 1024:.1f} KB, p95 {p95 / 1024:.1f} KB "
          "(index chunks, result fragments, exact-lookup shard)")
    print(f"bytes per page load:      median {statistics.median(r['page_bytes'] for r in rows) / 1024:.1f} KB "
          "(Pagefind code and WebAssembly, filter indexes, Traditional map: once per visit)")
    print(f"index size (pagefind/):   {index_bytes / 1024 / 1024:.1f} MB")
    print(f"exact-lookup shards:      {exact_bytes / 1024 / 1024:.1f} MB")
    print(f"indexing time:            {costs['search']:.1f} s (records, exact-lookup shards, Pagefind), "
          f"whole build {costs['build']:.1f} s")
    print(f"peak memory:              build process {costs['python_mb']:.0f} MB, largest child (Pagefind or a worker, "
          f"which counts what it shares with the build) {costs['child_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--generate", type=int, help="build a generated folder of this many documents instead")
    parser.add_argument("--queries", type=Path, default=REPO / "bench/queries/demo.yaml")
    parser.add_argument("--shard-pages", type=int, help="limits.search_shard_pages for the generated folder")
    args = parser.parse_args()
    entries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        content = args.content
        if args.generate:
            content = Path(tmp) / "content"
            generate(REPO / "content", content, args.generate)
            if args.shard_pages:
                with (content / "site.yaml").open("a", encoding="utf-8") as settings:
                    settings.write(f"limits:\n  search_shard_pages: {args.shard_pages}\n")
        site = Path(tmp) / "site"
        ids, texts, costs = build(content, site)
        rows = run_queries(site, entries, ids, texts)
        report(rows, costs, folder_size(site / "pagefind"), folder_size(site / "search/exact"), len(ids))


if __name__ == "__main__":
    main()
