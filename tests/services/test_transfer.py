# ruff: noqa: F811  (the make_db fixture is imported from office_db)
"""Backup while others write, restore, pg_dump/pg_restore, and the move SQLite -> PostgreSQL
through JSON with identical exports on both sides."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from office_db import T0, as_user, make_db, populate  # noqa: F401
from sqlalchemy import func, select

from tracker.config import Settings
from tracker.db.engine import make_engine, make_session_factory, sqlite_path
from tracker.db.models import Base, ImportBatch, Task, TaskEvent, User
from tracker.domain.errors import DatabaseError, InputError
from tracker.i18n import error_text
from tracker.services.context import ServiceContext
from tracker.services.transfer import backup, export_json, import_json, restore
from tracker.services.users import add_user, list_users

requires_pg_tools = pytest.mark.skipif(
    shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
    reason="pg_dump / pg_restore not installed (apt-get install postgresql-client)",
)


def _context(url: str, user: str = "tester") -> ServiceContext:
    engine = make_engine(url)
    return ServiceContext(settings=Settings(db_url=url, today=date(2021, 7, 26), user=user), engine=engine,
                          sessions=make_session_factory(engine))


def _populated(url: str) -> None:
    ctx = _context(url)
    try:
        with ctx.sessions.begin() as session:
            populate(session, directives=3, items_per_directive=4)
        add_user(ctx, "lan", "unit", bodies=["Sở Y tế", "UBND các huyện, thị xã, thành phố"])
        add_user(ctx, "vy", "viewer")
    finally:
        ctx.close()


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for table in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


# ---------------------------------------------------------------- SQLite backup and restore


def test_sqlite_backup_while_another_connection_writes(make_db, tmp_path: Path) -> None:
    url = make_db("sqlite")
    _populated(url)
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        try:
            n = 0
            while not stop.is_set() or n < 50:
                with sessions.begin() as session:
                    session.add(ImportBatch(file_name=f"f{n}.txt", file_sha256=f"{n:064d}", imported_at=T0,
                                            imported_by="writer", directive_count=0, task_count=0))
                n += 1
                written.append(n)
        except BaseException as exc:  # surfaced below
            failures.append(exc)
        finally:
            engine.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    copies = []
    try:
        while len(written) < 5:
            stop.wait(0.01)
        for i in range(5):
            copies.append((len(written), backup(url, tmp_path / f"copy{i}.db")))
    finally:
        stop.set()
        thread.join(60)
    assert not failures
    assert len(written) >= 50
    for seen_before, copy in copies:
        assert not Path(f"{copy}-wal").exists()  # one self-contained file
        conn = sqlite3.connect(copy)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            batches = conn.execute("SELECT COUNT(*) FROM import_batch WHERE imported_by = 'writer'").fetchone()[0]
            assert seen_before <= batches <= len(written)
            assert conn.execute("SELECT COUNT(*) FROM task").fetchone()[0] == 12
            assert conn.execute("SELECT COUNT(*) FROM task_event").fetchone()[0] == 24
            assert {r[0] for r in conn.execute("SELECT name FROM app_user")} == {"tester", "lan", "vy"}
        finally:
            conn.close()


def test_backup_refuses_to_overwrite_and_a_missing_database(make_db, tmp_path: Path) -> None:
    url = make_db("sqlite")
    target = tmp_path / "b.db"
    target.write_bytes(b"keep me")
    with pytest.raises(InputError) as exists:
        backup(url, target)
    assert "--force" in error_text(exists.value, "en")
    assert target.read_bytes() == b"keep me"
    assert backup(url, target, overwrite=True) == target.resolve()
    with pytest.raises(InputError):
        backup(f"sqlite:///{tmp_path / 'nothing-here.db'}", tmp_path / "c.db")
    assert not (tmp_path / "nothing-here.db").exists() and not (tmp_path / "c.db").exists()


def test_restore_brings_the_backup_back_and_keeps_the_previous_database(make_db, tmp_path: Path) -> None:
    url = make_db("sqlite")
    _populated(url)
    saved = backup(url, tmp_path / "saved.db")
    before = _counts(url)
    ctx = _context(url)
    add_user(ctx, "hoa", "viewer")
    with ctx.sessions.begin() as session:
        session.execute(Task.__table__.update().values(progress=99))
    ctx.close()

    result = restore(url, saved)

    assert _counts(url) == before
    ctx = _context(url)
    try:
        assert {u.name for u in list_users(ctx)} == {"tester", "lan", "vy"}
        with ctx.sessions.begin() as session:
            assert 99 not in session.scalars(select(Task.progress)).all()
        add_user(ctx, "hoa", "viewer")  # the restored database takes writes
    finally:
        ctx.close()
    assert result.kept is not None and result.kept.exists()
    kept = sqlite3.connect(result.kept)
    try:
        assert kept.execute("SELECT COUNT(*) FROM app_user WHERE name = 'hoa'").fetchone() == (1,)
        assert kept.execute("SELECT MIN(progress) FROM task").fetchone() == (99,)
    finally:
        kept.close()
    second = restore(url, saved)  # a second restore keeps a second copy, never overwrites one
    assert second.kept != result.kept and result.kept.exists()
    fresh = f"sqlite:///{tmp_path / 'new-machine' / 'tracker.db'}"  # restoring onto a new computer
    assert restore(fresh, saved).kept is None
    assert _counts(fresh) == before


def test_restore_refuses_what_is_not_a_tracker_database(make_db, tmp_path: Path) -> None:
    url = make_db("sqlite")
    _populated(url)
    current = sqlite_path(url)
    assert current is not None
    checkpoint = sqlite3.connect(current)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    original = current.read_bytes()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("không phải cơ sở dữ liệu\n" * 100, encoding="utf-8")
    other_db = tmp_path / "other.db"
    conn = sqlite3.connect(other_db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    truncated = tmp_path / "truncated.db"
    saved = backup(url, tmp_path / "saved.db")
    truncated.write_bytes(saved.read_bytes()[: len(saved.read_bytes()) // 2])
    for bad in (text_file, other_db, truncated):
        with pytest.raises(InputError) as refused:
            restore(url, bad)
        assert refused.value.code == "transfer.restore_not_tracker", bad
        assert str(bad) in error_text(refused.value, "vi")
    with pytest.raises(InputError):
        restore(url, tmp_path / "missing.db")
    assert current.read_bytes() == original
    assert not list(tmp_path.glob("*.before-restore*"))


# ---------------------------------------------------------------- PostgreSQL dump and restore


@requires_pg_tools
def test_postgres_dump_and_restore_round_trip(make_db, tmp_path: Path) -> None:
    url = make_db("postgres")
    _populated(url)
    before = _counts(url)
    dump = backup(url, tmp_path / "office.dump")
    assert dump.read_bytes()[:5] == b"PGDMP"
    ctx = _context(url)
    add_user(ctx, "hoa", "viewer")
    with ctx.sessions.begin() as session:
        session.execute(Task.__table__.update().values(progress=99))
    ctx.close()

    restore(url, dump)

    assert _counts(url) == before
    ctx = _context(url)
    try:
        assert {u.name for u in list_users(ctx)} == {"tester", "lan", "vy"}
        with ctx.sessions.begin() as session:
            assert 99 not in session.scalars(select(Task.progress)).all()
        add_user(ctx, "hoa", "viewer")  # sequences restored too: a new row gets a fresh id
    finally:
        ctx.close()
    with pytest.raises(InputError):
        restore(url, tmp_path / "missing.dump")
    not_a_dump = tmp_path / "x.dump"
    not_a_dump.write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(InputError):
        restore(url, not_a_dump)


def test_pg_dump_missing_gives_a_clear_message(make_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on this PATH
    with pytest.raises(DatabaseError) as missing:
        backup("postgresql+psycopg://nobody@127.0.0.1:1/none", tmp_path / "x.dump")
    assert "pg_dump" in error_text(missing.value, "en") and "postgresql-client" in error_text(missing.value, "en")
    assert not (tmp_path / "x.dump").exists()


# ---------------------------------------------------------------- JSON export and import


@pytest.mark.parametrize(("source", "target"), [("sqlite", "postgres"), ("postgres", "sqlite")])
def test_move_between_backends_gives_identical_exports(make_db, tmp_path: Path, source: str, target: str) -> None:
    source_url, target_url = make_db(source), make_db(target)
    _populated(source_url)
    first = export_json(source_url, tmp_path / "first.json")
    counts = _counts(source_url)
    assert first.rows == sum(counts.values())
    assert counts == {"import_batch": 1, "directive": 3, "item": 15, "body": 4, "body_alias": 2, "body_group_member": 1,
                      "app_user": 3, "user_body": 2, "task": 12, "task_event": 24, "occurrence": 3}

    imported = import_json(target_url, first.path)
    second = export_json(target_url, tmp_path / "second.json")

    assert imported.rows == first.rows and second.rows == first.rows
    assert first.path.read_bytes() == second.path.read_bytes()
    document = json.loads(first.path.read_text(encoding="utf-8"))
    assert document["format"] == "tracker-export" and document["version"] == 1
    assert {"directive", "item", "body", "body_alias", "body_group_member", "app_user", "user_body", "task",
            "task_event", "occurrence", "import_batch"} <= set(document["tables"])
    assert any(d["subject"].startswith("Về việc tăng cường") for d in document["tables"]["directive"])
    assert _counts(target_url) == _counts(source_url)
    # the moved database works: permissions, new rows after the imported ids
    ctx = _context(target_url, user="tester")
    try:
        add_user(ctx, "hoa", "viewer")
        with ctx.sessions.begin() as session:
            event = TaskEvent(task_id=1, at=datetime(2021, 7, 26, 10, 0), on_date=date(2021, 7, 26),  # noqa: DTZ001
                              by_user="tester", kind="note", note="sau khi chuyển")
            session.add(event)
            session.flush()
            assert event.id == len(document["tables"]["task_event"]) + 1
            assert session.scalar(select(func.max(User.id))) == len(document["tables"]["app_user"]) + 1
    finally:
        ctx.close()


def test_import_refuses_a_database_that_holds_data(db_url: str, make_db, tmp_path: Path) -> None:
    source = make_db("sqlite")
    _populated(source)
    exported = export_json(source, tmp_path / "office.json")
    ctx = _context(db_url)
    add_user(ctx, "chi", "office")
    ctx.close()
    before = _counts(db_url)
    with pytest.raises(InputError) as refused:
        import_json(db_url, exported.path)
    assert refused.value.code == "transfer.import_not_empty"
    assert "app_user" in error_text(refused.value, "en")
    assert _counts(db_url) == before


def test_import_refuses_bad_documents_and_changes_nothing(db_url: str, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    export_json(db_url, good)  # an empty database exports fine
    document = json.loads(good.read_text(encoding="utf-8"))
    cases = {
        "not_json": ("{ this is not json", "transfer.import_bad_file"),
        "wrong_format": (json.dumps({"format": "other", "version": 1, "tables": {}}), "transfer.import_bad_file"),
        "newer": (json.dumps({**document, "version": 99}), "transfer.import_newer"),
        "unknown_table": (json.dumps({**document, "tables": {"secrets": []}}), "transfer.import_bad_file"),
        "unknown_column": (json.dumps({**document, "tables": {"app_user": [
            {"id": 1, "name": "x", "role": "office", "active": True, "created_at": "2021-07-26T00:00:00",
             "password": "x"}]}}), "transfer.import_unknown_column"),
        "bad_date": (json.dumps({**document, "tables": {"app_user": [
            {"id": 1, "name": "x", "role": "office", "active": True, "created_at": "31/02/2021"}]}}),
            "transfer.import_bad_file"),
        # a task pointing at an item that is not there: the whole import is rolled back
        "dangling": (json.dumps({**document, "tables": {
            "app_user": [{"id": 1, "name": "x", "role": "office", "active": True,
                          "created_at": "2021-07-26T00:00:00"}],
            "task_event": [{"id": 1, "task_id": 7, "at": "2021-07-26T00:00:00", "on_date": "2021-07-26",
                            "by_user": "x", "kind": "note"}]}}), "transfer.import_failed"),
    }
    for name, (content, code) in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InputError) as refused:
            import_json(db_url, path)
        assert refused.value.code == code, name
        assert _counts(db_url) == dict.fromkeys(_counts(db_url), 0), name
    assert import_json(db_url, good).rows == 0


def test_move_of_an_office_built_by_the_real_services(make_db, tmp_path: Path) -> None:
    """sample_docs through the real importer, real task actions by several users, then the move
    SQLite -> PostgreSQL gives the identical export and the identical weekly report."""
    try:
        from tracker.ingest import read_file  # noqa: F401
    except ImportError:
        pytest.skip("the reader of documents (tracker.ingest.read_file) has not landed")
    from tracker.services import tasks
    from tracker.services.importing import import_paths

    source_url, target_url = make_db("sqlite"), make_db("postgres")
    ctx = _context(source_url)
    try:
        report = import_paths(ctx, [Path(__file__).parents[2] / "sample_docs"])
        assert report.ok and report.directives_new > 0
        with ctx.sessions.begin() as session:
            task_ids = session.scalars(select(Task.id).order_by(Task.id).limit(4)).all()
            # an extension needs a deadline to move: the first task that has one
            with_deadline = session.scalars(select(Task.id).where(Task.current_deadline.is_not(None))
                                            .order_by(Task.id).limit(1)).one()
        assert len(task_ids) == 4
        tasks.progress(as_user(ctx, "lan"), task_ids[0], 40, "Đang triển khai")
        tasks.report_done(as_user(ctx, "lan"), task_ids[1])
        tasks.confirm(ctx, task_ids[1])
        tasks.request_extension(as_user(ctx, "lan"), with_deadline, date(2022, 1, 31), "Chờ kinh phí")
        tasks.add_note(ctx, task_ids[3], "Đôn đốc qua điện thoại")
        add_user(ctx, "chi", "office")
    finally:
        ctx.close()
    first = export_json(source_url, tmp_path / "first.json")
    import_json(target_url, first.path)
    second = export_json(target_url, tmp_path / "second.json")
    assert first.path.read_bytes() == second.path.read_bytes()
    assert _counts(target_url) == _counts(source_url)
    # the office's weekly report is the same on the new database, figure for figure
    from datetime import datetime

    from tracker.services.reporting import build_report

    produced = datetime(2021, 7, 26, 16, 0)
    reports = []
    for url in (source_url, target_url):
        ctx = _context(url)
        try:
            reports.append(build_report(ctx, produced_at=produced))
        finally:
            ctx.close()
    assert reports[0] == reports[1]
    assert reports[0].overall.total == _counts(source_url)["task"]
