"""The weekly report from the database (tracker.services.reporting) on SQLite and PostgreSQL:
figures worked out by hand for a scripted office (tests/services/report_world.py), the same
figures after later events, filters, a quiet week, and the clear refusals."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

import pytest
from report_world import (
    DISTRICT,
    EDUCATION,
    HEALTH,
    POLICE,
    Spec,
    after_cutoff,
    at_day,
    build_world,
    d,
    import_directive,
)

from tracker.db.models import Directive, Task
from tracker.domain.errors import InputError, NotFoundError
from tracker.domain.report import ReportData, ReportPeriod
from tracker.services.context import ServiceContext
from tracker.services.reporting import (
    build_report,
    build_urge_letter,
    cutoff_of,
    range_period,
    week_of,
    week_period,
)

PRODUCED_AT = datetime(2021, 7, 26, 9, 0)  # noqa: DTZ001 - naive local, as stored


@pytest.fixture
def world(ctx: ServiceContext) -> dict[str, int]:
    return build_world(ctx)


def report(ctx: ServiceContext, day: date, period: ReportPeriod | str | None = None, **kwargs: Any) -> ReportData:
    if isinstance(period, str):
        period = week_period(period)
    return build_report(at_day(ctx, day), period, produced_at=PRODUCED_AT, **kwargs)


def grid(row: Any) -> tuple[int, ...]:
    return (row.total, row.done_on_time, row.done_late, row.in_progress_on_time, row.overdue, row.no_deadline,
            row.due_soon, row.missed_recurring)


# ---------------------------------------------------------------- periods (no database)


def test_week_period_is_monday_to_sunday() -> None:
    week = week_period("2021-W30")
    assert (week.start, week.end, week.iso_week) == (d(26), d(1, 8), "2021-W30")
    assert week_period("2021w29") == week_period("2021-W29")
    assert week_of(d(1, 8)) == week  # Sunday 01/08 is still week 30
    assert week_period("2020-W53").start == date(2020, 12, 28)
    for bad in ("2021-W54", "2021-30", "W30", ""):
        with pytest.raises(InputError) as caught:
            week_period(bad)
        assert caught.value.code == "rpt.bad_week"


def test_range_period_and_cutoff() -> None:
    assert range_period(d(26), d(1, 8)).iso_week == "2021-W30"  # an exact week keeps its label
    assert range_period(d(1), d(25)).iso_week is None
    with pytest.raises(InputError):
        range_period(d(25), d(1))
    # The period's last day; today while the period is not over; refused before it starts.
    assert cutoff_of(week_period("2021-W29"), d(26)) == d(25)
    assert cutoff_of(week_period("2021-W30"), d(28)) == d(28)
    with pytest.raises(InputError) as caught:
        cutoff_of(week_period("2021-W31"), d(28))
    assert caught.value.code == "reporting.future_period"


# ---------------------------------------------------------------- week 29 by hand


def test_week_29_figures_worked_out_by_hand(ctx: ServiceContext, world: dict[str, int]) -> None:
    data = report(ctx, d(26), "2021-W29")
    t = world
    assert data.cutoff == d(25)  # the period is over: its last day
    assert data.produced_by == "tester" and data.produced_at == PRODUCED_AT
    # The grid as of Sun 25/07, each of the 8 tasks (all created by then, none removed):
    #   T1 confirmed, reported 19/07 <= deadline 20/07       -> done on time (also vs the original)
    #   T2 confirmed, reported 24/07 <= extended 30/07        -> done on time; vs original 23/07: late
    #   T3 returned (in progress), deadline 16/07 < 25/07     -> overdue, 9 days
    #   T4 no deadline                                         -> no deadline
    #   T5 weekly reports, no deadline                         -> no deadline; Fridays 09, 16, 23/07
    #      due before 25/07, 09 and 23 submitted -> 1 missed (16/07)
    #   T6 deadline 28/07 (the progress of 24/07 was undone)  -> in progress on time, due soon (3 days)
    #   T7 deadline 30/07                                      -> in progress on time (5 days: not soon)
    #   T8 in progress, deadline 24/07                         -> overdue, 1 day
    # total 8 = 2 done on time + 0 late + 2 in time + 2 overdue + 2 without deadline
    assert grid(data.overall) == (8, 2, 0, 2, 2, 2, 1, 1)
    # on time: 2 of the 6 with a deadline; against the original deadlines only T1: 1 of 6.
    assert data.overall.on_time_rate == pytest.approx(2 / 6)
    assert data.overall.on_time_rate_original == pytest.approx(1 / 6)
    rows = {row.body: row for row in data.by_body}
    assert [row.body for row in data.by_body] == [POLICE, EDUCATION, HEALTH, DISTRICT]  # by name, no tones
    assert grid(rows[HEALTH]) == (3, 1, 0, 1, 0, 1, 1, 0)  # T1, T4, T6
    assert rows[HEALTH].on_time_rate == pytest.approx(1 / 2)
    assert grid(rows[EDUCATION]) == (2, 1, 0, 1, 0, 0, 0, 0)  # T2, T7
    assert (rows[EDUCATION].on_time_rate, rows[EDUCATION].on_time_rate_original) == (0.5, 0.0)
    assert grid(rows[DISTRICT]) == (2, 0, 0, 0, 1, 1, 0, 1)  # T3, T5
    assert rows[DISTRICT].on_time_rate == 0.0
    assert grid(rows[POLICE]) == (1, 0, 0, 0, 1, 0, 0, 0)  # T8
    # Received in 19-25/07: 470-CV/TU (imported 22/07) with T6, T7, T8; 230-CV/TU came on 12/07.
    assert [(x.number, x.received_on, x.tasks_created) for x in data.directives] == [("470-CV/TU", d(22), 3)]
    assert data.tasks_created == 3
    # Confirmed in the period: T1 (20/07) and T2 (25/07), both on time.
    assert [(c.task_id, c.completed_on, c.on_time) for c in data.completed] == [
        (t["T1"], d(19), True), (t["T2"], d(24), True)]
    assert (data.completed_on_time, data.completed_late) == (2, 0)
    assert [(r.task_id, r.returned_on, r.reason) for r in data.returned] == [(t["T3"], d(22), "Thiếu số liệu")]
    # T2 extended 23/07 -> 30/07 on 21/07, approving the unit's request (its reason).
    assert [(e.task_id, e.granted_on, e.previous_deadline, e.deadline, e.reason) for e in data.extensions] == [
        (t["T2"], d(21), d(23), d(30), "Chờ ý kiến của Bộ")]
    # Overdue, most days first, each with the latest note written by 25/07.
    assert [(o.task_id, o.days_overdue, o.body, o.directive_number, o.item_ref, o.latest_note, o.latest_note_date)
            for o in data.overdue] == [
        (t["T3"], 9, DISTRICT, "230-CV/TU", "3", "Đang rà soát", d(14)),
        (t["T8"], 1, POLICE, "470-CV/TU", "3", "Đang triển khai", d(23))]
    assert [(m.task_id, m.recurrence, m.missed, m.last_missed_on) for m in data.missed_reports] == [
        (t["T5"], "weekly", 1, d(16))]
    # Due from 25/07 to 01/08 and still open: T6 (28/07, 3 days) and T7 (30/07, 5 days).
    assert [(x.task_id, x.deadline, x.days_left, x.percent) for x in data.due_next] == [
        (t["T6"], d(28), 3, 0), (t["T7"], d(30), 5, 0)]
    assert data.next_period == week_period("2021-W30")  # the week after the cut-off
    # Notes of 19-25/07 by body: T8's progress (23/07) and T6's note (24/07); T6's progress of 24/07
    # was undone the same day, T1's and T3's notes are older.
    assert [(g.body, [(n.task_id, n.on_date, n.percent, n.note) for n in g.notes]) for g in data.notes_by_body] == [
        (POLICE, [(t["T8"], d(23), 20, "Đang triển khai")]),
        (HEALTH, [(t["T6"], d(24), None, "Chờ kinh phí")])]
    assert data.has_activity and data.filters.empty


def test_past_report_is_the_same_whatever_happens_afterwards(ctx: ServiceContext, world: dict[str, int]) -> None:
    week_before = report(ctx, d(26), "2021-W29")
    month_before = report(ctx, d(26), range_period(d(1), d(25)))
    after_cutoff(ctx, world)  # T8 done, T7 removed, T1 reopened, a new directive, T3 extended...
    assert report(ctx, d(28), "2021-W29") == week_before
    assert report(ctx, d(28), range_period(d(1), d(25))) == month_before
    # the month: both directives received, all 8 tasks created, the same grid
    assert [x.number for x in month_before.directives] == ["230-CV/TU", "470-CV/TU"]
    assert month_before.tasks_created == 8 and month_before.overall == week_before.overall
    # notes since 01/07: T3 (14/07), T1 (15/07), T8 (23/07), T6 (24/07)
    assert month_before.progress_notes == 4


def test_current_week_is_judged_as_of_today(ctx: ServiceContext, world: dict[str, int]) -> None:
    t = world | after_cutoff(ctx, world)
    data = report(ctx, d(27))  # default: the ISO week containing today (W30), cut off today 27/07
    assert data.period == week_period("2021-W30") and data.cutoff == d(27)
    # As of 27/07: T7 removed (left out), T9 created 26/07 (deadline 05/08).
    #   T1 reopened -> in progress, deadline 20/07 -> overdue 7 days
    #   T2 done on time;  T3 extended to 31/07 -> in time (not soon: 4 days);  T4, T5 no deadline
    #   T6 deadline 28/07 -> in time, due soon;  T8 reported 26/07 > 24/07, waiting -> overdue 2 days
    #   T9 deadline 05/08 -> in time
    assert grid(data.overall) == (8, 1, 0, 3, 2, 2, 1, 0)
    # T5: Fridays 09, 16, 23/07 due before 27/07, all submitted by now (16/07 on 27/07) -> none missed
    assert data.missed_reports == ()
    assert [(o.task_id, o.days_overdue) for o in data.overdue] == [(t["T1"], 7), (t["T8"], 2)]
    assert data.overdue[1].latest_note == "Đã hoàn thành"
    assert [(x.number, x.tasks_created) for x in data.directives] == [("521-CV/TU", 1)]
    assert [(e.task_id, e.previous_deadline, e.deadline, e.reason) for e in data.extensions] == [
        (t["T3"], d(16), d(31), "Địa phương đề nghị")]
    assert data.completed == () and data.returned == ()
    assert [x.task_id for x in data.due_next] == [t["T6"], t["T3"]]  # 28/07, 31/07; T9 (05/08) is later
    assert data.progress_notes == 2  # T6 progress 26/07, T2 note 27/07


def test_filters_by_body_and_directive(ctx: ServiceContext, world: dict[str, int]) -> None:
    health = report(ctx, d(26), "2021-W29", bodies=["SYT"])  # an alias
    assert health.filters.bodies == (HEALTH,)
    assert grid(health.overall) == (3, 1, 0, 1, 0, 1, 1, 0)
    assert [row.body for row in health.by_body] == [HEALTH]
    assert [x.number for x in health.directives] == ["470-CV/TU"] and health.tasks_created == 1
    assert [c.task_id for c in health.completed] == [world["T1"]] and health.overdue == ()
    one = report(ctx, d(26), "2021-W29", directives=["470-cv/tu"])
    assert one.filters.directives == ("470-cv/tu",)
    assert grid(one.overall) == (3, 0, 0, 2, 1, 0, 1, 0)  # T6, T7 in time (T6 soon), T8 overdue
    assert one.completed == () and [o.task_id for o in one.overdue] == [world["T8"]]
    both = report(ctx, d(26), "2021-W29", bodies=["so y te"], directives=["230-CV/TU"])
    assert grid(both.overall) == (2, 1, 0, 0, 0, 1, 0, 0)  # T1, T4
    assert both.directives == ()  # 230-CV/TU was received before the week


def test_quiet_week_is_a_valid_report_that_says_so(ctx: ServiceContext, world: dict[str, int]) -> None:
    data = report(ctx, d(9, 8), "2021-W31")  # 02-08/08: nothing happened
    assert not data.has_activity
    assert (data.directives, data.tasks_created, data.completed, data.returned, data.extensions,
            data.notes_by_body) == ((), 0, (), (), (), ())
    # the grid still stands as of 08/08: T1, T2 done on time; T3, T6, T7, T8 overdue; T4, T5 none
    assert grid(data.overall)[:6] == (8, 2, 0, 0, 4, 2)
    # T5: Fridays 16, 30/07 and 06/08 not submitted by 08/08
    assert [(m.missed, m.last_missed_on) for m in data.missed_reports] == [(3, d(6, 8))]


def test_clear_refusals(ctx: ServiceContext, world: dict[str, int]) -> None:
    with pytest.raises(NotFoundError) as caught:
        report(ctx, d(26), "2021-W29", bodies=["Sở Không Có"])
    assert caught.value.code == "reporting.body_not_found" and caught.value.params["body"] == "Sở Không Có"
    with pytest.raises(NotFoundError) as caught:
        report(ctx, d(26), "2021-W29", directives=["999-CV/TU"])
    assert caught.value.code == "reporting.directive_not_found"
    with pytest.raises(NotFoundError) as caught:  # 05-11/07: the first directive came on 12/07
        report(ctx, d(26), "2021-W27")
    assert caught.value.code == "reporting.before_first_directive"
    assert caught.value.params == {"cutoff": "2021-07-11", "first": "2021-07-12"}
    with pytest.raises(InputError) as caught:
        report(ctx, d(26), "2021-W31")
    assert caught.value.code == "reporting.future_period"


def test_empty_database_says_so(ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError) as caught:
        report(ctx, d(26))
    assert caught.value.code == "reporting.no_directives"


def test_urge_letter_lists_the_body_overdue_tasks(ctx: ServiceContext, world: dict[str, int]) -> None:
    letter = build_urge_letter(at_day(ctx, d(26)), "ubnd huyen hoa thanh")
    assert letter.body == DISTRICT and letter.cutoff == letter.issued_on == d(26)
    assert letter.reply_by == date(2021, 8, 2)
    assert [(x.task_id, x.days_overdue, x.directive_number, x.deadline) for x in letter.tasks] == [
        (world["T3"], 10, "230-CV/TU", d(16))]
    with pytest.raises(NotFoundError) as caught:
        build_urge_letter(at_day(ctx, d(26)), HEALTH)
    assert caught.value.code == "reporting.urge_nothing_overdue"


def test_report_data_is_plain(ctx: ServiceContext, world: dict[str, int]) -> None:
    """Frozen dataclasses all the way down: the exporters never see a database object."""
    data = report(ctx, d(26), "2021-W29")

    def walk(value: Any) -> None:
        if dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple):
            for item in value:
                walk(item)
        else:
            assert value is None or isinstance(value, str | int | float | date), type(value)

    walk(data)


def test_a_directive_without_number_is_named_by_its_file(ctx: ServiceContext, world: dict[str, int]) -> None:
    """An unnumbered directive (a note, a forwarded page) is not left blank in the report: its
    lines and its entry among the directives received carry its file's name."""
    new = import_directive(at_day(ctx, d(23)), "", d(23), "V/v báo cáo nhanh",
                           [Spec("T9", HEALTH, d(24), "Báo cáo nhanh số ca mắc")])
    with ctx.sessions.begin() as session:
        task = session.get(Task, new["T9"])
        assert task is not None
        directive = session.get(Directive, task.directive_id)
        assert directive is not None
        directive.number, directive.source_file = None, "/data/van_ban/thong_bao_khong_so.docx"
    data = report(ctx, d(26), "2021-W29")
    assert [(x.task_id, x.directive_number) for x in data.overdue if x.task_id == new["T9"]] == [
        (new["T9"], "thong_bao_khong_so.docx")]
    assert [x.number for x in data.directives if x.subject == "V/v báo cáo nhanh"] == ["thong_bao_khong_so.docx"]
