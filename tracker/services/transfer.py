"""Backup, restore, and moving a whole database between SQLite and PostgreSQL through JSON.

* ``backup``: SQLite's online backup API (a consistent copy while others keep writing, written
  to a temporary file, checked with ``PRAGMA integrity_check`` and renamed into place);
  PostgreSQL: ``pg_dump -Fc``.
* ``restore``: SQLite checks the file is a tracker database, keeps the current database aside
  (``<name>.before-restore[.N]``) and puts the backup in its place; PostgreSQL:
  ``pg_restore --clean --if-exists --single-transaction``.
* ``export_json`` / ``import_json``: every table in one versioned JSON document, ids kept, rows
  in primary-key order, keys sorted, so the same data gives the same bytes from either backend.
  Import only into an empty database with the current schema, in one transaction, then the
  PostgreSQL sequences are moved past the imported ids.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Date, DateTime, Engine, Table, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from tracker.db.engine import make_engine, sqlite_path
from tracker.db.models import Base
from tracker.domain.errors import DatabaseError, InputError
from tracker.services.context import ServiceContext

FORMAT = "tracker-export"
FORMAT_VERSION = 1
INSERT_CHUNK = 1000
# Tables that say "this is a tracker database" when restoring a SQLite file.
TRACKER_TABLES = frozenset({"directive", "item", "task", "task_event", "body", "app_user"})


@dataclass(frozen=True)
class TransferResult:
    path: Path
    tables: int
    rows: int


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    kept: Path | None  # the previous SQLite database, set aside


def _url_of(source: ServiceContext | str) -> str:
    return source.settings.db_url if isinstance(source, ServiceContext) else source


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


# ---------------------------------------------------------------- backup / restore: SQLite


def _sqlite_file(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise InputError("transfer.backup_memory")
    return path


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent single-file copy of ``source`` (WAL content included) at ``target``."""
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            (result,) = dst.execute("PRAGMA integrity_check").fetchone()
            if result != "ok":
                raise DatabaseError("transfer.backup_failed", detail=str(result))
        finally:
            dst.close()
    finally:
        src.close()


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _sqlite_backup(url: str, target: Path) -> None:
    source = _sqlite_file(url)
    if not source.is_file():
        raise InputError("transfer.no_database", path=str(source))
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _sqlite_copy(source, partial)
        _fsync(partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise DatabaseError("transfer.backup_failed", detail=str(exc)) from None
    finally:
        partial.unlink(missing_ok=True)


def check_sqlite_backup(path: Path) -> None:
    """Refuse a file that is not a sound tracker SQLite database."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (result,) = conn.execute("PRAGMA quick_check").fetchone()
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise InputError("transfer.restore_not_tracker", path=str(path), detail=str(exc)) from None
    if result != "ok":
        raise InputError("transfer.restore_not_tracker", path=str(path), detail=str(result))
    missing = TRACKER_TABLES - names
    if missing:
        raise InputError("transfer.restore_not_tracker", path=str(path),
                         detail="missing tables: " + ", ".join(sorted(missing)))


def _aside_name(target: Path) -> Path:
    candidate = target.with_name(target.name + ".before-restore")
    number = 1
    while candidate.exists():
        candidate = target.with_name(f"{target.name}.before-restore.{number}")
        number += 1
    return candidate


def _sqlite_restore(url: str, backup_file: Path) -> Path | None:
    target = _sqlite_file(url)
    check_sqlite_backup(backup_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(target.name + ".restoring")
    incoming.unlink(missing_ok=True)
    kept: Path | None = None
    try:
        shutil.copyfile(backup_file, incoming)
        _fsync(incoming)
        if target.exists():
            conn = sqlite3.connect(target, timeout=30)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            kept = _aside_name(target)
            _sqlite_copy(target, kept)
        # A WAL left beside the file belongs to the old database: it must not meet the new one.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, target)
    except sqlite3.Error as exc:
        raise DatabaseError("transfer.backup_failed", detail=str(exc)) from None
    finally:
        incoming.unlink(missing_ok=True)
    return kept


# ---------------------------------------------------------------- backup / restore: PostgreSQL


def _pg_command(tool: str, url: str) -> tuple[str, str, dict[str, str]]:
    """(program, libpq connection string without password, environment with PGPASSWORD)."""
    program = shutil.which(tool)
    if program is None:
        raise DatabaseError("transfer.pg_tool_missing", tool=tool)
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    conninfo = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return program, conninfo, env


def _run(tool: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise DatabaseError("transfer.pg_tool_failed", tool=tool, status=done.returncode,
                            detail=" / ".join(detail[-3:]))
    return done


def _pg_backup(url: str, target: Path) -> None:
    program, conninfo, env = _pg_command("pg_dump", url)
    partial = target.with_name(target.name + ".partial")
    try:
        _run("pg_dump", [program, "--format=custom", "--no-owner", "--file", str(partial),
                         "--dbname", conninfo], env)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _pg_restore(url: str, backup_file: Path) -> None:
    with backup_file.open("rb") as handle:
        magic = handle.read(5)
    if magic != b"PGDMP":
        raise InputError("transfer.restore_not_tracker", path=str(backup_file),
                         detail="not a pg_dump custom-format file")
    program, conninfo, env = _pg_command("pg_restore", url)
    listing = _run("pg_restore", [program, "--list", str(backup_file)], env).stdout
    missing = {name for name in TRACKER_TABLES if f" TABLE public {name} " not in listing}
    if missing:
        raise InputError("transfer.restore_not_tracker", path=str(backup_file),
                         detail="missing tables: " + ", ".join(sorted(missing)))
    _run("pg_restore", [program, "--clean", "--if-exists", "--no-owner", "--single-transaction",
                        "--dbname", conninfo, str(backup_file)], env)


def backup(source: ServiceContext | str, path: Path | str, *, overwrite: bool = False) -> Path:
    """Copy the database of ``source`` (a context or a URL) to ``path``; returns the path."""
    url = _url_of(source)
    target = Path(path).expanduser().resolve()
    if target.exists() and not overwrite:
        raise InputError("transfer.backup_exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    if _is_sqlite(url):
        _sqlite_backup(url, target)
    else:
        _pg_backup(url, target)
    return target


def restore(url: str, path: Path | str) -> RestoreResult:
    """Replace the database at ``url`` by the backup at ``path`` (no one else should be using it)."""
    backup_file = Path(path).expanduser().resolve()
    if not backup_file.is_file():
        raise InputError("transfer.restore_missing", path=str(backup_file))
    if _is_sqlite(url):
        kept = _sqlite_restore(url, backup_file)
        return RestoreResult(path=backup_file, kept=kept)
    _pg_restore(url, backup_file)
    return RestoreResult(path=backup_file, kept=None)


# ---------------------------------------------------------------- JSON export / import


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _schema_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _snapshot(engine: Engine) -> Connection:
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def _table_rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    query = select(table).order_by(*table.primary_key.columns)
    for row in conn.execute(query.execution_options(yield_per=INSERT_CHUNK)):
        yield {key: _encode(value) for key, value in row._mapping.items()}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ": "))


def _write_document(conn: Connection, out: IO[str]) -> tuple[int, int]:
    header = {"format": FORMAT, "version": FORMAT_VERSION, "schema_revision": _schema_revision(conn)}
    out.write("{\n")
    for key in sorted(header):
        out.write(f"{_dump(key)}: {_dump(header[key])},\n")
    out.write('"tables": {\n')
    total = 0
    tables = sorted(_tables(), key=lambda table: table.name)
    for index, table in enumerate(tables):
        out.write(f"{_dump(table.name)}: [")
        first = True
        for row in _table_rows(conn, table):
            out.write("\n" if first else ",\n")
            out.write(_dump(row))
            first = False
            total += 1
        out.write("\n]" if not first else "]")
        out.write(",\n" if index < len(tables) - 1 else "\n")
    out.write("}\n}\n")
    return len(tables), total


def export_json(url: str, file: Path | str) -> TransferResult:
    """Write every row of the database at ``url`` to ``file`` (one consistent snapshot)."""
    target = Path(file).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    engine = make_engine(url)
    try:
        with (_snapshot(engine) as conn, conn.begin(),
              partial.open("w", encoding="utf-8", newline="\n") as out):
            tables, rows = _write_document(conn, out)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        engine.dispose()
    return TransferResult(path=target, tables=tables, rows=rows)


def read_document(file: Path | str) -> dict[str, list[dict[str, Any]]]:
    """The tables of an export document, checked (format, version, known tables and columns)."""
    path = Path(file).expanduser().resolve()
    try:
        with path.open("r", encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise InputError("transfer.restore_missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError("transfer.import_bad_file", path=str(path), detail=str(exc)[:200]) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError("transfer.import_bad_file", path=str(path), detail=f'"format" is not "{FORMAT}"')
    version = document.get("version")
    if not isinstance(version, int):
        raise InputError("transfer.import_bad_file", path=str(path), detail='no "version"')
    if version > FORMAT_VERSION:
        raise InputError("transfer.import_newer", path=str(path), version=version)
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InputError("transfer.import_bad_file", path=str(path), detail='no "tables"')
    known = {table.name: table for table in _tables()}
    for name, rows in tables.items():
        if name not in known:
            raise InputError("transfer.import_bad_file", path=str(path), detail=f"unknown table {name}")
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise InputError("transfer.import_bad_file", path=str(path), detail=f"table {name} is not a list of rows")
        columns = set(known[name].columns.keys())
        for row in rows:
            for column in row:
                if column not in columns:
                    raise InputError("transfer.import_unknown_column", path=str(path), table=name, column=column)
    return tables


def _decoder(table: Table) -> dict[str, Any]:
    decoders: dict[str, Any] = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            decoders[column.key] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.key] = date.fromisoformat
    return decoders


def _decode_rows(path: Path, table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    decoders = _decoder(table)
    decoded = []
    for row in rows:
        values = dict(row)
        for key, decode in decoders.items():
            if values.get(key) is not None:
                try:
                    values[key] = decode(values[key])
                except (TypeError, ValueError):
                    raise InputError("transfer.import_bad_file", path=str(path),
                                     detail=f"{table.name}.{key} = {values[key]!r}") from None
        decoded.append(values)
    return decoded


def _self_references(table: Table) -> list[str]:
    return [fk.parent.key for fk in table.foreign_keys if fk.column.table is table]


def _insert_table(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` in order; a self-reference to a later row is inserted empty and set
    afterwards. Columns a row lacks (an export from an older schema) take their defaults."""
    if not rows:
        return
    rows = [dict(row) for row in rows]
    later: list[tuple[Any, str, Any]] = []
    self_refs = _self_references(table)
    if self_refs and "id" in table.columns:
        seen: set[Any] = set()
        for row in rows:
            for column in self_refs:
                target = row.get(column)
                if target is not None and target not in seen and target != row.get("id"):
                    later.append((row["id"], column, target))
                    row[column] = None
            seen.add(row.get("id"))
    batch: list[dict[str, Any]] = []
    for row in rows:
        if batch and (len(batch) >= INSERT_CHUNK or row.keys() != batch[0].keys()):
            conn.execute(table.insert(), batch)
            batch = []
        batch.append(row)
    if batch:
        conn.execute(table.insert(), batch)
    for row_id, column, value in later:
        conn.execute(table.update().where(table.c.id == row_id).values({column: value}))


def _reset_sequences(conn: Connection) -> None:
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].name != "id":
            continue
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
        if sequence is None:
            continue
        conn.execute(
            text(f"SELECT setval(:s, COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"),
            {"s": sequence},
        )


def _check_empty(conn: Connection) -> None:
    inspector = inspect(conn)
    for table in _tables():
        if not inspector.has_table(table.name):
            raise DatabaseError("transfer.no_schema", table=table.name)
    for table in _tables():
        count = conn.execute(select(func.count()).select_from(table)).scalar() or 0
        if count:
            raise InputError("transfer.import_not_empty", table=table.name, count=count)


def import_json(url: str, file: Path | str,
                document: dict[str, list[dict[str, Any]]] | None = None) -> TransferResult:
    """Load an ``export_json`` document into the empty, migrated database at ``url``: all of it
    in one transaction, or nothing. ``document`` is ``read_document(file)`` when already read."""
    source = Path(file).expanduser().resolve()
    if document is None:
        document = read_document(source)
    engine = make_engine(url)
    total = 0
    try:
        with engine.begin() as conn:
            _check_empty(conn)
            for table in _tables():
                rows = _decode_rows(source, table, document.get(table.name, []))
                try:
                    _insert_table(conn, table, rows)
                except SQLAlchemyError as exc:
                    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
                    raise InputError("transfer.import_failed", detail=f"{table.name}: {detail}") from None
                total += len(rows)
            if engine.dialect.name == "postgresql":
                _reset_sequences(conn)
    finally:
        engine.dispose()
    return TransferResult(path=source, tables=len(document), rows=total)
