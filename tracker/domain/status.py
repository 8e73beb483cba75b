"""The official status grid, pure: a task's history replayed up to a date, and its category then.

**Replay.** Every event stores the task fields it changed in ``new`` (the ``created`` event holds
them all; an ``undone`` event holds the restored values), so the task as of date D is the fold
of ``new`` over its events whose business date (``on_date``) is on or before D, in the order they
were written. A task whose ``created`` event is after D did not exist then (``None``).

**Categories** (exactly one per task and date D; ``deadline`` = the approved deadline as of D):

* confirmed: *done on time* when the completion date (the day the unit reported it done) is on
  or before the deadline - done on the deadline day is on time - else *done late*;
* reported done, not yet confirmed: NOT done yet - it stays *in progress*, but it is judged by
  the date the unit reported it: *in progress on time* if that date was on or before the
  deadline (a slow confirmation never makes it overdue), else *overdue*;
* not started / in progress: *in progress on time* while D <= deadline (due today is not
  overdue), else *overdue*;
* no deadline: *no deadline*, except a confirmed task, which counts as *done on time* (it
  cannot be late).

*Due soon* is a flag on open (not started / in progress) tasks in time whose deadline is within
``due_soon_days`` days of D (0 = due today). A second verdict, against the original deadline,
uses the same rules with ``original_deadline``.

Recurring tasks follow the same rules with their deadline (the end of the obligation, if any);
their missed occurrences are counted separately (``tracker.services.recurrence``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from tracker.domain.enums import Category, EventKind, TaskState
from tracker.domain.lifecycle import TaskFacts, from_json

Snapshot = TaskFacts


class EventLike(Protocol):
    @property
    def on_date(self) -> date: ...
    @property
    def kind(self) -> str: ...
    @property
    def new(self) -> dict[str, Any] | None: ...


def replay(events: Iterable[EventLike], as_of: date | None = None) -> Snapshot | None:
    """The task as of ``as_of`` (every event when ``None``); events in the order written."""
    values: dict[str, Any] | None = None
    for event in events:
        if as_of is not None and event.on_date > as_of:
            continue
        if event.kind == EventKind.CREATED:
            values = dict(event.new or {})
        elif values is not None and event.new:
            values.update(event.new)
    return None if values is None else TaskFacts.from_values(from_json(values))


def replay_rows(rows: Iterable[tuple[str, dict[str, Any] | None]]) -> Snapshot | None:
    """:func:`replay` for ``(kind, new)`` pairs already cut at the as-of date (the fast path)."""
    values: dict[str, Any] | None = None
    for kind, new in rows:
        if kind == EventKind.CREATED:
            values = dict(new or {})
        elif values is not None and new:
            values.update(new)
    return None if values is None else TaskFacts.from_values(from_json(values))


def verdict(state: str, deadline: date | None, completed_on: date | None, as_of: date) -> Category:
    """The category of a task in ``state`` judged against ``deadline`` as of ``as_of``."""
    state = TaskState(state)
    if deadline is None:
        return Category.DONE_ON_TIME if state == TaskState.CONFIRMED else Category.NO_DEADLINE
    if state == TaskState.CONFIRMED:
        in_time = completed_on is not None and completed_on <= deadline
        return Category.DONE_ON_TIME if in_time else Category.DONE_LATE
    if state == TaskState.REPORTED_DONE:
        in_time = completed_on is not None and completed_on <= deadline
        return Category.IN_PROGRESS_ON_TIME if in_time else Category.OVERDUE
    return Category.IN_PROGRESS_ON_TIME if as_of <= deadline else Category.OVERDUE


def is_due_soon(state: str, deadline: date | None, as_of: date, due_soon_days: int) -> bool:
    """Open, in time, and due within ``due_soon_days`` days (0 = due today)."""
    if deadline is None or TaskState(state) not in (TaskState.NOT_STARTED, TaskState.IN_PROGRESS):
        return False
    return 0 <= (deadline - as_of).days <= due_soon_days


def categorize(snapshot: Snapshot, as_of: date, due_soon_days: int) -> tuple[Category, bool]:
    """The category against the approved deadline, and the due-soon flag."""
    category = verdict(snapshot.state, snapshot.current_deadline, snapshot.completed_on, as_of)
    due_soon = category == Category.IN_PROGRESS_ON_TIME and is_due_soon(
        snapshot.state, snapshot.current_deadline, as_of, due_soon_days)
    return category, due_soon


def categorize_original(snapshot: Snapshot, as_of: date) -> Category:
    """The second verdict: the same rules against the original deadline (extensions ignored)."""
    return verdict(snapshot.state, snapshot.original_deadline, snapshot.completed_on, as_of)


def days_overdue(deadline: date | None, as_of: date) -> int:
    """Days past the deadline (0 when not past)."""
    if deadline is None:
        return 0
    return max((as_of - deadline).days, 0)


def on_time_rate(done_on_time: int, total: int) -> float:
    """Share of tasks done on time among those counted (0.0 when there are none)."""
    return done_on_time / total if total else 0.0
