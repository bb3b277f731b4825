"""The one place that decides what "today" is, so tests and reproducible builds can pin it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

CHINA_TZ = dt.timezone(dt.timedelta(hours=8))


class TodayError(ValueError):
    pass


def resolve_today(option: str | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """`--today YYYY-MM-DD` wins; then SOURCE_DATE_EPOCH; then the clock, in Beijing time."""
    environ = os.environ if environ is None else environ
    if option:
        try:
            return dt.date.fromisoformat(option)
        except ValueError:
            raise TodayError(f"--today 的值 \"{option}\" 不是有效日期，应为 YYYY-MM-DD") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), CHINA_TZ).date()
        except (ValueError, OverflowError, OSError):
            raise TodayError(f"环境变量 SOURCE_DATE_EPOCH 的值 \"{epoch}\" 不是有效的 Unix 时间戳") from None
    return dt.datetime.now(CHINA_TZ).date()
