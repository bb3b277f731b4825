"""Every arithmetic and consistency check of the annual report, with its exact message."""

import shutil

from conftest import replace_in, write

REP = "content/reports/2024.yaml"


def problems(run, *extra) -> list[str]:
    return run("check", "--content", "content", *extra).lines[:-1]


def test_fixture_report_is_consistent(content, run):
    assert problems(run) == []


def test_row_total(content, run):
    replace_in(content / "reports/2024.yaml", "disclosed:        [3, 1, 0, 0, 0, 0, 4]",
               "disclosed:        [3, 1, 0, 0, 0, 0, 5]")
    assert f"{REP}:19: 错误 [row-total] 表三 applications.disclosed（（一）予以公开）行：总计 = 5，但 自然人至其他六列之和 = 4" \
        in problems(run)


def test_column_balance_and_results_total(content, run):
    replace_in(content / "reports/2024.yaml", "total:            [5, 1, 0, 0, 0, 0, 6]",
               "total:            [4, 1, 0, 0, 0, 0, 5]")
    assert problems(run) == [
        f"{REP}:44: 错误 [balance] 表三 [自然人] 列：一、本年新收 + 二、上年结转 = 5 + 1 = 6，但 （七）总计 + "
        "四、结转下年度继续办理 = 4 + 1 = 5，两者应相等",
        f"{REP}:44: 错误 [results-total] 表三 [自然人] 列：（七）总计 = 4，但 三、本年度办理结果各项之和 = 5",
        f"{REP}:44: 错误 [balance] 表三 [总计] 列：一、本年新收 + 二、上年结转 = 6 + 1 = 7，但 （七）总计 + "
        "四、结转下年度继续办理 = 5 + 1 = 6，两者应相等",
        f"{REP}:44: 错误 [results-total] 表三 [总计] 列：（七）总计 = 5，但 三、本年度办理结果各项之和 = 6",
    ]


def test_leaf_rows_must_add_up_to_the_total(content, run):
    replace_in(content / "reports/2024.yaml", "repeated: [0, 0, 0, 0, 0, 0, 0]", "repeated: [0, 0, 1, 0, 0, 0, 1]")
    assert problems(run) == [
        f"{REP}:44: 错误 [results-total] 表三 [科研机构] 列：（七）总计 = 0，但 三、本年度办理结果各项之和 = 1",
        f"{REP}:44: 错误 [results-total] 表三 [总计] 列：（七）总计 = 6，但 三、本年度办理结果各项之和 = 7",
    ]


def test_table4_block_total(content, run):
    replace_in(content / "reports/2024.yaml", "direct_lawsuit:       [0, 0, 0, 0, 0]",
               "direct_lawsuit:       [1, 0, 1, 0, 1]")
    assert problems(run) == [
        f"{REP}:48: 错误 [table4-total] 表四 行政诉讼（未经复议直接起诉）：总计 = 1，但 结果维持 + 结果纠正 + 其他结果 + "
        "尚未审结 = 1 + 0 + 1 + 0 = 2"]


def make_2023(content, carried_forward="[1, 0, 0, 0, 0, 0, 1]"):
    text = (content / "reports/2024.yaml").read_text(encoding="utf-8")
    text = text.replace("year: 2024", "year: 2023").replace("published_on: 2025-01-20", "published_on: 2024-01-22")
    text = text.replace("2024年，", "2023年，").replace("及时性", "规范性").replace("本年度未收取", "2023年未收取")
    text = text.replace("normative: {issued: 1, repealed: 0, in_force: 1}", "normative: {issued: 0, repealed: 0, in_force: 0}")
    text = text.replace("carried_forward:  [1, 0, 0, 0, 0, 0, 1]", f"carried_forward:  {carried_forward}")
    text = text.replace("new_received:     [5, 1, 0, 0, 0, 0, 6]", "new_received:     [5, 1, 0, 0, 0, 0, 6]")
    return write(content / "reports/2023.yaml", text)


def test_carry_over_matches_last_year(content, run):
    make_2023(content)
    assert problems(run) == []


def test_carry_over_mismatch_is_reported_on_the_later_year(content, run):
    make_2023(content, "[0, 1, 0, 0, 0, 0, 1]")
    result = problems(run)
    assert f"{REP}:18: 错误 [carry-over] applications.carried_over（上年结转）[自然人] = 1，但 2023 年报 " \
           "carried_forward（结转下年度继续办理）= 0" in result
    assert f"{REP}:18: 错误 [carry-over] applications.carried_over（上年结转）[商业企业] = 0，但 2023 年报 " \
           "carried_forward（结转下年度继续办理）= 1" in result
    assert not [line for line in result if line.startswith(REP) and "[自然人] 列" in line]


def test_missing_cell_is_an_error_not_a_zero(content, run):
    replace_in(content / "reports/2024.yaml", "complaints: [0, 0, 0, 0, 0, 0, 0]", "complaints: [0, 0, 0, 0, 0, 0]")
    assert problems(run) == [
        f"{REP}:35: 错误 [count] applications.not_processed.complaints（1.信访举报投诉类申请）应有 7 个数，实际有 6 个"
        "（依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）"]


def test_report_for_last_year_missing_after_31_january(content, run):
    make_2023(content)
    (content / "reports/2024.yaml").unlink()
    assert problems(run, "--today", "2025-01-31") == []
    assert problems(run, "--today", "2025-02-01") == [
        "content/reports: 警告 [report-missing] 缺少 2024 年度报告（reports/2024.yaml）：应于 2025-01-31 前发布（条例第四十九条）"]


def test_governments_can_set_the_31_march_deadline(content, run):
    make_2023(content)
    (content / "reports/2024.yaml").unlink()
    replace_in(content / "site.yaml", "office:", "annual_report_deadline: \"03-31\"\noffice:")
    assert problems(run, "--today", "2025-03-31") == []
    assert len(problems(run, "--today", "2025-04-01")) == 1


def test_report_published_late(content, run):
    replace_in(content / "reports/2024.yaml", "published_on: 2025-01-20", "published_on: 2025-02-10")
    assert problems(run, "--today", "2025-03-01") == [
        f"{REP}:2: 警告 [report-late] published_on（发布日期）2025-02-10 晚于 2025-01-31：年度报告应于次年 1 月 31 日前发布"
        "（条例第四十九条）"]


def test_copied_prose_sections(content, run):
    make_2023(content)
    replace_in(content / "reports/2023.yaml", "主动公开的规范性有待提高。", "主动公开的及时性有待提高。")
    assert problems(run) == [
        f"{REP}:5: 警告 [report-copied] problems（五、存在的主要问题及改进情况）与 2023 年报完全相同：年度报告不得照抄往年内容"]


def test_normative_figures_against_documents(content, run):
    replace_in(content / "reports/2024.yaml", "normative: {issued: 1, repealed: 0, in_force: 1}",
               "normative: {issued: 2, repealed: 0, in_force: 3}")
    assert problems(run) == [
        f"{REP}:11: 警告 [normative-count] 表二 行政规范性文件 本年制发件数 = 2，但 documents/ 中 2024 年发布的规范性文件有 1 件",
        f"{REP}:11: 警告 [normative-count] 表二 行政规范性文件 现行有效件数 = 3，但 documents/ 中截至 2024-12-31 有效的规范性文件有 1 件",
    ]


def test_demo_reports_pass_every_check(tmp_path, monkeypatch, run):
    from conftest import REPO
    shutil.copytree(REPO / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert run("check", "--content", "content", "--strict", "--today", "2026-11-22").code == 0
