"""The virtual task table over the backend seam: one page at a time, search, sort, filters, keys."""

from __future__ import annotations

import threading
from datetime import date

from helpers import app_ready, screen_text, wait_for, wait_table
from memory_backend import MemoryBackend

from tracker.domain.text import fold
from tracker.tui.app import TrackerApp
from tracker.tui.screens.task_detail import TaskDetailScreen
from tracker.tui.widgets.task_table import TaskTable


async def open_tasks(pilot, app) -> TaskTable:  # type: ignore[no-untyped-def]
    await app_ready(pilot, app)
    await pilot.press("2")
    table = app.pane("tasks").table
    await wait_for(pilot, lambda: table.region.height > 0)  # the tab is on screen
    await wait_table(pilot, table)
    return table


async def test_reads_only_the_pages_it_shows(fake_settings) -> None:
    backend = MemoryBackend(5_000)
    app = TrackerApp(fake_settings, backend, page_size=100)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        assert table.total == 5_000
        assert backend.calls.count("list_tasks") == 1
        assert table.row_at(0) is not None and table.row_at(150) is None
        assert "Dòng 1–" in screen_text(app) and "/ 5.000" in screen_text(app)

        table.focus()
        await pilot.press("end")
        await wait_table(pilot, table)
        assert table.cursor_row == 4_999
        assert table.current_row == backend.list_tasks(table.task_query.with_(offset=4_999, limit=1)).rows[0]
        assert "/ 5.000" in screen_text(app) and "5.000 /" in screen_text(app)
        assert backend.calls.count("list_tasks") <= 4  # first page, last page (and their neighbours)

        await pilot.press("home", "pagedown")
        await wait_table(pilot, table)
        first, last = table.visible_range
        assert first > 0 and table.cursor_row >= first


async def test_search_ignores_diacritics_and_case(fake_settings) -> None:
    backend = MemoryBackend(3_000)
    app = TrackerApp(fake_settings, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        await pilot.press("slash")
        await pilot.press(*"SO Y TE".replace(" ", "_").replace("_", " ").split(" ")[0])
        await pilot.press("space", "y", "space", "t", "e")
        await wait_for(pilot, lambda: table.task_query.search == "SO y te")
        await wait_table(pilot, table)
        expected = sum(1 for row in backend.rows if "so y te" in fold(row.body))
        assert 0 < table.total == expected < 3_000
        assert all(fold(table.row_at(i).body) == "so y te" for i in range(min(50, table.total)))
        assert "Sở Y tế" in screen_text(app)


async def test_sort_by_key_and_by_header_click(fake_settings) -> None:
    backend = MemoryBackend(2_000)
    app = TrackerApp(fake_settings, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        table.focus()
        deadlines = [table.row_at(i).deadline for i in range(30)]
        assert deadlines == sorted(deadlines, key=lambda d: (d is None, d or date.min))
        await pilot.press("d")  # reverse
        await wait_table(pilot, table)
        assert table.task_query.descending
        assert table.row_at(0).deadline is None or table.row_at(0).deadline >= table.row_at(29).deadline
        await pilot.press("s")  # next column after the deadline: category
        await wait_table(pilot, table)
        assert table.task_query.sort == "category" and not table.task_query.descending
        categories = [table.row_at(i).category for i in range(100)]
        assert categories == sorted(categories)
        # a click on the "Cơ quan" header sorts by body
        header_x = sum(w + 1 for w in table._column_widths()[:2]) + 2
        await pilot.click(TaskTable, offset=(header_x, 0))
        await wait_table(pilot, table)
        assert table.task_query.sort == "body"
        bodies = [table.row_at(i).body for i in range(100)]
        assert bodies == sorted(bodies)
        assert "Cơ quan ▲" in screen_text(app)


async def test_filters_by_category_body_and_due_range(fake_settings) -> None:
    backend = MemoryBackend(2_000)
    app = TrackerApp(fake_settings, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        pane = app.pane("tasks")
        pane.set_category("overdue")
        await wait_for(pilot, lambda: table.task_query.category == "overdue")
        await wait_table(pilot, table)
        assert table.total == sum(r.category == "overdue" for r in backend.rows)
        assert {table.row_at(i).category for i in range(min(100, table.total))} == {"overdue"}

        await pilot.click("#filter-due-from")
        await pilot.press(*"01/07/2021")
        await wait_for(pilot, lambda: table.task_query.due_from == date(2021, 7, 1))
        await wait_table(pilot, table)
        assert table.total == sum(r.category == "overdue" and r.deadline >= date(2021, 7, 1) for r in backend.rows)

        await pilot.press("backspace", "backspace", "x")  # "01/07/20x": not a date
        await pilot.pause()
        assert pane.query_one("#filter-due-from").has_class("-invalid")
        assert table.task_query.due_from == date(2021, 7, 1)  # the last valid filter stays

        await pilot.press("escape")
        table.focus()
        await pilot.press("x")  # clear every filter
        await wait_table(pilot, table)
        assert table.total == 2_000 and table.task_query.category is None and table.task_query.due_from is None


async def test_enter_opens_the_task_detail(fake_settings) -> None:
    backend = MemoryBackend(500)
    app = TrackerApp(fake_settings, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        table.focus()
        await pilot.press("down", "down", "enter")
        expected = table.row_at(2)
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None)
        assert app.screen.detail.id == expected.id
        assert expected.action in screen_text(app)
        await pilot.press("escape")
        assert app.screen.query_one(TaskTable) is table


async def test_a_page_without_its_total_is_shown_first_and_counted_after(fake_settings) -> None:
    """The SQL backend sends a full page without counting every matching task; the table shows
    it at once ("đang đếm…"), asks the count in another worker and then shows the total."""
    backend = MemoryBackend(3_000)
    backend.defer_count = True
    app = TrackerApp(fake_settings, backend, page_size=100)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        await wait_for(pilot, lambda: table.counted)
        assert table.total == 3_000 and backend.counts_asked == 1
        assert "/ 3.000" in screen_text(app)
        await pilot.press("slash", "s", "o")
        await wait_for(pilot, lambda: table.task_query.search == "so" and table.counted
                       and table.loaded_generation == table.generation)
        expected = sum(1 for key in backend.keys if "so" in key)
        assert table.total == expected and backend.counts_asked >= 2
        assert f"/ {expected:,}".replace(",", ".") in screen_text(app)
        table.focus()
        await pilot.press("end")
        await wait_table(pilot, table)
        assert table.cursor_row == expected - 1


async def test_a_new_search_keeps_the_rows_in_view_until_its_own_come(fake_settings) -> None:
    """Typing in the search box does not blank the table to "…" while the new rows are read: the
    rows in view stay (and cannot be opened) until the new ones replace them."""
    backend = MemoryBackend(3_000)
    app = TrackerApp(fake_settings, backend, page_size=100)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_tasks(pilot, app)
        before = screen_text(app)
        first = table.row_at(0)
        assert first is not None and first.action[:25] in before
        backend.gate = threading.Event()  # the next reads wait
        await pilot.press("slash", "q", "q")
        await wait_for(pilot, lambda: table.task_query.search == "qq")
        await pilot.pause(0.1)
        during = screen_text(app)
        assert first.action[:25] in during and "…" not in [line.strip() for line in during.splitlines()]
        assert table.current_row is None  # the rows shown belong to the previous search
        table.focus()
        await pilot.press("enter")
        assert not isinstance(app.screen, TaskDetailScreen)
        backend.gate.set()
        await wait_table(pilot, table)
        assert table.total == 0 and first.action[:25] not in screen_text(app)  # "qq" matches nothing
        backend.gate = None
        await pilot.press("slash", "backspace", "backspace", "s", "o", "space", "y")
        await wait_for(pilot, lambda: table.task_query.search == "so y")
        await wait_table(pilot, table)
        assert all("so y" in fold(table.row_at(i).body) for i in range(min(30, table.total)))
        assert table.row_at(0).action[:25] in screen_text(app)
