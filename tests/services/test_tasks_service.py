"""The lifecycle services on SQLite and PostgreSQL: every move writes one event with the user and
the business date; every illegal move is refused with a message and changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from task_world import TODAY, at_day, events_of, fingerprint, new_task, task_row

from tracker.db.models import Occurrence, Task
from tracker.domain.enums import EventKind, TaskState
from tracker.domain.errors import NotFoundError, RuleViolation, TrackerError
from tracker.domain.lifecycle import TaskFacts
from tracker.i18n import catalogue, error_text
from tracker.services import tasks
from tracker.services.as_of import snapshots_as_of
from tracker.services.context import ServiceContext
from tracker.services.tasks import TaskConflict, facts_of


def test_create_task_follows_the_importer_convention(ctx: ServiceContext) -> None:
    task_id = new_task(ctx, urgency="urgent", recurrence="FREQ=WEEKLY;BYDAY=FR")
    task = task_row(ctx, task_id)
    assert (task.state, task.progress, task.version, task.active) == ("not_started", 0, 1, True)
    assert task.original_deadline == task.current_deadline == date(2021, 7, 30)
    assert task.search_text == "230-cv/tu 1 so y te xet nghiem dien rong cho nguoi dan"
    [created] = events_of(ctx, task_id)
    assert (created.kind, created.on_date, created.by_user) == ("created", TODAY, "tester")
    assert created.new is not None and created.new["state"] == "not_started"
    assert created.new["current_deadline"] == "2021-07-30"
    assert created.new["body_id"] == task.body_id


def test_a_task_through_its_whole_life(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    steps: list[tuple[str, Any]] = [
        ("progress", lambda c: tasks.progress(c, task_id, 30, "Đã họp triển khai")),
        ("reported_done", lambda c: tasks.report_done(c, task_id, note="Xong")),
        ("returned", lambda c: tasks.return_task(c, task_id, "Thiếu số liệu huyện")),
        ("progress", lambda c: tasks.progress(c, task_id, 90)),
        ("extension_requested", lambda c: tasks.request_extension(c, task_id, date(2021, 8, 10), "Chờ kết quả")),
        ("extended", lambda c: tasks.extend(c, task_id)),
        ("urged", lambda c: tasks.urge(c, task_id, channel="điện thoại", document="15-CV/VPTU")),
        ("reported_done", lambda c: tasks.report_done(c, task_id)),
        ("confirmed", lambda c: tasks.confirm(c, task_id)),
        ("reopened", lambda c: tasks.reopen(c, task_id, "Phát sinh ca mới")),
        ("reported_done", lambda c: tasks.report_done(c, task_id)),
        ("confirmed", lambda c: tasks.confirm(c, task_id, note="Đạt")),
    ]
    version = 1
    for offset, (kind, step) in enumerate(steps):
        day_ctx = at_day(ctx, TODAY + timedelta(days=offset), user=f"officer{offset % 2}")
        result = step(day_ctx)
        version += 1
        assert (result.kind, result.version) == (kind, version)
        assert result.message
    task = task_row(ctx, task_id)
    assert task.state == "confirmed"
    assert task.current_deadline == date(2021, 8, 10)
    assert task.original_deadline == date(2021, 7, 30)
    assert task.completed_on == date(2021, 8, 5)  # the last report, ten days after the first step
    events = events_of(ctx, task_id)
    assert [e.kind for e in events] == ["created", *[k for k, _ in steps]]
    assert [e.on_date for e in events[1:]] == [TODAY + timedelta(days=i) for i in range(len(steps))]
    assert {e.by_user for e in events[1:]} == {"officer0", "officer1"}
    assert all(isinstance(e.at, datetime) and e.at.date() == e.on_date for e in events)
    assert events[1].percent == 30 and events[1].note == "Đã họp triển khai"
    assert events[6].new is not None and events[6].new["approves_request"] is True
    assert events[7].new == {"urged_on": "2021-08-01", "channel": "điện thoại", "document": "15-CV/VPTU"}


def test_history_replayed_equals_the_task_columns(ctx: ServiceContext) -> None:
    first = new_task(ctx)
    second = new_task(ctx, body_name="Sở Giáo dục và Đào tạo", deadline=None)
    tasks.progress(ctx, first, 50)
    tasks.request_extension(ctx, first, date(2021, 8, 5), "Cần thêm thời gian")
    tasks.report_done(ctx, second)
    tasks.edit(ctx, second, deadline=date(2021, 8, 20), urgency="immediate")
    tasks.undo(ctx, second)
    tasks.remove_body(ctx, first, "Không đúng chức năng")
    with ctx.sessions.begin() as session:
        replayed = snapshots_as_of(session, TODAY)
        current = {t.id: facts_of(t) for t in session.scalars(select(Task))}
    assert replayed == current


def test_extension_approval_rejection_and_the_reason(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    tasks.request_extension(ctx, task_id, date(2021, 8, 15), "Chờ vật tư")
    assert task_row(ctx, task_id).pending_extension == date(2021, 8, 15)
    tasks.reject_extension(ctx, task_id, "Không đủ căn cứ")
    task = task_row(ctx, task_id)
    assert (task.pending_extension, task.current_deadline) == (None, date(2021, 7, 30))
    tasks.request_extension(ctx, task_id, date(2021, 8, 15), "Chờ vật tư")
    tasks.extend(ctx, task_id, date(2021, 8, 5), "Chỉ đồng ý đến 5/8")
    task = task_row(ctx, task_id)
    assert (task.pending_extension, task.current_deadline, task.original_deadline) == (
        None, date(2021, 8, 5), date(2021, 7, 30))
    last = events_of(ctx, task_id)[-1]
    assert last.new is not None and last.new["approves_request"] is False and last.new["request"] == "2021-08-15"


def test_edit_deadline_recurrence_urgency(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    tasks.edit(ctx, task_id, deadline=date(2021, 8, 31), recurrence="weekly", urgency="urgent")
    task = task_row(ctx, task_id)
    assert (task.original_deadline, task.current_deadline, task.recurrence, task.urgency) == (
        date(2021, 8, 31), date(2021, 8, 31), "FREQ=WEEKLY", "urgent")
    tasks.edit(ctx, task_id, recurrence=None, urgency=None)
    task = task_row(ctx, task_id)
    assert (task.recurrence, task.urgency) == (None, None)


def test_add_body_makes_a_task_for_it_and_remove_keeps_it_inactive(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    tasks.extend(ctx, task_id, date(2021, 8, 5), "Gia hạn chung")
    new_task(ctx, body_name="Sở Giáo dục và Đào tạo", item_text="Việc khác")  # the body exists in the directory
    result = tasks.add_body(ctx, task_id, "sở giáo dục và đào tạo")
    assert result.kind == "body_added" and result.created_task_id is not None
    added = task_row(ctx, result.created_task_id)
    original = task_row(ctx, task_id)
    assert (added.item_id, added.role, added.state) == (original.item_id, "cooperating", "not_started")
    assert (added.current_deadline, added.original_deadline) == (date(2021, 8, 5), date(2021, 7, 30))
    assert [e.kind for e in events_of(ctx, added.id)] == ["created"]
    removed = tasks.remove_body(ctx, added.id, "Không liên quan")
    assert removed.kind == "body_removed"
    assert task_row(ctx, added.id).active is False
    again = tasks.add_body(ctx, task_id, "Sở Giáo dục và Đào tạo")
    assert again.created_task_id == added.id  # the same task, active again, its history kept
    assert task_row(ctx, added.id).active is True
    assert [e.kind for e in events_of(ctx, added.id)] == ["created", "body_removed", "body_added"]


def test_undo_walks_back_and_keeps_the_history(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    tasks.progress(ctx, task_id, 40)
    tasks.report_done(ctx, task_id)
    tasks.confirm(ctx, task_id)
    before_confirm = facts_of(task_row(ctx, task_id)).with_changes({"state": "reported_done"})
    first = tasks.undo(ctx, task_id)
    assert first.kind == "undone" and first.state == "reported_done"
    assert facts_of(task_row(ctx, task_id)) == before_confirm
    tasks.undo(ctx, task_id)
    task = task_row(ctx, task_id)
    assert (task.state, task.progress, task.completed_on) == ("in_progress", 40, None)
    tasks.undo(ctx, task_id)
    task = task_row(ctx, task_id)
    assert (task.state, task.progress) == ("not_started", 0)
    kinds = [(e.kind, e.undoes_event_id) for e in events_of(ctx, task_id)]
    assert kinds == [("created", None), ("progress", None), ("reported_done", None), ("confirmed", None),
                     ("undone", 4), ("undone", 3), ("undone", 2)]
    with pytest.raises(RuleViolation) as caught:
        tasks.undo(ctx, task_id)
    assert caught.value.code == "task.rule.nothing_to_undo"


def test_undo_of_an_added_body_and_of_a_submitted_report(ctx: ServiceContext) -> None:
    task_id = new_task(ctx, recurrence="FREQ=WEEKLY;BYDAY=FR")
    new_task(ctx, body_name="UBND huyện Hòa Thành", item_text="Việc khác")
    added = tasks.add_body(ctx, task_id, "UBND huyện Hòa Thành").created_task_id
    assert added is not None
    tasks.undo(ctx, task_id)
    assert task_row(ctx, added).active is False
    tasks.submit_occurrence(ctx, task_id, date(2021, 7, 23), note="Báo cáo tuần 29")
    tasks.undo(ctx, task_id)
    with ctx.sessions.begin() as session:
        row = session.scalar(select(Occurrence).where(Occurrence.task_id == task_id))
        assert row is not None and row.submitted_on is None
    tasks.submit_occurrence(ctx, task_id, date(2021, 7, 23))  # may be submitted again after the undo


def test_submit_an_occurrence_once(ctx: ServiceContext) -> None:
    task_id = new_task(ctx, recurrence="FREQ=WEEKLY;BYDAY=FR")
    tasks.submit_occurrence(ctx, task_id, date(2021, 7, 16))
    with ctx.sessions.begin() as session:
        rows = session.execute(select(Occurrence.due_on, Occurrence.submitted_on, Occurrence.submitted_by)).all()
    assert rows == [(date(2021, 7, 16), TODAY, "tester")]
    for day, key in [(date(2021, 7, 16), "task.rule.occurrence_already_submitted"),
                     (date(2021, 7, 21), "task.rule.not_an_occurrence"),
                     (date(2021, 7, 30), "task.rule.occurrence_future")]:
        before = fingerprint(ctx)
        with pytest.raises(RuleViolation) as caught:
            tasks.submit_occurrence(ctx, task_id, day)
        assert caught.value.code == key
        assert fingerprint(ctx) == before


# ---------------------------------------------------------------- refusals change nothing


def _prepared(ctx: ServiceContext, state: str) -> int:
    task_id = new_task(ctx)
    if state in ("in_progress", "reported_done", "confirmed"):
        tasks.progress(ctx, task_id, 50)
    if state in ("reported_done", "confirmed"):
        tasks.report_done(ctx, task_id)
    if state == "confirmed":
        tasks.confirm(ctx, task_id)
    return task_id


ILLEGAL: list[tuple[str, str, Any]] = [
    ("not_started", "task.rule.not_reported", lambda c, t: tasks.confirm(c, t)),
    ("in_progress", "task.rule.not_reported", lambda c, t: tasks.confirm(c, t)),
    ("confirmed", "task.rule.already_confirmed", lambda c, t: tasks.confirm(c, t)),
    ("in_progress", "task.rule.percent_range", lambda c, t: tasks.progress(c, t, 140)),
    ("in_progress", "task.rule.percent_range", lambda c, t: tasks.progress(c, t, -5)),
    ("reported_done", "task.rule.waiting_confirmation", lambda c, t: tasks.progress(c, t, 60)),
    ("confirmed", "task.rule.already_confirmed", lambda c, t: tasks.progress(c, t, 60)),
    ("reported_done", "task.rule.already_reported", lambda c, t: tasks.report_done(c, t)),
    ("in_progress", "task.rule.done_in_future", lambda c, t: tasks.report_done(c, t, done_on=date(2021, 7, 27))),
    ("in_progress", "task.rule.not_reported", lambda c, t: tasks.return_task(c, t, "x")),
    ("reported_done", "task.rule.reason_required", lambda c, t: tasks.return_task(c, t, "")),
    ("confirmed", "task.rule.return_confirmed", lambda c, t: tasks.return_task(c, t, "x")),
    ("in_progress", "task.rule.not_confirmed", lambda c, t: tasks.reopen(c, t, "x")),
    ("in_progress", "task.rule.extension_past", lambda c, t: tasks.extend(c, t, date(2021, 7, 20), "x")),
    ("in_progress", "task.rule.extension_not_forward", lambda c, t: tasks.extend(c, t, date(2021, 7, 29), "x")),
    ("confirmed", "task.rule.extend_confirmed", lambda c, t: tasks.extend(c, t, date(2021, 8, 29), "x")),
    ("in_progress", "task.rule.no_pending_extension", lambda c, t: tasks.extend(c, t)),
    ("in_progress", "task.rule.no_pending_extension", lambda c, t: tasks.reject_extension(c, t)),
    ("in_progress", "task.rule.extension_past",
     lambda c, t: tasks.request_extension(c, t, date(2021, 7, 1), "x")),
    ("confirmed", "task.rule.urge_confirmed", lambda c, t: tasks.urge(c, t)),
    ("in_progress", "task.rule.note_required", lambda c, t: tasks.add_note(c, t, "  ")),
    ("in_progress", "task.rule.nothing_changed", lambda c, t: tasks.edit(c, t, deadline=date(2021, 7, 30))),
    ("in_progress", "task.rule.bad_recurrence", lambda c, t: tasks.edit(c, t, recurrence="mỗi khi rảnh")),
    ("in_progress", "task.rule.bad_urgency", lambda c, t: tasks.edit(c, t, urgency="very")),
    ("in_progress", "task.body_not_found", lambda c, t: tasks.add_body(c, t, "Sở Không Tồn Tại")),
    ("in_progress", "task.rule.body_already_responsible", lambda c, t: tasks.add_body(c, t, "Sở Y tế")),
    ("in_progress", "task.rule.bad_role", lambda c, t: tasks.add_body(c, t, "Sở Y tế", role="boss")),
    ("in_progress", "task.rule.not_recurring", lambda c, t: tasks.submit_occurrence(c, t, date(2021, 7, 20))),
    ("not_started", "task.rule.nothing_to_undo", lambda c, t: tasks.undo(c, t)),
    ("in_progress", "task.rule.unknown_action", lambda c, t: tasks.perform(c, t, "delete")),
    ("in_progress", "task.not_found", lambda c, t: tasks.progress(c, t + 999, 50)),
    ("in_progress", "task.not_found", lambda c, t: tasks.confirm(c, 0)),
]


@pytest.mark.parametrize(("state", "key", "action"), ILLEGAL,
                         ids=[f"{i}-{s}-{k.rsplit('.', 1)[-1]}" for i, (s, k, _) in enumerate(ILLEGAL)])
def test_illegal_move_changes_nothing(ctx: ServiceContext, state: str, key: str, action: Any) -> None:
    task_id = _prepared(ctx, state)
    before = fingerprint(ctx)
    with pytest.raises(TrackerError) as caught:
        action(ctx, task_id)
    assert caught.value.code == key
    assert key in catalogue()
    assert "{" not in error_text(caught.value, "vi") and "{" not in error_text(caught.value, "en")
    assert fingerprint(ctx) == before


def test_removed_task_takes_no_action_but_a_note(ctx: ServiceContext) -> None:
    task_id = _prepared(ctx, "in_progress")
    tasks.remove_body(ctx, task_id)
    before = fingerprint(ctx)
    with pytest.raises(RuleViolation) as caught:
        tasks.progress(ctx, task_id, 60)
    assert caught.value.code == "task.rule.inactive"
    assert fingerprint(ctx) == before
    assert tasks.add_note(ctx, task_id, "Đã chuyển cho đơn vị khác").kind == "note"


def test_unknown_id_message(ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError) as caught:
        tasks.report_done(ctx, 424242)
    assert error_text(caught.value, "en") == "No task with id 424242."
    assert error_text(caught.value, "vi") == "Không tìm thấy nhiệm vụ số 424242."


# ---------------------------------------------------------------- no lost update


def test_stale_version_is_refused_with_the_other_change(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    seen = task_row(ctx, task_id).version
    tasks.progress(at_day(ctx, TODAY, user="lan"), task_id, 70, "Đang tổng hợp", expected_version=seen)
    before = fingerprint(ctx)
    with pytest.raises(TaskConflict) as caught:
        tasks.progress(at_day(ctx, TODAY, user="minh"), task_id, 20, expected_version=seen)
    conflict = caught.value
    assert (conflict.expected_version, conflict.current_version) == (1, 2)
    assert conflict.change is not None
    assert (conflict.change.user, conflict.change.kind, conflict.change.percent) == ("lan", "progress", 70)
    text = error_text(conflict, "en")
    assert "lan" in text and "70%" in text and "version 1" in text
    assert fingerprint(ctx) == before
    assert tasks.progress(ctx, task_id, 20, expected_version=2).version == 3


def test_every_action_bumps_the_version(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    versions = [tasks.add_note(ctx, task_id, "a").version, tasks.urge(ctx, task_id).version,
                tasks.progress(ctx, task_id, 0).version]
    assert versions == [2, 3, 4]


def test_a_write_racing_past_the_version_check_is_a_conflict(ctx: ServiceContext, db_url: str) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite's BEGIN IMMEDIATE serialises whole transactions: no race past the check")
    task_id = new_task(ctx)
    other = at_day(ctx, TODAY, user="lan")

    def decide(session: Any, task: Task, facts: TaskFacts) -> Any:
        tasks.add_note(other, task_id, "Ghi chú chen ngang")  # commits while we hold version 1
        from tracker.domain import lifecycle

        return lifecycle.progress(facts, 80)

    with pytest.raises(TaskConflict) as caught:
        tasks._run(ctx, task_id, "progress", None, decide)
    assert caught.value.change is not None and caught.value.change.user == "lan"
    task = task_row(ctx, task_id)
    assert (task.progress, task.version) == (0, 2)
    assert [e.kind for e in events_of(ctx, task_id)] == ["created", "note"]


def test_perform_dispatches_by_name(ctx: ServiceContext) -> None:
    task_id = new_task(ctx)
    assert tasks.perform(ctx, task_id, "progress", 1, percent=25, note="x").state == TaskState.IN_PROGRESS
    assert tasks.perform(ctx, task_id, "report_done", 2).kind == EventKind.REPORTED_DONE
    assert set(tasks.ACTIONS) >= {"progress", "report_done", "confirm", "return", "extend", "urge", "note",
                                  "edit", "undo", "reopen", "add_body", "remove_body", "request_extension",
                                  "reject_extension", "submit_occurrence"}
