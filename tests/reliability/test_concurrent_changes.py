"""Eight officer processes (multiprocessing, spawn) make 200 changes each on 20 shared tasks, each
change against the version they read just before. On SQLite (WAL, busy timeout, BEGIN IMMEDIATE)
and PostgreSQL every change ends either applied or refused as a conflict: the changes applied
are exactly the events stored beyond the creation events, each task's version counts its
changes, its progress is the last progress stored, and nothing else went wrong (no "database is
locked", no other exception)."""

from __future__ import annotations

import multiprocessing
import queue
import sys
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_helpers import seed_office, settings_for  # noqa: E402
from reliability_workers import OfficerLog, officer  # noqa: E402

from tracker.db.models import Task, TaskEvent  # noqa: E402
from tracker.services.context import open_context  # noqa: E402

PROCESSES = 8
CHANGES = 200
TASKS = 20


def _run_officers(url: str, task_ids: list[int]) -> list[OfficerLog]:
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    workers = [spawn.Process(target=officer, args=(url, n, task_ids, CHANGES, start, results))
               for n in range(PROCESSES)]
    for worker in workers:
        worker.start()
    logs: list[OfficerLog] = []
    try:
        for _ in workers:
            logs.append(results.get(timeout=240))
    except queue.Empty:
        pass
    for worker in workers:
        worker.join(30)
        if worker.is_alive():
            worker.kill()
    assert len(logs) == PROCESSES, f"only {len(logs)} of {PROCESSES} officers reported"
    return logs


def test_eight_officers_lose_no_change(db_url: str) -> None:
    task_ids = seed_office(db_url, tasks=TASKS)
    logs = _run_officers(db_url, task_ids)

    errors = [error for log in logs for error in log.errors]
    assert not errors, f"{len(errors)} failures, the first:\n{errors[0]}"
    assert not [bad for log in logs for bad in log.bad_conflicts]
    applied = [change for log in logs for change in log.applied]
    conflicts = sum(log.conflicts for log in logs)
    print(f"{len(applied)} changes applied, {conflicts} refused as conflicts")
    assert len(applied) + conflicts == PROCESSES * CHANGES
    assert conflicts > 0, "the officers never met: the test did not exercise concurrency"
    assert len(applied) > PROCESSES * CHANGES // 4

    ctx = open_context(settings_for(db_url), prepare=False)
    try:
        with ctx.sessions() as session:
            events = session.execute(select(TaskEvent.id, TaskEvent.task_id, TaskEvent.kind, TaskEvent.percent,
                                            TaskEvent.by_user)
                                     .where(TaskEvent.kind != "created").order_by(TaskEvent.id)).all()
            created = session.scalars(select(TaskEvent.task_id).where(TaskEvent.kind == "created")).all()
            stored_tasks = {t.id: (t.version, t.progress, t.state) for t in session.scalars(select(Task))}
    finally:
        ctx.close()

    # every applied change is stored once, as reported, by whom made it; nothing else is stored
    assert sorted(created) == sorted(task_ids)
    assert len(events) == len(applied)
    users = {event_id: log.user for log in logs for event_id, *_ in log.applied}
    assert {e.id: (e.task_id, e.kind, e.percent, e.by_user) for e in events} == \
        {event_id: (task_id, kind, percent, users[event_id]) for event_id, task_id, kind, percent in applied}

    # each task's version counts its changes; its progress is the last progress stored
    per_task: dict[int, list[tuple[int, str, int | None]]] = defaultdict(list)
    for event in events:
        per_task[event.task_id].append((event.id, event.kind, event.percent))
    for task_id in task_ids:
        version, progress, state = stored_tasks[task_id]
        changes = per_task.get(task_id, [])
        assert version == 1 + len(changes), task_id
        progresses = [percent for _id, kind, percent in changes if kind == "progress"]
        assert progress == (progresses[-1] if progresses else 0), task_id
        assert state == ("in_progress" if progresses else "not_started")
