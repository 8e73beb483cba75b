"""Raw-SQL helpers for the database tests (no services, no ORM: what the database itself does)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from tracker.db.engine import sqlite_path

T0 = datetime.fromisoformat("2021-07-26T09:00:00")
D0 = date(2021, 7, 26)


def raw_engine(url: str):  # type: ignore[no-untyped-def]
    """A plain engine (no tracker pragmas, no pooling), to look at the database from outside."""
    return create_engine(url, poolclass=NullPool)


def insert_task_with_event(conn: Connection) -> tuple[int, int]:
    """One body, directive, item, task, occurrence and event; returns (task id, event id)."""
    conn.execute(text(
        "INSERT INTO body (id, name, name_key, search_key, kind, is_group, active, is_new, created_at) "
        "VALUES (1, 'Sở Y tế', 'so y te', 'so y te', 'department', :f, :t, :f, :at)"),
        {"f": False, "t": True, "at": T0})
    conn.execute(text(
        "INSERT INTO directive (id, number, issuer, doc_type, recipients, cited, text_sha256, text, "
        "imported_at, imported_by) VALUES (1, '230-CV/TU', 'Tỉnh ủy Tây Ninh', 'cong_van', '[]', '[]', "
        "'abc', 'Nội dung', :at, 'tester')"), {"at": T0})
    conn.execute(text(
        "INSERT INTO item (id, directive_id, position, ref, text, is_leaf) "
        "VALUES (1, 1, 1, '1', 'Triển khai', :t)"), {"t": True})
    conn.execute(text(
        "INSERT INTO task (id, item_id, directive_id, body_id, role, state, progress, active, search_text, "
        "version, created_at, updated_at) VALUES (1, 1, 1, 1, 'lead', 'open', 0, :t, '', 1, :at, :at)"),
        {"t": True, "at": T0})
    conn.execute(text("INSERT INTO occurrence (id, task_id, due_on) VALUES (1, 1, :d)"), {"d": D0})
    conn.execute(text(
        "INSERT INTO task_event (id, task_id, at, on_date, by_user, kind, percent, note) "
        "VALUES (1, 1, :at, :d, 'tester', 'created', 0, 'tạo')"), {"at": T0, "d": D0})
    return 1, 1


def table_names(url: str) -> set[str]:
    engine = raw_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def scalar(url: str, sql: str) -> object:
    engine = raw_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def execute(url: str, sql: str) -> None:
    engine = raw_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sqlite_file(url: str) -> Path:
    path = sqlite_path(url)
    assert path is not None
    return path


def siblings(path: Path) -> set[str]:
    """The names of the files next to ``path`` that start with its name (-wal, -shm, .bak-...)."""
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}
