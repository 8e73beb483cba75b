"""The report as JSON: every field of ``ReportData`` (dates ISO) plus a ``summary`` of the counts.

``report_from_json`` reads it back into the same ``ReportData``, so the TUI and the tests can
work from the file alone. Keys are English field names whatever the language of the labels.
"""

from __future__ import annotations

import dataclasses
import json
import operator
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any

from tracker.domain.report import ReportData, UrgeLetterData

SCHEMA = "tracker.report/1"


def report_to_dict(data: ReportData) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": SCHEMA}
    out.update(_encode(data))
    out["summary"] = summary(data)
    return out


def summary(data: ReportData) -> dict[str, Any]:
    """The counts of the period, derived from the lists (so they always agree with them)."""
    return {
        "directives_received": len(data.directives),
        "tasks_created": data.tasks_created,
        "completed": len(data.completed),
        "completed_on_time": data.completed_on_time,
        "completed_late": data.completed_late,
        "returned": len(data.returned),
        "extensions": len(data.extensions),
        "overdue": len(data.overdue),
        "missed_reports": sum(line.missed for line in data.missed_reports),
        "due_next": len(data.due_next),
        "progress_notes": data.progress_notes,
        "has_activity": data.has_activity,
    }


def render_json(data: ReportData) -> str:
    """``report_to_dict`` as text: one key per line, one list item per line (readable diffs, and
    the C encoder does the work - an indented dump of 40,000 lines takes seconds)."""
    parts = [f' "schema": {_dump(SCHEMA)}']
    for name in _field_names(ReportData):
        value = getattr(data, name)
        if isinstance(value, tuple) and value:
            items = ",\n  ".join(_dump(_plain(item)) for item in value)
            parts.append(f" {_dump(name)}: [\n  {items}\n ]")
        else:
            parts.append(f" {_dump(name)}: {_dump(_plain(value))}")
    parts.append(f' "summary": {_dump(summary(data))}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


_dump = json.JSONEncoder(ensure_ascii=False, default=_default).encode

@dataclasses.dataclass(frozen=True)
class _Plan:
    """How a report dataclass becomes JSON: its field names, read in one call, and which of them
    are dates (ISO text) or nested values."""

    names: tuple[str, ...]
    read: Any  # operator.attrgetter of the names
    days: tuple[int, ...]
    nested: tuple[int, ...]


_PLAIN_TYPES = (str, int, float, bool, type(None))


@cache
def _plan(cls: type) -> _Plan:
    hints = _hints(cls)
    names = _field_names(cls)
    days, nested = [], []
    for index, name in enumerate(names):
        hint = hints[name]
        options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
        if any(option in (date, datetime) for option in options):
            days.append(index)
        elif not all(option in _PLAIN_TYPES for option in options):
            nested.append(index)
    read = operator.attrgetter(*names) if len(names) > 1 else (lambda value: (getattr(value, names[0]),))
    return _Plan(names, read, tuple(days), tuple(nested))


def _plain(value: Any) -> Any:
    """``value`` as plain JSON values (dicts, lists, text, numbers) in one pass, so the C encoder
    never calls back into Python (``_default``) for the ~100,000 dates and lines of a big report."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        plan = _plan(type(value))
        values = list(plan.read(value))
        for index in plan.days:
            if values[index] is not None:
                values[index] = values[index].isoformat()
        for index in plan.nested:
            values[index] = _plain(values[index])
        return dict(zip(plan.names, values, strict=True))
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def report_from_json(text: str | bytes) -> ReportData:
    raw = json.loads(text)
    raw.pop("schema", None)
    raw.pop("summary", None)
    return _decode(ReportData, raw)


def urge_letter_to_dict(data: UrgeLetterData) -> dict[str, Any]:
    return _encode(data)


# ------------------------------------------------------------------------------------ generic


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _encode(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(options[0], value)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_decode(item, v) for v in value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = _hints(hint)
        return hint(**{name: _decode(hints[name], v) for name, v in value.items() if name in hints})
    return value
