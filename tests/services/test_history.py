"""The audit trail: every change through the services records who (and on PostgreSQL which
database role) did it; history filters by task, user, body and period."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from office_db import as_user, populate, task_of_body

from tracker.domain.errors import InputError, NotFoundError
from tracker.services import tasks
from tracker.services.context import ServiceContext
from tracker.services.history import list_events
from tracker.services.users import add_user


def on_day(ctx: ServiceContext, day: date) -> ServiceContext:
    return dataclasses.replace(ctx, settings=dataclasses.replace(ctx.settings, today=day))


@pytest.fixture
def worked(ctx: ServiceContext) -> tuple[ServiceContext, dict[str, int]]:
    """populate() (2 directives x 3 items: 6 created + 6 progress events), then real actions."""
    with ctx.sessions.begin() as session:
        populate(session)
        health = task_of_body(session, "Sở Y tế").id
        district = task_of_body(session, "UBND huyện Hòa Thành").id
    add_user(ctx, "lan", "unit", bodies=["SYT"])
    add_user(ctx, "hoa", "unit", bodies=["UBND các huyện, thị xã, thành phố"])
    lan = as_user(ctx, "lan")
    tasks.progress(on_day(lan, date(2021, 7, 26)), health, 50, "Đã xét nghiệm 50%")
    tasks.report_done(on_day(lan, date(2021, 7, 28)), health, note="Hoàn thành")
    tasks.confirm(on_day(ctx, date(2021, 7, 29)), health)
    tasks.progress(on_day(as_user(ctx, "hoa"), date(2021, 7, 27)), district, 30)
    return ctx, {"health": health, "district": district}


def test_every_change_records_user_and_database_role(worked: tuple[ServiceContext, dict[str, int]]) -> None:
    ctx, ids = worked
    rows = list_events(ctx, task_id=ids["health"])
    assert [r.kind for r in rows][-3:] == ["progress", "reported_done", "confirmed"]
    assert [r.by_user for r in rows][-3:] == ["lan", "lan", "tester"]
    assert [r.on_date for r in rows][-3:] == [date(2021, 7, 26), date(2021, 7, 28), date(2021, 7, 29)]
    assert rows[-3].percent == 50 and rows[-3].note == "Đã xét nghiệm 50%"
    assert all(r.body_name == "Sở Y tế" and r.task_id == ids["health"] for r in rows)
    expected_role = ctx.engine.url.username if ctx.engine.dialect.name == "postgresql" else None
    assert all(r.db_role == expected_role for r in rows[-3:])
    assert rows[-1].as_dict()["by_user"] == "tester" and rows[-1].as_dict()["on_date"] == "2021-07-29"


def test_filter_by_user_body_and_period(worked: tuple[ServiceContext, dict[str, int]]) -> None:
    ctx, ids = worked
    by_lan = list_events(ctx, user="lan")
    # populate() wrote 2 progress events as lan, the services 2 more
    assert len(by_lan) == 4 and {r.by_user for r in by_lan} == {"lan"}
    assert list_events(ctx, user="lan'; DELETE FROM task_event; --") == []
    health = list_events(ctx, body="SYT")
    assert health and {r.body_name for r in health} == {"Sở Y tế"}
    group = list_events(ctx, body="UBND các huyện, thị xã, thành phố")  # a group covers its members
    assert group and {r.body_name for r in group} == {"UBND huyện Hòa Thành"}
    assert [r.kind for r in group if r.task_id == ids["district"]][-1] == "progress"
    week = list_events(ctx, date_from=date(2021, 7, 26), date_to=date(2021, 7, 28))
    assert [(r.by_user, r.kind) for r in week] == [("lan", "progress"), ("hoa", "progress"), ("lan", "reported_done")]
    assert [r.kind for r in list_events(ctx, date_from=date(2021, 7, 29))] == ["confirmed"]
    assert list_events(ctx, user="lan", body="UBND huyện Hòa Thành", date_from=date(2021, 7, 26)) == []


def test_paging_and_refusals(worked: tuple[ServiceContext, dict[str, int]]) -> None:
    ctx, _ = worked
    everything = list_events(ctx, limit=None)
    assert len(everything) == 6 + 6 + 4
    assert [r.at for r in everything] == sorted(r.at for r in everything)
    pages = [list_events(ctx, limit=5, offset=offset) for offset in range(0, 20, 5)]
    assert [r.id for page in pages for r in page] == [r.id for r in everything]
    with pytest.raises(NotFoundError):
        list_events(ctx, body="Sở Không Có")
    with pytest.raises(InputError):
        list_events(ctx, date_from=date(2021, 7, 30), date_to=date(2021, 7, 1))
