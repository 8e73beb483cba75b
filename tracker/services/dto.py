"""Plain frozen dataclasses the task services return (no SQLAlchemy objects leave a service)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from tracker.domain.enums import Category

# Columns a task list can be sorted by (TaskRow attribute names).
SORT_COLUMNS = (
    "id", "directive_number", "directive_date", "ref", "body", "action", "deadline",
    "original_deadline", "category", "progress", "state", "urgency", "role", "completed_on",
)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class TaskQuery:
    """Which tasks, in which order, which page. Every filter is optional and they combine (AND).

    ``category`` is a Category value judged as of today (or ``"due_soon"``); ``search`` ignores
    diacritics and case; ``sort`` is a column of SORT_COLUMNS."""

    body_id: int | None = None
    body: str | None = None  # a name or alias (a group covers its members)
    category: str | None = None
    directive_id: int | None = None
    directive: str | None = None  # the directive's number, e.g. "230-CV/TU"
    due_from: date | None = None
    due_to: date | None = None
    overdue: bool = False
    due_soon: bool = False
    state: str | None = None
    search: str = ""
    include_inactive: bool = False  # tasks whose body was removed
    sort: str = "deadline"
    descending: bool = False
    offset: int = 0
    limit: int | None = 100

    def with_(self, **changes: Any) -> TaskQuery:
        return replace(self, **changes)


@dataclass(frozen=True)
class TaskRow:
    id: int
    directive_id: int
    directive_number: str
    directive_date: date | None
    ref: str
    body_id: int
    body: str
    role: str  # TaskRole value
    action: str  # the item's text
    deadline: date | None  # the approved (current) deadline
    original_deadline: date | None
    category: str  # Category value as of the query's day
    due_soon: bool
    progress: int
    state: str  # TaskState value
    urgency: str | None
    recurrence: str | None
    completed_on: date | None
    pending_extension: date | None
    active: bool
    version: int

    def as_dict(self) -> dict[str, Any]:
        return {k: _plain(v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class TaskPage:
    rows: Sequence[TaskRow]
    total: int | None  # rows matching the query, all pages together (None: not counted, see list_tasks)
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class EventView:
    id: int
    at: datetime
    on_date: date
    user: str
    kind: str  # EventKind value
    percent: int | None
    note: str | None
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    undoes_event_id: int | None
    undone: bool  # a later event undid this one
    summary: str  # one line in the current language

    def as_dict(self) -> dict[str, Any]:
        return {k: _plain(v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class OccurrenceView:
    due_on: date
    status: str  # "submitted", "submitted_late", "missed", "due"
    submitted_on: date | None = None
    submitted_by: str | None = None


@dataclass(frozen=True)
class TaskDetail:
    id: int
    version: int
    directive_id: int
    directive_number: str
    directive_date: date | None
    directive_issuer: str
    directive_subject: str
    ref: str
    text: str  # the item's full text
    passage: str  # the source lines around the item
    body_id: int
    body: str
    role: str
    lead_bodies: Sequence[str]
    cooperating_bodies: Sequence[str]
    original_deadline: date | None
    current_deadline: date | None
    deadline_text: str
    recurrence: str  # RRULE, "" when none
    urgency: str  # Urgency value or ""
    state: str
    category: str
    category_original: str  # the verdict against the original deadline
    due_soon: bool
    progress: int
    completed_on: date | None
    pending_extension: date | None
    active: bool
    occurrences: Sequence[OccurrenceView] = ()
    history: Sequence[EventView] = ()

    def as_dict(self) -> dict[str, Any]:
        return {k: _plain(v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class ActionResult:
    """What one lifecycle action did."""

    task_id: int
    event_id: int
    kind: str  # EventKind value
    version: int  # the task's version after the action
    state: str
    message: str  # the event's summary in the current language
    created_task_id: int | None = None  # add-body: the task made for the new body


@dataclass(frozen=True)
class GridCounts:
    """The status grid: one count per category (each task in exactly one), plus flags."""

    done_on_time: int = 0
    done_late: int = 0
    in_progress_on_time: int = 0
    overdue: int = 0
    no_deadline: int = 0
    due_soon: int = 0  # among in_progress_on_time
    missed_occurrences: int = 0  # recurring reports not submitted by their due day

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.in_progress_on_time + self.overdue + self.no_deadline

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def on_time_rate(self) -> float:
        """Done on time among the tasks with a verdict (no-deadline ones left out)."""
        judged = self.total - self.no_deadline
        return self.done_on_time / judged if judged else 0.0

    def get(self, category: str | Category) -> int:
        return int(getattr(self, str(category)))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["total"] = self.total
        data["on_time_rate"] = round(self.on_time_rate, 4)
        return data


@dataclass(frozen=True)
class TaskBrief:
    """One dashboard line: enough to show the task and open it."""

    id: int
    directive_number: str
    ref: str
    body: str
    action: str
    deadline: date | None
    days: int = 0  # days overdue, or days left for due-soon tasks
    extra: date | None = None  # requested extension date / reported-done date


@dataclass(frozen=True)
class BodyRate:
    body_id: int
    body: str
    grid: GridCounts
    done_on_time_original: int = 0  # judged against the original deadline

    @property
    def total(self) -> int:
        return self.grid.total

    @property
    def rate(self) -> float:
        return self.grid.on_time_rate

    @property
    def rate_original(self) -> float:
        judged = self.grid.total - self.grid.no_deadline
        return self.done_on_time_original / judged if judged else 0.0


@dataclass(frozen=True)
class Dashboard:
    as_of: date
    grid: GridCounts
    grid_original: GridCounts  # the same tasks judged against their original deadlines
    overdue: Sequence[TaskBrief]  # oldest deadline first
    due_soon: Sequence[TaskBrief]  # nearest first
    waiting_confirmation: Sequence[TaskBrief]  # reported done, oldest report first
    extension_requests: Sequence[TaskBrief]  # extra = the requested date
    body_rates: Sequence[BodyRate] = field(default_factory=tuple)
    overdue_total: int = 0  # the lists are capped; these are the full counts
    waiting_total: int = 0
    requests_total: int = 0
