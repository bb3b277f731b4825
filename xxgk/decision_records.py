"""行政许可 and 行政处罚 decisions published as records (双公示): records/licences.csv and
records/penalties.csv, each row checked against its Table Schema and the rules of publication
(统一社会信用代码 by its check character, 公示日期 not before the decision, natural persons without a
code), and what the public may see of a row: a natural person's name masked wherever it appears, no
code, and nothing once its publication period is over."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import csv_table, urls
from .calendar_months import shift_months
from .credit_code import credit_code_problem
from .model import DecisionRecord, Site
from .paths import escapes_root
from .personal_data import find_personal_data
from .problems import Problems
from .textfile import read_text

FOLDER = "records"
PARTY = "行政相对人名称"
PARTY_TYPE = "行政相对人类别"
CREDIT_CODE = "统一社会信用代码"
PUBLISHED = "公示日期"
UNTIL = "公示截止日期"
NATURAL_PERSON = "自然人"
# Columns that are about the row, not the decision: the page shows them apart or not at all.
NOT_SHOWN_AS_FACTS = (PARTY_TYPE, UNTIL)


@dataclass(frozen=True)
class RecordKind:
    key: str  # file name without .csv, and the URL folder
    schema: str
    title: str  # the list's title
    decision: str  # what one row is
    number: str  # the column of the decision's number (决定书文号)
    name: str  # the column that names the matter
    authority: str  # the deciding authority
    decided: str  # the decision date
    months_setting: str  # the Site field with the publication period in months

    @property
    def file(self) -> PurePosixPath:
        return PurePosixPath(FOLDER, f"{self.key}.csv")

    def months(self, site: Site) -> int:
        return getattr(site, self.months_setting)


LICENCES = RecordKind("licences", "licence.schema.json", "行政许可公示", "行政许可决定", "行政许可决定书文号", "项目名称", "许可机关",
                      "许可日期", "licence_months")
PENALTIES = RecordKind("penalties", "penalty.schema.json", "行政处罚公示", "行政处罚决定", "行政处罚决定书文号", "案件名称", "处罚机关",
                       "处罚日期", "penalty_months")
KINDS = (LICENCES, PENALTIES)
KIND_OF = {kind.key: kind for kind in KINDS}


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳修文 -> 欧***: the surname's first character stays, as publication rules require."""
    return name[:1] + "*" * (len(name) - 1)


def shown_values(record: DecisionRecord) -> tuple[tuple[str, str], ...]:
    """The row as the public sees it: a natural person's name masked in every column, no code for them,
    empty columns and the bookkeeping columns left out."""
    name = record.value(PARTY)
    shown = []
    for column, value in record.values:
        if not value or column in NOT_SHOWN_AS_FACTS or (record.natural_person and column == CREDIT_CODE):
            continue
        if record.natural_person and len(name) > 1:
            value = value.replace(name, mask_name(name))
        shown.append((column, value))
    return tuple(shown)


def withdrawn_on(record: DecisionRecord, site: Site) -> dt.date:
    """The first day the record is no longer published."""
    if record.until is not None:
        return record.until + dt.timedelta(days=1)
    return shift_months(record.decided_on, KIND_OF[record.kind].months(site))


def record_id(record: DecisionRecord) -> str:
    """The record page's folder name: stable while the decision's number stays the same."""
    number = record.value(KIND_OF[record.kind].number)
    return hashlib.sha256(number.encode("utf-8")).hexdigest()[:12]


def check_party(kind: RecordKind, values: dict[str, str], path: Path, line: int, row: str,
                problems: Problems) -> bool:
    """A natural person has no credit code and must not be given an ID number; anyone else needs a valid code."""
    code = values[CREDIT_CODE]
    if values[PARTY_TYPE] == NATURAL_PERSON:
        if not code:
            return True
        found = find_personal_data(code)
        what = f"是{found[0].label} {found[0].masked}，不得公开" if found else "应留空：自然人没有统一社会信用代码"
        problems.error("credit-code", f"{row} 行政相对人是自然人，{CREDIT_CODE} {what}；身份证号码任何情况下都不公示",
                       path, line, CREDIT_CODE)
        return False
    if not code:
        problems.error("required", f"{row} {CREDIT_CODE} 不能为空（行政相对人是自然人的，请在“{PARTY_TYPE}”列填写“自然人”）",
                       path, line, CREDIT_CODE)
        return False
    found = find_personal_data(code)
    if found:
        problems.error("credit-code", f"{row} {CREDIT_CODE} 是{found[0].label} {found[0].masked}，不得公开：自然人请在"
                                      f"“{PARTY_TYPE}”列填写“自然人”，并将本列留空", path, line, CREDIT_CODE)
        return False
    problem = credit_code_problem(code)
    if problem:
        problems.error("credit-code", f"{row} {CREDIT_CODE} \"{code}\" 不是有效的统一社会信用代码：{problem}", path, line,
                       CREDIT_CODE)
        return False
    return True


def check_dates(kind: RecordKind, values: dict[str, str], path: Path, line: int, row: str,
                problems: Problems) -> bool:
    decided, published = values[kind.decided], values[PUBLISHED]
    if published < decided:
        problems.error("record-date", f"{row} {PUBLISHED} {published} 早于{kind.decided} {decided}：不能在作出决定之前公示",
                       path, line, PUBLISHED)
        return False
    if values[UNTIL] and values[UNTIL] < published:
        problems.error("record-date", f"{row} {UNTIL} {values[UNTIL]} 早于{PUBLISHED} {published}", path, line, UNTIL)
        return False
    return True


def load_kind(root: Path, kind: RecordKind, problems: Problems) -> list[DecisionRecord]:
    path = root / kind.file
    source = read_text(path, problems)
    if source is None:
        return []
    header, rows = csv_table.read_rows(source.text)
    if not csv_table.check_header(kind.schema, header, path, problems):
        return []
    failed = csv_table.validate_rows(kind.schema, source.text, path, header, rows, problems)
    failed |= csv_table.check_cell_characters(kind.schema, header, rows, path, problems)
    records = []
    for position, (line, cells) in enumerate(rows, start=2):
        if line in failed or not any(c.strip() for c in cells):
            continue
        values = csv_table.row_values(kind.schema, header, cells)
        row = f"第{position}行"
        if not (check_party(kind, values, path, line, row, problems) & check_dates(kind, values, path, line, row, problems)):
            continue
        records.append(DecisionRecord(
            kind=kind.key, source=kind.file, line=line, values=tuple(values.items()),
            decided_on=dt.date.fromisoformat(values[kind.decided]), published_on=dt.date.fromisoformat(values[PUBLISHED]),
            until=dt.date.fromisoformat(values[UNTIL]) if values[UNTIL] else None,
            natural_person=values[PARTY_TYPE] == NATURAL_PERSON))
    return records


def load_records(root: Path, problems: Problems) -> tuple[DecisionRecord, ...]:
    """Both files, when present; rows with errors are reported and left out."""
    records: list[DecisionRecord] = []
    for kind in KINDS:
        if (root / kind.file).is_file() and not escapes_root(root / kind.file, root):  # an escaping link is reported
            records += load_kind(root, kind, problems)
    return tuple(records)


@dataclass(frozen=True)
class RecordView:
    """A record as published: masked, with its page."""

    record: DecisionRecord
    url: str
    number: str
    title: str
    party: str
    authority: str
    facts: tuple[tuple[str, str], ...]  # shown_values


@dataclass(frozen=True)
class RecordList:
    kind: RecordKind
    url: str
    records: tuple[RecordView, ...]  # still published, newest decision first
    withdrawn: int  # rows whose publication period is over

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({r.record.decided_on.year for r in self.records}, reverse=True))


def record_view(record: DecisionRecord) -> RecordView:
    kind = KIND_OF[record.kind]
    facts = shown_values(record)
    shown = dict(facts)
    return RecordView(record, urls.record_url(kind.key, record_id(record)), shown[kind.number], shown[kind.name],
                      shown[PARTY], shown[kind.authority], facts)


def record_lists(records: tuple[DecisionRecord, ...], site: Site, today: dt.date) -> tuple[RecordList, ...]:
    """One list per kind that has rows: what is still published on `today`, and how many rows are not."""
    lists = []
    for kind in KINDS:
        rows = [r for r in records if r.kind == kind.key]
        if not rows:
            continue
        current = sorted((r for r in rows if withdrawn_on(r, site) > today),
                         key=lambda r: (r.decided_on, r.value(kind.number)), reverse=True)
        lists.append(RecordList(kind, urls.record_list_url(kind.key), tuple(record_view(r) for r in current),
                                len(rows) - len(current)))
    return tuple(lists)
