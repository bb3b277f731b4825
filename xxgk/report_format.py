"""The layout of the annual report's tables in the national unified format (2021 revision, and
the 2019 trial format for the 2019 and 2020 reports): pure data, shared by the checks, the page
and the CSV download. Labels are the official ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SECTIONS = (
    ("overview", "一、总体情况"),
    ("proactive", "二、主动公开政府信息情况"),
    ("applications", "三、收到和处理政府信息公开申请情况"),
    ("reviews_and_lawsuits", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other_matters", "六、其他需要报告的事项"),
)
PROSE_KEYS = ("overview", "problems", "other_matters")

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass(frozen=True)
class Table2Block:
    heading: str  # 第二十条第（一）项
    columns: tuple[tuple[str, str], ...]  # (key, label)
    rows: tuple[tuple[str, str], ...]  # (key under proactive, label)


TABLE2 = {
    2021: (
        Table2Block("第二十条第（一）项",
                    (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
                    (("regulations", "规章"), ("normative", "行政规范性文件"))),
        Table2Block("第二十条第（五）项", (("decisions", "本年处理决定数量"),), (("licensing", "行政许可"),)),
        Table2Block("第二十条第（六）项", (("decisions", "本年处理决定数量"),),
                    (("penalties", "行政处罚"), ("enforcement", "行政强制"))),
        Table2Block("第二十条第（八）项", (("amount", "本年收费金额（单位：万元）"),), (("fees", "行政事业性收费"),)),
    ),
    2019: (
        Table2Block("第二十条第（一）项",
                    (("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total", "对外公开总数量")),
                    (("regulations", "规章"), ("normative", "规范性文件"))),
        Table2Block("第二十条第（五）项",
                    (("items_last_year", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
                    (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项"))),
        Table2Block("第二十条第（六）项",
                    (("items_last_year", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
                    (("penalties", "行政处罚"), ("enforcement", "行政强制"))),
        Table2Block("第二十条第（八）项", (("items_last_year", "上一年项目数量"), ("change", "本年增/减")),
                    (("fees", "行政事业性收费"),)),
        Table2Block("第二十条第（九）项", (("items", "采购项目数量"), ("amount", "采购总金额（单位：万元）")),
                    (("procurement", "政府集中采购"),)),
    ),
}


@dataclass(frozen=True)
class Table3Row:
    path: tuple[str, ...]  # key path under `applications`
    label: str
    group: str | None = None  # （三）不予公开 … for the leaf rows inside a sub-group
    leaf: bool = False  # one of the rows that add up to （七）总计


def _group(key: str, label: str, rows: tuple[tuple[str, str], ...]) -> tuple[Table3Row, ...]:
    return tuple(Table3Row((key, sub), text, label, True) for sub, text in rows)


WITHHELD = _group("withheld", "（三）不予公开", (
    ("state_secret", "1.属于国家秘密"), ("prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("security_stability", "3.危及“三安全一稳定”"), ("third_party_rights", "4.保护第三方合法权益"),
    ("internal_affairs", "5.属于三类内部事务信息"), ("process_information", "6.属于四类过程性信息"),
    ("enforcement_files", "7.属于行政执法案卷"), ("administrative_queries", "8.属于行政查询事项")))
UNABLE = _group("unable", "（四）无法提供", (
    ("not_held", "1.本机关不掌握相关政府信息"), ("needs_creation", "2.没有现成信息需要另行制作"),
    ("unclear_after_correction", "3.补正后申请内容仍不明确")))
NOT_PROCESSED = _group("not_processed", "（五）不予处理", (
    ("complaints", "1.信访举报投诉类申请"), ("repeated", "2.重复申请"), ("publications", "3.要求提供公开出版物"),
    ("excessive", "4.无正当理由大量反复申请"), ("confirmation", "5.要求行政机关确认或重新出具已获取信息")))
OTHER_2021 = _group("other", "（六）其他处理", (
    ("correction_overdue", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other", "3.其他")))

NEW_RECEIVED = Table3Row(("new_received",), "一、本年新收政府信息公开申请数量")
CARRIED_OVER = Table3Row(("carried_over",), "二、上年结转政府信息公开申请数量")
TOTAL = Table3Row(("total",), "（七）总计")
CARRIED_FORWARD = Table3Row(("carried_forward",), "四、结转下年度继续办理")
RESULTS_HEADING = "三、本年度办理结果"
BALANCE_NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"


def table3_results(format_version: int) -> tuple[Table3Row, ...]:
    """The rows under 三、本年度办理结果, in order, ending with （七）总计."""
    other = OTHER_2021 if format_version == 2021 else (Table3Row(("other",), "（六）其他处理", None, True),)
    return (Table3Row(("disclosed",), "（一）予以公开", None, True),
            Table3Row(("partly_disclosed",), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, True),
            *WITHHELD, *UNABLE, *NOT_PROCESSED, *other, TOTAL)


def table3_rows(format_version: int) -> tuple[Table3Row, ...]:
    return (NEW_RECEIVED, CARRIED_OVER, *table3_results(format_version), CARRIED_FORWARD)


TABLE4_BLOCKS = (
    ("review", "行政复议", None),
    ("direct_lawsuit", "未经复议直接起诉", "行政诉讼"),
    ("lawsuit_after_review", "复议后起诉", "行政诉讼"),
)


def cell(report_part: dict, path: tuple[str, ...]) -> list:
    value: Any = report_part
    for key in path:
        value = value[key]
    return value


def format_number(value: int | float) -> str:
    """Counts as integers without separators; amounts without trailing zeros."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")
