"""The build benchmark (bench/build_speed.py) runs every command it times, and --compare flags a regression:
it is how the speed targets are checked (docs/performance.md), so it must not rot. Hugo's site is checked as
files here; Hugo itself is not a dependency of the suite."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

from conftest import REPO

BENCH = REPO / "bench" / "build_speed.py"
ROWS = ["clean, no search", "check (cold)", "clean, search", "no change", "one document", "check (warm)",
        "check, one edit"]


def bench_module(name: str):
    sys.path.insert(0, str(BENCH.parent))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH.parent))


def test_the_benchmark_times_every_command_and_flags_a_regression(tmp_path, capsys):
    figures = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(BENCH), "--documents", "30", "--pairs", "1", "--skip-hugo",
                           "--workdir", str(tmp_path / "work"), "--json", str(figures)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert [line.split("  ")[1].strip() for line in done.stdout.splitlines() if line.startswith("  ") and "MB" in line] == ROWS
    assert (tmp_path / "work/30/site/index.html").is_file() and (tmp_path / "work/30/site/pagefind").is_dir()
    result = json.loads(figures.read_text(encoding="utf-8"))["results"][0]
    assert result["documents"] == 30 and list(result["runs"]) == ROWS
    assert all(run["seconds"] > 0 and run["peak_process_mb"] > 0 for run in result["runs"].values())
    compare = bench_module("build_speed").compare
    capsys.readouterr()
    assert compare([result], figures) == 0 and "no regression" in capsys.readouterr().out
    # against a baseline in which every command took no time at all, every row is a regression
    instant = {"results": [{**result, "runs": {name: {**run, "seconds": 1e-9} for name, run in result["runs"].items()}}]}
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(instant), encoding="utf-8")
    assert compare([result], baseline) == 1
    flagged = [line for line in capsys.readouterr().out.splitlines() if line.startswith("REGRESSION 30 documents, ")]
    assert len(flagged) == len(ROWS)


def test_hugo_gets_the_same_documents_and_a_navigation_rendered_once(tmp_path):
    build_speed, generate_content = bench_module("build_speed"), bench_module("generate_content")
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
