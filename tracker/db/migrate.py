"""Schema migrations (Alembic) for SQLite and PostgreSQL, run from the installed package.

The migration tree lives in ``tracker/db/migrations`` so ``pip install .`` ships it; its location
is taken from the package, never from the current directory or an ``alembic.ini``.

``ensure_database(url)`` is what every command calls before it opens the database:

* a new or empty database is created at head;
* a database behind head is upgraded, a SQLite file being copied aside first
  (``tracker.db.bak-<revision>-<file mtime>`` next to it);
* a database at a revision this version does not know (made by a newer tracker), a file that is
  not a SQLite database, a database holding tables but no migration record, and an unreachable
  server are refused with a :class:`DatabaseError`; nothing is written to them.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from tracker.db.engine import make_engine, sqlite_path
from tracker.domain.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision of the migration tree. Every command opens the database and compares its
# revision with this one; Alembic (~0.15 s of imports) is loaded only when they differ.
# A test checks it against Alembic's own head: a new migration must update it.
HEAD_REVISION = "0002"
SQLITE_MAGIC = b"SQLite format 3\x00"
VERSION_TABLE = "alembic_version"
# Any 64-bit key; PostgreSQL serialises concurrent upgrades of one database on it.
PG_MIGRATION_LOCK = 0x7472_6163_6B65_72


@dataclass(frozen=True)
class EnsureResult:
    """What ``ensure_database`` did: the revisions before and after, and the backup it wrote."""

    before: str | None
    after: str
    backup: Path | None = None

    @property
    def upgraded(self) -> bool:
        return self.before != self.after


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at the packaged migration tree (no ini file)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.attributes["url"] = url
    return config


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD_REVISION


def alembic_head_revision() -> str:
    """The head of the migration tree as Alembic reads it (``HEAD_REVISION`` must equal it)."""
    head = _scripts().get_current_head()
    assert head is not None, "the migration tree has no revision"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


# ---------------------------------------------------------------- connections


def _sqlite_migration_connect(dbapi_connection: Any, _record: Any) -> None:
    # Batch migrations copy tables; with foreign keys on, dropping the old table would cascade.
    # The pragma cannot change inside a transaction, so it is set on connect.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = OFF")
    cursor.close()


def migration_engine(url: str) -> Engine:
    """An engine for running migrations: ``make_engine``'s settings, foreign keys off on SQLite
    (checked with ``PRAGMA foreign_key_check`` after the upgrade instead)."""
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseError("db.bad_url", url=display_url(url), detail=str(exc)) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_migration_connect)
    return engine


def _lock_for_migration(conn: Connection) -> None:
    """Serialise concurrent upgrades (SQLite: BEGIN IMMEDIATE already holds the write lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})


def _revision_in(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = [row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    return rows[0] if rows else None


def _tables_in(conn: Connection) -> list[str]:
    return [name for name in inspect(conn).get_table_names() if name != VERSION_TABLE]


# ---------------------------------------------------------------- reading without writing


@dataclass(frozen=True)
class _State:
    revision: str | None
    tables: tuple[str, ...]
    exists: bool


def _check_sqlite_file(path: Path) -> bool:
    """True when ``path`` holds a SQLite database, False when it is missing or empty; refuses
    anything else."""
    if not path.exists():
        return False
    if not path.is_file():
        raise DatabaseError("db.not_a_file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        return False
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise DatabaseError("db.not_sqlite", path=str(path))
    return True


def _read_sqlite_state(path: Path) -> _State:
    """The revision and tables of a SQLite file, read without changing a byte of it."""
    if not _check_sqlite_file(path):
        return _State(None, (), exists=False)
    wal = path.with_name(path.name + "-wal")
    # With no write-ahead log beside it the file is all there is: read it as immutable (no lock,
    # no -shm file). Otherwise another process may be writing: read through the log, read-only.
    mode = "mode=ro" if wal.exists() else "immutable=1"
    uri = f"{path.resolve().as_uri()}?{mode}"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            tables = tuple(
                row[0] for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            )
            revision = None
            if VERSION_TABLE in tables:
                row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("db.not_sqlite_detail", path=str(path), detail=str(exc)) from None
    return _State(revision, tuple(t for t in tables if t != VERSION_TABLE), exists=True)


def _read_server_state(url: str) -> _State:
    engine = migration_engine(url)
    try:
        with engine.connect() as conn:
            return _State(_revision_in(conn), tuple(_tables_in(conn)), exists=True)
    except OperationalError as exc:
        raise DatabaseError("db.unreachable", url=display_url(url), detail=_first_line(exc)) from None
    finally:
        engine.dispose()


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__


def _read_state(url: str) -> _State:
    path = sqlite_path(url)
    if path is not None:
        return _read_sqlite_state(path)
    return _read_server_state(url)


def current_revision(url: str) -> str | None:
    """The schema revision of the database at ``url`` (None: empty or new); writes nothing."""
    return _read_state(url).revision


# ---------------------------------------------------------------- checks


def _refuse_unknown(url: str, state: _State, known: set[str]) -> None:
    if state.revision is not None and state.revision not in known:
        raise DatabaseError("db.from_future", url=display_url(url), revision=state.revision,
                            head=head_revision())
    if state.revision is None and state.tables:
        raise DatabaseError("db.not_tracker", url=display_url(url), tables=", ".join(sorted(state.tables)[:5]))


# ---------------------------------------------------------------- upgrade / downgrade


def _run(url: str, action: str, revision: str) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    engine = migration_engine(url)
    try:
        with engine.begin() as conn:
            _lock_for_migration(conn)
            config = alembic_config(url)
            config.attributes["connection"] = conn
            if action == "upgrade":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
            if conn.dialect.name == "sqlite":
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError("db.foreign_key_check", detail=repr(problems[:3]))
    except OperationalError as exc:
        if sqlite_path(url) is None and "connection" in str(exc).lower():
            raise DatabaseError("db.unreachable", url=display_url(url), detail=_first_line(exc)) from None
        raise DatabaseError("db.migration_failed", url=display_url(url), detail=_first_line(exc)) from None
    except CommandError as exc:
        raise DatabaseError("db.bad_revision", revision=revision, detail=str(exc)) from None
    except SADatabaseError as exc:
        raise DatabaseError("db.migration_failed", url=display_url(url), detail=_first_line(exc)) from None
    finally:
        engine.dispose()


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision`` (no backup; see ``ensure_database``)."""
    state = _read_state(url)
    _refuse_unknown(url, state, known_revisions())
    _run(url, "upgrade", revision)


def downgrade(url: str, revision: str) -> None:
    """Take the database at ``url`` down to ``revision`` ("base" removes every table)."""
    state = _read_state(url)
    _refuse_unknown(url, state, known_revisions())
    _run(url, "downgrade", revision)


# ---------------------------------------------------------------- backup and ensure


def backup_path_for(path: Path, revision: str) -> Path:
    """``<file>.bak-<revision>-<mtime>`` beside the file, never overwriting an earlier copy.
    The file's modification time names the copy: the clock is not read here."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
    candidate = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{number}")
        number += 1
    return candidate


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy of the SQLite file (its write-ahead log included), beside it."""
    target = backup_path_for(path, revision)
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
    finally:
        source.close()
    return target


def _pg_dump_program() -> str | None:
    found = shutil.which("pg_dump")
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))
    return str(candidates[-1]) if candidates else None


def backup_postgres(url: str, revision: str, folder: Path) -> Path | None:
    """A ``pg_dump -Fc`` of the database into ``folder`` before it is migrated (``None`` when
    pg_dump is not installed: the administrator's own backups are then all there is)."""
    program = _pg_dump_program()
    if program is None:
        return None
    parsed = make_url(url)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{parsed.database}.bak-{revision}.dump"
    number = 2
    while target.exists():
        target = folder / f"{parsed.database}.bak-{revision}-{number}.dump"
        number += 1
    libpq = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    done = subprocess.run([program, "-Fc", "-f", str(target), "--dbname", libpq],
                          capture_output=True, text=True, timeout=3600, check=False)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise DatabaseError("db.backup_failed", path=str(target), detail=done.stderr.strip()[-300:])
    return target


def ensure_database(url: str, backup_dir: Path | None = None) -> EnsureResult:
    """Make the database at ``url`` usable by this version: create it, or upgrade it after a
    backup copy (SQLite: beside the file; PostgreSQL: a pg_dump into ``backup_dir``, where
    pg_dump is installed); refuse what this version cannot use and leave it untouched."""
    head = head_revision()
    state = _read_state(url)
    if state.revision == head:
        return EnsureResult(before=head, after=head)
    _refuse_unknown(url, state, known_revisions())
    backup = None
    path = sqlite_path(url)
    if path is not None and state.revision is not None:
        try:
            backup = backup_sqlite(path, state.revision)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError("db.backup_failed", path=str(path), detail=str(exc)) from None
    elif path is None and state.revision is not None and backup_dir is not None \
            and make_url(url).get_backend_name() == "postgresql":
        backup = backup_postgres(url, state.revision, backup_dir)
    try:
        _run(url, "upgrade", "head")
    except SQLAlchemyError as exc:  # pragma: no cover - _run translates the expected ones
        raise DatabaseError("db.migration_failed", url=display_url(url), detail=_first_line(exc)) from None
    return EnsureResult(before=state.revision, after=head, backup=backup)
