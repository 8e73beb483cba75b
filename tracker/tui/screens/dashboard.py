"""Tổng quan: the status grid as of today, the lists that need attention, on-time rate by body."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.enums import Category
from tracker.i18n import t
from tracker.tui.backend import Backend, BodyRate, Dashboard, TaskBrief
from tracker.tui.messages import BackendResult, OpenTask
from tracker.tui.screens.lazy import LazyLoad
from tracker.tui.widgets.task_table import format_date
from tracker.tui.workers import call_backend

GRID_STYLES = {
    Category.DONE_ON_TIME.value: "green",
    Category.DONE_LATE.value: "dark_orange",
    Category.IN_PROGRESS_ON_TIME.value: "cyan",
    Category.OVERDUE.value: "red",
    Category.NO_DEADLINE.value: "grey62",
}
LISTS = ("overdue", "due_soon", "waiting", "extensions")


def bar(value: int, largest: int, width: int) -> str:
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(width * value / largest))


def grid_table(data: Dashboard) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(min_width=26)
    table.add_column(justify="right", min_width=7)
    table.add_column()
    largest = max(data.grid.values(), default=0)
    for category in Category:
        count = data.grid.get(category.value, 0)
        style = GRID_STYLES[category.value]
        table.add_row(Text(t(f"category.{category.value}"), style=style), f"{count:,}".replace(",", "."),
                      Text(bar(count, largest, 30), style=style))
    table.add_row(Text(t("category.due_soon"), style="yellow"), str(data.due_soon_count),
                  Text(bar(data.due_soon_count, largest, 30), style="yellow"))
    table.add_row(Text(t("tui.dash.total"), style="bold"), f"{sum(data.grid.values()):,}".replace(",", "."), "")
    return table


def rates_table(rates: Sequence[BodyRate], limit: int = 12) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(max_width=28, no_wrap=True, overflow="ellipsis")
    table.add_column(justify="right", min_width=5)
    table.add_column()
    ordered = sorted((r for r in rates if r.total), key=lambda r: (-r.rate, r.body))[:limit]
    for rate in ordered:
        style = "green" if rate.rate >= 0.8 else "yellow" if rate.rate >= 0.5 else "red"
        table.add_row(rate.body, f"{rate.rate:.0%}",
                      Text(bar(round(rate.rate * 100), 100, 20), style=style) + Text(f" {rate.done_on_time}/{rate.total}",
                                                                                    style="dim"))
    return table


def brief_line(entry: TaskBrief, kind: str) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    if kind == "overdue":
        line.append(t("tui.dash.days_overdue", days=entry.days).ljust(14), style="red")
    elif kind == "due_soon":
        line.append(t("tui.dash.days_left", days=entry.days).ljust(14), style="yellow")
    elif entry.extra:
        line.append(entry.extra.ljust(14), style="cyan")
    else:
        line.append(format_date(entry.deadline).ljust(14))
    line.append(f"{entry.directive_number} {entry.ref} ", style="bold")
    line.append(f"{entry.body}: ", style="italic")
    line.append(" ".join(entry.action.split()))
    return line


class DashboardPane(LazyLoad, Vertical):
    def __init__(self, backend: Backend, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.backend = backend
        self.data: Dashboard | None = None

    def compose(self) -> ComposeResult:
        with Grid(id="dash-grid"):
            with Vertical(classes="dash-box"):
                yield Label(t("tui.dash.grid", date=format_date(self.backend.today)), id="dash-grid-title",
                            classes="dash-title")
                yield Static(id="dash-status")
            with Vertical(classes="dash-box"):
                yield Label(t("tui.dash.rates"), classes="dash-title")
                yield Static(id="dash-rates")
            for name in LISTS:
                with Vertical(classes="dash-box"):
                    yield Label(t(f"tui.dash.{name}"), id=f"dash-{name}-title", classes="dash-title")
                    yield OptionList(id=f"dash-{name}", classes="dash-list")

    def reload(self) -> None:
        call_backend(self, "dashboard", self.backend.dashboard)

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "dashboard":
            self.show(message.value)

    def show(self, data: Dashboard) -> None:
        self.data = data
        self.query_one("#dash-grid-title", Label).update(t("tui.dash.grid", date=format_date(data.as_of)))
        self.query_one("#dash-status", Static).update(grid_table(data))
        self.query_one("#dash-rates", Static).update(rates_table(data.body_rates))
        entries = {"overdue": data.overdue, "due_soon": data.due_soon,
                   "waiting": data.waiting_confirmation, "extensions": data.extension_requests}
        for name, items in entries.items():
            option_list = self.query_one(f"#dash-{name}", OptionList)
            option_list.clear_options()
            if items:
                option_list.add_options([Option(brief_line(e, name), id=str(e.id)) for e in items])
                option_list.highlighted = 0
            else:
                option_list.add_option(Option(Text(t("tui.dash.nothing"), style="dim"), disabled=True))
            count = data.totals.get(name, len(items))
            self.query_one(f"#dash-{name}-title", Label).update(
                f"{t(f'tui.dash.{name}')} ({count:,})".replace(",", "."))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenTask(int(event.option.id)))

    def focus_default(self) -> None:
        self.query_one("#dash-overdue", OptionList).focus()
