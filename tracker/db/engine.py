"""Engine and session factory for SQLite and PostgreSQL.

SQLite connections get WAL, foreign keys and a busy timeout on every connect.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
WAL_SWITCH_RETRY_S = 0.02


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, manage transactions so BEGIN is explicit.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """WAL mode (kept in the file once set). Switching a file to it needs the file to itself for a
    moment: when two commands start together on a new file, the second is told "database is
    locked" at once - the busy timeout does not apply to the switch - so it retries for as long as
    the busy timeout would have waited."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_SWITCH_RETRY_S)


READ_ONLY_OPTION = "tracker_read_only"


def _sqlite_on_begin(conn: Any) -> None:
    # A writer's BEGIN IMMEDIATE takes the write lock at the start, so it waits (busy timeout)
    # instead of failing half-way with "database is locked" on lock upgrade. A reader (a report,
    # a page of the task list) takes no lock: in WAL mode it reads a consistent snapshot while
    # others write.
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        conn.exec_driver_sql("PRAGMA query_only = ON")
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("PRAGMA query_only = OFF")
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; the SQLite file's folder is created on first use."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def make_reader_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for reading only: one consistent snapshot, no write lock (SQLite: plain BEGIN in WAL;
    PostgreSQL: a read-only REPEATABLE READ transaction). A write through them fails."""
    if engine.dialect.name == "sqlite":
        reader = engine.execution_options(**{READ_ONLY_OPTION: True})
    else:
        reader = engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return sessionmaker(bind=reader, expire_on_commit=False)
