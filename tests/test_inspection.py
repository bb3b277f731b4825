"""Self-inspection rules: each triggered by fixture content, and quiet on content that complies."""

import ast
import json
import shutil

import pytest

from conftest import REPO, replace_in, soup, write

FEE = "content/documents/2024/fee-rules.md"
INTERP = "content/documents/2024/fee-rules-interpretation.md"
FUNCTIONS = "content/documents/2024/functions.md"


def codes(result) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in result.lines if "] " in line and ": " in line
            and ("警告 [" in line or "错误 [" in line)]


def finding_lines(result, code) -> list[str]:
    return [line.strip() for line in result.lines if f"[{code}]" in line]


def test_compliant_fixture_has_no_findings(content, run):
    result = run("check", "--content", "content", "--strict")
    assert result.code == 0, result.out


# 时效 ------------------------------------------------------------------------------------------

def test_late_publication(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "written_on: 2024-11-08", "written_on: 2024-10-08")
    assert finding_lines(run("check", "--content", "content"), "late-publication") == [
        f"{FEE}:5: 警告 [late-publication] published_on（发布日期）2024-11-12 距 written_on（成文日期）2024-10-08 已 "
        "26 个工作日，超过目录事项 01-01 的公开时限 20 个工作日（应于 2024-11-04 前发布）"]


def with_limit(content, limit_text: str) -> None:
    replace_in(content / "catalogue.csv", "内设机构及职能,《中华人民共和国政府信息公开条例》第二十条,信息形成或者变更之日起20个工作日内",
               f"内设机构及职能,《中华人民共和国政府信息公开条例》第二十条,{limit_text}")


def test_spring_festival_holiday_days_are_not_working_days(content, run):
    """Written the day before the 2024 Spring Festival break, published the Monday after it: the
    holiday (10-17 Feb) does not count, the make-up Sunday 18 Feb does. 3 working days, not 7."""
    with_limit(content, "信息形成之日起3个工作日内")
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-02-19\nwritten_on: 2024-02-08")
    assert finding_lines(run("check", "--content", "content"), "late-publication") == []
    replace_in(content / "catalogue.csv", "信息形成之日起3个工作日内", "信息形成之日起2个工作日内")
    assert finding_lines(run("check", "--content", "content"), "late-publication") == [
        f"{FUNCTIONS}:5: 警告 [late-publication] published_on（发布日期）2024-02-19 距 written_on（成文日期）2024-02-08 已 "
        "3 个工作日，超过目录事项 02-01 的公开时限 2 个工作日（应于 2024-02-18 前发布）"]


def test_make_up_saturday_counts_as_a_working_day(content, run):
    """Saturday 12 Oct 2024 was a 调休 working day: Friday to Monday is 2 working days."""
    with_limit(content, "7个工作日内")
    replace_in(content / "catalogue.csv", "7个工作日内", "1个工作日内")
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-10-14\nwritten_on: 2024-10-11")
    assert finding_lines(run("check", "--content", "content"), "late-publication") == [
        f"{FUNCTIONS}:5: 警告 [late-publication] published_on（发布日期）2024-10-14 距 written_on（成文日期）2024-10-11 已 "
        "2 个工作日，超过目录事项 02-01 的公开时限 1 个工作日（应于 2024-10-12 前发布）"]


def test_unreadable_time_limit_is_listed_and_20_days_used(content, run):
    with_limit(content, "每年1月31日前")
    assert finding_lines(run("check", "--content", "content"), "time-limit-unreadable") == [
        "content/catalogue.csv:4: 警告 [time-limit-unreadable] 目录事项 02-01 的公开时限“每年1月31日前”无法换算为工作日，"
        "按条例第二十六条的 20 个工作日检查"]


def test_years_without_calendar_data_fall_back_to_weekends_with_a_warning(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2027-01-05\nwritten_on: 2026-12-28")
    result = run("check", "--content", "content", "--today", "2027-01-10")
    assert finding_lines(result, "calendar-missing") == [
        "content: 警告 [calendar-missing] 2027 年没有官方节假日和调休数据（请升级 chinesecalendar），该年按周一至周五为工作日推算"]


# 解读 ------------------------------------------------------------------------------------------

def test_interpretation_missing(content, run):
    (content / "documents/2024/fee-rules-interpretation.md").unlink()
    assert finding_lines(run("check", "--content", "content"), "interpretation-missing") == [
        f"{FEE}:2: 警告 [interpretation-missing] 规范性文件“测试市测试局关于规范收费管理的通知”没有政策解读："
        "请发布解读，并在解读的 interprets 中填写 000000001/2024-00001"]


def test_interpretation_required_only_for_configured_catalogue_items(content, run):
    (content / "documents/2024/fee-rules-interpretation.md").unlink()
    replace_in(content / "site.yaml", "office:", "inspection:\n  interpretation_catalogue: [\"02-01\"]\noffice:")
    result = run("check", "--content", "content")
    assert finding_lines(result, "interpretation-missing") == []


def test_interpretation_late_and_configurable(content, run):
    replace_in(content / "documents/2024/fee-rules-interpretation.md", "published_on: 2024-11-13",
               "published_on: 2024-11-18")
    assert finding_lines(run("check", "--content", "content"), "interpretation-late") == [
        f"{INTERP}:5: 警告 [interpretation-late] 政策解读发布于 2024-11-18，比所解读的“测试市测试局关于规范收费管理的通知”"
        "（发布于 2024-11-12）晚 4 个工作日，超过 3 个工作日"]
    replace_in(content / "site.yaml", "office:", "inspection:\n  interpretation_working_days: 5\noffice:")
    assert finding_lines(run("check", "--content", "content"), "interpretation-late") == []


# 有效性 ----------------------------------------------------------------------------------------

def test_expired_but_still_marked_valid(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: 有效\nexpires_on: 2024-12-31")
    assert finding_lines(run("check", "--content", "content"), "expired-still-valid") == [
        f"{FEE}:12: 警告 [expired-still-valid] expires_on（失效日期）2024-12-31 已过，但 validity（有效性）仍为“有效”："
        "页面已自动显示为失效，请把文件改为 validity: 失效"]


def test_repealed_without_a_date(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: 废止")
    assert finding_lines(run("check", "--content", "content"), "repeal-date-missing") == [
        f"{FEE}:12: 警告 [repeal-date-missing] validity（有效性）为“废止”，但没有 expires_on（失效日期）：请注明废止的日期"]


def test_replaced_by_a_repealed_document(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-12-06\nvalidity: 废止\nexpires_on: 2024-12-20")
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效",
               "validity: 已修改\nexpires_on: 2024-12-06\nreplaced_by: 000000001/2024-00003")
    assert finding_lines(run("check", "--content", "content"), "replaced-by-repealed") == [
        f"{FEE}:14: 警告 [replaced-by-repealed] replaced_by（替代文件索引号）指向的“测试市测试局主要职责”本身已废止："
        "请改为现行有效的文件"]


# 栏目 ------------------------------------------------------------------------------------------

def test_catalogue_item_with_nothing_published(content, run):
    write(content / "catalogue.csv", (content / "catalogue.csv").read_text(encoding="utf-8") +
          "02-02,机构职能,领导信息,领导姓名和分工,条例,信息形成或者变更之日起20个工作日内,测试市测试局,政府网站,全社会,主动,市级\n")
    assert finding_lines(run("check", "--content", "content"), "item-empty") == [
        "content/catalogue.csv:6: 警告 [item-empty] 目录事项 02-02（机构职能／领导信息）没有任何已公开的信息"]


def test_stale_sub_columns_with_configurable_months(content, run):
    result = run("check", "--content", "content", "--today", "2025-06-01")
    assert finding_lines(result, "column-stale") == [
        "content/catalogue.csv:2: 警告 [column-stale] 子栏目“法规文件”最近一次更新是 2024-11-13，已超过 6 个月未更新"]
    replace_in(content / "site.yaml", "office:", "inspection:\n  freshness_months: {法规文件: 12, 机构职能: 3}\noffice:")
    result = run("check", "--content", "content", "--today", "2025-06-01")
    assert finding_lines(result, "column-stale") == [
        "content/catalogue.csv:4: 警告 [column-stale] 子栏目“机构职能”最近一次更新是 2024-12-06，已超过 3 个月未更新"]


def test_plans_budgets_and_fees_get_12_months(content, run):
    replace_in(content / "catalogue.csv", "02-01,机构职能,", "02-01,财政预决算,")
    result = run("check", "--content", "content", "--today", "2025-10-01")
    assert ["“法规文件”" in line for line in finding_lines(result, "column-stale")] == [True]


# 指南 ------------------------------------------------------------------------------------------

def test_guide_older_than_12_months(content, run):
    result = run("check", "--content", "content", "--today", "2025-06-04")
    assert finding_lines(result, "guide-stale") == [
        "content/guide.md:3: 警告 [guide-stale] updated_on（更新日期）2024-06-03 距今已超过 12 个月：请核对指南内容并更新日期"]


def test_guide_older_than_the_newest_rule(content, run):
    replace_in(content / "rules/confidentiality-review.md", "published_on: 2024-03-01", "published_on: 2024-07-01")
    assert finding_lines(run("check", "--content", "content"), "guide-stale") == [
        "content/guide.md:3: 警告 [guide-stale] updated_on（更新日期）2024-06-03 早于最新制度“测试市测试局政府信息公开保密审查制度”"
        "的发布日期 2024-07-01：指南应反映现行制度"]


# 个人信息 --------------------------------------------------------------------------------------

def fictional_id(first17: str = "11010519800101123") -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def luhn_card(prefix: str = "622202020011223344") -> str:
    digits = [int(d) for d in prefix][::-1]
    total = sum(d if i % 2 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return prefix + str((10 - total % 10) % 10)


def test_personal_data_in_body_title_and_attachment_name(content, run):
    number = fictional_id()
    card = luhn_card()
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。",
               f"负责全市测试工作。\n\n联系人手机 13812345678，身份证 {number}。")
    replace_in(content / "documents/2024/functions.md", "title: 测试市测试局主要职责", f"title: 测试市测试局主要职责（银行卡 {card}）")
    result = run("check", "--content", "content")
    lines = finding_lines(result, "personal-data")
    assert lines == [
        f"{FUNCTIONS}:2: 错误 [personal-data] 标题含有银行卡号 6222 **** **** *** {card[-4:]}：公开前应去除或隐去；依法需要公示的，"
        "请在 front matter 写 personal_data: 公示",
        f"{FUNCTIONS}:9: 错误 [personal-data] 正文含有手机号码 138****5678：公开前应去除或隐去；依法需要公示的，"
        "请在 front matter 写 personal_data: 公示",
        f"{FUNCTIONS}:9: 错误 [personal-data] 正文含有居民身份证号码 110105********{number[-4:]}：公开前应去除或隐去；依法需要公示的，"
        "请在 front matter 写 personal_data: 公示",
    ]
    assert number not in result.out and "13812345678" not in result.out and card not in result.out
    replace_in(content / "documents/2024/functions.md", "catalogue: 02-01", "catalogue: 02-01\npersonal_data: 公示")
    assert finding_lines(run("check", "--content", "content"), "personal-data") == []


def test_personal_data_in_attachment_name(content, run):
    (content / "documents/2024/收费目录.csv").rename(content / "documents/2024/张三13912345678.csv")
    replace_in(content / "documents/2024/fee-rules.md", "file: 收费目录.csv", "file: 张三13912345678.csv")
    assert finding_lines(run("check", "--content", "content"), "personal-data") == [
        f"{FEE}:15: 错误 [personal-data] 附件文件名含有手机号码 139****5678：公开前应去除或隐去；依法需要公示的，"
        "请在 front matter 写 personal_data: 公示"]


# 日期 ------------------------------------------------------------------------------------------

def test_future_publication_date_is_an_error(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2025-02-03")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert finding_lines(result, "future-date") == [
        f"{FUNCTIONS}:5: 错误 [future-date] published_on（发布日期）2025-02-03 晚于今天 2025-01-20：评估时会被视为虚假日期"]


def test_written_after_published_is_an_error(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "written_on: 2024-11-08", "written_on: 2024-11-15")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert finding_lines(result, "written-after-published") == [
        f"{FEE}:6: 错误 [written-after-published] written_on（成文日期）2024-11-15 晚于 published_on（发布日期）2024-11-12"]


def test_a_short_consultation_and_a_missing_feedback(content, run):
    write(content / "documents/2024/draft.md", "---\ntitle: 征求意见稿\nindex_no: 000000001/2024-00030\ncatalogue: 02-01\n"
          "published_on: 2024-11-01\nconsultation:\n  from: 2024-11-01\n  until: 2024-11-15\n---\n正文\n")
    result = run("check", "--content", "content")  # today is 2025-01-20: closed 66 days ago, no 采纳情况
    assert finding_lines(result, "consultation-short") == [
        "content/documents/2024/draft.md:8: 警告 [consultation-short] 征求意见期间 2024-11-01 至 2024-11-15 共 15 日，"
        "少于 30 日：公开征求意见的期限一般不少于 30 日，较短的请在正文中说明理由"]
    assert finding_lines(result, "consultation-feedback-missing") == [
        "content/documents/2024/draft.md:6: 警告 [consultation-feedback-missing] 征求意见已于 2024-11-15 结束，2024-12-15 "
        "前应公开意见收集采纳情况，但没有文件的 feedback_for 为 000000001/2024-00030"]
    replace_in(content / "site.yaml", "office:", "inspection:\n  consultation_feedback_days: 90\noffice:")
    assert finding_lines(run("check", "--content", "content"), "consultation-feedback-missing") == []


def test_a_normative_document_without_doc_no(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "doc_no: 测试规〔2024〕2号\n", "")
    assert finding_lines(run("check", "--content", "content"), "normative-doc-no") == [
        f"{FEE}:10: 警告 [normative-doc-no] 规范性文件没有 doc_no（发文字号）：规范性文件库和检索都靠它查找，请按文件填写，"
        "如 示发改规〔2024〕3号"]


def test_guide_contacts_are_compared_with_site_yaml(content, run):
    write(content / "guide.md", (content / "guide.md").read_text(encoding="utf-8") + """
## 三、政府信息公开工作机构

- 办公地址：测试市人民路1号（市民中心）
- 办公时间：工作日上午８:３０—12:00，下午13:30-17:30
- 联系电话：0999-12345678、0999-12345670
- 传真：0999-12345699
- 电子邮箱：gk@example.gov.cn
""")
    assert finding_lines(run("check", "--content", "content"), "guide-office") == [
        "content/guide.md:12: 警告 [guide-office] 指南中的办公时间“工作日上午８:３０—12:00，下午13:30-17:30”与 site.yaml 的 "
        "office.hours“工作日上午9:00-12:00，下午13:30-17:30”不一致：请改成一致（页脚等处使用 site.yaml 的信息）",
        "content/guide.md:14: 警告 [guide-office] 指南中的传真“0999-12345699”与 site.yaml 的 office.fax“0999-12345679”"
        "不一致：请改成一致（页脚等处使用 site.yaml 的信息）"]
    replace_in(content / "guide.md", "上午８:３０—12:00", "上午９:００—12:00")  # full-width digits and dashes agree
    replace_in(content / "guide.md", "0999-12345699", "0999-12345679")
    assert finding_lines(run("check", "--content", "content"), "guide-office") == []


# Switching rules off, outputs --------------------------------------------------------------------

def test_rules_switched_off_with_a_reason_are_listed(content, run):
    (content / "documents/2024/fee-rules-interpretation.md").unlink()
    replace_in(content / "site.yaml", "office:", """inspection:
  disable:
    - rule: interpretation-missing
      document: documents/2024/fee-rules.md
      reason: 本通知为技术性修订，经审定无需解读
    - rule: column-stale
      reason: 不适用
office:""")
    result = run("check", "--content", "content", "--strict")
    switched_off = ("content/documents/2024/fee-rules.md:2: 警告 [interpretation-missing] 规范性文件“测试市测试局关于规范"
                    "收费管理的通知”没有政策解读：请发布解读，并在解读的 interprets 中填写 000000001/2024-00001"
                    "（已关闭：本通知为技术性修订，经审定无需解读）")
    assert finding_lines(result, "interpretation-missing") == [switched_off]  # with its line and what was found
    assert "已按 site.yaml 关闭的检查：1 项" in result.lines
    assert "  " + switched_off in result.lines
    assert finding_lines(result, "inspection-unused") == [
        "content/site.yaml:8: 警告 [inspection-unused] inspection.disable 关闭的 column-stale 本次检查没有发现，可以删除这一条"]


def test_content_warnings_are_switched_off_per_rule_or_per_file(content, run):
    """A partly filled column passes --strict once each of its warnings is switched off with a reason."""
    shutil.rmtree(content / "rules")
    (content / "reports/2024.yaml").unlink()
    write(content / "documents/2024/functions.md",
          (content / "documents/2024/functions.md").read_text(encoding="utf-8") + "\n![](chart.png)\n")
    (content / "documents/2024/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    before = run("check", "--content", "content", "--strict", "--today", "2025-02-10")
    assert before.code == 1
    assert sorted(set(codes(before))) == ["empty-column", "image-alt", "report-missing"]
    replace_in(content / "site.yaml", "office:", """inspection:
  disable:
    - rule: empty-column
      reason: 制度正在起草，2025年3月前发布
    - rule: report-missing
      document: reports
      reason: 本局2024年新设立，无上一年度报告
    - rule: image-alt
      document: documents/2024
      reason: 图表内容已在正文中逐项列出
office:""")
    after = run("check", "--content", "content", "--strict", "--today", "2025-02-10")
    assert after.code == 0, after.out
    assert "已按 site.yaml 关闭的检查：4 项" in after.lines
    assert "  content/rules: 警告 [empty-column] 政府信息公开制度栏目没有内容（已关闭：制度正在起草，2025年3月前发布）" in after.lines
    assert any(line.startswith("  content/documents/2024/functions.md:") and "[image-alt]" in line
               and line.endswith("（已关闭：图表内容已在正文中逐项列出）") for line in after.lines)
    assert after.lines[-1] == "检查通过：没有发现问题。"
    switched = run("check", "--content", "content", "--format", "json", "--today", "2025-02-10").json()["inspection"]["suppressed"]
    assert {(s["rule"], s["source"], s["reason"]) for s in switched} >= {
        ("empty-column", "rules", "制度正在起草，2025年3月前发布"), ("report-missing", "reports", "本局2024年新设立，无上一年度报告")}


def test_switching_off_an_unknown_code_or_an_error_says_so_at_its_line(content, run):
    replace_in(content / "site.yaml", "office:", """inspection:
  disable:
    - rule: empty-colum
      reason: 拼写错误
    - rule: future-date
      reason: 错误不能关闭
office:""")
    result = run("check", "--content", "content")
    unknown = finding_lines(result, "inspection-unknown")
    assert [line.split(" 不是", 1)[0] for line in unknown] == [
        "content/site.yaml:5: 警告 [inspection-unknown] inspection.disable 中的 empty-colum",
        "content/site.yaml:7: 警告 [inspection-unknown] inspection.disable 中的 future-date"]
    assert unknown[0].split(" 不是", 1)[1].startswith("可以关闭的警告（错误不能关闭，请改正内容）。可以关闭的警告：unknown-key、empty-column、")
    assert finding_lines(result, "inspection-unused") == []  # an unknown code is reported once, as unknown


def test_errors_and_the_self_inspection_are_shown_in_one_run(content, run):
    """A file with an error is left out; everything else is still inspected in the same run."""
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2024-02-30")
    write(content / "documents/2024/fee-rules.md", (content / "documents/2024/fee-rules.md").read_text(encoding="utf-8")
          + "\n联系人身份证号 11010519491231002X。\n")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert sorted(set(codes(result))) == ["date", "personal-data"]
    assert result.lines[-1] == "共 2 个错误，0 个警告。请修改后重新检查。"


def test_a_reason_is_required_to_switch_a_rule_off(content, run):
    replace_in(content / "site.yaml", "office:", "inspection:\n  disable:\n    - rule: column-stale\noffice:")
    result = run("check", "--content", "content")
    assert "content/site.yaml:5: 错误 [required] 缺少必填字段 inspection.disable[1].reason（关闭理由）" in result.lines


def test_text_report_is_grouped_by_rule_with_counts_and_scores(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "written_on: 2024-11-08", "written_on: 2024-10-08")
    replace_in(content / "documents/2024/fee-rules-interpretation.md", "published_on: 2024-11-13",
               "published_on: 2024-11-18")
    result = run("check", "--content", "content")
    assert result.lines[0] == "政府信息公开自查：2 项"
    assert result.lines[1] == "【时效】超过公开时限发布（late-publication）：1 项"
    assert result.lines[2].startswith(f"  {FEE}:5: 警告 [late-publication]")
    assert result.lines[3] == "【解读】政策解读发布不及时（interpretation-late）：1 项"
    assert result.lines[5] == "自查得分（各领域无问题事项的比例，满分 100）：时效 50，解读 50，有效性 100，栏目 100，指南 100，个人信息 100，日期 100"
    assert result.lines[-1] == "共 0 个错误，2 个警告。"
    assert run("check", "--content", "content", "--strict").code == 1


def test_json_report_for_ci(content, run):
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。", "负责全市测试工作，见[中国政府网](https://www.gov.cn/zhengce/)。")
    (content / "documents/2024/fee-rules-interpretation.md").unlink()
    report = json.loads(run("check", "--content", "content", "--format", "json").out)
    inspection = report["inspection"]
    assert inspection["today"] == "2025-01-20"
    assert inspection["rules"]["interpretation-missing"] == {"area": "解读", "title": "规范性文件没有政策解读", "count": 1}
    assert {"area": "解读", "checked": 1, "failing": 1, "score": 0} in inspection["areas"]  # the interpretation is gone
    assert inspection["external_links"] == [{"source": "documents/2024/functions.md", "url": "https://www.gov.cn/zhengce/"}]


@pytest.mark.parametrize("mode", ["hidden", "public", "none"])
def test_inspection_page(content, build_site, mode):
    replace_in(content / "site.yaml", "office:", f"inspection:\n  page: {mode}\noffice:")
    site = build_site(content)
    page_file = site / "inspection/index.html"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    footer_links = [a["href"] for a in soup(site / "index.html").select("footer a")]
    if mode == "none":
        assert not page_file.exists()
        return
    page = soup(page_file)
    assert page.select_one("meta[name=robots]")["content"] == "noindex, nofollow"
    assert page.h1.get_text() == "政府信息公开自查报告"
    assert "没有发现问题。" in page.get_text()
    assert [th.get_text() for th in page.select("tbody th")] == ["时效", "解读", "有效性", "栏目", "指南", "个人信息", "日期"]
    assert ("inspection/" in sitemap) == (mode == "public")
    assert ("inspection/" in footer_links) == (mode == "public")


def test_content_examples_fire_every_rule_once(monkeypatch, run, tmp_path):
    from conftest import REPO
    from xxgk.inspection_rules import RULE_CODES
    monkeypatch.chdir(REPO)
    result = run("check", "--content", "content-examples", "--today", "2027-01-20", "--cache", str(tmp_path))
    found = [line.split("[", 1)[1].split("]", 1)[0] for line in result.lines if line.startswith("  content-examples")]
    assert sorted(found) == sorted(RULE_CODES)
    assert result.lines[-1] == "共 3 个错误，16 个警告。请修改后重新检查。"
    assert result.code == 1
    remembered = run("check", "--content", "content-examples", "--today", "2027-01-20", "--cache", str(tmp_path))
    assert remembered.out == result.out and remembered.code == 1  # the outcome from the cache, findings and all


def test_every_warning_the_package_reports_can_be_switched_off():
    """A warning code used anywhere in xxgk is listed in warning_codes (what inspection.disable accepts)."""
    from xxgk.warning_codes import CONFIG_WARNINGS, SWITCHABLE
    used = set()
    for path in (REPO / "xxgk").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "warning" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
    assert used and used - set(CONFIG_WARNINGS) <= set(SWITCHABLE)
