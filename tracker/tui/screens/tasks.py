"""Nhiệm vụ: the task table over any number of tasks, with search, filters and sort."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static

from tracker.domain.enums import Category
from tracker.i18n import t
from tracker.tui.backend import Backend, Choice
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendResult, OpenTask
from tracker.tui.screens.lazy import LazyLoad
from tracker.tui.widgets.task_table import TaskTable
from tracker.tui.workers import call_backend

CATEGORY_FILTERS = [c.value for c in Category] + ["due_soon"]


def parse_day(text: str) -> date | None:
    """dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd; "" is no date; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar day, no zone
        except ValueError:
            continue
    raise ValueError(text)


def format_count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class TasksPane(LazyLoad, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "tui.key.search", show=True),
        Binding("x", "clear_filters", "tui.key.clear_filters", show=True),
        Binding("escape", "focus_table", show=False),
    ]

    def __init__(self, backend: Backend, *, page_size: int = 100, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.backend = backend
        self.page_size = page_size
        self.choices_loaded = False

    def compose(self) -> ComposeResult:
        all_label = t("tui.all")
        with Horizontal(id="task-filters"):
            yield Select[int]([], prompt=f"{t('tui.filter.body')}: {all_label}", id="filter-body",
                              compact=True)
            yield Select[str](
                [(t(f"category.{c}"), c) for c in CATEGORY_FILTERS],
                prompt=f"{t('tui.filter.category')}: {all_label}", id="filter-category", compact=True,
            )
            yield Select[int]([], prompt=f"{t('tui.filter.directive')}: {all_label}", id="filter-directive",
                              compact=True)
            yield Input(placeholder=t("tui.filter.due_from"), id="filter-due-from", classes="date", compact=True)
            yield Input(placeholder=t("tui.filter.due_to"), id="filter-due-to", classes="date", compact=True)
        yield Input(placeholder=t("tui.tasks.search"), id="task-search", compact=True)
        yield TaskTable(self.backend.list_tasks, count=self.backend.count_tasks, page_size=self.page_size,
                        id="task-table")
        yield Static(t("tui.tasks.loading"), id="task-range")

    def reload(self) -> None:
        if self.table.loaded_generation >= 0:
            self.load_choices()
            self.table.reload(keep_position=True)

    def on_task_table_loaded(self, event: TaskTable.Loaded) -> None:
        """The filter lists are read once the first rows are on screen (they never delay them)."""
        if not self.choices_loaded:
            self.choices_loaded = True
            self.load_choices()

    def load_choices(self) -> None:
        backend = self.backend
        call_backend(self, "filter_choices", lambda: (backend.body_choices(), backend.directive_choices()))

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "filter_choices":
            bodies, directives = message.value
            self._fill(self.query_one("#filter-body", Select), bodies)
            self._fill(self.query_one("#filter-directive", Select), directives)

    @staticmethod
    def _fill(select: Select[int], choices: list[Choice]) -> None:
        current = select.value
        select.set_options([(choice.label, choice.id) for choice in choices])
        if current in {choice.id for choice in choices}:
            select.value = current

    @property
    def table(self) -> TaskTable:
        return self.query_one(TaskTable)

    # ----- search and filters ------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "task-search":
            event.stop()
            self.table.search(event.value)
        elif event.input.id in ("filter-due-from", "filter-due-to"):
            event.stop()
            self._apply_dates()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "task-search":
            event.stop()
            self.table.focus()

    def _apply_dates(self) -> None:
        values: dict[str, date | None] = {}
        for name, widget_id in (("due_from", "#filter-due-from"), ("due_to", "#filter-due-to")):
            widget = self.query_one(widget_id, Input)
            try:
                values[name] = parse_day(widget.value)
            except ValueError:
                widget.add_class("-invalid")
                widget.tooltip = t("tui.filter.bad_date", value=widget.value)
                return
            widget.remove_class("-invalid")
            widget.tooltip = None
        self.table.set_query(**values)

    def on_select_changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else event.value
        target = {"filter-body": "body_id", "filter-category": "category",
                  "filter-directive": "directive_id"}.get(event.select.id or "")
        if target:
            event.stop()
            self.table.set_query(**{target: value})

    def set_category(self, category: str | None) -> None:
        select = self.query_one("#filter-category", Select)
        if category is None:
            select.clear()
        else:
            select.value = category

    def action_clear_filters(self) -> None:
        for select_id in ("#filter-body", "#filter-category", "#filter-directive"):
            self.query_one(select_id, Select).clear()
        for input_id in ("#filter-due-from", "#filter-due-to", "#task-search"):
            self.query_one(input_id, Input).value = ""
        self.table.set_query(search="", body_id=None, category=None, directive_id=None,
                             due_from=None, due_to=None)

    def action_focus_search(self) -> None:
        self.query_one("#task-search", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    # ----- table events ------------------------------------------------------------------------

    def on_task_table_range_changed(self, event: TaskTable.RangeChanged) -> None:
        label = self.query_one("#task-range", Static)
        if event.total == 0:
            label.update(t("tui.tasks.empty"))
        elif not event.counted:
            label.update(t("tui.tasks.range_counting", first=format_count(event.first + 1),
                           last=format_count(event.last + 1)))
        else:
            label.update(t("tui.tasks.range", first=format_count(event.first + 1),
                           last=format_count(event.last + 1), total=format_count(event.total)))

    def on_task_table_opened(self, event: TaskTable.Opened) -> None:
        event.stop()
        self.post_message(OpenTask(event.task_id))

    def focus_default(self) -> None:
        self.table.focus()
