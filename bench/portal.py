"""A portal at scale: D departments of N documents each, built apart, combined, and searched in Chromium.

    python bench/portal.py --departments 3 --documents 200             # a quick check that it all works
    python bench/portal.py --departments 20 --documents 2000 --json bench-portal.json

Generates `platform/` with `portal.yaml` and `departments/<slug>/`: each department is the generator
of bench/build_speed.py (bench/generate_content.py) with a seed of its own, under its own name, 发文字号
prefix and 索引号 organisation code (its catalogue names it as 公开主体). One department has a rare term
in three documents. Then, each as a separate command, like the jobs of a CI matrix and the job after them:

    per department      `xxgk build --content platform/departments/<slug> --out built/<slug>
                         --base-url <portal>/<slug>/ --cache cache/<slug>` (a clean build with search)
    combining, scaling  `xxgk portal --from` over the first D/4 and D/2 departments, and over all of them
                         with `--no-search` (linking only, no exact-lookup merge) (`--skip-scaling`: neither)
    combining           `xxgk portal --content platform --out site --from <slug>=built/<slug> ...`

timing each (wall clock, and the CPU seconds of its process tree, which a busy machine changes less) and
taking its peak memory as bench/build_speed.py does (the largest single process and the whole process
tree). Then it serves `site/` under /gk/ and runs a few queries through the portal's search page in
headless Chromium (Debian's /usr/bin/chromium via Playwright, as bench/search_quality.py does, but each
query in a new browser context, so each is a first visit and nothing is answered by a revalidation): a
rare term of one department, a phrase of every department (also with one 部门 ticked), an exact title
and an exact 发文字号. For each it prints the bytes the query fetched (index chunks, result fragments,
exact-lookup shard), split by department, the bytes of the page load (Pagefind's code and WebAssembly,
each department's entry, metadata and filter indexes, the Traditional map) and the time until the page
showed its results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from bench.build_speed import TODAY, timed, xxgk  # noqa: E402
from bench.generate_content import generate  # noqa: E402
from bench.search_quality import PER_PAGE, PER_QUERY, fold  # noqa: E402
from browser import chromium, serve  # noqa: E402

BASE_URL = "https://gk.example.gov.cn/gk/"  # served under /gk/ by tests/browser.py
PORTAL_NAME = "示例市政府信息公开平台"
GENERATED_NAME, GENERATED_ABBR, GENERATED_CODE = "示例市发展和改革委员会", "示发改", "11999900MB0000000X"
# (slug, name, 发文字号 prefix) of a city's departments; beyond these, numbered ones
DEPARTMENTS = (
    ("fgw", "示例市发展和改革委员会", "示发改"), ("jyj", "示例市教育局", "示教"), ("kjj", "示例市科学技术局", "示科"),
    ("gxj", "示例市工业和信息化局", "示工信"), ("mzj", "示例市民政局", "示民"), ("sfj", "示例市司法局", "示司"),
    ("czj", "示例市财政局", "示财"), ("rsj", "示例市人力资源和社会保障局", "示人社"),
    ("zrzyj", "示例市自然资源和规划局", "示自然资源"), ("sthjj", "示例市生态环境局", "示环"),
    ("zjj", "示例市住房和城乡建设局", "示建"), ("jtj", "示例市交通运输局", "示交"), ("slj", "示例市水利局", "示水"),
    ("nyncj", "示例市农业农村局", "示农"), ("swj", "示例市商务局", "示商"), ("whlyj", "示例市文化和旅游局", "示文旅"),
    ("wjw", "示例市卫生健康委员会", "示卫健"), ("yjglj", "示例市应急管理局", "示应急"), ("sjj", "示例市审计局", "示审"),
    ("scjgj", "示例市市场监督管理局", "示市监"), ("tjj", "示例市统计局", "示统"), ("ybj", "示例市医疗保障局", "示医保"),
)
DEPARTMENT_FILTER = "部门"
RARE_TERM = "蓝莓种植补贴"  # in three documents of one department, nowhere else
COMMON_PHRASE = "优化营商环境"  # one of the generator's phrases: in most documents of every department
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
TOTAL = re.compile(r"共找到 (\d+) 条")


def departments(count: int) -> list[tuple[str, str, str, str]]:
    """(slug, name, 发文字号 prefix, organisation code) of `count` departments."""
    listed = [*DEPARTMENTS, *((f"bm{k:03d}", f"示例市第{k}局", f"示{k}局") for k in range(len(DEPARTMENTS), count))]
    return [(slug, name, abbr, f"11999900MB{k:07d}X") for k, (slug, name, abbr) in enumerate(listed[:count])]


def make_department(folder: Path, number: int, name: str, abbr: str, code: str, documents: int) -> None:
    """The generator's department with a seed of its own, renamed throughout (site, catalogue, guide,
    rules, reports, titles, 发文字号, 索引号)."""
    generate(REPO / "content", folder, documents, seed=2024 + number)
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".md", ".yaml", ".csv"):
            text = path.read_text(encoding="utf-8")
            renamed = text.replace(GENERATED_NAME, name).replace(GENERATED_ABBR, abbr).replace(GENERATED_CODE, code)
            if renamed != text:
                path.write_text(renamed, encoding="utf-8")


def document_paths(folder: Path) -> list[Path]:
    return sorted((folder / "documents").rglob("*.md"))


def page_url(slug: str, content: Path, source: Path) -> str:
    """A source file's address in the portal (documents/2024/00/doc-000001.md -> <slug>/documents/2024/00/doc-000001/)."""
    return f"{slug}/{source.relative_to(content).with_suffix('').as_posix()}/"


def front(source: Path) -> dict[str, str]:
    match = FRONT_MATTER.match(source.read_text(encoding="utf-8"))
    assert match, source
    return dict(line.split(": ", 1) for line in match.group(1).splitlines() if ": " in line)


def make_platform(root: Path, listed: list[tuple[str, str, str, str]], documents: int) -> list[dict]:
    """platform/ with every department, the rare term in one; returns the queries with what answers them."""
    if root.exists():
        shutil.rmtree(root)
    for number, (slug, name, abbr, code) in enumerate(listed):
        make_department(root / "departments" / slug, number, name, abbr, code, documents)
    half = [slug for slug, *_ in listed[: (len(listed) + 1) // 2]]
    (root / "portal.yaml").write_text(f"name: {PORTAL_NAME}\nbase_url: {BASE_URL}\ngroups:\n"
                                      f"  - name: 市政府组成部门\n    departments: [{', '.join(half)}]\n", encoding="utf-8")
    rare_slug = listed[len(listed) // 2][0]
    rare_folder = root / "departments" / rare_slug
    paths = document_paths(rare_folder)
    rare = [paths[len(paths) * k // 4] for k in (1, 2, 3)]
    for path in rare:
        path.write_text(path.read_text(encoding="utf-8") + f"\n对{RARE_TERM}的申报条件作出调整。\n", encoding="utf-8")
    title_slug, doc_no_slug = listed[-1][0], listed[0][0]
    titled = document_paths(root / "departments" / title_slug)[documents // 3]
    numbered = document_paths(root / "departments" / doc_no_slug)[documents * 2 // 3]
    return [
        {"query": RARE_TERM, "kind": "rare term, one department",
         "expected": sorted(page_url(rare_slug, rare_folder, p) for p in rare)},
        {"query": COMMON_PHRASE, "kind": "phrase, every department", "expected": "containing"},
        {"query": COMMON_PHRASE, "kind": "phrase, 部门 filter ticked", "expected": "containing",
         "filter": listed[1 % len(listed)][1]},
        {"query": front(titled)["title"], "kind": "exact title",
         "expected": [page_url(title_slug, root / "departments" / title_slug, titled)]},
        {"query": front(numbered)["doc_no"], "kind": "exact 发文字号",
         "expected": [page_url(doc_no_slug, root / "departments" / doc_no_slug, numbered)]},
    ]


def timed_cpu(command: list[str], cwd: Path) -> dict:
    """bench/build_speed.py's timed() (seconds, largest process, process tree), and the CPU seconds of the
    whole tree (user and system), which a busy machine changes much less than the wall-clock time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = timed(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {**asdict(run), "cpu_seconds": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}


def folder_figures(path: Path) -> dict[str, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files),
            "pagefind_bytes": sum(p.stat().st_size for p in files if "pagefind" in p.relative_to(path).parts[:1]),
            "exact_bytes": sum(p.stat().st_size for p in files if p.relative_to(path).parts[:2] == ("search", "exact"))}


def build_departments(workdir: Path, listed: list[tuple[str, str, str, str]]) -> list[dict]:
    rows = []
    for slug, *_ in listed:
        shutil.rmtree(workdir / "built" / slug, ignore_errors=True)
        shutil.rmtree(workdir / "cache" / slug, ignore_errors=True)
        command = xxgk("build", "--content", f"platform/departments/{slug}", "--out", f"built/{slug}",
                       "--base-url", f"{BASE_URL}{slug}/", "--cache", f"cache/{slug}")
        run = timed_cpu(command, workdir)
        written = workdir / "built" / slug / "search/portal.json"
        if not written.is_file():  # exit status 1: the content has errors, nothing was written
            again = subprocess.run(command, cwd=workdir, capture_output=True, text=True, check=False)
            raise SystemExit(f"{slug}: the build wrote nothing:\n{again.stderr[-3000:]}")
        summary = json.loads(written.read_text(encoding="utf-8"))
        rows.append({"slug": slug, **run, **folder_figures(workdir / "built" / slug),
                     "index_shards": len(summary["index_shards"]), "exact_shards": summary["exact_shards"],
                     "load_average": os.getloadavg()[0]})
        print(f"  built {slug:8} {run['seconds']:6.1f} s ({run['cpu_seconds']:5.1f} s CPU), largest process "
              f"{run['peak_process_mb']:5.0f} MB, tree {run['peak_tree_mb']:5.0f} MB, {rows[-1]['files']:,} files, load average {os.getloadavg()[0]:.1f}",
              flush=True)
    return rows


def combine(workdir: Path, slugs: list[str], out: str, search: bool = True) -> dict:
    """`xxgk portal --from` over these departments (another platform folder that links to theirs when fewer);
    without search, it only links the departments' files and writes the home page."""
    platform_dir = workdir / "platform"
    if len(slugs) < len(list((platform_dir / "departments").iterdir())):
        platform_dir = workdir / f"platform-{len(slugs)}"
        shutil.rmtree(platform_dir, ignore_errors=True)
        (platform_dir / "departments").mkdir(parents=True)
        shutil.copy(workdir / "platform/portal.yaml", platform_dir / "portal.yaml")
        for slug in slugs:
            (platform_dir / "departments" / slug).symlink_to(workdir / "platform/departments" / slug)
        text = (platform_dir / "portal.yaml").read_text(encoding="utf-8")
        group = re.search(r"departments: \[(.*)\]", text)
        assert group
        kept = [s for s in group.group(1).split(", ") if s in slugs]
        (platform_dir / "portal.yaml").write_text(text.replace(group.group(0), f"departments: [{', '.join(kept)}]"),
                                                  encoding="utf-8")
    shutil.rmtree(workdir / out, ignore_errors=True)
    command = [sys.executable, str(REPO / "build.py"), "portal", "--content", str(platform_dir.relative_to(workdir)),
               "--out", out, "--no-cache", "--today", TODAY, *([] if search else ["--no-search"])]
    for slug in slugs:
        command += ["--from", f"{slug}=built/{slug}"]
    run = timed_cpu(command, workdir)
    print(f"  combined {len(slugs)} departments{'' if search else ' (--no-search)'} in {run['seconds']:.1f} s "
          f"({run['cpu_seconds']:.1f} s CPU), "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    site = workdir / out
    if not search:
        return {"departments": len(slugs), **run, "files_linked": sum(folder_figures(workdir / "built" / s)["files"]
                                                                              for s in slugs)}
    shards = len(list((site / "search/exact").glob("*.json")))
    exact_in = sum(folder_figures(workdir / "built" / s)["exact_bytes"] for s in slugs)
    files_in = sum(folder_figures(workdir / "built" / s)["files"] for s in slugs)
    portal_exact = sum(p.stat().st_size for p in (site / "search/exact").glob("*.json"))
    return {"departments": len(slugs), **run, "files_linked": files_in, "exact_bytes_read": exact_in,
            "exact_bytes_written": portal_exact, "exact_shards": shards,
            "search_page_bytes": (site / "search/index.html").stat().st_size, "load_average": os.getloadavg()[0]}


def department_of(url: str, slugs: set[str]) -> str:
    """The department a fetched file belongs to ('' for the portal's own files)."""
    path = urllib.parse.urlsplit(url).path.split("/gk/", 1)[-1]
    first = path.split("/", 1)[0]
    return first if first in slugs else ""


def source_contains(workdir: Path, url: str, needle: str) -> bool:
    """Whether the source file of a result's address has the query in its title or text (folded)."""
    slug, _, rest = url.partition("/")
    source = workdir / "platform/departments" / slug / (rest.rstrip("/") + ".md")
    return source.is_file() and needle in fold(source.read_text(encoding="utf-8"))


def file_kind(url: str) -> str:
    """What a fetched search file is, for the page load's breakdown."""
    name = urllib.parse.urlsplit(url).path
    for kind, pattern in (("entry", "pagefind-entry.json"), ("meta", ".pf_meta"), ("filter", "/filter/"),
                          ("wasm", "wasm"), ("t2s", "t2s.json"), ("code", ".js")):
        if pattern in name:
            return kind
    return "other"


def search_figures(workdir: Path, site: Path, queries: list[dict], slugs: list[str]) -> list[dict]:
    """Each query through the portal's search page, as a first visit (a new browser context: nothing
    cached, nothing revalidated): bytes per query and per page load, split by department."""
    rows = []
    known = set(slugs)
    with serve(site) as base, chromium() as browser:
        for entry in queries:
            context = browser.new_context()
            page = context.new_page()
            seen: list[tuple[str, int]] = []

            def record(response, seen=seen) -> None:
                try:
                    seen.append((response.url, len(response.body())))
                except Exception:  # noqa: BLE001 - a response without a body counts as nothing
                    pass
            page.on("response", record)
            started = time.perf_counter()
            ticked = f"&{urllib.parse.quote(DEPARTMENT_FILTER)}={urllib.parse.quote(entry['filter'])}" if "filter" in entry else ""
            page.goto(base + "search/?q=" + urllib.parse.quote(entry["query"]) + ticked)
            page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=600_000)
            ready = time.perf_counter() - started
            hrefs = page.locator(".result-title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
            urls = [h.split("/gk/", 1)[-1] for h in hrefs][:10]
            status = page.locator("#search-status").text_content() or ""
            context.close()
            total = TOTAL.search(status)
            query_bytes: dict[str, int] = {}
            load_bytes: dict[str, int] = {}
            load_kinds: dict[str, int] = {}
            requests = {"query": 0, "page": 0}
            for url, size in seen:
                target = query_bytes if PER_QUERY.search(url) else load_bytes if PER_PAGE.search(url) else None
                if target is None:
                    continue
                department = department_of(url, known)
                target[department] = target.get(department, 0) + size
                if target is load_bytes:
                    load_kinds[file_kind(url)] = load_kinds.get(file_kind(url), 0) + size
                requests["query" if target is query_bytes else "page"] += 1
            needle = fold(unicodedata.normalize("NFKC", entry["query"]))
            if entry["expected"] == "containing":
                relevant = [u for u in urls if source_contains(workdir, u, needle)]
                recall = None
            else:
                relevant = [u for u in urls if u in entry["expected"]]
                recall = len(relevant) / min(10, len(entry["expected"]))
            rows.append({
                "query": entry["query"], "kind": entry["kind"], "filter": entry.get("filter"), "total": int(total.group(1)) if total else None,
                "returned": len(urls), "precision": len(relevant) / len(urls) if urls else 0.0, "recall": recall,
                "first": urls[0] if urls else None,
                "first_right": bool(urls) and urls[0] in relevant,
                "departments_in_results": len({u.split("/", 1)[0] for u in urls}),
                "bytes": sum(query_bytes.values()), "page_bytes": sum(load_bytes.values()),
                "query_bytes_by_department": query_bytes, "page_bytes_by_department": load_bytes,
                "page_bytes_by_kind": load_kinds, "query_requests": requests["query"],
                "page_requests": requests["page"], "seconds_to_ready": ready})
    return rows


def spread(values: list[float]) -> tuple[float, float, float]:
    return min(values), statistics.median(values), max(values)


def report(figures: dict) -> None:
    builds = figures["builds"]
    d, n = figures["departments"], figures["documents"]
    print(f"\n{d} departments x {n:,} documents ({d * n:,} documents)")
    for key, what in (("seconds", "s"), ("cpu_seconds", "s CPU")):
        low, mid, high = spread([b[key] for b in builds])
        print(f"  department build (clean, with search): min {low:.1f} {what}, median {mid:.1f} {what}, "
              f"max {high:.1f} {what}; sequential total {sum(b[key] for b in builds):.1f} {what}")
    print(f"  department build peak memory: largest process {max(b['peak_process_mb'] for b in builds):.0f} MB, "
          f"process tree {max(b['peak_tree_mb'] for b in builds):.0f} MB (the largest over the departments)")
    print(f"  department output: median {statistics.median(b['files'] for b in builds):,.0f} files, "
          f"{statistics.median(b['bytes'] for b in builds) / 2**20:.1f} MB "
          f"(Pagefind {statistics.median(b['pagefind_bytes'] for b in builds) / 2**20:.1f} MB, exact-lookup "
          f"{statistics.median(b['exact_bytes'] for b in builds) / 2**20:.1f} MB), "
          f"{statistics.median(b['index_shards'] for b in builds):.0f} search shard(s)")
    print(f"  {'combining (xxgk portal --from)':34} {'depts':>5} {'seconds':>8} {'CPU s':>6} {'files':>8} "
          f"{'exact JSON in':>13} {'largest process':>16} {'tree':>8}")
    for c in figures["combining"]:
        print(f"  {'':34} {c['departments']:>5} {c['seconds']:8.1f} {c['cpu_seconds']:6.1f} {c['files_linked']:8,} "
              f"{c['exact_bytes_read'] / 2**20:10.1f} MB {c['peak_process_mb']:13.0f} MB {c['peak_tree_mb']:5.0f} MB")
    if len(figures["combining"]) > 1:
        first, last = figures["combining"][0], figures["combining"][-1]
        for key, what in (("seconds", "s"), ("cpu_seconds", "s CPU")):
            slope = (last[key] - first[key]) / (last["departments"] - first["departments"])
            per_file = slope * (last["departments"] - first["departments"]) / (last["files_linked"] - first["files_linked"])
            print(f"  combining grows by {slope:.2f} {what} per department ({per_file * 1e3:.3f} ms per file linked), "
                  f"{first[key] - slope * first['departments']:.1f} {what} fixed")
        memory = (last["peak_process_mb"] - first["peak_process_mb"]) / (last["departments"] - first["departments"])
        print(f"  its largest process grows by {memory:.1f} MB per department, "
              f"{first['peak_process_mb'] - memory * first['departments']:.0f} MB fixed")
    links = figures.get("combining_without_search")
    if links:
        print(f"  combining with --no-search (links and the home page only, no exact-lookup merge): {links['seconds']:.1f} s "
              f"({links['cpu_seconds']:.1f} s CPU) "
              f"for {links['departments']} departments, largest process {links['peak_process_mb']:.0f} MB")
    searches = figures.get("search", [])
    if not searches:
        return
    print(f"\n  {'query':<40} {'kind':<26} {'results':>7} {'P@10':>5} {'R@10':>5} {'first':>5} {'depts':>5} "
          f"{'KB/query':>9} {'reqs':>5} {'per dept':>8} {'page KB':>8} {'ready':>6}")
    for q in searches:
        shown = q["query"] + (f" 部门={q['filter']}" if q.get("filter") else "")
        by_department = [v for k, v in q["query_bytes_by_department"].items() if k]
        recall = "" if q["recall"] is None else f"{q['recall']:.2f}"
        print(f"  {shown:<40} {q['kind']:<26} {q['total'] or 0:>7} {q['precision']:>5.2f} "
              f"{recall:>5} "
              f"{'yes' if q['first_right'] else 'NO':>5} {len(by_department):>5} {q['bytes'] / 1024:>9.1f} "
              f"{q['query_requests']:>5} "
              f"{statistics.median(by_department) / 1024 if by_department else 0:>8.1f} {q['page_bytes'] / 1024:>8.1f} "
              f"{q['seconds_to_ready']:>5.1f}s")
    print("  (depts: departments whose index chunks the query fetched; reqs: the query's requests; per dept: the "
          "median of the departments' bytes; page KB: "
          "what the page load fetched; ready: seconds until the page showed its results, locally served)")
    load = searches[0]
    kinds = load["page_bytes_by_kind"]
    index_load = sum(kinds.get(kind, 0) for kind in ("entry", "meta", "filter"))
    print(f"  page load: {load['page_bytes'] / 1024:.1f} KB in {load['page_requests']} requests: Pagefind's code and "
          f"WebAssembly {(kinds.get('code', 0) + kinds.get('wasm', 0)) / 1024:.1f} KB and the Traditional map "
          f"{kinds.get('t2s', 0) / 1024:.1f} KB once; the departments' indexes (entry, metadata, filters) "
          f"{index_load / 1024:.1f} KB, {index_load / figures['departments'] / 1024:.1f} KB per department")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=20)
    parser.add_argument("--documents", type=int, default=2000, help="documents per department")
    parser.add_argument("--workdir", type=Path, help="keep the generated folders here (default: a temporary one)")
    parser.add_argument("--skip-scaling", action="store_true", help="combine all departments only, not D/4 and D/2 first")
    parser.add_argument("--skip-combined-search", action="store_true", help="no queries in Chromium")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f}", flush=True)
    listed = departments(args.departments)
    slugs = [slug for slug, *_ in listed]
    with tempfile.TemporaryDirectory(prefix="xxgk-portal-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        workdir = workdir.resolve()
        started = time.perf_counter()
        queries = make_platform(workdir / "platform", listed, args.documents)
        print(f"generated {args.departments} x {args.documents} documents in {time.perf_counter() - started:.0f} s",
              flush=True)
        figures: dict = {"departments": args.departments, "documents": args.documents,
                         "load_average_before": os.getloadavg()[0], "builds": build_departments(workdir, listed)}
        sizes = sorted({max(1, args.departments // 4), max(1, args.departments // 2)} - {args.departments})
        figures["combining"] = [combine(workdir, slugs[:size], f"site-{size}") for size in
                                ([] if args.skip_scaling else sizes)]
        figures["combining"].append(combine(workdir, slugs, "site"))
        if not args.skip_scaling:
            figures["combining_without_search"] = combine(workdir, slugs, "site-links", search=False)
            shutil.rmtree(workdir / "site-links", ignore_errors=True)
        for size in sizes:
            shutil.rmtree(workdir / f"site-{size}", ignore_errors=True)
        if not args.skip_combined_search:
            figures["search"] = search_figures(workdir, workdir / "site", queries, slugs)
    report(figures)
    if args.json:
        args.json.write_text(json.dumps({"machine": platform.node(), "cores": os.cpu_count(), **figures},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
