"""Incremental builds: after any kind of change, a build that reuses the cache writes exactly the
bytes a clean build writes, and renders again only the pages the change touches."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, replace_in, tree, write
from xxgk import pipeline
from xxgk.build_cache import BuildCache, tool_version

TODAY = "2026-11-22"


def build(run, out: str, *extra: str):
    result = run("build", "--content", "content", "--out", out, "--today", TODAY, "--no-search", *extra)
    assert result.code == 0, result.out + result.err
    return result


def rendered_again(result) -> int:
    """Pages rendered afresh, from the summary line ("已生成 160 个页面（159 个页面未变，取自缓存）…")."""
    line = result.out.strip().splitlines()[-1]
    if "没有改变" in line:  # "内容和模板自上次生成以来没有改变，site 中的 160 个页面原样保留…"
        return 0
    total = int(line.split("已生成 ")[1].split(" ")[0])
    reused = int(line.split("（")[1].split(" ")[0]) if "取自缓存" in line else 0
    return total - reused


def edit_body(content: Path) -> None:
    replace_in(content / "documents/2024/price-monitoring-2024-05.md", "重要民生商品零售价格", "重要民生商品零售价格（更正）")


def edit_title(content: Path) -> None:
    replace_in(content / "documents/2024/price-monitoring-2024-05.md", "title: 2024年5月", "title: 2024年五月")


def add_document(content: Path) -> None:
    text = (content / "documents/2024/price-monitoring-2024-05.md").read_text(encoding="utf-8")
    text = text.replace("2024-00205", "2024-09205").replace("title: 2024年5月", "title: 2024年5月（补充）")
    write(content / "documents/2024/price-monitoring-2024-05b.md", text)


def delete_document(content: Path) -> None:
    (content / "documents/2024/price-monitoring-2024-05.md").unlink()


def rename_document(content: Path) -> None:
    source = content / "documents/2024/price-monitoring-2024-05.md"
    source.rename(content / "documents/2024/price-monitoring-may-2024.md")


def edit_interpreted_policy(content: Path) -> None:
    replace_in(content / "documents/2023/water-tiered-price-measures.md", "title: ", "title: （修订）")


def override_template(content: Path) -> None:
    base = (REPO / "templates/components/breadcrumbs/macro.html").read_text(encoding="utf-8")
    write(content / "templates/components/breadcrumbs/macro.html", base.replace("<nav", "<nav data-own=\"1\"", 1))


def override_asset(content: Path) -> None:
    write(content / "templates/assets/site.css", (REPO / "templates/assets/site.css").read_text(encoding="utf-8") +
          "\n.own { color: #000; }\n")


def edit_site_settings(content: Path) -> None:
    replace_in(content / "site.yaml", '"0999-55501202"', '"0999-55501203"')


def edit_record(content: Path) -> None:
    replace_in(content / "records/penalties.csv", "责令限期整改，罚款人民币5万元", "责令限期整改，罚款人民币6万元")


def remove_records(content: Path) -> None:  # the 许可处罚公示 part leaves every page's navigation
    shutil.rmtree(content / "records")


CHANGES: dict[str, Callable[[Path], None]] = {
    "edit a body": edit_body, "edit a title": edit_title, "add a document": add_document,
    "delete a document": delete_document, "rename a document": rename_document,
    "edit a policy that has an interpretation": edit_interpreted_policy, "override a template": override_template,
    "override an asset": override_asset, "edit site.yaml": edit_site_settings, "edit a record": edit_record,
    "remove the records": remove_records,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_rebuild_after_a_change_equals_a_clean_build(demo, run, change):
    build(run, "site")
    change(demo)
    build(run, "site")
    build(run, "clean", "--no-cache")
    assert tree(Path("site")) == tree(Path("clean"))


def test_a_rebuild_renders_only_the_pages_a_change_touches(demo, run):
    first = build(run, "site")
    assert rendered_again(first) > 100  # the demo's 160 pages, nothing cached yet
    assert rendered_again(build(run, "site")) == 0  # nothing changed
    edit_body(demo)
    assert rendered_again(build(run, "site")) == 1  # lists show titles and dates, not bodies
    edit_title(demo)
    # the document, the home page's latest list, its sub-column's and 二级事项's list pages
    assert 2 <= rendered_again(build(run, "site")) <= 6
    override_template(demo)
    assert rendered_again(build(run, "site")) == rendered_again(first)


def test_a_broken_or_deleted_cache_only_costs_time(demo, run):
    build(run, "site")
    (Path(".cache") / "xxgk-cache.sqlite").write_bytes(b"not a database")
    edit_body(demo)
    build(run, "site")
    shutil.rmtree(".cache")
    build(run, "again")
    build(run, "clean", "--no-cache")
    assert tree(Path("site")) == tree(Path("clean")) == tree(Path("again"))


def test_a_link_that_a_change_breaks_is_found_although_the_citing_body_is_cached(demo, run):
    write(demo / "documents/2024/cites.md", (demo / "documents/2024/price-monitoring-2024-05.md").read_text(
        encoding="utf-8").replace("2024-00205", "2024-09301") + "\n见[五月监测](price-monitoring-2024-06.md)。\n")
    build(run, "site")
    (demo / "documents/2024/price-monitoring-2024-06.md").unlink()
    result = run("build", "--content", "content", "--out", "site", "--today", TODAY, "--no-search")
    assert result.code == 1
    assert "content/documents/2024/cites.md" in result.err and "price-monitoring-2024-06.md" in result.err


def test_a_rebuild_repairs_what_was_changed_or_added_in_the_output_by_hand(demo, run):
    build(run, "site")
    page = Path("site/documents/2024/price-monitoring-2024-05/index.html")
    page.write_text("改坏了", encoding="utf-8")
    (Path("site/documents/2024") / "stray.html").write_text("不应存在", encoding="utf-8")
    Path("site/empty-folder").mkdir()
    (Path("site/assets/site.css")).unlink()
    build(run, "site")
    build(run, "clean", "--no-cache")
    assert tree(Path("site")) == tree(Path("clean"))


def test_parallel_and_serial_builds_are_byte_identical(demo, run):
    build(run, "parallel", "--no-cache", "--jobs", "2")
    build(run, "serial", "--no-cache", "--jobs", "1")
    assert tree(Path("parallel")) == tree(Path("serial"))


def test_a_build_of_unchanged_content_leaves_the_output_as_it_was(demo, run):
    build(run, "site")
    before = {path: path.stat().st_mtime_ns for path in Path("site").rglob("*")}
    again = build(run, "site")
    assert "内容和模板自上次生成以来没有改变，site 中的" in again.out
    assert {path: path.stat().st_mtime_ns for path in Path("site").rglob("*")} == before
    assert "没有改变" not in build(run, "site", "--today", "2026-11-23").out  # another day: dates may matter
    assert "没有改变" not in build(run, "other").out  # another output folder


@pytest.mark.parametrize("change", [edit_body, override_asset, lambda content: (content / "notes.txt").write_text("x")],
                         ids=["content", "template", "any file"])
def test_any_changed_input_file_means_a_real_build(demo, run, change):
    build(run, "site")
    change(demo)
    assert "没有改变" not in build(run, "site").out


def test_an_output_changed_by_hand_means_a_real_build(demo, run):
    build(run, "site")
    Path("site/empty-folder").mkdir()
    assert "没有改变" not in build(run, "site").out
    build(run, "clean", "--no-cache")
    assert tree(Path("site")) == tree(Path("clean"))
    Path("site/index.html").touch()
    assert "没有改变" not in build(run, "site").out
    assert "没有改变" in build(run, "site").out
    for change in (lambda: write(Path("site/documents/2024/extra.html"), "<p>手工添加</p>"),
                   lambda: next(Path("site/documents").rglob("*.html")).unlink()):
        change()
        assert "没有改变" not in build(run, "site").out
        assert tree(Path("site")) == tree(Path("clean"))
    # a link to a folder is written through and left in place (an operator's choice), never taken as unchanged
    shutil.move("site/documents", "documents-elsewhere")
    Path("site/documents").symlink_to(Path("documents-elsewhere").resolve())
    for _again in range(2):
        result = build(run, "site")
        assert result.code == 0 and "没有改变" not in result.out
    assert Path("site/documents").is_symlink()
    assert tree(Path("site/documents")) == {
        p.removeprefix("documents/"): d for p, d in tree(Path("clean")).items() if p.startswith("documents/")}


def test_a_remembered_build_still_fails_under_strict_when_it_has_warnings(demo, run):
    page = demo / "documents/2024/price-monitoring-2024-05.md"
    write(page, page.read_text(encoding="utf-8") + '\n<span style="color: red">注意</span>\n')  # a warning
    build(run, "site")
    result = run("build", "--content", "content", "--out", "site", "--today", TODAY, "--no-search", "--strict")
    assert result.code == 1 and "网站未生成" in result.err


def test_check_reports_the_same_from_memory_and_sees_every_change(demo, run, monkeypatch):
    first = run("check", "--content", "content", "--today", TODAY)
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "check", None)  # unchanged files: the outcome comes from the cache alone
        assert run("check", "--content", "content", "--today", TODAY).out == first.out
    replace_in(demo / "documents/2024/price-monitoring-2024-05.md", "published_on: 2024-06-10", "published_on: 2024-13-01")
    changed = run("check", "--content", "content", "--today", TODAY)
    assert changed.code == 1 and changed.out != first.out and "price-monitoring-2024-05.md" in changed.out


LOADED_MODULES = ("import sys; from xxgk.cli import main; code = main(sys.argv[1:]); "
                  "print(sorted(m for m in sys.modules if m.split('.')[0] in ('xxgk', 'jinja2', 'jsonschema', 'markdown', "
                  "'frictionless', 'nh3')))")


def test_a_remembered_check_loads_nothing_of_the_pipeline(demo):
    """A clerk's repeated check (or a pre-commit hook) imports only what reports the remembered outcome:
    the pipeline, Jinja2, JSON Schema and Markdown cost more than reading and hashing the files."""
    def check() -> tuple[str, list[str]]:
        done = subprocess.run([sys.executable, "-c", LOADED_MODULES, "check", "--content", "content", "--today", TODAY],
                              capture_output=True, text=True, check=False)
        report, modules = done.stdout.rstrip("\n").rsplit("\n", 1)
        return report, ast.literal_eval(modules)
    first_report, first_modules = check()
    assert "xxgk.pipeline" in first_modules and "jinja2" in first_modules
    report, modules = check()
    assert report == first_report == "检查通过：没有发现问题。"
    assert [m for m in modules if not m.startswith("xxgk")] == []
    assert not {"xxgk.pipeline", "xxgk.bodies", "xxgk.loader", "xxgk.render"} & set(modules)


def test_a_second_build_sharing_the_cache_goes_on_without_it(demo, run, monkeypatch):
    monkeypatch.setattr(BuildCache, "lock_timeout", 0.1)
    other = BuildCache(Path(".cache"))
    other.put("test", "key", "a value")  # another build holds the write lock from here until it closes
    try:
        result = build(run, "site")
        assert "Traceback" not in result.out + result.err
        build(run, "clean", "--no-cache")
        assert tree(Path("site")) == tree(Path("clean"))
    finally:
        other.close()
    assert rendered_again(build(run, "site")) > 100  # the first build could store nothing


def test_a_cache_written_by_another_version_of_the_tool_is_started_afresh(demo, run):
    """Every key includes the tool's version: an upgrade starts a new file instead of deleting the old
    entries one by one (which took over 20 minutes at 100,000 documents)."""
    import sqlite3
    build(run, "site")
    path = Path(".cache") / "xxgk-cache.sqlite"
    with sqlite3.connect(path) as db:
        entries = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        db.execute("UPDATE version SET tool = 'an older version'")
    assert entries > 100
    cache = BuildCache(Path(".cache"))
    assert cache.get("manifest", "anything") is None
    cache.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 0
    result = build(run, "site")  # a real build, filling the new file; the output is as a clean build's
    assert rendered_again(result) > 100
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT tool FROM version").fetchall() == [(tool_version(),)]
    build(run, "clean", "--no-cache")
    assert tree(Path("site")) == tree(Path("clean"))
