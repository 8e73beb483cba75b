"""Benchmark of the terminal UI's task table (a script, not a test).

Builds N tasks (100,000 by default) behind the UI's backend seam, runs the real app under
``App.run_test()`` and measures:

* time to first paint of the task table (app start -> first rows drawn),
* keystroke-to-update latency of the search box (median and worst of 20 keystrokes),
* peak memory of the process (ru_maxrss; the database, when it must be built, is built in a
  child process first, so the figure is the app's own).

Targets (issue 5): < 1 s, < 100 ms, < 250 MB.

    python bench/tui_bench.py                   # real services on a temporary SQLite file
    python bench/tui_bench.py --backend memory  # the in-memory test double
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEYS = list("so y te") + ["backspace"] * 7 + list("uy ban") + ["backspace"]  # 20 keystrokes
KEYS = [k if k != " " else "space" for k in KEYS][:20]


async def measure(app: Any, table_ready_timeout: float = 30.0) -> dict[str, float]:
    from tracker.tui.widgets.task_table import TaskTable

    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(TaskTable)
        while table.painted_generation < 1 or table.loaded_generation < 1:
            await asyncio.sleep(0.001)
            if time.perf_counter() - started > table_ready_timeout:
                raise RuntimeError("the task table never painted")
        first_paint = table.painted_at - started
        while not table.counted:  # the total comes in its own worker after the first page
            await asyncio.sleep(0.001)
        total = table.total
        while any(w.is_running and w.group.startswith("backend:") for w in app.workers):  # filter lists read
            await asyncio.sleep(0.01)
        await pilot.pause(0.2)
        app.query_one("#task-search").focus()
        del table.fetch_times[:]
        await pilot.pause()
        latencies = []
        counted_after = []  # keystroke -> the total of the new search known (shown as "Dòng 1-38 / N")
        for key in KEYS:
            generation = table.generation
            pressed = time.perf_counter()
            await pilot.press(key)
            while table.generation == generation or table.painted_generation != table.generation:
                await asyncio.sleep(0.001)
                if time.perf_counter() - pressed > 10:
                    raise RuntimeError(f"no update after {key!r}")
            latencies.append(table.painted_at - pressed)
            while not table.counted and table.generation == generation + 1:
                await asyncio.sleep(0.001)
            counted_after.append(table.counted_at - pressed)
        found = table.total
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    fetch_ms = sorted(t * 1000 for t in table.fetch_times)
    return {"fetch_median_ms": statistics.median(fetch_ms) if fetch_ms else 0.0, "tasks": total, "first_paint_s": first_paint, "search_median_ms": statistics.median(latencies) * 1000,
            "search_worst_ms": max(latencies) * 1000, "peak_mb": peak_mb, "last_search_found": found,
            "counted_median_ms": statistics.median(counted_after) * 1000}


def memory_app(count: int) -> Any:
    sys.path.insert(0, str(ROOT / "tests" / "tui"))
    from conftest import FakeSettings  # type: ignore[import-not-found]
    from memory_backend import MemoryBackend  # type: ignore[import-not-found]

    from tracker.tui.app import TrackerApp

    return TrackerApp(FakeSettings(), MemoryBackend(count), initial="tasks"), None


def build_database(db_path: Path, count: int) -> tuple[Any, Any, Any]:
    """A SQLite file with ``count`` tasks stored through the real import service (directives of
    25 items, one lead body each, deadlines around today), unless the file already has them."""
    import hashlib
    import random
    from datetime import date, timedelta

    from bench.corpus import ACTIONS, BODIES
    from tracker.config import Settings
    from tracker.db.engine import make_engine, make_session_factory
    from tracker.db.models import Base
    from tracker.domain.enums import DocumentType, TaskRole
    from tracker.domain.parsed import (
        DeadlineHint,
        ExtractionResult,
        ParsedDocument,
        ParsedItem,
        ResponsibleBody,
        SourceText,
    )
    from tracker.services.context import ServiceContext
    from tracker.services.importing import import_paths
    from tracker.services.queries import list_tasks
    from tracker.tui.services_backend import ServicesBackend

    today = date(2021, 7, 20)
    db_url = f"sqlite:///{db_path}"
    engine = make_engine(db_url)
    Base.metadata.create_all(engine)
    settings = Settings(db_url=db_url, today=today, user="bench", lang="vi", today_is_fixed=True)
    context = ServiceContext(settings=settings, engine=engine, sessions=make_session_factory(engine))
    items_per_directive, directives_per_file = 25, 10
    if list_tasks(context).total < count:
        folder = db_path.parent / "files"
        folder.mkdir(exist_ok=True)
        files = []
        for index in range(count // (items_per_directive * directives_per_file)):
            path = folder / f"f{index:05d}.txt"
            path.write_text(str(index), encoding="utf-8")
            files.append(path)
        bodies = [b.replace("{P}", "Tây Ninh") for b in BODIES]

        def extractor(path: Path) -> ExtractionResult:
            file_index = int(path.read_text(encoding="utf-8"))
            rng = random.Random(file_index)
            documents = []
            for d in range(directives_per_file):
                number = f"{file_index * directives_per_file + d + 1}-CV/TU"
                issued = today - timedelta(days=rng.randint(5, 200))
                items = []
                lines = [f"Số {number}"]
                for i in range(items_per_directive):
                    body = rng.choice(bodies)
                    text = f"{body} chủ trì {rng.choice(ACTIONS)}."
                    lines.append(f"{i + 1}. {text}")
                    due = issued + timedelta(days=rng.randint(7, 240)) if rng.random() > 0.1 else None
                    hint = DeadlineHint(f"trước ngày {due:%d/%m/%Y}" if due else None, due, None, None, None)
                    items.append(ParsedItem(str(i + 1), text, (ResponsibleBody(body, TaskRole.LEAD, body, True),),
                                            hint, len(lines), len(lines)))
                documents.append(ParsedDocument(
                    number=number, issuer="Tỉnh ủy Tây Ninh", doc_type=DocumentType.CONG_VAN, place="Tây Ninh",
                    issue_date=issued, subject="V/v triển khai nhiệm vụ", signer="Nguyễn Văn A",
                    signing_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", monitor="Văn phòng Tỉnh ủy",
                    recipients=(), cited=(), items=tuple(items), headings=(), text="\n".join(lines),
                    line_offset=0))
            raw = "\n".join(doc.text for doc in documents).encode()
            source = SourceText(path.name, raw.decode(), "utf-8", hashlib.sha256(raw).hexdigest())
            return ExtractionResult(source, tuple(documents), ())

        report = import_paths(context, files, extractor=extractor)
        if not report.ok:
            raise RuntimeError(f"import failed: {[f.message() for f in report.failed][:3]}")
    return settings, context, ServicesBackend(context)


def stored_tasks(db_path: Path) -> int:
    """How many tasks the SQLite file already holds (0 when it is missing or empty)."""
    import sqlite3

    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path) as connection:
            return int(connection.execute("SELECT count(*) FROM task").fetchone()[0])
    except sqlite3.Error:
        return 0


def sqlite_app(count: int, db_path: Path) -> Any:
    from tracker.tui.app import TrackerApp

    settings, context, backend = build_database(db_path, count)
    return TrackerApp(settings, backend, initial="tasks"), context


def run(tasks: int = 100_000, db: Path | None = None, backend: str = "sqlite") -> dict[str, Any]:
    """Build (or reuse) the database, run the app once under the pilot; the figures as a dict
    (first_paint_s, search_median_ms, search_worst_ms, fetch_median_ms, peak_mb, tasks, build_s).
    bench/run_all.py calls this in a fresh process per run, so peak memory is the app's own."""
    build_started = time.perf_counter()
    context = None
    if backend == "memory":
        app, context = memory_app(tasks)
    else:
        db_path = db or Path(tempfile.mkdtemp(prefix="tracker-tui-bench-")) / "bench.db"
        if stored_tasks(db_path) < tasks:  # built in another process: the app's memory is its own
            import subprocess

            subprocess.run([sys.executable, __file__, "--build-only", "--tasks", str(tasks), "--db", str(db_path)],
                           check=True)
        app, context = sqlite_app(tasks, db_path)
    build_s = time.perf_counter() - build_started
    try:
        figures = asyncio.run(measure(app))
    finally:
        if context is not None:
            context.close()
    return {**figures, "build_s": build_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "memory"], default="sqlite")
    parser.add_argument("--db", type=Path, help="reuse (or create) this SQLite file")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    parser.add_argument("--build-only", action="store_true", help="only build the SQLite file (--db)")
    args = parser.parse_args()
    if args.build_only:
        if args.db is None:
            parser.error("--build-only needs --db")
        build_database(args.db, args.tasks)[1].close()
        return

    figures = run(args.tasks, args.db, args.backend)
    build_s = figures["build_s"]
    if args.json:
        import json

        print(json.dumps(figures))
        return
    print(f"backend: {args.backend}; tasks in the table: {figures['tasks']:,} (built in {build_s:.1f} s)")
    print(f"time to first paint of the task table: {figures['first_paint_s'] * 1000:.0f} ms  (target < 1000 ms)")
    print(f"search keystroke -> table updated, 20 keys: median {figures['search_median_ms']:.1f} ms, "
          f"worst {figures['search_worst_ms']:.1f} ms  (target < 100 ms)")
    print(f"  of which the backend's list_tasks (the page; the total is counted after it): "
          f"median {figures['fetch_median_ms']:.1f} ms")
    print(f"  keystroke -> total of the new search counted and shown: median {figures['counted_median_ms']:.1f} ms")
    print(f"peak memory (ru_maxrss, whole process): {figures['peak_mb']:.0f} MB  (target < 250 MB)")


if __name__ == "__main__":
    main()
