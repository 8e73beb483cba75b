"""tracker's side of the office-scale figures: import of the corpus into a fresh SQLite file, the
weekly report (JSON), the per-body status grid and a filtered task list - each both as the
command a user types (a subprocess: Python start-up and imports included, like ``task``) and as
the service called in a running process (the TUI's case).

In-process figures run in a child process (``python bench/office.py CHILD ...``) so each has its
own memory and a cold start: the first call is reported apart from the median of the warm ones.

    python bench/office.py import-child CORPUS DB TODAY        # one JSON line
    python bench/office.py queries-child DB TODAY BODY RUNS [report,grid,list]   # one JSON line
    python bench/office.py grid-once DB TODAY                  # the grid, as a one-shot command
    python bench/office.py extract-child DOCS RUNS MEMORY_DOCS # extraction on one core
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
TRACKER = str(Path(sys.executable).with_name("tracker"))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return {**env, "TRACKER_USER": "bench", "TRACKER_LANG": "vi"}


def timed_command(command: list[str]) -> float:
    """Wall seconds of one subprocess (its output discarded); raises if it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])}... failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return elapsed


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run([PYTHON, __file__, *args], capture_output=True, text=True, env=_env())
    if done.returncode != 0:
        raise RuntimeError(f"office.py {args[0]} failed: {done.stderr.strip()[-800:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- the commands (subprocesses)


def import_cli(corpus: Path, db: Path, today: date) -> float:
    db.unlink(missing_ok=True)
    return timed_command([TRACKER, "import", "--quiet", "--db", str(db), "--today", today.isoformat(), str(corpus)])


def report_cli(db: Path | str, today: date) -> float:
    return timed_command([TRACKER, "report", "--format", "json", "--db", str(db), "--today", today.isoformat()])


def list_cli(db: Path | str, today: date, body: str) -> float:
    return timed_command([TRACKER, "tasks", "--body", body, "--overdue", "--limit", "0", "--db", str(db),
                          "--today", today.isoformat()])


def grid_cli(db: Path, today: date) -> float:
    """There is no ``tracker grid`` command (the grid is the dashboard's and the report's first
    table): a one-shot process that starts Python, opens the database and builds the dashboard's
    per-body grid costs what such a command would."""
    return timed_command([PYTHON, __file__, "grid-once", str(db), today.isoformat()])


# ---------------------------------------------------------------- in-process (child processes)


def import_in_process(corpus: Path, db: Path, today: date) -> dict[str, Any]:
    db.unlink(missing_ok=True)
    return _child("import-child", str(corpus), str(db), today.isoformat())


def queries_in_process(db: Path | str, today: date, body: str, runs: int,
                       which: str = "report,grid,list") -> dict[str, Any]:
    return _child("queries-child", str(db), today.isoformat(), body, str(runs), which)


def _context(db: Path | str, today: date) -> Any:
    """A service context on a SQLite file (a path) or any database URL."""
    from tracker.config import Settings, sqlite_url
    from tracker.services.context import open_context

    url = str(db) if "://" in str(db) else sqlite_url(Path(db))
    return open_context(Settings(db_url=url, today=today, user="bench", lang="vi", today_is_fixed=True))


def _import_child(corpus: Path, db: Path | str, today: date) -> dict[str, Any]:
    started = time.perf_counter()
    from tracker.services.importing import import_paths

    ctx = _context(db, today)
    ready = time.perf_counter()
    report = import_paths(ctx, [corpus])
    done = time.perf_counter()
    ctx.close()
    return {"seconds": done - started, "setup_s": ready - started, "import_s": done - ready,
            "files": len(report.files), "failed": len(report.failed), "directives": report.directives_new,
            "items": report.items, "tasks": report.tasks, "new_bodies": len(report.new_bodies),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _queries_child(db: Path | str, today: date, body: str, runs: int, which: str) -> dict[str, Any]:
    from tracker.reports import export
    from tracker.services.dashboard import overview
    from tracker.services.dto import TaskQuery
    from tracker.services.queries import list_tasks
    from tracker.services.reporting import build_report, letterhead_from

    ctx = _context(db, today)
    letterhead = letterhead_from(ctx)
    figures: dict[str, Any] = {}

    def measure(name: str, func: Any) -> Any:
        times, result = [], None
        for _ in range(runs + 1):  # the first call is cold
            started = time.perf_counter()
            result = func()
            times.append(time.perf_counter() - started)
        figures[name] = {"cold": times[0], "warm_median": statistics.median(times[1:]), "runs": times}
        return result

    if "report" in which:
        data = measure("report_json", lambda: export(build_report(ctx), "json", letterhead=letterhead, lang="vi"))
        figures["report_bytes"] = len(data)
    if "grid" in which:
        board = measure("grid", lambda: overview(ctx))
        figures["grid_bodies"] = len(board.body_rates)
    if "list" in which:
        page = measure("list", lambda: list_tasks(ctx, TaskQuery(body=body, overdue=True, limit=None)))
        figures["list_rows"] = page.total
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ctx.close()
    return figures


def extract_in_process(docs: int, runs: int, memory_docs: int) -> dict[str, Any]:
    return _child("extract-child", str(docs), str(runs), str(memory_docs))


def _extract_child(docs: int, runs: int, memory_docs: int) -> dict[str, Any]:
    """Extraction alone on one core (bench/extract_bench.py's documents: the corpus with a sample
    directive as every tenth), ``runs`` timed passes after a warm-up; then RSS along
    ``memory_docs`` more documents (memory must stay flat)."""
    import gc

    from bench.corpus import generate_documents
    from bench.extract_bench import _pin_one_core, _rss_mb, _sources
    from tracker.domain.parsed import SourceText
    from tracker.parsing.extract import extract

    pinned = _pin_one_core()
    sources = _sources(docs)
    for source in sources[:50]:
        extract(source)
    gc.collect()
    times, items = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        items = sum(len(d.items) for source in sources for d in extract(source).documents)
        times.append(time.perf_counter() - started)
    rss = []
    marks = {min(1_000, memory_docs), memory_docs}
    for n, doc in enumerate(generate_documents(memory_docs, seed=7), 1):
        extract(SourceText(doc.name, doc.text, "utf-8", ""))
        if n in marks:
            gc.collect()
            rss.append((n, round(_rss_mb(), 1)))
    return {"docs": docs, "items": items, "runs": times, "median_s": statistics.median(times),
            "docs_per_second": docs / statistics.median(times), "rss_mb": rss, "cpu": pinned}


def _grid_once(db: Path, today: date) -> None:
    from tracker.services.dashboard import overview

    ctx = _context(db, today)
    board = overview(ctx)
    print(len(board.body_rates))
    ctx.close()


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "import-child":
        print(json.dumps(_import_child(Path(args[0]), args[1], date.fromisoformat(args[2]))))
    elif command == "queries-child":
        which = args[4] if len(args) > 4 else "report,grid,list"
        print(json.dumps(_queries_child(args[0], date.fromisoformat(args[1]), args[2], int(args[3]), which)))
    elif command == "extract-child":
        print(json.dumps(_extract_child(int(args[0]), int(args[1]), int(args[2]))))
    elif command == "grid-once":
        _grid_once(Path(args[0]), date.fromisoformat(args[1]))
    else:
        raise SystemExit(f"unknown command {command!r}; see the module's docstring")


if __name__ == "__main__":
    main(sys.argv[1:])
