"""Plain results of the body directory and directive services (no SQLAlchemy here, so the
terminal UI can import them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class BodyInfo:
    """One body of the directory, as listed to the clerk."""

    id: int
    name: str
    kind: str  # BodyKind value
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # when it is a group
    is_group: bool = False
    is_new: bool = False  # added by an import, not reviewed yet
    active: bool = True
    task_count: int = 0


@dataclass(frozen=True)
class BodyMatch:
    """A fuzzy match for completion: the body and what matched (its name or an alias)."""

    id: int
    name: str
    matched: str
    score: float  # 0..100


@dataclass(frozen=True)
class MergeResult:
    kept: BodyInfo
    absorbed_name: str
    moved_tasks: int  # tasks re-assigned to the kept body
    merged_tasks: int  # tasks folded into the kept body's task for the same item


@dataclass(frozen=True)
class DirectiveRow:
    """A directive with the progress of its tasks as of ``ctx.today()``."""

    id: int
    number: str | None
    issuer: str | None
    issue_date: date | None
    doc_type: str
    subject: str | None
    source_file: str | None
    item_count: int
    task_count: int
    grid: dict[str, int] = field(default_factory=dict)  # Category value -> count
    due_soon: int = 0

    @property
    def done_count(self) -> int:
        return self.grid.get("done_on_time", 0) + self.grid.get("done_late", 0)

    @property
    def overdue_count(self) -> int:
        return self.grid.get("overdue", 0)


@dataclass(frozen=True)
class TaskLine:
    """A task under its item in a directive tree."""

    id: int
    body_id: int
    body: str
    role: str
    state: str
    progress: int
    current_deadline: date | None
    category: str
    due_soon: bool
    active: bool = True


@dataclass(frozen=True)
class ItemNode:
    id: int
    ref: str
    text: str
    is_leaf: bool
    line_start: int | None
    line_end: int | None
    deadline_text: str | None
    tasks: Sequence[TaskLine] = ()
    children: Sequence[ItemNode] = ()


@dataclass(frozen=True)
class DirectiveTree:
    directive: DirectiveRow
    items: Sequence[ItemNode]  # top-level items, each with its children
    monitor: str | None = None
    signer: str | None = None
