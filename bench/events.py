"""Seeded event histories for an imported tracker database (SQLite): progress, done reports,
confirmations, returns, extensions, urges and notes - about ``EVENTS_PER_TASK`` events per task
(the ``created`` event included), so the office corpus (~52,000 tasks) gets ~250,000 events.

Every history is computed with the real lifecycle rules (``tracker.domain.lifecycle``: the same
transitions, the same ``old``/``new`` JSON the services write), so a task's stored columns are
exactly the fold of its events. Histories are written straight into the file with executemany
(going through the services would take an hour at this size).

The office is taken to import each directive the day after it was issued: the import's
timestamps (directive, import batch, task, ``created`` event) are moved to that day, so the
history runs from then to ``today``. The append-only triggers of ``task_event`` are dropped for
that one update and recreated.

    from bench.events import add_histories
    add_histories(Path("office.db"), today=date(2025, 1, 10), seed=2021)
"""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

EVENTS_PER_TASK = 5  # the created event and ~4 more
NOTES = ["Đang phối hợp thực hiện", "Đã xây dựng kế hoạch, đang triển khai", "Đã tổng hợp số liệu",
         "Chờ ý kiến của các đơn vị phối hợp", "Đã báo cáo Thường trực"]
RETURN_REASONS = ["Thiếu số liệu", "Báo cáo chưa đúng nội dung yêu cầu", "Chưa có ý kiến đơn vị phối hợp"]
EXTEND_REASONS = ["Đề nghị của đơn vị", "Chờ hướng dẫn của bộ, ngành Trung ương", "Khối lượng công việc lớn"]
URGE_CHANNELS = ["công văn", "điện thoại", "giao ban"]


@dataclass(frozen=True)
class EventRow:
    task_id: int
    at: str
    on_date: str
    kind: str
    percent: int | None
    note: str | None
    old: str | None
    new: str | None


def _at(day: date, step: int) -> str:
    """The stored (naive, local) timestamp of the ``step``-th change of a day: 08:00 + 7 min a step."""
    return (datetime.combine(day, time(8)) + timedelta(minutes=7 * step)).strftime("%Y-%m-%d %H:%M:%S.%f")


def history(task_id: int, facts: Any, received: date, today: date, seed: int) -> tuple[Any, list[EventRow]]:
    """The life of one task after its import on ``received``: (final facts, events)."""
    from tracker.domain import lifecycle
    from tracker.domain.enums import TaskState
    from tracker.domain.errors import RuleViolation

    rng = random.Random(seed * 1_000_003 + task_id)
    wanted = max(1, min(9, round(rng.gauss(EVENTS_PER_TASK - 1, 1.5))))
    deadline = facts.current_deadline
    end = min(today, (deadline or received + timedelta(days=90)) + timedelta(days=rng.randint(-20, 60)))
    span = max(0, (end - received).days)
    days = sorted(received + timedelta(days=rng.randint(0, span)) for _ in range(wanted))
    events: list[EventRow] = []
    for step, day in enumerate(days, 1):
        state = facts.state
        roll = rng.random()
        try:
            if state == TaskState.CONFIRMED:
                change = lifecycle.add_note(facts, "Đã lưu hồ sơ")
            elif state == TaskState.REPORTED_DONE:
                change = (lifecycle.confirm(facts) if roll < 0.85
                          else lifecycle.return_task(facts, rng.choice(RETURN_REASONS)))
            elif roll < 0.35:
                percent = min(95, facts.progress + rng.choice((10, 20, 30)))
                change = lifecycle.progress(facts, percent, f"Đã thực hiện {percent}%")
            elif roll < 0.65:
                change = lifecycle.report_done(facts, day, day)
            elif roll < 0.75 and facts.current_deadline is not None:
                new = max(facts.current_deadline, day) + timedelta(days=rng.choice((7, 14, 30)))
                change = lifecycle.extend(facts, new, rng.choice(EXTEND_REASONS), day)
            elif roll < 0.85 and facts.current_deadline is not None and facts.current_deadline < day:
                change = lifecycle.urge(facts, day, day, rng.choice(URGE_CHANNELS))
            else:
                change = lifecycle.add_note(facts, rng.choice(NOTES))
        except RuleViolation:
            change = lifecycle.add_note(facts, rng.choice(NOTES))
        old = lifecycle.to_json(lifecycle.old_values(facts, change.changes))
        new = {**lifecycle.to_json(change.changes), **change.info}
        events.append(EventRow(task_id, _at(day, step), day.isoformat(), change.kind.value, change.percent,
                               change.note, json.dumps(old, ensure_ascii=False) if old else None,
                               json.dumps(new, ensure_ascii=False) if new else None))
        facts = facts.with_changes(change.changes)
    return facts, events


def add_histories(db: Path, today: date, seed: int = 2021) -> dict[str, int]:
    """Give every task of the SQLite file ``db`` a history up to ``today``; returns counts."""
    from tracker.domain.enums import TaskState
    from tracker.domain.lifecycle import TaskFacts

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    triggers = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'task_event'")]
    for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'task_event'")\
            .fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    rows = conn.execute(
        "SELECT t.id, d.id, d.issue_date, t.original_deadline, t.current_deadline, t.recurrence, t.urgency,"
        " t.body_id, t.role FROM task t JOIN directive d ON d.id = t.directive_id ORDER BY t.id").fetchall()
    received_of: dict[int, date] = {}
    task_updates: list[tuple[Any, ...]] = []
    created_updates: list[tuple[str, str, int]] = []
    new_events: list[EventRow] = []
    for task_id, directive_id, issued, original, current, recurrence, urgency, body_id, role in rows:
        received = received_of.get(directive_id)
        if received is None:
            received = min(today, date.fromisoformat(issued) + timedelta(days=1)) if issued else today
            received_of[directive_id] = received
        facts = TaskFacts(original_deadline=date.fromisoformat(original) if original else None,
                          current_deadline=date.fromisoformat(current) if current else None,
                          recurrence=recurrence, urgency=urgency, body_id=body_id, role=role)
        final, events = history(task_id, facts, received, today, seed)
        created_at = _at(received, 0)
        created_updates.append((created_at, received.isoformat(), task_id))
        new_events.extend(events)
        task_updates.append((
            final.state.value if isinstance(final.state, TaskState) else final.state, final.progress,
            final.current_deadline.isoformat() if final.current_deadline else None,
            final.completed_on.isoformat() if final.completed_on else None,
            final.pending_extension.isoformat() if final.pending_extension else None,
            1 + len(events), created_at, events[-1].at if events else created_at, task_id))
    with conn:
        conn.executemany("UPDATE directive SET imported_at = ? WHERE id = ?",
                         [(_at(day, 0), directive_id) for directive_id, day in received_of.items()])
        conn.execute("UPDATE import_batch SET imported_at = (SELECT min(d.imported_at) FROM directive d"
                     " WHERE d.import_batch_id = import_batch.id)"
                     " WHERE EXISTS (SELECT 1 FROM directive d WHERE d.import_batch_id = import_batch.id)")
        conn.executemany("UPDATE task_event SET at = ?, on_date = ? WHERE task_id = ? AND kind = 'created'",
                         created_updates)
        conn.executemany("UPDATE task SET state = ?, progress = ?, current_deadline = ?, completed_on = ?,"
                         " pending_extension = ?, version = ?, created_at = ?, updated_at = ? WHERE id = ?",
                         task_updates)
        conn.executemany("INSERT INTO task_event (task_id, at, on_date, by_user, kind, percent, note, old, new)"
                         " VALUES (?, ?, ?, 'bench', ?, ?, ?, ?, ?)",
                         [(e.task_id, e.at, e.on_date, e.kind, e.percent, e.note, e.old, e.new) for e in new_events])
        for sql in triggers:
            conn.execute(sql)
    conn.execute("ANALYZE")
    conn.close()
    return {"tasks": len(rows), "events": len(rows) + len(new_events), "directives": len(received_of)}
