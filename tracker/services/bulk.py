"""Fast bulk inserts for the importer: ids reserved up front (so children can point at parents
without reading anything back) and, on SQLite, rows handed straight to the driver's
``executemany`` with values already in the form SQLAlchemy would store them.

Reserving ids: on SQLite the importer's transaction holds the write lock (BEGIN IMMEDIATE), so
``max(id) + 1 ...`` cannot collide; on PostgreSQL the ids come from the column's sequence
(``nextval``), so concurrent importers never collide either.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Table, func, insert, select, text
from sqlalchemy.engine import Connection


def reserve_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys for ``table`` (call before inserting those rows)."""
    if count <= 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": count},
        ).scalars().all()
        return [int(r) for r in rows]
    start = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
    return list(range(start, start + count))


def _sqlite_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}:"
            f"{value.second:02d}.{value.microsecond:06d}")


def _sqlite_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _sqlite_json(value: Any) -> str:
    if isinstance(value, RawJSON):
        return value.text
    return json.dumps(value)


class RawJSON:
    """A JSON value already serialised (the importer builds many near-identical payloads)."""

    __slots__ = ("text", "value")

    def __init__(self, text_value: str, value: Any) -> None:
        self.text = text_value
        self.value = value


_MEMO = (_sqlite_datetime, _sqlite_date, _sqlite_bool)  # few distinct values: convert each once
_UNSET = object()


def _converter(column: Any) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, JSON):
        return _sqlite_json
    if isinstance(kind, DateTime):
        return _sqlite_datetime
    if isinstance(kind, Date):
        return _sqlite_date
    if isinstance(kind, Boolean):
        return _sqlite_bool
    return None


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table``."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        converters: list[tuple[int, Callable[[Any], Any], dict[Any, Any] | None]] = [
                      (i, conv, {} if conv in _MEMO else None) for i, name in enumerate(columns)
                      if (conv := _converter(table.c[name])) is not None]
        if converters:
            converted = []
            for row in rows:
                values = list(row)
                for i, conv, memo in converters:
                    value = values[i]
                    if memo is None:
                        values[i] = conv(value)
                    else:
                        done = memo.get(value, _UNSET)
                        if done is _UNSET:
                            done = memo[value] = conv(value)
                        values[i] = done
                converted.append(tuple(values))
            rows = converted
        names = ", ".join(f'"{name}"' for name in columns)
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', list(rows))
        return
    json_columns = [i for i, name in enumerate(columns) if isinstance(table.c[name].type, JSON)]
    dicts: list[dict[str, Any]] = []
    for row in rows:
        mapping = dict(zip(columns, row, strict=True))
        for i in json_columns:
            value = row[i]
            if isinstance(value, RawJSON):
                mapping[columns[i]] = value.value
        dicts.append(mapping)
    conn.execute(insert(table), dicts)
