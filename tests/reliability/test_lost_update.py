"""No lost update: two officers change the same task at once; the later save is refused with the
other's change shown (who, what), never silently written over. On SQLite and PostgreSQL."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_helpers import is_sqlite, seed_office, settings_for  # noqa: E402

from tracker.db.models import Task, TaskEvent  # noqa: E402
from tracker.i18n import error_text  # noqa: E402
from tracker.services import queries, tasks  # noqa: E402
from tracker.services.context import ServiceContext, open_context  # noqa: E402


@pytest.fixture
def officers(db_url: str) -> Any:
    """Two officers on the same database, each with their own connection pool."""
    task_id = seed_office(db_url, tasks=1)[0]
    lan = open_context(settings_for(db_url, user="lan"))
    minh = open_context(settings_for(db_url, user="minh"))
    yield task_id, lan, minh
    lan.close()
    minh.close()


def _events(ctx: ServiceContext, task_id: int) -> list[tuple[str, str, int | None, str | None]]:
    with ctx.sessions() as session:
        return [(e.kind, e.by_user, e.percent, e.note) for e in session.scalars(
            select(TaskEvent).where(TaskEvent.task_id == task_id).order_by(TaskEvent.id))]


def test_the_later_save_is_refused_and_shows_the_other_change(officers: Any) -> None:
    task_id, lan, minh = officers
    seen_by_lan = queries.get_task(lan, task_id).version
    seen_by_minh = queries.get_task(minh, task_id).version
    assert seen_by_lan == seen_by_minh == 1

    saved = tasks.progress(lan, task_id, 40, "đã triển khai tại 3 huyện", expected_version=seen_by_lan)
    assert saved.version == 2

    with pytest.raises(tasks.TaskConflict) as refused:
        tasks.progress(minh, task_id, 70, "đã xong 70%", expected_version=seen_by_minh)
    conflict = refused.value
    assert conflict.exit_code == 5
    assert (conflict.expected_version, conflict.current_version) == (1, 2)
    assert conflict.change is not None and conflict.change.user == "lan"
    message = error_text(conflict)
    assert "lan" in message and "40" in message, message

    # Lan's change stands; Minh's is not stored anywhere.
    detail = queries.get_task(minh, task_id)
    assert (detail.progress, detail.version) == (40, 2)
    assert _events(minh, task_id) == [("created", "importer", None, None),
                                      ("progress", "lan", 40, "đã triển khai tại 3 huyện")]

    # Having seen Lan's change, Minh saves against the new version: accepted.
    tasks.progress(minh, task_id, 70, "đã xong 70%", expected_version=detail.version)
    assert queries.get_task(lan, task_id).progress == 70


def test_a_save_racing_past_the_version_check_is_still_refused(officers: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Both read version 1 and both pass the check; Lan's transaction is held open (after her
    check, before her write) while Minh saves. Whichever way the backend orders them (SQLite:
    Minh waits for the write lock Lan's BEGIN IMMEDIATE holds, then sees version 2; PostgreSQL:
    Minh's save goes through, and Lan's ``UPDATE ... WHERE version = 1`` then matches nothing),
    exactly one change is stored and the other save gets the conflict naming the first."""
    task_id, lan, minh = officers
    lan_checked = threading.Event()
    minh_started = threading.Event()
    minh_done = threading.Event()
    real_authorize = tasks.authorize

    def authorize_slowly(ctx: ServiceContext, session: Any, action: str, task: Task) -> None:
        real_authorize(ctx, session, action, task)
        if ctx.user == "lan":
            lan_checked.set()
            assert minh_started.wait(10)
            if is_sqlite(ctx.settings.db_url):
                minh_done.wait(1.0)  # Minh is now blocked on Lan's write lock, inside his save
            else:
                assert minh_done.wait(10)  # Lan holds no row lock yet: Minh's save goes through

    monkeypatch.setattr(tasks, "authorize", authorize_slowly)
    outcome: dict[str, Any] = {}

    def minh_saves() -> None:
        assert lan_checked.wait(10)
        minh_started.set()
        try:
            outcome["minh"] = tasks.add_note(minh, task_id, "ghi chú của Minh", expected_version=1)
        except Exception as exc:  # noqa: BLE001 - the assertion below says which
            outcome["minh"] = exc
        finally:
            minh_done.set()

    thread = threading.Thread(target=minh_saves)
    thread.start()
    try:
        outcome["lan"] = tasks.progress(lan, task_id, 55, "Lan cập nhật", expected_version=1)
    except tasks.TaskConflict as exc:
        outcome["lan"] = exc
    thread.join(30)
    assert not thread.is_alive()

    results = {who: r for who, r in outcome.items() if not isinstance(r, Exception)}
    refusals = {who: r for who, r in outcome.items() if isinstance(r, Exception)}
    assert len(results) == 1 and len(refusals) == 1, outcome
    (winner, saved), (_loser, refused) = next(iter(results.items())), next(iter(refusals.items()))
    # SQLite: Lan holds the write lock (BEGIN IMMEDIATE) so Minh waits and then sees version 2.
    # PostgreSQL: Lan has only read, so Minh's UPDATE goes first and Lan's finds version 2.
    expected_winner = "lan" if is_sqlite(lan.settings.db_url) else "minh"
    assert winner == expected_winner, outcome
    assert isinstance(refused, tasks.TaskConflict), refused
    assert refused.change is not None and refused.change.user == winner
    assert (refused.expected_version, refused.current_version, saved.version) == (1, 2, 2)
    assert winner in error_text(refused)
    with minh.sessions() as session:
        stored = session.scalar(select(func.count()).select_from(TaskEvent).where(TaskEvent.task_id == task_id))
        task = session.get(Task, task_id)
        assert task is not None
        assert (task.version, stored) == (2, 2)
        assert task.progress == (55 if winner == "lan" else 0)
    kinds = [(kind, user) for kind, user, *_ in _events(minh, task_id)]
    assert kinds == [("created", "importer"), ("progress" if winner == "lan" else "note", winner)]
