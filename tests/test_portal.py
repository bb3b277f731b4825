"""`xxgk portal`: departments built apart and combined, the portal's home page and search data, and a
department whose build failed keeping the version last published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from portal_fixture import CZJ_TITLE, NAMES, make_portal

from conftest import FIXTURE_EPOCH, replace_in, soup, texts, tree
from xxgk.search_exact import exact_key, fnv1a


@pytest.fixture
def portal(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return make_portal(tmp_path / "platform")


def test_the_portal_lists_every_department_and_publishes_each_under_its_address(portal, run):
    result = run("portal", "--content", "platform", "--out", "site")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["fgw：已生成", "czj：已生成", "tjj：已生成", "已生成平台到 site：3 个部门。"]
    home = soup(Path("site/index.html"))
    assert texts(home.select("main h2")) == ["市政府组成部门", "其他部门"]
    assert texts(home.select("main h3")) == [NAMES["fgw"], NAMES["czj"], NAMES["tjj"]]
    assert [a["href"] for a in home.select("main h3 a")] == ["fgw/", "czj/", "tjj/"]
    latest = home.select_one("#department-czj").find_parent("section").select("li a")
    assert (latest[0].get_text(), latest[0]["href"]) == (CZJ_TITLE, "czj/documents/2024/blueberries/")
    # each column is its own build with the portal's address as base_url
    column = soup(Path("site/czj/documents/2024/blueberries/index.html"))
    assert column.select_one("link[rel=canonical]")["href"] == "https://gk.example.gov.cn/czj/documents/2024/blueberries/"
    assert "测试市财政局" in column.select_one(".site-organ").get_text()
    assert soup(Path("site/czj/404.html")).select_one("link[rel=stylesheet]")["href"] == "/czj/assets/site.css"
    sitemap = Path("site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://gk.example.gov.cn/tjj/sitemap.xml</loc>" in sitemap
    search = soup(Path("site/search/index.html")).select_one("#search-app")
    assert [(i["path"], i["department"]) for i in json.loads(search["data-indexes"])] == [
        ("fgw/", NAMES["fgw"]), ("czj/", NAMES["czj"]), ("tjj/", NAMES["tjj"])]
    assert search["data-filters"].split()[0] == "部门"


def test_exact_lookups_span_departments_with_citations_from_another(portal, run):
    assert run("portal", "--content", "platform", "--out", "site").code == 0
    count = int(soup(Path("site/search/index.html")).select_one("#search-app")["data-exact-shards"])
    key = exact_key(CZJ_TITLE)
    entry = json.loads(Path(f"site/search/exact/{fnv1a(key) % count}.json").read_text(encoding="utf-8"))[key]
    assert [(c["url"], c["filters"]["部门"]) for c in entry["match"]] == [("czj/documents/2024/blueberries/", [NAMES["czj"]])]
    assert [(c["url"], c["excerpt"][1]) for c in entry["cited_by"]] == [("tjj/documents/2024/citing/", f"《{CZJ_TITLE}》")]
    # a title every department has answers with each department's page
    shared = exact_key("测试市测试局主要职责")
    entry = json.loads(Path(f"site/search/exact/{fnv1a(shared) % count}.json").read_text(encoding="utf-8"))[shared]
    assert sorted(c["url"].split("/")[0] for c in entry["match"]) == ["czj", "fgw", "tjj"]


def test_combining_prebuilt_departments_gives_the_same_site_as_building_them(portal, run):
    assert run("portal", "--content", "platform", "--out", "whole").code == 0
    prebuilt = []
    for slug in NAMES:  # each department's own CI job
        built = run("build", "--content", f"platform/departments/{slug}", "--out", f"built/{slug}", "--quiet",
                    "--base-url", f"https://gk.example.gov.cn/{slug}/", "--cache", f"cache-{slug}")
        assert built.code == 0, built.err
        prebuilt += ["--from", f"{slug}=built/{slug}"]
    combined = run("portal", "--content", "platform", "--out", "combined", *prebuilt)
    assert combined.code == 0, combined.err
    assert combined.out.splitlines()[:3] == ["fgw：已合并（预先生成）", "czj：已合并（预先生成）", "tjj：已合并（预先生成）"]
    assert tree(Path("combined")) == tree(Path("whole"))


def test_a_department_whose_build_fails_keeps_its_last_published_version(portal, run):
    assert run("portal", "--content", "platform", "--out", "site").code == 0
    before = tree(Path("site/czj"))
    replace_in(portal / "departments/czj/documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-02-30")
    replace_in(portal / "departments/fgw/documents/2024/functions.md", "title: 测试市测试局主要职责",
               "title: 测试市测试局主要职责（修订）")
    result = run("portal", "--content", "platform", "--out", "site")
    assert result.code == 0  # the others are published
    assert "czj：本次生成失败，保留上一次发布的版本" in result.out.splitlines()
    assert ("  platform/departments/czj/documents/2024/functions.md:5: 错误 [date] published_on（发布日期）\"2024-02-30\" "
            "不是有效日期，应为 YYYY-MM-DD（如 2024-03-05）") in result.err.splitlines()
    assert result.out.splitlines()[-1] == "已生成平台到 site：3 个部门，其中 1 个本次生成失败（见上）。"
    assert tree(Path("site/czj")) == before
    assert "（修订）" in Path("site/fgw/documents/2024/functions/index.html").read_text(encoding="utf-8")
    assert run("portal", "--content", "platform", "--out", "site", "--strict").code == 1


def test_a_prebuilt_folder_that_is_not_a_built_column_is_not_taken(portal, run):
    Path("not-a-site").mkdir()
    result = run("portal", "--content", "platform", "--out", "site", "--from", "tjj=not-a-site")
    assert result.code == 0
    assert "tjj：生成失败，且没有可保留的版本：平台上暂不显示该部门" in result.out.splitlines()
    assert "  not-a-site 不是 xxgk 生成的网站（缺少 .xxgk-site）" in result.err.splitlines()
    assert not Path("site/tjj").exists()
    assert NAMES["tjj"] not in Path("site/index.html").read_text(encoding="utf-8")


def test_portal_yaml_problems_name_the_file_and_line(portal, run):
    replace_in(portal / "portal.yaml", "departments: [fgw, czj]", "departments: [fgw, czj, fgw, jtj]")
    result = run("portal", "--content", "platform", "--out", "site")
    assert result.code == 1
    assert result.err.splitlines()[:2] == [
        "platform/portal.yaml:5: 错误 [duplicate-department] 部门 \"fgw\" 在 groups 中出现了两次（另一处在第 5 行）",
        "platform/portal.yaml:5: 错误 [unknown-department] groups 中的部门 \"jtj\" 在 departments/ 中没有对应的文件夹"]
    assert not Path("site").exists()


def test_a_department_folder_may_not_take_a_name_the_portal_uses(portal, run):
    (portal / "departments/fgw").rename(portal / "departments/search")
    replace_in(portal / "portal.yaml", "departments: [fgw, czj]", "departments: [czj]")
    result = run("portal", "--content", "platform", "--out", "site")
    assert result.code == 1
    assert result.err.splitlines()[0] == ("platform/departments/search: 错误 [path] 部门文件夹名 \"search\" 与平台自身的页面或"
                                          "文件同名，请改用其他名称")


def test_combining_in_several_passes_gives_the_same_exact_lookups(portal, run, monkeypatch):
    """With more exact-lookup JSON than MERGE_BYTES, combining reads the departments' shards in several
    passes, holding only a share at a time: the result is the same."""
    assert run("portal", "--content", "platform", "--out", "one-pass").code == 0
    import xxgk.portal_search
    monkeypatch.setattr(xxgk.portal_search, "MERGE_BYTES", 2000)
    assert run("portal", "--content", "platform", "--out", "several-passes").code == 0
    assert tree(Path("several-passes")) == tree(Path("one-pass"))
    assert len(list(Path("one-pass/search/exact").glob("*.json"))) > 1
