"""One task: the item's full text with its directive and source passage, bodies, deadlines,
occurrences, the history timeline, and a key for every action of the lifecycle."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar, Static

from tracker.i18n import t
from tracker.tui.backend import ActionResult, Backend, TaskDetail
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendResult, DataChanged
from tracker.tui.widgets.task_table import format_date
from tracker.tui.workers import call_backend

ACTIONS = ("progress", "report_done", "confirm", "return", "extend", "urge", "note", "edit", "undo",
           "reopen", "request_extension", "reject_extension", "add_body", "remove_body", "recurrence",
           "submit_occurrence")


def detail_header(detail: TaskDetail) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    state_style = {"overdue": "red", "done_on_time": "green", "done_late": "green"}.get(detail.category, "")
    category = t(f"category.{detail.category}")
    if detail.due_soon:
        category += f" · {t('category.due_soon')}"
        state_style = state_style or "yellow"
    rows = [
        (t("tui.detail.directive"), f"{detail.directive_number} · {format_date(detail.directive_date)} · "
                                    f"{detail.directive_issuer}"),
        (t("tui.detail.subject"), detail.directive_subject),
        (t("tui.detail.item"), detail.ref),
        (t("tui.detail.lead"), ", ".join(detail.lead_bodies) or "—"),
        (t("tui.detail.cooperating"), ", ".join(detail.cooperating_bodies) or "—"),
        (t("tui.detail.this_body"), f"{detail.body} ({t(f'role.{detail.role}')})"),
        (t("tui.detail.original_deadline"), format_date(detail.original_deadline)),
        (t("tui.detail.current_deadline"), format_date(detail.current_deadline)),
    ]
    if detail.deadline_text:
        rows.append((t("tui.detail.deadline_text"), f"“{detail.deadline_text}”"))
    if detail.recurrence:
        rows.append((t("tui.detail.recurrence"), detail.recurrence))
    if detail.urgency:
        rows.append((t("tui.detail.urgency"), t(f"urgency.{detail.urgency}")))
    if detail.pending_extension:
        rows.append((t("tui.detail.pending_extension"), format_date(detail.pending_extension)))
    rows.append((t("tui.detail.state"), t(f"state.{detail.state}")))
    for label, value in rows:
        table.add_row(label, value)
    table.add_row(t("tui.detail.category"), Text(category, style=state_style))
    return table


def history_table(detail: TaskDetail) -> Table:
    table = Table(expand=True, show_edge=False, box=None, padding=(0, 1))
    table.add_column(t("tui.detail.when"), no_wrap=True, style="dim")
    table.add_column(t("tui.detail.who"), no_wrap=True)
    table.add_column(t("tui.detail.what"))
    for event in detail.history:
        style = "strike dim" if event.undone else ""
        table.add_row(event.at, event.user, Text(event.summary, style=style))
    return table


def occurrences_text(detail: TaskDetail) -> Text:
    text = Text()
    for occurrence in detail.occurrences:
        if occurrence.submitted_on:
            text.append(f"✔ {format_date(occurrence.due_on)}  ", style="green")
        else:
            text.append(f"✘ {format_date(occurrence.due_on)}  ", style="red")
    return text


class TaskDetailScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", show=True),
        Binding("p", "act('progress')", "tui.act.progress", show=True),
        Binding("b", "act('report_done')", "tui.act.report_done", show=True),
        Binding("c", "act('confirm')", "tui.act.confirm", show=True),
        Binding("t", "act('return')", "tui.act.return", show=True),
        Binding("g", "act('extend')", "tui.act.extend", show=True),
        Binding("d", "act('urge')", "tui.act.urge", show=True),
        Binding("n", "act('note')", "tui.act.note", show=True),
        Binding("e", "act('edit')", "tui.act.edit", show=True),
        Binding("u", "act('undo')", "tui.act.undo", show=True),
        # not in the footer (it is full): in the help (F1) and the palette
        Binding("o", "act('reopen')", "tui.act.reopen", show=False),
        Binding("x", "act('request_extension')", "tui.act.request_extension", show=False),
        Binding("k", "act('reject_extension')", "tui.act.reject_extension", show=False),
        Binding("a", "act('add_body')", "tui.act.add_body", show=False),
        Binding("r", "act('remove_body')", "tui.act.remove_body", show=False),
        Binding("l", "act('recurrence')", "tui.act.recurrence", show=False),
        Binding("s", "act('submit_occurrence')", "tui.act.submit_occurrence", show=False),
        Binding("ctrl+r", "reload", "tui.key.reload", show=False),
    ]

    def __init__(self, backend: Backend, task_id: int) -> None:
        super().__init__()
        localize_bindings(self)
        self.backend = backend
        self.task_id = task_id
        self.detail: TaskDetail | None = None
        self.conflict_seen = False  # set when another officer's save beat ours

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body"):
            yield Label(t("tui.screen.task", id=self.task_id), id="detail-title", classes="title")
            yield Static(id="detail-conflict")
            yield Static(id="detail-header")
            yield ProgressBar(total=100, show_eta=False, id="detail-progress")
            yield Label(t("tui.detail.text"), classes="section")
            yield Static(id="detail-text", classes="item-text")
            yield Label(t("tui.detail.passage"), classes="section")
            yield Static(id="detail-passage", classes="passage")
            yield Label(t("tui.detail.occurrences"), classes="section", id="detail-occurrences-title")
            yield Static(id="detail-occurrences")
            yield Label(t("tui.detail.history"), classes="section")
            yield Static(id="detail-history")
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        task_id = self.task_id
        call_backend(self, "task_detail", lambda: self.backend.task_detail(task_id))

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "task_detail":
            self.show(message.value)

    def show_conflict(self) -> None:
        """Another officer saved this task first: read it again and point at their change."""
        self.conflict_seen = True
        self.action_reload()

    def show(self, detail: TaskDetail) -> None:
        self.detail = detail
        self.query_one("#detail-title", Label).update(
            f"{t('tui.screen.task', id=detail.id)} — {detail.directive_number} · {detail.ref} · {detail.body}")
        self.query_one("#detail-header", Static).update(detail_header(detail))
        self.query_one("#detail-progress", ProgressBar).update(progress=detail.progress)
        self.query_one("#detail-text", Static).update(Text(detail.text))
        self.query_one("#detail-passage", Static).update(Text(detail.passage, style="italic"))
        has_occurrences = bool(detail.occurrences)
        self.query_one("#detail-occurrences-title").display = has_occurrences
        self.query_one("#detail-occurrences", Static).display = has_occurrences
        self.query_one("#detail-occurrences", Static).update(occurrences_text(detail))
        self.query_one("#detail-history", Static).update(history_table(detail))
        banner = self.query_one("#detail-conflict", Static)
        if self.conflict_seen and detail.history:
            latest = detail.history[-1]
            banner.update(Text(t("tui.detail.conflict", change=f"{latest.at} {latest.user}: {latest.summary}"),
                               style="bold yellow"))
            banner.display = True
        else:
            banner.display = False

    def action_back(self) -> None:
        self.dismiss(None)

    def action_act(self, action: str) -> None:
        if self.detail is None:
            return
        from tracker.tui.screens.forms import ActionForm

        detail = self.detail

        def submit(fields: dict[str, object]) -> ActionResult:
            return self.backend.task_action(detail.id, action, detail.version, **fields)

        def finished(result: ActionResult | None) -> None:
            if result is not None:
                self.notify(result.message, title=t("tui.act.done_title"))
                self.app.post_message(DataChanged())
                self.action_reload()

        self.app.push_screen(ActionForm(action, detail, submit), finished)
