"""The annual report page: sections in order, tables laid out like the national format, every
number readable back at its row and column, downloads."""

import csv
import io

import yaml

from conftest import REPO, soup, texts, write

SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
ROWS_2021 = [
    ("new_received",), ("carried_over",), ("disclosed",), ("partly_disclosed",),
    *[("withheld", k) for k in ("state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                                "internal_affairs", "process_information", "enforcement_files", "administrative_queries")],
    *[("unable", k) for k in ("not_held", "needs_creation", "unclear_after_correction")],
    *[("not_processed", k) for k in ("complaints", "repeated", "publications", "excessive", "confirmation")],
    *[("other", k) for k in ("correction_overdue", "fee_unpaid", "other")],
    ("total",), ("carried_forward",),
]
ROW_LABELS_2021 = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
]


def expand(table) -> list[list]:
    """The table as a matrix of cells, with row and column spans filled in, as a browser lays it out."""
    matrix: dict[tuple[int, int], object] = {}
    for r, row in enumerate(table.select("tr")):
        c = 0
        for tag in row.find_all(["th", "td"], recursive=False):
            while (r, c) in matrix:
                c += 1
            for dr in range(int(tag.get("rowspan", 1))):
                for dc in range(int(tag.get("colspan", 1))):
                    matrix[(r + dr, c + dc)] = tag
            c += int(tag.get("colspan", 1))
    rows = 1 + max(r for r, _ in matrix)
    cols = 1 + max(c for _, c in matrix)
    return [[matrix.get((r, c)) for c in range(cols)] for r in range(rows)]


def read_table3(page):
    """{(row label, column label): number} read from the laid-out table 3."""
    table = page.select_one("#table-3")
    matrix = expand(table)
    header_rows = len(table.select("thead tr"))
    numbers = {}
    for r in range(header_rows, len(matrix)):
        row = matrix[r]
        row_label = [cell for cell in row if cell.name == "th"][-1].get_text(strip=True)
        for c, cell in enumerate(row):
            if cell.name == "td":
                column_label = matrix[header_rows - 1][c].get_text(strip=True)
                ids = cell["headers"]  # a list: BeautifulSoup splits the attribute
                assert matrix[header_rows - 1][c]["id"] in ids  # the column header is announced
                assert [h for h in row if h.name == "th"][-1]["id"] in ids  # and the row header
                assert "num" in cell["class"]
                numbers[(row_label, column_label)] = int(cell.get_text())
    return numbers


def build_demo(tmp_path, run, monkeypatch):
    monkeypatch.chdir(REPO)
    result = run("build", "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"), "--quiet",
                 "--today", "2026-11-22")
    assert result.code == 0, result.err
    return tmp_path / "site"


def test_every_number_of_table_3_reads_back_at_its_row_and_column(tmp_path, run, monkeypatch):
    site = build_demo(tmp_path, run, monkeypatch)
    for year in (2023, 2024, 2025):
        source = yaml.safe_load((REPO / f"content/reports/{year}.yaml").read_text(encoding="utf-8"))
        numbers = read_table3(soup(site / f"reports/{year}/index.html"))
        assert len(numbers) == 175
        for path, label in zip(ROWS_2021, ROW_LABELS_2021, strict=True):
            values = source["applications"]
            for key in path:
                values = values[key]
            for column, value in zip(APPLICANTS, values, strict=True):
                assert numbers[(label, column)] == value, (year, label, column)


def test_sections_in_order_with_official_headings(tmp_path, run, monkeypatch):
    page = soup(build_demo(tmp_path, run, monkeypatch) / "reports/2025/index.html")
    assert texts(page.select("main section[aria-labelledby^=section-] > h2")) == SECTIONS
    assert texts(page.select("h1")) == ["示例市发展和改革委员会2025年政府信息公开工作年度报告"]


def test_table3_header_layout(tmp_path, run, monkeypatch):
    page = soup(build_demo(tmp_path, run, monkeypatch) / "reports/2025/index.html")
    rows = page.select("#table-3 thead tr")
    assert [(th.get_text(strip=True), th.get("colspan"), th.get("rowspan")) for th in rows[0].select("th")] == [
        ("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "3", "3"), ("申请人情况", "7", None)]
    assert [(th.get_text(strip=True), th.get("colspan"), th.get("rowspan")) for th in rows[1].select("th")] == [
        ("自然人", None, "2"), ("法人或其他组织", "5", None), ("总计", None, "2")]
    assert texts(rows[2].select("th")) == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    results = page.select_one("#t3-results")
    assert results.get_text() == "三、本年度办理结果" and results["rowspan"] == "22"
    assert [(g.get_text(), g["rowspan"]) for g in page.select("#table-3 [id^=t3-g-]")] == [
        ("（三）不予公开", "8"), ("（四）无法提供", "3"), ("（五）不予处理", "5"), ("（六）其他处理", "3")]


def test_table2_and_table4(tmp_path, run, monkeypatch):
    page = soup(build_demo(tmp_path, run, monkeypatch) / "reports/2025/index.html")
    table2 = page.select_one("#table-2")
    assert [th.get_text() for th in table2.select("th[colspan='4']")] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    normative = table2.select_one("#t2-normative").find_parent("tr")
    assert texts(normative.select("td")) == ["1", "2", "3"]
    assert normative.select("td")[2]["headers"] == ["t2-b1", "t2-normative", "t2-b1-in_force"]
    assert table2.select_one("#t2-b4-amount").get_text() == "本年收费金额（单位：万元）"
    assert table2.select_one("#t2-fees").find_parent("tr").select_one("td").get_text() == "0"
    table4 = page.select_one("#table-4")
    assert texts(table4.select("tbody td")) == ["1", "0", "0", "1", "2", "0", "0", "0", "0", "0",
                                                 "1", "0", "0", "0", "1"]
    assert table4.select("tbody td")[10]["headers"] == ["t4-lawsuit", "t4-after", "t4-after-0"]
    assert texts(table4.select("thead tr")[0].select("th")) == ["行政复议", "行政诉讼"]


def test_downloads_csv_and_yaml(tmp_path, run, monkeypatch):
    site = build_demo(tmp_path, run, monkeypatch)
    page = soup(site / "reports/2025/index.html")
    links = [(a.get_text(), a["href"]) for a in page.select(".attachments a")]
    assert links == [("2025年度报告数据（表二至表四）", "../2025.csv"), ("2025年度报告源文件", "../2025.yaml")]
    # the source's data, without the clerks' comments
    assert yaml.safe_load((site / "reports/2025.yaml").read_bytes()) == \
        yaml.safe_load((REPO / "content/reports/2025.yaml").read_bytes())
    assert b"#" not in (site / "reports/2025.yaml").read_bytes().split(b"\n")[0]
    data = (site / "reports/2025.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["表格", "项目", "列", "数值"]
    assert ["表三", "三、本年度办理结果 （三）不予公开 4.保护第三方合法权益", "商业企业", "1"] in rows
    assert ["表四", "行政诉讼 复议后起诉", "结果维持", "1"] in rows
    assert len([r for r in rows if r[0] == "表三"]) == 175
    assert len(rows) == 1 + 10 + 175 + 15  # header, table 2, table 3, table 4


def test_2019_trial_format(content, build_site):
    text = (content / "reports/2024.yaml").read_text(encoding="utf-8").replace("year: 2024", "year: 2020")
    text = text.replace("2025-01-20", "2021-01-20").replace("2024年", "2020年").replace("有待提高", "仍需加强")
    text = text.replace("本年度未收取", "2020年未收取")
    start, end = text.index("proactive:"), text.index("applications:")
    text = text[:start] + """proactive:
  regulations: {made: 0, published: 0, total: 0}
  normative: {made: 1, published: 0, total: 3}
  licensing: {items_last_year: 10, change: -2, decisions: 40}
  other_services: {items_last_year: 3, change: 0, decisions: 5}
  penalties: {items_last_year: 20, change: 1, decisions: 4}
  enforcement: {items_last_year: 2, change: 0, decisions: 0}
  fees: {items_last_year: 1, change: 0}
  procurement: {items: 2, amount: 35.5}
""" + text[end:]
    text = text.replace(text[text.index("  other:\n"):text.index("  total:")], "  other: [0, 0, 0, 0, 0, 0, 0]\n")
    write(content / "reports/2020.yaml", text)
    page = soup(build_site(content) / "reports/2020/index.html")
    assert "2019 年试行版" in page.get_text()
    assert page.select_one("#t3-results")["rowspan"] == "20"
    assert page.select_one("#t3-r-other").get_text() == "（六）其他处理"
    assert len(page.select("#table-3 td")) == 23 * 7
    blocks = [th.get_text() for th in page.select("#table-2 th[colspan='4']")]
    assert blocks[-1] == "第二十条第（九）项"
    assert page.select_one("#t2-b2-change").get_text() == "本年增/减"
    licensing = page.select_one("#t2-licensing").find_parent("tr")
    assert texts(licensing.select("td")) == ["10", "-2", "40"]
    procurement = page.select_one("#t2-procurement").find_parent("tr")
    assert texts(procurement.select("td")) == ["2", "35.5"]
