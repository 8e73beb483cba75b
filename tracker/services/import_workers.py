"""Run the importer's pure per-file work (read, extract, draft) in worker processes, results in
the files' order, while the calling process stores what is ready.

    for result in ordered_map(draft_one, files, worker_count(len(files), None)):
        ...   # the same results, in the same order, as [draft_one(f) for f in files]

``function`` must handle its own errors (return them as a result) and be picklable; so must the
items and results. With fewer than two workers everything runs in the calling process.

Workers are forked where the platform can (Linux: they start at once, with the parser already
imported); elsewhere ``worker_count`` chooses none unless asked. A worker ignores Ctrl-C (the
importer handles it and stops the pool) and ends itself when the importing process is gone, so
a killed import leaves no stray process behind. If a worker dies, what it had not returned is
done in the calling process, so the results are still all there and in order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_FILES = 20  # below this a pool costs more than it saves
BATCH_MAX = 8  # items per task sent to a worker
AHEAD_ITEMS = 400  # items handed out ahead of the one the caller waits for (bounds memory)


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def worker_count(items: int, requested: int | None) -> int:
    """How many worker processes for ``items`` files: ``requested`` when given (0 or 1: none),
    else one per usable CPU when there are at least PARALLEL_MIN_FILES files and workers can be
    forked from a process running no other thread, else none."""
    if requested is not None:
        return max(0, min(requested, items))
    if items < PARALLEL_MIN_FILES or not can_fork():
        return 0
    if threading.active_count() > 1:
        # forking a process that runs other threads (the terminal UI's workers) copies locks they
        # may hold; there the import stays in one process
        return 0
    cpus = usable_cpus()
    return cpus if cpus > 1 else 0


# --- in the worker ----------------------------------------------------------------------------

_function: Callable[[Any], Any] | None = None


def _start(parent: int, function: Callable[[Any], Any]) -> None:
    global _function
    _function = function
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importer's to handle
    threading.Thread(target=_watch, args=(parent,), name="watch-importer", daemon=True).start()


def _watch(parent: int) -> None:
    """End this worker once the importing process is gone (killed: nobody will read its results)."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _run(items: list[Any]) -> list[Any]:
    assert _function is not None
    return [_function(item) for item in items]


# --- in the importer --------------------------------------------------------------------------

def ordered_map(function: Callable[[T], R], items: Sequence[T], workers: int) -> Generator[R, None, None]:
    """``function(item)`` for each item, in order; by ``workers`` processes when more than one."""
    if workers < 2 or len(items) < 2:
        for item in items:
            yield function(item)
        return
    size = max(1, min(BATCH_MAX, len(items) // (workers * 8)))
    batches = [list(items[i:i + size]) for i in range(0, len(items), size)]
    ahead = max(2 * workers, AHEAD_ITEMS // size)
    context = multiprocessing.get_context("fork" if can_fork() else None)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                               initargs=(os.getpid(), function))
    futures: deque[Future[list[R]] | None] = deque()
    broken = False

    def hand_out() -> None:
        nonlocal broken
        while not broken and len(futures) < ahead and handed[0] < len(batches):
            try:
                futures.append(pool.submit(_run, batches[handed[0]]))
            except Exception:  # the pool is broken (a worker died): the rest runs here
                broken = True
                break
            handed[0] += 1

    handed = [0]
    try:
        hand_out()
        for index, batch in enumerate(batches):
            future = futures.popleft() if futures else None
            results: list[R] | None = None
            if future is not None:
                try:
                    results = future.result()
                except Exception:  # a worker died or a result did not travel: done here instead
                    broken = True
            if results is None:
                results = [function(item) for item in batch]
                if index >= handed[0]:
                    handed[0] = index + 1
            hand_out()
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
