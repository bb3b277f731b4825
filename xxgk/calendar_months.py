"""Calendar months added to or taken from a date ("12 个月前", "公示期 12 个月")."""

from __future__ import annotations

import datetime as dt


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` months later (earlier when negative), or the month's last day if it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")
