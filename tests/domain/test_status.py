"""The status grid: exactly one category per task and date, around every edge; replay as of a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest

from tracker.domain import lifecycle as lc
from tracker.domain.enums import Category, EventKind
from tracker.domain.lifecycle import TaskFacts
from tracker.domain.status import categorize, categorize_original, days_overdue, replay, verdict

D = date(2021, 7, 30)  # the deadline of most cases
DAY = timedelta(days=1)
C = Category


def facts(state: str = "in_progress", deadline: date | None = D, original: date | None = None,
          completed: date | None = None, recurrence: str | None = None) -> TaskFacts:
    return TaskFacts(state=state, original_deadline=original if original is not None else deadline,  # type: ignore[arg-type]
                     current_deadline=deadline, completed_on=completed, recurrence=recurrence)


# (name, facts, as_of, category, due_soon) - the category table shared with the SQL test
CASES: list[tuple[str, TaskFacts, date, Category, bool]] = [
    ("not started, well before", facts("not_started"), D - 10 * DAY, C.IN_PROGRESS_ON_TIME, False),
    ("due in 4 days: not yet soon", facts(), D - 4 * DAY, C.IN_PROGRESS_ON_TIME, False),
    ("due in 3 days: due soon", facts(), D - 3 * DAY, C.IN_PROGRESS_ON_TIME, True),
    ("due today: not overdue, due soon", facts(), D, C.IN_PROGRESS_ON_TIME, True),
    ("a day past the deadline", facts(), D + DAY, C.OVERDUE, False),
    ("not started, past", facts("not_started"), D + 30 * DAY, C.OVERDUE, False),
    ("done on the deadline day", facts("confirmed", completed=D), D + 5 * DAY, C.DONE_ON_TIME, False),
    ("done a day early", facts("confirmed", completed=D - DAY), D, C.DONE_ON_TIME, False),
    ("done a day late", facts("confirmed", completed=D + DAY), D + DAY, C.DONE_LATE, False),
    ("done on an extension's new date", facts("confirmed", deadline=D + 10 * DAY, original=D,
                                              completed=D + 10 * DAY), D + 20 * DAY, C.DONE_ON_TIME, False),
    ("done a day after the extension's date", facts("confirmed", deadline=D + 10 * DAY, original=D,
                                                    completed=D + 11 * DAY), D + 20 * DAY, C.DONE_LATE, False),
    ("extended: in time again", facts(deadline=D + 10 * DAY, original=D), D + 5 * DAY, C.IN_PROGRESS_ON_TIME,
     False),
    ("extended: due soon again", facts(deadline=D + 10 * DAY, original=D), D + 8 * DAY, C.IN_PROGRESS_ON_TIME,
     True),
    ("reported on time, not confirmed, deadline passed", facts("reported_done", completed=D),
     D + 7 * DAY, C.IN_PROGRESS_ON_TIME, False),
    ("reported late, not confirmed", facts("reported_done", completed=D + 2 * DAY), D + 2 * DAY, C.OVERDUE,
     False),
    ("reported, due soon: waiting is not due soon", facts("reported_done", completed=D - DAY), D - DAY,
     C.IN_PROGRESS_ON_TIME, False),
    ("returned after the deadline", facts("in_progress"), D + 3 * DAY, C.OVERDUE, False),
    ("returned before the deadline", facts("in_progress"), D - 5 * DAY, C.IN_PROGRESS_ON_TIME, False),
    ("no deadline, open", facts(deadline=None), D, C.NO_DEADLINE, False),
    ("no deadline, reported", facts("reported_done", deadline=None, completed=D), D, C.NO_DEADLINE, False),
    ("no deadline, confirmed", facts("confirmed", deadline=None, completed=D), D, C.DONE_ON_TIME, False),
    ("recurring, no end", facts(deadline=None, recurrence="FREQ=DAILY"), D, C.NO_DEADLINE, False),
    ("recurring, before its end", facts(recurrence="FREQ=WEEKLY"), D - DAY, C.IN_PROGRESS_ON_TIME, True),
    ("recurring, after its end", facts(recurrence="FREQ=WEEKLY"), D + DAY, C.OVERDUE, False),
]


@pytest.mark.parametrize(("name", "snapshot", "as_of", "category", "due_soon"), CASES, ids=[c[0] for c in CASES])
def test_category_table(name: str, snapshot: TaskFacts, as_of: date, category: Category, due_soon: bool) -> None:
    assert categorize(snapshot, as_of, due_soon_days=3) == (category, due_soon)


def test_due_soon_window_follows_the_setting() -> None:
    assert categorize(facts(), D - 5 * DAY, due_soon_days=5) == (C.IN_PROGRESS_ON_TIME, True)
    assert categorize(facts(), D - 1 * DAY, due_soon_days=0) == (C.IN_PROGRESS_ON_TIME, False)
    assert categorize(facts(), D, due_soon_days=0) == (C.IN_PROGRESS_ON_TIME, True)


def test_second_verdict_against_the_original_deadline() -> None:
    extended = facts("confirmed", deadline=D + 10 * DAY, original=D, completed=D + 5 * DAY)
    assert categorize(extended, D + 20 * DAY, 3)[0] == C.DONE_ON_TIME
    assert categorize_original(extended, D + 20 * DAY) == C.DONE_LATE
    open_task = facts(deadline=D + 10 * DAY, original=D)
    assert categorize_original(open_task, D + DAY) == C.OVERDUE


def test_every_state_and_day_falls_in_exactly_one_category() -> None:
    for state in ("not_started", "in_progress", "reported_done", "confirmed"):
        for deadline in (None, D):
            for completed in (None, D - DAY, D, D + DAY):
                for offset in range(-5, 6):
                    result = verdict(state, deadline, completed, D + offset * DAY)
                    assert isinstance(result, Category)


def test_days_overdue() -> None:
    assert days_overdue(D, D) == 0
    assert days_overdue(D, D + 3 * DAY) == 3
    assert days_overdue(D, D - DAY) == 0
    assert days_overdue(None, D) == 0


# ---------------------------------------------------------------- replay


@dataclass
class Event:
    on_date: date
    kind: str
    new: dict[str, Any] | None


def history() -> list[Event]:
    created = lc.to_json(facts("not_started", deadline=D).values())
    return [
        Event(date(2021, 7, 5), EventKind.CREATED, created),
        Event(date(2021, 7, 10), EventKind.PROGRESS, {"state": "in_progress", "progress": 30}),
        Event(date(2021, 7, 20), EventKind.EXTENSION_REQUESTED, {"pending_extension": "2021-08-10",
                                                                 "reason": "chờ vốn"}),
        Event(date(2021, 7, 22), EventKind.EXTENDED, {"current_deadline": "2021-08-10", "pending_extension": None,
                                                      "from": "2021-07-30", "to": "2021-08-10"}),
        Event(date(2021, 8, 9), EventKind.REPORTED_DONE, {"state": "reported_done", "progress": 100,
                                                          "completed_on": "2021-08-09"}),
        Event(date(2021, 8, 12), EventKind.RETURNED, {"state": "in_progress", "completed_on": None,
                                                      "reason": "thiếu"}),
        Event(date(2021, 8, 16), EventKind.REPORTED_DONE, {"state": "reported_done", "progress": 100,
                                                           "completed_on": "2021-08-16"}),
        Event(date(2021, 8, 16), EventKind.UNDONE, {"state": "in_progress", "progress": 100,
                                                    "completed_on": None}),
        Event(date(2021, 8, 18), EventKind.REPORTED_DONE, {"state": "reported_done", "progress": 100,
                                                           "completed_on": "2021-08-18"}),
        Event(date(2021, 8, 20), EventKind.CONFIRMED, {"state": "confirmed"}),
    ]


@pytest.mark.parametrize(("as_of", "category", "deadline"), [
    (date(2021, 7, 4), None, None),  # before the task existed
    (date(2021, 7, 5), C.IN_PROGRESS_ON_TIME, D),
    (date(2021, 7, 21), C.IN_PROGRESS_ON_TIME, D),  # requested, not yet approved
    (date(2021, 7, 31), C.IN_PROGRESS_ON_TIME, date(2021, 8, 10)),  # approved: the old deadline passed, in time
    (date(2021, 8, 9), C.IN_PROGRESS_ON_TIME, date(2021, 8, 10)),  # reported on time, waiting
    (date(2021, 8, 11), C.IN_PROGRESS_ON_TIME, date(2021, 8, 10)),  # still waiting: judged by the report date
    (date(2021, 8, 12), C.OVERDUE, date(2021, 8, 10)),  # returned after the deadline
    (date(2021, 8, 16), C.OVERDUE, date(2021, 8, 10)),  # the report of that day was undone
    (date(2021, 8, 19), C.OVERDUE, date(2021, 8, 10)),  # reported late, waiting
    (date(2021, 8, 20), C.DONE_LATE, date(2021, 8, 10)),
    (date(2022, 1, 1), C.DONE_LATE, date(2021, 8, 10)),
])
def test_replay_as_of_each_date(as_of: date, category: Category | None, deadline: date | None) -> None:
    snapshot = replay(history(), as_of)
    if category is None:
        assert snapshot is None
        return
    assert snapshot is not None
    assert snapshot.current_deadline == deadline
    assert snapshot.original_deadline == D
    assert categorize(snapshot, as_of, 3)[0] == category


def test_replay_without_a_cut_off_is_the_final_state() -> None:
    final = replay(history())
    assert final is not None
    assert (final.state, final.completed_on, final.progress, final.pending_extension) == (
        "confirmed", date(2021, 8, 18), 100, None)
