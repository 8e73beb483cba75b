"""One line of words for each history event, in the current language."""

from __future__ import annotations

from typing import Any

from tracker.db.models import TaskEvent
from tracker.domain.enums import EventKind
from tracker.i18n import t
from tracker.services.dto import EventView

_FIELD_LABEL = {
    "original_deadline": "task.field.original_deadline",
    "current_deadline": "task.field.current_deadline",
    "recurrence": "task.field.recurrence",
    "urgency": "task.field.urgency",
    "state": "task.field.state",
    "progress": "task.field.progress",
    "completed_on": "task.field.completed_on",
    "pending_extension": "task.field.pending_extension",
    "active": "task.field.active",
}


def _value(value: Any) -> str:
    if value is None or value == "":
        return "-"
    return str(value)


def summarize(kind: str, percent: int | None, note: str | None, old: dict[str, Any] | None,
              new: dict[str, Any] | None) -> str:
    """The event in words, e.g. "Tiến độ 60%: đã họp triển khai"."""
    new = new or {}
    old = old or {}
    params: dict[str, Any] = {
        "percent": percent if percent is not None else "-",
        "day": "-", "reason": new.get("reason") or "-",
    }
    if kind == EventKind.CREATED:
        params["day"] = _value(new.get("current_deadline"))
    elif kind == EventKind.REPORTED_DONE:
        params["day"] = _value(new.get("completed_on"))
    elif kind == EventKind.EXTENSION_REQUESTED:
        params["day"] = _value(new.get("requested"))
    elif kind == EventKind.EXTENDED:
        params["day"] = _value(new.get("to") or new.get("current_deadline"))
        params["old"] = _value(new.get("from") or old.get("current_deadline"))
    elif kind == EventKind.EXTENSION_REJECTED:
        params["day"] = _value(new.get("request"))
    elif kind == EventKind.URGED:
        params["day"] = _value(new.get("urged_on"))
        params["channel"] = _value(new.get("channel"))
        params["document"] = _value(new.get("document"))
    elif kind == EventKind.OCCURRENCE_SUBMITTED:
        params["day"] = _value(new.get("due_on"))
    elif kind == EventKind.BODY_ADDED:
        params["body"] = _value(new.get("body"))
    elif kind in (EventKind.EDITED, EventKind.UNDONE):
        changed = [key for key in new if key in _FIELD_LABEL]
        params["changes"] = ", ".join(
            f"{t(_FIELD_LABEL[key])}: {_value(old.get(key))} → {_value(new.get(key))}" for key in changed
        ) or "-"
        params["what"] = t(f"task.kind.{new.get('undone_kind')}") if new.get("undone_kind") else "-"
    text = t(f"task.event.{kind}", **params)
    shown_note = note if note and note != new.get("reason") else None
    return f"{text}: {shown_note}" if shown_note else text


def event_view(event: TaskEvent, undone: bool) -> EventView:
    return EventView(
        id=event.id, at=event.at, on_date=event.on_date, user=event.by_user, kind=event.kind,
        percent=event.percent, note=event.note, old=event.old, new=event.new,
        undoes_event_id=event.undoes_event_id, undone=undone,
        summary=summarize(event.kind, event.percent, event.note, event.old, event.new),
    )
