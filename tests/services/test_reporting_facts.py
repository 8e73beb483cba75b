"""The report's fast as-of path equals the slow replay of the whole history (SQLite and
PostgreSQL), and its plain-string verdict equals the domain's."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from conftest import settings_for
from report_world import after_cutoff, at_day, build_world, d
from sqlalchemy import Engine, event

from tracker.domain import status
from tracker.domain.enums import TaskState
from tracker.domain.lifecycle import TaskFacts
from tracker.services import as_of, tasks
from tracker.services.context import ServiceContext
from tracker.services.reporting import build_report, week_of
from tracker.services.reporting_facts import Fact, facts_as_of, is_due_soon, verdict


def _as_snapshot(f: Fact) -> tuple[object, ...]:
    return (f.state, f.original_deadline, f.current_deadline, f.completed_on, f.active, f.recurrence, f.body_id,
            f.progress)


def _of_snapshot(s: TaskFacts) -> tuple[object, ...]:
    return (s.state.value, s.original_deadline, s.current_deadline, s.completed_on, s.active, s.recurrence,
            s.body_id, s.progress)


def test_fast_path_equals_the_replay_on_every_day(ctx: ServiceContext) -> None:
    world = build_world(ctx)
    world |= after_cutoff(ctx, world)
    # more history after the scripted one: an edit, an undo, a second reopen cycle
    tasks.edit(at_day(ctx, d(28)), world["T4"], deadline=d(10, 8))
    tasks.progress(at_day(ctx, d(28)), world["T9"], 10, "Bắt đầu")
    tasks.undo(at_day(ctx, d(29)), world["T9"])
    tasks.report_done(at_day(ctx, d(29)), world["T1"], done_on=d(29))
    tasks.confirm(at_day(ctx, d(30)), world["T1"])
    day = d(10)
    while day <= d(2, 8):
        with ctx.sessions.begin() as session:
            slow = as_of.snapshots_as_of(session, day)
            fast = facts_as_of(session, day, include_inactive=True)
            active = facts_as_of(session, day)
            assert {k: _as_snapshot(v) for k, v in fast.items()} == {k: _of_snapshot(v) for k, v in slow.items()}, day
            assert set(active) == {k for k, v in slow.items() if v.active}, day
            # the grid and the missed reports of the report equal the lifecycle's own
            slow_missed = as_of.missed_as_of(session, day, slow)
        if slow:  # from 12/07 on: the week's report cut off on this day (today)
            data = build_report(at_day(ctx, day), week_of(day))
            assert data.cutoff == day
            expected = as_of.grid_of(slow, day, ctx.settings.due_soon_days, slow_missed)[0]
            row = data.overall
            assert (row.done_on_time, row.done_late, row.in_progress_on_time, row.overdue, row.no_deadline,
                    row.due_soon, row.missed_recurring) == (
                expected.done_on_time, expected.done_late, expected.in_progress_on_time, expected.overdue,
                expected.no_deadline, expected.due_soon, expected.missed_occurrences), day
        day += timedelta(days=1)


def test_verdict_on_plain_values_equals_the_domain() -> None:
    today = date(2021, 7, 26)
    days = [None, today - timedelta(days=1), today, today + timedelta(days=1), today + timedelta(days=3),
            today + timedelta(days=4)]
    for state, deadline, completed in itertools.product(TaskState, days, days):
        snapshot = TaskFacts(state=state, current_deadline=deadline, original_deadline=deadline,
                             completed_on=completed)
        category, soon = status.categorize(snapshot, today, 3)
        assert verdict(state.value, deadline, completed, today) == category.value
        fact = Fact(1, state.value, deadline, deadline, completed, True, None, 1, 0, 1)
        assert (category.value == "in_progress_on_time" and is_due_soon(fact, today, 3)) == soon


def test_plain_occurrences_equal_dateutil() -> None:
    from tracker.services import recurrence
    from tracker.services.reporting_facts import plain_occurrences

    rules = ["FREQ=DAILY", "FREQ=WEEKLY", "daily", "weekly", "FREQ=WEEKLY;BYDAY=FR", "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
             "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;INTERVAL=1;BYDAY=SU"]
    others = ["monthly", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYMONTHDAY=5", "FREQ=WEEKLY;BYDAY=1FR",
              "FREQ=DAILY;COUNT=3", "nonsense"]
    starts = [date(2021, 7, 1) + timedelta(days=i) for i in range(8)]
    lasts = [date(2021, 6, 30), date(2021, 7, 1), date(2021, 7, 2), date(2021, 7, 9), date(2021, 8, 31)]
    for rule, start, last in itertools.product(rules, starts, lasts):
        assert plain_occurrences(rule, start, last) == recurrence.occurrences(rule, start, start, last), (rule, start)
    for rule in others:
        assert plain_occurrences(rule, date(2021, 7, 1), date(2021, 8, 1)) is None, rule


def test_report_reads_its_indexes_on_sqlite(sqlite_template: Path, tmp_path: Path) -> None:
    """The grid is counted from the covering index ix_task_report and the latest notes are found in
    the partial index ix_task_event_note (its WHERE repeated word for word): a change of wording
    that loses an index shows here, not only in the benchmark."""
    from tracker.config import sqlite_url
    from tracker.services.context import open_context

    target = tmp_path / "tracker.db"
    shutil.copyfile(sqlite_template, target)
    ctx = open_context(settings_for(sqlite_url(target)))
    try:
        build_world(ctx)
        executed: list[tuple[str, Any]] = []

        def remember(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            executed.append((statement, parameters))

        event.listen(Engine, "before_cursor_execute", remember)
        try:
            build_report(at_day(ctx, d(30)), week_of(d(30)))
        finally:
            event.remove(Engine, "before_cursor_execute", remember)
    finally:
        ctx.close()
    connection = sqlite3.connect(target)
    try:
        def plan(marker: str) -> str:
            statement, parameters = next((s, p) for s, p in executed if marker in s)
            return " | ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement, parameters))

        assert "COVERING INDEX ix_task_report" in plan("GROUP BY 1, 2, 3, 4")
        assert "INDEX ix_task_event_note" in plan("max(task_event.id)")
    finally:
        connection.close()
