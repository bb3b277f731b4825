"""--out can never destroy what it points at: the content, a repository, the working directory, a
file, or a folder this tool did not build (unless --force); one build at a time per output folder;
a killed build's temporary folders are removed by the next one."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from conftest import tree, write


def build(run, out: str, *extra: str):
    return run("build", "--content", "content", "--out", out, "--no-search", "--quiet", *extra)


@pytest.mark.parametrize("out, reason", [
    ("content", "与内容目录 content 重叠"),
    ("content/site", "与内容目录 content 重叠"),
    (".", "与内容目录 content 重叠"),
    ("..", "与内容目录 content 重叠"),
])
def test_an_output_folder_over_the_content_or_the_working_directory_is_refused(content, run, out, reason):
    before = tree(content.parent)
    for extra in ((), ("--force",)):
        result = build(run, out, *extra)
        assert result.code == 2 and reason in result.err, result.err
    assert tree(content.parent) == before


def test_the_working_directory_is_never_replaced(content, run, monkeypatch):
    write(Path("work/deeper/notes.md"), "笔记\n")
    monkeypatch.chdir("work/deeper")
    for out in (".", ".."):  # neither overlaps ../../content
        result = run("build", "--content", "../../content", "--out", out, "--no-search", "--force")
        assert result.code == 2 and "是当前目录或包含当前目录" in result.err, result.err
    assert Path("notes.md").exists()


def test_a_repository_is_never_replaced(content, run):
    write(Path("repo/.git/HEAD"), "ref: refs/heads/main\n")
    write(Path("repo/README.md"), "说明\n")
    result = build(run, "repo", "--force")
    assert result.code == 2 and "是一个 git 仓库" in result.err
    assert Path("repo/README.md").read_text(encoding="utf-8") == "说明\n"


def test_a_file_is_never_replaced(content, run):
    write(Path("notes.txt"), "重要笔记\n")
    result = build(run, "notes.txt", "--force")
    assert result.code == 2 and "已存在且不是文件夹" in result.err
    assert Path("notes.txt").read_text(encoding="utf-8") == "重要笔记\n"


def test_a_folder_not_built_by_xxgk_needs_force(content, run):
    write(Path("public/own.html"), "<p>别的网站</p>\n")
    result = build(run, "public")
    assert result.code == 2 and "不是 xxgk 生成的网站" in result.err and "--force" in result.err
    assert Path("public/own.html").exists()
    assert build(run, "public", "--force").code == 0
    assert Path("public/.xxgk-site").is_file() and not Path("public/own.html").exists()
    assert build(run, "public").code == 0  # now it is a site xxgk built
    assert build(run, "empty-or-new").code == 0


def test_one_build_at_a_time_per_output_folder(content, run):
    assert build(run, "site").code == 0
    before = tree(Path("site"))
    with open(".site.xxgk-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another build holds it
        result = build(run, "site")
    assert result.code == 2 and "另一个 xxgk 正在生成到 site" in result.err
    assert tree(Path("site")) == before
    assert build(run, "site").code == 0  # released


def test_temporary_folders_of_a_killed_build_are_removed_by_the_next(content, run):
    leftover = Path(".xxgk-staging-site-k3x9_q2a")  # as mkdtemp names them
    write(leftover / "pages/index.html", "<p>半截</p>")
    another = Path(".xxgk-staging-site-2-k3x9_q2a")  # a build into site-2 may be running: not ours
    write(another / "index.html", "<p>另一个生成进程</p>")
    assert run("build", "--content", "content", "--out", "site", "--quiet").code == 0  # with search
    assert not leftover.exists() and another.exists()
    assert sorted(os.listdir(".")) == [".cache", ".site.xxgk-lock", ".xxgk-staging-site-2-k3x9_q2a", "content", "site"]
