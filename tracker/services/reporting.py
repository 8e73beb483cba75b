"""The weekly status report (and the urging letter) computed from the database as of a date.

``build_report(ctx, period)`` returns a ``tracker.domain.report.ReportData``; ``tracker.reports``
writes it as DOCX / XLSX / CSV / Markdown / JSON.

**The cut-off** is the period's last day, or today when the period is not over yet (a report of
the current week judges the tasks as they stand today: a task due on Friday is not called
overdue on Wednesday). Everything is read as of the end of the cut-off day - the grid, the lines,
the latest progress note - and every event whose business date (``on_date``) is after it is
ignored, so a report for a past week gives the same figures whenever it is produced.

**What each part counts** (active tasks only: a task whose body was removed by the cut-off is
left out everywhere):

* the grid, overall and per body (the body a task had at the cut-off): the categories of
  ``tracker.domain.status`` as of the cut-off, the due-soon flag, on-time rates against the
  approved and the original deadline (done on time / tasks with a deadline), missed periodic
  reports;
* directives received: imported on a day of the period up to the cut-off (with a body filter:
  those with a task of the body); tasks created: ``created`` events in the period;
* completed: tasks the office confirmed in the period (a ``confirmed`` event not undone by the
  cut-off) and still confirmed at the cut-off; on time / late as in the grid;
* returned, extensions: the ``returned`` / ``extended`` events of the period not undone by then;
* overdue: overdue at the cut-off, most days first; a task reported done late (waiting for the
  office) counts the days up to its report, an open one up to the cut-off; with the latest note
  (progress, note or done report) written by the cut-off;
* due next: open tasks due from the cut-off day to seven days after it;
* progress notes: ``progress`` and ``note`` events of the period not undone by then, by body.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from sqlalchemy import Integer, String, case, column, func, null, select, text, type_coerce
from sqlalchemy.orm import Session

from tracker.db.models import NOTE_EVENT_WHERE, Body, Directive, Item, Task, TaskEvent
from tracker.domain.enums import EventKind, TaskState
from tracker.domain.errors import InputError, NotFoundError, RuleViolation
from tracker.domain.report import (
    BodyNotes,
    CompletedLine,
    DirectiveLine,
    DueLine,
    ExtensionLine,
    GridRow,
    Letterhead,
    MissedReportLine,
    OverdueLine,
    ProgressNoteLine,
    ReportData,
    ReportFilters,
    ReportPeriod,
    ReturnedLine,
    UrgeLetterData,
    action_excerpt,
    following_week,
    iso_week_period,
    rate,
    week_of,
)
from tracker.domain.text import fold
from tracker.services import recurrence
from tracker.services.context import ServiceContext
from tracker.services.gc_pause import gc_paused
from tracker.services.permissions import body_scope, user_name
from tracker.services.reporting_facts import (
    DAYS,
    DONE_LATE,
    DONE_ON_TIME,
    IN_PROGRESS_ON_TIME,
    NO_DEADLINE,
    OVERDUE,
    Fact,
    day_of,
    directives_of_unchanged,
    grid_of_unchanged,
    id_in,
    is_due_soon,
    is_open,
    json_ids,
    json_value,
    listed_unchanged_facts,
    plain_occurrences,
    raw_rows,
    replayed_facts,
    verdict,
)
from tracker.services.users import find_body

DUE_NEXT_DAYS = 7  # "tasks due in the next week": from the cut-off day to seven days after it
URGE_REPLY_DAYS = 7  # the urged body reports back within a week unless told otherwise
_CONFIRMED = TaskState.CONFIRMED.value
_REPORTED = TaskState.REPORTED_DONE.value


# ---------------------------------------------------------------- periods


def week_period(text: str) -> ReportPeriod:
    """The ISO week ``"2021-W30"`` (also ``2021W30``, ``2021-w30``): Monday to Sunday."""
    return iso_week_period(text or "")


def range_period(start: date, end: date) -> ReportPeriod:
    """``start`` to ``end`` inclusive; an exact ISO week keeps its week label."""
    if end < start:
        raise InputError("reporting.bad_range", start=start.isoformat(), end=end.isoformat())
    if start.isoweekday() == 1 and end == start + timedelta(days=6):
        return week_of(start)
    return ReportPeriod(start=start, end=end)


def cutoff_of(period: ReportPeriod, today: date) -> date:
    """The period's last day, or today while the period is not over."""
    if period.start > today:
        raise InputError("reporting.future_period", start=period.start.isoformat(), today=today.isoformat())
    return min(period.end, today)


# ---------------------------------------------------------------- the scope (filters)


@dataclass(frozen=True)
class _Scope:
    body_ids: frozenset[int] | None  # None = every body
    directive_ids: list[int] | None
    filters: ReportFilters

    def has_body(self, body_id: int | None) -> bool:
        return self.body_ids is None or body_id in self.body_ids


def _scope(session: Session, bodies: Sequence[str], directives: Sequence[str]) -> _Scope:
    body_ids: set[int] | None = None
    body_names: list[str] = []
    for name in bodies:
        found = find_body(session, name)
        if found is None:
            raise NotFoundError("reporting.body_not_found", body=str(name)[:200])
        body_ids = (body_ids or set()) | {found.id}
        body_names.append(found.name)
    directive_ids: list[int] | None = None
    numbers: list[str] = []
    for number in directives:
        key = (number or "").strip().lower()
        found_ids = session.scalars(select(Directive.id).where(func.lower(Directive.number) == key)).all() if key else []
        if not found_ids:
            raise NotFoundError("reporting.directive_not_found", number=str(number)[:100])
        directive_ids = sorted(set(directive_ids or []) | set(found_ids))
        numbers.append(number.strip())
    return _Scope(body_ids=body_scope(session, body_ids) if body_ids is not None else None,
                  directive_ids=directive_ids,
                  filters=ReportFilters(bodies=tuple(body_names), directives=tuple(numbers)))


def _check_history(session: Session, cutoff: date) -> None:
    """A report needs at least one directive received by the cut-off."""
    first = session.scalar(select(func.min(Directive.imported_at)))
    if first is None:
        raise NotFoundError("reporting.no_directives")
    if first.date() > cutoff:
        raise NotFoundError("reporting.before_first_directive", cutoff=cutoff.isoformat(),
                            first=first.date().isoformat())


# ---------------------------------------------------------------- the grid


@dataclass
class _Tally:
    counts: Counter[str]
    original: Counter[str]
    due_soon: int = 0
    missed: int = 0

    def row(self, body: str | None) -> GridRow:
        c, o = self.counts, self.original
        total = sum(c.values())
        return GridRow(body=body, total=total, done_on_time=c[DONE_ON_TIME], done_late=c[DONE_LATE],
                       in_progress_on_time=c[IN_PROGRESS_ON_TIME], overdue=c[OVERDUE], no_deadline=c[NO_DEADLINE],
                       due_soon=self.due_soon,
                       on_time_rate=rate(c[DONE_ON_TIME], total - c[NO_DEADLINE]),
                       on_time_rate_original=rate(o[DONE_ON_TIME], total - o[NO_DEADLINE]),
                       missed_recurring=self.missed)


def _new_tally() -> _Tally:
    return _Tally(Counter(), Counter())


# ---------------------------------------------------------------- what a line shows


@dataclass(slots=True)
class _Source:
    directive_number: str
    directive_date: date | None
    item_ref: str
    text: str  # the item's whole text; a line shows its first words (``action``)

    @property
    def action(self) -> str:
        return action_excerpt(self.text)


def _sources(session: Session, task_ids: Iterable[int]) -> dict[int, _Source]:
    wanted = set(task_ids)
    if not wanted:
        return {}
    rows = raw_rows(session, select(Task.id, Directive.number, type_coerce(Directive.issue_date, String),
                                    Directive.source_file, Item.ref, Item.text)
                    .join(Item, Item.id == Task.item_id).join(Directive, Directive.id == Task.directive_id)
                    .where(id_in(session, Task.id, wanted)))
    return {task_id: _Source(number or _file_name(source_file), day_of(issued), ref or "", text or "")
            for task_id, number, issued, source_file, ref, text in rows}


def _file_name(path: str | None) -> str:
    """A directive without a number is known by its file ("Số" is left blank otherwise)."""
    return PurePath(path).name if path else ""


def _body_names(session: Session, body_ids: Iterable[int | None]) -> dict[int | None, str]:
    names: dict[int | None, str] = {None: "-"}
    wanted = {b for b in body_ids if b is not None}
    if wanted:
        names.update(raw_rows(session, select(Body.id, Body.name).where(id_in(session, Body.id, wanted))))
    for body_id in sorted(wanted):
        names.setdefault(body_id, f"#{body_id}")  # a body merged away since
    return names


def _line_fields(fact: Fact, sources: dict[int, _Source], names: dict[int | None, str]) -> dict[str, Any]:
    source = sources[fact.task_id]
    return {"task_id": fact.task_id, "body": names[fact.body_id], "directive_number": source.directive_number,
            "directive_date": source.directive_date, "item_ref": source.item_ref, "action": source.action,
            "deadline": fact.current_deadline}


@lru_cache(maxsize=4096)
def _ref_key(ref: str) -> tuple[Any, ...]:
    """"1.10" after "1.9"; letters after numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-)\s]+", ref) if p)


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    return fold(name)


def _line_key(line: Any) -> tuple[Any, ...]:
    return (_name_key(line.body), line.directive_date or date.min, line.directive_number, _ref_key(line.item_ref),
            line.task_id)


# ---------------------------------------------------------------- events of the period


@dataclass(slots=True)
class _Event:
    id: int
    task_id: int
    on_date: date
    kind: str
    by_user: str
    percent: int | None
    note: str | None
    new: dict[str, Any] | None


def _undone_ids(session: Session, cutoff: date) -> set[int]:
    return {event_id for event_id in session.scalars(select(TaskEvent.undoes_event_id).where(
        TaskEvent.kind == EventKind.UNDONE.value, TaskEvent.on_date <= cutoff,
        TaskEvent.undoes_event_id.is_not(None))) if event_id is not None}


WITH_VALUES = (EventKind.RETURNED.value, EventKind.EXTENDED.value)  # the kinds whose ``new`` a line reads


def _period_events(session: Session, start: date, cutoff: date, kinds: Sequence[str]) -> list[_Event]:
    """The events of ``kinds`` from ``start`` to ``cutoff``, oldest first, in one pass over the
    days' index (``new`` read and decoded only where a line needs it: decoding JSON is the costly
    part)."""
    rich = [kind for kind in kinds if kind in WITH_VALUES]
    new = case((TaskEvent.kind.in_(rich), type_coerce(TaskEvent.new, String))) if rich else null()
    stmt = (select(TaskEvent.id, TaskEvent.task_id, type_coerce(TaskEvent.on_date, String), TaskEvent.kind,
                   TaskEvent.by_user, TaskEvent.percent, TaskEvent.note, new)
            .where(TaskEvent.on_date >= start, TaskEvent.on_date <= cutoff, TaskEvent.kind.in_(kinds))
            .order_by(TaskEvent.id))
    days = DAYS
    return [_Event(event_id, task_id, days[on_date] or start, kind, by_user, percent, note,
                   None if values is None else json_value(values))
            for event_id, task_id, on_date, kind, by_user, percent, note, values in raw_rows(session, stmt)]


def _latest_notes(session: Session, task_ids: Iterable[int], cutoff: date,
                  undone: set[int]) -> dict[int, tuple[str, date]]:
    """The latest note written by the cut-off on each task (progress, note or done report), found
    in the partial index ix_task_event_note alone."""
    wanted = set(task_ids)
    if not wanted:
        return {}
    latest: Any
    if session.get_bind().dialect.name == "sqlite":
        latest = _latest_note_ids_sqlite(sorted(wanted), cutoff, undone)
    else:
        latest = (select(func.max(TaskEvent.id))
                  .where(id_in(session, TaskEvent.task_id, wanted), TaskEvent.on_date <= cutoff,
                         text(NOTE_EVENT_WHERE))
                  .group_by(TaskEvent.task_id))
        if undone:  # one bound value however many undos the office made over the years
            latest = latest.where(~id_in(session, TaskEvent.id, undone))
    rows = raw_rows(session, select(TaskEvent.task_id, TaskEvent.note, type_coerce(TaskEvent.on_date, String))
                    .where(TaskEvent.id.in_(latest)))
    return {task_id: (note or "", day_of(on_date) or cutoff) for task_id, note, on_date in rows}


def _latest_note_ids_sqlite(task_ids: list[int], cutoff: date, undone: set[int]) -> Any:
    """The id of each task's latest note event, on SQLite. The index is named (INDEXED BY) and its
    WHERE repeated word for word: left to itself the planner may walk every note through the
    kind index when undos are to be left out (several times slower at office scale)."""
    unless_undone = "AND task_event.id NOT IN (SELECT value FROM json_each(:undone)) " if undone else ""
    params = {"ids": json_ids(task_ids), "cutoff": cutoff.isoformat()}
    if undone:
        params["undone"] = json_ids(sorted(undone))
    return text("SELECT max(task_event.id) FROM task_event INDEXED BY ix_task_event_note "
                "WHERE task_event.task_id IN (SELECT value FROM json_each(:ids)) AND task_event.on_date <= :cutoff "
                f"AND {NOTE_EVENT_WHERE} {unless_undone}GROUP BY task_event.task_id").bindparams(**params).columns(
                    column("latest", Integer))


def _request_reasons(session: Session, extended: Sequence[_Event]) -> dict[int, str]:
    """For extensions granted without a reason of their own: the reason of the unit's request
    (the latest ``extension_requested`` event of the task before the grant)."""
    wanted = {e.id: e.task_id for e in extended if not (e.new or {}).get("reason") and not e.note}
    if not wanted:
        return {}
    requests: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for event_id, task_id, note in raw_rows(
            session, select(TaskEvent.id, TaskEvent.task_id, TaskEvent.note)
            .where(id_in(session, TaskEvent.task_id, wanted.values()),
                   TaskEvent.kind == EventKind.EXTENSION_REQUESTED.value)
            .order_by(TaskEvent.id)):
        requests[task_id].append((event_id, note or ""))
    result: dict[int, str] = {}
    for grant_id, task_id in wanted.items():
        earlier = [note for event_id, note in requests.get(task_id, []) if event_id < grant_id]
        if earlier:
            result[grant_id] = earlier[-1]
    return result


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------- recurring reports


def _missed(session: Session, facts: dict[int, Fact], cutoff: date) -> dict[int, tuple[int, date | None]]:
    """Per recurring task: the periodic reports missed by the cut-off, and the last one missed
    (the same count as ``tracker.services.as_of.missed_as_of``)."""
    recurring = {tid: f for tid, f in facts.items() if f.recurrence}
    if not recurring:
        return {}
    starts: dict[int, date] = {}
    for task_id, issued, created in session.connection().execute(
            select(Task.id, Directive.issue_date, Task.created_at)
            .join(Directive, Directive.id == Task.directive_id).where(id_in(session, Task.id, recurring))):
        starts[task_id] = issued or created.date()
    submitted = _submissions(session, cutoff)
    result: dict[int, tuple[int, date | None]] = {}
    for task_id, fact in recurring.items():
        start = starts.get(task_id)
        if start is None:
            continue
        last = cutoff - timedelta(days=1)
        end = recurrence.obligation_end(fact.state, fact.completed_on)
        if end is not None:
            last = min(last, end)
        try:
            days = _occurrences(fact.recurrence or "", start, last)
        except RuleViolation:
            continue
        done = submitted.get(task_id, set())
        missed = [day for day in days if day not in done]
        if missed:
            result[task_id] = (len(missed), missed[-1])
    return result


def _submissions(session: Session, cutoff: date) -> dict[int, set[date]]:
    """``tracker.services.as_of.submissions_as_of``, read through the event-kind index (the
    on_date filter is applied here: on SQLite it would make the planner walk every event)."""
    submitted: dict[int, tuple[int, date]] = {}
    undone: set[int] = set()
    for event_id, task_id, kind, new, undoes, on_date in session.connection().execute(
            select(TaskEvent.id, TaskEvent.task_id, TaskEvent.kind, TaskEvent.new, TaskEvent.undoes_event_id,
                   TaskEvent.on_date)
            .where(TaskEvent.kind.in_([EventKind.OCCURRENCE_SUBMITTED.value, EventKind.UNDONE.value]))):
        if on_date > cutoff:
            continue
        if kind == EventKind.UNDONE.value:
            if undoes is not None:
                undone.add(undoes)
        elif new and new.get("due_on"):
            submitted[event_id] = (task_id, date.fromisoformat(new["due_on"]))
    result: dict[int, set[date]] = {}
    for event_id, (task_id, day) in submitted.items():
        if event_id not in undone:
            result.setdefault(task_id, set()).add(day)
    return result


@lru_cache(maxsize=8192)
def _occurrences(rule: str, start: date, last: date) -> tuple[date, ...]:
    """The due days of ``rule`` after ``start`` up to ``last`` (tasks of one directive share them)."""
    fast = plain_occurrences(rule, start, last)
    return tuple(fast if fast is not None else recurrence.occurrences(rule, start, start, last))


def _recurrence_word(rule: str) -> str:
    """The RecurrenceFreq value of an RRULE when it is one of the plain ones, else the rule."""
    text = rule.strip().upper().removeprefix("RRULE:")
    parts = dict(p.split("=", 1) for p in text.split(";") if "=" in p)
    freq, interval = parts.get("FREQ", ""), parts.get("INTERVAL", "1")
    if freq == "MONTHLY" and interval == "3":
        return "quarterly"
    if interval == "1" and freq in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        return freq.lower()
    return rule


# ---------------------------------------------------------------- the report


def build_report(ctx: ServiceContext, period: ReportPeriod | None = None, *, bodies: Sequence[str] = (),
                 directives: Sequence[str] = (), produced_at: datetime | None = None) -> ReportData:
    """The report for ``period`` (default: the ISO week containing today), optionally only for the
    tasks of ``bodies`` (names or aliases; a group covers its members) and ``directives``
    (numbers). ``produced_at`` defaults to the clock (tests pin it)."""
    with gc_paused():
        return _build_report(ctx, period, bodies, directives, produced_at)


def _build_report(ctx: ServiceContext, period: ReportPeriod | None, bodies: Sequence[str], directives: Sequence[str],
                  produced_at: datetime | None) -> ReportData:
    today = ctx.today()
    period = period or week_of(today)
    cutoff = cutoff_of(period, today)
    soon_days = ctx.settings.due_soon_days
    with ctx.readers.begin() as session:
        scope = _scope(session, bodies, directives)
        _check_history(session, cutoff)
        undone = _undone_ids(session, cutoff)
        # The tasks changed after the cut-off are replayed (every one: the grid counts them); the
        # others are counted by the database, and only those a line shows are read.
        replayed = {tid: f for tid, f in replayed_facts(session, cutoff, directive_ids=scope.directive_ids).items()
                    if scope.has_body(f.body_id)}
        kinds = (EventKind.CREATED.value, EventKind.CONFIRMED.value, EventKind.RETURNED.value,
                 EventKind.EXTENDED.value, EventKind.PROGRESS.value, EventKind.NOTE.value)
        period_events = [e for e in _period_events(session, period.start, cutoff, kinds) if e.id not in undone]
        due_end = cutoff + timedelta(days=DUE_NEXT_DAYS)
        facts = listed_unchanged_facts(session, cutoff, due_end, also={e.task_id for e in period_events},
                                       directive_ids=scope.directive_ids, body_ids=scope.body_ids)
        facts.update(replayed)
        categories = {tid: verdict(f.state, f.current_deadline, f.completed_on, cutoff) for tid, f in facts.items()}
        missed = _missed(session, facts, cutoff)

        # ---- the grid
        # (body, category, original category, due soon) -> tasks: few distinct keys
        combos = grid_of_unchanged(session, cutoff, soon_days, directive_ids=scope.directive_ids,
                                   body_ids=scope.body_ids)
        for tid, fact in replayed.items():
            category = categories[tid]
            key = (fact.body_id, category, verdict(fact.state, fact.original_deadline, fact.completed_on, cutoff),
                   category == IN_PROGRESS_ON_TIME and is_due_soon(fact, cutoff, soon_days))
            combos[key] = combos.get(key, 0) + 1
        overall = _new_tally()
        per_body: dict[int | None, _Tally] = defaultdict(_new_tally)
        for (body_id, category, original, soon), count in combos.items():
            for tally in (overall, per_body[body_id]):
                tally.counts[category] += count
                tally.original[original] += count
                tally.due_soon += count if soon else 0
        for tid, (lost, _) in missed.items():
            overall.missed += lost
            per_body[facts[tid].body_id].missed += lost

        # ---- the events of the period
        events = [e for e in period_events if e.task_id in facts]
        by_kind: dict[str, list[_Event]] = defaultdict(list)
        for e in events:
            by_kind[e.kind].append(e)
        created = by_kind[EventKind.CREATED.value]
        confirmed_ids = {e.task_id for e in by_kind[EventKind.CONFIRMED.value]}
        completed_ids = [tid for tid in confirmed_ids
                         if facts[tid].state == _CONFIRMED
                         and categories[tid] in (DONE_ON_TIME, DONE_LATE)]
        returned = by_kind[EventKind.RETURNED.value]
        extended = by_kind[EventKind.EXTENDED.value]
        notes = sorted(by_kind[EventKind.PROGRESS.value] + by_kind[EventKind.NOTE.value], key=lambda e: e.id)

        overdue_ids = [tid for tid, c in categories.items() if c == OVERDUE]
        due_ids = [tid for tid, f in facts.items() if is_open(f) and f.current_deadline is not None
                   and cutoff <= f.current_deadline <= due_end]

        listed = {*completed_ids, *overdue_ids, *due_ids, *missed, *(e.task_id for e in returned),
                  *(e.task_id for e in extended), *(e.task_id for e in notes)}
        sources = _sources(session, listed)
        names = _body_names(session, {*per_body, *(facts[tid].body_id for tid in listed)})
        latest = _latest_notes(session, overdue_ids, cutoff, undone)
        requests = _request_reasons(session, extended)
        with_tasks = None if scope.body_ids is None else (
            directives_of_unchanged(session, cutoff, directive_ids=scope.directive_ids, body_ids=scope.body_ids)
            | {f.directive_id for f in replayed.values()})
        directive_lines = _directives_received(session, period.start, cutoff, scope, facts, created, with_tasks)

    def fields(tid: int) -> dict[str, Any]:
        return _line_fields(facts[tid], sources, names)

    completed = [CompletedLine(**fields(tid), completed_on=facts[tid].completed_on or cutoff,
                               on_time=categories[tid] == DONE_ON_TIME) for tid in completed_ids]
    returned_lines = [ReturnedLine(**fields(e.task_id), returned_on=e.on_date,
                                   reason=str((e.new or {}).get("reason") or e.note or "")) for e in returned]
    extension_lines = [ExtensionLine(**{**fields(e.task_id), "deadline": _day((e.new or {}).get("current_deadline"))
                                        or _day((e.new or {}).get("to"))},
                                     granted_on=e.on_date, previous_deadline=_day((e.new or {}).get("from")),
                                     reason=str((e.new or {}).get("reason") or e.note or requests.get(e.id, "")))
                       for e in extended]
    overdue_lines = []
    for tid in overdue_ids:
        fact = facts[tid]
        until = fact.completed_on if fact.state == _REPORTED and fact.completed_on else cutoff
        note, note_day = latest.get(tid, ("", None))
        overdue_lines.append(OverdueLine(**fields(tid), days_overdue=max((until - fact.current_deadline).days, 0)
                                         if fact.current_deadline else 0,
                                         latest_note=note, latest_note_date=note_day))
    overdue_lines.sort(key=lambda line: (-line.days_overdue, *_line_key(line)))
    due_lines = [DueLine(**fields(tid), days_left=((facts[tid].current_deadline or cutoff) - cutoff).days,
                         percent=facts[tid].progress) for tid in due_ids]
    due_lines.sort(key=lambda line: (line.deadline or date.max, *_line_key(line)))
    missed_lines = [MissedReportLine(**fields(tid), recurrence=_recurrence_word(facts[tid].recurrence or ""),
                                     missed=count, last_missed_on=last) for tid, (count, last) in missed.items()]
    missed_lines.sort(key=lambda line: (-line.missed, *_line_key(line)))
    grouped: dict[str, list[ProgressNoteLine]] = defaultdict(list)
    for e in notes:
        source = sources[e.task_id]
        grouped[names[facts[e.task_id].body_id]].append(ProgressNoteLine(
            task_id=e.task_id, on_date=e.on_date, percent=e.percent, note=e.note or "", author=e.by_user,
            directive_number=source.directive_number, item_ref=source.item_ref))
    by_body = [tally.row(names[body_id]) for body_id, tally in per_body.items()]
    by_body.sort(key=lambda row: (fold(row.body or ""), row.body or ""))
    return ReportData(
        period=period, cutoff=cutoff, produced_by=user_name(ctx), produced_at=produced_at or ctx.now(),
        filters=scope.filters, due_soon_days=soon_days, overall=overall.row(None), by_body=tuple(by_body),
        directives=tuple(directive_lines), tasks_created=len(created),
        completed=tuple(sorted(completed, key=lambda line: (line.completed_on, *_line_key(line)))),
        returned=tuple(sorted(returned_lines, key=lambda line: (line.returned_on, *_line_key(line)))),
        extensions=tuple(sorted(extension_lines, key=lambda line: (line.granted_on, *_line_key(line)))),
        overdue=tuple(overdue_lines), missed_reports=tuple(missed_lines), due_next=tuple(due_lines),
        next_period=following_week(ReportPeriod(start=cutoff, end=cutoff)),
        notes_by_body=tuple(BodyNotes(body=body, notes=tuple(lines))
                            for body, lines in sorted(grouped.items(), key=lambda kv: (fold(kv[0]), kv[0]))),
    )


def _directives_received(session: Session, start: date, cutoff: date, scope: _Scope, facts: dict[int, Fact],
                         created: list[_Event], with_tasks: set[int] | None) -> list[DirectiveLine]:
    """Directives imported from the period's first day to the cut-off (with a body filter: only
    ``with_tasks``, those with a task of the body), each with the tasks created for it in the period."""
    stmt = (select(Directive.id, Directive.number, Directive.issue_date, Directive.issuer, Directive.subject,
                   Directive.imported_at, Directive.source_file)
            .where(Directive.imported_at >= datetime.combine(start, datetime.min.time()),
                   Directive.imported_at < datetime.combine(cutoff + timedelta(days=1), datetime.min.time()))
            .order_by(Directive.imported_at, Directive.id))
    if scope.directive_ids is not None:
        stmt = stmt.where(Directive.id.in_(scope.directive_ids))
    per_directive = Counter(facts[e.task_id].directive_id for e in created)
    lines = []
    for directive_id, number, issued, issuer, subject, imported, source_file in session.execute(stmt):
        if with_tasks is not None and directive_id not in with_tasks:
            continue
        lines.append(DirectiveLine(number=number or _file_name(source_file), issued_on=issued, issuer=issuer or "",
                                   subject=subject or "", received_on=imported.date(),
                                   tasks_created=per_directive.get(directive_id, 0)))
    return lines


# ---------------------------------------------------------------- the urging letter


def build_urge_letter(ctx: ServiceContext, body: str, *, as_of: date | None = None, reply_by: date | None = None,
                      copy_to: Sequence[str] = ()) -> UrgeLetterData:
    """A công văn đôn đốc to ``body`` (name or alias; a group covers its members) listing its
    tasks overdue as of ``as_of`` (default today), most overdue first. The body is asked to report
    back by ``reply_by`` (default a week after today). Nothing overdue -> a clear message."""
    today = ctx.today()
    cutoff = as_of or today
    if cutoff > today:
        raise InputError("reporting.future_period", start=cutoff.isoformat(), today=today.isoformat())
    report = build_report(ctx, ReportPeriod(start=cutoff, end=cutoff), bodies=[body])
    if not report.overdue:
        raise NotFoundError("reporting.urge_nothing_overdue", body=report.filters.bodies[0],
                            cutoff=cutoff.isoformat())
    return UrgeLetterData(body=report.filters.bodies[0], cutoff=cutoff, issued_on=today, tasks=report.overdue,
                          reply_by=reply_by or today + timedelta(days=URGE_REPLY_DAYS), produced_by=report.produced_by,
                          copy_to=tuple(copy_to))


def letterhead_from(ctx: ServiceContext, style: str | None = None) -> Letterhead:
    """The letterhead of the settings file (``[report]``), ``style`` overriding its style."""
    head = ctx.settings.report
    return Letterhead(parent_body=head.parent_body, issuing_body=head.issuing_body,
                      number_symbol=head.number_symbol, place=head.place, signer_authority=head.signer_authority,
                      signer_title=head.signer_title, signer_name=head.signer_name,
                      recipients=tuple(head.recipients), style=style or head.style)
