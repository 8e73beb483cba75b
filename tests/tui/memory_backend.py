"""An in-memory test double of the UI's Backend seam, for widget behaviour and the benchmark
before the real services exist. Tasks are generated deterministically; search uses the same
``fold`` key as the real services."""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from tracker.domain.enums import Category, TaskState
from tracker.domain.errors import NotFoundError
from tracker.domain.text import fold
from tracker.tui.backend import (
    ActionResult,
    BodyRate,
    BodyView,
    Choice,
    Dashboard,
    DirectiveNode,
    DirectiveSummary,
    DirectiveTree,
    ImportOutcome,
    ImportPreview,
    ItemCorrection,
    ReportPreview,
    TaskBrief,
    TaskDetail,
    TaskPage,
    TaskQuery,
    TaskRow,
)

BODIES = [
    "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Công an tỉnh",
    "Ủy ban nhân dân huyện Hòa Thành", "Ủy ban nhân dân thành phố Tây Ninh", "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy", "Sở Thông tin và Truyền thông", "Sở Nội vụ", "Bộ Chỉ huy Quân sự tỉnh",
]
VERBS = ["Chỉ đạo", "Tăng cường", "Triển khai", "Rà soát", "Báo cáo", "Kiểm tra", "Tổ chức", "Tuyên truyền"]
OBJECTS = ["công tác phòng, chống dịch", "tiêm vắc-xin", "kế hoạch năm học", "chuyển đổi số",
           "thu ngân sách", "an ninh trật tự", "cải cách hành chính", "giải ngân vốn đầu tư công"]


class MemoryBackend:
    def __init__(self, count: int = 1000, today: date = date(2021, 7, 20), seed: int = 7,
                 due_soon_days: int = 3) -> None:
        self.today = today
        self.due_soon_days = due_soon_days
        self.fail_next: Exception | None = None
        self.defer_count = False  # True: full pages come without their total, like the SQL backend's
        self.counts_asked = 0
        self.gate: threading.Event | None = None  # set: list_tasks waits until it opens (a slow read)
        rng = random.Random(seed)
        self.calls: list[str] = []
        self.rows: list[TaskRow] = []
        self.keys: list[str] = []
        directive_count = max(1, count // 25)
        self.directive_numbers = [f"{100 + i}-CV/TU" for i in range(directive_count)]
        for task_id in range(1, count + 1):
            directive = (task_id - 1) // 25
            deadline = today + timedelta(days=rng.randint(-40, 40)) if rng.random() > 0.1 else None
            state = rng.choice(list(TaskState))
            body = rng.choice(BODIES)
            action = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} số {task_id}"
            row = TaskRow(
                id=task_id, directive_number=self.directive_numbers[directive],
                ref=f"{(task_id - 1) % 25 // 5 + 1}.{(task_id - 1) % 5 + 1}", body=body, action=action,
                deadline=deadline, category="", due_soon=False,
                progress=100 if state in (TaskState.REPORTED_DONE, TaskState.CONFIRMED) else rng.randint(0, 90),
                state=state.value, directive_id=directive + 1,
            )
            category, soon = self._categorise(row)
            self.rows.append(replace(row, category=category, due_soon=soon))
            self.keys.append(fold(f"{row.directive_number} {row.ref} {body} {action}"))
        self._orders: dict[str, list[int]] = {}

    def _categorise(self, row: TaskRow) -> tuple[str, bool]:
        done = row.state in (TaskState.REPORTED_DONE.value, TaskState.CONFIRMED.value)
        if row.deadline is None:
            return Category.NO_DEADLINE.value, False
        if done:
            return Category.DONE_ON_TIME.value, False
        if row.deadline < self.today:
            return Category.OVERDUE.value, False
        return Category.IN_PROGRESS_ON_TIME.value, (row.deadline - self.today).days <= self.due_soon_days

    def _check(self, name: str) -> None:
        self.calls.append(name)
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error

    def _order(self, sort: str) -> list[int]:
        if sort not in self._orders:
            def key(i: int) -> Any:
                value = getattr(self.rows[i], sort)
                if sort == "deadline":
                    return (value is None, value or date.min)
                return value
            self._orders[sort] = sorted(range(len(self.rows)), key=key)
        return self._orders[sort]

    def list_tasks(self, query: TaskQuery) -> TaskPage:
        self._check("list_tasks")
        if self.gate is not None:
            self.gate.wait(timeout=10)
        order = self._order(query.sort)
        if query.descending:
            order = order[::-1]
        needle = fold(query.search)
        rows, keys = self.rows, self.keys
        body = next((b for i, b in enumerate(BODIES, 1) if i == query.body_id), None)

        def keep(i: int) -> bool:
            row = rows[i]
            if needle and needle not in keys[i]:
                return False
            if body is not None and row.body != body:
                return False
            if query.category == "due_soon":
                if not row.due_soon:
                    return False
            elif query.category and row.category != query.category:
                return False
            if query.directive_id is not None and row.directive_id != query.directive_id:
                return False
            if query.due_from and (row.deadline is None or row.deadline < query.due_from):
                return False
            return not (query.due_to and (row.deadline is None or row.deadline > query.due_to))

        other_filters = body or query.category or query.directive_id or query.due_from or query.due_to
        if not other_filters:
            filtered = [i for i in order if needle in keys[i]] if needle else order
        else:
            filtered = [i for i in order if keep(i)]
        page = [rows[i] for i in filtered[query.offset: query.offset + query.limit]]
        if self.defer_count and len(page) == query.limit:
            return TaskPage(rows=page, total=None, offset=query.offset)  # as the SQL backend does
        return TaskPage(rows=page, total=len(filtered), offset=query.offset)

    def count_tasks(self, query: TaskQuery) -> int:
        self._check("count_tasks")
        self.counts_asked += 1
        deferred, self.defer_count = self.defer_count, False
        try:
            return self.list_tasks(query.with_(offset=0, limit=len(self.rows))).total or 0
        finally:
            self.defer_count = deferred

    def _row(self, task_id: int) -> TaskRow:
        if not 1 <= task_id <= len(self.rows):
            raise NotFoundError("task.not_found", id=task_id)
        return self.rows[task_id - 1]

    def task_detail(self, task_id: int) -> TaskDetail:
        self._check("task_detail")
        row = self._row(task_id)
        return TaskDetail(
            id=row.id, version=1, directive_id=row.directive_id or 1, directive_number=row.directive_number,
            directive_date=self.today - timedelta(days=30), directive_issuer="Tỉnh ủy Tây Ninh",
            directive_subject="Về việc tăng cường công tác", ref=row.ref, text=row.action,
            passage=row.action, body=row.body, role=row.role, lead_bodies=[row.body], cooperating_bodies=[],
            original_deadline=row.deadline, current_deadline=row.deadline, deadline_text="", recurrence="",
            urgency="", state=row.state, category=row.category, due_soon=row.due_soon, progress=row.progress,
            pending_extension=None,
        )

    def task_action(self, task_id: int, action: str, version: int | None, **fields: Any) -> ActionResult:
        self._check("task_action")
        row = self._row(task_id)
        if action == "progress":
            self.rows[task_id - 1] = replace(row, progress=int(fields["percent"]))
        return ActionResult(task_id, action)

    def body_choices(self) -> Sequence[Choice]:
        self._check("body_choices")
        return [Choice(i, name) for i, name in enumerate(BODIES, 1)]

    def directive_choices(self) -> Sequence[Choice]:
        self._check("directive_choices")
        return [Choice(i, number) for i, number in enumerate(self.directive_numbers, 1)]

    def _brief(self, row: TaskRow) -> TaskBrief:
        days = abs((self.today - row.deadline).days) if row.deadline else 0
        return TaskBrief(row.id, row.directive_number, row.ref, row.body, row.action, row.deadline, days)

    def dashboard(self) -> Dashboard:
        self._check("dashboard")
        grid = {c.value: 0 for c in Category}
        for row in self.rows:
            grid[row.category] += 1
        overdue = sorted((r for r in self.rows if r.category == Category.OVERDUE.value),
                         key=lambda r: (r.deadline, r.id))
        soon = [r for r in self.rows if r.due_soon]
        waiting = [r for r in self.rows if r.state == TaskState.REPORTED_DONE.value]
        rates = []
        for body in BODIES:
            mine = [r for r in self.rows if r.body == body]
            rates.append(BodyRate(body, sum(r.category == Category.DONE_ON_TIME.value for r in mine), len(mine)))
        return Dashboard(
            as_of=self.today, grid=grid, due_soon_count=len(soon),
            overdue=[self._brief(r) for r in overdue[:50]], due_soon=[self._brief(r) for r in soon[:50]],
            waiting_confirmation=[self._brief(r) for r in waiting[:50]], extension_requests=[],
            body_rates=rates,
        )

    def directives(self) -> Sequence[DirectiveSummary]:
        self._check("directives")
        by_directive: dict[int | None, list[TaskRow]] = {}
        for row in self.rows:
            by_directive.setdefault(row.directive_id, []).append(row)
        out = []
        for i, number in enumerate(self.directive_numbers, 1):
            mine = by_directive.get(i, [])
            out.append(DirectiveSummary(
                i, number, self.today - timedelta(days=30), "Tỉnh ủy Tây Ninh", "Về việc tăng cường công tác",
                len(mine), sum(r.category.startswith("done") for r in mine),
                sum(r.category == Category.OVERDUE.value for r in mine)))
        return out

    def directive_tree(self, directive_id: int) -> DirectiveTree:
        self._check("directive_tree")
        summary = next(d for d in self.directives() if d.id == directive_id)
        mine = [r for r in self.rows if r.directive_id == directive_id]
        heads: dict[str, list[TaskRow]] = {}
        for row in mine:
            heads.setdefault(row.ref.split(".")[0], []).append(row)
        nodes = [DirectiveNode(ref=head, text=f"Mục {head}",
                               children=[DirectiveNode(ref=r.ref, text=r.action, tasks=[r]) for r in rows])
                 for head, rows in heads.items()]
        return DirectiveTree(summary, nodes)

    def preview_import(self, path: str) -> ImportPreview:
        self._check("preview_import")
        return ImportPreview(path=path, documents=[], problems=[])

    def commit_import(self, preview: ImportPreview, corrections: Sequence[ItemCorrection]) -> ImportOutcome:
        self._check("commit_import")
        return ImportOutcome(preview.path, 0, 0)

    def report_preview(self, start: date, end: date, body: str | None = None) -> ReportPreview:
        self._check("report_preview")
        rows = [row for row in self.rows if body is None or row.body == body]
        return ReportPreview(start, end, [("Tổng số nhiệm vụ", str(len(rows)))])

    def report_formats(self) -> Sequence[str]:
        return ["md", "csv"]

    def export_report(self, start: date, end: date, fmt: str, path: str, body: str | None = None) -> str:
        self._check("export_report")
        return path

    def bodies(self) -> Sequence[BodyView]:
        self._check("bodies")
        return [BodyView(i, name, "government", task_count=sum(r.body == name for r in self.rows))
                for i, name in enumerate(BODIES, 1)]

    def body_action(self, action: str, body_id: int, **fields: Any) -> str:
        self._check("body_action")
        return action
