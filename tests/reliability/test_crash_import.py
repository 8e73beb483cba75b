"""Crash safety: ``tracker import`` of 500 directive files (bench/corpus.py) is killed with SIGKILL
half-way, on SQLite and PostgreSQL. Then the SQLite file passes ``PRAGMA integrity_check`` (and the
foreign key check); each directive is either fully there, exactly as a clean import of the same
files stores it (its items, its tasks with their bodies and roles, one ``created`` event per task,
its file's import record counting them), or absent; and running the import again completes it with
no duplicates: the database then holds what the clean import holds."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_helpers import (  # noqa: E402
    PARSER_MISSING,
    ROOT,
    Cli,
    is_sqlite,
    output,
    parser_ready,
    settings_for,
    sqlite_file,
)

FILES = 500
TABLES = ("directive", "item", "task", "task_event", "import_batch", "body")

pytestmark = [pytest.mark.skipif(not parser_ready(), reason=PARSER_MISSING), pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench.corpus import generate_documents

    folder = tmp_path_factory.mktemp("corpus")
    for document in generate_documents(FILES, seed=4242):
        (folder / document.name).write_text(document.text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a clean, uninterrupted import of the corpus stores (SQLite, in-process)."""
    from tracker.config import sqlite_url
    from tracker.services.context import open_context
    from tracker.services.importing import import_paths

    url = sqlite_url(tmp_path_factory.mktemp("clean") / "clean.db")
    ctx = open_context(settings_for(url, user="clerk"))
    try:
        report = import_paths(ctx, [corpus])
    finally:
        ctx.close()
    assert not report.failed, [f.message() for f in report.failed][:3]
    return {"shapes": shapes(url), "counts": counts(url), "bodies": body_names(url)}


# ---------------------------------------------------------------- what a database holds


def _query(url: str, sql: str) -> list[Any]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql)).all())
    finally:
        engine.dispose()


def shapes(url: str) -> dict[str, tuple[Any, ...]]:
    """Per directive (by the hash of its text): number, issue date, item and leaf counts, the sorted
    (item ref, body, role) of its tasks, and its ``created`` events."""
    items: dict[int, tuple[int, int]] = {row[0]: (int(row[1]), int(row[2])) for row in _query(url, (
        "SELECT directive_id, count(*), sum(CASE WHEN is_leaf THEN 1 ELSE 0 END) FROM item GROUP BY directive_id"))}
    tasks: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for directive_id, ref, body, role in _query(url, (
            "SELECT task.directive_id, item.ref, body.name, task.role FROM task "
            "JOIN item ON item.id = task.item_id JOIN body ON body.id = task.body_id")):
        tasks[directive_id].append((ref, body, role))
    created: dict[int, int] = {row[0]: int(row[1]) for row in _query(url, (
        "SELECT task.directive_id, count(*) FROM task_event JOIN task ON task.id = task_event.task_id "
        "WHERE task_event.kind = 'created' GROUP BY task.directive_id"))}
    out: dict[str, tuple[Any, ...]] = {}
    for directive_id, sha, number, issued in _query(url, "SELECT id, text_sha256, number, issue_date FROM directive"):
        out[sha] = (number, str(issued), items.get(directive_id, (0, 0)), tuple(sorted(tasks[directive_id])),
                    created.get(directive_id, 0))
    return out


def counts(url: str) -> dict[str, int]:
    return {table: int(_query(url, f"SELECT count(*) FROM {table}")[0][0]) for table in TABLES}  # noqa: S608


def body_names(url: str) -> list[str]:
    return sorted(row[0] for row in _query(url, "SELECT name FROM body"))


def batch_mismatches(url: str) -> list[tuple[Any, ...]]:
    """Import records whose directive / task counts differ from the rows stored with them."""
    return [row for row in _query(url, (
        "SELECT b.id, b.directive_count, b.task_count, "
        "(SELECT count(*) FROM directive d WHERE d.import_batch_id = b.id), "
        "(SELECT count(*) FROM task t JOIN directive d ON d.id = t.directive_id WHERE d.import_batch_id = b.id) "
        "FROM import_batch b")) if (row[1], row[2]) != (row[3], row[4])]


def directive_count(url: str) -> int:
    if is_sqlite(url):
        path = sqlite_file(url)
        if not path.exists():
            return 0
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM directive").fetchone()[0])
        except sqlite3.OperationalError:
            return 0
        finally:
            conn.close()
    return int(_query(url, "SELECT count(*) FROM directive")[0][0])


# ---------------------------------------------------------------- the test


def writing(url: str) -> bool:
    """Is a write transaction open right now (another process between its BEGIN and COMMIT)?
    SQLite: the write lock is taken (tracker writes under BEGIN IMMEDIATE); PostgreSQL: a session
    on the database holds a transaction id, i.e. has written rows not yet committed."""
    if is_sqlite(url):
        conn = sqlite3.connect(sqlite_file(url), timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()
    return bool(_query(url, (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"))[0][0])


def _kill_half_way(cli: Cli, corpus: Path) -> bool:
    """Start the import, wait until a first chunk of files is committed, then SIGKILL it, inside
    its next write transaction when that can be caught (returns whether it was)."""
    process = cli.popen("import", "--quiet", str(corpus))
    deadline = time.monotonic() + 240
    in_transaction = False
    try:
        while time.monotonic() < deadline and process.poll() is None and directive_count(cli.db_url) == 0:
            time.sleep(0.02)
        catch_until = time.monotonic() + 10
        while time.monotonic() < catch_until and process.poll() is None:
            if writing(cli.db_url):
                in_transaction = True
                break
            time.sleep(0.002)
        assert process.poll() is None, f"the import ended before it could be killed: {process.communicate()}"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return in_transaction


def test_import_killed_half_way_then_completed(db_url: str, corpus: Path, clean: dict[str, Any],
                                               tmp_path: Path) -> None:
    cli = Cli(db_url, tmp_path)
    in_transaction = _kill_half_way(cli, corpus)

    if is_sqlite(db_url):
        conn = sqlite3.connect(sqlite_file(db_url))
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()

    partial = shapes(db_url)
    print(f"killed inside a write transaction: {in_transaction}; {len(partial)} of {len(clean['shapes'])} "
          f"directives stored ({clean['counts']['task']} tasks in all)")
    assert 0 < len(partial) < len(clean["shapes"]), "the kill did not land half-way"
    for sha, shape in partial.items():  # every directive stored is whole, as a clean import stores it
        assert shape == clean["shapes"].get(sha), shape[0]
    assert batch_mismatches(db_url) == []
    stored = counts(db_url)
    assert stored["task_event"] == stored["task"]

    again = cli.run("import", "--quiet", str(corpus), timeout=600)
    assert again.returncode == 0, output(again)
    assert "Traceback" not in output(again)
    assert shapes(db_url) == clean["shapes"]
    assert counts(db_url) == clean["counts"]
    assert body_names(db_url) == clean["bodies"]
    assert batch_mismatches(db_url) == []
