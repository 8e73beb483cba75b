"""The help screen: every key of the app, the screens and the widgets, in the current language."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tracker.i18n import t
from tracker.tui.localize import localize_bindings

KEY_NAMES = {"slash": "/", "question_mark": "?", "pageup": "PgUp", "pagedown": "PgDn", "escape": "Esc",
             "enter": "Enter", "home": "Home", "end": "End", "up": "↑", "down": "↓"}


def key_display(key: str) -> str:
    parts = []
    for name in (k.strip() for k in key.split(",")):
        if name in KEY_NAMES:
            parts.append(KEY_NAMES[name])
        elif name.startswith("ctrl+"):
            parts.append("Ctrl+" + name[5:].upper())
        elif re.fullmatch(r"f\d+", name):
            parts.append(name.upper())
        else:
            parts.append(name)
    return ", ".join(parts)


def keys_table() -> Table:
    """Rows (key, action, where) collected from the classes' own BINDINGS, so it never drifts."""
    from tracker.tui.app import TrackerApp
    from tracker.tui.screens.task_detail import TaskDetailScreen
    from tracker.tui.screens.tasks import TasksPane
    from tracker.tui.widgets.task_table import TaskTable

    table = Table(expand=True, show_edge=False)
    table.add_column(t("tui.help.key"), style="bold cyan", no_wrap=True)
    table.add_column(t("tui.help.action"))
    table.add_column(t("tui.help.where"), style="dim")
    sources: list[tuple[Any, str]] = [(TrackerApp, t("tui.help.everywhere")), (TasksPane, t("tui.screen.tasks")),
               (TaskTable, t("tui.screen.tasks")), (TaskDetailScreen, t("tui.screen.task", id="…"))]
    for owner, where in sources:
        seen: set[str] = set()
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            description = t(binding.description)
            if description in seen:
                continue
            seen.add(description)
            table.add_row(binding.key_display or key_display(binding.key), description, where)
    table.add_row("↑ ↓", t("tui.key.up_down"), t("tui.screen.tasks"))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "tui.key.close", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Label(t("tui.screen.help"), classes="title")
            yield Label(t("tui.help.intro"), classes="dim")
            yield Static(keys_table(), id="help-keys")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
