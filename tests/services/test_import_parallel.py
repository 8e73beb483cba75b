"""The import with its extraction in worker processes stores exactly what the serial import stores
(same rows, same ids, same report and progress), on SQLite and PostgreSQL; a worker that dies does
not lose a file; a killed import leaves no worker behind; each chunk of files is written with one
bulk INSERT per table and the values read back as the ORM writes them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, select
from sqlalchemy.pool import NullPool

from tracker.db.models import Body, Directive, ImportBatch, Item, Task, TaskEvent
from tracker.domain.status import replay
from tracker.services.context import open_context
from tracker.services.import_workers import PARALLEL_MIN_FILES, worker_count
from tracker.services.importing import extract_file, import_paths
from tracker.services.tasks import facts_of, search_text_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_docs"
GENERATED = 24
TIME_COLUMNS = {"imported_at", "created_at", "updated_at", "at"}


def _parser_ready() -> bool:
    try:
        import tracker.ingest  # noqa: F401
        import tracker.parsing.extract  # noqa: F401
    except ImportError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _parser_ready(), reason="the parser has not landed yet")


def _generated(folder: Path, count: int, seed: int) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.corpus import generate_documents

    for document in generate_documents(count, seed=seed):
        (folder / document.name).write_text(document.text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated directives, the samples, a copy of a generated file under another name, and files
    that fail (empty, binary, no directive)."""
    folder = tmp_path_factory.mktemp("parallel-corpus")
    _generated(folder, GENERATED, seed=77)
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copyfile(sample, folder / f"s_{sample.name}")
    shutil.copyfile(folder / "vb_000003.txt", folder / "vb_000003_copy.txt")
    (folder / "x_empty.txt").write_text("", encoding="utf-8")
    (folder / "x_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "x_prose.txt").write_text("Hôm nay trời đẹp.\nKhông có gì để làm.\n", encoding="utf-8")
    return folder


@pytest.fixture
def second_url(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """Another fresh database on the same backend as ``db_url``."""
    if db_url.startswith("sqlite"):
        from tracker.config import sqlite_url

        target = tmp_path / "second.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        yield sqlite_url(target)
        return
    databases = request.getfixturevalue("pg_databases")
    name, url = databases.fresh(migrated=True)
    yield url
    databases.drop(name)


def _import(url: str, settings_for: Any, folder: Path, **options: Any) -> tuple[list[Any], list[Any]]:
    """Import ``folder`` into ``url``; the report and the progress calls, as comparable values."""
    ctx = open_context(settings_for(url))
    progress: list[tuple[Any, ...]] = []
    try:
        report = import_paths(ctx, [folder], on_progress=lambda done, total, outcome: progress.append(
            (done, total, outcome.path, outcome.status)), **options)
    finally:
        ctx.close()
    files = [(f.path, f.status, f.message("vi"), f.message("en"), f.new_bodies, f.issues,
              [(d.number, d.status, d.directive_id, d.items, d.tasks) for d in f.documents])
             for f in report.files]
    return [files, report.tasks, report.items, report.directives_new, report.new_bodies], progress


def _content(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the import writes, in id order, timestamps left out (they are the clock's)."""
    engine = create_engine(url, poolclass=NullPool)
    out: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with engine.connect() as conn:
            for model in (ImportBatch, Directive, Item, Task, TaskEvent, Body):
                table: Any = model.__table__
                columns = [c for c in table.columns if c.name not in TIME_COLUMNS]
                out[table.name] = [tuple(row) for row in conn.execute(select(*columns).order_by(table.c.id))]
    finally:
        engine.dispose()
    return out


def test_worker_count() -> None:
    assert worker_count(PARALLEL_MIN_FILES - 1, None) == 0  # a small import stays in one process
    assert worker_count(500, 3) == 3 and worker_count(2, 8) == 2 and worker_count(500, 0) == 0
    assert worker_count(500, None) in (0, *range(2, (os.cpu_count() or 1) + 1))


def test_no_fork_from_a_process_running_other_threads() -> None:
    """The terminal UI imports from a worker thread: forking there would copy locks other threads
    hold, so the import stays in one process (the CLI, single-threaded, may fork)."""
    import threading

    seen: list[int] = []
    started, release = threading.Event(), threading.Event()
    other = threading.Thread(target=lambda: (started.set(), release.wait(5)))
    other.start()
    started.wait(5)
    try:
        seen.append(worker_count(500, None))
    finally:
        release.set()
        other.join()
    assert seen == [0]
    assert worker_count(500, 2) == 2  # asked for explicitly, the caller knows


def test_parallel_import_stores_what_the_serial_import_stores(db_url: str, second_url: str, corpus: Path,
                                                              settings_for: Any) -> None:
    serial = _import(second_url, settings_for, corpus, workers=0)
    parallel = _import(db_url, settings_for, corpus, workers=2)
    assert parallel == serial
    files = serial[0][0]
    statuses = [status for _, status, *_ in files]
    assert statuses.count("failed") == 3 and statuses.count("imported") >= GENERATED
    assert "already_imported" in statuses  # the copy under another name
    stored = _content(db_url)
    assert stored == _content(second_url)
    assert len(stored["directive"]) == serial[0][3] and len(stored["task"]) == serial[0][1] > 100
    assert len(stored["task_event"]) == len(stored["task"])

    again = _import(db_url, settings_for, corpus, workers=2)  # everything is there already
    assert {status for _, status, *_ in again[0][0]} == {"already_imported", "failed"}
    assert _content(db_url) == stored


class DiesInWorker:
    """An extractor that kills the worker process it runs in when it meets ``victim`` (as a crash
    in a document library would); in the importing process it extracts normally."""

    def __init__(self, victim: str) -> None:
        self.parent = os.getpid()
        self.victim = victim

    def __call__(self, path: Path) -> Any:
        if path.name == self.victim and os.getpid() != self.parent:
            os._exit(3)
        return extract_file(path)


def test_a_worker_that_dies_loses_no_file(db_url: str, second_url: str, corpus: Path, settings_for: Any) -> None:
    serial = _import(second_url, settings_for, corpus, workers=0)
    parallel = _import(db_url, settings_for, corpus, workers=2, extractor=DiesInWorker("vb_000005.txt"))
    assert parallel == serial
    assert _content(db_url) == _content(second_url)


def test_bulk_writes_one_insert_per_table_per_chunk_and_values_read_back(
        db_url: str, corpus: Path, settings_for: Any) -> None:
    ctx = open_context(settings_for(db_url))
    inserts: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            inserts.append(statement.split("(")[0].split()[-1].strip('"'))

    event.listen(ctx.engine, "before_cursor_execute", count)
    try:
        report = import_paths(ctx, [corpus], workers=2)
        with ctx.sessions() as session:
            tasks = session.scalars(select(Task).order_by(Task.id)).all()
            assert len(tasks) == report.tasks
            for task in tasks:
                events = session.scalars(select(TaskEvent).where(TaskEvent.task_id == task.id)).all()
                assert [e.kind for e in events] == ["created"] and events[0].new["source"] == "import"
                assert replay(events) == facts_of(task)
                assert task.search_text == search_text_for(task.item.directive.number, task.item.ref, task.body.name,
                                                           task.item.text)
                assert task.item.is_leaf is True and task.active is True
            directives = session.scalars(select(Directive).order_by(Directive.id)).all()
            assert all(isinstance(d.recipients, list) and isinstance(d.cited, list) for d in directives)
            assert all(isinstance(d.imported_at, datetime) for d in directives)
            dated = [d for d in directives if d.issue_date is not None]
            assert len(dated) >= GENERATED and all(type(d.issue_date) is date for d in dated)
        if db_url.startswith("sqlite"):  # the JSON text written directly is what json.dumps writes
            with ctx.engine.connect() as conn:
                texts = [row[0] for row in conn.exec_driver_sql("SELECT new FROM task_event")]
            assert texts and all(text == json.dumps(json.loads(text)) for text in texts)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", count)
        ctx.close()
    # the corpus fits one chunk: one statement per table (new bodies of the directory go one by one)
    assert {table: inserts.count(table) for table in ("import_batch", "directive", "item", "task", "task_event")} \
        == dict.fromkeys(("import_batch", "directive", "item", "task", "task_event"), 1)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_import_leaves_no_worker_behind(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _generated(folder, 300, seed=5)
    env = {key: value for key, value in os.environ.items() if not key.startswith("TRACKER_")}
    env.update({"TRACKER_DB_URL": f"sqlite:///{tmp_path / 'killed.db'}", "TRACKER_USER": "tester",
                "TRACKER_CONFIG": str(tmp_path / "none.toml")})
    tracker = str(Path(sys.executable).with_name("tracker"))
    process = subprocess.Popen([tracker, "import", "--quiet", str(folder)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None and len(workers) < 2:
            workers = _children(process.pid)
            time.sleep(0.02)
        if len(workers) < 2:
            pytest.skip("the import ran without two workers (one CPU?)")
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)  # the workers held its output too: they are gone
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
