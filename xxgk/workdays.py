"""Working days (工作日) of the official Chinese calendar, with statutory holidays and 调休 make-up days."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import chinese_calendar


@lru_cache(maxsize=64)
def _weekdays_of(year: int) -> tuple[int, ...]:
    """Ordinals of Monday to Friday in `year`: the fallback for years without official data."""
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    return tuple(day for day in range(first, last + 1) if dt.date.fromordinal(day).weekday() < 5)


def _workdays_of(year: int, holidays: frozenset[dt.date], makeup_days: frozenset[dt.date]) -> tuple[int, ...]:
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    days = (dt.date.fromordinal(ordinal) for ordinal in range(first, last + 1))
    return tuple(day.toordinal() for day in days
                 if day in makeup_days or (day.weekday() < 5 and day not in holidays))


@dataclass(frozen=True)
class WorkdayCalendar:
    """Holidays and make-up working days for the years in `years`; Monday to Friday elsewhere."""

    holidays: frozenset[dt.date]  # weekdays and weekends off (法定节假日 and the days moved next to them)
    makeup_days: frozenset[dt.date]  # 调休: weekend days that are working days
    years: frozenset[int]  # years with official data
    # year -> sorted ordinals of its working days, built once per calendar for the covered years
    _by_year: dict[int, tuple[int, ...]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_year = {year: _workdays_of(year, self.holidays, self.makeup_days) for year in self.years}
        object.__setattr__(self, "_by_year", by_year)

    def covers(self, year: int) -> bool:
        """True when the official holiday schedule of `year` is known."""
        return year in self.years

    def is_workday(self, day: dt.date) -> bool:
        if day.year in self.years:
            return day in self.makeup_days or (day.weekday() < 5 and day not in self.holidays)
        return day.weekday() < 5

    def add_workdays(self, start: dt.date, count: int) -> dt.date:
        """The date `count` working days after `start`, not counting `start`: the last day of "N个工作日内"."""
        if count < 0:
            raise ValueError(f"count must not be negative: {count}")
        if count == 0:
            return start
        year = start.year
        position = self._count_through(start) + count  # 1-based rank of the answer within `year`
        while position > len(days := self._days_of(year)):
            position -= len(days)
            year += 1
        return dt.date.fromordinal(days[position - 1])

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Number of working days d with start < d <= end; 0 when end <= start."""
        if end <= start:
            return 0
        if start.year == end.year:
            return self._count_through(end) - self._count_through(start)
        total = len(self._days_of(start.year)) - self._count_through(start)
        total += sum(len(self._days_of(year)) for year in range(start.year + 1, end.year))
        return total + self._count_through(end)

    def uncovered_years(self, start: dt.date, end: dt.date) -> tuple[int, ...]:
        """Years from start to end (inclusive) counted with the Monday-to-Friday fallback."""
        return tuple(year for year in range(start.year, end.year + 1) if year not in self.years)

    def _days_of(self, year: int) -> tuple[int, ...]:
        return self._by_year.get(year) or _weekdays_of(year)

    def _count_through(self, day: dt.date) -> int:
        """Working days from 1 January of day's year up to and including `day`."""
        return bisect_right(self._days_of(day.year), day.toordinal())


@lru_cache(maxsize=1)
def official_calendar() -> WorkdayCalendar:
    """The State Council's holiday schedules as published in the `chinesecalendar` package."""
    holidays = frozenset(chinese_calendar.holidays)
    # The package has a schedule for every year that has at least one holiday (each year has 元旦);
    # its own functions accept exactly the years from the first to the last of these.
    years = frozenset(day.year for day in holidays)
    return WorkdayCalendar(holidays=holidays, makeup_days=frozenset(chinese_calendar.workdays), years=years)
