"""The report's pure helpers: ISO weeks, the following week, grid rows from counts, derived counts."""

from __future__ import annotations

from datetime import date

import pytest
from report_samples import OVERALL, quiet_week, week_report

from tracker.domain.errors import InputError
from tracker.domain.report import GridRow, ReportPeriod, following_week, iso_week_period, week_of
from tracker.i18n import error_text


def test_iso_week_labels() -> None:
    assert iso_week_period("2021-W30") == ReportPeriod(start=date(2021, 7, 26), end=date(2021, 8, 1),
                                                       iso_week="2021-W30")
    assert iso_week_period("2021w1").start == date(2021, 1, 4)  # ISO week 1 starts on 4 January 2021
    assert iso_week_period("2020-W53").end == date(2021, 1, 3)
    for bad in ("2021-W54", "2021-30", "tuần 30", "2021-W00"):
        with pytest.raises(InputError) as caught:
            iso_week_period(bad)
        assert error_text(caught.value, "vi") == f"Tuần không hợp lệ: {bad} (cần dạng 2021-W30)."


def test_week_of_a_day_and_the_week_after() -> None:
    assert week_of(date(2021, 8, 1)).iso_week == "2021-W30"  # a Sunday ends its week
    assert week_of(date(2021, 1, 1)).iso_week == "2020-W53"
    assert following_week(iso_week_period("2021-W30")) == iso_week_period("2021-W31")
    free = ReportPeriod(start=date(2021, 7, 1), end=date(2021, 7, 14))
    assert following_week(free) == ReportPeriod(start=date(2021, 7, 15), end=date(2021, 7, 21))


def test_grid_row_from_counts() -> None:
    row = GridRow.from_counts(None, done_on_time=6, done_late=2, in_progress_on_time=6, overdue=3,
                              no_deadline=3, due_soon=2, missed_recurring=2, done_on_time_original=5)
    assert row == OVERALL
    assert row.total == 20 and row.done == 8 and row.on_time_rate == pytest.approx(6 / 17)
    empty = GridRow.from_counts("Công an tỉnh", done_on_time=0, done_late=0, in_progress_on_time=0,
                                overdue=0, no_deadline=2)
    assert empty.on_time_rate is None and empty.on_time_rate_original is None and empty.total == 2


def test_counts_derive_from_the_lists() -> None:
    data = week_report()
    assert (data.completed_on_time, data.completed_late, data.progress_notes) == (2, 1, 3)
    assert data.has_activity and not quiet_week().has_activity
    assert sum(row.total for row in data.by_body) == data.overall.total
