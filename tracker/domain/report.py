"""The weekly status report as plain data: a service fills it, ``tracker.reports`` writes it.

Everything is a frozen dataclass of the standard library, so the exporters (DOCX, XLSX, CSV,
Markdown, JSON) never touch the database and a report can be rebuilt from its JSON.

The figures follow the status grid of ``tracker.domain.status``: each task of a row falls in
exactly one of done on time / done late / in progress on time / overdue / no deadline, with
*due soon* a flag on the in-time ones. The counts of the period (directives received, tasks
completed, returned, extended) are the lengths of the line lists, so every figure can be traced
back to the tasks behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tracker.domain.errors import InputError

ACTION_WORDS = 25  # how many words of an item's action a report line shows


def action_excerpt(text: str, words: int = ACTION_WORDS) -> str:
    """The first ``words`` words of an action, with "..." when cut."""
    parts = text.split(None, words)  # the words wanted, and the rest (if any) in one piece
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + " ..."


def rate(on_time: int, judged: int) -> float | None:
    """Share done on time among the tasks judged; ``None`` (shown as "-") when none was judged."""
    return on_time / judged if judged else None


@dataclass(frozen=True, kw_only=True)
class Letterhead:
    """The issuing office, copied from ``tracker.config.ReportSettings`` by the caller.

    Empty fields are left blank in the document for the office to fill by hand.
    """

    parent_body: str = ""  # cơ quan chủ quản, e.g. "TỈNH ỦY TÂY NINH"
    issuing_body: str = ""  # cơ quan ban hành, e.g. "VĂN PHÒNG"
    number_symbol: str = ""  # "BC-VPTU" -> "Số:      /BC-VPTU"
    place: str = ""  # "Tây Ninh"
    signer_authority: str = ""  # "T/L CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG" or the title alone
    signer_title: str = ""  # "PHÓ CHÁNH VĂN PHÒNG"
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    style: str = "state"  # "state" (Nghị định 30/2020/NĐ-CP) or "party" (Hướng dẫn 36-HD/VPTW)


@dataclass(frozen=True, kw_only=True)
class ReportPeriod:
    start: date
    end: date
    iso_week: str | None = None  # "2021-W30" when the period is an ISO week


_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


def iso_week_period(label: str) -> ReportPeriod:
    """"2021-W30" -> Monday 26/07/2021 to Sunday 01/08/2021; a bad label is an ``InputError``."""
    match = _ISO_WEEK.fullmatch(label.strip())
    if match is None:
        raise InputError("rpt.bad_week", value=label)
    year, week = int(match.group(1)), int(match.group(2))
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError as error:
        raise InputError("rpt.bad_week", value=label) from error
    return ReportPeriod(start=start, end=start + timedelta(days=6), iso_week=f"{year}-W{week:02d}")


def week_of(day: date) -> ReportPeriod:
    """The ISO week (Monday to Sunday) containing ``day``."""
    year, week, _ = day.isocalendar()
    return iso_week_period(f"{year}-W{week:02d}")


def following_week(period: ReportPeriod) -> ReportPeriod:
    """The seven days after ``period`` (an ISO week when they start on a Monday)."""
    start = period.end + timedelta(days=1)
    return week_of(start) if start.isoweekday() == 1 else ReportPeriod(start=start, end=start + timedelta(days=6))


@dataclass(frozen=True, kw_only=True)
class ReportFilters:
    bodies: tuple[str, ...] = ()
    directives: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.bodies and not self.directives


@dataclass(frozen=True, kw_only=True)
class GridRow:
    """One row of the status grid as of the cut-off: all tasks (``body`` = ``None``) or one body."""

    body: str | None
    total: int
    done_on_time: int
    done_late: int
    in_progress_on_time: int
    overdue: int
    no_deadline: int
    due_soon: int  # among in_progress_on_time
    on_time_rate: float | None  # done on time / judged, against the approved deadline
    on_time_rate_original: float | None  # the same against the original deadline
    missed_recurring: int = 0  # periodic reports not submitted by their due day

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @classmethod
    def from_counts(cls, body: str | None, *, done_on_time: int, done_late: int, in_progress_on_time: int,
                    overdue: int, no_deadline: int, due_soon: int = 0, missed_recurring: int = 0,
                    done_on_time_original: int | None = None, no_deadline_original: int | None = None) -> GridRow:
        """A row from the category counts; the rates are done on time among the tasks judged (those
        with a deadline), ``None`` when none was. Without the original-deadline counts the second
        rate equals the first."""
        total = done_on_time + done_late + in_progress_on_time + overdue + no_deadline
        original_on_time = done_on_time if done_on_time_original is None else done_on_time_original
        original_none = no_deadline if no_deadline_original is None else no_deadline_original
        return cls(body=body, total=total, done_on_time=done_on_time, done_late=done_late,
                   in_progress_on_time=in_progress_on_time, overdue=overdue, no_deadline=no_deadline,
                   due_soon=due_soon, on_time_rate=rate(done_on_time, total - no_deadline),
                   on_time_rate_original=rate(original_on_time, total - original_none),
                   missed_recurring=missed_recurring)


@dataclass(frozen=True, kw_only=True)
class TaskLine:
    """A task as a report lists it: who, from which directive and item, what, by when."""

    task_id: int
    body: str
    directive_number: str
    directive_date: date | None
    item_ref: str
    action: str  # the first words (see :func:`action_excerpt`)
    deadline: date | None


@dataclass(frozen=True, kw_only=True)
class OverdueLine(TaskLine):
    days_overdue: int
    latest_note: str = ""
    latest_note_date: date | None = None


@dataclass(frozen=True, kw_only=True)
class CompletedLine(TaskLine):
    completed_on: date  # the day the unit reported it done
    on_time: bool  # against the approved deadline


@dataclass(frozen=True, kw_only=True)
class ReturnedLine(TaskLine):
    returned_on: date
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class ExtensionLine(TaskLine):
    """``deadline`` is the new (approved) deadline; ``previous_deadline`` the one it replaced."""

    granted_on: date
    previous_deadline: date | None
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class DueLine(TaskLine):
    days_left: int  # 0 = due on the cut-off day
    percent: int | None = None


@dataclass(frozen=True, kw_only=True)
class MissedReportLine(TaskLine):
    """A recurring report obligation with occurrences not submitted by their due day."""

    recurrence: str  # RecurrenceFreq value
    missed: int
    last_missed_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class DirectiveLine:
    number: str
    issued_on: date | None
    issuer: str
    subject: str
    received_on: date | None
    tasks_created: int


@dataclass(frozen=True, kw_only=True)
class ProgressNoteLine:
    task_id: int
    on_date: date
    percent: int | None
    note: str
    author: str = ""
    directive_number: str = ""
    item_ref: str = ""


@dataclass(frozen=True, kw_only=True)
class BodyNotes:
    body: str
    notes: tuple[ProgressNoteLine, ...]


@dataclass(frozen=True, kw_only=True)
class ReportData:
    """The weekly report: figures as of ``cutoff`` and what happened between the period dates."""

    period: ReportPeriod
    cutoff: date
    produced_by: str
    produced_at: datetime
    filters: ReportFilters = field(default_factory=ReportFilters)
    due_soon_days: int = 3
    overall: GridRow
    by_body: tuple[GridRow, ...] = ()
    directives: tuple[DirectiveLine, ...] = ()  # received in the period
    tasks_created: int = 0  # in the period
    completed: tuple[CompletedLine, ...] = ()  # reported done in the period and confirmed
    returned: tuple[ReturnedLine, ...] = ()
    extensions: tuple[ExtensionLine, ...] = ()
    overdue: tuple[OverdueLine, ...] = ()  # as of the cut-off, most overdue first
    missed_reports: tuple[MissedReportLine, ...] = ()
    due_next: tuple[DueLine, ...] = ()  # due in ``next_period``
    next_period: ReportPeriod | None = None  # the week after the cut-off
    notes_by_body: tuple[BodyNotes, ...] = ()  # progress notes entered in the period

    @property
    def completed_on_time(self) -> int:
        return sum(1 for line in self.completed if line.on_time)

    @property
    def completed_late(self) -> int:
        return len(self.completed) - self.completed_on_time

    @property
    def progress_notes(self) -> int:
        return sum(len(group.notes) for group in self.notes_by_body)

    @property
    def has_activity(self) -> bool:
        """Anything happened in the period (a quiet week still reports its grid)."""
        return bool(self.directives or self.tasks_created or self.completed or self.returned
                    or self.extensions or self.notes_by_body)


@dataclass(frozen=True, kw_only=True)
class UrgeLetterData:
    """A công văn đôn đốc to one body about its overdue tasks."""

    body: str  # Kính gửi
    cutoff: date  # the overdue figures are as of this day
    issued_on: date  # the date line of the letter
    tasks: tuple[OverdueLine, ...]
    reply_by: date | None = None  # the body reports back by this day
    produced_by: str = ""
    copy_to: tuple[str, ...] = ()  # extra "Nơi nhận" besides the body itself
