"""A small office for the task service tests: directives, items, bodies and tasks made through
``tracker.services.tasks.create_task``, a way to move the business date, and a database fingerprint
to prove that a refused action changed nothing. The databases come from tests/conftest.py
(``db_url`` / ``ctx`` on SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import (
    Body,
    BodyAlias,
    BodyGroupMember,
    Directive,
    Item,
    Occurrence,
    Task,
    TaskEvent,
)
from tracker.domain.text import fold, match_key
from tracker.services.context import ServiceContext
from tracker.services.tasks import create_task

TODAY = date(2021, 7, 26)
ISSUED = date(2021, 7, 4)

DIRECTIVE_TEXT = "\n".join([
    "TỈNH ỦY TÂY NINH",
    "Số 230-CV/TU",
    "V/v tăng cường phòng, chống dịch COVID-19",
    "1. Sở Y tế chủ trì xét nghiệm diện rộng, hoàn thành trước ngày 30/7/2021.",
    "2. Ủy ban nhân dân huyện Hòa Thành báo cáo hằng tuần.",
    "3. Sở Giáo dục và Đào tạo phối hợp tuyên truyền.",
    "4. Các cơ quan báo cáo kết quả.",
    "Nơi nhận: như trên.",
])


def at_day(ctx: ServiceContext, day: date, user: str | None = None) -> ServiceContext:
    """The same database on another business date (and maybe as another user)."""
    settings = dataclasses.replace(ctx.settings, today=day, user=user or ctx.settings.user)
    return dataclasses.replace(ctx, settings=settings)


def body(session: Session, name: str, *aliases: str, members: tuple[Body, ...] = ()) -> Body:
    found = session.scalar(select(Body).where(Body.name_key == match_key(name)))
    if found is not None:
        return found
    found = Body(name=name, name_key=match_key(name), search_key=fold(name), kind="government",
                 is_group=bool(members), created_at=datetime(2021, 7, 1, 8, 0))  # noqa: DTZ001
    session.add(found)
    session.flush()
    for alias in aliases:
        session.add(BodyAlias(body_id=found.id, alias=alias, alias_key=match_key(alias)))
    for member in members:
        session.add(BodyGroupMember(group_id=found.id, member_id=member.id))
    session.flush()
    return found


def directive(session: Session, number: str = "230-CV/TU", issued: date | None = ISSUED) -> Directive:
    found = session.scalar(select(Directive).where(Directive.number == number))
    if found is None:
        found = Directive(number=number, issuer="Tỉnh ủy Tây Ninh", doc_type="cong_van", issue_date=issued,
                          subject="V/v tăng cường phòng, chống dịch COVID-19", text_sha256=uuid.uuid4().hex,
                          text=DIRECTIVE_TEXT, imported_at=datetime(2021, 7, 5, 8, 0),  # noqa: DTZ001
                          imported_by="tester")
        session.add(found)
        session.flush()
    return found


def new_task(ctx: ServiceContext, *, body_name: str = "Sở Y tế", deadline: date | None = date(2021, 7, 30),
             recurrence: str | None = None, urgency: str | None = None, number: str = "230-CV/TU",
             ref: str | None = None, item_text: str = "Xét nghiệm diện rộng cho người dân",
             role: str = "lead", item_id: int | None = None, issued: date | None = ISSUED) -> int:
    """A task created the way the importer creates it; returns its id."""
    with ctx.sessions.begin() as session:
        found = directive(session, number, issued)
        if item_id is not None:
            item = session.get(Item, item_id)
            assert item is not None
        else:
            position = len(session.scalars(select(Item.id).where(Item.directive_id == found.id)).all()) + 1
            item = Item(directive_id=found.id, position=position, ref=ref or str(position), text=item_text,
                        line_start=4, line_end=4, deadline_text="trước ngày 30/7/2021" if deadline else None)
            session.add(item)
            session.flush()
        task = create_task(session, item=item, directive=found, body=body(session, body_name), role=role,
                           deadline=deadline, recurrence=recurrence, urgency=urgency, on_date=ctx.today(),
                           at=ctx.now(), user=ctx.user)
        return task.id


def fingerprint(ctx: ServiceContext) -> dict[str, Any]:
    """Every task, event and occurrence row, to compare before and after a refused action."""
    with ctx.sessions.begin() as session:
        def rows(model: Any) -> list[tuple[Any, ...]]:
            table = model.__table__
            return [tuple(r) for r in session.execute(select(table).order_by(*table.primary_key.columns))]

        return {"task": rows(Task), "event": rows(TaskEvent), "occurrence": rows(Occurrence)}


def task_row(ctx: ServiceContext, task_id: int) -> Task:
    with ctx.sessions.begin() as session:
        task = session.get(Task, task_id)
        assert task is not None
        session.expunge(task)
        return task


def events_of(ctx: ServiceContext, task_id: int) -> list[TaskEvent]:
    with ctx.sessions.begin() as session:
        events = list(session.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id).order_by(TaskEvent.id)))
        session.expunge_all()
        return events
