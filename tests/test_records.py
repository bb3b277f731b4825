"""行政许可 and 行政处罚 公示 as records: records/licences.csv and records/penalties.csv validated with
file:line messages, published as list pages (one per year) and one page per record, natural persons
masked, withdrawn after their publication period, found by search.

Credit codes here are fictional; their check characters are computed by `credit_code` below,
independently of the module under test."""

import json
from pathlib import Path

import pytest

from conftest import replace_in, soup, texts, tree, write
from xxgk.credit_code import credit_code_problem

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
TODAY = "2025-01-20"  # the minimal fixture's today


def credit_code(first17: str) -> str:
    """GB 32100's check character in its closed form: weights 3**i mod 31."""
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + ALPHABET[(31 - total % 31) % 31]


COMPANY = credit_code("91999900MA0A1B2C3")
OTHER = credit_code("91999900MA0D4E5F6")
LICENCE_HEADER = "行政许可决定书文号,项目名称,行政相对人名称,行政相对人类别,统一社会信用代码,设定依据,许可内容,许可机关,许可日期,有效期至,公示日期"
PENALTY_HEADER = ("行政处罚决定书文号,案件名称,行政相对人名称,行政相对人类别,统一社会信用代码,执法依据,处罚事由,处罚结果,处罚机关,"
                  "处罚日期,公示日期,救济渠道")
REMEDY = "可在收到决定书之日起六十日内申请行政复议"


def licence(number="测许〔2024〕1号", name="某项目核准", party="测试市甲公司", kind="法人及非法人组织", code=COMPANY,
            decided="2024-12-02", published="2024-12-04", until="2026-12-01") -> str:
    return f"{number},{name},{party},{kind},{code},《行政许可法》第十二条,同意建设,测试市测试局,{decided},{until},{published}"


def penalty(number="测罚〔2024〕1号", name="测试市乙公司未明码标价案", party="测试市乙公司", kind="法人及非法人组织",
            code=OTHER, reason="商品未明码标价", decided="2024-12-02", published="2024-12-04") -> str:
    return f"{number},{name},{party},{kind},{code},《价格法》第四十二条,{reason},罚款2000元,测试市测试局,{decided},{published},{REMEDY}"


def write_records(content: Path, licences=None, penalties=None, penalty_header=PENALTY_HEADER) -> None:
    if licences is not None:
        write(content / "records/licences.csv", "\n".join([LICENCE_HEADER, *licences]) + "\n")
    if penalties is not None:
        write(content / "records/penalties.csv", "\n".join([penalty_header, *penalties]) + "\n")


def check_lines(run, *extra) -> list[str]:
    result = run("check", "--content", "content", "--today", TODAY, "--no-cache", *extra)
    return [line.strip() for line in result.out.splitlines()]


# --- the credit code ---------------------------------------------------------------------------

@pytest.mark.parametrize("code", [COMPANY, OTHER, credit_code("11100000000013127"), credit_code("92999900MA0K1L2M3")])
def test_valid_credit_codes_pass(code):
    assert credit_code_problem(code) is None


def test_credit_code_problems_say_what_is_wrong():
    wrong = COMPANY[:17] + ALPHABET[(ALPHABET.index(COMPANY[17]) + 1) % 31]
    assert credit_code_problem(wrong) == f"校验码（第 18 位）应为 {COMPANY[17]}，请核对是否抄错"
    assert credit_code_problem(COMPANY[:17]) == "应为 18 位，实际为 17 位"
    assert credit_code_problem("91999900MA0A1B2CI" + "0").startswith("含有不能使用的字符“I”")


# --- publication -------------------------------------------------------------------------------

@pytest.fixture
def published(content, build_site):
    write_records(content, [licence()], [
        penalty(),
        penalty("测罚〔2024〕2号", "王建国无证经营案", "王建国", "自然人", "", "王建国在住所无证经营"),
    ])
    return build_site(content, "site", "--today", TODAY)


def test_lists_and_record_pages_show_every_column(published):
    page = soup(published / "records/penalties/index.html")
    assert texts(page.select("caption")) == ["全部行政处罚决定（2 条）"]
    assert texts(page.select("thead th")) == ["行政处罚决定书文号", "案件名称", "行政相对人名称", "处罚日期", "公示日期"]
    assert texts(page.select("tbody tr")) == [
        "测罚〔2024〕2号 王**无证经营案 王** 2024-12-02 2024-12-04",
        "测罚〔2024〕1号 测试市乙公司未明码标价案 测试市乙公司 2024-12-02 2024-12-04",
    ]
    href = page.select_one("tbody tr:last-child th a")["href"]
    record = soup((published / "records/penalties" / href / "index.html").resolve())
    rows = dict(zip(texts(record.select(".metadata th")), texts(record.select(".metadata td")), strict=True))
    assert rows == {"行政处罚决定书文号": "测罚〔2024〕1号", "案件名称": "测试市乙公司未明码标价案", "行政相对人名称": "测试市乙公司",
                    "统一社会信用代码": OTHER, "执法依据": "《价格法》第四十二条", "处罚事由": "商品未明码标价",
                    "处罚结果": "罚款2000元", "处罚机关": "测试市测试局", "处罚日期": "2024-12-02", "公示日期": "2024-12-04",
                    "救济渠道": REMEDY}
    assert record.select_one(".record-note").get_text() == "公示期至 2025-12-01，期满后撤下。"
    licences = soup(published / "records/licences/index.html")
    assert texts(licences.select("tbody tr")) == ["测许〔2024〕1号 某项目核准 测试市甲公司 2024-12-02 2024-12-04"]
    overview = soup(published / "records/index.html")
    assert [a.get_text() for a in overview.select("main li a")] == ["行政许可公示", "行政处罚公示"]
    assert "许可处罚公示" in texts(soup(published / "index.html").select(".site-nav a"))


def test_a_natural_person_is_masked_everywhere_and_never_published(published):
    files = tree(published)
    leaking = [name for name, data in files.items() if data is not None and "王建国".encode() in data]
    assert leaking == []
    record = soup(published / "records/penalties/index.html")
    href = record.select_one("tbody tr:first-child th a")["href"]
    page = soup((published / "records/penalties" / href / "index.html").resolve())
    rows = dict(zip(texts(page.select(".metadata th")), texts(page.select(".metadata td")), strict=True))
    assert rows["行政相对人名称"] == "王**" and rows["处罚事由"] == "王**在住所无证经营"
    assert "统一社会信用代码" not in rows
    assert page.select_one(".record-note").get_text().endswith("行政相对人为自然人，依法隐去名字，不公开身份证号码。")
    # the raw file is never published, even when a body links to it
    assert not (published / "records/penalties.csv").exists()


def test_records_are_found_by_number_and_credit_code(published):
    entries = {}
    for shard in (published / "search/exact").glob("*.json"):
        entries.update(json.loads(shard.read_text(encoding="utf-8")))
    number = entries["测罚20241号"]["match"][0]
    assert number["meta"]["column"] == "行政处罚公示" and number["url"].startswith("records/penalties/")
    assert entries[OTHER.lower()]["match"][0]["url"] == number["url"]


def test_no_records_no_part(content, build_site):
    site = build_site(content, "site", "--today", TODAY)
    assert "许可处罚公示" not in texts(soup(site / "index.html").select(".site-nav a"))
    assert not (site / "records").exists()


def test_one_page_per_year_and_twenty_records_a_page(content, build_site):
    rows = [penalty(f"测罚〔2024〕{n}号", f"案件{n}", decided="2024-12-02", published="2024-12-04") for n in range(1, 23)]
    rows.append(penalty("测罚〔2023〕9号", "前年的案件", decided="2023-06-05", published="2023-06-07"))
    write_records(content, penalties=rows)
    with (content / "site.yaml").open("a", encoding="utf-8") as f:
        f.write("records:\n  penalty_months: 36\n")
    site = build_site(content, "site", "--today", TODAY)
    first = soup(site / "records/penalties/index.html")
    assert texts(first.select(".filter-links a")) == ["全部（23）", "2024年（22）", "2023年（1）"]
    assert len(first.select("tbody tr")) == 20
    assert texts(first.select("caption")) == ["全部行政处罚决定（23 条）"]
    assert len(soup(site / "records/penalties/page/2/index.html").select("tbody tr")) == 3
    assert texts(soup(site / "records/penalties/2023/index.html").select("tbody th")) == ["前年的案件"]


# --- withdrawal --------------------------------------------------------------------------------

def test_a_record_is_withdrawn_after_its_period_from_pages_and_search(content, build_site):
    old = penalty("测罚〔2023〕5号", "测试市丙公司过期案", "测试市丙公司", decided="2023-12-01", published="2023-12-05")
    write_records(content, penalties=[penalty(), old])
    site = build_site(content, "site", "--today", TODAY)
    listing = soup(site / "records/penalties/index.html")
    assert texts(listing.select("caption")) == ["全部行政处罚决定（1 条）"]
    assert "已有 1 条公示期满，不再显示" in listing.select_one("main p").get_text()
    leaking = [name for name, data in tree(site).items() if data is not None and "丙公司".encode() in data]
    assert leaking == []


def test_the_period_is_set_in_site_yaml_or_per_record(content, build_site):
    header = PENALTY_HEADER + ",公示截止日期"
    old = penalty("测罚〔2023〕5号", "测试市丙公司过期案", "测试市丙公司", decided="2023-12-01", published="2023-12-05")
    kept_by_date = penalty("测罚〔2023〕6号", "测试市丁公司严重失信案", "测试市丁公司", decided="2023-12-01",
                           published="2023-12-05") + ",2026-11-30"
    write_records(content, penalties=[old + ",", kept_by_date], penalty_header=header)
    site = build_site(content, "site", "--today", TODAY)
    assert texts(soup(site / "records/penalties/index.html").select("tbody th")) == ["测试市丁公司严重失信案"]
    with (content / "site.yaml").open("a", encoding="utf-8") as f:
        f.write("records:\n  penalty_months: 24\n")
    site = build_site(content, "site2", "--today", TODAY)
    assert sorted(texts(soup(site / "records/penalties/index.html").select("tbody th"))) == [
        "测试市丁公司严重失信案", "测试市丙公司过期案"]


# --- errors and findings -----------------------------------------------------------------------

def test_bad_rows_are_errors_naming_file_line_and_column(content, run):
    wrong_code = COMPANY[:17] + ALPHABET[(ALPHABET.index(COMPANY[17]) + 1) % 31]
    write_records(content, [licence(code=wrong_code), licence("测许〔2024〕2号", published="2024-11-29")],
                  [penalty(decided="2024/12/02"), penalty("测罚〔2024〕2号", party="李四", kind="自然人",
                                                          code="110105199003071234"),
                   penalty("测罚〔2024〕3号", code=""), penalty("测罚〔2024〕3号", name="重复")])
    lines = check_lines(run)
    assert f"content/records/licences.csv:2: 错误 [credit-code] 第2行 统一社会信用代码 \"{wrong_code}\" 不是有效的统一社会信用代码：" \
           f"校验码（第 18 位）应为 {COMPANY[17]}，请核对是否抄错" in lines
    assert "content/records/licences.csv:3: 错误 [record-date] 第3行 公示日期 2024-11-29 早于许可日期 2024-12-02：" \
           "不能在作出决定之前公示" in lines
    assert "content/records/penalties.csv:2: 错误 [date] 第2行 处罚日期 \"2024/12/02\" 不是有效日期，应写成 YYYY-MM-DD" \
           "（如 2024-03-01）" in lines
    assert "content/records/penalties.csv:3: 错误 [credit-code] 第3行 行政相对人是自然人，统一社会信用代码 应留空：" \
           "自然人没有统一社会信用代码；身份证号码任何情况下都不公示" in lines
    assert "content/records/penalties.csv:4: 错误 [required] 第4行 统一社会信用代码 不能为空（行政相对人是自然人的，" \
           "请在“行政相对人类别”列填写“自然人”）" in lines
    assert "content/records/penalties.csv:5: 错误 [duplicate-id] 第5行 行政处罚决定书文号 \"测罚〔2024〕3号\" 与第4行重复：" \
           "行政处罚决定书文号必须唯一" in lines


def test_an_id_number_anywhere_in_a_record_stops_the_build_and_is_masked(content, run):
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    first17 = "11010519900307123"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]
    id_number = first17 + check
    write_records(content, penalties=[penalty(party="李四", kind="自然人", code=id_number),
                                      penalty("测罚〔2024〕2号", reason="当事人手机13812345678未接听")])
    result = run("build", "--content", "content", "--out", "site", "--today", TODAY, "--no-cache")
    lines = [line.strip() for line in (result.out + result.err).splitlines()]
    assert result.code == 1 and not Path("site").exists()
    assert "content/records/penalties.csv:2: 错误 [credit-code] 第2行 行政相对人是自然人，统一社会信用代码 是居民身份证号码 " \
           "110105********1234"[:-4] + id_number[-4:] + "，不得公开；身份证号码任何情况下都不公示" in lines
    assert "content/records/penalties.csv:3: 错误 [personal-data] “处罚事由”列含有手机号码 138****5678：行政许可、行政处罚公示" \
           "不得公开个人的身份证号码、手机号码和银行卡号，请删除" in lines
    assert id_number not in result.out + result.err


def test_a_missing_column_is_named(content, run):
    write(content / "records/penalties.csv", PENALTY_HEADER.replace(",救济渠道", "") + "\n")
    assert "content/records/penalties.csv:1: 错误 [header] 表头缺少必需的列“救济渠道”" in check_lines(run)


def test_publication_later_than_seven_working_days_counts_the_official_calendar(content, run):
    # 2024's National Day: 1-7 October off, Sunday 29 September and Saturday 12 October worked
    write_records(content, penalties=[penalty(decided="2024-09-27", published="2024-10-11"),
                                      penalty("测罚〔2024〕2号", decided="2024-09-27", published="2024-10-14")])
    lines = check_lines(run)
    late = [line for line in lines if "[record-late]" in line]
    assert late == ["content/records/penalties.csv:3: 警告 [record-late] “测罚〔2024〕2号”公示日期 2024-10-14 距处罚日期 "
                    "2024-09-27 已 8 个工作日，超过 7 个工作日（应于 2024-10-12 前公示）"]


def test_a_future_publication_date_is_an_error(content, run):
    write_records(content, penalties=[penalty(decided="2025-01-20", published="2025-01-21")])
    assert "content/records/penalties.csv:2: 错误 [future-date] 第2行 公示日期 2025-01-21 晚于今天 2025-01-20：评估时会被视为虚假日期" \
           in check_lines(run)


def test_record_late_can_be_switched_off_for_the_file(content, run):
    write_records(content, penalties=[penalty(decided="2024-09-27", published="2024-10-14")])
    replace_in(content / "site.yaml", "name: 测试市测试局\n", "name: 测试市测试局\ninspection:\n  disable:\n"
               "    - rule: record-late\n      document: records/penalties.csv\n      reason: 系统迁移期间补录\n")
    result = run("check", "--content", "content", "--today", TODAY, "--no-cache", "--strict")
    assert result.code == 0
    assert "已按 site.yaml 关闭的检查：1 项" in result.out and "（已关闭：系统迁移期间补录）" in result.out
