"""The self-inspection rules: what third-party evaluators look for in a disclosure column, checked
before they do. Each rule is a plain function from the validated content to findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .calendar_months import shift_months
from .guide_office import compare_with_site
from .inspection_config import freshness_months
from .model import Content, Document, Validity
from .personal_data import find_personal_data

if TYPE_CHECKING:
    from .bodies import Bodies


@dataclass(frozen=True)
class InspectionRule:
    """One thing evaluators look for; the area groups the report like their scoresheets."""

    code: str  # as site.yaml's inspection.disable names it
    area: str
    title: str  # what the rule finds
    is_error: bool = False  # a false date reads as fabricated: it stops the build

    def __reduce__(self) -> tuple:
        """Unpickled (a remembered outcome, run_memo) as the rule itself, not a copy: the report picks
        each rule's findings by identity."""
        return (rule_with_code, (self.code,))


LATE_PUBLICATION = InspectionRule("late-publication", "时效", "超过公开时限发布")
TIME_LIMIT_UNREADABLE = InspectionRule("time-limit-unreadable", "时效", "公开时限无法识别，按 20 个工作日检查")
CALENDAR_MISSING = InspectionRule("calendar-missing", "时效", "缺少官方节假日数据的年份，按周末推算工作日")
RECORD_LATE = InspectionRule("record-late", "时效", "行政许可、行政处罚信息超过 7 个工作日公示")
CONSULTATION_SHORT = InspectionRule("consultation-short", "时效", "征求意见期限少于 30 日")
CONSULTATION_FEEDBACK_MISSING = InspectionRule("consultation-feedback-missing", "时效", "征求意见结束后未公开意见采纳情况")
INTERPRETATION_MISSING = InspectionRule("interpretation-missing", "解读", "规范性文件没有政策解读")
INTERPRETATION_LATE = InspectionRule("interpretation-late", "解读", "政策解读发布不及时")
EXPIRED_STILL_VALID = InspectionRule("expired-still-valid", "有效性", "已过有效期仍标注为有效")
REPEAL_DATE_MISSING = InspectionRule("repeal-date-missing", "有效性", "已废止、失效或修改的文件没有注明日期")
REPLACED_BY_REPEALED = InspectionRule("replaced-by-repealed", "有效性", "替代文件本身已废止")
NORMATIVE_DOC_NO = InspectionRule("normative-doc-no", "有效性", "规范性文件没有发文字号")
ITEM_EMPTY = InspectionRule("item-empty", "栏目", "应公开未公开：目录事项没有任何信息")
COLUMN_STALE = InspectionRule("column-stale", "栏目", "栏目长期未更新")
GUIDE_STALE = InspectionRule("guide-stale", "指南", "政府信息公开指南未及时更新")
GUIDE_OFFICE = InspectionRule("guide-office", "指南", "指南中的工作机构信息与 site.yaml 不一致")
# 个人隐私 must be de-identified before publication: the build stops rather than publish it
PERSONAL_DATA = InspectionRule("personal-data", "个人信息", "公开内容含有个人信息", is_error=True)
FUTURE_DATE = InspectionRule("future-date", "日期", "发布日期晚于今天", is_error=True)
WRITTEN_AFTER_PUBLISHED = InspectionRule("written-after-published", "日期", "成文日期晚于发布日期", is_error=True)
RULES = (LATE_PUBLICATION, RECORD_LATE, TIME_LIMIT_UNREADABLE, CALENDAR_MISSING, CONSULTATION_SHORT, CONSULTATION_FEEDBACK_MISSING,
         INTERPRETATION_MISSING, INTERPRETATION_LATE,
         EXPIRED_STILL_VALID, REPEAL_DATE_MISSING, REPLACED_BY_REPEALED, NORMATIVE_DOC_NO,
         ITEM_EMPTY, COLUMN_STALE, GUIDE_STALE,
         GUIDE_OFFICE, PERSONAL_DATA, FUTURE_DATE, WRITTEN_AFTER_PUBLISHED)
RULE_CODES = tuple(rule.code for rule in RULES)


def rule_with_code(code: str) -> InspectionRule:
    return next(rule for rule in RULES if rule.code == code)


@dataclass(frozen=True)
class Finding:
    rule: InspectionRule
    message: str
    source: PurePosixPath | None  # the content file; None for the site as a whole
    line: int | None = None
    field: str | None = None
    index_no: str | None = None


def doc_finding(rule: InspectionRule, document: Document, message: str, field: str | None = None) -> Finding:
    return Finding(rule, message, document.source, document.lines.line(field or "title"), field, document.index_no)


def months_before(day: dt.date, months: int) -> dt.date:
    return shift_months(day, -months)


def check_dates(content: Content, today: dt.date) -> Iterator[Finding]:
    for document in content.documents:
        if document.published_on > today:
            yield doc_finding(FUTURE_DATE, document, f"published_on（发布日期）{document.published_on} 晚于今天 {today}："
                                                      "评估时会被视为虚假日期", "published_on")
        if document.written_on and document.written_on > document.published_on:
            yield doc_finding(WRITTEN_AFTER_PUBLISHED, document,
                              f"written_on（成文日期）{document.written_on} 晚于 published_on（发布日期）"
                              f"{document.published_on}", "written_on")


def check_record_dates(content: Content, today: dt.date) -> Iterator[Finding]:
    for record in content.records:
        if record.published_on > today:
            yield Finding(FUTURE_DATE, f"第{record.line}行 公示日期 {record.published_on} 晚于今天 {today}：评估时会被视为虚假日期",
                          record.source, record.line, "公示日期")


def interpretations_of(content: Content) -> dict[str, list[Document]]:
    found: dict[str, list[Document]] = {}
    for document in content.documents:
        if document.is_interpretation and document.interprets:
            found.setdefault(document.interprets, []).append(document)
    return found


def check_interpretation_missing(content: Content) -> Iterator[Finding]:
    required = content.site.inspection.interpretation_catalogue
    interpreted = interpretations_of(content)
    for document in content.documents:
        if document.is_normative and document.index_no not in interpreted \
                and (required is None or document.catalogue in required):
            yield doc_finding(INTERPRETATION_MISSING, document,
                              f"规范性文件“{document.title}”没有政策解读：请发布解读，并在解读的 interprets 中填写 "
                              f"{document.index_no}")


def check_validity(content: Content, today: dt.date) -> Iterator[Finding]:
    by_index = {d.index_no: d for d in content.documents}
    for document in content.documents:
        if document.validity is Validity.VALID and document.expires_on and document.expires_on < today:
            yield doc_finding(EXPIRED_STILL_VALID, document,
                              f"expires_on（失效日期）{document.expires_on} 已过，但 validity（有效性）仍为“有效”："
                              "页面已自动显示为失效，请把文件改为 validity: 失效", "validity")
        if document.validity is not None and not document.validity.in_force and document.expires_on is None:
            yield doc_finding(REPEAL_DATE_MISSING, document,
                              f"validity（有效性）为“{document.validity}”，但没有 expires_on（失效日期）："
                              f"请注明{document.validity}的日期", "validity")
        target = by_index.get(document.replaced_by) if document.replaced_by else None
        if target is not None and target.validity is Validity.REPEALED:
            yield doc_finding(REPLACED_BY_REPEALED, document,
                              f"replaced_by（替代文件索引号）指向的“{target.title}”本身已废止：请改为现行有效的文件",
                              "replaced_by")
        if document.is_normative and not document.doc_no:
            yield doc_finding(NORMATIVE_DOC_NO, document, "规范性文件没有 doc_no（发文字号）：规范性文件库和检索都靠它查找，"
                                                          "请按文件填写，如 示发改规〔2024〕3号", "kind")


CONSULTATION_MIN_DAYS = 30  # 公开征求意见的期限一般不少于30日 (重大行政决策程序暂行条例 art. 14)


def check_consultations(content: Content, today: dt.date) -> Iterator[Finding]:
    """A window shorter than 30 days; a closed consultation whose 意见采纳情况 is overdue."""
    answered = {d.feedback_for for d in content.documents if d.feedback_for}
    due_days = content.site.inspection.consultation_feedback_days
    for document in content.documents:
        period = document.consultation
        if period is None:
            continue
        days = (period.closes - period.opens).days + 1
        if days < CONSULTATION_MIN_DAYS:
            yield Finding(CONSULTATION_SHORT, f"征求意见期间 {period.opens} 至 {period.closes} 共 {days} 日，少于 "
                                              f"{CONSULTATION_MIN_DAYS} 日：公开征求意见的期限一般不少于 30 日，"
                                              "较短的请在正文中说明理由", document.source,
                          document.lines.line("consultation", "until"), "consultation.until", document.index_no)
        due = period.closes + dt.timedelta(days=due_days)
        if today > due and document.index_no not in answered:
            yield Finding(CONSULTATION_FEEDBACK_MISSING, f"征求意见已于 {period.closes} 结束，{due} 前应公开意见收集采纳情况，"
                                                         f"但没有文件的 feedback_for 为 {document.index_no}",
                          document.source, document.lines.line("consultation"), "consultation", document.index_no)


def check_columns(content: Content, today: dt.date) -> Iterator[Finding]:
    catalogue_file = PurePosixPath("catalogue.csv")
    used = {d.catalogue for d in content.documents}
    for name in content.catalogue.sub_columns:
        items = content.catalogue.items_of(name)
        documents = [d for d in content.documents if d.catalogue in {i.id for i in items}]
        if not documents:
            continue  # an empty sub-column is already reported as empty-column
        for item in items:
            if item.id not in used:
                yield Finding(ITEM_EMPTY, f"目录事项 {item.id}（{item.level1}／{item.level2}）没有任何已公开的信息",
                              catalogue_file, item.line, "编号")
        months = freshness_months(content.site.inspection, name)
        newest = max(d.published_on for d in documents)
        if newest < months_before(today, months):
            yield Finding(COLUMN_STALE, f"子栏目“{name}”最近一次更新是 {newest}，已超过 {months} 个月未更新",
                          catalogue_file, items[0].line, "一级事项")


def check_guide(content: Content, today: dt.date) -> Iterator[Finding]:
    guide = content.guide
    if guide.updated_on < months_before(today, 12):
        yield Finding(GUIDE_STALE, f"updated_on（更新日期）{guide.updated_on} 距今已超过 12 个月：请核对指南内容并更新日期",
                      guide.source, guide.lines.line("updated_on"), "updated_on")
    newest_rule = max(content.rules, key=lambda r: r.published_on, default=None)
    if newest_rule is not None and newest_rule.published_on > guide.updated_on:
        yield Finding(GUIDE_STALE, f"updated_on（更新日期）{guide.updated_on} 早于最新制度“{newest_rule.title}”的发布日期 "
                                     f"{newest_rule.published_on}：指南应反映现行制度", guide.source, guide.lines.line("updated_on"), "updated_on")


def check_guide_office(content: Content) -> Iterator[Finding]:
    """The office's address, hours, phone, fax and e-mail as the guide states them, against site.yaml."""
    guide = content.guide
    for disagreement in compare_with_site(guide.body, guide.body_line, content.site.office):
        yield Finding(GUIDE_OFFICE, disagreement.message, guide.source, disagreement.line)


def check_record_privacy(content: Content) -> Iterator[Finding]:
    """Resident ID, mobile and bank card numbers anywhere in a 行政许可 or 行政处罚 record: never published,
    惩戒公示 or not (a natural person's name is masked on the page instead)."""
    for record in content.records:
        for column, value in record.values:
            for found in find_personal_data(value):
                yield Finding(PERSONAL_DATA, f"“{column}”列含有{found.label} {found.masked}：行政许可、行政处罚公示"
                                             "不得公开个人的身份证号码、手机号码和银行卡号，请删除", record.source,
                              record.line, column)


def check_personal_data(content: Content, bodies: Bodies) -> Iterator[Finding]:
    """Resident ID, mobile and bank card numbers in a title, body or attachment name (bodies are scanned
    when they are converted, so a cached body is not scanned again)."""
    for document in content.documents:
        if document.personal_data == "公示":
            continue
        places = [(find_personal_data(document.title), document.lines.line("title") or 1, "标题"),
                  (list(bodies.pages[document.source].personal_data), document.body_line, "正文")]
        places += [(find_personal_data(a.file), document.lines.line("attachments", i, "file") or 1, "附件文件名")
                   for i, a in enumerate(document.attachments)]
        for found_here, first_line, where in places:
            for found in found_here:
                line = found.line if where == "正文" else first_line
                yield Finding(PERSONAL_DATA, f"{where}含有{found.label} {found.masked}：公开前应去除或隐去；依法需要公示的，"
                                               "请在 front matter 写 personal_data: 公示", document.source, line,
                              None, document.index_no)
