"""The overview a monitoring office opens first: the status grid as of today, what is overdue,
what is due soon, what waits for the office (confirmation, extension requests), and each body's
on-time rate. Counts come from SQL over the tasks' current state (``queries.category_sql``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from tracker.db.models import Body, Directive, Item, Task
from tracker.domain.enums import Category, TaskState
from tracker.services import recurrence
from tracker.services.context import ServiceContext
from tracker.services.dto import BodyRate, Dashboard, GridCounts, TaskBrief
from tracker.services.queries import category_sql, due_soon_sql

LIST_LIMIT = 50


def _briefs(session: Session, stmt: Select[Any], days_of: Any, extra_of: Any = None) -> list[TaskBrief]:
    out = []
    for task, number, ref, text, body in session.execute(stmt):
        out.append(TaskBrief(id=task.id, directive_number=number or "", ref=ref, body=body, action=text,
                             deadline=task.current_deadline, days=days_of(task),
                             extra=extra_of(task) if extra_of else None))
    return out


def _task_lines() -> Any:
    return (select(Task, Directive.number, Item.ref, Item.text, Body.name)
            .join(Item, Item.id == Task.item_id).join(Directive, Directive.id == Task.directive_id)
            .join(Body, Body.id == Task.body_id).where(Task.active.is_(True)))


def _count(session: Session, *conditions: Any) -> int:
    return session.scalar(select(func.count()).select_from(Task).where(Task.active.is_(True), *conditions)) or 0


def _counts(session: Session, today: date, soon_days: int, missed: dict[int, int]
            ) -> tuple[GridCounts, GridCounts, list[BodyRate]]:
    """One pass over the active tasks grouped by body and by both verdicts: the grid against the
    approved deadlines, the grid against the original ones, and each body's grid."""
    current = category_sql(today)
    original = category_sql(today, Task.original_deadline)
    zero = dict.fromkeys((c.value for c in Category), 0)
    total, total_original = dict(zero), dict(zero)
    per_body: dict[int, dict[str, int]] = {}
    on_time_original: dict[int, int] = {}
    for body_id, now_value, original_value, count in session.execute(
            select(Task.body_id, current, original, func.count()).where(Task.active.is_(True))
            .group_by(Task.body_id, current, original)):
        total[now_value] += count
        total_original[original_value] += count
        per_body.setdefault(body_id, dict(zero))[now_value] += count
        if original_value == Category.DONE_ON_TIME.value:
            on_time_original[body_id] = on_time_original.get(body_id, 0) + count
    soon = session.scalar(select(func.count()).select_from(Task)
                          .where(Task.active.is_(True), due_soon_sql(today, soon_days))) or 0
    names = dict(session.execute(select(Body.id, Body.name).where(Body.id.in_(list(per_body)))).all()) \
        if per_body else {}
    body_of = dict(session.execute(select(Task.id, Task.body_id).where(Task.id.in_(list(missed)))).all()) \
        if missed else {}
    missed_per_body: dict[int, int] = {}
    for task_id, count in missed.items():
        missed_per_body[body_of[task_id]] = missed_per_body.get(body_of[task_id], 0) + count
    rates = [BodyRate(body_id=body_id, body=names[body_id],
                      grid=GridCounts(**counts, missed_occurrences=missed_per_body.get(body_id, 0)),
                      done_on_time_original=on_time_original.get(body_id, 0))
             for body_id, counts in per_body.items()]
    missed_total = sum(missed.values())
    return (GridCounts(**total, due_soon=soon, missed_occurrences=missed_total),
            GridCounts(**total_original, missed_occurrences=missed_total),
            sorted(rates, key=lambda r: (-r.rate, r.body)))


def overview(ctx: ServiceContext, limit: int = LIST_LIMIT) -> Dashboard:
    """The dashboard as of ``ctx.today()``; each list holds at most ``limit`` tasks."""
    today = ctx.today()
    soon_days = ctx.settings.due_soon_days
    current = category_sql(today)
    with ctx.readers.begin() as session:
        missed = recurrence.missed_by_task(session, today)
        grid, grid_original, body_rates = _counts(session, today, soon_days, missed)
        overdue_where = current == Category.OVERDUE.value
        overdue = _briefs(
            session, _task_lines().where(overdue_where)
            .order_by(Task.current_deadline, Task.id).limit(limit),
            lambda t: ((min(today, t.completed_on) if t.completed_on else today) - t.current_deadline).days)
        due_soon = _briefs(
            session, _task_lines().where(due_soon_sql(today, soon_days))
            .order_by(Task.current_deadline, Task.id).limit(limit),
            lambda t: (t.current_deadline - today).days)
        waiting_where = Task.state == TaskState.REPORTED_DONE.value
        waiting = _briefs(
            session, _task_lines().where(waiting_where).order_by(Task.completed_on, Task.id).limit(limit),
            lambda t: (today - t.completed_on).days if t.completed_on else 0, lambda t: t.completed_on)
        requests_where = Task.pending_extension.is_not(None)
        requests = _briefs(
            session, _task_lines().where(requests_where).order_by(Task.updated_at, Task.id).limit(limit),
            lambda t: ((t.pending_extension - t.current_deadline).days if t.current_deadline else 0),
            lambda t: t.pending_extension)
        return Dashboard(
            as_of=today, grid=grid, grid_original=grid_original, overdue=overdue, due_soon=due_soon,
            waiting_confirmation=waiting, extension_requests=requests,
            body_rates=body_rates,
            overdue_total=_count(session, overdue_where), waiting_total=_count(session, waiting_where),
            requests_total=_count(session, requests_where),
        )
