"""The floor: the same task rows Taskwarrior imports, stored with a plain ``sqlite3`` executemany
into a fresh SQLite file (one table, one transaction, the Python standard library only, no
extraction, no validation, no history). Nothing that stores these rows in SQLite can be faster
by much; tracker's import is compared with it to show what its extra work costs.

    from bench.floor_sqlite import store
    seconds = store(tasks, Path("floor.db"))
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

SCHEMA = ("CREATE TABLE task (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, description TEXT NOT NULL,"
          " project TEXT, due TEXT, tags TEXT, status TEXT NOT NULL, entry TEXT)")


def store(tasks: list[dict[str, object]], path: Path) -> float:
    """Create ``path`` and insert ``tasks`` (Taskwarrior JSON dicts); the wall seconds it took,
    from opening the file to the commit."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute(SCHEMA)
    with conn:
        conn.executemany("INSERT INTO task (uuid, description, project, due, tags, status, entry)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(t["uuid"], t["description"], t.get("project"), t.get("due"),
                           json.dumps(t.get("tags", []), ensure_ascii=False), t["status"], t.get("entry"))
                          for t in tasks])
    conn.close()
    return time.perf_counter() - started
