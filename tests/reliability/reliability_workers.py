"""The officer process of the concurrency test (imported by name in spawned processes, so it lives
in its own module and needs nothing from the test's conftest)."""

from __future__ import annotations

import random
import traceback
from dataclasses import dataclass, field
from typing import Any


@dataclass
class OfficerLog:
    """What one officer process did: each change applied (event id, task, kind, percent), each
    refusal as a conflict, and anything else that went wrong (must stay empty)."""

    user: str
    applied: list[tuple[int, int, str, int | None]] = field(default_factory=list)
    conflicts: int = 0
    bad_conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def officer(url: str, number: int, task_ids: list[int], changes: int, start: Any, results: Any) -> None:
    """Make ``changes`` changes (progress or note) on random tasks of ``task_ids``, each against the
    version read just before; put the :class:`OfficerLog` on ``results``."""
    log = OfficerLog(user=f"officer{number}")
    try:
        from reliability_helpers import settings_for
        from sqlalchemy import select

        from tracker.db.models import Task
        from tracker.services import tasks
        from tracker.services.context import open_context

        ctx = open_context(settings_for(url, user=log.user), prepare=False)

        def read_version(task_id: int) -> int:
            """The version the officer's screen shows (a plain read in its own transaction)."""
            with ctx.sessions() as session:
                return int(session.scalar(select(Task.version).where(Task.id == task_id)) or 0)

        rng = random.Random(number)
        start.wait(60)
        try:
            for change in range(changes):
                task_id = rng.choice(task_ids)
                try:
                    version = read_version(task_id)
                    if rng.random() < 0.6:
                        percent = rng.randint(0, 99)
                        result = tasks.progress(ctx, task_id, percent, f"{log.user} #{change}",
                                                expected_version=version)
                    else:
                        percent = None
                        result = tasks.add_note(ctx, task_id, f"{log.user} ghi chú #{change}",
                                                expected_version=version)
                    log.applied.append((result.event_id, task_id, result.kind, percent))
                except tasks.TaskConflict as conflict:
                    log.conflicts += 1
                    if conflict.change is None or conflict.current_version == conflict.expected_version:
                        log.bad_conflicts.append(repr(conflict))
                except Exception:  # noqa: BLE001 - every other failure is what the test looks for
                    log.errors.append(traceback.format_exc(limit=6))
        finally:
            ctx.close()
    except Exception:  # noqa: BLE001
        log.errors.append(traceback.format_exc())
    results.put(log)
