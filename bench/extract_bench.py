"""Extraction benchmark: documents per second on one core, and memory over 10,000 documents.

Extraction alone (normalise, split, segment, bodies, deadlines): the texts are generated first
(bench/corpus.py, deterministic) and read from memory, so no file I/O is timed. The five sample
directives are mixed in (one in ten documents) so OCR marks, stray pages and several directives
per file are part of the load.

    .venv/bin/python bench/extract_bench.py                 # 2,000 timed + 10,000 for memory
    .venv/bin/python bench/extract_bench.py --docs 500 --memory-docs 2000

Prints a Markdown table (paste it into bench/RESULTS.md) and one JSON line. Target: >= 500
typical directives per second on one core, memory flat (the RSS after 10,000 documents within a
few MB of the RSS after 1,000).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate_documents  # noqa: E402
from tracker.domain.parsed import SourceText  # noqa: E402
from tracker.parsing.extract import extract  # noqa: E402


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def _sources(count: int) -> list[SourceText]:
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_docs").glob("*.txt"))]
    out = []
    for i, doc in enumerate(generate_documents(count)):
        text = samples[(i // 10) % len(samples)] if i % 10 == 9 else doc.text
        out.append(SourceText(doc.name, text, "utf-8", hashlib.sha256(text.encode()).hexdigest()))
    return out


def _pin_one_core() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return "pinned to one core"
    except (AttributeError, OSError):
        return "not pinned"


def run(docs: int, memory_docs: int) -> dict[str, object]:
    pinned = _pin_one_core()
    sources = _sources(docs)
    for source in sources[:50]:  # warm-up: imports, compiled patterns, caches
        extract(source)
    gc.collect()
    best = None
    items = 0
    for _ in range(3):
        start = time.perf_counter()
        items = 0
        for source in sources:
            items += sum(len(d.items) for d in extract(source).documents)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    assert best is not None
    rate = docs / best

    # memory: extract memory_docs generated one at a time, results dropped
    rss = []
    checkpoints = {1_000, memory_docs // 2, memory_docs}
    for n, doc in enumerate(generate_documents(memory_docs), 1):
        extract(SourceText(doc.name, doc.text, "utf-8", ""))
        if n in checkpoints:
            gc.collect()
            rss.append((n, round(_rss_mb(), 1)))
    return {"docs": docs, "items": items, "seconds": round(best, 3), "docs_per_second": round(rate),
            "items_per_second": round(items / best), "rss_mb": rss, "cpu": pinned,
            "python": sys.version.split()[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2_000)
    ap.add_argument("--memory-docs", type=int, default=10_000)
    ap.add_argument("--without-deadlines", action="store_true",
                    help="diagnosis: replace analyse_timing by a no-op to see the rest of the parser alone")
    args = ap.parse_args()
    if args.without_deadlines:
        import tracker.parsing.extract as extract_module
        from tracker.domain.parsed import DeadlineHint

        extract_module.analyse_timing = lambda *a, **k: DeadlineHint(None, None, None, None, None)  # type: ignore[assignment]
    result = run(args.docs, args.memory_docs)
    print("| documents | items | best of 3 | documents/s | items/s | RSS (MB) after n documents |")
    print("|---|---|---|---|---|---|")
    rss = ", ".join(f"{n:,}: {mb}" for n, mb in result["rss_mb"])  # type: ignore[union-attr]
    print(f"| {result['docs']:,} | {result['items']:,} | {result['seconds']} s | {result['docs_per_second']:,} "
          f"| {result['items_per_second']:,} | {rss} |")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
