"""Taskwarrior side of the benchmark suite: the same tasks as ready-made JSON, a throwaway
TASKDATA/TASKRC, and the commands compared with tracker's (``task import``, ``task summary``,
``task <filter> list``).

``ensure_installed()`` installs the Debian package (``apt-get install -y taskwarrior``, 2.6.2 on
bookworm) when ``task`` is missing and the script runs as root; otherwise it says why not and the
suite leaves the Taskwarrior columns empty.

The JSON holds, per tracker task: ``uuid`` (stable, from the task id), ``description`` (the
item's text), ``project`` (the responsible body as a Taskwarrior-safe word: diacritics folded,
spaces as ``_``), ``due`` (the approved deadline), ``tags`` (document type, role, urgency),
``status`` (``completed`` with ``end`` for a confirmed task or one reported done in time, else
``pending``) and ``entry``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

NAMESPACE = uuid.UUID("6f1c1c52-5a36-4c8e-9d3f-3f0f1e0d8a11")
RC_OVERRIDES = ("rc.confirmation=off", "rc.hooks=off", "rc.verbose=nothing", "rc.color=off",
                "rc.json.array=on", "rc.recurrence=off")


def project_name(body: str) -> str:
    """A body's name as a Taskwarrior project (one word; '.' would make a sub-project)."""
    from tracker.domain.text import fold

    return re.sub(r"[^0-9a-z]+", "_", fold(body)).strip("_") or "none"


def _tw_date(day: str | date | None) -> str | None:
    if day is None:
        return None
    text = day.isoformat() if isinstance(day, date) else str(day)[:10]
    return text.replace("-", "") + "T000000Z"


def tasks_json(db: Path, *, final_state: bool) -> list[dict[str, object]]:
    """The tasks of a tracker SQLite file as Taskwarrior JSON. ``final_state``: completed tasks
    are marked so (for the report-scale comparison); otherwise every task is pending, as just
    imported."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT t.id, i.text, b.name, t.current_deadline, d.doc_type, t.role, t.urgency, t.state,"
        " t.completed_on, t.created_at FROM task t JOIN item i ON i.id = t.item_id"
        " JOIN body b ON b.id = t.body_id JOIN directive d ON d.id = t.directive_id ORDER BY t.id").fetchall()
    conn.close()
    projects: dict[str, str] = {}
    out: list[dict[str, object]] = []
    for task_id, text, body, deadline, doc_type, role, urgency, state, completed_on, created_at in rows:
        project = projects.get(body) or projects.setdefault(body, project_name(body))
        tags = [doc_type, role] + ([urgency] if urgency else [])
        task: dict[str, object] = {"uuid": str(uuid.uuid5(NAMESPACE, f"task-{task_id}")), "description": text,
                                   "project": project, "tags": tags, "entry": _tw_date(created_at),
                                   "status": "pending"}
        if deadline:
            task["due"] = _tw_date(deadline)
        if final_state and _done(state, completed_on, deadline):
            task["status"] = "completed"
            task["end"] = _tw_date(completed_on or created_at)
        out.append(task)
    return out


def _done(state: str, completed_on: str | None, deadline: str | None) -> bool:
    """Completed in Taskwarrior's terms: confirmed, or reported done within its deadline (tracker
    counts a task reported done late as overdue until the office confirms it, so it stays
    pending here and the overdue lists hold the same tasks)."""
    if state == "confirmed":
        return True
    return state == "reported_done" and (deadline is None or (completed_on is not None and completed_on <= deadline))


def ensure_installed() -> tuple[str | None, str]:
    """(path of ``task`` or None, a sentence saying what was done)."""
    found = shutil.which("task")
    if found:
        return found, "found on PATH"
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None, "not installed, and this is not a root Debian/Ubuntu machine: `apt-get install taskwarrior`"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(["apt-get", "install", "-y", "taskwarrior"], capture_output=True, text=True, env=env)
    if done.returncode != 0:  # the package lists may be missing on a fresh machine
        subprocess.run(["apt-get", "update"], capture_output=True, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "taskwarrior"], capture_output=True, text=True, env=env)
    found = shutil.which("task")
    if found:
        return found, "installed now with `apt-get install -y taskwarrior`"
    return None, f"`apt-get install -y taskwarrior` failed: {(done.stderr or done.stdout).strip()[-200:]}"


def version(binary: str) -> str:
    return subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()


@dataclass
class Taskwarrior:
    """A throwaway Taskwarrior database in ``folder`` (its own TASKRC and data directory)."""

    binary: str
    folder: Path

    def __post_init__(self) -> None:
        self.data = self.folder / "data"
        self.rc = self.folder / "taskrc"

    def reset(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.data.mkdir(parents=True)
        self.rc.write_text(f"data.location={self.data}\nconfirmation=off\nhooks=off\nverbose=nothing\n"
                           "color=off\nnews.version=2.6.2\n", encoding="utf-8")

    def command(self, *args: str) -> list[str]:
        return [self.binary, f"rc:{self.rc}", f"rc.data.location={self.data}", *RC_OVERRIDES, *args]

    def run(self, *args: str, stdin: str | None = None) -> tuple[float, str]:
        """Run ``task ARGS`` as a subprocess; (wall seconds, stdout)."""
        env = {**os.environ, "TASKRC": str(self.rc), "TASKDATA": str(self.data)}
        started = time.perf_counter()
        done = subprocess.run(self.command(*args), input=stdin, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):  # 1 = "no matches" for a report
            raise RuntimeError(f"task {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
        return elapsed, done.stdout

    def import_file(self, path: Path) -> float:
        return self.run("import", str(path))[0]


def write_json(tasks: list[dict[str, object]], path: Path) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path
