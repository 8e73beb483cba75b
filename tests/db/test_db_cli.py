"""``tracker db upgrade|current`` and the command list of ``tracker --help`` in both languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from db_helpers import execute, file_digest, siblings, sqlite_file

from tracker.cli import _available_commands, main
from tracker.config import sqlite_url
from tracker.db.migrate import current_revision, head_revision
from tracker.i18n import set_language

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Iterator[RunCli]:
    """Run ``tracker ARGS`` in this process with a clean environment; (exit code, stdout, stderr)."""
    import os

    for key in list(os.environ):
        if key.startswith("TRACKER_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "no-config.toml"))

    def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:
            for key in env or {}:
                monkeypatch.delenv(key)
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    set_language("vi")


def test_upgrade_creates_the_database_then_finds_it_up_to_date(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "office" / "tracker.db"

    code, out, _ = run_cli("db", "upgrade", "--db", str(path))
    assert code == 0
    assert f"Đã tạo cơ sở dữ liệu {sqlite_url(path)} ở phiên bản lược đồ {head_revision()}." in out
    assert current_revision(sqlite_url(path)) == head_revision()

    code, out, _ = run_cli("--lang", "en", "db", "upgrade", "--db", str(path))
    assert code == 0
    assert f"is already at the latest revision ({head_revision()})" in out


def test_current_reports_empty_head_and_future(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"

    code, out, _ = run_cli("db", "current", "--db", str(path), "--lang", "en")
    assert (code, out.strip()) == (0, f"(empty: no schema yet; the latest revision is {head_revision()})")
    assert not path.exists()  # looking creates nothing

    run_cli("db", "upgrade", "--db", str(path))
    code, out, _ = run_cli("db", "current", "--db", str(path))
    assert (code, out.strip()) == (0, f"{head_revision()} (mới nhất)")

    execute(sqlite_url(path), "UPDATE alembic_version SET version_num = 'ffff_future'")
    code, out, _ = run_cli("--lang", "en", "db", "current", "--db", str(path))
    assert code == 7
    assert out.startswith("ffff_future (made by a newer tracker")


def test_the_db_flag_wins_over_the_environment(run_cli: RunCli, tmp_path: Path) -> None:
    flagged, from_env = tmp_path / "flag.db", tmp_path / "env.db"

    code, _, _ = run_cli("db", "upgrade", "--db", str(flagged), env={"TRACKER_DB_URL": str(from_env)})
    assert code == 0
    assert flagged.exists() and not from_env.exists()

    code, _, _ = run_cli("db", "upgrade", env={"TRACKER_DB_URL": str(from_env)})
    assert code == 0
    assert from_env.exists()


def test_refusals_exit_7_with_the_message_and_leave_the_file(run_cli: RunCli, tmp_path: Path) -> None:
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("Đây là ghi chú, không phải cơ sở dữ liệu.\n", encoding="utf-8")
    before = notes.read_bytes()

    code, out, err = run_cli("db", "upgrade", "--db", str(notes))
    assert code == 7
    assert out == ""
    assert err.startswith("Lỗi: Tệp ")
    assert "không phải là cơ sở dữ liệu SQLite" in err
    assert "Traceback" not in err

    code, _, err = run_cli("--lang", "en", "db", "current", "--db", str(notes))
    assert code == 7
    assert "is not a tracker SQLite database" in err
    assert notes.read_bytes() == before
    assert siblings(notes) == {"ghi-chu.txt"}


def test_upgrade_refuses_a_database_from_the_future_untouched(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    run_cli("db", "upgrade", "--db", str(path))
    execute(sqlite_url(path), "UPDATE alembic_version SET version_num = 'ffff_future'")
    import sqlite3

    sqlite3.connect(path).close()  # fold the write-ahead log in
    digest = file_digest(sqlite_file(sqlite_url(path)))

    code, _, err = run_cli("--lang", "en", "db", "upgrade", "--db", str(path))

    assert code == 7
    assert "schema revision ffff_future, made by a newer tracker" in err
    assert file_digest(path) == digest


def test_upgrade_on_both_backends(run_cli: RunCli, empty_db_url: str) -> None:
    code, out, _ = run_cli("--lang", "en", "db", "upgrade", "--db", empty_db_url)
    assert code == 0
    assert "Created the database" in out
    code, out, _ = run_cli("--lang", "en", "db", "current", "--db", empty_db_url)
    assert (code, out.strip()) == (0, f"{head_revision()} (head)")


HELP_TEXT = {
    "vi": ("Các lệnh", "Cơ sở dữ liệu: nâng cấp, phiên bản"),
    "en": ("Commands", "The database: upgrade, revision"),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_lists_the_commands_in_each_language(run_cli: RunCli, lang: str) -> None:
    args = ["--help"] if lang == "vi" else ["--lang", "en", "--help"]
    code, out, _ = run_cli(*args)
    section, db_line = HELP_TEXT[lang]
    assert code == 0
    assert f"\n{section}:" in out
    assert db_line in out
    listed = {line.split()[0] for line in out.split(f"\n{section}:", 1)[1].splitlines()
              if line.startswith("  ") and not line.startswith("   ")}
    assert "db" in listed
    assert listed == set(_available_commands())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_db_help_speaks_the_language(run_cli: RunCli, lang: str) -> None:
    code, out, _ = run_cli("--lang", lang, "db", "upgrade", "--help")
    assert code == 0
    expected = {"vi": "Tạo hoặc nâng cấp cơ sở dữ liệu", "en": "Create or upgrade the database"}[lang]
    assert expected in out
