"""The weekly report over the real sample directives: ``sample_docs/`` imported through the real
reader and parser on Monday 26/07/2021, then a scripted week of events on four of its tasks;
the week-30 figures are worked out by hand from the imported baseline (whatever the parser
finds, the deltas below hold), and the report does not move when later events are added.
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from report_world import at_day, d
from sqlalchemy import func, select

from tracker.db.models import Directive, Task
from tracker.services import as_of, tasks
from tracker.services.context import ServiceContext
from tracker.services.reporting import build_report, week_period

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
PRODUCED_AT = datetime(2021, 8, 2, 9, 0)  # noqa: DTZ001 - naive local, as stored

importing = pytest.importorskip("tracker.services.importing")
pytest.importorskip("tracker.parsing.extract", reason="the parser has not landed")


def test_week_30_over_the_imported_samples(ctx: ServiceContext) -> None:
    report = importing.import_paths(at_day(ctx, d(26)), [SAMPLES])
    assert not [f for f in report.files if f.status == "failed"]
    with ctx.sessions.begin() as session:
        total = session.scalar(select(func.count()).select_from(Task).where(Task.active.is_(True)))
        with_deadline = session.scalar(select(func.count()).select_from(Task).where(
            Task.active.is_(True), Task.current_deadline.is_not(None)))
        late_base = session.scalar(select(func.count()).select_from(Task).where(
            Task.active.is_(True), Task.current_deadline < d(1, 8)))
        soon_base = session.scalar(select(func.count()).select_from(Task).where(
            Task.active.is_(True), Task.current_deadline >= d(1, 8), Task.current_deadline <= d(4, 8)))
        directives = session.scalar(select(func.count()).select_from(Directive))
        # four tasks of 230-CV/TU without a deadline or a recurrence: A, B, C, E
        a, b, c, e = session.scalars(
            select(Task.id).join(Directive, Directive.id == Task.directive_id)
            .where(Directive.number == "230-CV/TU", Task.current_deadline.is_(None), Task.recurrence.is_(None))
            .order_by(Task.id).limit(4)).all()
    assert total and directives
    # The week (W30 = 26/07 - 01/08):
    tasks.edit(at_day(ctx, d(26)), a, deadline=d(28))
    tasks.edit(at_day(ctx, d(26)), b, deadline=d(30))
    tasks.edit(at_day(ctx, d(26)), e, deadline=d(27))
    tasks.progress(at_day(ctx, d(27)), a, 50, "Đang triển khai")
    tasks.report_done(at_day(ctx, d(28)), b, done_on=d(28))
    tasks.confirm(at_day(ctx, d(29)), b)
    tasks.report_done(at_day(ctx, d(29)), c, done_on=d(29))
    tasks.return_task(at_day(ctx, d(30)), c, "Thiếu số liệu")
    tasks.extend(at_day(ctx, d(30)), a, d(3, 8), "Chờ vật tư")
    data = build_report(at_day(ctx, d(2, 8)), week_period("2021-W30"), produced_at=PRODUCED_AT)
    assert data.cutoff == d(1, 8)
    grid = data.overall
    # By hand, as of Sun 01/08:
    #   A in progress, deadline extended 28/07 -> 03/08: in time, due soon (2 days); late vs the original
    #   B confirmed, reported 28/07 <= 30/07: done on time
    #   C returned, no deadline: no deadline;  E deadline 27/07, not started: overdue, 5 days
    #   every other task as imported: not started; its parsed deadline decides (the baseline counts)
    assert grid.total == total
    assert grid.done_on_time == 1 and grid.done_late == 0
    assert grid.overdue == late_base + 1
    assert grid.in_progress_on_time == with_deadline - late_base + 1
    assert grid.no_deadline == total - with_deadline - 3
    assert grid.due_soon == soon_base + 1
    assert grid.on_time_rate == pytest.approx(1 / (with_deadline + 3))
    assert grid.on_time_rate_original == pytest.approx(1 / (with_deadline + 3))  # B: 28/07 <= 30/07 too
    assert len(data.directives) == directives and data.tasks_created == total  # all received on 26/07
    assert [(x.task_id, x.on_time) for x in data.completed] == [(b, True)]
    assert [(x.task_id, x.reason) for x in data.returned] == [(c, "Thiếu số liệu")]
    assert [(x.task_id, x.previous_deadline, x.deadline) for x in data.extensions] == [(a, d(28), d(3, 8))]
    overdue = {x.task_id: x.days_overdue for x in data.overdue}
    assert overdue[e] == 5 and len(overdue) == late_base + 1
    assert a in {x.task_id for x in data.due_next}
    assert [(n.task_id, n.percent, n.note) for g in data.notes_by_body for n in g.notes] == [(a, 50, "Đang triển khai")]
    with ctx.sessions.begin() as session:  # the missed periodic reports agree with the lifecycle's grid
        snapshots = as_of.snapshots_as_of(session, d(1, 8))
        assert grid.missed_recurring == sum(as_of.missed_as_of(session, d(1, 8), snapshots).values())
    # Later events leave the week-30 report as it was.
    tasks.report_done(at_day(ctx, d(2, 8)), a, done_on=d(2, 8))
    tasks.confirm(at_day(ctx, d(3, 8)), a)
    tasks.reopen(at_day(ctx, d(3, 8)), b, "Bổ sung")
    tasks.remove_body(at_day(ctx, d(3, 8)), e)
    assert build_report(at_day(ctx, d(4, 8)), week_period("2021-W30"), produced_at=PRODUCED_AT) == data
