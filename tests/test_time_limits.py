"""Reading the 公开时限 column: working days from the text, the regulation's 20 where none is set."""

import pytest

from xxgk.time_limits import DEFAULT_WORKING_DAYS, TimeLimit, Unreadable, parse_time_limit

DEFAULT = TimeLimit(20)


def test_default_is_the_regulations_twenty():
    assert DEFAULT_WORKING_DAYS == 20


@pytest.mark.parametrize(("text", "days"), [
    ("信息形成或者变更之日起20个工作日内", 20),
    ("信息形成（变更）20个工作日内", 20),
    ("自制作或获取该信息之日起20个工作日内", 20),
    ("20工作日", 20),
    ("7个工作日内", 7),
    ("信息形成或变更之日起3个工作日内", 3),
    ("公告期限为5个工作日", 5),
    ("信息形成或者变更之日起15个工作日内公开", 15),
    ("  20 个 工作日内 ", 20),
])
def test_working_days_in_digits(text, days):
    assert parse_time_limit(text) == TimeLimit(days)


@pytest.mark.parametrize(("text", "days"), [
    ("信息形成或者变更之日起２０个工作日内", 20),
    ("信息形成（变更）２０个工作日内", 20),
    ("７个工作日内", 7),
    ("２０工作日", 20),
])
def test_full_width_digits(text, days):
    assert parse_time_limit(text) == TimeLimit(days)


@pytest.mark.parametrize(("text", "days"), [
    ("二十个工作日内", 20),
    ("七个工作日", 7),
    ("十五个工作日", 15),
    ("信息形成之日起十个工作日内", 10),
    ("三十个工作日", 30),
    ("两个工作日内", 2),
    ("二十五个工作日", 25),
])
def test_chinese_numerals(text, days):
    assert parse_time_limit(text) == TimeLimit(days)


@pytest.mark.parametrize("text", ["", "   ", "\n", "及时公开", "实时公开", "长期公开", "常态化公开",
                                  "信息形成后及时公开", "及时公开。", "每次变更后及时公开"])
def test_no_fixed_limit_uses_the_default(text):
    assert parse_time_limit(text) == DEFAULT


def test_same_as_above_takes_the_previous_row():
    seven = TimeLimit(7)
    assert parse_time_limit("同上", seven) == seven
    assert parse_time_limit(" 同上。", seven) == seven
    assert parse_time_limit("同上", DEFAULT) == DEFAULT


def test_same_as_above_without_a_previous_row_is_unreadable():
    assert parse_time_limit("同上") == Unreadable("同上")
    assert parse_time_limit("同上", None) == Unreadable("同上")


def test_a_chain_of_same_as_above():
    previous = parse_time_limit("信息形成或变更之日起3个工作日内")
    for _ in range(3):
        previous = parse_time_limit("同上", previous)
    assert previous == TimeLimit(3)


@pytest.mark.parametrize("text", [
    "每年1月31日前",
    "6月底前",
    "10日内",  # calendar days, not working days
    "每季度",
    "1个月内",
    "每年3月31日前",
    "每季度及时公开",  # a calendar rhythm, even with 及时
    "20日内及时公开",
    "十五日内",
    "按有关规定",  # no number and not a known no-limit phrase
    "0个工作日",
    "0.5个工作日",
])
def test_calendar_deadlines_and_other_units_are_unreadable(text):
    assert parse_time_limit(text) == Unreadable(text)


def test_unreadable_keeps_the_cell_as_written():
    assert parse_time_limit(" 每年１月３１日前 ") == Unreadable(" 每年１月３１日前 ")


def test_the_first_number_of_working_days_is_the_deadline():
    assert parse_time_limit("信息形成之日起20个工作日内，公示期不少于5个工作日") == TimeLimit(20)


def test_a_date_before_the_working_days_is_not_read_as_the_number():
    assert parse_time_limit("2024年1月1日起20个工作日内") == TimeLimit(20)


def test_results_are_frozen():
    limit = parse_time_limit("7个工作日内")
    with pytest.raises(AttributeError):
        limit.working_days = 8  # type: ignore[misc]
