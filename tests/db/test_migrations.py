"""The migration tree on SQLite and PostgreSQL: empty -> head, head -> base -> head, the models
matching the migrations, and the append-only event table enforced by the database itself."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from db_helpers import execute, insert_task_with_event, raw_engine, scalar, table_names
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tracker.db.engine import make_engine
from tracker.db.migrate import (
    MIGRATIONS_DIR,
    alembic_head_revision,
    current_revision,
    downgrade,
    head_revision,
    known_revisions,
    upgrade,
)
from tracker.db.models import Base

MODEL_TABLES = set(Base.metadata.tables)


def test_the_tree_is_one_line_of_revisions() -> None:
    assert head_revision() in known_revisions()
    assert "0001" in known_revisions()


def test_the_head_constant_is_alembics_head() -> None:
    """Commands compare the database with ``HEAD_REVISION`` without loading Alembic: a new
    migration must move the constant too."""
    assert head_revision() == alembic_head_revision()


def test_a_command_on_a_current_database_does_not_load_alembic(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    upgrade(url)
    probe = ("import sys; from tracker.db.migrate import ensure_database; "
             f"r = ensure_database({url!r}); print(r.before == r.after, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]


def test_an_empty_database_is_upgraded_to_head(empty_db_url: str) -> None:
    assert current_revision(empty_db_url) is None
    assert table_names(empty_db_url) == set()

    upgrade(empty_db_url)

    assert current_revision(empty_db_url) == head_revision()
    assert table_names(empty_db_url) == MODEL_TABLES | {"alembic_version"}


def test_downgrade_to_base_and_up_again(db_url: str) -> None:
    downgrade(db_url, "base")

    assert current_revision(db_url) is None
    assert table_names(db_url) - {"alembic_version"} == set()
    if db_url.startswith("postgresql"):
        assert scalar(db_url, "SELECT count(*) FROM pg_proc WHERE proname = 'task_event_append_only'") == 0

    upgrade(db_url)

    assert current_revision(db_url) == head_revision()
    assert table_names(db_url) == MODEL_TABLES | {"alembic_version"}
    engine = raw_engine(db_url)
    with engine.begin() as conn:
        insert_task_with_event(conn)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM task_event"))
    engine.dispose()


def test_models_match_the_migrations(db_url: str) -> None:
    engine = raw_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_comparison_would_see_a_missing_column(db_url: str) -> None:
    """The comparison above is not blind: a column dropped behind the models' back shows up."""
    execute(db_url, "ALTER TABLE occurrence DROP COLUMN note")
    engine = raw_engine(db_url)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert [(d[0], d[2], d[3].name) for d in differences] == [("add_column", "occurrence", "note")]


@pytest.mark.parametrize("statement", [
    "UPDATE task_event SET note = 'sửa lại'",
    "UPDATE task_event SET percent = 50 WHERE id = 1",
    "DELETE FROM task_event",
    "DELETE FROM task_event WHERE id = 1",
    "DELETE FROM task WHERE id = 1",  # an event keeps its task alive
])
def test_the_database_refuses_to_change_an_event(db_url: str, statement: str) -> None:
    engine = make_engine(db_url)  # as the application connects (SQLite: foreign keys on)
    with engine.begin() as conn:
        insert_task_with_event(conn)

    with pytest.raises(DBAPIError) as refused, engine.begin() as conn:
        conn.execute(text(statement))

    if "task_event" in statement:
        assert "task_event is append-only" in str(refused.value)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT task_id, kind, percent, note FROM task_event")).one()
        assert tuple(row) == (1, "created", 0, "tạo")
        assert conn.execute(text("SELECT count(*) FROM task")).scalar() == 1
    engine.dispose()


def test_new_events_can_still_be_added(db_url: str) -> None:
    engine = raw_engine(db_url)
    with engine.begin() as conn:
        insert_task_with_event(conn)
        conn.execute(text("INSERT INTO task_event (id, task_id, at, on_date, by_user, kind, percent) "
                          "VALUES (2, 1, '2021-07-27 10:00:00', '2021-07-27', 'tester', 'progress', 40)"))
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(text("SELECT id, kind FROM task_event ORDER BY id"))] == [
            (1, "created"), (2, "progress")]
    engine.dispose()


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)  # SQLite has no TRUNCATE
def test_postgres_refuses_truncate_of_the_events(db_url: str) -> None:
    engine = raw_engine(db_url)
    with engine.begin() as conn:
        insert_task_with_event(conn)
    for statement in ("TRUNCATE task_event", "TRUNCATE task CASCADE"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM task_event")).scalar() == 1
    engine.dispose()


def test_the_note_index_of_0002_is_the_one_the_report_names() -> None:
    """The report repeats ix_task_event_note's WHERE word for word (SQLite matches it as written);
    the migration keeps its own copy, as migrations do, and it must say the same."""
    import importlib.util

    from tracker.db.models import NOTE_EVENT_KINDS, NOTE_EVENT_WHERE
    from tracker.domain.enums import EventKind

    spec = importlib.util.spec_from_file_location("m0002", MIGRATIONS_DIR / "versions" / "0002_task_report_index.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.NOTE_EVENT_WHERE == NOTE_EVENT_WHERE
    assert set(NOTE_EVENT_KINDS) == {EventKind.PROGRESS.value, EventKind.NOTE.value, EventKind.REPORTED_DONE.value}
