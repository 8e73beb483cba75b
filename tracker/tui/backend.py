"""The seam between the terminal UI and the rest of tracker.

Screens only ever talk to a :class:`Backend`: every method is blocking (the screens call it from
thread workers), takes and returns plain frozen dataclasses defined here, and raises
``tracker.domain.errors.TrackerError`` for anything a user should read. ``ServicesBackend``
(tracker/tui/services_backend.py) implements it over ``tracker.services``; tests of widget
behaviour may use an in-memory double.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

# Columns of the task table a query can sort by (TaskRow attribute names).
SORT_COLUMNS = ("directive_number", "ref", "body", "action", "deadline", "category", "progress")


@dataclass(frozen=True)
class TaskQuery:
    """One page of tasks: position, order, filters and the free-text search."""

    offset: int = 0
    limit: int = 100
    sort: str = "deadline"
    descending: bool = False
    search: str = ""  # diacritics and case are ignored by the backend
    body_id: int | None = None
    category: str | None = None  # a tracker.domain.enums.Category value, or "due_soon"
    directive_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None

    def with_(self, **changes: Any) -> TaskQuery:
        return replace(self, **changes)

    @property
    def filters_key(self) -> tuple[Any, ...]:
        """Everything but the position: two queries with the same key list the same rows."""
        return (self.sort, self.descending, self.search, self.body_id, self.category,
                self.directive_id, self.due_from, self.due_to)


@dataclass(frozen=True)
class TaskRow:
    id: int
    directive_number: str
    ref: str
    body: str
    action: str  # the item's text; the table shows its first words
    deadline: date | None
    category: str  # Category value as of today
    due_soon: bool
    progress: int
    state: str  # TaskState value
    role: str = "lead"
    directive_id: int | None = None


@dataclass(frozen=True)
class TaskPage:
    rows: Sequence[TaskRow]
    total: int | None  # rows matching the query, all pages together; None: ask ``count_tasks``
    offset: int = 0


@dataclass(frozen=True)
class Choice:
    """An entry of a filter list (a body, a directive)."""

    id: int
    label: str


@dataclass(frozen=True)
class TaskEventView:
    id: int
    at: str  # "2021-07-05 09:30"
    on_date: date
    user: str
    kind: str  # EventKind value
    summary: str  # human text already in the current language
    undone: bool = False


@dataclass(frozen=True)
class OccurrenceView:
    due_on: date
    submitted_on: date | None


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
    passage: str  # the surrounding source passage
    body: str
    role: str
    lead_bodies: Sequence[str]
    cooperating_bodies: Sequence[str]
    original_deadline: date | None
    current_deadline: date | None
    deadline_text: str
    recurrence: str  # human text, "" when none
    urgency: str  # Urgency value or ""
    state: str
    category: str
    due_soon: bool
    progress: int
    pending_extension: date | None
    occurrences: Sequence[OccurrenceView] = ()
    history: Sequence[TaskEventView] = ()


@dataclass(frozen=True)
class TaskBrief:
    """A dashboard entry: enough to show one line and open the task."""

    id: int
    directive_number: str
    ref: str
    body: str
    action: str
    deadline: date | None
    days: int = 0  # days overdue (overdue list) or days left (due soon list)
    extra: str = ""  # e.g. the requested extension date


@dataclass(frozen=True)
class BodyRate:
    body: str
    done_on_time: int
    total: int

    @property
    def rate(self) -> float:
        return self.done_on_time / self.total if self.total else 0.0


@dataclass(frozen=True)
class Dashboard:
    as_of: date
    grid: dict[str, int]  # Category value -> count
    due_soon_count: int
    overdue: Sequence[TaskBrief]  # oldest first
    due_soon: Sequence[TaskBrief]
    waiting_confirmation: Sequence[TaskBrief]
    extension_requests: Sequence[TaskBrief]
    body_rates: Sequence[BodyRate]
    totals: dict[str, int] = field(default_factory=dict)  # list name -> all such tasks (lists are cut)


@dataclass(frozen=True)
class DirectiveSummary:
    id: int
    number: str
    issue_date: date | None
    issuer: str
    subject: str
    task_count: int
    done_count: int
    overdue_count: int


@dataclass(frozen=True)
class DirectiveNode:
    """An item of a directive with its tasks (leaves) or children (headings)."""

    ref: str
    text: str
    tasks: Sequence[TaskRow] = ()
    children: Sequence[DirectiveNode] = ()


@dataclass(frozen=True)
class DirectiveTree:
    directive: DirectiveSummary
    items: Sequence[DirectiveNode]


@dataclass(frozen=True)
class BodyView:
    id: int
    name: str
    kind: str
    aliases: Sequence[str] = ()
    members: Sequence[str] = ()  # when it is a group
    is_group: bool = False
    is_new: bool = False
    task_count: int = 0


@dataclass(frozen=True)
class PreviewItem:
    ref: str
    text: str
    bodies: Sequence[str]
    new_bodies: Sequence[str]
    lead: str
    deadline: date | None
    deadline_text: str
    recurrence: str
    is_leaf: bool = True


@dataclass(frozen=True)
class PreviewDocument:
    number: str
    issuer: str
    issue_date: date | None
    subject: str
    items: Sequence[PreviewItem]
    duplicate: bool = False  # already imported


@dataclass(frozen=True)
class ImportPreview:
    path: str
    documents: Sequence[PreviewDocument]
    problems: Sequence[str]  # parse issues, already in words
    token: Any = None  # opaque: what the backend needs to save this preview


@dataclass(frozen=True)
class ItemCorrection:
    """A clerk's change to one extracted item before saving."""

    document_index: int
    ref: str
    drop: bool = False
    merge_into: str | None = None  # ref of the item this one is merged into
    bodies: Sequence[str] | None = None
    lead: str | None = None
    deadline: date | None = None


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    directives: int
    tasks: int
    skipped: bool = False  # already imported: nothing changed
    new_bodies: Sequence[str] = ()
    message: str = ""


@dataclass(frozen=True)
class ReportPreview:
    start: date
    end: date
    figures: Sequence[tuple[str, str]]  # (label, value) already in words
    grid: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ActionResult:
    task_id: int
    message: str  # what was done, in words


class Backend(Protocol):
    """Everything the screens need. Every method blocks; call it from a thread worker."""

    today: date

    # tasks
    def list_tasks(self, query: TaskQuery) -> TaskPage:
        """A page of the task list; ``total`` may be None when the page is full (then the table
        shows the page at once and asks ``count_tasks`` in another worker)."""
        ...
    def count_tasks(self, query: TaskQuery) -> int: ...
    def task_detail(self, task_id: int) -> TaskDetail: ...
    def task_action(self, task_id: int, action: str, version: int | None, **fields: Any) -> ActionResult:
        """Run one lifecycle action (progress, report_done, confirm, return, extend, urge, note,
        edit, undo). ``version`` is the version the officer saw: a newer one raises ConflictError."""
        ...

    # lists for filters
    def body_choices(self) -> Sequence[Choice]: ...
    def directive_choices(self) -> Sequence[Choice]: ...

    # screens
    def dashboard(self) -> Dashboard: ...
    def directives(self) -> Sequence[DirectiveSummary]: ...
    def directive_tree(self, directive_id: int) -> DirectiveTree: ...
    def preview_import(self, path: str) -> ImportPreview: ...
    def commit_import(self, preview: ImportPreview, corrections: Sequence[ItemCorrection]) -> ImportOutcome: ...
    def report_preview(self, start: date, end: date, body: str | None = None) -> ReportPreview:
        """The figures of the period, of one body's tasks when ``body`` (a name) is given."""
    def report_formats(self) -> Sequence[str]: ...
    def export_report(self, start: date, end: date, fmt: str, path: str, body: str | None = None) -> str: ...
    def bodies(self) -> Sequence[BodyView]: ...
    def body_action(self, action: str, body_id: int, **fields: Any) -> str:
        """rename (name), alias (alias), merge (into_id); returns what was done, in words."""
        ...
