"""The pure state machine: every legal move and what it changes, every illegal one refused."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import lifecycle as lc
from tracker.domain.enums import EventKind, TaskState
from tracker.domain.errors import RuleViolation
from tracker.domain.lifecycle import TaskFacts
from tracker.i18n import catalogue

TODAY = date(2021, 7, 26)
DEADLINE = date(2021, 7, 30)

NEW = TaskFacts(original_deadline=DEADLINE, current_deadline=DEADLINE)
STARTED = NEW.with_changes({"state": "in_progress", "progress": 40})
REPORTED = STARTED.with_changes({"state": "reported_done", "progress": 100, "completed_on": date(2021, 7, 25)})
CONFIRMED = REPORTED.with_changes({"state": "confirmed"})
REMOVED = STARTED.with_changes({"active": False})
REQUESTED = STARTED.with_changes({"pending_extension": date(2021, 8, 15)})


def refused(key: str, call, *args, **kwargs) -> RuleViolation:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleViolation) as caught:
        call(*args, **kwargs)
    assert caught.value.code == key
    assert key in catalogue(), f"{key} has no message"
    return caught.value


# ---------------------------------------------------------------- legal moves


def test_progress_starts_a_task_and_records_the_percent() -> None:
    move = lc.progress(NEW, 60, "  họp triển khai  ")
    assert move.kind == EventKind.PROGRESS
    assert move.changes == {"state": TaskState.IN_PROGRESS, "progress": 60}
    assert (move.percent, move.note) == (60, "họp triển khai")
    assert lc.progress(STARTED, 40).changes == {}  # same values: only the event is recorded
    assert lc.progress(STARTED, 0).changes == {"progress": 0}
    assert lc.progress(STARTED, 100).changes == {"progress": 100}  # 100 % is not "reported done"


def test_report_done_today_or_on_a_past_day() -> None:
    move = lc.report_done(STARTED, TODAY)
    assert move.changes == {"state": TaskState.REPORTED_DONE, "progress": 100, "completed_on": TODAY}
    earlier = lc.report_done(NEW, TODAY, done_on=date(2021, 7, 20), note="xong")
    assert earlier.changes["completed_on"] == date(2021, 7, 20)
    assert earlier.note == "xong"


def test_confirm_a_reported_task_and_settle_a_pending_request() -> None:
    assert lc.confirm(REPORTED).changes == {"state": TaskState.CONFIRMED}
    with_request = REPORTED.with_changes({"pending_extension": date(2021, 8, 5)})
    assert lc.confirm(with_request).changes == {"state": TaskState.CONFIRMED, "pending_extension": None}


def test_return_and_reopen_put_the_task_back_in_progress() -> None:
    back = lc.return_task(REPORTED, "Thiếu số liệu")
    assert back.kind == EventKind.RETURNED
    assert back.changes == {"state": TaskState.IN_PROGRESS, "completed_on": None}
    assert back.info == {"reason": "Thiếu số liệu"}
    again = lc.reopen(CONFIRMED, "Phát sinh")
    assert again.kind == EventKind.REOPENED
    assert again.changes == {"state": TaskState.IN_PROGRESS, "completed_on": None}


def test_request_extension_then_the_office_extends_or_rejects() -> None:
    asked = lc.request_extension(STARTED, date(2021, 8, 15), "Chờ kinh phí", TODAY)
    assert asked.changes == {"pending_extension": date(2021, 8, 15)}
    assert asked.info["requested"] == "2021-08-15"
    approved = lc.extend(REQUESTED, date(2021, 8, 15), None, TODAY)  # approving takes the unit's reason
    assert approved.changes == {"current_deadline": date(2021, 8, 15), "pending_extension": None}
    assert approved.info["approves_request"] is True
    shorter = lc.extend(REQUESTED, date(2021, 8, 10), "Chỉ gia hạn 10 ngày", TODAY)
    assert shorter.info["approves_request"] is False
    assert shorter.changes["current_deadline"] == date(2021, 8, 10)
    plain = lc.extend(STARTED, date(2021, 8, 1), "Theo đề nghị miệng", TODAY)
    assert plain.changes == {"current_deadline": date(2021, 8, 1)}
    rejected = lc.reject_extension(REQUESTED, "Không có cơ sở")
    assert rejected.changes == {"pending_extension": None}
    replaced = lc.request_extension(REQUESTED, date(2021, 8, 20), "Thêm thời gian", TODAY)
    assert replaced.info["replaces"] == "2021-08-15"


def test_extend_a_reported_but_unconfirmed_task_and_an_overdue_one() -> None:
    assert lc.extend(REPORTED, date(2021, 8, 2), "Bổ sung", TODAY).changes == {"current_deadline": date(2021, 8, 2)}
    late = STARTED.with_changes({"current_deadline": date(2021, 7, 1)})
    assert lc.extend(late, TODAY, "Gia hạn đến hôm nay", TODAY).changes == {"current_deadline": TODAY}


def test_urge_note_and_edit() -> None:
    urged = lc.urge(STARTED, TODAY, date(2021, 7, 24), "văn bản", "120-CV/VPTU", "Đôn đốc lần 1")
    assert urged.changes == {}
    assert urged.info == {"urged_on": "2021-07-24", "channel": "văn bản", "document": "120-CV/VPTU"}
    assert lc.add_note(REMOVED, "ghi chú").note == "ghi chú"  # a note is allowed even on a removed task
    edited = lc.edit(STARTED, deadline=date(2021, 8, 31), urgency="urgent")
    assert edited.changes == {"original_deadline": date(2021, 8, 31), "current_deadline": date(2021, 8, 31),
                              "urgency": "urgent"}
    assert lc.edit(STARTED, deadline=None).changes == {"original_deadline": None, "current_deadline": None}
    assert lc.edit(STARTED, recurrence="FREQ=WEEKLY").changes == {"recurrence": "FREQ=WEEKLY"}
    assert lc.edit(CONFIRMED, urgency="immediate").kind == EventKind.EDITED  # a correction, any state


def test_remove_and_restore_a_body() -> None:
    assert lc.remove_body(STARTED, "Không thuộc chức năng").changes == {"active": False}
    assert lc.restore_body(REMOVED).changes == {"active": True}
    assert lc.body_added(STARTED, 7, "Sở Y tế", "cooperating").info == {
        "added_task_id": 7, "body": "Sở Y tế", "added_role": "cooperating"}


def test_submit_an_occurrence_of_a_recurring_task() -> None:
    weekly = STARTED.with_changes({"recurrence": "FREQ=WEEKLY;BYDAY=FR"})
    move = lc.submit_occurrence(weekly, date(2021, 7, 23), TODAY)
    assert move.info == {"due_on": "2021-07-23", "submitted_on": "2021-07-26"}


def test_undo_restores_the_old_values_it_replaced() -> None:
    move = lc.progress(STARTED, 70)
    old = lc.to_json(lc.old_values(STARTED, move.changes))
    new = lc.to_json(move.changes)
    after = STARTED.with_changes(move.changes)
    back = lc.undo(after, move.kind, old, new, event_id=12)
    assert back.kind == EventKind.UNDONE
    assert after.with_changes(back.changes) == STARTED
    assert back.info == {"undoes": 12, "undone_kind": "progress"}


def test_json_round_trip_of_every_field() -> None:
    facts = CONFIRMED.with_changes({"pending_extension": date(2021, 9, 1), "recurrence": "FREQ=DAILY"})
    assert TaskFacts().with_changes(lc.from_json(lc.to_json(facts.values()))) == facts
    assert lc.from_json({"reason": "x", "progress": 5}) == {"progress": 5}  # event extras are not fields


# ---------------------------------------------------------------- illegal moves


@pytest.mark.parametrize("percent", [-1, 101, 140, 1000])
def test_percent_out_of_range(percent: int) -> None:
    error = refused("task.rule.percent_range", lc.progress, STARTED, percent)
    assert error.params == {"percent": percent}


def test_percent_must_be_a_whole_number() -> None:
    refused("task.rule.percent_range", lc.progress, STARTED, 50.5)
    refused("task.rule.percent_range", lc.progress, STARTED, True)


ILLEGAL = [
    ("task.rule.waiting_confirmation", lc.progress, (REPORTED, 50)),
    ("task.rule.already_confirmed", lc.progress, (CONFIRMED, 50)),
    ("task.rule.already_reported", lc.report_done, (REPORTED, TODAY)),
    ("task.rule.already_confirmed", lc.report_done, (CONFIRMED, TODAY)),
    ("task.rule.done_in_future", lc.report_done, (STARTED, TODAY, date(2021, 7, 27))),
    ("task.rule.not_reported", lc.confirm, (NEW,)),
    ("task.rule.not_reported", lc.confirm, (STARTED,)),
    ("task.rule.already_confirmed", lc.confirm, (CONFIRMED,)),
    ("task.rule.not_reported", lc.return_task, (STARTED, "x")),
    ("task.rule.return_confirmed", lc.return_task, (CONFIRMED, "x")),
    ("task.rule.reason_required", lc.return_task, (REPORTED, "   ")),
    ("task.rule.not_confirmed", lc.reopen, (REPORTED, "x")),
    ("task.rule.reason_required", lc.reopen, (CONFIRMED, None)),
    ("task.rule.extension_past", lc.extend, (STARTED.with_changes({"current_deadline": date(2021, 7, 1)}),
                                             date(2021, 7, 20), "x", TODAY)),
    ("task.rule.extension_not_forward", lc.extend, (STARTED, date(2021, 7, 28), "x", TODAY)),
    ("task.rule.extension_not_forward", lc.extend, (STARTED, DEADLINE, "x", TODAY)),
    ("task.rule.extend_confirmed", lc.extend, (CONFIRMED, date(2021, 8, 30), "x", TODAY)),
    ("task.rule.no_deadline_to_extend", lc.extend, (STARTED.with_changes({"current_deadline": None}),
                                                    date(2021, 8, 30), "x", TODAY)),
    ("task.rule.reason_required", lc.extend, (STARTED, date(2021, 8, 30), "", TODAY)),
    ("task.rule.extension_past", lc.request_extension, (STARTED.with_changes({"current_deadline": date(2021, 7, 1)}),
                                                        date(2021, 7, 25), "x", TODAY)),
    ("task.rule.extend_confirmed", lc.request_extension, (CONFIRMED, date(2021, 8, 30), "x", TODAY)),
    ("task.rule.reason_required", lc.request_extension, (STARTED, date(2021, 8, 30), None, TODAY)),
    ("task.rule.no_pending_extension", lc.reject_extension, (STARTED,)),
    ("task.rule.urge_confirmed", lc.urge, (CONFIRMED, TODAY)),
    ("task.rule.urge_in_future", lc.urge, (STARTED, TODAY, date(2021, 7, 27))),
    ("task.rule.note_required", lc.add_note, (STARTED, " ")),
    ("task.rule.nothing_changed", lc.edit, (STARTED,)),
    ("task.rule.nothing_changed", lc.edit, (STARTED, DEADLINE)),
    ("task.rule.bad_urgency", lc.edit, (STARTED, lc.UNSET, lc.UNSET, "very")),
    ("task.rule.already_removed", lc.remove_body, (REMOVED,)),
    ("task.rule.not_removed", lc.restore_body, (STARTED,)),
    ("task.rule.not_recurring", lc.submit_occurrence, (STARTED, date(2021, 7, 23), TODAY)),
    ("task.rule.occurrence_future", lc.submit_occurrence,
     (STARTED.with_changes({"recurrence": "FREQ=DAILY"}), date(2021, 7, 27), TODAY)),
    ("task.rule.nothing_to_undo", lc.undo, (STARTED, "created", None, {"state": "not_started"}, 1)),
    ("task.rule.nothing_to_undo", lc.undo, (STARTED, "undone", {}, {}, 1)),
    ("task.rule.undo_conflict", lc.undo, (STARTED, "progress", {"progress": 10}, {"progress": 90}, 1)),
]


@pytest.mark.parametrize(("key", "action", "args"), ILLEGAL, ids=[f"{a.__name__}-{k}" for k, a, _ in ILLEGAL])
def test_illegal_move_is_refused_with_a_message(key: str, action, args) -> None:  # type: ignore[no-untyped-def]
    refused(key, action, *args)


@pytest.mark.parametrize("action", [
    lambda f: lc.progress(f, 50), lambda f: lc.report_done(f, TODAY), lambda f: lc.urge(f, TODAY),
    lambda f: lc.extend(f, date(2021, 8, 30), "x", TODAY), lambda f: lc.edit(f, urgency="urgent"),
    lambda f: lc.request_extension(f, date(2021, 8, 30), "x", TODAY), lambda f: lc.return_task(f, "x"),
])
def test_a_removed_task_takes_no_action_but_notes(action) -> None:  # type: ignore[no-untyped-def]
    refused("task.rule.inactive", action, REMOVED.with_changes({"state": "reported_done"}))
