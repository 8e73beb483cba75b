"""Báo cáo: choose the week (default: the week of today) or a range, and maybe one body; preview,
export."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from tracker.i18n import t
from tracker.tui.backend import Backend, ReportPreview
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendResult
from tracker.tui.screens.lazy import LazyLoad
from tracker.tui.screens.tasks import parse_day
from tracker.tui.widgets.task_table import format_date
from tracker.tui.workers import call_backend


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def default_path(start: date, fmt: str) -> str:
    return f"bao-cao-tuan-{start.isoformat()}.{fmt}"


class ReportPane(LazyLoad, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "shift_week(-1)", "tui.report.previous", show=True, key_display="["),
        Binding("right_square_bracket", "shift_week(1)", "tui.report.next", show=True, key_display="]"),
        Binding("ctrl+s", "export", "tui.report.export", show=True),
    ]

    def __init__(self, backend: Backend, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.backend = backend
        self.start, self.end = week_of(backend.today)
        self.preview: ReportPreview | None = None
        self.exported: list[str] = []
        self.formats_asked = False
        self.body: str | None = None  # the report of one body's tasks (a group covers its members)

    def compose(self) -> ComposeResult:
        with Horizontal(id="report-range"):
            yield Label(t("tui.report.from"))
            yield Input(format_date(self.start), id="report-start", classes="date")
            yield Label(t("tui.report.to"))
            yield Input(format_date(self.end), id="report-end", classes="date")
            yield Select[str]([], prompt=f"{t('tui.filter.body')}: {t('tui.all')}", id="report-body", compact=True)
            yield Button(t("tui.report.preview"), id="report-preview-button")
        yield Static(id="report-preview")
        with Horizontal(id="report-export"):
            yield Label(t("tui.report.format"))
            yield Select[str]([("md", "md"), ("csv", "csv")], value="md", allow_blank=False, id="report-format")
            yield Input(default_path(self.start, "md"), id="report-path")
            yield Button(t("tui.report.export"), variant="primary", id="report-export-button")

    def reload(self) -> None:
        if not self.formats_asked:
            self.formats_asked = True
            call_backend(self, "report_formats", self.backend.report_formats)
            call_backend(self, "report_bodies", self.backend.body_choices)
        start, end, body = self.start, self.end, self.body
        call_backend(self, "report_preview", lambda: self.backend.report_preview(start, end, body))

    def read_range(self) -> bool:
        try:
            start = parse_day(self.query_one("#report-start", Input).value)
            end = parse_day(self.query_one("#report-end", Input).value)
        except ValueError as error:
            self.notify(t("tui.filter.bad_date", value=str(error)), severity="error")
            return False
        if start is None or end is None or end < start:
            self.notify(t("tui.report.bad_range"), severity="error")
            return False
        self.start, self.end = start, end
        return True

    def set_range(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self.query_one("#report-start", Input).value = format_date(start)
        self.query_one("#report-end", Input).value = format_date(end)
        fmt = str(self.query_one("#report-format", Select).value)
        self.query_one("#report-path", Input).value = default_path(start, fmt)
        self.reload()

    def action_shift_week(self, weeks: int) -> None:
        start, _ = week_of(self.start + timedelta(weeks=weeks))
        self.set_range(start, start + timedelta(days=6))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "report-preview-button" and self.read_range():
            self.reload()
        elif event.button.id == "report-export-button":
            self.action_export()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id in ("report-start", "report-end") and self.read_range():
            self.reload()
        elif event.input.id == "report-path":
            self.action_export()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "report-body":
            body = None if event.value is Select.NULL else str(event.value)
            if body != self.body:
                self.body = body
                self.reload()
            return
        path_input = self.query_one("#report-path", Input)
        stem = path_input.value.rsplit(".", 1)[0] if "." in path_input.value else path_input.value
        path_input.value = f"{stem}.{event.value}"

    def action_export(self) -> None:
        if not self.read_range():
            return
        start, end, body = self.start, self.end, self.body
        fmt = str(self.query_one("#report-format", Select).value)
        path = self.query_one("#report-path", Input).value.strip() or default_path(start, fmt)
        call_backend(self, "export_report", lambda: self.backend.export_report(start, end, fmt, path, body))

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "report_preview":
            self.show(message.value)
        elif message.tag == "report_formats":
            select = self.query_one("#report-format", Select)
            select.set_options([(fmt, fmt) for fmt in message.value])
            select.value = message.value[0] if message.value else Select.NULL
        elif message.tag == "report_bodies":
            select = self.query_one("#report-body", Select)
            select.set_options([(choice.label, choice.label) for choice in message.value])
            if self.body is not None and self.body in {choice.label for choice in message.value}:
                select.value = self.body
        elif message.tag == "export_report":
            self.exported.append(message.value)
            self.notify(t("tui.report.exported", path=message.value), title=t("tui.act.done_title"))

    def show(self, preview: ReportPreview) -> None:
        self.preview = preview
        title = t("tui.report.title", start=format_date(preview.start), end=format_date(preview.end))
        if self.body:
            title += f" — {self.body}"
        table = Table(title=title, expand=True, show_edge=False)
        table.add_column(t("tui.report.figure"))
        table.add_column(t("tui.report.value"), justify="right")
        for label, value in preview.figures:
            table.add_row(label, value)
        self.query_one("#report-preview", Static).update(table)

    def focus_default(self) -> None:
        self.query_one("#report-start", Input).focus()
