"""The build benchmark (bench/build_speed.py) runs every command it times, and --compare flags a regression:
it is how the speed targets are checked (docs/performance.md), so it must not rot. Hugo's site is checked as
files here; Hugo itself is not a dependency of the suite."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

BENCH = REPO / "bench" / "build_speed.py"
ROWS = ["clean, no search", "check (cold)", "clean, search", "no change", "one document", "check (warm)",
        "check, one edit"]


def bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True, check=False)


def test_the_benchmark_times_every_command_and_flags_a_regression(tmp_path):
    figures = tmp_path / "figures.json"
    done = bench("--documents", "30", "--pairs", "1", "--skip-hugo", "--json", str(figures))
    assert done.returncode == 0, done.stderr
    assert [line.split("  ")[1].strip() for line in done.stdout.splitlines() if line.startswith("  ") and "MB" in line] == ROWS
    result = json.loads(figures.read_text(encoding="utf-8"))["results"][0]
    assert result["documents"] == 30 and list(result["runs"]) == ROWS
    assert all(run["seconds"] > 0 and run["peak_process_mb"] > 0 for run in result["runs"].values())
    # a baseline in which every command took a tenth of the time: all of them are regressions
    faster = {"results": [{**result, "runs": {name: {**run, "seconds": run["seconds"] / 10}
                                              for name, run in result["runs"].items()}}]}
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(faster), encoding="utf-8")
    compared = bench("--documents", "30", "--pairs", "1", "--skip-hugo", "--compare", str(baseline))
    assert compared.returncode == 1
    assert sum(line.startswith("REGRESSION 30 documents, ") for line in compared.stdout.splitlines()) == len(ROWS)


def test_hugo_gets_the_same_documents_and_a_navigation_rendered_once(tmp_path):
    sys.path.insert(0, str(BENCH.parent))
    try:
        import build_speed
        import generate_content
    finally:
        sys.path.remove(str(BENCH.parent))
    content = tmp_path / "content"
    generate_content.generate(REPO / "content", content, 12)
    build_speed.make_hugo_site(content, tmp_path / "hugo")
    ours = sorted(p.relative_to(content).as_posix() for p in (content / "documents").rglob("*.md"))
    hugo = sorted(p.relative_to(tmp_path / "hugo/content").as_posix()
                  for p in (tmp_path / "hugo/content/documents").rglob("*.md") if p.name != "_index.md")
    assert len(ours) == 12 and hugo == ours
    first = ours[0]
    body = (content / first).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert (tmp_path / "hugo/content" / first).read_text(encoding="utf-8").split("\n---\n", 1)[1] == body
    # inline, Hugo evaluates site.Sections for every page and its build grows with the square of the pages
    assert '{{ partialCached "nav.html" . }}' in (tmp_path / "hugo/layouts/_default/baseof.html").read_text(encoding="utf-8")
    assert "site.Sections" in (tmp_path / "hugo/layouts/_partials/nav.html").read_text(encoding="utf-8")
