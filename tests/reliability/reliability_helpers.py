"""Shared pieces of the reliability tests: a small office seeded through the real services, the
``tracker`` command in a subprocess, and fingerprints that prove a database did not change.

Fingerprints:

* SQLite: the main file's bytes after a ``wal_checkpoint(TRUNCATE)`` (so the whole database is in
  the one file), plus the write-ahead log's size (a command that wrote nothing leaves no frames),
  plus a logical dump of every table ordered by every column (what changed, when the bytes differ);
* PostgreSQL: every table of the ``public`` schema, all rows ordered by every column.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_docs"
TRACKER = Path(sys.executable).with_name("tracker")
COMMAND = [str(TRACKER)] if TRACKER.exists() else [sys.executable, "-m", "tracker"]
TODAY = date(2021, 7, 26)
T0 = datetime(2021, 7, 5, 8, 0)  # noqa: DTZ001 - naive local time, as stored

BODY_NAMES = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "Sở Tài chính"]


# ---------------------------------------------------------------- a small office


def settings_for(url: str, **overrides: Any) -> Any:
    """Settings as tests/conftest.py makes them (today 2021-07-26, Vietnamese), usable in a
    spawned worker process that never loads the conftest."""
    from dataclasses import replace

    from tracker.config import Settings

    settings = Settings(db_url=url, today=TODAY, user="tester", lang="vi", today_is_fixed=True)
    return replace(settings, **overrides) if overrides else settings


def seed_office(url: str, tasks: int = 20, user: str = "importer", first_text: str | None = None) -> list[int]:
    """A directive with ``tasks`` leaf items, each with one task (rotating bodies), made through
    ``tracker.services.tasks.create_tasks`` (tasks + ``created`` events); ``first_text`` replaces
    the first item's text. Returns the task ids."""
    from sqlalchemy import select

    from tracker.db.models import Body, Directive, Item
    from tracker.domain.text import fold, match_key
    from tracker.services.context import open_context
    from tracker.services.tasks import NewTask, create_tasks

    ctx = open_context(settings_for(url, user=user))
    try:
        with ctx.sessions.begin() as session:
            bodies = []
            for name in BODY_NAMES:
                found = session.scalar(select(Body).where(Body.name_key == match_key(name)))
                if found is None:
                    found = Body(name=name, name_key=match_key(name), search_key=fold(name), kind="government",
                                 created_at=T0)
                    session.add(found)
                    session.flush()
                bodies.append(found)
            directive = Directive(number=f"{uuid.uuid4().int % 900 + 100}-CV/TU", issuer="Tỉnh ủy Tây Ninh",
                                  doc_type="cong_van", issue_date=date(2021, 7, 4),
                                  subject="V/v tăng cường phòng, chống dịch", text_sha256=uuid.uuid4().hex,
                                  text="Số 230-CV/TU\n" + "\n".join(f"{n}. Việc số {n}." for n in range(1, tasks + 1)),
                                  imported_at=T0, imported_by=user)
            session.add(directive)
            session.flush()
            specs = []
            for number in range(1, tasks + 1):
                text_of_item = f"Việc số {number}: tăng cường tuyên truyền."
                if number == 1 and first_text is not None:
                    text_of_item = first_text
                item = Item(directive_id=directive.id, position=number, ref=str(number), text=text_of_item,
                            is_leaf=True,
                            line_start=number + 1, line_end=number + 1)
                session.add(item)
                session.flush()
                specs.append(NewTask(item=item, directive=directive, body=bodies[number % len(bodies)],
                                     deadline=date(2021, 8, number % 28 + 1)))
            created = create_tasks(session, specs, on_date=date(2021, 7, 5), at=T0, user=user)
            return [task.id for task in created]
    finally:
        ctx.close()


# ---------------------------------------------------------------- the real command line


@dataclass
class Cli:
    """``tracker`` in a subprocess on one database; no language set, so the default (Vietnamese)
    speaks unless ``lang`` says otherwise."""

    db_url: str
    home: Path
    lang: str | None = None
    runner: tuple[str, ...] = ()  # e.g. setpriv ... to run the command as another user

    def env(self, **extra: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("TRACKER_")}
        env.update({"TRACKER_DB_URL": self.db_url, "TRACKER_TODAY": TODAY.isoformat(),
                    "TRACKER_USER": "tester", "TRACKER_CONFIG": str(self.home / "none.toml"),
                    "HOME": str(self.home),
                    "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
                    **extra})
        if self.lang:
            env["TRACKER_LANG"] = self.lang
        return env

    def run(self, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.runner, *COMMAND, *args], capture_output=True, text=True, env=self.env(**extra),
                              timeout=timeout, cwd=self.home, check=False)

    def popen(self, *args: str, **extra: str) -> subprocess.Popen[str]:
        return subprocess.Popen([*self.runner, *COMMAND, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=self.env(**extra), cwd=self.home)


def output(done: subprocess.CompletedProcess[str]) -> str:
    return f"{done.stdout}\n{done.stderr}"


# ---------------------------------------------------------------- the parser


def present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ModuleNotFoundError, ValueError):
        return False


def parser_ready() -> bool:
    return present("tracker.parsing.extract") and present("tracker.ingest")


PARSER_MISSING = "the directive parser (tracker.parsing.extract) has not landed yet"


# ---------------------------------------------------------------- fingerprints


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_file(url: str) -> Path:
    database = make_url(url).database
    assert database
    return Path(database)


def checkpoint(url: str) -> None:
    """Fold the write-ahead log into the main file and empty it (SQLite only)."""
    conn = sqlite3.connect(sqlite_file(url))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def table_dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, each value as the driver returns it (JSON as sorted text), the rows in a
    canonical order (JSON columns cannot be sorted by PostgreSQL, so the order is made here)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            dump: dict[str, list[tuple[Any, ...]]] = {}
            for name in names:
                quoted = conn.dialect.identifier_preparer.quote(name)
                rows = [tuple(_comparable(v) for v in row)
                        for row in conn.execute(text(f"SELECT * FROM {quoted}"))]  # noqa: S608
                dump[name] = sorted(rows, key=lambda row: [(v is None, repr(v)) for v in row])
            return dump
    finally:
        engine.dispose()


def _comparable(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


@dataclass(frozen=True)
class Fingerprint:
    """What a database holds: rows of every table; for SQLite also the file's bytes (hash)."""

    tables: dict[str, list[tuple[Any, ...]]]
    file_sha256: str | None = None
    wal_bytes: int = 0

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def fingerprint(url: str) -> Fingerprint:
    """The state of the database, taken without writing to it (SQLite: the log is folded in first,
    which changes no data)."""
    if not is_sqlite(url):
        return Fingerprint(table_dump(url))
    path = sqlite_file(url)
    checkpoint(url)
    wal = path.with_name(path.name + "-wal")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    tables = table_dump(url)
    return Fingerprint(tables, digest, wal.stat().st_size if wal.exists() else 0)


def sqlite_unchanged_bytes(url: str, before: Fingerprint) -> None:
    """SQLite: the main file byte for byte as before and no frame waiting in the log (checked
    BEFORE anything else opens the file)."""
    path = sqlite_file(url)
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    assert wal_size == 0, f"the command left {wal_size} bytes in the write-ahead log"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before.file_sha256, "the SQLite file changed"


def assert_unchanged(url: str, before: Fingerprint) -> None:
    """The database holds exactly what it held: SQLite byte for byte (and row for row, which says
    what differs), PostgreSQL row for row in every table."""
    if is_sqlite(url):
        sqlite_unchanged_bytes(url, before)
    after = fingerprint(url)
    for name in sorted(set(before.tables) | set(after.tables)):
        assert after.tables.get(name) == before.tables.get(name), f"table {name} changed"


def count_rows(url: str, *tables: str) -> dict[str, int]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return {name: int(conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one())  # noqa: S608
                    for name in tables}
    finally:
        engine.dispose()


def names(rows: Sequence[tuple[Any, ...]]) -> list[Any]:
    return [row[0] for row in rows]
