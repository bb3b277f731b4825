"""A department's own repository: `xxgk init` (with its catalogue imported from the spreadsheet it
publishes), `check` listing what is left to fill in, and `xxgk new` numbering new documents."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from conftest import replace_in, write

TODAY = "2026-12-03"
FILLED = {"name": "测试县发展和改革局", "base_url": "https://fgj.example.gov.cn/gk/",
          "organisation_code": "11999900MB0000000X", "office.name": "测试县发展和改革局办公室",
          "office.address": "测试县人民路1号", "office.postcode": "999001", "office.hours": "工作日上午9:00-12:00",
          "office.phone": "0999-12345678", "office.fax": "0999-12345679", "office.email": "gk@example.gov.cn"}
PLACEHOLDER = re.compile(r"【待填写：[^】]*】")


@pytest.fixture
def department(tmp_path, monkeypatch, run) -> Path:
    monkeypatch.chdir(tmp_path)
    assert run("init", "dept", "--today", TODAY).code == 0
    return tmp_path / "dept"


def fill_in(content: Path) -> None:
    """What the clerk writes: site.yaml's values, and the guide's and rules' blanks."""
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8")
    for key, value in FILLED.items():
        field = key.rsplit(".", 1)[-1]
        text = re.sub(rf"^(\s*{field}: )\"?【待填写：[^】]*】\"?", rf'\g<1>"{value}"', text, count=1, flags=re.M)
    site.write_text(text, encoding="utf-8")
    for path in [content / "guide.md", *sorted((content / "rules").glob("*.md")),
                 *sorted((content / "documents").rglob("*.md"))]:
        path.write_text(PLACEHOLDER.sub("已填写的内容", path.read_text(encoding="utf-8")), encoding="utf-8")


def test_init_writes_a_repository_and_check_lists_what_is_left_file_by_file(department, run):
    files = sorted(p.relative_to(department).as_posix() for p in department.rglob("*") if p.is_file())
    assert files == [".github/workflows/xxgk.yml", ".gitignore", ".gitlab-ci.yml", ".pre-commit-config.yaml",
                     "README.md", "ci/xxgk-ci.sh", "content/catalogue.csv", "content/guide.md",
                     "content/rules/confidentiality-review.md", "content/rules/disclosure-work.md", "content/site.yaml",
                     "requirements.txt"]
    assert (department / "ci/xxgk-ci.sh").stat().st_mode & 0o111
    assert "/site/" in (department / ".gitignore").read_text(encoding="utf-8")
    assert "xxgk==" in (department / "requirements.txt").read_text(encoding="utf-8")
    assert "updated_on: 2026-12-03" in (department / "content/guide.md").read_text(encoding="utf-8")

    result = run("check", "--content", "dept/content", "--today", TODAY)
    assert result.code == 1
    errors = [line for line in result.lines if "错误 [" in line]
    assert all("错误 [placeholder]" in line for line in errors)  # nothing but what is left to write
    assert [line.split(": ", 1)[0] for line in errors] == [
        "dept/content/guide.md:29", "dept/content/guide.md:47", "dept/content/guide.md:78", "dept/content/guide.md:78",
        "dept/content/guide.md:78", "dept/content/rules/confidentiality-review.md:6",
        "dept/content/rules/disclosure-work.md:6", *(f"dept/content/site.yaml:{n}" for n in (3, 4, 5, *range(7, 14)))]
    assert "dept/content/site.yaml:9: 错误 [placeholder] office.postcode（邮政编码）尚未填写：6位邮政编码" in errors
    assert ("dept/content/guide.md:78: 错误 [placeholder] 正文尚未填写：行政复议机关") in errors

    fill_in(department / "content")
    result = run("check", "--content", "dept/content", "--today", TODAY)
    assert result.code == 0, result.out
    assert not [line for line in result.lines if "错误 [" in line]


def test_init_does_not_overwrite_content(department, run):
    result = run("init", "dept", "--today", TODAY)
    assert result.code == 2
    assert result.err.strip() == "xxgk: dept/content 已经存在：xxgk init 只新建，不覆盖已有内容"


def published_xlsx(path: Path) -> Path:
    """The layout catalogues are published in: a title row, a two-row header with merged cells, ticks
    under 公开对象 and 公开方式, 一级事项 merged down its rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["测试县发展和改革局政府信息主动公开基本目录"])
    sheet.merge_cells("A1:M1")
    sheet.append(["序号", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
                  "公开对象", None, "公开方式", None, "公开层级"])
    sheet.append([None, "一级事项", "二级事项", None, None, None, None, None, "全社会", "特定群体", "主动", "依申请", None])
    for column in "ADEFGHM":
        sheet.merge_cells(f"{column}2:{column}3")
    for cells in ("B2:C2", "I2:J2", "K2:L2"):
        sheet.merge_cells(cells)
    rows = [
        [1, "法规文件", "规范性文件", "本机关制定的规范性文件", "《条例》第二十条", "信息形成或者变更之日起20个工作日内",
         "测试县发展和改革局", "政府网站、政务新媒体", "√", None, "√", None, "县级"],
        [2, None, "政策解读", "解读材料", "《条例》", "同上", "测试县发展和改革局", "政府网站", "√", None, "√", None, "县级"],
        [3, "价格信息", "收费标准", "收费项目和标准", "《价格法》", "信息形成或者变更之日起7个工作日内", "测试县发展和改革局",
         "政府网站", "√", None, "√", "√", "县级"],
        [4, None, "依申请事项", "申请人申请的信息", "《条例》第二十七条", "20个工作日", "测试县发展和改革局", "其他",
         None, "√", None, "√", "县级"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("B6:B7")
    book.save(path)
    return path


IMPORTED = """编号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
01-01,法规文件,规范性文件,本机关制定的规范性文件,《条例》第二十条,信息形成或者变更之日起20个工作日内,测试县发展和改革局,政府网站、政务新媒体,全社会,主动,县级
01-02,法规文件,政策解读,解读材料,《条例》,同上,测试县发展和改革局,政府网站,全社会,主动,县级
02-01,价格信息,收费标准,收费项目和标准,《价格法》,信息形成或者变更之日起7个工作日内,测试县发展和改革局,政府网站,全社会,主动,县级
02-02,价格信息,依申请事项,申请人申请的信息,《条例》第二十七条,20个工作日,测试县发展和改革局,其他,特定群体,依申请,县级
"""


def test_init_imports_a_published_xlsx_catalogue(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    result = run("init", "dept", "--catalogue", str(published_xlsx(tmp_path / "目录.xlsx")), "--today", TODAY)
    assert result.code == 0, result.err
    assert result.lines[:2] == [f"已从 {tmp_path / '目录.xlsx'} 导入标准目录：4 个事项，2 个一级事项",
                                "第6行 公开方式同时勾选了主动、依申请，按“主动”导入"]
    assert (tmp_path / "dept/content/catalogue.csv").read_text(encoding="utf-8") == IMPORTED
    fill_in(tmp_path / "dept/content")
    checked = run("check", "--content", "dept/content", "--today", TODAY)
    assert not [line for line in checked.lines if "错误 [" in line], checked.out


def test_init_imports_a_gbk_csv_export_with_one_header_row(tmp_path, monkeypatch, run):
    """A spreadsheet saved as CSV on Chinese Windows: GB18030, 序号 instead of 编号, merged cells left
    empty, 同上 for the row above."""
    monkeypatch.chdir(tmp_path)
    exported = ("序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n"
                "1,法规文件,规范性文件,规范性文件全文,《条例》,20个工作日内,测试县发展和改革局,政府网站,全社会,主动,县级\n"
                "2,,政策解读,解读材料,同上,同上,,政府网站,全社会,主动,县级\n")
    (tmp_path / "目录.csv").write_bytes(exported.encode("gb18030"))
    assert run("init", "dept", "--catalogue", "目录.csv", "--today", TODAY).code == 0
    assert (tmp_path / "dept/content/catalogue.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "01-01,法规文件,规范性文件,规范性文件全文,《条例》,20个工作日内,测试县发展和改革局,政府网站,全社会,主动,县级",
        "01-02,法规文件,政策解读,解读材料,《条例》,同上,测试县发展和改革局,政府网站,全社会,主动,县级"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("目录.xls", b"\xd0\xcf\x11\xe0", "目录.xls：只能导入 .xlsx 或 .csv 文件（.xls、.et 等请先用 Excel 或 WPS 另存为 .xlsx）"),
    ("目录.xlsx", b"not a zip", "无法读取 目录.xlsx：不是有效的 .xlsx 文件"),
    ("目录.csv", "标题\n1,2\n".encode(), "没有找到表头：前 15 行中应有“一级事项”（或“公开事项”）和“公开内容”两列"),
])
def test_an_unusable_catalogue_file_is_refused_before_anything_is_written(tmp_path, monkeypatch, run, name, data,
                                                                           message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    result = run("init", "dept", "--catalogue", name, "--today", TODAY)
    assert result.code == 2
    assert result.err.startswith(f"xxgk: {message}")
    assert not (tmp_path / "dept").exists()


def test_new_document_and_interpretation_are_numbered_and_pass_check_once_written(department, run, monkeypatch):
    monkeypatch.chdir(department)
    fill_in(department / "content")
    write(department / "content/documents/2026/old.md", "---\ntitle: 旧文件\nindex_no: 11999900MB0000000X/2026-00041\n"
          "catalogue: 02-01\npublished_on: 2026-03-02\n---\n正文\n")
    result = run("new", "document", "--catalogue", "01-01", "--title", "关于规范收费的通知", "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.strip() == ("已新建 content/documents/2026/00042.md（索引号 11999900MB0000000X/2026-00042）："
                                  "请填写标有【待填写】的地方，然后运行 xxgk check。")
    policy = (department / "content/documents/2026/00042.md").read_text(encoding="utf-8")
    assert policy.startswith("---\ntitle: 关于规范收费的通知\nindex_no: 11999900MB0000000X/2026-00042  # 索引号：自动编排，不要改动\n"
                             "catalogue: 01-01  # 法规文件／规范性文件\npublished_on: 2026-12-03  # 发布日期\n")
    for field in ("doc_no: 【待填写：发文字号", "kind: 规范性文件", "validity: 有效", "effective_on: 2026-12-03"):
        assert field in policy  # a 规范性文件 item: every field it needs
    checked = run("check", "--today", TODAY)
    assert [line.split(": 错误 ")[1] for line in checked.lines if "错误 [" in line] == [
        "[placeholder] summary（内容概述）尚未填写：内容概述，约100字",
        "[placeholder] doc_no（发文字号）尚未填写：发文字号，如 示发改规〔2026〕1号", "[placeholder] 正文尚未填写：正文"]

    result = run("new", "interpretation", "--of", "11999900MB0000000X/2026-00042", "--today", TODAY)
    assert result.code == 0, result.err
    interpretation = (department / "content/documents/2026/00043.md").read_text(encoding="utf-8")
    assert "title: 《关于规范收费的通知》政策解读\n" in interpretation
    assert "catalogue: 01-02  # 法规文件／政策解读\n" in interpretation
    assert "interprets: 11999900MB0000000X/2026-00042  # 所解读的文件：关于规范收费的通知\n" in interpretation
    fill_in(department / "content")
    replace_in(department / "content/documents/2026/00042.md", "doc_no: 已填写的内容", "doc_no: 测发改规〔2026〕1号")
    checked = run("check", "--today", TODAY, "--format", "json").json()
    assert [p for p in checked["problems"] if p["level"] == "error"] == []
    assert not [p for p in checked["problems"] if p["code"].startswith("interpretation")]  # the pair is linked


def test_the_index_pattern_comes_from_site_yaml(department, run, monkeypatch):
    monkeypatch.chdir(department)
    fill_in(department / "content")
    replace_in(department / "content/site.yaml", "office:", 'index_no_pattern: "FGJ-{year}-{seq:3}"\noffice:')
    assert run("new", "document", "--catalogue", "04-01", "--today", TODAY).code == 0
    assert "index_no: FGJ-2026-001  #" in (department / "content/documents/2026/001.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("arguments", "message"), [
    (["new", "document", "--catalogue", "99-99"], "xxgk: 标准目录中没有公开方式为“主动”的编号 99-99，可用的编号：01-01、"),
    (["new", "interpretation", "--of", "X/2026-00001"], "xxgk: 没有索引号为 X/2026-00001 的文件"),
])
def test_new_refuses_what_it_cannot_number(department, run, monkeypatch, arguments, message):
    monkeypatch.chdir(department)
    fill_in(department / "content")
    result = run(*arguments, "--today", TODAY)
    assert result.code == 2
    assert result.err.startswith(message)


def test_new_needs_the_organisation_code_first(department, run, monkeypatch):
    monkeypatch.chdir(department)
    result = run("new", "document", "--catalogue", "01-01", "--today", TODAY)
    assert result.code == 2
    assert result.err.strip() == "xxgk: content 中的 site.yaml 或 catalogue.csv 有错误或尚未填写完：请先运行 xxgk check 并改正"
