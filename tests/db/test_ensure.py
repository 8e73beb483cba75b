"""``ensure_database``: what happens to a database when tracker starts on it.

A new database is created at head; one behind head is upgraded (a SQLite file copied aside
first); one from the future, a file that is not a database and a database of someone else are
refused and left exactly as they were."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from db_helpers import (
    execute,
    file_digest,
    insert_task_with_event,
    raw_engine,
    scalar,
    siblings,
    sqlite_file,
    table_names,
)
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

import tracker.db.migrate as migrate
from tracker.config import sqlite_url
from tracker.db.engine import make_engine
from tracker.db.migrate import current_revision, ensure_database, head_revision, upgrade
from tracker.db.models import Base
from tracker.domain.errors import DatabaseError
from tracker.i18n import error_text
from tracker.services.context import open_context

SettingsFor = Callable[..., Any]

# A later revision, written into a copy of the migration tree: it rebuilds the task table
# (referenced by events and occurrences with ON DELETE CASCADE) the way SQLite batch mode does.
NEXT_REVISION = '''
from alembic import op
import sqlalchemy as sa

revision = "0002_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def _recreate():
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade():
    with op.batch_alter_table("task", recreate=_recreate()) as batch:
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("task", recreate=_recreate()) as batch:
        batch.drop_column("priority")
'''


@pytest.fixture
def newer_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Make tracker believe its migration tree has one more revision; returns its id."""
    tree = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, tree, ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "versions" / "0002_test.py").write_text(NEXT_REVISION.format(head=head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tree)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0002_test")  # as a release with the new revision says
    return "0002_test"


def _set_revision(url: str, revision: str) -> None:
    execute(url, f"UPDATE alembic_version SET version_num = '{revision}'")


def _settle(url: str) -> None:
    """Close the SQLite file cleanly (write-ahead log folded in), as after tracker exits."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(sqlite_file(url))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()


def test_a_new_sqlite_file_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "tracker.db"
    result = ensure_database(sqlite_url(path))

    assert (result.before, result.after, result.backup) == (None, head_revision(), None)
    assert path.is_file()
    assert current_revision(sqlite_url(path)) == head_revision()
    assert siblings(path) - {"tracker.db", "tracker.db-wal", "tracker.db-shm"} == set()


def test_an_empty_database_is_created_at_head(empty_db_url: str) -> None:
    result = ensure_database(empty_db_url)

    assert (result.before, result.after, result.backup) == (None, head_revision(), None)
    assert table_names(empty_db_url) == set(Base.metadata.tables) | {"alembic_version"}


def test_an_empty_file_counts_as_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    path.touch()
    ensure_database(sqlite_url(path))
    assert current_revision(sqlite_url(path)) == head_revision()


def test_a_database_at_head_is_left_alone(db_url: str) -> None:
    _settle(db_url)
    before = file_digest(sqlite_file(db_url)) if db_url.startswith("sqlite") else None

    result = ensure_database(db_url)

    assert (result.before, result.after, result.backup, result.upgraded) == (
        head_revision(), head_revision(), None, False)
    if before is not None:
        assert file_digest(sqlite_file(db_url)) == before
        assert siblings(sqlite_file(db_url)) == {"tracker.db"}


def test_a_database_behind_head_is_upgraded_with_its_data(db_url: str, newer_tree: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        insert_task_with_event(conn)
    engine.dispose()
    _settle(db_url)
    old_revision = current_revision(db_url)

    result = ensure_database(db_url, backup_dir=tmp_path / "backups")

    assert (result.before, result.after, result.upgraded) == (old_revision, newer_tree, True)
    assert current_revision(db_url) == newer_tree
    assert scalar(db_url, "SELECT count(*) FROM task WHERE priority IS NULL") == 1
    # Rebuilding the task table cascaded nothing away, and events stay append-only.
    assert scalar(db_url, "SELECT count(*) FROM occurrence") == 1
    assert scalar(db_url, "SELECT count(*) FROM task_event") == 1
    with pytest.raises(DBAPIError, match="append-only"):
        execute(db_url, "DELETE FROM task_event")

    if db_url.startswith("sqlite"):
        path = sqlite_file(db_url)
        assert result.backup is not None
        assert result.backup.parent == path.parent
        assert result.backup.name.startswith(f"tracker.db.bak-{old_revision}-")
        copy_url = sqlite_url(result.backup)
        assert current_revision(copy_url) == old_revision
        assert scalar(copy_url, "SELECT count(*) FROM task_event") == 1
        assert "priority" not in {c["name"] for c in _columns(copy_url, "task")}
    else:  # a pg_dump of the database as it was, which pg_restore reads back
        assert result.backup is not None and result.backup.parent == tmp_path / "backups"
        assert result.backup.name.endswith(f".bak-{old_revision}.dump")
        listing = subprocess.run([_pg_tool("pg_restore"), "--list", str(result.backup)],
                                 capture_output=True, text=True, check=True).stdout
        assert "TABLE DATA public task_event" in listing


def _pg_tool(name: str) -> str:
    return shutil.which(name) or sorted(str(p) for p in Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))[-1]


def _columns(url: str, table: str) -> list[dict[str, object]]:
    from sqlalchemy import inspect

    engine = raw_engine(url)
    with engine.connect() as conn:
        columns = inspect(conn).get_columns(table)
    engine.dispose()
    return columns  # type: ignore[return-value]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # copies are made of SQLite files only
def test_open_context_upgrades_and_a_second_upgrade_keeps_both_copies(db_url: str, newer_tree: str,
                                                                      settings_for: SettingsFor) -> None:
    path = sqlite_file(db_url)
    upgrade(db_url, "0001")
    _settle(db_url)
    first = ensure_database(db_url)
    migrate.downgrade(db_url, "0001")
    _settle(db_url)

    context = open_context(settings_for(db_url))
    context.close()

    copies = sorted(p for p in siblings(path) if ".bak-" in p)
    assert len(copies) == 2
    assert first.backup is not None and first.backup.name in copies
    assert current_revision(db_url) == newer_tree


def test_a_database_from_the_future_is_refused_untouched(db_url: str, settings_for: SettingsFor) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        insert_task_with_event(conn)
    engine.dispose()
    _set_revision(db_url, "9f1e_from_tracker_2")
    _settle(db_url)
    is_sqlite = db_url.startswith("sqlite")
    digest = file_digest(sqlite_file(db_url)) if is_sqlite else None
    files = siblings(sqlite_file(db_url)) if is_sqlite else None

    for attempt in (lambda: ensure_database(db_url), lambda: open_context(settings_for(db_url)),
                    lambda: upgrade(db_url)):
        with pytest.raises(DatabaseError) as refused:
            attempt()
        assert refused.value.code == "db.from_future"
        assert "9f1e_from_tracker_2" in error_text(refused.value, "vi")
        assert "newer tracker" in error_text(refused.value, "en")

    assert current_revision(db_url) == "9f1e_from_tracker_2"
    assert scalar(db_url, "SELECT count(*) FROM task_event") == 1
    if is_sqlite:
        assert file_digest(sqlite_file(db_url)) == digest
        assert siblings(sqlite_file(db_url)) == files


@pytest.mark.parametrize("content", [
    b"Danh s\xc3\xa1ch nhi\xe1\xbb\x87m v\xe1\xbb\xa5\n1. S\xe1\xbb\x9f Y t\xe1\xba\xbf\n",
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8,
    b"SQLite format 2\x00" + b"\x00" * 200,
])
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    url = sqlite_url(path)

    for attempt in (lambda: ensure_database(url), lambda: current_revision(url), lambda: upgrade(url)):
        with pytest.raises(DatabaseError) as refused:
            attempt()
        assert refused.value.code == "db.not_sqlite"
        assert str(path) in error_text(refused.value, "en")
        assert "không phải là cơ sở dữ liệu SQLite" in error_text(refused.value, "vi")

    assert path.read_bytes() == content
    assert siblings(path) == {"notes.txt"}


def test_a_corrupt_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    content = b"SQLite format 3\x00" + b"\xff" * 300
    path.write_bytes(content)

    with pytest.raises(DatabaseError) as refused:
        ensure_database(sqlite_url(path))

    assert refused.value.code == "db.not_sqlite_detail"
    assert path.read_bytes() == content
    assert siblings(path) == {"broken.db"}


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as refused:
        ensure_database(sqlite_url(tmp_path))
    assert refused.value.code == "db.not_a_file"


def test_a_database_of_another_application_is_refused_untouched(empty_db_url: str) -> None:
    execute(empty_db_url, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(50))")
    execute(empty_db_url, "INSERT INTO customers VALUES (1, 'Nguyễn Văn A')")
    _settle(empty_db_url)
    is_sqlite = empty_db_url.startswith("sqlite")
    digest = file_digest(sqlite_file(empty_db_url)) if is_sqlite else None

    with pytest.raises(DatabaseError) as refused:
        ensure_database(empty_db_url)

    assert refused.value.code == "db.not_tracker"
    assert "customers" in error_text(refused.value, "en")
    assert table_names(empty_db_url) == {"customers"}
    if is_sqlite:
        assert file_digest(sqlite_file(empty_db_url)) == digest


def test_an_unreachable_server_gets_a_clear_message() -> None:
    url = "postgresql+psycopg://clerk:s3cret@127.0.0.1:9/tracker"  # port 9 (discard): nobody listens

    with pytest.raises(DatabaseError) as refused:
        ensure_database(url)

    assert refused.value.code == "db.unreachable"
    message = error_text(refused.value, "en")
    assert "Cannot connect to the database postgresql+psycopg://clerk:***@127.0.0.1:9/tracker" in message
    assert "s3cret" not in message
    assert "Không kết nối được" in error_text(refused.value, "vi")


def test_two_processes_starting_at_once_both_find_the_database_ready(empty_db_url: str) -> None:
    results: list[object] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            results.append(ensure_database(empty_db_url))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == [], [getattr(e, "params", e.__dict__) for e in errors]
    assert len(results) == 3
    assert current_revision(empty_db_url) == head_revision()
    assert scalar(empty_db_url, "SELECT count(*) FROM alembic_version") == 1
    engine = raw_engine(empty_db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM task")).scalar() == 0
    engine.dispose()


FAILING_REVISION = '''
from alembic import op
import sqlalchemy as sa

revision = "0002_broken"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("task", sa.Column("priority", sa.Integer(), nullable=True))
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade():
    pass
'''


def test_a_failing_upgrade_changes_nothing(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, tree, ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "versions" / "0002_broken.py").write_text(FAILING_REVISION.format(head=head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tree)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0002_broken")
    old_revision = current_revision(db_url)
    tables = table_names(db_url)

    with pytest.raises(DatabaseError) as refused:
        ensure_database(db_url)

    assert refused.value.code == "db.migration_failed"
    assert "no_such_table" in error_text(refused.value, "en")
    assert current_revision(db_url) == old_revision
    assert table_names(db_url) == tables
    assert "priority" not in {c["name"] for c in _columns(db_url, "task")}
