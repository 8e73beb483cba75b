"""The importer's bulk inserts: rows built once, in the form the database driver takes them.

    rows = RowWriter(session.connection())
    rows.insert(table, ("id", "at", "done"), [(1, rows.datetime(now), rows.flag(True)), ...])

On SQLite the values are given as SQLAlchemy itself would store them (a date as ISO text, a
timestamp as ``YYYY-MM-DD HH:MM:SS.ffffff``, a flag as 0/1, JSON as text) and the rows go
straight to the driver's ``executemany``: no per-row conversion pass, no statement compiled per
batch. On PostgreSQL they stay Python values and go through SQLAlchemy's ``insert()`` with a list
of rows (psycopg's batched executemany), which converts them itself.

Ids are reserved up front (tracker.services.bulk.reserve_ids), so children point at their
parents without reading anything back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection


class RowWriter:
    """Converts values for one connection's dialect and inserts rows of them."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._dates: dict[date | None, Any] = {None: None}

    def date(self, value: date | None) -> Any:
        if not self.sqlite:
            return value
        done = self._dates.get(value, self)
        if done is self:
            done = self._dates[value] = value.isoformat()  # type: ignore[union-attr]
        return done

    def datetime(self, value: datetime | None) -> Any:
        if not self.sqlite or value is None:
            return value
        return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}:"
                f"{value.second:02d}.{value.microsecond:06d}")

    def flag(self, value: bool) -> Any:
        return int(value) if self.sqlite else value

    def json(self, value: Any) -> Any:
        return json.dumps(value) if self.sqlite else value

    def insert(self, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """INSERT ``rows`` (tuples in ``columns`` order, values from this writer) into ``table``."""
        if not rows:
            return
        if self.sqlite:
            names = ", ".join(f'"{name}"' for name in columns)
            marks = ", ".join("?" for _ in columns)
            self.conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', list(rows))
            return
        self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
