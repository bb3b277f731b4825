"""Reading the 公开时限 column of the catalogue as a number of working days."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DEFAULT_WORKING_DAYS = 20  # art. 26 of the regulation: within 20 working days of being created or changed

# Texts that set no deadline of their own, so the regulation's default applies.
NO_FIXED_LIMIT = ("及时公开", "实时公开", "长期公开", "常态化公开")
SAME_AS_ABOVE = "同上"

_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}
_NUMBER = r"[0-9]+|[零〇一二两三四五六七八九十百]+"
# "20个工作日", "20工作日", "二十个工作日"; not the "5" of "0.5个工作日"
_WORKING_DAYS = re.compile(rf"(?<![0-9.])({_NUMBER})\s*个?\s*工作日")
# Calendar deadlines and other units: such a text is not "no fixed limit" even if it says 及时
_CALENDAR = re.compile(rf"(?:{_NUMBER})\s*个?\s*(?:日|天|周|月|季|年)|每(?:年|半年|季|月|周|日|天)|月底|月末|季度|季末|年底|年末|半年")
_PUNCTUATION = " \t\r\n。.，,；;：:、"


@dataclass(frozen=True)
class TimeLimit:
    working_days: int  # the limit in working days


@dataclass(frozen=True)
class Unreadable:
    """A cell that gives no number of working days, such as a calendar deadline (每年1月31日前)."""

    text: str


def parse_time_limit(text: str, previous: TimeLimit | None = None) -> TimeLimit | Unreadable:
    """The limit written in a 公开时限 cell; `previous` is the row above, for 同上."""
    # NFKC turns full-width digits and brackets (２０，（变更）) into their ASCII forms
    normal = unicodedata.normalize("NFKC", text).strip(_PUNCTUATION)
    if not normal:
        return TimeLimit(DEFAULT_WORKING_DAYS)
    if normal == SAME_AS_ABOVE:
        return previous if previous is not None else Unreadable(text)
    if match := _WORKING_DAYS.search(normal):
        days = _number(match.group(1))
        return TimeLimit(days) if days else Unreadable(text)
    if any(phrase in normal for phrase in NO_FIXED_LIMIT) and not _CALENDAR.search(normal):
        return TimeLimit(DEFAULT_WORKING_DAYS)
    return Unreadable(text)


def _number(digits: str) -> int | None:
    """Value of "20" or of a Chinese numeral below 1000 ("二十", "十五", "一百二十"); None if malformed."""
    if digits.isascii():
        return int(digits)
    total = 0
    for unit_char, unit in (("百", 100), ("十", 10)):
        head, found, digits = digits.rpartition(unit_char)
        if found:
            if len(head) > 1 or (head and head not in _CHINESE_DIGITS):
                return None
            total += (_CHINESE_DIGITS[head] if head else 1) * unit  # "十五": a bare 十 is 10
    digits = digits.lstrip("零〇")
    if len(digits) > 1 or (digits and digits not in _CHINESE_DIGITS):
        return None
    return total + (_CHINESE_DIGITS[digits] if digits else 0)
