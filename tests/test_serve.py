"""`xxgk serve`, used through HTTP as a browser would: the site at the root of the address, a rebuild
after a change, the content's errors on every page while there are any, and back once fixed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from preview import STARTUP_GUARD, get, running_preview, wait_for_generation

from conftest import REPO, replace_in


@pytest.fixture
def preview(content):
    with running_preview(content) as address:
        yield address


def test_serve_rebuilds_after_a_change_and_shows_errors_until_fixed(content, preview):
    status, home, headers = get(preview)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<title>" in home and '<script src="/__xxgk__/reload.js"></script></body>' in home
    assert json.loads(get(preview + "__xxgk__/state")[1]) == {"generation": 1, "ok": True}
    status, missing, _ = get(preview + "no/such/page/")
    assert status == 404 and "页面不存在" in missing
    assert 'href="/assets/site.css"' in missing  # served at the root, whatever base_url says

    document = content / "documents/2024/functions.md"
    replace_in(document, "title: 测试市测试局主要职责", "title: 测试市测试局主要职责（修订）")
    assert wait_for_generation(preview, 2)["ok"]
    assert "测试市测试局主要职责（修订）" in get(preview + "documents/2024/functions/")[1]

    replace_in(document, "published_on: 2024-12-06", "published_on: 2024-02-30")
    assert not wait_for_generation(preview, 3)["ok"]
    for page in ("", "documents/2024/functions/", "guide/"):  # every page says so, none is silently stale
        status, shown, _ = get(preview + page)
        assert status == 500
        assert "内容有错误，网站未更新" in shown
        assert ("content/documents/2024/functions.md:5: 错误 [date] published_on（发布日期）&quot;2024-02-30&quot; "
                "不是有效日期") in shown
        assert '<script src="/__xxgk__/reload.js"></script>' in shown
    assert get(preview + "assets/site.css")[0] == 200

    replace_in(document, "published_on: 2024-02-30", "published_on: 2024-12-06")
    assert wait_for_generation(preview, 4)["ok"]
    assert get(preview + "documents/2024/functions/")[0] == 200


def test_text_files_are_served_as_utf_8(content, preview):
    status, _, headers = get(preview + "documents/2024/%E6%94%B6%E8%B4%B9%E7%9B%AE%E5%BD%95.csv")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"


def test_serve_says_when_the_port_is_taken(content, preview):
    port = preview.rsplit(":", 1)[1].strip("/")
    result = subprocess.run([sys.executable, "-m", "xxgk", "serve", "--content", "content", "--port", port,
                             "--no-search"], cwd=content.parent, capture_output=True, text=True, timeout=STARTUP_GUARD,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 2
    assert f"xxgk: 无法在 127.0.0.1:{port} 上提供预览" in result.stdout + result.stderr
    assert Path(content).is_dir()
