"""The dashboard as of today, and the grid rebuilt from history as of any date."""

from __future__ import annotations

from datetime import date

from task_world import TODAY, at_day, new_task

from tracker.services import tasks
from tracker.services.as_of import grid_as_of, grid_by_body, missed_as_of, snapshots_as_of
from tracker.services.context import ServiceContext
from tracker.services.dashboard import overview
from tracker.services.dto import GridCounts


def build(ctx: ServiceContext) -> dict[str, int]:
    early = at_day(ctx, date(2021, 7, 5))
    made = {
        "overdue_old": new_task(early, body_name="Sở Y tế", deadline=date(2021, 7, 10)),
        "overdue_new": new_task(early, body_name="Sở Y tế", deadline=date(2021, 7, 22)),
        "soon": new_task(early, body_name="Sở Y tế", deadline=date(2021, 7, 28)),
        "later": new_task(early, body_name="Sở Giáo dục và Đào tạo", deadline=date(2021, 8, 30)),
        "waiting": new_task(early, body_name="Sở Giáo dục và Đào tạo", deadline=date(2021, 7, 31)),
        "done_late": new_task(early, body_name="UBND huyện Hòa Thành", deadline=date(2021, 7, 15)),
        "done_extended": new_task(early, body_name="UBND huyện Hòa Thành", deadline=date(2021, 7, 15)),
        "weekly": new_task(early, body_name="UBND huyện Hòa Thành", deadline=None,
                           recurrence="FREQ=WEEKLY;BYDAY=FR"),
    }
    tasks.report_done(at_day(ctx, date(2021, 7, 20)), made["done_late"])
    tasks.confirm(at_day(ctx, date(2021, 7, 21)), made["done_late"])
    tasks.extend(at_day(ctx, date(2021, 7, 14)), made["done_extended"], date(2021, 7, 25), "Mưa bão")
    tasks.report_done(at_day(ctx, date(2021, 7, 24)), made["done_extended"])
    tasks.confirm(at_day(ctx, date(2021, 7, 25)), made["done_extended"])
    tasks.report_done(at_day(ctx, date(2021, 7, 23)), made["waiting"])
    tasks.request_extension(at_day(ctx, date(2021, 7, 25)), made["later"], date(2021, 9, 15), "Chờ kinh phí")
    tasks.submit_occurrence(at_day(ctx, date(2021, 7, 16)), made["weekly"], date(2021, 7, 16))
    return made


def test_overview(ctx: ServiceContext) -> None:
    made = build(ctx)
    board = overview(ctx)
    assert board.as_of == TODAY
    # overdue: 2 (Y tế), in time: soon, later, waiting; done: late 1, on time 1 (extension); weekly: no deadline
    assert board.grid == GridCounts(done_on_time=1, done_late=1, in_progress_on_time=3, overdue=2, no_deadline=1,
                                    due_soon=1, missed_occurrences=2)  # Fridays 9 and 23 July missed
    assert board.grid.total == 8
    assert board.grid_original.done_late == 2  # the extended one is late against its original deadline
    assert [(b.id, b.days) for b in board.overdue] == [(made["overdue_old"], 16), (made["overdue_new"], 4)]
    assert [(b.id, b.days) for b in board.due_soon] == [(made["soon"], 2)]
    assert [(b.id, b.extra, b.days) for b in board.waiting_confirmation] == [
        (made["waiting"], date(2021, 7, 23), 3)]
    assert [(b.id, b.extra) for b in board.extension_requests] == [(made["later"], date(2021, 9, 15))]
    assert (board.overdue_total, board.waiting_total, board.requests_total) == (2, 1, 1)
    rates = {r.body: r for r in board.body_rates}
    assert set(rates) == {"Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND huyện Hòa Thành"}
    district = rates["UBND huyện Hòa Thành"]
    assert (district.grid.done_on_time, district.grid.done_late, district.grid.no_deadline) == (1, 1, 1)
    assert district.rate == 0.5 and district.rate_original == 0.0
    assert district.grid.missed_occurrences == 2
    assert rates["Sở Y tế"].rate == 0.0
    assert board.body_rates[0].body == "UBND huyện Hòa Thành"  # best rate first
    assert board.overdue[0].directive_number == "230-CV/TU" and board.overdue[0].body == "Sở Y tế"


def test_history_grid_of_today_equals_the_sql_grid(ctx: ServiceContext) -> None:
    build(ctx)
    board = overview(ctx)
    assert grid_as_of(ctx, TODAY) == board.grid
    with ctx.sessions.begin() as session:
        snapshots = snapshots_as_of(session, TODAY)
        per_body = grid_by_body(snapshots, TODAY, 3, missed_as_of(session, TODAY, snapshots))
    for rate in board.body_rates:
        current, original = per_body[rate.body_id]
        assert current.as_dict() | {"due_soon": 0} == rate.grid.as_dict()
        assert original.done_on_time == rate.done_on_time_original


def test_grid_as_of_a_past_date_does_not_change_afterwards(ctx: ServiceContext) -> None:
    made = build(ctx)
    before = grid_as_of(ctx, date(2021, 7, 22))
    # that day: overdue_new is due (in time, due soon), done_extended runs to its new 25 July (due soon)
    assert before == GridCounts(done_on_time=0, done_late=1, in_progress_on_time=5, overdue=1, no_deadline=1,
                                due_soon=2, missed_occurrences=1)
    assert grid_as_of(ctx, date(2021, 7, 4)) == GridCounts()  # before anything existed
    tasks.report_done(ctx, made["overdue_old"])
    tasks.confirm(ctx, made["overdue_old"])
    tasks.undo(ctx, made["done_late"])
    tasks.remove_body(ctx, made["later"])
    tasks.undo(ctx, made["weekly"])  # the report of 16 July is taken back today...
    assert grid_as_of(ctx, date(2021, 7, 22)) == before  # ...but on 22 July it had been submitted
    today = grid_as_of(ctx, TODAY)
    assert today.done_late == 1  # overdue_old done today, late
    assert today == overview(ctx).grid


def test_empty_database(ctx: ServiceContext) -> None:
    board = overview(ctx)
    assert board.grid == GridCounts() and board.grid.on_time_rate == 0.0
    assert (board.overdue, board.due_soon, board.waiting_confirmation, board.body_rates) == ([], [], [], [])
