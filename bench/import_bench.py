"""Import benchmark: directives imported into a fresh SQLite file, timed and with its peak memory.

Two corpora: ``samples`` (default) - the sample documents (sample_docs/) varied: each copy gets its
own numbers, issue date (shifted day by day) and a rotation of the responsible bodies; samples
without a header get a realistic one, so every copy is a distinct directive (its own text, number
and date); ``office`` - bench/corpus.py's generated directives (seed 2021), as bench/run_all.py
imports them for bench/RESULTS.md.

    .venv/bin/python bench/import_bench.py                  # 2,000 directives
    .venv/bin/python bench/import_bench.py --corpus office --runs 3
    .venv/bin/python bench/import_bench.py --corpus office --store-only   # the storing half alone
    .venv/bin/python bench/import_bench.py --workers 0      # extraction in the importing process
    .venv/bin/python bench/import_bench.py --directives 200 --keep /tmp/bench-docs

The import runs in a child process (``--child``) so its peak RSS is its own (the extraction
workers' peak is given apart). ``--store-only`` extracts every file first (not timed) and then
times the import of those ready extractions with no worker: what storing costs. Prints one JSON
line per run, the median and a readable summary; bench/RESULTS.md is written by bench/run_all.py.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from inspect import signature
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"

# Bodies swapped with one another, copy by copy (the sample texts name them).
ROTATION = [
    "Sở Y tế", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Công Thương",
    "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông", "Công an tỉnh",
]
HEADER = "TỈNH ỦY {place}\n\nSố {number}-CV/TU\n\nV/v tăng cường công tác phòng, chống dịch\n\n" \
         "{place}, ngày {day:02d} tháng {month} năm {year}\n\n"
DATE_RE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
NUMBER_RE = re.compile(r"(Số\s*:?\s*(?:~~|\*\*)?\s*)(\d+)")


def _vary(text: str, copy: int, serial: list[int]) -> str:
    shift = timedelta(days=copy % 700)

    def new_date(match: re.Match[str]) -> str:
        try:
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1))) + shift
        except ValueError:
            return match.group(0)
        return f"ngày {day.day:02d} tháng {day.month} năm {day.year}"

    def new_number(match: re.Match[str]) -> str:
        serial[0] += 1
        return f"{match.group(1)}{serial[0]}"

    if not NUMBER_RE.search(text[:600]):
        day = date(2021, 7, 1) + shift
        text = HEADER.format(place="Tây Ninh", number=0, day=day.day, month=day.month, year=day.year) + text
    text = NUMBER_RE.sub(new_number, text)
    text = DATE_RE.sub(new_date, text)
    turn = copy % len(ROTATION)
    if turn:
        marks = {name: f"\x00{i}\x00" for i, name in enumerate(ROTATION)}
        for name, mark in marks.items():
            text = text.replace(name, mark)
        for i in range(len(ROTATION)):
            text = text.replace(f"\x00{i}\x00", ROTATION[(i + turn) % len(ROTATION)])
    return text


def build_corpus(folder: Path, directives: int) -> tuple[int, int]:
    """Write varied copies of the samples until ``directives`` are reached; returns (files,
    directives) as the parser counts them."""
    from tracker.ingest import read_file
    from tracker.parsing.extract import extract

    samples = sorted(SAMPLES.glob("*.txt"))
    per_sample = {path: max(len(extract(read_file(path)).documents), 1) for path in samples}
    serial = [1000]
    files = total = copy = 0
    while total < directives:
        for path in samples:
            if total >= directives:
                break
            text = _vary(path.read_text(encoding="utf-8"), copy, serial)
            (folder / f"{copy:05d}_{path.name}").write_text(text, encoding="utf-8")
            files += 1
            total += per_sample[path]
        copy += 1
    return files, total


def build_office(folder: Path, directives: int) -> tuple[int, int]:
    """bench/corpus.py's documents (one directive per file), as bench/run_all.py writes them."""
    sys.path.insert(0, str(ROOT))
    from bench.corpus import generate_documents

    for doc in generate_documents(directives):
        (folder / doc.name).write_text(doc.text, encoding="utf-8")
    return directives, directives


def child(folder: Path, db: Path, workers: int | None, store_only: bool) -> None:
    """Migrate a fresh database, then import the folder; print the measurements as JSON."""
    from tracker.config import Settings
    from tracker.services.context import open_context
    from tracker.services.importing import collect_files, extract_file, import_paths

    extractor = extract_file
    if store_only:  # extraction done first, untimed: the import below only stores
        files, _ = collect_files([folder])
        ready = {str(path): extract_file(path) for path in files}
        extractor, workers = (lambda path: ready[str(path)]), 0
        gc.freeze()  # the ready extractions are not the import's garbage to scan
    settings = Settings(db_url=f"sqlite:///{db}", today=date(2021, 7, 26), user="bench")
    # (an importer from before the workers has no such option: it extracts in this process)
    options = {"workers": workers} if workers is not None and "workers" in signature(import_paths).parameters \
        else {}
    cpu_started = time.process_time()
    started = time.perf_counter()
    ctx = open_context(settings)
    migrated = time.perf_counter()
    report = import_paths(ctx, [folder], extractor=extractor, **options)
    done = time.perf_counter()
    ctx.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "files": len(report.files), "failed": len(report.failed), "directives": report.directives_new,
        "existing": report.directives_existing, "items": report.items, "tasks": report.tasks,
        "new_bodies": len(report.new_bodies), "setup_s": round(migrated - started, 3),
        "import_s": round(done - migrated, 3),
        "cpu_s": round(time.process_time() - cpu_started, 3),
        "workers_cpu_s": round(children.ru_utime + children.ru_stime, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "workers_peak_rss_mb": round(children.ru_maxrss / 1024, 1),
        "db_mb": round(db.stat().st_size / 2**20, 1),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--directives", type=int, default=2000)
    parser.add_argument("--corpus", choices=("samples", "office"), default="samples")
    parser.add_argument("--runs", type=int, default=1, help="runs (each a fresh database); the median is shown")
    parser.add_argument("--workers", type=int, help="extraction processes (default: the importer's choice)")
    parser.add_argument("--store-only", action="store_true", help="time the storing alone")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.workers, args.store_only)
        return
    work = Path(tempfile.mkdtemp(prefix="tracker-import-bench-"))
    try:
        folder = args.keep or work / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        build = build_office if args.corpus == "office" else build_corpus
        files, directives = build(folder, args.directives)
        db = work / "bench.db"
        options = [*(["--workers", str(args.workers)] if args.workers is not None else []),
                   *(["--store-only"] if args.store_only else [])]
        results = []
        for _ in range(max(1, args.runs)):
            db.unlink(missing_ok=True)
            load = os.getloadavg()[0]
            out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(db), *options],
                                 capture_output=True, text=True, check=True)
            result = {**json.loads(out.stdout.strip().splitlines()[-1]), "loadavg_1m": round(load, 2)}
            print(json.dumps({"bench": "import", "corpus": args.corpus, "store_only": args.store_only, **result}))
            results.append(result)
        result = sorted(results, key=lambda r: r["import_s"])[len(results) // 2]
        what = "storing (extraction done beforehand)" if args.store_only else "import"
        runs = ", ".join(f"{r['import_s']:.2f}" for r in results)
        print(f"{what} of {result['directives']} directives ({result['files']} files, {result['tasks']} tasks, "
              f"{result['failed']} failed) into a fresh SQLite file: {result['import_s']:.2f} s median of "
              f"{len(results)} ({runs}) "
              f"(+ {result['setup_s']:.2f} s creating the database), CPU {result['cpu_s']:.2f} s here + "
              f"{result['workers_cpu_s']:.2f} s in workers, peak RSS {result['peak_rss_mb']} MB "
              f"(a worker: {result['workers_peak_rss_mb']} MB), database {result['db_mb']} MB")
        if files and directives != result["directives"]:
            print(f"note: {directives} directives expected from the corpus, {result['directives']} new",
                  file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
