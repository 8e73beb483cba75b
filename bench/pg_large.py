"""PostgreSQL at the large size (issue 8): 40,000 generated directives (~1,000,000 tasks) imported
with `tracker import` into a fresh database, then the weekly report (JSON) and a filtered list
(the busiest body, overdue) timed as commands and as services in a running process.

    .venv/bin/python bench/pg_large.py                      # throwaway server, 40,000 directives
    .venv/bin/python bench/pg_large.py --directives 4000    # a tenth, to try it out
    TRACKER_BENCH_PG_URL=postgresql+psycopg://user@host/postgres .venv/bin/python bench/pg_large.py

Without ``TRACKER_BENCH_PG_URL`` a throwaway server is started as the tests start theirs
(``tests/conftest.py``: tmpfs, fsync off - figures of an unsynchronised server). The import runs
once (it is the slow part); report and list ``--runs`` times. The tasks keep their imported state
(only their ``created`` events): event histories are generated for the SQLite office
(bench/events.py), not here. ``bench/run_all.py --large`` calls ``run()``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import office  # noqa: E402
from bench.corpus import SIZES  # noqa: E402

TODAY = date(2025, 1, 10)


def _counts(url: str) -> dict[str, Any]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        counts = {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                  for table in ("directive", "item", "task", "task_event", "body")}
        counts["busiest_body"] = conn.execute(text(
            "SELECT b.name FROM task t JOIN body b ON b.id = t.body_id GROUP BY b.id, b.name"
            " ORDER BY count(*) DESC, b.name LIMIT 1")).scalar_one()
        counts["db_mb"] = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 2**20
    engine.dispose()
    return counts


def run(work: Path, directives: int = SIZES["large"], today: date = TODAY, runs: int = 3) -> dict[str, Any]:
    from bench.load_bench import Server

    corpus = work / f"corpus_{directives}"
    out: dict[str, Any] = {"directives_generated": directives}
    if not corpus.exists():
        started = time.perf_counter()
        corpus.mkdir(parents=True)
        from bench.corpus import generate_documents

        for doc in generate_documents(directives):
            (corpus / doc.name).write_text(doc.text, encoding="utf-8")
        out["corpus_s"] = time.perf_counter() - started
    server = Server()
    try:
        url = server.url(server.create("large"))
        out["server"] = "TRACKER_BENCH_PG_URL" if server.throwaway is None else "throwaway (tmpfs, fsync off)"
        print(f"[pg_large] importing {directives:,} directives into PostgreSQL", file=sys.stderr, flush=True)
        out["import_s"] = office.timed_command([office.TRACKER, "import", "--quiet", "--db", url, "--today",
                                                today.isoformat(), str(corpus)])
        out.update(_counts(url))
        body = out["busiest_body"]
        print(f"[pg_large] {out['task']:,} tasks; report and list x {runs}", file=sys.stderr, flush=True)
        reports = [office.report_cli(url, today) for _ in range(runs)]
        lists = [office.list_cli(url, today, body) for _ in range(runs)]
        out["report_cli"] = {"median": statistics.median(reports), "runs": reports}
        out["list_cli"] = {"median": statistics.median(lists), "runs": lists}
        out["service"] = office.queries_in_process(url, today, body, runs, "report,list")
    finally:
        server.close()
    return out


def _s(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def markdown(r: dict[str, Any]) -> list[str]:
    svc = r["service"]
    return [
        "## PostgreSQL at the large size", "",
        f"{r['directives_generated']:,} generated directives imported with one `tracker import --quiet` into a fresh "
        f"PostgreSQL database ({r['server']}): {r['directive']:,} directives, {r['item']:,} items, "
        f"**{r['task']:,} tasks**, {r['task_event']:,} events; database {r['db_mb']:,.0f} MB. The tasks keep their "
        "imported state (no histories).", "",
        "| what | median | runs | service in a running process: cold / warm median |", "|---|---|---|---|",
        f"| import, end to end (one run) | {_s(r['import_s'])} = **{r['directive'] / r['import_s']:,.0f} "
        f"directives/s, {r['task'] / r['import_s']:,.0f} tasks/s** | 1 | - |",
        f"| weekly report, JSON (`tracker report --format json`) | {_s(r['report_cli']['median'])} | "
        + ", ".join(_s(v) for v in r["report_cli"]["runs"])
        + f" | {_s(svc['report_json']['cold'])} / {_s(svc['report_json']['warm_median'])} |",
        f"| filtered list ('{r['busiest_body']}', overdue: {svc['list_rows']:,} rows) | "
        f"{_s(r['list_cli']['median'])} | " + ", ".join(_s(v) for v in r["list_cli"]["runs"])
        + f" | {_s(svc['list']['cold'])} / {_s(svc['list']['warm_median'])} |", "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--directives", type=int, default=SIZES["large"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the corpus here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="tracker-pg-large-"))
    try:
        result = run(work, args.directives, TODAY, args.runs)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(markdown(result)))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
