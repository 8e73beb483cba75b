"""The Textual application: a tab per screen, the task detail pushed on top, errors as notices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, TabbedContent, TabPane

from tracker.i18n import set_language, t
from tracker.tui.backend import Backend
from tracker.tui.commands import SCREENS, TrackerCommands
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendFailed, DataChanged, OpenTask


class TrackerApp(App[None]):
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    COMMANDS = App.COMMANDS | {TrackerCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1,f2", "show('dashboard')", "tui.key.show_dashboard", show=False),
        Binding("2,f3", "show('tasks')", "tui.key.show_tasks", show=False),
        Binding("3,f4", "show('directives')", "tui.key.show_directives", show=False),
        Binding("4,f5", "show('import')", "tui.key.show_import", show=False),
        Binding("5,f6", "show('report')", "tui.key.show_report", show=False),
        Binding("6,f7", "show('bodies')", "tui.key.show_bodies", show=False),
        Binding("f1,question_mark", "help", "tui.key.help", show=True, key_display="F1"),
        Binding("ctrl+r", "reload", "tui.key.reload", show=True),
        Binding("ctrl+q", "quit", "tui.key.quit", show=True, priority=True),
        # Textual's own would say "palette" in the footer
        Binding("ctrl+p", "command_palette", "tui.key.palette", show=False, priority=True,
                tooltip="tui.key.palette_tooltip"),
        Binding("escape", "leave_input", show=False),
    ]

    def __init__(self, settings: Any, backend: Backend, *, page_size: int = 100,
                 initial: str = "dashboard") -> None:
        set_language(getattr(settings, "lang", "vi"))
        super().__init__()
        localize_bindings(self)
        self.settings = settings
        self.backend = backend
        self.page_size = page_size
        self.initial = initial if initial in SCREENS else "dashboard"
        self.title = t("app.name")
        self.sub_title = getattr(settings, "user", "")
        self.errors: list[str] = []  # every error shown, for the record (and the tests)

    def compose(self) -> ComposeResult:
        from tracker.tui.screens.bodies import BodiesPane
        from tracker.tui.screens.dashboard import DashboardPane
        from tracker.tui.screens.directives import DirectivesPane
        from tracker.tui.screens.importing import ImportPane
        from tracker.tui.screens.report import ReportPane
        from tracker.tui.screens.tasks import TasksPane

        yield Header()
        with TabbedContent(initial=self.initial, id="tabs"):
            with TabPane(f"1 {t('tui.screen.dashboard')}", id="dashboard"):
                yield DashboardPane(self.backend, id="dashboard-pane")
            with TabPane(f"2 {t('tui.screen.tasks')}", id="tasks"):
                yield TasksPane(self.backend, page_size=self.page_size, id="tasks-pane")
            with TabPane(f"3 {t('tui.screen.directives')}", id="directives"):
                yield DirectivesPane(self.backend, id="directives-pane")
            with TabPane(f"4 {t('tui.screen.import')}", id="import"):
                yield ImportPane(self.backend, id="import-pane")
            with TabPane(f"5 {t('tui.screen.report')}", id="report"):
                yield ReportPane(self.backend, id="report-pane")
            with TabPane(f"6 {t('tui.screen.bodies')}", id="bodies"):
                yield BodiesPane(self.backend, id="bodies-pane")
        yield Footer()

    def on_mount(self) -> None:
        # Focus the first screen now, not after a refresh: a key pressed early is then never
        # overtaken by this start-up focus (which would switch the tab back).
        self._focus_pane(self.initial)

    # ----- screens -----------------------------------------------------------------------------

    @property
    def current_screen_name(self) -> str:
        return self.query_one("#tabs", TabbedContent).active

    def pane(self, name: str) -> Any:
        return self.query_one(f"#{name}-pane")

    def action_show(self, name: str) -> None:
        if name not in SCREENS:
            return
        while len(self.screen_stack) > 1:  # from a task detail or the help, back to the tabs
            self.pop_screen()
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.active != name:
            # Let go of the old pane's focus first: when its focused widget is hidden, Textual
            # hands the focus to a sibling in that same (now hidden) pane, and a focused widget
            # in a pane makes TabbedContent show that pane again - the key would be undone.
            self.set_focus(None)
        tabs.active = name
        self.call_after_refresh(self._focus_pane, name)

    def _focus_pane(self, name: str) -> None:
        if self.current_screen_name != name:  # another tab was chosen meanwhile
            return
        pane = self.pane(name)
        if self.focused is not None and pane in self.focused.ancestors:
            # the pane has the focus already: its default (a switch asks twice, once from the key
            # and once from the tab's event) or where the officer moved it meanwhile - Esc out of a
            # text box must not be undone by the second, late call
            return
        focus = getattr(pane, "focus_default", None)
        if focus is not None:
            focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id and not (self.focused and event.pane in self.focused.ancestors):
            self.call_after_refresh(self._focus_pane, event.pane.id)

    def action_leave_input(self) -> None:
        """Esc in a text box gives the keys back to the screen (1-6 switch screens again)."""
        from textual.widgets import Button, Input, Select

        focused = self.focused
        if not isinstance(focused, Input):
            return
        pane = next((node for node in focused.ancestors if isinstance(node, TabPane)), None)
        # stay in the pane, so its keys work; not into a drop-down list (Select): its hidden
        # overlay's Hide event hands the focus back to the first box of the pane
        others = [w for w in pane.query("*") if w.focusable and not isinstance(w, Input)
                  and not any(isinstance(node, Select) for node in w.ancestors_with_self)] if pane else []
        buttons = [w for w in others if isinstance(w, Button)]
        self.set_focus((buttons or others or [None])[0])

    def action_help(self) -> None:
        from tracker.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_reload(self) -> None:
        """Read the current screen again (the others read when next shown)."""
        self.pane(self.current_screen_name).reload()
        for name in SCREENS:
            if name != self.current_screen_name:
                self.pane(name).loaded = False

    # ----- task actions available everywhere ---------------------------------------------------

    def action_search(self) -> None:
        self.action_show("tasks")
        self.call_after_refresh(self.pane("tasks").action_focus_search)

    def action_clear_filters(self) -> None:
        self.action_show("tasks")
        self.pane("tasks").action_clear_filters()

    def action_sort(self, column: str) -> None:
        self.action_show("tasks")
        self.pane("tasks").table.sort_by(column, descending=False)

    def action_filter_category(self, category: str) -> None:
        self.action_show("tasks")
        self.pane("tasks").set_category(category)

    def action_save_screenshot(self) -> None:
        path = self.save_screenshot()
        self.notify(t("tui.screenshot.saved", path=path))

    def extra_commands(self, screen: Any) -> Iterator[tuple[str, Callable[[], object], str]]:
        """Every key binding active where the palette was opened (the current pane, the task
        detail's actions...), so each action is also a command."""
        from tracker.tui.screens.help import key_display

        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.description in seen or active.node is self:
                continue
            seen.add(binding.description)
            yield (binding.description, partial(self.run_action, binding.action, active.node),
                   binding.key_display or key_display(key))

    # ----- messages ----------------------------------------------------------------------------

    def on_open_task(self, message: OpenTask) -> None:
        from tracker.tui.screens.task_detail import TaskDetailScreen

        self.push_screen(TaskDetailScreen(self.backend, message.task_id))

    def on_data_changed(self, message: DataChanged) -> None:
        for name in SCREENS:
            self.pane(name).refresh_data()

    def on_backend_failed(self, message: BackendFailed) -> None:
        self.errors.append(message.text)
        if message.conflict:
            from tracker.tui.screens.task_detail import TaskDetailScreen

            self.notify(message.text, title=t("tui.conflict.title"), severity="warning", timeout=10)
            for screen in self.screen_stack:
                if isinstance(screen, TaskDetailScreen):
                    screen.show_conflict()
            return
        self.notify(message.text, title=t("tui.error.title"), severity="error", timeout=8)
