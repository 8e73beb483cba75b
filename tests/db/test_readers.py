"""Reading sessions take no write lock and refuse writes; writers still serialise."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from tracker.db.models import Body
from tracker.services.context import open_context


def _body(name: str) -> Body:
    return Body(name=name, name_key=name.lower(), search_key=name.lower(), created_at=dt.datetime(2021, 7, 1))


def test_a_long_read_does_not_block_a_write_and_keeps_its_snapshot(db_url: str, settings_for) -> None:
    ctx = open_context(settings_for(db_url))
    try:
        with ctx.readers.begin() as reader:
            before = reader.scalar(select(func.count()).select_from(Body))
            # another officer writes while the report is still reading
            with ctx.sessions.begin() as writer:
                writer.add(_body("Ban Quản lý dự án thử nghiệm đọc ghi"))
            assert reader.scalar(select(func.count()).select_from(Body)) == before  # same snapshot
        with ctx.readers.begin() as reader:
            assert reader.scalar(select(func.count()).select_from(Body)) == before + 1
    finally:
        ctx.close()


def test_a_reading_session_refuses_to_write(db_url: str, settings_for) -> None:
    ctx = open_context(settings_for(db_url))
    try:
        with pytest.raises(DBAPIError), ctx.readers.begin() as reader:
            reader.add(_body("Không được ghi"))
            reader.flush()
        with ctx.sessions.begin() as writer:  # the same pooled connection writes again afterwards
            writer.add(_body("Ban Quản lý dự án thử nghiệm ghi sau"))
        with ctx.readers() as reader:
            names = set(reader.scalars(select(Body.name)))
        assert "Không được ghi" not in names and "Ban Quản lý dự án thử nghiệm ghi sau" in names
    finally:
        ctx.close()
