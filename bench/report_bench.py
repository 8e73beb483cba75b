"""Benchmark of the weekly report (issue 6): 100,000 tasks and 500,000 events in a SQLite file,
the report built from the database and written in every format.

    .venv/bin/python -m bench.report_bench [--history years|crowded] [--db PATH] [--tasks 100000]
                                           [--rebuild] [--repeat 3]

The database is built once (bulk inserts straight into SQLite, a consistent history: every
task's current columns are the fold of its events) and kept in ``bench/.report_bench_<history>.db``
for later runs. Two histories of the same size:

* ``years`` (default): an office's years of tasks. The directives arrive evenly from 2018-01-01 to
  today (~540 tasks a week) and each task's events fall in its working life, from its receipt to
  30 days past its deadline (90 days without one); those after today have not happened yet. A
  week then holds ~2,500 events, spread as an office's are.
* ``crowded`` (the history measured until 2026-12-04, kept as a stress case): the same 100,000
  tasks arrive within five months (2021-03-01 to today) and each task's events fall anywhere from
  its receipt to today, so they crowd toward today: the last week holds 74,000 events (15 % of
  all), two thirds of them notes on tasks confirmed long before.

The rest of the run is the same for both. For each period it prints the time to build the ``ReportData`` and, per format, the
time to build it and write the bytes end to end (in-process: the Python start-up and imports of
the ``tracker`` command are not included; they are printed once for the CLI separately).

Periods: the current week (cut-off = today: nothing is replayed), last week (the tasks touched
since are replayed) and a week a month back (most of the history after it is replayed).
Targets: JSON, Markdown and CSV under 1 s; DOCX and XLSX under 5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TODAY = date(2021, 7, 26)
FIRST_DAYS = {"years": date(2018, 1, 1), "crowded": date(2021, 3, 1)}  # the first directive of each history
ITEMS_PER_DIRECTIVE = 50
BODIES = 60
EVENTS_PER_TASK = 5  # created + 4 on average -> 500,000 events for 100,000 tasks
# "years" draws a few more: the ~2 % of its events that would fall after today are left out
LATER_EVENTS = {"years": EVENTS_PER_TASK - 1 + 0.15, "crowded": EVENTS_PER_TASK - 1}
AFTER_DEADLINE_DAYS = 30  # "years": a task's events end this long after its deadline ...
UNDATED_LIFE_DAYS = 90  # ... or this long after its receipt when it has none


def _dt(day: date, hour: int = 8, minute: int = 0) -> str:
    return f"{day.isoformat()} {hour:02d}:{minute:02d}:00.000000"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def default_db(history: str) -> Path:
    return Path(__file__).with_name(f".report_bench_{history}.db")


def _life_days(history: str, created: date, deadline: date | None) -> int:
    """How many days after ``created`` the task's events may fall (see the module's docstring)."""
    if history == "crowded":
        return (TODAY - created).days
    return (deadline - created).days + AFTER_DEADLINE_DAYS if deadline else UNDATED_LIFE_DAYS


def _task_history(rng: random.Random, created: date, deadline: date | None, recurrence: str | None,
                  body_id: int, history: str) -> tuple[dict[str, Any], list[tuple[date, str, int | None, str | None,
                                                                               dict[str, Any]]]]:
    """A plausible life for one task: its final columns and its events after ``created`` up to today."""
    facts: dict[str, Any] = {"state": "not_started", "progress": 0, "original_deadline": _iso(deadline),
                             "current_deadline": _iso(deadline), "completed_on": None, "pending_extension": None,
                             "active": True, "recurrence": recurrence, "urgency": None, "body_id": body_id,
                             "role": "lead"}
    events: list[tuple[date, str, int | None, str | None, dict[str, Any]]] = []
    span = _life_days(history, created, deadline)
    wanted = max(1, min(9, round(rng.gauss(LATER_EVENTS[history], 1.5))))
    days = sorted(created + timedelta(days=rng.randint(0, span)) for _ in range(wanted))
    for day in days:
        if day > TODAY:
            break  # not happened yet
        state = facts["state"]
        if state == "confirmed":
            events.append((day, "note", None, "Đã lưu hồ sơ", {}))
            continue
        if state == "reported_done":
            if rng.random() < 0.85:
                facts["state"] = "confirmed"
                events.append((day, "confirmed", None, None, {"state": "confirmed"}))
            else:
                facts.update(state="in_progress", completed_on=None)
                events.append((day, "returned", None, "Thiếu số liệu",
                               {"state": "in_progress", "completed_on": None, "reason": "Thiếu số liệu"}))
            continue
        roll = rng.random()
        if roll < 0.3:
            percent = min(95, facts["progress"] + rng.choice((10, 20, 30)))
            change = {"state": "in_progress", "progress": percent}
            facts.update(change)
            events.append((day, "progress", percent, f"Đã thực hiện {percent}%", change))
        elif roll < 0.8:
            change = {"state": "reported_done", "progress": 100, "completed_on": day.isoformat()}
            facts.update(change)
            events.append((day, "reported_done", 100, None, change))
        elif roll < 0.9 and facts["current_deadline"] and day.isoformat() < facts["current_deadline"]:
            new = (date.fromisoformat(facts["current_deadline"]) + timedelta(days=14)).isoformat()
            events.append((day, "extended", None, "Đề nghị của đơn vị",
                           {"current_deadline": new, "from": facts["current_deadline"], "to": new,
                            "reason": "Đề nghị của đơn vị"}))
            facts["current_deadline"] = new
        else:
            events.append((day, "note", None, "Đang phối hợp thực hiện", {}))
    return facts, events


def build_database(path: Path, tasks: int, history: str = "years", seed: int = 2021) -> None:
    from tracker.config import sqlite_url
    from tracker.db.migrate import upgrade

    path.unlink(missing_ok=True)
    upgrade(sqlite_url(path))
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    first_day = FIRST_DAYS[history]
    now = _dt(first_day)
    conn.executemany("INSERT INTO body (id, name, name_key, search_key, kind, is_group, active, is_new, created_at)"
                     " VALUES (?, ?, ?, ?, 'government', 0, 1, 0, ?)",
                     [(b, f"Cơ quan số {b}", f"co quan so {b}", f"co quan so {b}", now) for b in range(1, BODIES + 1)])
    directives = -(-tasks // ITEMS_PER_DIRECTIVE)
    span = (TODAY - first_day).days
    directive_rows, item_rows, task_rows, event_rows = [], [], [], []
    task_id = event_id = 0
    for d in range(1, directives + 1):
        issued = first_day + timedelta(days=span * (d - 1) // directives)
        received = min(issued + timedelta(days=1), TODAY)
        directive_rows.append((d, f"{d}-CV/TU", "Tỉnh ủy", "cong_van", _iso(issued), f"V/v nhiệm vụ số {d}",
                               f"{d:064x}", "...", _dt(received), "bench", "[]", "[]"))
        for i in range(1, ITEMS_PER_DIRECTIVE + 1):
            if task_id >= tasks:
                break
            task_id += 1
            item_rows.append((task_id, d, i, str(i), f"Thực hiện nhiệm vụ {i} của văn bản {d}: rà soát, báo cáo"
                              " kết quả về Văn phòng Tỉnh ủy", 1))
            body_id = rng.randint(1, BODIES)
            deadline = None if rng.random() < 0.1 else issued + timedelta(days=rng.randint(7, 75))
            recurrence = "FREQ=WEEKLY;BYDAY=FR" if rng.random() < 0.03 else None
            facts, events = _task_history(rng, received, deadline, recurrence, body_id, history)
            created = {**{k: v for k, v in facts.items()}, "state": "not_started", "progress": 0,
                       "original_deadline": _iso(deadline), "current_deadline": _iso(deadline), "completed_on": None,
                       "source": "import"}
            event_id += 1
            event_rows.append((event_id, task_id, _dt(received), _iso(received), "bench", "created", None, None,
                               None, json.dumps(created)))
            for day, kind, percent, note, new in events:
                event_id += 1
                event_rows.append((event_id, task_id, _dt(day, 10), _iso(day), "bench", kind, percent, note, None,
                                   json.dumps(new) if new else None))
            task_rows.append((task_id, task_id, d, body_id, "lead", facts["original_deadline"],
                              facts["current_deadline"], recurrence, None, facts["state"], facts["progress"],
                              facts["completed_on"], None, 1, f"{d}-cv/tu {i} co quan so {body_id}", 1,
                              _dt(received), _dt(received)))
    conn.executemany("INSERT INTO directive (id, number, issuer, doc_type, issue_date, subject, text_sha256, text,"
                     " imported_at, imported_by, recipients, cited) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", directive_rows)
    conn.executemany("INSERT INTO item (id, directive_id, position, ref, text, is_leaf) VALUES (?,?,?,?,?,?)",
                     item_rows)
    conn.executemany("INSERT INTO task (id, item_id, directive_id, body_id, role, original_deadline,"
                     " current_deadline, recurrence, urgency, state, progress, completed_on, pending_extension,"
                     " active, search_text, version, created_at, updated_at)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", task_rows)
    conn.executemany("INSERT INTO task_event (id, task_id, at, on_date, by_user, kind, percent, note, old, new)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?)", event_rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _timed(func: Any, repeat: int) -> tuple[float, Any, float]:
    """The best wall-clock time of ``repeat`` runs, the last result, and the CPU time of the best
    run (on a shared 2-core machine the wall clock varies by a third; the CPU time much less)."""
    best, result, cpu = float("inf"), None, float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        wall = time.perf_counter() - start
        if wall < best:
            best, cpu = wall, time.process_time() - start_cpu
    return best, result, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--history", choices=sorted(FIRST_DAYS), default="years")
    parser.add_argument("--db", type=Path, help="default: bench/.report_bench_<history>.db")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    args.db = args.db or default_db(args.history)
    if args.rebuild or not args.db.exists():
        start = time.perf_counter()
        build_database(args.db, args.tasks, args.history)
        print(f"built {args.db} in {time.perf_counter() - start:.1f} s")

    from tracker.config import Settings, sqlite_url
    from tracker.reports import export
    from tracker.services.context import open_context
    from tracker.services.reporting import build_report, letterhead_from, week_of

    settings = Settings(db_url=sqlite_url(args.db), today=TODAY, user="bench", today_is_fixed=True)
    ctx = open_context(settings)
    conn = sqlite3.connect(args.db)
    counts = [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("task", "task_event")]
    conn.close()
    print(f"database ({args.history} history): {counts[0]:,} tasks, {counts[1]:,} events; today {TODAY}")
    letterhead = letterhead_from(ctx)
    periods = {"this week (W30, cut-off today)": week_of(TODAY),
               "last week (W29)": week_of(TODAY - timedelta(days=7)),
               "a month back (W26)": week_of(TODAY - timedelta(days=28))}
    for label, period in periods.items():
        seconds, data, cpu = _timed(lambda p=period: build_report(ctx, p), args.repeat)
        print(f"\n{label}: build {seconds:.2f} s (CPU {cpu:.2f} s); {data.overall.total:,} tasks, {len(data.overdue):,} overdue lines,"
              f" {len(data.due_next):,} due next, {data.progress_notes:,} notes, {len(data.completed):,} completed")
        for fmt in ("json", "md", "csv", "xlsx", "docx"):
            def run(p: Any = period, f: str = fmt) -> int:
                return len(export(build_report(ctx, p), f, letterhead=letterhead, lang="vi"))

            seconds, size, cpu = _timed(run, 1 if fmt in ("xlsx", "docx") else args.repeat)
            target = 1.0 if fmt in ("json", "md", "csv") else 5.0
            verdict = "ok" if seconds < target else "SLOW"
            print(f"  {fmt:5s} end to end {seconds:6.2f} s (CPU {cpu:.2f} s)  ({size / 1e6:.1f} MB)  target < {target:.0f} s  {verdict}")
    ctx.close()
    # The command as a clerk runs it: a fresh process (imports, opening the database, cold caches)
    print("\nCLI `tracker report --week W --format F` including start-up (best of the runs):")
    for label, period in periods.items():
        times = []
        for fmt in ("json", "md", "csv"):
            command = [str(Path(sys.executable).with_name("tracker")), "report", "--db", str(args.db), "--today",
                       TODAY.isoformat(), "--week", period.iso_week or "", "--format", fmt]
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                best = min(best, time.perf_counter() - start)
            times.append(f"{fmt} {best:.2f} s")
        print(f"  {label}: {', '.join(times)}")

if __name__ == "__main__":
    main()
