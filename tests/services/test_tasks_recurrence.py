"""Recurring obligations: due days between two dates, submitted or missed, never duplicated."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from task_world import at_day, new_task

from tracker.db.models import Occurrence
from tracker.domain.errors import RuleViolation
from tracker.services import recurrence, tasks
from tracker.services.context import ServiceContext

ISSUED = date(2021, 7, 4)  # a Sunday


@pytest.mark.parametrize(("rule", "first", "last", "expected"), [
    ("daily", ISSUED, date(2021, 7, 8), [date(2021, 7, d) for d in (5, 6, 7, 8)]),  # the issue day is not due
    ("FREQ=WEEKLY;BYDAY=FR", ISSUED, date(2021, 7, 31), [date(2021, 7, d) for d in (9, 16, 23, 30)]),
    ("RRULE:FREQ=WEEKLY;BYDAY=MO", date(2021, 7, 12), date(2021, 7, 19), [date(2021, 7, 12), date(2021, 7, 19)]),
    ("FREQ=MONTHLY;BYMONTHDAY=25", ISSUED, date(2021, 10, 1), [date(2021, m, 25) for m in (7, 8, 9)]),
    ("quarterly", ISSUED, date(2022, 1, 31), [date(2021, 10, 4), date(2022, 1, 4)]),
    ("weekly", ISSUED, date(2021, 7, 3), []),  # before the start
])
def test_occurrences_between_two_dates(rule: str, first: date, last: date, expected: list[date]) -> None:
    assert recurrence.occurrences(rule, ISSUED, first, last) == expected


def test_statuses_and_missed_count() -> None:
    assert recurrence.occurrence_status(date(2021, 7, 9), date(2021, 7, 9), date(2021, 7, 26)) == "submitted"
    assert recurrence.occurrence_status(date(2021, 7, 9), date(2021, 7, 12), date(2021, 7, 26)) == "submitted_late"
    assert recurrence.occurrence_status(date(2021, 7, 9), date(2021, 7, 12), date(2021, 7, 10)) == "missed"
    assert recurrence.occurrence_status(date(2021, 7, 26), None, date(2021, 7, 26)) == "due"  # due today
    weekly = "FREQ=WEEKLY;BYDAY=FR"
    assert recurrence.count_missed(weekly, ISSUED, date(2021, 7, 26), [date(2021, 7, 16)]) == 2
    assert recurrence.count_missed(weekly, ISSUED, date(2021, 7, 23), []) == 2  # the 23rd is due that day
    assert recurrence.count_missed(weekly, ISSUED, date(2021, 7, 26), [], end=date(2021, 7, 12)) == 1


@pytest.mark.parametrize("rule", ["mỗi khi rảnh", "FREQ=SOMETIMES", "FREQ=WEEKLY;BYDAY=XX"])
def test_an_unreadable_rule_is_refused(rule: str) -> None:
    with pytest.raises(RuleViolation) as caught:
        recurrence.normalize_rule(rule)
    assert caught.value.code == "task.rule.bad_recurrence"


def test_mark_occurrences_never_duplicates(ctx: ServiceContext) -> None:
    weekly = new_task(ctx, recurrence="FREQ=WEEKLY;BYDAY=FR", deadline=None)
    daily = new_task(ctx, recurrence="daily", deadline=None, body_name="Sở Giáo dục và Đào tạo")
    new_task(ctx, deadline=date(2021, 7, 30), body_name="UBND huyện Hòa Thành")  # not recurring
    tasks.submit_occurrence(ctx, weekly, date(2021, 7, 16))
    tasks.report_done(at_day(ctx, date(2021, 7, 26)), daily, done_on=date(2021, 7, 10))
    added = recurrence.mark_occurrences(ctx)
    assert added == 2 + 6  # weekly: 9 and 23 (16 is stored already); daily: 5..10, then reported done
    assert recurrence.mark_occurrences(ctx) == 0
    assert recurrence.mark_occurrences(ctx, until=date(2021, 7, 30)) == 1  # Friday 30 July
    with ctx.sessions.begin() as session:
        rows = session.execute(select(Occurrence.task_id, func.count()).group_by(Occurrence.task_id)).all()
        assert dict(rows) == {weekly: 4, daily: 6}
        missed = recurrence.missed_by_task(session, date(2021, 7, 26))
    assert missed == {weekly: 2, daily: 6}
