"""The command line of users, history and the db transfer commands, on a real SQLite file:
messages in both languages, exit codes, nothing changed by a refusal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from office_db import populate
from sqlalchemy import func, select

from tracker.cli import main
from tracker.cli.db_transfer import db_backup, db_export, db_import, db_restore
from tracker.config import Settings
from tracker.db.engine import make_engine, make_session_factory
from tracker.db.models import Task, User
from tracker.i18n import set_language
from tracker.services import tasks
from tracker.services.context import ServiceContext


@pytest.fixture(autouse=True)
def _vietnamese_afterwards():  # type: ignore[no-untyped-def]
    yield
    set_language("vi")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def office_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A SQLite file created by the CLI itself (migrated), then filled with the test office."""
    path = tmp_path / "office.db"
    code, out, _ = run(capsys, "--db", str(path), "--lang", "en", "users", "list")
    assert code == 0 and "single-user mode" in out
    engine = make_engine(f"sqlite:///{path}")
    with make_session_factory(engine).begin() as session:
        populate(session)
    engine.dispose()
    return path


def _user_rows(path: Path) -> list[tuple[str, str]]:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(User.name, User.role).order_by(User.name))]  # type: ignore[misc]
    finally:
        engine.dispose()


def test_users_add_list_role_and_refusals(office_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", str(office_file))
    code, out, _ = run(capsys, *db, "--user", "tester", "--lang", "en", "users", "add", "lan", "--role", "unit",
                       "--body", "SYT")
    assert code == 0
    assert "tester is recorded as its first office user" in out and "Added user lan (Unit officer)" in out
    assert "lan acts for: Sở Y tế" in out
    code, out, _ = run(capsys, *db, "--user", "tester", "users", "add", "vy", "--role", "viewer")
    assert code == 0 and "Đã thêm người dùng vy (Chỉ xem)" in out
    code, out, _ = run(capsys, *db, "users", "list", "--json")
    assert json.loads(out) == [
        {"name": "lan", "role": "unit", "active": True, "bodies": ["Sở Y tế"]},
        {"name": "tester", "role": "office", "active": True, "bodies": []},
        {"name": "vy", "role": "viewer", "active": True, "bodies": []},
    ]
    code, out, _ = run(capsys, *db, "--lang", "en", "users", "list")
    assert "Unit officer" in out and "Sở Y tế" in out

    before = _user_rows(office_file)
    code, _, err = run(capsys, *db, "--user", "lan", "users", "add", "eve", "--role", "office")
    assert code == 6 and "lan" in err and "không được phép quản lý người dùng" in err
    code, _, err = run(capsys, *db, "--user", "lan", "--lang", "en", "users", "role", "lan", "office")
    assert code == 6 and "may not manage users" in err
    code, _, err = run(capsys, *db, "--user", "tester", "--lang", "en", "users", "add", "eve", "--role", "unit",
                       "--body", "'; DROP TABLE app_user; --")
    assert code == 3 and "No body" in err
    code, _, err = run(capsys, *db, "--user", "tester", "users", "add", "eve", "--role", "boss")
    assert code == 2  # click refuses the choice
    assert _user_rows(office_file) == before

    code, out, _ = run(capsys, *db, "--user", "tester", "--lang", "en", "users", "role", "vy", "unit", "--body",
                       "Sở GD&ĐT")
    assert code == 0 and "vy is now Unit officer" in out
    code, out, _ = run(capsys, *db, "--user", "tester", "--lang", "en", "users", "bind", "vy", "--body", "SYT",
                       "--body", "UBND huyện Hòa Thành")
    assert code == 0 and "Sở Y tế" in out and "UBND huyện Hòa Thành" in out


def test_history_command(office_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{office_file}"
    engine = make_engine(url)
    ctx = ServiceContext(settings=Settings(db_url=url, today=date(2021, 7, 27), user="lan"), engine=engine,
                         sessions=make_session_factory(engine))
    with ctx.sessions.begin() as session:
        task_id = session.scalar(select(func.min(Task.id)))
    assert task_id is not None
    tasks.progress(ctx, task_id, 70, "Đã hoàn thành 70%")
    ctx.close()
    db = ("--db", str(office_file))
    code, out, _ = run(capsys, *db, "history", "--user", "lan", "--from", "2021-07-27", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["task_id"], r["by_user"], r["kind"], r["percent"], r["on_date"]) for r in rows] == [
        (task_id, "lan", "progress", 70, "2021-07-27")]
    code, out, _ = run(capsys, *db, "--lang", "en", "history", "--task", str(task_id))
    assert code == 0 and "lan" in out and "Đã hoàn thành 70%" in out and "230-CV/TU" in out
    code, out, _ = run(capsys, *db, "--lang", "en", "history", "--body", "Sở Du lịch")
    assert code == 3
    code, out, _ = run(capsys, *db, "--lang", "en", "history", "--from", "31/02/2021")
    assert code == 2
    code, out, _ = run(capsys, *db, "--lang", "en", "history", "--user", "nobody")
    assert code == 0 and "No events." in out


def test_db_transfer_commands(office_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", str(office_file), "--lang", "en"]
    backup_path = tmp_path / "copy.db"
    result = runner.invoke(db_backup, [str(backup_path), *db])
    assert result.exit_code == 0, result.output
    assert "Backed up the database" in result.output and backup_path.exists()
    again = runner.invoke(db_backup, [str(backup_path), *db])
    assert again.exit_code != 0 and again.exception is not None  # exists: --force needed
    assert runner.invoke(db_backup, [str(backup_path), "--force", *db]).exit_code == 0

    restored = runner.invoke(db_restore, [str(backup_path), *db])
    assert restored.exit_code == 0, restored.output
    assert "before-restore" in restored.output

    exported = tmp_path / "office.json"
    result = runner.invoke(db_export, [str(exported), *db])
    assert result.exit_code == 0, result.output
    target = tmp_path / "moved.db"
    result = runner.invoke(db_import, [str(exported), "--db", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    second = tmp_path / "second.json"
    assert runner.invoke(db_export, [str(second), "--db", str(target)]).exit_code == 0
    assert json.loads(second.read_text(encoding="utf-8"))["tables"] == \
        json.loads(exported.read_text(encoding="utf-8"))["tables"]
    refused = runner.invoke(db_import, [str(exported), "--db", str(target)])
    assert refused.exit_code != 0  # the target is no longer empty
    missing = runner.invoke(db_export, [str(tmp_path / "x.json"), "--db", str(tmp_path / "absent.db")])
    assert missing.exit_code != 0 and not (tmp_path / "absent.db").exists()
