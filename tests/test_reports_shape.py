"""reports/<year>.yaml: the shape of the annual report (the arithmetic belongs to the report checks)."""

from conftest import replace_in, write

REP = "content/reports/2024.yaml"


def problems(run) -> list[str]:
    return run("check", "--content", "content").lines[:-1]


def test_row_with_six_numbers_names_the_columns(content, run):
    replace_in(content / "reports/2024.yaml", "new_received:     [5, 1, 0, 0, 0, 0, 6]",
               "new_received:     [5, 1, 0, 0, 0, 6]")
    assert problems(run) == [
        f"{REP}:17: 错误 [count] applications.new_received（一、本年新收政府信息公开申请数量）应有 7 个数，实际有 6 个"
        "（依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）"]


def test_negative_count_names_row_and_column(content, run):
    replace_in(content / "reports/2024.yaml", "not_held: [1, 0, 0, 0, 0, 0, 1]", "not_held: [1, -1, 0, 0, 0, 0, 1]")
    assert problems(run) == [
        f"{REP}:31: 错误 [range] applications.unable.not_held（1.本机关不掌握相关政府信息）[商业企业] = -1，不能小于 0"]


def test_missing_cell_is_an_error(content, run):
    replace_in(content / "reports/2024.yaml", "review:               [0, 0, 0, 0, 0]",
               "review:               [0, ~, 0, 0, 0]")
    assert problems(run) == [
        f"{REP}:47: 错误 [type] reviews_and_lawsuits.review（行政复议）[结果纠正]为空，应为整数"]


def test_fractional_count_and_text_fee(content, run):
    replace_in(content / "reports/2024.yaml", "licensing: {decisions: 12}", "licensing: {decisions: 12.5}")
    replace_in(content / "reports/2024.yaml", "fees: {amount: 0}", "fees: {amount: 三万}")
    assert problems(run) == [
        f"{REP}:12: 错误 [type] proactive.licensing.decisions（本年处理决定数量）\"12.5\" 类型不对，应为整数",
        f"{REP}:15: 错误 [type] proactive.fees.amount（本年收费金额（单位：万元））\"三万\" 类型不对，应为数字"]


def test_missing_block(content, run):
    text = (content / "reports/2024.yaml").read_text(encoding="utf-8")
    write(content / "reports/2024.yaml", text[: text.index("reviews_and_lawsuits:")])
    assert problems(run) == [
        f"{REP}:1: 错误 [required] 缺少必填字段 reviews_and_lawsuits（四、政府信息公开行政复议、行政诉讼情况）"]


def test_year_must_match_the_file_name(content, run):
    replace_in(content / "reports/2024.yaml", "year: 2024", "year: 2023")
    assert problems(run) == [f"{REP}:1: 错误 [year] year（年度）2023 与文件名 2024.yaml 的年份不一致"]


def test_report_file_name(content, run):
    (content / "reports/2024.yaml").rename(content / "reports/年报2024.yaml")
    assert problems(run) == [
        "content/reports/年报2024.yaml: 错误 [path] 年度报告文件名应为 <年份>.yaml（如 2024.yaml），\"年报2024.yaml\" 不符合"]


def test_2019_trial_format_has_its_own_shape(content, run):
    text = (content / "reports/2024.yaml").read_text(encoding="utf-8").replace("year: 2024", "year: 2020")
    write(content / "reports/2020.yaml", text)
    result = problems(run)
    assert "content/reports/2020.yaml:9: 错误 [required] 缺少必填字段 proactive.procurement（政府集中采购）" in result
    assert ("content/reports/2020.yaml:40: 错误 [type] applications.other（（六）其他处理）是一组键值对，应为列表，"
            "例如 [0, 0, 0, 0, 0, 0, 0]") in result


def test_2019_format_report_validates(content, run):
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
    other = text[text.index("  other:\n"):text.index("  total:")]
    text = text.replace(other, "  other: [0, 0, 0, 0, 0, 0, 0]\n")
    write(content / "reports/2020.yaml", text)
    assert problems(run) == []


def test_a_year_in_other_digits_is_a_clear_error_not_a_crash(content, run):
    """Found by hypothesis: '¹' passes str.isdigit() but is no year."""
    replace_in(content / "reports/2024.yaml", "year: 2024", "year: ¹")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert f"{REP}:1: 错误 [type] year（年度）\"¹\" 类型不对，应为整数" in result.lines
