"""Recurring obligations ("báo cáo hằng ngày", "hằng tuần"): their due dates between two days
(dateutil.rrule), each submitted or missed, never duplicated (``Occurrence`` is unique on
(task, due day)).

A task's rule is an RRULE ("FREQ=WEEKLY;BYDAY=FR") or one of daily / weekly / monthly /
quarterly / yearly. It runs from the task's start (the directive's issue date, else the day the
task was created): the first report is due after that day. The obligation ends when the unit
reports the task done. An occurrence is *submitted* when the report came by the as-of date
(*submitted_late* when after its due day), *missed* when its due day is before the as-of date
without a report (a report due today is not missed yet), else *due*.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Directive, Occurrence, Task
from tracker.domain.enums import RecurrenceFreq, TaskState
from tracker.domain.errors import RuleViolation
from tracker.services.context import ServiceContext
from tracker.services.dto import OccurrenceView

_FREQ_RULES = {
    RecurrenceFreq.DAILY.value: "FREQ=DAILY",
    RecurrenceFreq.WEEKLY.value: "FREQ=WEEKLY",
    RecurrenceFreq.MONTHLY.value: "FREQ=MONTHLY",
    RecurrenceFreq.QUARTERLY.value: "FREQ=MONTHLY;INTERVAL=3",
    RecurrenceFreq.YEARLY.value: "FREQ=YEARLY",
}
MAX_SHOWN = 60  # occurrences listed on a task's page (the latest ones)


def _rule_text(rule: str) -> str:
    text = rule.strip()
    if text.lower() in _FREQ_RULES:
        return _FREQ_RULES[text.lower()]
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return text


def normalize_rule(rule: str) -> str:
    """The RRULE stored for ``rule`` (an RRULE or daily/weekly/...); refuses what dateutil cannot read."""
    text = _rule_text(rule)
    _build(text, date(2000, 1, 1))
    return text


@lru_cache(maxsize=512)
def _build(text: str, start: date) -> rrule:
    try:
        built = rrulestr(text, dtstart=datetime.combine(start, datetime.min.time()))
    except (ValueError, TypeError, KeyError, IndexError):
        raise RuleViolation("task.rule.bad_recurrence", rule=text[:200]) from None
    if not isinstance(built, rrule):
        raise RuleViolation("task.rule.bad_recurrence", rule=text[:200])
    return built


def occurrences(rule: str, start: date, first: date, last: date) -> list[date]:
    """Due days of ``rule`` (running from ``start``, exclusive) between ``first`` and ``last`` inclusive."""
    if not rule or last < first:
        return []
    built = _build(_rule_text(rule), start)
    lower = max(first, start + timedelta(days=1))
    if last < lower:
        return []
    found = built.between(datetime.combine(lower, datetime.min.time()),
                          datetime.combine(last, datetime.min.time()), inc=True)
    return [moment.date() for moment in found]


def is_occurrence(rule: str, start: date, day: date) -> bool:
    return day in occurrences(rule, start, day, day)


def occurrence_status(due_on: date, submitted_on: date | None, as_of: date) -> str:
    if submitted_on is not None and submitted_on <= as_of:
        return "submitted" if submitted_on <= due_on else "submitted_late"
    if due_on < as_of:
        return "missed"
    return "due"


def obligation_end(state: str, completed_on: date | None) -> date | None:
    """The last day reports are due: the day the unit reported the task done, if it did."""
    if TaskState(state) in (TaskState.REPORTED_DONE, TaskState.CONFIRMED):
        return completed_on
    return None


_WEEKDAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


@lru_cache(maxsize=256)
def plain_rule(rule: str) -> tuple[str, frozenset[int] | None] | None:
    """(FREQ, weekdays) for the everyday rules - daily, weekly on the start's weekday, daily or
    weekly on listed weekdays, every period - which are counted by date arithmetic; ``None`` for
    any other rule (dateutil decides those)."""
    text = _rule_text(rule).upper().removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for part in text.split(";"):
        key, sep, value = part.partition("=")
        if not sep or key in parts:
            return None
        parts[key] = value
    if set(parts) - {"FREQ", "BYDAY", "INTERVAL"} or parts.get("INTERVAL", "1") != "1":
        return None
    if parts.get("FREQ") not in ("DAILY", "WEEKLY"):
        return None
    if "BYDAY" not in parts:
        return parts["FREQ"], None
    names = parts["BYDAY"].split(",")
    if not names or any(name not in _WEEKDAY_CODES for name in names):
        return None
    return parts["FREQ"], frozenset(_WEEKDAY_CODES[name] for name in names)


def _plain_count(plain: tuple[str, frozenset[int] | None], start: date, last: date) -> int:
    """How many due days of a plain rule fall after ``start`` and on or before ``last``."""
    first = start + timedelta(days=1)
    if last < first:
        return 0
    freq, weekdays = plain
    days = (last - first).days + 1
    if weekdays is None:
        return days if freq == "DAILY" else (last - start).days // 7
    weeks, rest = divmod(days, 7)
    tail_start = first + timedelta(days=7 * weeks)
    return weeks * len(weekdays) + sum(
        1 for i in range(rest) if (tail_start + timedelta(days=i)).weekday() in weekdays)


def _plain_is_due(plain: tuple[str, frozenset[int] | None], start: date, day: date) -> bool:
    freq, weekdays = plain
    if day <= start:
        return False
    if weekdays is not None:
        return day.weekday() in weekdays
    return freq == "DAILY" or (day - start).days % 7 == 0


def count_missed(rule: str, start: date, as_of: date, submitted: Iterable[date],
                 end: date | None = None) -> int:
    """Occurrences due before ``as_of`` (and by ``end``) with no report among ``submitted``."""
    last = as_of - timedelta(days=1)
    if end is not None:
        last = min(last, end)
    done = set(submitted)
    plain = plain_rule(rule) if rule else None
    if plain is not None:  # the everyday rules by arithmetic: a daily rule over years is ~1,000 days
        return _plain_count(plain, start, last) - sum(
            1 for day in done if day <= last and _plain_is_due(plain, start, day))
    return sum(1 for day in occurrences(rule, start, start, last) if day not in done)


def task_start(session: Session, task: Task) -> date:
    """The day the obligation runs from: the directive's issue date, else the task's creation."""
    issued = session.scalar(select(Directive.issue_date).where(Directive.id == task.directive_id))
    return issued or task.created_at.date()


def task_occurrences(session: Session, task: Task, as_of: date) -> list[OccurrenceView]:
    """The task's occurrences up to ``as_of`` and the next one due (the latest MAX_SHOWN)."""
    if not task.recurrence:
        return []
    start = task_start(session, task)
    rows = {o.due_on: o for o in session.scalars(select(Occurrence).where(Occurrence.task_id == task.id))}
    end = obligation_end(task.state, task.completed_on)
    last = as_of if end is None else min(as_of, end)
    days = occurrences(task.recurrence, start, start, last)
    if end is None:
        upcoming = occurrences(task.recurrence, start, as_of + timedelta(days=1), as_of + timedelta(days=400))
        days += upcoming[:1]
    days = sorted(set(days) | {d for d, o in rows.items() if o.submitted_on is not None})[-MAX_SHOWN:]
    views = []
    for day in days:
        row = rows.get(day)
        submitted_on = row.submitted_on if row is not None else None
        views.append(OccurrenceView(due_on=day, status=occurrence_status(day, submitted_on, as_of),
                                    submitted_on=submitted_on,
                                    submitted_by=row.submitted_by if row is not None else None))
    return views


def missed_by_task(session: Session, as_of: date, task_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Missed occurrences as of ``as_of`` per active recurring task (tasks with none left out)."""
    query = (select(Task.id, Task.recurrence, Task.state, Task.completed_on, Task.created_at,
                    Directive.issue_date)
             .join(Directive, Directive.id == Task.directive_id)
             .where(Task.recurrence.is_not(None), Task.recurrence != "", Task.active.is_(True)))
    wanted = set(task_ids) if task_ids is not None else None
    tasks = [row for row in session.execute(query).all() if wanted is None or row[0] in wanted]
    if not tasks:
        return {}
    submitted: dict[int, set[date]] = {}
    for task_id, day in session.execute(
            select(Occurrence.task_id, Occurrence.due_on)
            .join(Task, Task.id == Occurrence.task_id)
            .where(Task.recurrence.is_not(None), Occurrence.submitted_on.is_not(None),
                   Occurrence.submitted_on <= as_of)):
        submitted.setdefault(task_id, set()).add(day)
    result = {}
    for task_id, rule, state, completed_on, created_at, issued in tasks:
        if created_at.date() > as_of:
            continue
        start = issued or created_at.date()
        try:
            missed = count_missed(rule or "", start, as_of, submitted.get(task_id, ()),
                                  obligation_end(state, completed_on))
        except RuleViolation:
            continue
        if missed:
            result[task_id] = missed
    return result


def mark_occurrences(ctx: ServiceContext, until: date | None = None) -> int:
    """Store a row for every due occurrence up to ``until`` (default today) not stored yet, so
    each is on record as submitted or missed; returns how many rows were added. Idempotent."""
    until = until or ctx.today()
    added = 0
    with ctx.sessions.begin() as session:
        tasks = session.scalars(select(Task).where(Task.recurrence.is_not(None), Task.active.is_(True))).all()
        for task in tasks:
            if not task.recurrence:
                continue
            start = task_start(session, task)
            end = obligation_end(task.state, task.completed_on)
            last = until if end is None else min(until, end)
            try:
                days = occurrences(task.recurrence, start, start, last)
            except RuleViolation:
                continue
            stored = set(session.scalars(select(Occurrence.due_on).where(Occurrence.task_id == task.id)))
            for day in days:
                if day not in stored:
                    session.add(Occurrence(task_id=task.id, due_on=day))
                    added += 1
    return added
