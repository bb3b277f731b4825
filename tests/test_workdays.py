"""Working days of the official calendar: holidays, 调休 make-up days, and the weekday fallback."""

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.workdays import WorkdayCalendar, official_calendar

D = dt.date
CAL = official_calendar()


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(n) for n in range((last - first).days + 1)]


# --- which years the package knows ---------------------------------------------------------------

def test_covers_the_years_with_official_data():
    assert all(CAL.covers(year) for year in range(2004, 2027))
    assert not CAL.covers(2003)
    assert not CAL.covers(2027)
    assert not CAL.covers(2031)


def test_covered_years_are_exactly_those_the_package_accepts():
    for year in (2003, 2004, 2026, 2027):
        try:
            chinese_calendar.is_workday(D(year, 6, 1))
            accepted = True
        except NotImplementedError:
            accepted = False
        assert CAL.covers(year) is accepted


def test_agrees_with_the_package_on_every_covered_day():
    for day in days(D(2004, 1, 1), D(2026, 12, 31)):
        assert CAL.is_workday(day) is chinese_calendar.is_workday(day), day


def test_official_calendar_is_built_once():
    assert official_calendar() is official_calendar()


# --- Spring Festival 2024: off 02-10..02-17, make-up days Sunday 02-04 and Sunday 02-18 ----------
# (02-18 was a Sunday, not a Saturday: the 2024 holiday notice lists both make-up days as 星期日)

def test_spring_festival_2024_holiday():
    assert not any(CAL.is_workday(day) for day in days(D(2024, 2, 10), D(2024, 2, 17)))
    # Monday to Friday of the holiday week are off too
    assert [day.weekday() for day in days(D(2024, 2, 12), D(2024, 2, 16))] == [0, 1, 2, 3, 4]


def test_spring_festival_2024_makeup_days():
    assert D(2024, 2, 4).weekday() == 6 and CAL.is_workday(D(2024, 2, 4))
    assert D(2024, 2, 18).weekday() == 6 and CAL.is_workday(D(2024, 2, 18))
    assert CAL.is_workday(D(2024, 2, 9))  # 除夕 2024 was a working day
    assert not CAL.is_workday(D(2024, 2, 3))  # an ordinary Saturday stays off


def test_makeup_sundays_count_as_working_days():
    # Friday 02-16 (holiday) -> Sunday 02-18 (调休): one working day, the Sunday
    assert CAL.workdays_between(D(2024, 2, 16), D(2024, 2, 18)) == 1
    assert CAL.add_workdays(D(2024, 2, 17), 1) == D(2024, 2, 18)
    assert CAL.add_workdays(D(2024, 2, 3), 1) == D(2024, 2, 4)


def test_makeup_saturday_counts_as_a_working_day():
    # National Day 2024: off 10-01..07, Saturday 10-12 a make-up day
    assert D(2024, 10, 12).weekday() == 5 and CAL.is_workday(D(2024, 10, 12))
    assert CAL.workdays_between(D(2024, 10, 11), D(2024, 10, 13)) == 1  # Friday -> Sunday: the Saturday
    assert CAL.add_workdays(D(2024, 10, 11), 1) == D(2024, 10, 12)
    assert CAL.workdays_between(D(2024, 10, 4), D(2024, 10, 6)) == 0  # an ordinary weekend inside a holiday


def test_document_written_before_spring_festival_published_after():
    written, published = D(2024, 2, 8), D(2024, 2, 19)  # Thursday before, Monday after
    # counted: Fri 02-09, Sun 02-18 (调休), Mon 02-19. Plain weekdays would give 7.
    assert CAL.workdays_between(written, published) == 3
    # 20 working days: 02-09, 02-18, 02-19..23, 02-26..03-01, 03-04..08, 03-11..13
    assert CAL.add_workdays(written, 20) == D(2024, 3, 13)
    assert CAL.workdays_between(written, D(2024, 3, 13)) == 20
    assert CAL.workdays_between(written, D(2024, 3, 14)) == 21


# --- National Day 2025: off 10-01..10-08, make-up Sunday 09-28 and Saturday 10-11 -----------------

def test_national_day_2025_holiday():
    assert not any(CAL.is_workday(day) for day in days(D(2025, 10, 1), D(2025, 10, 8)))
    assert CAL.is_workday(D(2025, 9, 30))
    assert CAL.is_workday(D(2025, 10, 9))


def test_national_day_2025_makeup_days():
    assert D(2025, 9, 28).weekday() == 6 and CAL.is_workday(D(2025, 9, 28))
    assert D(2025, 10, 11).weekday() == 5 and CAL.is_workday(D(2025, 10, 11))
    assert not CAL.is_workday(D(2025, 10, 12))  # the Sunday after is off


def test_national_day_2025_counting():
    assert CAL.add_workdays(D(2025, 9, 26), 1) == D(2025, 9, 28)  # Friday -> make-up Sunday
    assert CAL.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)  # over the whole holiday
    assert CAL.workdays_between(D(2025, 9, 30), D(2025, 10, 12)) == 3  # 10-09, 10-10, 10-11
    assert CAL.add_workdays(D(2025, 9, 30), 3) == D(2025, 10, 11)
    assert CAL.add_workdays(D(2025, 9, 30), 4) == D(2025, 10, 13)


def test_across_new_year_2026():
    # 2026-01-01..03 off, Sunday 01-04 a make-up day
    assert CAL.add_workdays(D(2025, 12, 31), 1) == D(2026, 1, 4)
    assert CAL.workdays_between(D(2025, 12, 30), D(2026, 1, 5)) == 3  # 12-31, 01-04, 01-05


# --- years without data: Monday to Friday --------------------------------------------------------

def test_fallback_for_a_year_without_data():
    assert not CAL.covers(2031)
    assert D(2031, 1, 1).weekday() == 2 and CAL.is_workday(D(2031, 1, 1))  # 元旦, unknown: counted
    assert not CAL.is_workday(D(2031, 1, 4))  # Saturday
    assert not CAL.is_workday(D(2031, 1, 5))  # Sunday
    assert CAL.add_workdays(D(2031, 1, 3), 1) == D(2031, 1, 6)  # Friday -> Monday
    assert CAL.workdays_between(D(2030, 12, 31), D(2031, 12, 31)) == 261  # 52 weeks and a Wednesday
    assert CAL.add_workdays(D(2031, 1, 3), 20) == D(2031, 1, 31)


def test_counting_from_a_covered_year_into_an_uncovered_one():
    # Thursday 2026-12-31 -> Friday 2027-01-01 (fallback: working day) and Monday 01-04
    assert CAL.workdays_between(D(2026, 12, 31), D(2027, 1, 4)) == 2
    assert CAL.add_workdays(D(2026, 12, 31), 2) == D(2027, 1, 4)


def test_uncovered_years():
    assert CAL.uncovered_years(D(2024, 1, 1), D(2025, 12, 31)) == ()
    assert CAL.uncovered_years(D(2026, 12, 1), D(2028, 1, 5)) == (2027, 2028)
    assert CAL.uncovered_years(D(2003, 12, 1), D(2004, 1, 5)) == (2003,)
    assert CAL.uncovered_years(D(2031, 5, 1), D(2031, 5, 2)) == (2031,)
    assert CAL.uncovered_years(D(2025, 1, 1), D(2024, 1, 1)) == ()


# --- edges ---------------------------------------------------------------------------------------

def test_zero_and_negative_counts():
    assert CAL.add_workdays(D(2024, 2, 10), 0) == D(2024, 2, 10)
    with pytest.raises(ValueError):
        CAL.add_workdays(D(2024, 2, 10), -1)


def test_no_days_between_when_end_is_not_after_start():
    assert CAL.workdays_between(D(2024, 3, 1), D(2024, 3, 1)) == 0
    assert CAL.workdays_between(D(2024, 3, 1), D(2024, 2, 1)) == 0


def test_long_spans():
    assert CAL.workdays_between(D(2023, 12, 31), D(2024, 12, 31)) == len(chinese_calendar.get_workdays(
        D(2024, 1, 1), D(2024, 12, 31), include_weekends=True))
    assert CAL.workdays_between(D(2004, 1, 1), D(2035, 1, 1)) == sum(
        CAL.is_workday(day) for day in days(D(2004, 1, 2), D(2035, 1, 1)))


def test_a_calendar_can_be_given_its_own_schedule():
    cal = WorkdayCalendar(holidays=frozenset({D(2040, 1, 2)}), makeup_days=frozenset({D(2040, 1, 7)}),
                          years=frozenset({2040}))
    assert cal.covers(2040) and not cal.covers(2041)
    assert not cal.is_workday(D(2040, 1, 2))  # Monday off
    assert cal.is_workday(D(2040, 1, 7))  # Saturday on
    assert cal.add_workdays(D(2040, 1, 1), 5) == D(2040, 1, 7)


# --- properties ----------------------------------------------------------------------------------

any_day = st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(any_day, st.integers(min_value=1, max_value=400))
def test_add_and_count_agree(start, count):
    deadline = CAL.add_workdays(start, count)
    assert CAL.is_workday(deadline)
    assert CAL.workdays_between(start, deadline) == count
    assert CAL.workdays_between(start, deadline - dt.timedelta(1)) == count - 1


@settings(max_examples=300, deadline=None)
@given(any_day, st.integers(min_value=0, max_value=800))
def test_count_matches_day_by_day(start, length):
    end = start + dt.timedelta(length)
    expected = sum(CAL.is_workday(day) for day in days(start + dt.timedelta(1), end)) if length else 0
    assert CAL.workdays_between(start, end) == expected
