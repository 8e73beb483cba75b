"""Instructions per extracted document, counted by valgrind (cachegrind, no cache simulation).

The wall clock of this shared virtual machine moves by a third from one minute to the next, CPU
time with it; the number of instructions does not. This counts the instructions the interpreter
executes to extract N bench documents (bench/corpus.py, as in extract_bench.py), minus a run that
builds the same documents and extracts none, and divides by N: compare two commits with it.

    .venv/bin/python bench/extract_instructions.py [--docs 300]

Needs valgrind; a run takes about 20 s per 100 documents (valgrind runs ~30x slower).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHILD = """
import sys
sys.path.insert(0, {root!r})
from bench.extract_bench import _sources
from tracker.parsing.extract import extract
docs = _sources({total})
extract(docs[0])
for doc in docs[:{count}]:
    extract(doc)
"""


def _instructions(count: int, total: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD.format(root=str(ROOT), total=total, count=count)],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if not found:
        raise SystemExit("valgrind printed no instruction count:\n" + out.stderr[-2000:])
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    base = _instructions(0, args.docs)
    full = _instructions(args.docs, args.docs)
    print(f"{(full - base) / args.docs / 1e6:.2f} M instructions per document ({args.docs} documents)")


if __name__ == "__main__":
    main()
