"""The task lifecycle as a pure state machine: which action is legal from which state, and what it
changes.

Every action is a function ``(facts, ...) -> Transition``. ``facts`` is the task as it stands
(:class:`TaskFacts`); the returned :class:`Transition` names the event kind, the task fields that
change (``changes``: field -> new value) and the extra facts the event records (``info``: reason,
channel, ...). An illegal move raises :class:`RuleViolation` with an i18n key and nothing else
happens. The services apply a transition to the database row and append one event whose ``old``
and ``new`` hold the changed fields before and after (JSON: dates as ISO strings) - so replaying
the ``new`` values of a task's events in order rebuilds the task as of any date
(``tracker.domain.status``), and undo restores ``old``.

States: not_started -> in_progress -> reported_done (the unit) -> confirmed (the office);
reported_done -> in_progress when the office returns it; confirmed -> in_progress on reopen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from tracker.domain.enums import EventKind, TaskRole, TaskState, Urgency
from tracker.domain.errors import RuleViolation

PERCENT_MIN = 0
PERCENT_MAX = 100
MAX_TEXT = 4000  # longest note / reason kept


@dataclass(frozen=True)
class TaskFacts:
    """The task fields the lifecycle reads and writes (also the snapshot replayed from history)."""

    state: TaskState = TaskState.NOT_STARTED
    progress: int = 0
    original_deadline: date | None = None
    current_deadline: date | None = None
    completed_on: date | None = None  # the day the unit reported it done
    pending_extension: date | None = None  # requested by the unit, not yet decided
    active: bool = True  # False once its body is removed from the task
    recurrence: str | None = None  # RRULE
    urgency: str | None = None  # Urgency value
    body_id: int | None = None
    role: str = TaskRole.LEAD.value

    def with_changes(self, changes: Mapping[str, Any]) -> TaskFacts:
        known = {k: v for k, v in changes.items() if k in FIELDS}
        if "state" in known:
            known["state"] = TaskState(known["state"])
        return replace(self, **known)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> TaskFacts:
        """Facts from field values (other keys ignored; missing fields take their defaults)."""
        known = {k: v for k, v in values.items() if k in FIELDS}
        known["state"] = TaskState(known.get("state", TaskState.NOT_STARTED))
        return cls(**known)

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FIELDS}


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(TaskFacts))
DATE_FIELDS = frozenset({"original_deadline", "current_deadline", "completed_on", "pending_extension"})
OPEN_STATES = frozenset({TaskState.NOT_STARTED, TaskState.IN_PROGRESS})


@dataclass(frozen=True)
class Transition:
    """What an action does: the event kind, the changed fields, the facts the event records."""

    kind: EventKind
    changes: dict[str, Any] = field(default_factory=dict)
    percent: int | None = None
    note: str | None = None
    info: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- JSON of field values

def to_json(values: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as JSON-ready data (dates as ISO strings, enums as their values)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, date):
            out[key] = value.isoformat()
        elif isinstance(value, TaskState | Urgency | TaskRole):
            out[key] = value.value
        else:
            out[key] = value
    return out


def from_json(values: Mapping[str, Any] | None) -> dict[str, Any]:
    """The task fields of an event's ``old``/``new`` with dates parsed back; other keys dropped."""
    out: dict[str, Any] = {}
    for key, value in (values or {}).items():
        if key not in FIELDS:
            continue
        if key in DATE_FIELDS and isinstance(value, str):
            out[key] = date.fromisoformat(value)
        else:
            out[key] = value
    return out


def old_values(facts: TaskFacts, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The values ``changes`` replace."""
    return {key: getattr(facts, key) for key in changes}


# ---------------------------------------------------------------- helpers

def _only_changes(facts: TaskFacts, changes: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in changes.items() if getattr(facts, k) != v}


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    return cleaned[:MAX_TEXT] if cleaned else None


def _require_text(value: str | None, key: str = "task.rule.reason_required") -> str:
    cleaned = _text(value)
    if cleaned is None:
        raise RuleViolation(key)
    return cleaned


def _require_active(facts: TaskFacts) -> None:
    if not facts.active:
        raise RuleViolation("task.rule.inactive")


def _require_not_confirmed(facts: TaskFacts, key: str) -> None:
    if facts.state == TaskState.CONFIRMED:
        raise RuleViolation(key)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else "-"


# ---------------------------------------------------------------- the actions

def progress(facts: TaskFacts, percent: int, note: str | None = None) -> Transition:
    """The unit reports how far it is (0-100 %); a task not started becomes in progress."""
    _require_active(facts)
    if isinstance(percent, bool) or not isinstance(percent, int) or not PERCENT_MIN <= percent <= PERCENT_MAX:
        raise RuleViolation("task.rule.percent_range", percent=percent)
    if facts.state == TaskState.REPORTED_DONE:
        raise RuleViolation("task.rule.waiting_confirmation")
    _require_not_confirmed(facts, "task.rule.already_confirmed")
    changes = _only_changes(facts, {"state": TaskState.IN_PROGRESS, "progress": percent})
    return Transition(EventKind.PROGRESS, changes, percent=percent, note=_text(note))


def report_done(facts: TaskFacts, today: date, done_on: date | None = None,
                note: str | None = None) -> Transition:
    """The unit reports the task done (on ``done_on``, default today; never a future day)."""
    _require_active(facts)
    if facts.state == TaskState.REPORTED_DONE:
        raise RuleViolation("task.rule.already_reported")
    _require_not_confirmed(facts, "task.rule.already_confirmed")
    day = done_on or today
    if day > today:
        raise RuleViolation("task.rule.done_in_future", day=day.isoformat(), today=today.isoformat())
    changes = _only_changes(facts, {"state": TaskState.REPORTED_DONE, "progress": PERCENT_MAX,
                                    "completed_on": day})
    return Transition(EventKind.REPORTED_DONE, changes, percent=PERCENT_MAX, note=_text(note))


def confirm(facts: TaskFacts, note: str | None = None) -> Transition:
    """The office confirms a task the unit reported done."""
    _require_active(facts)
    if facts.state == TaskState.CONFIRMED:
        raise RuleViolation("task.rule.already_confirmed")
    if facts.state != TaskState.REPORTED_DONE:
        raise RuleViolation("task.rule.not_reported")
    changes: dict[str, Any] = {"state": TaskState.CONFIRMED}
    if facts.pending_extension is not None:  # a request left open is moot once done
        changes["pending_extension"] = None
    return Transition(EventKind.CONFIRMED, changes, note=_text(note))


def return_task(facts: TaskFacts, reason: str | None) -> Transition:
    """The office returns a task reported done: back in progress, the completion date cleared."""
    _require_active(facts)
    if facts.state == TaskState.CONFIRMED:
        raise RuleViolation("task.rule.return_confirmed")
    if facts.state != TaskState.REPORTED_DONE:
        raise RuleViolation("task.rule.not_reported")
    text = _require_text(reason)
    changes = {"state": TaskState.IN_PROGRESS, "completed_on": None}
    return Transition(EventKind.RETURNED, changes, note=text, info={"reason": text})


def reopen(facts: TaskFacts, reason: str | None) -> Transition:
    """The office reopens a confirmed task: back in progress, the completion date cleared."""
    _require_active(facts)
    if facts.state != TaskState.CONFIRMED:
        raise RuleViolation("task.rule.not_confirmed")
    text = _require_text(reason)
    changes = {"state": TaskState.IN_PROGRESS, "completed_on": None}
    return Transition(EventKind.REOPENED, changes, note=text, info={"reason": text})


def _check_new_deadline(facts: TaskFacts, new_deadline: date, today: date) -> None:
    _require_active(facts)
    _require_not_confirmed(facts, "task.rule.extend_confirmed")
    if facts.current_deadline is None:
        raise RuleViolation("task.rule.no_deadline_to_extend")
    if new_deadline < today:
        raise RuleViolation("task.rule.extension_past", new=new_deadline.isoformat(), today=today.isoformat())
    if new_deadline <= facts.current_deadline:
        raise RuleViolation("task.rule.extension_not_forward", new=new_deadline.isoformat(),
                            current=facts.current_deadline.isoformat())


def request_extension(facts: TaskFacts, new_deadline: date, reason: str | None, today: date) -> Transition:
    """The unit asks in writing for a later deadline; it waits for the office's decision."""
    _check_new_deadline(facts, new_deadline, today)
    text = _require_text(reason)
    info: dict[str, Any] = {"requested": new_deadline.isoformat(), "reason": text}
    if facts.pending_extension is not None:
        info["replaces"] = facts.pending_extension.isoformat()
    return Transition(EventKind.EXTENSION_REQUESTED, {"pending_extension": new_deadline}, note=text, info=info)


def extend(facts: TaskFacts, new_deadline: date, reason: str | None, today: date) -> Transition:
    """The office moves the approved deadline forward (only forward, only while not confirmed).

    A pending request is settled by it (approved when the dates agree). Without a reason of its
    own, approving the pending request takes the reason the unit gave."""
    _check_new_deadline(facts, new_deadline, today)
    approves = facts.pending_extension is not None and facts.pending_extension == new_deadline
    text = _text(reason)
    if text is None and not approves:
        raise RuleViolation("task.rule.reason_required")
    changes: dict[str, Any] = {"current_deadline": new_deadline}
    info: dict[str, Any] = {"from": facts.current_deadline.isoformat() if facts.current_deadline else None,
                            "to": new_deadline.isoformat()}
    if text:
        info["reason"] = text
    if facts.pending_extension is not None:
        changes["pending_extension"] = None
        info["request"] = facts.pending_extension.isoformat()
        info["approves_request"] = approves
    return Transition(EventKind.EXTENDED, changes, note=text, info=info)


def reject_extension(facts: TaskFacts, reason: str | None = None) -> Transition:
    """The office refuses the pending extension request; the deadline stays."""
    _require_active(facts)
    if facts.pending_extension is None:
        raise RuleViolation("task.rule.no_pending_extension")
    text = _text(reason)
    info: dict[str, Any] = {"request": facts.pending_extension.isoformat()}
    if text:
        info["reason"] = text
    return Transition(EventKind.EXTENSION_REJECTED, {"pending_extension": None}, note=text, info=info)


def urge(facts: TaskFacts, today: date, urged_on: date | None = None, channel: str | None = None,
         document: str | None = None, note: str | None = None) -> Transition:
    """The office urges (đôn đốc) the unit: by letter, phone, meeting...; nothing else changes."""
    _require_active(facts)
    _require_not_confirmed(facts, "task.rule.urge_confirmed")
    day = urged_on or today
    if day > today:
        raise RuleViolation("task.rule.urge_in_future", day=day.isoformat(), today=today.isoformat())
    info: dict[str, Any] = {"urged_on": day.isoformat()}
    if _text(channel):
        info["channel"] = _text(channel)
    if _text(document):
        info["document"] = _text(document)
    return Transition(EventKind.URGED, {}, note=_text(note), info=info)


def add_note(facts: TaskFacts, text: str | None) -> Transition:
    """A free note in the history (allowed in every state, even on a removed task)."""
    return Transition(EventKind.NOTE, {}, note=_require_text(text, "task.rule.note_required"))


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def edit(facts: TaskFacts, deadline: date | None = UNSET, recurrence: str | None = UNSET,
         urgency: str | None = UNSET, note: str | None = None) -> Transition:
    """Correct the record: the deadline (original and approved together - a correction of what the
    directive says, not an extension), the recurrence (RRULE, validated by the caller) or the
    urgency. ``None`` clears a value; an argument left out keeps it."""
    _require_active(facts)
    wanted: dict[str, Any] = {}
    if deadline is not UNSET:
        wanted["original_deadline"] = deadline
        wanted["current_deadline"] = deadline
    if recurrence is not UNSET:
        wanted["recurrence"] = _text(recurrence)
    if urgency is not UNSET:
        value = _text(urgency)
        if value is not None and value not in {u.value for u in Urgency}:
            raise RuleViolation("task.rule.bad_urgency", value=value,
                                choices=", ".join(u.value for u in Urgency))
        wanted["urgency"] = value
    changes = _only_changes(facts, wanted)
    if not changes:
        raise RuleViolation("task.rule.nothing_changed")
    return Transition(EventKind.EDITED, changes, note=_text(note))


def remove_body(facts: TaskFacts, reason: str | None = None) -> Transition:
    """The body is no longer responsible: the task is kept but set inactive (never deleted)."""
    if not facts.active:
        raise RuleViolation("task.rule.already_removed")
    text = _text(reason)
    return Transition(EventKind.BODY_REMOVED, {"active": False}, note=text,
                      info={"reason": text} if text else {})


def restore_body(facts: TaskFacts, note: str | None = None) -> Transition:
    """A removed body is added back to the task: the same task becomes active again."""
    if facts.active:
        raise RuleViolation("task.rule.not_removed")
    return Transition(EventKind.BODY_ADDED, {"active": True}, note=_text(note))


def body_added(facts: TaskFacts, added_task_id: int, body_name: str, role: str) -> Transition:
    """Recorded on a task when another body is made responsible for the same item."""
    _require_active(facts)
    return Transition(EventKind.BODY_ADDED, {}, info={"added_task_id": added_task_id, "body": body_name,
                                                     "added_role": role})


def submit_occurrence(facts: TaskFacts, due_on: date, today: date, note: str | None = None) -> Transition:
    """The unit submitted the periodic report due on ``due_on`` (recorded today)."""
    _require_active(facts)
    if not facts.recurrence:
        raise RuleViolation("task.rule.not_recurring")
    if due_on > today:
        raise RuleViolation("task.rule.occurrence_future", day=due_on.isoformat(), today=today.isoformat())
    return Transition(EventKind.OCCURRENCE_SUBMITTED, {}, note=_text(note),
                      info={"due_on": due_on.isoformat(), "submitted_on": today.isoformat()})


# ---------------------------------------------------------------- undo

NOT_UNDOABLE = frozenset({EventKind.CREATED, EventKind.UNDONE, EventKind.MERGED})


def undo(facts: TaskFacts, kind: str, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None,
         event_id: int) -> Transition:
    """A compensating event for the event ``event_id`` (of ``kind`` with its ``old``/``new``):
    the fields it changed go back to their old values. Refused when the task no longer holds the
    values that event wrote (something else changed them since)."""
    if kind in NOT_UNDOABLE:
        raise RuleViolation("task.rule.nothing_to_undo")
    before = from_json(old)
    after = from_json(new)
    current = facts.values()
    for key, value in after.items():
        expected = TaskState(value) if key == "state" else value
        if current[key] != expected:
            raise RuleViolation("task.rule.undo_conflict", field=key)
    return Transition(EventKind.UNDONE, dict(before), info={"undoes": event_id, "undone_kind": kind})


def describe_deadline(facts: TaskFacts) -> str:
    return _iso(facts.current_deadline)
