"""Helpers of the users / permissions / history / transfer tests: contexts acting as another user,
and a small populated database written through the models (directives, items, bodies, groups,
aliases, users, tasks, events, occurrences, import batches)."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import (
    Body,
    BodyAlias,
    BodyGroupMember,
    Directive,
    ImportBatch,
    Item,
    Occurrence,
    Task,
    TaskEvent,
)
from tracker.domain.text import fold, match_key
from tracker.services.context import ServiceContext

T0 = datetime(2021, 7, 20, 9, 30, 15, 123456)  # noqa: DTZ001 - naive local times, as stored


def as_user(ctx: ServiceContext, name: str) -> ServiceContext:
    """The same database, acting as ``name``."""
    return dataclasses.replace(ctx, settings=dataclasses.replace(ctx.settings, user=name))


def add_body(session: Session, name: str, *, group: bool = False, aliases: tuple[str, ...] = ()) -> Body:
    body = Body(name=name, name_key=match_key(name), search_key=fold(name), kind="government",
                is_group=group, created_at=T0)
    session.add(body)
    session.flush()
    for alias in aliases:
        session.add(BodyAlias(body_id=body.id, alias=alias, alias_key=match_key(alias)))
    session.flush()
    return body


def populate(session: Session, directives: int = 2, items_per_directive: int = 3) -> dict[str, list[int]]:
    """A realistic little office: bodies (one group with members, aliases), directives with a
    heading item and leaf items, one task per (leaf, body), events, an occurrence."""
    health = add_body(session, "Sở Y tế", aliases=("SYT",))
    education = add_body(session, "Sở Giáo dục và Đào tạo", aliases=("Sở GD&ĐT",))
    district = add_body(session, "UBND huyện Hòa Thành")
    districts = add_body(session, "UBND các huyện, thị xã, thành phố", group=True)
    session.add(BodyGroupMember(group_id=districts.id, member_id=district.id))
    bodies = [health, education, district]
    batch = ImportBatch(file_name="230-CV-TU.txt", file_sha256="a" * 64, imported_at=T0,
                        imported_by="tester", directive_count=directives, task_count=0)
    session.add(batch)
    session.flush()
    task_ids: list[int] = []
    event_ids: list[int] = []
    for d in range(directives):
        issued = date(2021, 7, 4) + timedelta(days=d)
        directive = Directive(
            number=f"{230 + d}-CV/TU", issuer="Tỉnh ủy Tây Ninh", doc_type="cong_van", place="Tây Ninh",
            issue_date=issued, subject=f"Về việc tăng cường phòng, chống dịch COVID-19 ({d})",
            signer="Nguyễn Thành Tâm", monitor="Văn phòng Tỉnh ủy", recipients=["Sở Y tế", "UBND các huyện"],
            cited=[{"number": "15/CT-TTg", "date": "2020-03-27"}], source_file="230-CV-TU.txt",
            text_sha256=f"{d:064d}", text="Điều 1. Nội dung chỉ đạo…", import_batch_id=batch.id,
            imported_at=T0, imported_by="tester",
        )
        session.add(directive)
        session.flush()
        heading = Item(directive_id=directive.id, parent_id=None, position=0, ref="1", text="Nhiệm vụ chung",
                       is_leaf=False, line_start=10, line_end=30)
        session.add(heading)
        session.flush()
        for i in range(items_per_directive):
            item = Item(directive_id=directive.id, parent_id=heading.id, position=i + 1, ref=f"1.{i + 1}",
                        text=f"Khẩn trương triển khai xét nghiệm diện rộng, báo cáo kết quả ({d}.{i})",
                        is_leaf=True, line_start=11 + i, line_end=12 + i, deadline_text="trong 7 ngày")
            session.add(item)
            session.flush()
            body = bodies[(d + i) % len(bodies)]
            deadline = issued + timedelta(days=7 + i)
            task = Task(item_id=item.id, directive_id=directive.id, body_id=body.id, role="lead",
                        original_deadline=deadline, current_deadline=deadline,
                        recurrence="FREQ=WEEKLY;BYDAY=FR" if i == 2 else None, urgency="urgent",
                        state="in_progress", progress=20 * (i + 1), search_text=fold(item.text),
                        created_at=T0, updated_at=T0)
            session.add(task)
            session.flush()
            task_ids.append(task.id)
            created = TaskEvent(task_id=task.id, at=T0, on_date=T0.date(), by_user="tester", kind="created",
                                new={"state": "not_started", "current_deadline": deadline.isoformat()})
            session.add(created)
            session.flush()
            progress = TaskEvent(task_id=task.id, at=T0 + timedelta(hours=i + 1), on_date=date(2021, 7, 21 + i),
                                 by_user=["lan", "minh", "tester"][i % 3], kind="progress", percent=20 * (i + 1),
                                 note="Đã xét nghiệm 1.200 mẫu", old={"progress": 0},
                                 new={"progress": 20 * (i + 1), "state": "in_progress"})
            session.add(progress)
            session.flush()
            event_ids += [created.id, progress.id]
            if i == 2:
                session.add(Occurrence(task_id=task.id, due_on=date(2021, 7, 23), submitted_on=date(2021, 7, 23),
                                       submitted_by="lan", note="Báo cáo tuần"))
    session.flush()
    return {"bodies": [b.id for b in (*bodies, districts)], "tasks": task_ids, "events": event_ids}


def task_of_body(session: Session, body_name: str) -> Task:
    task = session.scalar(select(Task).join(Body, Body.id == Task.body_id).where(Body.name == body_name)
                          .order_by(Task.id).limit(1))
    assert task is not None
    return task


# ---- two databases in one test (the move): fresh migrated databases of either backend, made from
# the shared templates of tests/conftest.py.

@pytest.fixture
def make_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """``make_db("sqlite")`` / ``make_db("postgres")``: the URL of a new database at head."""
    created: list[str] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            from tracker.config import sqlite_url

            template: Path = request.getfixturevalue("sqlite_template")
            target = tmp_path / f"db_{uuid.uuid4().hex[:8]}.sqlite"
            shutil.copyfile(template, target)
            return sqlite_url(target)
        databases = request.getfixturevalue("pg_databases")
        name, url = databases.fresh()
        created.append(name)
        return str(url)

    yield make
    if created:
        databases = request.getfixturevalue("pg_databases")
        for name in created:
            databases.drop(name)
