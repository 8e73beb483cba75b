"""Benchmark of the terminal UI's task table (a script, not a test).

Builds N tasks (100,000 by default) behind the UI's backend seam, runs the real app under
``App.run_test()`` and measures:

* time to first paint of the task table (app start -> first rows drawn),
* keystroke-to-update latency of the search box (median and worst of 20 keystrokes),
* peak memory of the process (ru_maxrss).

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
        total = table.total
        await pilot.pause(0.2)
        app.query_one("#task-search").focus()
        await pilot.pause()
        latencies = []
        for key in KEYS:
            generation = table.generation
            pressed = time.perf_counter()
            await pilot.press(key)
            while table.generation == generation or table.painted_generation != table.generation:
                await asyncio.sleep(0.001)
                if time.perf_counter() - pressed > 10:
                    raise RuntimeError(f"no update after {key!r}")
            latencies.append(table.painted_at - pressed)
        found = table.total
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"tasks": total, "first_paint_s": first_paint, "search_median_ms": statistics.median(latencies) * 1000,
            "search_worst_ms": max(latencies) * 1000, "peak_mb": peak_mb, "last_search_found": found}


def memory_app(count: int) -> Any:
    sys.path.insert(0, str(ROOT / "tests" / "tui"))
    from conftest import FakeSettings  # type: ignore[import-not-found]
    from memory_backend import MemoryBackend  # type: ignore[import-not-found]

    from tracker.tui.app import TrackerApp

    return TrackerApp(FakeSettings(), MemoryBackend(count), initial="tasks"), None


def sqlite_app(count: int, db_path: Path) -> Any:
    from bench.tui_db import build_database  # noqa: PLC0415
    from tracker.tui.app import TrackerApp

    settings, context, backend = build_database(db_path, count)
    return TrackerApp(settings, backend, initial="tasks"), context


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "memory"], default="sqlite")
    parser.add_argument("--db", type=Path, help="reuse (or create) this SQLite file")
    args = parser.parse_args()

    build_started = time.perf_counter()
    context = None
    if args.backend == "memory":
        app, context = memory_app(args.tasks)
    else:
        db_path = args.db or Path(tempfile.mkdtemp(prefix="tracker-tui-bench-")) / "bench.db"
        app, context = sqlite_app(args.tasks, db_path)
    build_s = time.perf_counter() - build_started
    try:
        figures = asyncio.run(measure(app))
    finally:
        if context is not None:
            context.close()
    print(f"backend: {args.backend}; tasks in the table: {figures['tasks']:,} (built in {build_s:.1f} s)")
    print(f"time to first paint of the task table: {figures['first_paint_s'] * 1000:.0f} ms  (target < 1000 ms)")
    print(f"search keystroke -> table updated, 20 keys: median {figures['search_median_ms']:.1f} ms, "
          f"worst {figures['search_worst_ms']:.1f} ms  (target < 100 ms)")
    print(f"peak memory (ru_maxrss, whole process): {figures['peak_mb']:.0f} MB  (target < 250 MB)")


if __name__ == "__main__":
    main()
