"""The tasks as they stood at the end of a cut-off day, fast enough for 100,000 tasks.

The history is the truth (``tracker.services.as_of.snapshots_as_of`` replays every event up to
the day). Replaying all of it costs about 2 s at 100,000 tasks and 500,000 events, so the report
takes a shorter road that gives the same answer:

* a task with **no event after the cut-off** stands today exactly as it stood then, so its
  current columns are read as they are (one plain SELECT);
* a task with **an event after the cut-off** is replayed from its events on or before the
  cut-off (``status.replay_rows``), like the slow path does;
* a task whose ``created`` event is after the cut-off did not exist then and is left out.

A test compares :func:`facts_as_of` with ``snapshots_as_of`` on SQLite and PostgreSQL over a
scripted history, day by day. For the report of the current week nothing is replayed at all; for a
past week only the tasks touched since then are.

:func:`verdict` is ``tracker.domain.status.verdict`` on plain strings (no enum construction per
task): a test checks it against the domain function on every combination.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    any_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from tracker.db.models import Task, TaskEvent
from tracker.domain.enums import Category, EventKind, TaskState
from tracker.services.queries import category_sql, due_soon_sql
from tracker.services.recurrence import plain_rule

AnySelect = Select[*tuple[Any, ...]]

_CONFIRMED = TaskState.CONFIRMED.value
_CREATED = EventKind.CREATED.value
_NOT_STARTED = TaskState.NOT_STARTED.value
_REPORTED = TaskState.REPORTED_DONE.value
_OPEN = frozenset({TaskState.NOT_STARTED.value, TaskState.IN_PROGRESS.value})
DONE_ON_TIME = Category.DONE_ON_TIME.value
DONE_LATE = Category.DONE_LATE.value
IN_PROGRESS_ON_TIME = Category.IN_PROGRESS_ON_TIME.value
OVERDUE = Category.OVERDUE.value
NO_DEADLINE = Category.NO_DEADLINE.value


@dataclass(slots=True)
class Fact:
    """One task at the end of the cut-off day (only what the report reads)."""

    task_id: int
    state: str
    original_deadline: date | None
    current_deadline: date | None
    completed_on: date | None
    active: bool
    recurrence: str | None
    body_id: int | None
    progress: int
    directive_id: int


def verdict(state: str, deadline: date | None, completed_on: date | None, as_of: date) -> str:
    """The Category value (see ``tracker.domain.status.verdict``), on plain values."""
    if deadline is None:
        return DONE_ON_TIME if state == _CONFIRMED else NO_DEADLINE
    if state == _CONFIRMED:
        return DONE_ON_TIME if completed_on is not None and completed_on <= deadline else DONE_LATE
    if state == _REPORTED:
        return IN_PROGRESS_ON_TIME if completed_on is not None and completed_on <= deadline else OVERDUE
    return IN_PROGRESS_ON_TIME if as_of <= deadline else OVERDUE


def is_due_soon(fact: Fact, as_of: date, due_soon_days: int) -> bool:
    """Open, in time and due within ``due_soon_days`` days (see ``status.is_due_soon``)."""
    deadline = fact.current_deadline
    return (deadline is not None and fact.state in _OPEN
            and 0 <= (deadline - as_of).days <= due_soon_days)


def is_open(fact: Fact) -> bool:
    return fact.state in _OPEN


def id_in(session: Session, column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """``column IN ids`` with the ids in one bound value (a JSON array read by ``json_each`` on
    SQLite, an array on PostgreSQL): no statement with thousands of parameters, no chunks."""
    wanted = sorted(set(ids))
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, wanted, type_=ARRAY(Integer)))
    return column.in_(select(literal_column("value")).select_from(func.json_each(json_ids(wanted))))


def json_ids(ids: list[int]) -> str:
    """A JSON array of ids as text (orjson: ten times faster than json.dumps on 50,000 ids)."""
    return orjson.dumps(ids).decode("ascii")


def json_value(value: Any) -> Any:
    """A JSON column's value from :func:`raw_rows` (text on SQLite, decoded on PostgreSQL)."""
    return orjson.loads(value) if isinstance(value, str) else value


class _IsoDays(dict[Any, "date | None"]):
    """A date column's value -> the date: ISO text on SQLite (parsed once per distinct text: a
    report meets a few hundred distinct days among 100,000 tasks), a date on PostgreSQL, or None.
    A subscript is a C-level dict lookup; only a day not met yet calls back into Python."""

    def __missing__(self, value: Any) -> date | None:
        found = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        if len(self) < 65_536:
            self[value] = found
        return found


DAYS = _IsoDays({None: None})


def day_of(value: Any) -> date | None:
    """A date column's value from :func:`raw_rows` (ISO text on SQLite, a date on PostgreSQL)."""
    return DAYS[value]


def _touched_after(cutoff: date) -> Select[Any]:
    # no DISTINCT: it would make SQLite walk the task_id index instead of the on_date one
    return select(TaskEvent.task_id).where(TaskEvent.on_date > cutoff)


def raw_rows(session: Session, stmt: AnySelect) -> list[tuple[Any, ...]]:
    """The rows of ``stmt`` as the database driver returns them (plain tuples, no SQLAlchemy row
    objects or type conversion: dates may come as ISO text on SQLite - callers use ``day_of``).
    At 100,000 rows this is several times faster than ``Result.fetchall()``."""
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall()) if result.cursor is not None else []
    finally:
        result.close()


# The columns of a Fact, the dates raw (ISO text on SQLite, dates on PostgreSQL) for the cached
# parser: a few hundred distinct days among 100,000 tasks, so this is three times faster.
_FACT_COLUMNS = (Task.id, Task.state, type_coerce(Task.original_deadline, String),
                 type_coerce(Task.current_deadline, String), type_coerce(Task.completed_on, String),
                 Task.active, Task.recurrence, Task.body_id, Task.progress, Task.directive_id)


def _fact_of_row(row: tuple[Any, ...], days: _IsoDays = DAYS) -> Fact:
    task_id, state, original, current, completed, active, rule, body_id, progress, directive_id = row
    return Fact(task_id, state, days[original], days[current], days[completed], bool(active), rule, body_id,
                progress, directive_id)


def _in_scope(stmt: AnySelect, directive_ids: list[int] | None, body_ids: Iterable[int] | None,
              include_inactive: bool = False) -> AnySelect:
    if not include_inactive:
        stmt = stmt.where(Task.active.is_(True))
    if directive_ids is not None:
        stmt = stmt.where(Task.directive_id.in_(directive_ids))
    if body_ids is not None:
        stmt = stmt.where(Task.body_id.in_(sorted(body_ids)))
    return stmt


def facts_as_of(session: Session, cutoff: date, *, directive_ids: Iterable[int] | None = None,
                include_inactive: bool = False) -> dict[int, Fact]:
    """Every task that existed at the end of ``cutoff`` (active ones unless ``include_inactive``),
    optionally only those of ``directive_ids`` (a task never changes directive)."""
    wanted = list(directive_ids) if directive_ids is not None else None
    stmt = _in_scope(select(*_FACT_COLUMNS).where(Task.id.not_in(_touched_after(cutoff))), wanted, None,
                     include_inactive)
    result = {row[0]: _fact_of_row(row) for row in raw_rows(session, stmt)}
    result.update(replayed_facts(session, cutoff, directive_ids=wanted, include_inactive=include_inactive))
    return result


def replayed_facts(session: Session, cutoff: date, *, directive_ids: Iterable[int] | None = None,
                   include_inactive: bool = False) -> dict[int, Fact]:
    """The tasks changed after the cut-off (active ones unless ``include_inactive``), as their
    history up to it leaves them; those created after it are left out.

    The fold of ``tracker.domain.status.replay_rows`` on plain values (the events' ``new`` read
    as JSON text and decoded by orjson, the Fact built straight from the folded values): a test
    checks :func:`facts_as_of` against ``snapshots_as_of`` day by day."""
    wanted = list(directive_ids) if directive_ids is not None else None
    touched = _touched_after(cutoff)
    stmt_ids = select(Task.id, Task.directive_id).where(Task.id.in_(touched))
    if wanted is not None:
        stmt_ids = stmt_ids.where(Task.directive_id.in_(wanted))
    directive_of = dict(raw_rows(session, stmt_ids))
    if not directive_of:
        return {}
    events = (select(TaskEvent.task_id, TaskEvent.kind, type_coerce(TaskEvent.new, String))
              .where(TaskEvent.on_date <= cutoff, TaskEvent.task_id.in_(touched))
              .order_by(TaskEvent.task_id, TaskEvent.id))
    folded: dict[int, dict[str, Any]] = {}  # task -> its fields so far (created events start it)
    for task_id, kind, new in raw_rows(session, events):
        if kind == _CREATED:
            folded[task_id] = (json_value(new) if new is not None else None) or {}
        elif new is not None and task_id in folded:
            values = json_value(new)
            if values:
                folded[task_id].update(values)
    result: dict[int, Fact] = {}
    for task_id, values in folded.items():
        directive_id = directive_of.get(task_id)
        if directive_id is None:
            continue
        fact = _fact_of_values(task_id, values, directive_id)
        if fact.active or include_inactive:
            result[task_id] = fact
    return result


def _fact_of_values(task_id: int, values: dict[str, Any], directive_id: int) -> Fact:
    """A Fact from a task's folded event values (``TaskFacts.from_values`` defaults for the
    fields no event set)."""
    get = values.get
    return Fact(task_id, TaskState(get("state", _NOT_STARTED)).value, DAYS[get("original_deadline")],
                DAYS[get("current_deadline")], DAYS[get("completed_on")], bool(get("active", True)),
                get("recurrence"), get("body_id"), get("progress", 0), directive_id)


# ---------------------------------------------------------------- the same, counted by the database

GridKey = tuple[int | None, str, str, bool]  # body, category, category against the original deadline, due soon


def grid_of_unchanged(session: Session, cutoff: date, due_soon_days: int, *, directive_ids: list[int] | None,
                      body_ids: Iterable[int] | None) -> dict[GridKey, int]:
    """The grid's counts over the active tasks *not* changed after the cut-off (their columns are
    their state then), categorised and counted by the database (from the covering index
    ``ix_task_report``): a few hundred rows cross over instead of a row per task."""
    # an open task due from the cut-off on is in time: due_soon_sql implies "in progress on time"
    category, original = category_sql(cutoff), category_sql(cutoff, Task.original_deadline)
    soon = case((due_soon_sql(cutoff, due_soon_days), 1), else_=0)
    stmt = select(Task.body_id, category, original, soon, func.count())
    stmt = _in_scope(stmt.where(Task.id.not_in(_touched_after(cutoff))), directive_ids, body_ids)
    # by position: the CASE expressions carry bound values, which PostgreSQL would not match up
    stmt = stmt.group_by(*(literal_column(str(position)) for position in range(1, 5)))
    return {(body_id, category, original, bool(soon)): count
            for body_id, category, original, soon, count in raw_rows(session, stmt)}


def listed_unchanged_facts(session: Session, cutoff: date, due_until: date, *, also: Iterable[int] = (),
                           directive_ids: list[int] | None, body_ids: Iterable[int] | None) -> dict[int, Fact]:
    """The active tasks in scope not changed after the cut-off that a report lists whatever the
    events of its period: overdue at the cut-off, open and due from the cut-off to ``due_until``,
    or recurring (their missed reports); and those of ``also`` (the tasks of the period's events).
    One pass over the covering index ``ix_task_report``."""
    due_next = and_(Task.state.in_(sorted(_OPEN)), Task.current_deadline >= cutoff,
                    Task.current_deadline <= due_until)
    listed = [category_sql(cutoff) == OVERDUE, due_next, Task.recurrence.is_not(None)]
    wanted = set(also)
    if wanted:
        listed.append(id_in(session, Task.id, wanted))
    stmt = select(*_FACT_COLUMNS).where(Task.id.not_in(_touched_after(cutoff)), or_(*listed))
    return {row[0]: _fact_of_row(row) for row in raw_rows(session, _in_scope(stmt, directive_ids, body_ids))}


# ---------------------------------------------------------------- due days of the plain rules

def plain_occurrences(rule: str, start: date, last: date) -> list[date] | None:
    """The due days after ``start`` up to ``last`` of the everyday rules
    (``tracker.services.recurrence.plain_rule``) by date arithmetic; ``None`` for any other rule
    (the caller asks dateutil). A test checks it against ``recurrence.occurrences``, which is
    ~100x slower."""
    plain = plain_rule(rule)
    if plain is None:
        return None
    freq, wanted = plain
    first = start + timedelta(days=1)
    if wanted is not None:  # each listed weekday from its first day on, a week at a time
        week = timedelta(days=7)
        days: list[date] = []
        for weekday in wanted:
            day = first + timedelta(days=(weekday - first.weekday()) % 7)
            while day <= last:
                days.append(day)
                day += week
        days.sort()
        return days
    if freq == "DAILY":
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [start + timedelta(days=7 * k) for k in range(1, (last - start).days // 7 + 1)]


def directives_of_unchanged(session: Session, cutoff: date, *, directive_ids: list[int] | None,
                            body_ids: Iterable[int] | None) -> set[int]:
    """The directives with an active task in scope not changed after the cut-off."""
    stmt = _in_scope(select(Task.directive_id).distinct().where(Task.id.not_in(_touched_after(cutoff))),
                     directive_ids, body_ids)
    return {row[0] for row in raw_rows(session, stmt)}
