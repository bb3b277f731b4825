"""A failure of the machine rather than the content ends in a Chinese message and exit 2, never a
traceback, and leaves the published site as it was."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import pytest

from conftest import tree
from xxgk import output, search_index


def build(run, *extra: str):
    return run("build", "--content", "content", "--out", "site", "--quiet", *extra)


def test_without_pagefind_the_build_says_so_and_suggests_no_search(content, run, monkeypatch):
    assert build(run, "--no-search").code == 0
    before = tree(Path("site"))
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # as if the package were not installed
    result = build(run)
    assert result.code == 2 and "Traceback" not in result.err
    assert "未安装 Pagefind 扩展版" in result.err and "--no-search" in result.err and "site 保持不变" in result.err
    assert tree(Path("site")) == before


def test_a_failing_pagefind_is_reported_with_its_exit_status(content, run, monkeypatch):
    monkeypatch.setattr(search_index, "pagefind_executable", lambda: "/bin/false")
    result = build(run)
    assert result.code == 2 and "Pagefind 生成搜索索引失败（退出码 1）" in result.err


def test_a_full_disk_is_a_message(content, run, monkeypatch):
    assert build(run, "--no-search").code == 0
    before = tree(Path("site"))

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "site/index.html")
    monkeypatch.setattr(output.Staging, "write_bytes", full)
    result = build(run, "--no-search", "--no-cache")
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.splitlines() == ["xxgk: 磁盘空间不足：site/index.html", "网站未生成，site 保持不变。"]
    assert tree(Path("site")) == before


def test_a_cache_that_cannot_be_written_only_costs_time(content, run):
    Path("cache-file").write_text("不是文件夹", encoding="utf-8")
    assert build(run, "--no-search", "--cache", "cache-file").code == 0
    assert run("check", "--content", "content", "--cache", "cache-file/sub").code == 0
    assert Path("site/index.html").is_file()


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_a_date_far_from_now_is_a_usage_error(content, run, today):
    result = run("check", "--content", "content", "--today", today)
    assert result.code == 2 and "不在 2000-01-01 至 2099-12-31 之间" in result.err
