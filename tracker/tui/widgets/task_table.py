"""A virtual task table: it holds only the pages it shows, read through ``fetch(query)``.

Textual's DataTable keeps every row in memory (and needs ~10 s to take 100,000 of them), so this
is a Line API widget: the virtual height is the total row count, ``render_line`` draws the rows
it has and asks a thread worker for the page it lacks. A change of search, sort or filter starts
a new *generation*: the page cache is dropped, the previous fetch is cancelled and results of an
older generation are ignored when they arrive.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from tracker.domain.enums import Category
from tracker.i18n import t
from tracker.tui.backend import TaskPage, TaskQuery, TaskRow
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendFailed

Fetch = Callable[[TaskQuery], TaskPage]
Count = Callable[[TaskQuery], int]

DONE_CATEGORIES = {Category.DONE_ON_TIME.value, Category.DONE_LATE.value}


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # TaskRow attribute, also the sort key
    label_key: str  # i18n key
    width: int  # 0 = takes the remaining width
    align: str = "left"


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("directive_number", "tui.col.directive", 13),
    ColumnSpec("ref", "tui.col.ref", 6),
    ColumnSpec("body", "tui.col.body", 22),
    ColumnSpec("action", "tui.col.action", 0),
    ColumnSpec("deadline", "tui.col.deadline", 10),
    ColumnSpec("category", "tui.col.category", 22),
    ColumnSpec("progress", "tui.col.progress", 5, "right"),
)


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def category_label(row: TaskRow) -> str:
    if row.due_soon and row.category == Category.IN_PROGRESS_ON_TIME.value:
        return t("category.due_soon")
    return t(f"category.{row.category}")


def cell_text(row: TaskRow, key: str) -> str:
    if key == "deadline":
        return format_date(row.deadline)
    if key == "category":
        return category_label(row)
    if key == "progress":
        return f"{row.progress}%"
    if key == "action":
        return " ".join(row.action.split())
    return str(getattr(row, key))


class TaskTable(ScrollView, can_focus=True):
    """Rows of tasks, one page of ``page_size`` at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "tui.key.open", show=True),
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", "tui.key.page_up", show=False),
        Binding("pagedown", "page(1)", "tui.key.page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("s", "next_sort", "tui.key.sort", show=True),
        Binding("d", "reverse_sort", "tui.key.reverse", show=True),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "task-table--header",
        "task-table--cursor",
        "task-table--overdue",
        "task-table--due-soon",
        "task-table--done",
        "task-table--loading",
    }

    DEFAULT_CSS = """
    TaskTable { height: 1fr; overflow-x: hidden; overflow-y: scroll; }
    TaskTable > .task-table--header { text-style: bold; background: $panel; color: $text; }
    TaskTable > .task-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    TaskTable:blur > .task-table--cursor { background: $block-cursor-blurred-background; }
    TaskTable > .task-table--overdue { color: $error; }
    TaskTable > .task-table--due-soon { color: $warning; }
    TaskTable > .task-table--done { color: $success; }
    TaskTable > .task-table--loading { color: $text-muted; }
    """

    cursor_row: reactive[int] = reactive(0)

    class Opened(Message):
        """The officer asked to open a task (Enter or double click)."""

        def __init__(self, task_id: int) -> None:
            super().__init__()
            self.task_id = task_id

    class Loaded(Message):
        """A page of the current generation arrived (and is painted on the next refresh)."""

        def __init__(self, table: TaskTable, generation: int, total: int, elapsed: float) -> None:
            super().__init__()
            self.table = table
            self.generation = generation
            self.total = total
            self.elapsed = elapsed

        @property
        def control(self) -> TaskTable:
            return self.table

    class RangeChanged(Message):
        """The rows in view or the total changed: for a "rows X-Y of N" indicator
        (``counted`` False: the total is not known yet, only the rows read so far)."""

        def __init__(self, table: TaskTable, first: int, last: int, total: int, counted: bool = True) -> None:
            super().__init__()
            self.table = table
            self.first = first
            self.last = last
            self.total = total
            self.counted = counted

        @property
        def control(self) -> TaskTable:
            return self.table

    class _PageArrived(Message):
        def __init__(self, generation: int, page_index: int, page: TaskPage, started: float) -> None:
            super().__init__()
            self.generation = generation
            self.page_index = page_index
            self.page = page
            self.started = started

    class _Counted(Message):
        def __init__(self, generation: int, total: int) -> None:
            super().__init__()
            self.generation = generation
            self.total = total

    class _PageFailed(Message):
        def __init__(self, generation: int, page_index: int, error: Exception) -> None:
            super().__init__()
            self.generation = generation
            self.page_index = page_index
            self.error = error

    def __init__(
        self,
        fetch: Fetch,
        *,
        count: Count | None = None,
        page_size: int = 100,
        cached_pages: int = 40,
        query: TaskQuery | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        localize_bindings(self)
        self.fetch = fetch
        self.count = count  # asked in its own worker when a page comes without its total
        self.page_size = page_size
        self.cached_pages = cached_pages
        self.task_query = (query or TaskQuery()).with_(offset=0, limit=page_size)
        self.total = 0
        self.counted = True  # False while the total of this generation is being counted
        self.generation = 0
        self.loaded_generation = -1  # the generation whose first page has arrived
        self.painted_generation = -1  # the generation whose rows were last drawn
        self.painted_at = 0.0  # perf_counter() of that first drawing (for the benchmark)
        self.counted_at = 0.0  # perf_counter() when the total of the generation became known (idem)
        self._pages: OrderedDict[int, Sequence[TaskRow]] = OrderedDict()
        # the previous query's pages, still drawn (not usable) until the new query's first page
        # arrives: a keystroke in the search box repaints the table once, with the new rows
        self._shown_pages: OrderedDict[int, Sequence[TaskRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._failed: set[int] = set()  # pages of this generation whose read failed
        self.fetch_times: list[float] = []  # seconds per backend read (for the benchmark)

    # ----- public API --------------------------------------------------------------------------

    def set_query(self, **changes: Any) -> None:
        """Change search / sort / filters; the table starts again at its first row."""
        new_query = self.task_query.with_(**changes)
        if new_query.filters_key == self.task_query.filters_key and self.loaded_generation == self.generation:
            return
        self.task_query = new_query
        self.reload()

    def search(self, text: str) -> None:
        """A new search on each keystroke: no debounce, the exclusive worker drops stale reads."""
        self.set_query(search=text)

    def reload(self, *, keep_position: bool = False) -> None:
        """Drop every cached page and read again (after an edit, or a new query)."""
        if self.loaded_generation == self.generation:  # drawn until the new rows come
            self._shown_pages = self._pages
        self.generation += 1
        self._pages = OrderedDict()
        self._pending.clear()
        self._failed.clear()
        self.workers.cancel_group(self, "pages")
        self.workers.cancel_group(self, "count")
        if not keep_position:
            self.cursor_row = 0
            self.scroll_to(y=0, animate=False)
        first_page = 0 if not keep_position else self._row_page(self._first_visible_row())
        self._request_page(first_page, exclusive=True)
        if not self._shown_pages:
            self.refresh()
        else:
            self.refresh(Region(0, 0, self.size.width, 1))  # the header (its sort mark)

    @property
    def current_row(self) -> TaskRow | None:
        return self.row_at(self.cursor_row)

    def row_at(self, index: int) -> TaskRow | None:
        page = self._pages.get(self._row_page(index))
        if page is None:
            return None
        offset = index - self._row_page(index) * self.page_size
        return page[offset] if 0 <= offset < len(page) else None

    @property
    def visible_range(self) -> tuple[int, int]:
        """First and last row index in view (0-based, inclusive); (0, -1) when empty."""
        first = self._first_visible_row()
        last = min(self.total - 1, first + self._body_height() - 1)
        return first, last

    # ----- loading -----------------------------------------------------------------------------

    def on_show(self) -> None:
        if self.generation == 0:  # first shown: read the first page
            self.reload()

    def _row_page(self, row_index: int) -> int:
        return max(0, row_index) // self.page_size

    def _request_page(self, page_index: int, *, exclusive: bool = False) -> None:
        if page_index in self._pending or page_index in self._pages or page_index in self._failed:
            return
        self._pending.add(page_index)
        generation = self.generation
        query = self.task_query.with_(offset=page_index * self.page_size, limit=self.page_size)
        started = time.perf_counter()

        def load() -> None:
            worker = get_current_worker()
            if worker.is_cancelled:
                return
            try:
                fetch_started = time.perf_counter()
                page = self.fetch(query)
                self.fetch_times.append(time.perf_counter() - fetch_started)
                del self.fetch_times[:-200]
            except Exception as error:  # shown by the app; the page may be asked again
                self.post_message(self._PageFailed(generation, page_index, error))
                return
            if not worker.is_cancelled:
                self.post_message(self._PageArrived(generation, page_index, page, started))

        self.run_worker(load, thread=True, group="pages", exclusive=exclusive, exit_on_error=False,
                        description=f"task page {page_index}")

    def on_task_table__page_arrived(self, message: TaskTable._PageArrived) -> None:
        message.stop()
        if message.generation != self.generation:
            return
        self._pending.discard(message.page_index)
        self._shown_pages = OrderedDict()
        self._pages[message.page_index] = list(message.page.rows)
        self._pages.move_to_end(message.page_index)
        while len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)
        first_of_generation = self.loaded_generation != self.generation
        if message.page.total is not None:
            self.total, self.counted = message.page.total, True
            self.counted_at = time.perf_counter()
        elif first_of_generation or not self.counted:
            # a full page without its total: shown now, counted in another worker (counting
            # every match would delay the rows the officer is waiting for)
            self.total = max(0 if first_of_generation else self.total,
                             message.page_index * self.page_size + len(message.page.rows))
            if first_of_generation:
                self.counted = False
                # asked once the rows are drawn: the count's thread would slow the drawing down
                self.call_after_refresh(self._request_count, self.generation)
        self.virtual_size = Size(self.size.width, self.total + 1)
        self.cursor_row = min(self.cursor_row, max(0, self.total - 1))
        self.loaded_generation = self.generation
        self.refresh()
        self._post_range()
        if first_of_generation:
            elapsed = time.perf_counter() - message.started
            self.post_message(self.Loaded(self, self.generation, self.total, elapsed))

    def _request_count(self, generation: int) -> None:
        query, count = self.task_query, self.count
        if count is None or generation != self.generation or self.counted:
            return

        def load() -> None:
            worker = get_current_worker()
            try:
                total = count(query)
            except Exception as error:  # shown by the app, like a failed page
                self.post_message(self._PageFailed(generation, -1, error))
                return
            if not worker.is_cancelled:
                self.post_message(self._Counted(generation, total))

        self.run_worker(load, thread=True, group="count", exclusive=True, exit_on_error=False,
                        description="task count")

    def on_task_table__counted(self, message: TaskTable._Counted) -> None:
        message.stop()
        if message.generation != self.generation or self.counted:
            return
        self.total, self.counted = message.total, True
        self.counted_at = time.perf_counter()
        self.virtual_size = Size(self.size.width, self.total + 1)
        self.refresh()
        self._post_range()

    def on_task_table__page_failed(self, message: TaskTable._PageFailed) -> None:
        message.stop()
        if message.generation == self.generation:
            self._pending.discard(message.page_index)
            self._failed.add(message.page_index)
            if self._shown_pages:  # the previous query's rows no longer stand in
                self._shown_pages = OrderedDict()
                self.refresh()
            self.post_message(BackendFailed("list_tasks", message.error))

    # ----- geometry ----------------------------------------------------------------------------

    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _first_visible_row(self) -> int:
        return int(self.scroll_offset.y)

    def _column_widths(self) -> list[int]:
        width = self.scrollable_content_region.width
        fixed = sum(c.width + 1 for c in COLUMNS if c.width)
        flexible = max(10, width - fixed - 1)
        return [c.width or flexible for c in COLUMNS]

    def _post_range(self) -> None:
        first, last = self.visible_range
        self.post_message(self.RangeChanged(self, first, last, self.total, self.counted))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._post_range()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.total + 1)
        self._post_range()

    # ----- rendering ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header_strip(width)
        index = self._first_visible_row() + y - 1
        if index >= self.total:
            if self.total == 0 and self.loaded_generation == self.generation:
                self.painted_generation = self.generation  # "no rows" is painted too
            return Strip.blank(width, self.rich_style)
        row = self.row_at(index)
        if row is None and self._shown_pages:
            stale = self._shown_pages.get(self._row_page(index))
            offset = index - self._row_page(index) * self.page_size
            if stale is not None and 0 <= offset < len(stale):
                return self._row_strip(stale[offset], index == self.cursor_row, width)
        if row is None:
            self._request_page(self._row_page(index))
            style = self.get_component_rich_style("task-table--loading")
            return Strip([Segment("…".ljust(width), self.rich_style + style)], width)
        if self.painted_generation != self.generation:
            self.painted_generation = self.generation
            self.painted_at = time.perf_counter()
        return self._row_strip(row, index == self.cursor_row, width)

    def _header_strip(self, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("task-table--header")
        cells = []
        for column, col_width in zip(COLUMNS, self._column_widths(), strict=True):
            label = t(column.label_key)
            if column.key == self.task_query.sort:
                label += " ▼" if self.task_query.descending else " ▲"
            cells.append(_fit(label, col_width, column.align))
        return Strip([Segment(" ".join(cells), style)]).adjust_cell_length(width, style)

    def _row_strip(self, row: TaskRow, is_cursor: bool, width: int) -> Strip:
        base = self.rich_style
        state_style: Style | None = None
        if row.category in DONE_CATEGORIES:
            state_style = self.get_component_rich_style("task-table--done")
        elif row.category == Category.OVERDUE.value:
            state_style = self.get_component_rich_style("task-table--overdue")
        elif row.due_soon:
            state_style = self.get_component_rich_style("task-table--due-soon")
        if is_cursor:
            base = base + self.get_component_rich_style("task-table--cursor")
        segments = []
        for column, col_width in zip(COLUMNS, self._column_widths(), strict=True):
            cell = _fit(cell_text(row, column.key), col_width, column.align) + " "
            coloured = state_style is not None and column.key in ("deadline", "category") and not is_cursor
            segments.append(Segment(cell, base + state_style if coloured and state_style else base))
        return Strip(segments).adjust_cell_length(width, base)

    # ----- keys and mouse ----------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh()
        first = self._first_visible_row()
        height = self._body_height()
        if new < first:
            self.scroll_to(y=new, animate=False)
        elif new >= first + height:
            self.scroll_to(y=new - height + 1, animate=False)

    def _move_to(self, index: int) -> None:
        self.cursor_row = max(0, min(index, self.total - 1))

    def action_cursor(self, delta: int) -> None:
        self._move_to(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        height = self._body_height()
        target = self.cursor_row + direction * height
        self.scroll_to(y=self._first_visible_row() + direction * height, animate=False)
        self._move_to(target)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self.total - 1)

    def action_open(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Opened(row.id))

    def sort_by(self, key: str, descending: bool | None = None) -> None:
        if descending is None:
            descending = not self.task_query.descending if key == self.task_query.sort else False
        self.set_query(sort=key, descending=descending)

    def action_next_sort(self) -> None:
        keys = [c.key for c in COLUMNS]
        position = keys.index(self.task_query.sort) if self.task_query.sort in keys else -1
        self.sort_by(keys[(position + 1) % len(keys)], descending=False)

    def action_reverse_sort(self) -> None:
        self.sort_by(self.task_query.sort, descending=not self.task_query.descending)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            x = 0
            for column, col_width in zip(COLUMNS, self._column_widths(), strict=True):
                if x <= offset.x < x + col_width + 1:
                    self.sort_by(column.key)
                    return
                x += col_width + 1
            return
        index = self._first_visible_row() + offset.y - 1
        if 0 <= index < self.total:
            self.cursor_row = index
            if event.chain >= 2:
                self.action_open()


def _fit(text: str, width: int, align: str) -> str:
    """``text`` cut with an ellipsis or padded to exactly ``width`` cells."""
    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""
    gap = max(0, width - cell_len(text))
    return (" " * gap + text) if align == "right" else (text + " " * gap)
