"""Load benchmark: N officers (processes) on one PostgreSQL database doing a realistic mix for a
fixed time, for N = 1, 4, 16 by default.

Each officer loops over: list a page of tasks (one of the first 20 pages, or the overdue list, or
a search, 45 %), open a task in full (25 %; mostly a row of the page just listed, so officers
looking at the same page meet on the same tasks), record progress on the task opened just
before, against the version it showed (20 %; a stale version is a conflict, counted, not an
error), and produce the dashboard (10 %).
The office is seeded once (bench/corpus.py bodies and phrases, 400 directives, ~6,000 tasks),
copied for each N so every run starts from the same data.

    .venv/bin/python bench/load_bench.py                      # throwaway server, 20 s per N
    .venv/bin/python bench/load_bench.py --officers 1 4 16 --seconds 20
    TRACKER_BENCH_PG_URL=postgresql+psycopg://user@host/postgres .venv/bin/python bench/load_bench.py

Without ``TRACKER_BENCH_PG_URL`` a throwaway server is started from the Debian binaries exactly
as the tests do (``tests/conftest.py``: ``ThrowawayPostgres``, tmpfs, fsync off), so absolute
numbers are those of an unsynchronised server on this machine. The URL must be an administrator
connection (the script creates and drops its databases). Prints a Markdown table on stdout
(progress on stderr); ``--json`` adds one JSON line per N.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2021, 9, 15)
KINDS = ("list", "open", "progress", "dashboard")
WEIGHTS = (45, 25, 20, 10)
SEED_DIRECTIVES = 400
SEARCHES = ["so y te", "tuyen truyen", "kinh phi", "cong an", "bao cao"]


def _settings(url: str, user: str) -> Any:
    from tracker.config import Settings

    return Settings(db_url=url, today=TODAY, user=user, lang="vi", today_is_fixed=True)


# ---------------------------------------------------------------- the database


def seed(url: str, directives: int = SEED_DIRECTIVES, seed_value: int = 7) -> int:
    """Migrate ``url`` and fill it with a realistic office through the task services; returns the
    number of tasks. A fifth of the tasks already have progress, some are reported done."""
    from sqlalchemy import func, select

    from bench.corpus import ACTIONS, BODIES, DEADLINES, PROVINCES
    from tracker.db.models import Body, Directive, Item, Task
    from tracker.domain.text import fold, match_key
    from tracker.services.context import open_context
    from tracker.services.tasks import NewTask, create_tasks

    rng = random.Random(seed_value)
    ctx = open_context(_settings(url, "office"))
    at = datetime(2021, 7, 1, 8, 0)  # noqa: DTZ001 - naive local time, as stored
    try:
        with ctx.sessions.begin() as session:
            bodies = []
            for raw in BODIES:
                name = raw.replace("{P}", PROVINCES[0])
                body = Body(name=name, name_key=match_key(name), search_key=fold(name), kind="government",
                            created_at=at)
                session.add(body)
                bodies.append(body)
            session.flush()
            for number in range(1, directives + 1):
                issued = date(2021, 1, 4) + timedelta(days=rng.randint(0, 240))
                directive = Directive(number=f"{number}-CV/TU", issuer=f"Tỉnh ủy {PROVINCES[0]}",
                                      doc_type="cong_van", issue_date=issued, subject=rng.choice(ACTIONS),
                                      text_sha256=uuid.UUID(int=rng.getrandbits(128)).hex, text="(bench)",
                                      imported_at=at, imported_by="office")
                session.add(directive)
                session.flush()
                specs = []
                for position in range(1, rng.randint(5, 12) + 1):
                    phrase = rng.choice(DEADLINES)
                    item = Item(directive_id=directive.id, position=position, ref=str(position),
                                text=f"{rng.choice(ACTIONS)}{phrase.split(';')[0] if phrase else ''}",
                                is_leaf=True, line_start=position, line_end=position)
                    session.add(item)
                    session.flush()
                    deadline = issued + timedelta(days=rng.randint(7, 150)) if rng.random() < 0.7 else None
                    for body in rng.sample(bodies, rng.randint(1, 2)):
                        specs.append(NewTask(item=item, directive=directive, body=body, deadline=deadline))
                create_tasks(session, specs, on_date=issued, at=at, user="office")
            total = int(session.scalar(select(func.count()).select_from(Task)) or 0)
        _warm_up(ctx, rng, total)
        return total
    finally:
        ctx.close()


def _warm_up(ctx: Any, rng: random.Random, total: int) -> None:
    """Some history: a fifth of the tasks have progress, a few are reported done."""
    from tracker.services import tasks

    for task_id in rng.sample(range(1, total + 1), total // 5):
        tasks.progress(ctx, task_id, rng.randint(10, 90), "cập nhật")
        if rng.random() < 0.2:
            tasks.report_done(ctx, task_id, done_on=TODAY - timedelta(days=rng.randint(0, 30)))


class Server:
    """The PostgreSQL server used: ``TRACKER_BENCH_PG_URL`` or a throwaway one."""

    def __init__(self) -> None:
        self.throwaway: Any = None
        existing = os.environ.get("TRACKER_BENCH_PG_URL")
        if existing:
            self.admin_url = existing
        else:
            from tests.conftest import ThrowawayPostgres, _pg_bin_dir

            bin_dir = _pg_bin_dir()
            if bin_dir is None:
                raise SystemExit("no PostgreSQL binaries found: install postgresql or set TRACKER_BENCH_PG_URL")
            self.throwaway = ThrowawayPostgres(bin_dir)
            self.admin_url = self.throwaway.start()
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        self.admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.prefix = f"load_bench_{os.getpid()}_"
        self.made: list[str] = []

    def url(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def sql(self, statement: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(statement))

    def create(self, suffix: str, template: str | None = None) -> str:
        name = f"{self.prefix}{suffix}"
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        self.made.append(name)
        return name

    def close(self) -> None:
        for name in reversed(self.made):
            self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.admin.dispose()
        if self.throwaway is not None:
            self.throwaway.stop()


# ---------------------------------------------------------------- one officer


@dataclass
class OfficerResult:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)


def officer(url: str, number: int, seconds: float, start: Any, results: Any) -> None:
    """Run the mix for ``seconds`` after every officer is ready; put an OfficerResult on ``results``."""
    result = OfficerResult()
    try:
        from tracker.domain.enums import TaskState
        from tracker.services import dashboard, queries, tasks
        from tracker.services.context import open_context
        from tracker.services.dto import TaskQuery

        ctx = open_context(_settings(url, f"officer{number}"), prepare=False)
        rng = random.Random(1000 + number)
        total = queries.list_tasks(ctx, TaskQuery(limit=1, sort="id", descending=True)).rows[0].id
        opened: Any = None
        listed: list[int] = []
        start.wait(120)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            kind = rng.choices(KINDS, WEIGHTS)[0]
            began = time.perf_counter()
            try:
                if kind == "list":
                    query = TaskQuery(limit=50, offset=50 * rng.randint(0, 20))
                    if rng.random() < 0.3:
                        query = query.with_(search=rng.choice(SEARCHES), offset=0)
                    elif rng.random() < 0.3:
                        query = query.with_(category="overdue", offset=0)
                    listed = [row.id for row in queries.list_tasks(ctx, query).rows] or listed
                elif kind == "open":
                    # mostly a row of the page just listed (busy pages are shared), else any task
                    pick = rng.choice(listed) if listed and rng.random() < 0.7 else rng.randint(1, total)
                    opened = queries.get_task(ctx, pick)
                elif kind == "progress":
                    if opened is None or opened.state not in (TaskState.NOT_STARTED, TaskState.IN_PROGRESS):
                        opened = queries.get_task(ctx, rng.randint(1, total))
                        began = time.perf_counter()  # time the save only
                    if opened.state in (TaskState.NOT_STARTED, TaskState.IN_PROGRESS):
                        tasks.progress(ctx, opened.id, rng.randint(0, 99), "tiến độ",
                                       expected_version=opened.version)
                    opened = None
                else:
                    dashboard.overview(ctx)
            except tasks.TaskConflict:
                result.conflicts += 1
                opened = None
            except Exception as exc:  # noqa: BLE001 - reported, the run goes on
                result.errors.append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
            result.latencies[kind].append(time.perf_counter() - began)
        ctx.close()
    except Exception as exc:  # noqa: BLE001
        result.errors.append(f"{type(exc).__name__}: {exc}"[:300])
        start.abort()  # the others stop waiting
    results.put(result)


# ---------------------------------------------------------------- the runs


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(url: str, officers: int, seconds: float) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(officers + 1)
    results = spawn.Queue()
    workers = [spawn.Process(target=officer, args=(url, n, seconds, start, results)) for n in range(officers)]
    for worker in workers:
        worker.start()
    try:
        start.wait(300)
    except threading.BrokenBarrierError:
        failed = [results.get(timeout=60) for _ in workers]
        raise SystemExit(f"an officer failed to start: {[e for r in failed for e in r.errors][:3]}") from None
    began = time.perf_counter()
    gathered: list[OfficerResult] = [results.get(timeout=seconds + 300) for _ in workers]
    wall = time.perf_counter() - began
    for worker in workers:
        worker.join(30)
    every = [x for r in gathered for values in r.latencies.values() for x in values]
    row: dict[str, Any] = {
        "officers": officers, "seconds": round(wall, 1), "operations": len(every),
        "throughput": len(every) / wall, "p50_ms": 1000 * statistics.median(every) if every else float("nan"),
        "p95_ms": 1000 * percentile(every, 0.95),
        "conflicts": sum(r.conflicts for r in gathered),
        "saves": sum(len(r.latencies["progress"]) for r in gathered),
        "errors": [e for r in gathered for e in r.errors][:5],
        "error_count": sum(len(r.errors) for r in gathered),
    }
    for kind in KINDS:
        values = [x for r in gathered for x in r.latencies[kind]]
        row[f"{kind}_p50_ms"] = 1000 * statistics.median(values) if values else float("nan")
        row[f"{kind}_p95_ms"] = 1000 * percentile(values, 0.95)
    return row


def markdown(rows: list[dict[str, Any]], tasks: int) -> str:
    lines = [
        f"Load on PostgreSQL: {tasks} tasks; mix list 45 % / open 25 % / progress 20 % / dashboard 10 %.",
        "",
        "| officers | ops/s | p50 ms | p95 ms | list p50/p95 | open p50/p95 | progress p50/p95 | dashboard p50/p95 "
        "| saves | conflicts | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per_kind = " | ".join(f"{r[f'{k}_p50_ms']:.0f} / {r[f'{k}_p95_ms']:.0f}" for k in KINDS)
        lines.append(f"| {r['officers']} | {r['throughput']:.1f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
                     f"{per_kind} | {r['saves']} | {r['conflicts']} | {r['error_count']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--officers", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--directives", type=int, default=SEED_DIRECTIVES)
    parser.add_argument("--json", action="store_true", help="also print one JSON line per run")
    args = parser.parse_args()

    server = Server()
    try:
        template = server.create("template")
        print(f"seeding {args.directives} directives ...", file=sys.stderr)
        tasks = seed(server.url(template), args.directives)
        rows = []
        for officers in args.officers:
            name = server.create(f"n{officers}", template=template)
            print(f"{officers} officer(s) for {args.seconds:.0f} s ...", file=sys.stderr)
            row = run(server.url(name), officers, args.seconds)
            rows.append(row)
            if row["errors"]:
                print(f"  errors: {row['errors']}", file=sys.stderr)
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
        print(markdown(rows, tasks))
    finally:
        server.close()


if __name__ == "__main__":
    main()
