"""The one place that decides what "today" is, so tests and reproducible builds can pin it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

CHINA_TZ = dt.timezone(dt.timedelta(hours=8))


# The regulations date from 2008; dates far outside this range are typing mistakes, and date arithmetic
# (deadlines, "12 months ago") near year 1 or 9999 would overflow.
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


class TodayError(ValueError):
    pass


def within_range(today: dt.date, source: str) -> dt.date:
    if not EARLIEST <= today <= LATEST:
        raise TodayError(f"{source} 给出的日期 {today.isoformat()} 不在 {EARLIEST.isoformat()} 至 {LATEST.isoformat()} 之间")
    return today


def resolve_today(option: str | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """`--today YYYY-MM-DD` wins; then SOURCE_DATE_EPOCH; then the clock, in Beijing time."""
    environ = os.environ if environ is None else environ
    if option:
        try:
            chosen = dt.date.fromisoformat(option)
        except ValueError:
            raise TodayError(f"--today 的值 \"{option}\" 不是有效日期，应为 YYYY-MM-DD") from None
        return within_range(chosen, "--today")
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            chosen = dt.datetime.fromtimestamp(int(epoch), CHINA_TZ).date()
        except (ValueError, OverflowError, OSError):
            raise TodayError(f"环境变量 SOURCE_DATE_EPOCH 的值 \"{epoch}\" 不是有效的 Unix 时间戳") from None
        return within_range(chosen, "环境变量 SOURCE_DATE_EPOCH")
    return dt.datetime.now(CHINA_TZ).date()
