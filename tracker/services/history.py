"""The audit trail: who did what to which task, read from the append-only ``task_event`` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tracker.db.models import Body, Directive, Item, Task, TaskEvent
from tracker.domain.errors import InputError, NotFoundError
from tracker.domain.text import nfc
from tracker.services.context import ServiceContext
from tracker.services.event_text import summarize
from tracker.services.permissions import body_scope
from tracker.services.users import find_body

DEFAULT_LIMIT = 500
EventQuery = Select[TaskEvent, str | None, str, str]


@dataclass(frozen=True)
class EventRow:
    id: int
    task_id: int
    at: datetime
    on_date: date  # the business date of the change (settings ``today``)
    by_user: str
    db_role: str | None  # PostgreSQL role of the connection, None on SQLite
    kind: str  # EventKind value
    percent: int | None
    note: str | None
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    undoes_event_id: int | None
    directive_number: str | None
    item_ref: str
    body_name: str
    summary: str  # the event in words, in the current language

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "task_id": self.task_id, "at": self.at.isoformat(),
            "on_date": self.on_date.isoformat(), "by_user": self.by_user, "db_role": self.db_role,
            "kind": self.kind, "percent": self.percent, "note": self.note, "old": self.old,
            "new": self.new, "undoes_event_id": self.undoes_event_id,
            "directive_number": self.directive_number, "item_ref": self.item_ref,
            "body": self.body_name, "summary": self.summary,
        }


def _query(session: Session, task_id: int | None, user: str | None, body: str | None,
           date_from: date | None, date_to: date | None) -> EventQuery:
    query: EventQuery = (
        select(TaskEvent, Directive.number, Item.ref, Body.name)
        .join(Task, Task.id == TaskEvent.task_id)
        .join(Item, Item.id == Task.item_id)
        .join(Directive, Directive.id == Task.directive_id)
        .join(Body, Body.id == Task.body_id)
    )
    if task_id is not None:
        query = query.where(TaskEvent.task_id == task_id)
    if user is not None:
        query = query.where(TaskEvent.by_user == nfc(user).strip())
    if body is not None:
        found = find_body(session, body)
        if found is None:
            raise NotFoundError("history.body_not_found", body=body[:200])
        query = query.where(Task.body_id.in_(body_scope(session, {found.id})))
    if date_from is not None:
        query = query.where(TaskEvent.on_date >= date_from)
    if date_to is not None:
        query = query.where(TaskEvent.on_date <= date_to)
    return query


def list_events(ctx: ServiceContext, task_id: int | None = None, user: str | None = None,
                body: str | None = None, date_from: date | None = None, date_to: date | None = None,
                limit: int | None = DEFAULT_LIMIT, offset: int = 0) -> list[EventRow]:
    """Events oldest first, filtered by task, acting user, body (name or alias; a group covers its
    members) and business-date period (inclusive). ``limit=None`` returns every row."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError("history.bad_period", date_from=date_from.isoformat(), date_to=date_to.isoformat())
    with ctx.readers.begin() as session:
        query = _query(session, task_id, user, body, date_from, date_to)
        query = query.order_by(TaskEvent.at, TaskEvent.id).offset(max(offset, 0))
        if limit is not None:
            query = query.limit(max(limit, 0))
        rows = []
        for event, number, ref, body_name in session.execute(query).all():
            rows.append(EventRow(
                id=event.id, task_id=event.task_id, at=event.at, on_date=event.on_date,
                by_user=event.by_user, db_role=event.db_role, kind=event.kind, percent=event.percent,
                note=event.note, old=event.old, new=event.new, undoes_event_id=event.undoes_event_id,
                directive_number=number, item_ref=ref, body_name=body_name,
                summary=summarize(event.kind, event.percent, event.note, event.old, event.new),
            ))
        return rows
