"""The benchmark suite (``make bench``): tracker side by side with Taskwarrior and plain sqlite3,
at office scale, in one run; writes ``bench/RESULTS.md`` (and ``bench/results.json``).

    .venv/bin/python bench/run_all.py                 # office scale, 5 runs per figure
    .venv/bin/python bench/run_all.py --runs 5
    .venv/bin/python bench/run_all.py --large         # + PostgreSQL at 40,000 directives (slow)
    .venv/bin/python bench/run_all.py --only import report --no-write

Figures (each the MEDIAN of ``--runs`` runs, each comparison measured in the same run):

* extraction: documents per second on one core (bench/office.py extract-child);
* import of the office corpus (2,000 directives, bench/corpus.py) into a fresh SQLite file, end
  to end (`tracker import`, a subprocess, and the import service in a process of its own) vs
  Taskwarrior's ``task import`` of the same tasks as ready-made JSON vs a plain sqlite3
  executemany of the same rows (bench/floor_sqlite.py);
* on the imported office with ~5 events per task (bench/events.py): the weekly report
  (`tracker report --format json`) and the per-body status grid vs ``task summary``; a filtered
  list (one body, overdue) vs ``task project.is:X status:pending due.before:TODAY list``;
* the TUI at 100,000 tasks (bench/tui_bench.py): first paint, search keystroke, peak memory;
* with ``--large``: PostgreSQL at 40,000 directives (bench/pg_large.py).

Data dates are fixed (the office's "today" is ``DATA_TODAY``); the date printed in RESULTS.md is
``TRACKER_TODAY`` or the real date. Text after the KEEP marker in RESULTS.md is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import office  # noqa: E402
from bench.corpus import SIZES, write_corpus  # noqa: E402

DATA_TODAY = date(2025, 1, 10)  # a Friday after the corpus's last issue date (2024-12-30)
RESULTS = Path(__file__).with_name("RESULTS.md")
RESULTS_JSON = Path(__file__).with_name("results.json")
KEEP = "<!-- Notes below this line are kept by bench/run_all.py when it rewrites the file. -->"
SECTIONS = ("extract", "import", "report", "tui", "large")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median_of(func: Callable[[], float], runs: int) -> dict[str, Any]:
    times = [func() for _ in range(runs)]
    return {"median": statistics.median(times), "runs": times}


# ---------------------------------------------------------------- the machine


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def _postgres_version() -> str | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not found:
        return None
    out = subprocess.run([str(found[-1]), "--version"], capture_output=True, text=True).stdout.strip()
    return out or None


def machine() -> dict[str, Any]:
    return {"cpu": _cpu_model(), "cores": os.cpu_count(), "memory_gb": _memory_gb(),
            "os": platform.platform(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "postgres": _postgres_version()}


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def run_date() -> str:
    fixed = os.environ.get("TRACKER_TODAY")
    return fixed or datetime.now().astimezone().date().isoformat()


# ---------------------------------------------------------------- the sections


def bench_extract(runs: int, docs: int, memory_docs: int) -> dict[str, Any]:
    log(f"extraction: {docs} documents x {runs} on one core, memory over {memory_docs:,}")
    return office.extract_in_process(docs, runs, memory_docs)


def bench_import(work: Path, corpus: Path, runs: int, tw: Any) -> dict[str, Any]:
    from bench import floor_sqlite, taskwarrior

    out: dict[str, Any] = {}
    db = work / "import.db"
    log(f"import: `tracker import` of {corpus} x {runs}")
    out["cli"] = median_of(lambda: office.import_cli(corpus, db, DATA_TODAY), runs)
    log("import: the import service in a process of its own")
    children = [office.import_in_process(corpus, db, DATA_TODAY) for _ in range(runs)]
    out["service"] = {"median": statistics.median(c["seconds"] for c in children),
                      "runs": [c["seconds"] for c in children],
                      "import_s_median": statistics.median(c["import_s"] for c in children),
                      "peak_rss_mb": max(c["peak_rss_mb"] for c in children),
                      **{k: children[-1][k] for k in ("files", "failed", "directives", "items", "tasks", "new_bodies")}}
    tasks = taskwarrior.tasks_json(db, final_state=False)
    json_path = taskwarrior.write_json(tasks, work / "tasks.json")
    out["json_mb"] = json_path.stat().st_size / 2**20
    log(f"import: plain sqlite3 executemany of the same {len(tasks):,} rows x {runs}")
    out["floor"] = median_of(lambda: floor_sqlite.store(tasks, work / "floor.db"), runs)
    if tw is not None:
        log(f"import: `task import` of the same {len(tasks):,} tasks x {runs}")

        def tw_import() -> float:
            tw.reset()
            return float(tw.import_file(json_path))

        out["taskwarrior"] = median_of(tw_import, runs)
        out["taskwarrior_count"] = int(tw.run("status:pending", "count")[1].strip() or 0)
    return out


def _busiest_body(db: Path) -> str:
    conn = sqlite3.connect(db)
    name: str = conn.execute("SELECT b.name FROM task t JOIN body b ON b.id = t.body_id GROUP BY b.id"
                             " ORDER BY count(*) DESC, b.name LIMIT 1").fetchone()[0]
    conn.close()
    return name


def bench_report(work: Path, runs: int, tw: Any) -> dict[str, Any]:
    from bench import taskwarrior
    from bench.events import add_histories

    db = work / "office.db"
    if not (work / "import.db").exists():
        raise SystemExit("the report section needs the import section's database (--only import report, or "
                         "--work DIR of an earlier run)")
    shutil.copyfile(work / "import.db", db)
    log("office: event histories (~5 per task)")
    started = time.perf_counter()
    out: dict[str, Any] = {"data": add_histories(db, DATA_TODAY), "data_s": time.perf_counter() - started}
    body = _busiest_body(db)
    out["body"] = body
    log(f"office: `tracker report --format json`, the per-body grid and `tracker tasks --body '{body}' --overdue`"
        f" x {runs}")
    out["report_cli"] = median_of(lambda: office.report_cli(db, DATA_TODAY), runs)
    out["grid_cli"] = median_of(lambda: office.grid_cli(db, DATA_TODAY), runs)
    out["list_cli"] = median_of(lambda: office.list_cli(db, DATA_TODAY, body), runs)
    log("office: the same in a running process (report, grid, list services)")
    out["service"] = office.queries_in_process(db, DATA_TODAY, body, runs)
    if tw is not None:
        log("office: Taskwarrior with the same tasks in their current state")
        tw.reset()
        tasks = taskwarrior.tasks_json(db, final_state=True)
        tw.import_file(taskwarrior.write_json(tasks, work / "office.json"))
        tw.run("count")  # garbage collection: completed tasks move to completed.data once
        project = taskwarrior.project_name(body)
        overdue = (f"project.is:{project}", "status:pending", f"due.before:{DATA_TODAY.isoformat()}")
        out["tw_project"] = project
        out["tw_list_rows"] = int(tw.run(*overdue, "count")[1].strip() or 0)
        out["tw_pending"] = int(tw.run("status:pending", "count")[1].strip() or 0)
        out["tw_summary"] = median_of(lambda: tw.run("summary")[0], runs)
        out["tw_list"] = median_of(lambda: tw.run(*overdue, "rc.defaultwidth=160", "list")[0], runs)
    return out


def bench_tui(work: Path, runs: int, tasks: int) -> dict[str, Any]:
    db = work / "tui.db"
    log(f"TUI: {tasks:,} tasks, {runs} runs of the app under the pilot (the first builds the database)")
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "tui_bench.py"), "--tasks", str(tasks),
                               "--db", str(db), "--json"], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"tui_bench failed: {done.stderr.strip()[-800:]}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {"runs": results, "build_s": results[0]["build_s"], "tasks": results[0]["tasks"],
            **{key: statistics.median(r[key] for r in results)
               for key in ("first_paint_s", "search_median_ms", "search_worst_ms", "fetch_median_ms", "peak_mb")}}


def bench_large(work: Path, runs: int, directives: int) -> dict[str, Any]:
    from bench import pg_large

    log(f"PostgreSQL: {directives:,} directives (slow)")
    return pg_large.run(work, directives=directives, today=DATA_TODAY, runs=runs)


# ---------------------------------------------------------------- RESULTS.md


def _s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _runs(values: list[float]) -> str:
    return ", ".join(_s(v) for v in values)


def _verdict(ratio: float | None, target: float, below: bool = True) -> str:
    if ratio is None:
        return "not measured"
    met = ratio <= target if below else ratio >= target
    return "**met**" if met else "**missed**"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def targets_table(r: dict[str, Any]) -> list[str]:
    lines = ["| figure | tracker | compared with | ratio | target | |", "|---|---|---|---|---|---|"]
    ext = r.get("extract")
    if ext:
        rate = ext["docs_per_second"]
        lines.append(f"| extraction, one core | {rate:,.0f} documents/s | - | - | >= 500 documents/s (issue 3) "
                     f"| {_verdict(rate, 500, below=False)} ({rate / 500:.2f}x the target) |")
    imp = r.get("import")
    if imp:
        tw = imp.get("taskwarrior", {}).get("median")
        cli = imp["cli"]["median"]
        ratio = _ratio(cli, tw)
        lines.append(f"| import of the office corpus, `tracker import` vs `task import` | {_s(cli)} | {_s(tw)} "
                     f"| {ratio:.2f}x | <= 0.5x | {_verdict(ratio, 0.5)} |" if ratio is not None else
                     f"| import of the office corpus | {_s(cli)} | Taskwarrior not installed | - | <= 0.5x | - |")
    rep = r.get("report")
    if rep:
        summary = rep.get("tw_summary", {}).get("median")
        for label, key in (("weekly report JSON, `tracker report --format json`", "report_cli"),
                           ("per-body status grid (one-shot process)", "grid_cli")):
            ours = rep[key]["median"]
            ratio = _ratio(ours, summary)
            lines.append(f"| {label} vs `task summary` | {_s(ours)} | {_s(summary)} | "
                         + (f"{ratio:.2f}x" if ratio is not None else "-") + f" | <= 0.25x | {_verdict(ratio, 0.25)} |")
        ours = rep["list_cli"]["median"]
        theirs = rep.get("tw_list", {}).get("median")
        ratio = _ratio(ours, theirs)
        lines.append(f"| filtered list (one body, overdue), `tracker tasks` vs `task ... list` | {_s(ours)} "
                     f"| {_s(theirs)} | " + (f"{ratio:.2f}x" if ratio is not None else "-")
                     + f" | <= 0.25x | {_verdict(ratio, 0.25)} |")
    tui = r.get("tui")
    if tui:
        fp, key, mem = tui["first_paint_s"], tui["search_median_ms"], tui["peak_mb"]
        lines.append(f"| TUI first paint, {tui['tasks']:,} tasks | {_s(fp)} | - | {fp:.2f}x | < 1 s "
                     f"| {_verdict(fp, 1.0)} |")
        lines.append(f"| TUI search keystroke (median of 20; worst {tui['search_worst_ms']:.0f} ms) | {key:.0f} ms "
                     f"| - | {key / 100:.2f}x | < 100 ms | {_verdict(key / 100, 1.0)} |")
        lines.append(f"| TUI peak memory | {mem:.0f} MB | - | {mem / 250:.2f}x | < 250 MB | {_verdict(mem / 250, 1.0)} |")
    return lines


def write_results(r: dict[str, Any], path: Path) -> None:
    m = r["machine"]
    lines = [
        "# Benchmark results", "",
        f"Written by `{r.get('command') or 'bench/run_all.py --runs ' + str(r['runs'])}` on {r['date']} "
        f"({r['total_s'] / 60:.1f} min; `make bench` runs `bench/run_all.py --runs 5`). A section this run did "
        "not measure keeps its earlier figures: the list below says when each section was measured and over "
        "how many runs. Each figure is the **median of its section's runs** (every run listed below); each "
        "comparison was measured in the same run.", "",
        "## Machine", "",
        "| CPU | cores | memory | OS | Python | SQLite | Taskwarrior | PostgreSQL |",
        "|---|---|---|---|---|---|---|---|",
        f"| {m['cpu']} | {m['cores']} | {m['memory_gb']:.1f} GB | {m['os']} | {m['python']} | {m['sqlite']} "
        f"| {r.get('taskwarrior_version') or '-'} | {m['postgres'] or '-'} |", "",
        f"Load average (1/5/15 min) before the run {r['load_before']}, after it {r['load_after']}. "
        "The machine is shared: other engineers' test suites ran at the same time, so absolute figures "
        "are pessimistic; the ratios compare programs measured under the same load.", "",
        f"Taskwarrior: {r['taskwarrior_note']}.", "",
        *(["When each section was measured (1-minute load average at its start -> at its end): " + "; ".join(
            f"{name} {info['date']}, load {info['load_before'].split()[0]} -> {info['load_after'].split()[0]}, "
            f"{info['runs']} runs" for name, info in r.get("measured", {}).items()) + ".", ""]
          if r.get("measured") else []),
        "## Targets at office scale", "",
        *targets_table(r), "",
    ]
    ext = r.get("extract")
    if ext:
        rss = ", ".join(f"{n:,} documents: {mb} MB" for n, mb in ext["rss_mb"])
        lines += ["## Extraction", "",
                  f"{ext['docs']:,} generated directives (every tenth a sample directive), extraction alone "
                  f"(normalise, split, segment, bodies, deadlines) from memory, {ext['cpu']}: "
                  f"median {_s(ext['median_s'])} = **{ext['docs_per_second']:,.0f} documents/s** "
                  f"({ext['items']:,} items); runs {_runs(ext['runs'])}. RSS along more documents: {rss}.", ""]
    imp = r.get("import")
    if imp:
        svc = imp["service"]
        tw = imp.get("taskwarrior")
        floor = imp["floor"]["median"]
        lines += [
            "## Import of the office corpus", "",
            f"{svc['files']:,} files ({SIZES[r['size']]:,} generated directives, `bench/corpus.py`, seed 2021) -> "
            f"{svc['directives']:,} directives, {svc['items']:,} items, **{svc['tasks']:,} tasks**, "
            f"{svc['new_bodies']} new bodies, {svc['failed']} failed. Taskwarrior and the floor get the same "
            f"{svc['tasks']:,} tasks as JSON ({imp['json_mb']:.1f} MB: description, project, due, tags, status, "
            "entry, uuid).", "",
            "| what | median | runs | vs Taskwarrior | vs floor |", "|---|---|---|---|---|",
        ]
        twm = tw["median"] if tw else None
        for label, fig in (("`tracker import --quiet` (subprocess, fresh SQLite file, end to end)", imp["cli"]),
                           ("import service in its own process (open + migrate + import)", svc)):
            rt = _ratio(fig["median"], twm)
            lines.append(f"| {label} | {_s(fig['median'])} | {_runs(fig['runs'])} | "
                         + (f"{rt:.2f}x" if rt else "-") + f" | {fig['median'] / floor:.0f}x |")
        if tw:
            lines.append(f"| `task import tasks.json` (fresh TASKDATA) | {_s(twm)} | {_runs(tw['runs'])} | 1x "
                         f"| {twm / floor:.0f}x |")
        lines.append(f"| plain sqlite3 executemany, one table (the floor) | {_s(floor)} | "
                     f"{_runs(imp['floor']['runs'])} | " + (f"{floor / twm:.2f}x" if twm else "-") + " | 1x |")
        lines += ["", f"Of the service's median, {_s(svc['import_s_median'])} is the import itself (the rest opens "
                  f"and migrates the new file); its peak RSS {svc['peak_rss_mb']:.0f} MB."]
        ext = r.get("extract")
        if ext:
            extraction = svc["files"] / ext["docs_per_second"]
            lines.append(f"Extraction alone at the measured {ext['docs_per_second']:,.0f} documents/s accounts for "
                         f"~{_s(extraction)} of it ({extraction / svc['import_s_median']:.0%}); storing the "
                         f"{svc['tasks']:,} tasks, their items, directives and created events takes the remaining "
                         f"~{_s(max(0.0, svc['import_s_median'] - extraction))}.")
        lines.append("")
    rep = r.get("report")
    if rep:
        svc = rep["service"]
        data = rep["data"]
        lines += [
            "## Weekly report, status grid and filtered list at office scale", "",
            f"The imported office with histories (`bench/events.py`): {data['tasks']:,} tasks, "
            f"**{data['events']:,} events** (built in {_s(rep['data_s'])}), today {DATA_TODAY}. The list: "
            f"body '{rep['body']}' (the busiest), overdue: tracker {svc['list_rows']:,} rows, Taskwarrior "
            f"`project.is:{rep.get('tw_project', '-')} status:pending due.before:{DATA_TODAY}` "
            f"{rep.get('tw_list_rows', '-')} rows. Taskwarrior holds the same tasks in their current state "
            f"({rep.get('tw_pending', '-')} pending; confirmed ones and those reported done in time completed).", "",
            "| what | command (subprocess) | runs | service in a running process: cold / warm median |",
            "|---|---|---|---|",
        ]
        for label, key, skey in (("weekly report, JSON", "report_cli", "report_json"),
                                 ("status grid per body (dashboard)", "grid_cli", "grid"),
                                 ("filtered list (one body, overdue, all rows)", "list_cli", "list")):
            lines.append(f"| {label} | {_s(rep[key]['median'])} | {_runs(rep[key]['runs'])} | "
                         f"{_s(svc[skey]['cold'])} / {_s(svc[skey]['warm_median'])} |")
        if "tw_summary" in rep:
            lines.append(f"| `task summary` | {_s(rep['tw_summary']['median'])} | {_runs(rep['tw_summary']['runs'])}"
                         " | - |")
            lines.append(f"| `task project.is:X status:pending due.before:D list` | {_s(rep['tw_list']['median'])} | "
                         f"{_runs(rep['tw_list']['runs'])} | - |")
        startup = rep["list_cli"]["median"] - svc["list"]["cold"]
        lines += ["", f"The report is {svc['report_bytes'] / 2**20:.1f} MB of JSON; the grid has "
                  f"{svc['grid_bodies']} bodies; the in-process child's peak RSS {svc['peak_rss_mb']:.0f} MB. "
                  f"A `tracker` command pays ~{_s(startup)} of Python start-up, imports and opening the database "
                  "before its query (the list command minus the cold list service)"
                  + (f"; `task` pays ~{_s(rep['tw_list']['median'])} for its whole list." if "tw_list" in rep else "."),
                  ""]
    tui = r.get("tui")
    if tui:
        lines += ["## Terminal UI at 100,000 tasks", "",
                  f"`bench/tui_bench.py`: {tui['tasks']:,} tasks in a SQLite file (built once in {_s(tui['build_s'])}),"
                  " the real app under `App.run_test()` at 120x40, one process per run.", "",
                  "| run | first paint | search keystroke median / worst of 20 | list_tasks median | peak RSS |",
                  "|---|---|---|---|---|"]
        for i, run in enumerate(tui["runs"], 1):
            lines.append(f"| {i} | {_s(run['first_paint_s'])} | {run['search_median_ms']:.0f} / "
                         f"{run['search_worst_ms']:.0f} ms | {run['fetch_median_ms']:.0f} ms | {run['peak_mb']:.0f} MB |")
        lines.append(f"| **median** | **{_s(tui['first_paint_s'])}** | **{tui['search_median_ms']:.0f}** / "
                     f"{tui['search_worst_ms']:.0f} ms | {tui['fetch_median_ms']:.0f} ms | **{tui['peak_mb']:.0f} MB** |")
        lines.append("")
    large = r.get("large")
    if large:
        from bench import pg_large

        lines += pg_large.markdown(large)
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if KEEP in old:
            kept = old.split(KEEP, 1)[1].strip("\n")
    lines += ["## How to reproduce", "",
              "`make bench` (= `.venv/bin/python bench/run_all.py`); `--runs N`, `--only SECTION...` "
              f"({', '.join(SECTIONS)}), `--large` for PostgreSQL. See `docs/benchmarks.md`.", "", KEEP, ""]
    path.write_text("\n".join(lines) + ("\n" + kept + "\n" if kept else ""), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is reported)")
    parser.add_argument("--large", action="store_true", help="also PostgreSQL at the large size (slow)")
    parser.add_argument("--large-directives", type=int, default=SIZES["large"])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--size", choices=sorted(SIZES), default="office", help="corpus size for import/report")
    parser.add_argument("--extract-docs", type=int, default=1_000)
    parser.add_argument("--memory-docs", type=int, default=10_000)
    parser.add_argument("--tui-tasks", type=int, default=100_000)
    parser.add_argument("--work", type=Path, help="keep the databases and files here")
    parser.add_argument("--no-write", action="store_true", help="print the results, leave RESULTS.md alone")
    parser.add_argument("--from-json", action="store_true", help="only rewrite RESULTS.md from results.json")
    args = parser.parse_args()
    if args.from_json:
        write_results(json.loads(RESULTS_JSON.read_text(encoding="utf-8")), RESULTS)
        return
    sections = set(args.only or [s for s in SECTIONS if s != "large" or args.large])

    from bench import taskwarrior

    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "date": run_date(), "runs": args.runs, "load_before": load(),
                               "size": args.size, "command": " ".join(["bench/run_all.py", *sys.argv[1:]])}
    binary, note = taskwarrior.ensure_installed()
    results["taskwarrior_note"] = note
    results["taskwarrior_version"] = taskwarrior.version(binary) if binary else None
    log(f"machine {results['machine']['cpu']} x{results['machine']['cores']}, load {results['load_before']}; "
        f"Taskwarrior {results['taskwarrior_version'] or 'missing'} ({note})")
    work = args.work or Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    tw = taskwarrior.Taskwarrior(binary, work / "taskwarrior") if binary else None
    if args.only and RESULTS_JSON.exists():  # the sections not run now keep their earlier figures
        earlier = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
        results = {**{k: v for k, v in earlier.items() if k in SECTIONS or k == "measured"}, **results}
    results.setdefault("measured", {})

    def section(name: str, func: Callable[[], dict[str, Any]]) -> None:
        before = load()
        results[name] = func()
        results["measured"][name] = {"date": run_date(), "load_before": before, "load_after": load(),
                                     "runs": args.runs}

    try:
        if "extract" in sections:
            section("extract", lambda: bench_extract(args.runs, args.extract_docs, args.memory_docs))
        if "import" in sections:
            corpus = work / "corpus"
            if not corpus.exists():
                log(f"corpus: {SIZES[args.size]:,} directives -> {corpus}")
                write_corpus(args.size, corpus)
            section("import", lambda: bench_import(work, corpus, args.runs, tw))
        if "report" in sections:
            section("report", lambda: bench_report(work, args.runs, tw))
        if "tui" in sections:
            section("tui", lambda: bench_tui(work, args.runs, args.tui_tasks))
        if "large" in sections:
            section("large", lambda: bench_large(work, args.runs, args.large_directives))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    results["load_after"] = load()
    results["total_s"] = time.perf_counter() - started
    log(f"done in {results['total_s'] / 60:.1f} min; load {results['load_after']}")
    print("\n".join(targets_table(results)))
    if not args.no_write:
        write_results(results, RESULTS)
        RESULTS_JSON.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
        log(f"wrote {RESULTS} and {RESULTS_JSON}")


if __name__ == "__main__":
    main()
