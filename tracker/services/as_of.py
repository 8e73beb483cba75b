"""The tasks as they stood on a past date, rebuilt from the append-only history.

A report for a past week must give the same figures whenever it is produced: these functions read
only events whose business date is on or before the cut-off and replay them
(``tracker.domain.status.replay``), never the tasks' current columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Directive, Task, TaskEvent
from tracker.domain import status
from tracker.domain.enums import Category, EventKind
from tracker.domain.errors import RuleViolation
from tracker.domain.status import Snapshot
from tracker.services import recurrence
from tracker.services.context import ServiceContext
from tracker.services.dto import GridCounts

_BATCH = 5_000
_ID_CHUNK = 900  # ids per IN (...) list, well under SQLite's variable limit


def snapshots_as_of(session: Session, as_of: date, task_ids: Iterable[int] | None = None) -> dict[int, Snapshot]:
    """Every task that existed on ``as_of`` (its ``created`` event on or before it), as it stood
    at the end of that day; tasks later removed from their body are included with active False."""
    stmt = (select(TaskEvent.task_id, TaskEvent.kind, TaskEvent.new)
            .where(TaskEvent.on_date <= as_of)
            .order_by(TaskEvent.task_id, TaskEvent.id))
    if task_ids is not None:
        stmt = stmt.where(TaskEvent.task_id.in_(list(task_ids)))
    result: dict[int, Snapshot] = {}
    current_id: int | None = None
    events: list[tuple[str, dict[str, Any] | None]] = []

    def flush() -> None:
        if current_id is not None:
            snapshot = status.replay_rows(events)
            if snapshot is not None:
                result[current_id] = snapshot

    for task_id, kind, new in session.connection().execute(stmt.execution_options(yield_per=_BATCH)):
        if task_id != current_id:
            flush()
            current_id, events = task_id, []
        events.append((kind, new))
    flush()
    return result


def grid_of(snapshots: dict[int, Snapshot], as_of: date, due_soon_days: int,
            missed: dict[int, int] | None = None) -> tuple[GridCounts, GridCounts]:
    """The grid against the approved deadlines and against the original ones (active tasks)."""
    counts = dict.fromkeys((c.value for c in Category), 0)
    original = dict.fromkeys((c.value for c in Category), 0)
    soon = 0
    for snapshot in snapshots.values():
        if not snapshot.active:
            continue
        category, due_soon = status.categorize(snapshot, as_of, due_soon_days)
        counts[category.value] += 1
        original[status.categorize_original(snapshot, as_of).value] += 1
        soon += due_soon
    missed_total = sum((missed or {}).get(task_id, 0) for task_id, s in snapshots.items() if s.active)
    return (GridCounts(**counts, due_soon=soon, missed_occurrences=missed_total),
            GridCounts(**original, missed_occurrences=missed_total))


def grid_by_body(snapshots: dict[int, Snapshot], as_of: date, due_soon_days: int,
                 missed: dict[int, int] | None = None) -> dict[int, tuple[GridCounts, GridCounts]]:
    """Per body (as of then): its grid against the approved and against the original deadlines."""
    groups: dict[int, dict[int, Snapshot]] = {}
    for task_id, snapshot in snapshots.items():
        if snapshot.body_id is not None:
            groups.setdefault(snapshot.body_id, {})[task_id] = snapshot
    return {body_id: grid_of(group, as_of, due_soon_days, missed) for body_id, group in groups.items()}


def submissions_as_of(session: Session, as_of: date) -> dict[int, set[date]]:
    """Per task, the due days of the periodic reports submitted by the end of ``as_of`` (from the
    ``occurrence_submitted`` events not undone by then)."""
    submitted: dict[int, tuple[int, date]] = {}
    undone: set[int] = set()
    for event_id, task_id, kind, new, undoes in session.execute(
            select(TaskEvent.id, TaskEvent.task_id, TaskEvent.kind, TaskEvent.new, TaskEvent.undoes_event_id)
            .where(TaskEvent.on_date <= as_of,
                   TaskEvent.kind.in_([EventKind.OCCURRENCE_SUBMITTED.value, EventKind.UNDONE.value]))):
        if kind == EventKind.UNDONE.value:
            if undoes is not None:
                undone.add(undoes)
        elif new and new.get("due_on"):
            submitted[event_id] = (task_id, date.fromisoformat(new["due_on"]))
    result: dict[int, set[date]] = {}
    for event_id, (task_id, day) in submitted.items():
        if event_id not in undone:
            result.setdefault(task_id, set()).add(day)
    return result


def missed_as_of(session: Session, as_of: date, snapshots: dict[int, Snapshot]) -> dict[int, int]:
    """Missed periodic reports per task as of ``as_of``, from the tasks as they stood then."""
    recurring = {task_id: s for task_id, s in snapshots.items() if s.recurrence and s.active}
    if not recurring:
        return {}
    ids = list(recurring)
    starts: dict[int, date] = {}
    for first in range(0, len(ids), _ID_CHUNK):
        starts.update({task_id: issued or created.date() for task_id, issued, created in session.execute(
            select(Task.id, Directive.issue_date, Task.created_at)
            .join(Directive, Directive.id == Task.directive_id)
            .where(Task.id.in_(ids[first:first + _ID_CHUNK])))})
    submitted = submissions_as_of(session, as_of)
    result = {}
    for task_id, snapshot in recurring.items():
        start = starts.get(task_id)
        if start is None:
            continue
        try:
            missed = recurrence.count_missed(snapshot.recurrence or "", start, as_of, submitted.get(task_id, ()),
                                             recurrence.obligation_end(snapshot.state, snapshot.completed_on))
        except RuleViolation:
            continue
        if missed:
            result[task_id] = missed
    return result


def grid_as_of(ctx: ServiceContext, as_of: date, body_ids: Iterable[int] | None = None) -> GridCounts:
    """The status grid as of the end of ``as_of`` (optionally only tasks of ``body_ids`` then),
    missed periodic reports included - all from the history, so it never changes afterwards."""
    wanted = set(body_ids) if body_ids is not None else None
    with ctx.readers.begin() as session:
        snapshots = snapshots_as_of(session, as_of)
        if wanted is not None:
            snapshots = {k: v for k, v in snapshots.items() if v.body_id in wanted}
        missed = missed_as_of(session, as_of, snapshots)
    return grid_of(snapshots, as_of, ctx.settings.due_soon_days, missed)[0]
