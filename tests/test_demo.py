"""The embedded demo department: passes `check --strict` and builds a complete site."""

import subprocess
import sys

from conftest import REPO, soup, texts

DEMO_TODAY = "2026-11-22"
ART_20_ITEMS = 15


def test_demo_passes_strict_check():
    result = subprocess.run([sys.executable, "build.py", "check", "--strict", "--today", DEMO_TODAY],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "检查通过：没有发现问题。"


def test_demo_covers_what_the_issue_asks_for():
    import datetime as dt

    from xxgk.pipeline import check
    content = check(REPO / "content", dt.date.fromisoformat(DEMO_TODAY)).content
    assert len(content.catalogue.sub_columns) == ART_20_ITEMS
    assert len(content.documents) >= 60
    used = {d.catalogue for d in content.documents}
    assert all(item.id in used for item in content.catalogue.items if item.proactive)
    normative = [d for d in content.documents if d.is_normative]
    assert {d.validity for d in normative} == {"有效", "失效", "废止", "已修改"}
    interpreted = {d.interprets for d in content.documents if d.is_interpretation}
    assert all(d.index_no in interpreted for d in normative)
    assert any(d.attachments for d in content.documents)
    assert any("|---" in d.body or "| ---" in d.body for d in content.documents)
    assert 2 <= len(content.rules) <= 3
    assert [r.year for r in content.reports] == [2023, 2024, 2025]


def test_demo_builds(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "build.py", "build", "--out", str(out), "--today", DEMO_TODAY],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    home = soup(out / "index.html")
    assert texts(home.select(".part-name")) == ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容",
                                                "政府信息公开工作年度报告"]
    columns = soup(out / "columns/index.html")
    assert len(columns.select(".column-list li")) == ART_20_ITEMS
    assert "暂无信息" not in columns.get_text()
