"""Vietnamese working days: weekends, public holidays (lunar Tết), the government's swapped days."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.parsing.deadlines import add_working_days
from tracker.parsing.rules.calendar import SWAPS, WorkdaySwap
from tracker.parsing.workdays import is_working_day, last_working_day_before_tet, lunar_new_year


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2021, 7, 2), 5, date(2021, 7, 9)),  # Friday + 5: the weekend is skipped
        (date(2021, 7, 5), 0, date(2021, 7, 5)),
        (date(2021, 7, 3), 1, date(2021, 7, 5)),  # from a Saturday
        # Tết Tân Sửu: 10-16/2/2021 off
        (date(2021, 2, 8), 3, date(2021, 2, 18)),
        (date(2021, 2, 9), 1, date(2021, 2, 17)),
        # Tết Nhâm Dần: 31/1-4/2/2022 off, so the whole week is skipped
        (date(2022, 1, 28), 1, date(2022, 2, 7)),
        # 30/4-1/5/2021 (Fri-Sat) with the compensatory Monday 3/5
        (date(2021, 4, 29), 1, date(2021, 5, 4)),
        # National Day 2-3/9/2021
        (date(2021, 9, 1), 1, date(2021, 9, 6)),
        # counting backwards
        (date(2021, 7, 12), -1, date(2021, 7, 9)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected


def test_swapped_working_saturday_counts() -> None:
    # 2024: Monday 29/4 off, made up on Saturday 4/5 (Công văn 2450/VPCP-KGVX)
    assert not is_working_day(date(2024, 4, 29))
    assert is_working_day(date(2024, 5, 4))
    assert add_working_days(date(2024, 4, 26), 2) == date(2024, 5, 3)
    assert add_working_days(date(2024, 4, 26), 3) == date(2024, 5, 4)


def test_swap_table_is_editable() -> None:
    plain = date(2021, 7, 9)  # an ordinary Friday
    saturday = date(2021, 7, 17)
    edited = dict(SWAPS)
    edited[2021] = (WorkdaySwap(plain, saturday, "test swap"),)
    assert is_working_day(plain) and not is_working_day(saturday)
    assert not is_working_day(plain, edited)
    assert is_working_day(saturday, edited)
    assert add_working_days(date(2021, 7, 8), 1, edited) == date(2021, 7, 12)
    assert add_working_days(date(2021, 7, 16), 1, edited) == date(2021, 7, 17)


def test_table_entries_are_weekday_off_and_weekend_work() -> None:
    for year, swaps in SWAPS.items():
        for swap in swaps:
            if swap.day_off is not None:
                assert swap.day_off.weekday() < 5, swap
            if swap.working_day is not None:
                assert swap.working_day.weekday() >= 5, swap
            if swap.day_off is not None and swap.working_day is not None:
                assert abs((swap.day_off - swap.working_day).days) <= 14, swap  # a swap is within two weeks
            assert year in {d.year for d in (swap.day_off, swap.working_day) if d is not None}, swap
            assert swap.source


@pytest.mark.parametrize(
    ("year", "new_year", "last_day"),
    [(2021, date(2021, 2, 12), date(2021, 2, 9)), (2022, date(2022, 2, 1), date(2022, 1, 28))],
)
def test_tet(year: int, new_year: date, last_day: date) -> None:
    assert lunar_new_year(year) == new_year
    assert last_working_day_before_tet(year) == last_day
