"""Connections made by tracker.db.engine: SQLite pragmas in force, sessions working on both backends."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from tracker.config import sqlite_url
from tracker.db.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine, make_session_factory, sqlite_path


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "data" / "tracker.db"))
    with engine.connect() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "foreign_keys", "busy_timeout")}
    engine.dispose()
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": SQLITE_BUSY_TIMEOUT_MS}
    assert SQLITE_BUSY_TIMEOUT_MS >= 5_000


def test_sqlite_foreign_keys_are_enforced_on_a_migrated_database(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    refused = False
    try:
        with sessions.begin() as session:
            session.execute(text("INSERT INTO body_alias (body_id, alias, alias_key) VALUES (999, 'x', 'x')"))
    except Exception as exc:  # IntegrityError from either driver
        refused = "foreign key" in str(exc).lower()
    engine.dispose()
    assert refused


def test_sqlite_path_reads_file_urls_only(tmp_path: Path) -> None:
    assert sqlite_path(sqlite_url(tmp_path / "a.db")) == tmp_path / "a.db"
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("sqlite:///:memory:") is None
    assert sqlite_path("postgresql+psycopg://u@h/db") is None
