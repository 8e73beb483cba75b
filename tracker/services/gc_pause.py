"""Python's cyclic garbage collector paused around a bulk read.

A report at office scale builds a few hundred thousand small objects (rows, facts, lines) that
hold no reference cycles. Each burst of allocations triggers a collection that walks everything
alive, which costs 15-20 % of the report's time for nothing; reference counting still frees
every object as usual. Pauses nest and may overlap across threads (the TUI builds a report in a
worker): the collector runs again when the last pause ends, if it was on before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
