"""Shared database fixtures: every test that touches the database runs on SQLite and PostgreSQL.

* ``pg_server_url`` (session): a throwaway PostgreSQL started from the Debian binaries, stopped at
  the end (finalizer and atexit); ``TRACKER_TEST_PG_URL`` points at an existing server instead.
  Without a server the PostgreSQL cases are skipped with the reason, except under ``CI=true``
  where that is a failure.
* ``db_url`` (params ``sqlite``/``postgres``): a fresh database already at the migration head,
  copied from a template migrated once per session.
* ``empty_db_url`` (same params): an empty database, not migrated.
* ``settings_for(url, **overrides)``: ``Settings`` with today 2021-07-26, user "tester", lang "vi".
* ``ctx``: ``open_context(settings_for(db_url))``, closed afterwards.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

TEST_TODAY = date(2021, 7, 26)
TEST_USER = "tester"
TEST_LANG = "vi"
PG_TEMPLATE = "tracker_template"
PG_EMPTY_TEMPLATE = "tracker_empty_template"
BACKENDS = ["sqlite", "postgres"]


# ---------------------------------------------------------------- settings


def settings_for(db_url: str, **overrides: Any) -> Any:
    """Settings for tests: a fixed today, user "tester", Vietnamese; ``overrides`` replace fields."""
    from tracker.config import Settings

    settings = Settings(db_url=db_url, today=TEST_TODAY, user=TEST_USER, lang=TEST_LANG,
                        today_is_fixed=True)
    return replace(settings, **overrides) if overrides else settings


@pytest.fixture(name="settings_for")
def settings_for_fixture() -> Callable[..., Any]:
    return settings_for


# ---------------------------------------------------------------- a throwaway PostgreSQL


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _no_postgres(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL: {reason}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin_dir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                        key=lambda p: [int(x) if x.isdigit() else 0 for x in p.parent.name.split(".")])
    for directory in reversed(candidates):
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and Path(found).with_name("initdb").exists() else None


class ThrowawayPostgres:
    """initdb + pg_ctl start in a temporary folder; ``stop()`` is idempotent."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        # On tmpfs CREATE DATABASE ... TEMPLATE takes ~15 ms instead of ~300 ms on disk.
        shm = Path("/dev/shm")
        in_memory = shm.is_dir() and os.access(shm, os.W_OK)
        self.root = Path(tempfile.mkdtemp(prefix="tracker-pg-", dir=shm if in_memory else None))
        self.data = self.root / "data"
        self.port = _free_port()
        self.started = False
        self.as_postgres = os.geteuid() == 0
        self.watchdog: subprocess.Popen[bytes] | None = None

    def _command(self, *args: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if self.as_postgres else list(args)

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self._command(*args), capture_output=True, text=True, timeout=timeout,
                              check=False)

    def _start_watchdog(self) -> None:
        """A shell that stops the server and removes its folder once this process is gone, even
        when pytest is killed with SIGKILL (where neither finalizers nor atexit run)."""
        stop = shlex.join(self._command(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                        "stop"))
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                  f"{stop} >/dev/null 2>&1; rm -rf {shlex.quote(str(self.root))}")
        self.watchdog = subprocess.Popen(["sh", "-c", script], start_new_session=True,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)

    def start(self) -> str:
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self.root.chmod(0o700)
        init = self._run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        options = (f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                   "-c dynamic_shared_memory_type=mmap")
        started = self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                            "-w", "-t", "60", "-o", options, "start")
        if started.returncode != 0:
            log = (self.root / "log").read_text(errors="replace")[-2000:] if (self.root / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log}")
        self.started = True
        self._start_watchdog()
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.started:
            self.started = False
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop", timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)
        if self.watchdog is not None:
            self.watchdog.terminate()
            self.watchdog.wait(timeout=5)
            self.watchdog = None


_PG_STATE: dict[str, Any] = {}


def _admin_url() -> str:
    """The admin URL of the test server, starting one on first use (raises RuntimeError)."""
    if "url" in _PG_STATE:
        return str(_PG_STATE["url"])
    if "error" in _PG_STATE:
        raise RuntimeError(_PG_STATE["error"])
    existing = os.environ.get("TRACKER_TEST_PG_URL")
    try:
        if existing:
            url = existing
        else:
            bin_dir = _pg_bin_dir()
            if bin_dir is None:
                raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) found; "
                                   "install postgresql or set TRACKER_TEST_PG_URL")
            server = ThrowawayPostgres(bin_dir)
            atexit.register(server.stop)
            _PG_STATE["server"] = server
            try:
                url = server.start()
            except Exception:
                server.stop()
                raise
        _check_connect(url)
    except Exception as exc:  # any failure becomes the skip (or CI failure) reason
        _PG_STATE["error"] = f"{type(exc).__name__}: {exc}"
        raise RuntimeError(_PG_STATE["error"]) from None
    _PG_STATE["url"] = url
    return url


def _check_connect(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """The admin URL (database ``postgres``) of the test PostgreSQL server."""
    try:
        url = _admin_url()
    except RuntimeError as exc:
        _no_postgres(str(exc))
    yield url
    server = _PG_STATE.pop("server", None)
    if server is not None:
        server.stop()
        _PG_STATE.pop("url", None)


def _database_url(admin_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


class _PgDatabases:
    """Creates test databases from templates on the test server, drops them afterwards.

    Template names are logical ("tracker_template"); the real database carries this process id so
    two test runs sharing one server (``TRACKER_TEST_PG_URL``) never meet."""

    _counter = itertools.count(1)

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine

        self.admin_url = admin_url
        self.engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self.prefix = f"t_{os.getpid()}_"
        self.templates: dict[str, str] = {}

    def execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            conn.execute(text(sql))

    def ensure_template(self, name: str, migrate: bool) -> None:
        """Create the template ``name`` once per session (migrated to head when ``migrate``)."""
        if name in self.templates:
            return
        from tracker.db.migrate import upgrade

        physical = f"{name}_{os.getpid()}"
        self.execute(f"DROP DATABASE IF EXISTS {physical} WITH (FORCE)")
        self.execute(f"CREATE DATABASE {physical}")
        if migrate:
            upgrade(_database_url(self.admin_url, physical))
        self.templates[name] = physical

    def create(self, template: str) -> tuple[str, str]:
        """A new database copied from a template made by ``ensure_template``: (name, URL)."""
        name = f"{self.prefix}{next(self._counter)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE {self.templates[template]}")
        return name, _database_url(self.admin_url, name)

    def fresh(self, migrated: bool = True) -> tuple[str, str]:
        """A new database at head (``migrated``) or empty: (name, URL); ``drop(name)`` afterwards."""
        template = PG_TEMPLATE if migrated else PG_EMPTY_TEMPLATE
        self.ensure_template(template, migrate=migrated)
        return self.create(template)

    def drop(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        for physical in self.templates.values():
            self.drop(physical)
        self.engine.dispose()


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def pg_databases(pg_server_url: str) -> Iterator[_PgDatabases]:
    databases = _PgDatabases(pg_server_url)
    yield databases
    databases.close()


# ---------------------------------------------------------------- SQLite templates


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per session (copied by ``db_url``)."""
    from tracker.config import sqlite_url
    from tracker.db.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "tracker.db"
    upgrade(sqlite_url(path))
    import sqlite3

    conn = sqlite3.connect(path)  # fold the write-ahead log in, so one file is the whole database
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return path


# ---------------------------------------------------------------- the database fixtures


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database at the migration head, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        from tracker.config import sqlite_url

        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "tracker.db"
        shutil.copyfile(template, target)
        yield sqlite_url(target)
        return
    databases: _PgDatabases = request.getfixturevalue("pg_databases")
    name, url = databases.fresh(migrated=True)
    yield url
    databases.drop(name)


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (no tables), for migration tests."""
    if request.param == "sqlite":
        from tracker.config import sqlite_url

        yield sqlite_url(tmp_path / "empty.db")
        return
    databases: _PgDatabases = request.getfixturevalue("pg_databases")
    name, url = databases.fresh(migrated=False)
    yield url
    databases.drop(name)


@pytest.fixture
def settings(db_url: str) -> Any:
    return settings_for(db_url)


@pytest.fixture
def ctx(settings: Any) -> Iterator[Any]:
    """A services context on a fresh database at head (``open_context``), closed afterwards."""
    from tracker.services.context import open_context

    context = open_context(settings)
    yield context
    context.close()

