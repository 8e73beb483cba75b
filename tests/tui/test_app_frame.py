"""The frame: screens by key and tab, help, command palette, language, errors as notices, forms."""

from __future__ import annotations

from dataclasses import replace

from helpers import app_ready, screen_text, wait_for
from memory_backend import MemoryBackend
from textual.widgets import Input

from tracker.domain.errors import NotFoundError
from tracker.tui.app import TrackerApp
from tracker.tui.commands import palette_commands
from tracker.tui.screens.forms import ActionForm
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.task_detail import TaskDetailScreen


async def test_keys_switch_screens_and_help_lists_keys(fake_settings) -> None:
    app = TrackerApp(fake_settings, MemoryBackend(300))
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        for key, name in [("2", "tasks"), ("3", "directives"), ("4", "import"), ("5", "report"),
                          ("6", "bodies"), ("1", "dashboard")]:
            for attempt in range(3):  # under a loaded machine a key may land before the focus settles
                try:
                    await pilot.press("escape")  # leave a text box first: its focus moves after a refresh
                    await wait_for(pilot, lambda: not isinstance(app.focused, Input), timeout=3.0)
                    await pilot.press(key)
                    await wait_for(pilot, lambda name=name: app.current_screen_name == name, timeout=3.0)
                    break
                except AssertionError:
                    if attempt == 2:
                        focused = app.focused
                        raise AssertionError(f"key {key!r} for {name}: still on {app.current_screen_name}, focus on "
                                             f"{type(focused).__name__} #{getattr(focused, 'id', None)}") from None
        await pilot.press("f4")  # F-keys work even while typing in a box
        await wait_for(pilot, lambda: app.current_screen_name == "directives")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        for words in ("Trợ giúp", "Tìm", "Sắp xếp", "Báo hoàn thành", "Gia hạn", "Ctrl+P"):
            assert words in text, words
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_switching_screens_lets_go_of_the_old_panes_focus(fake_settings) -> None:
    """A key that switches screens must not be undone: if the old pane kept the focus, hiding it
    hands the focus to a sibling in that hidden pane, and TabbedContent then shows that pane
    again (about one switch in ten, whenever the Hide came before the new pane took the focus)."""
    from textual.widgets import Button

    app = TrackerApp(fake_settings, MemoryBackend(300))
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        app.action_show("report")
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "report-start")
        app.set_focus(app.query_one("#report-preview-button", Button))
        await pilot.pause()
        app.action_show("bodies")
        report_pane = app.pane("report")
        assert app.focused is None or report_pane not in app.focused.ancestors
        await wait_for(pilot, lambda: app.focused is not None and app.pane("bodies") in app.focused.ancestors)
        assert app.current_screen_name == "bodies"


async def test_palette_offers_every_screen_and_finds_without_diacritics(fake_settings) -> None:
    app = TrackerApp(fake_settings, MemoryBackend(300))
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        titles = [title for title, _, _ in palette_commands(app)]
        for screen in ("Tổng quan", "Nhiệm vụ", "Văn bản", "Nhập văn bản", "Báo cáo", "Cơ quan"):
            assert f"Mở màn hình: {screen}" in titles
        assert any(title == "Sắp xếp nhiệm vụ theo: Hạn" for title in titles)
        await pilot.press("ctrl+p")
        await pilot.press(*"co quan")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.current_screen_name == "bodies")


async def test_english_labels(fake_settings) -> None:
    app = TrackerApp(replace(fake_settings, lang="en"), MemoryBackend(300))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app_ready(pilot, app)
            text = screen_text(app)
            assert "Dashboard" in text and "Tasks" in text and "Overdue (oldest first)" in text
            assert "Tổng quan" not in text
    finally:
        from tracker.i18n import set_language

        set_language("vi")


async def test_backend_error_is_a_notice_not_a_crash(fake_settings) -> None:
    backend = MemoryBackend(300)
    app = TrackerApp(fake_settings, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        backend.fail_next = RuntimeError("database is locked")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.errors)
        assert "database is locked" in app.errors[0] and "Lỗi không mong đợi" in app.errors[0]
        backend.fail_next = NotFoundError("task.not_found", id=99)
        app.pane("tasks").table.reload()
        await wait_for(pilot, lambda: len(app.errors) == 2)
        assert app.is_running
        app.pane("tasks").table.reload()  # the next read works again
        await wait_for(pilot, lambda: app.pane("tasks").table.total == 300)


async def test_dashboard_entry_opens_its_task_and_form_validates(fake_settings) -> None:
    backend = MemoryBackend(300)
    app = TrackerApp(fake_settings, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        oldest = app.pane("dashboard").data.overdue[0]
        assert "quá" in screen_text(app) and oldest.directive_number in screen_text(app)
        app.pane("dashboard").focus_default()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TaskDetailScreen) and app.screen.detail)
        assert app.screen.detail.id == oldest.id
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionForm))
        calls_before = backend.calls.count("task_action")
        form_input = app.screen.query_one("#field-percent")
        form_input.value = "140"
        await pilot.press("enter")
        await pilot.pause()
        assert "0 đến 100" in screen_text(app)
        assert backend.calls.count("task_action") == calls_before  # nothing sent
        form_input.value = "60"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TaskDetailScreen))
        assert backend.rows[oldest.id - 1].progress == 60


async def test_keys_right_after_start_and_escape_leaves_a_text_box(fake_settings) -> None:
    app = TrackerApp(fake_settings, MemoryBackend(100))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")  # at once: the start-up focus must not switch back
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "import-path")
        assert app.current_screen_name == "import"
        await pilot.press("escape", "ctrl+o")  # Esc leaves the path box but stays in the pane
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "import-tree")
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("2")
        await wait_for(pilot, lambda: app.current_screen_name == "tasks")
