"""Modal forms for the lifecycle actions. A form checks what it can (a number 0-100, a real date,
a reason present) and then runs the action in a worker; a refusal from the services is explained
inside the form, which stays open so the officer can correct it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from tracker.domain.enums import RecurrenceFreq, TaskRole, Urgency
from tracker.i18n import t
from tracker.tui.backend import ActionResult, TaskDetail
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendFailed, BackendResult
from tracker.tui.screens.tasks import parse_day
from tracker.tui.widgets.task_table import format_date
from tracker.tui.workers import call_backend

URGE_CHANNELS = ("document", "phone", "email", "meeting")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # int | date | text | choice
    label_key: str
    required: bool = False
    choices: tuple[str, ...] = ()
    choice_key: str = ""  # the i18n prefix of the choices' labels


NO_RECURRENCE = "none"


FORMS: dict[str, tuple[Field, ...]] = {
    "progress": (Field("percent", "int", "tui.form.percent", True), Field("note", "text", "tui.form.note")),
    "report_done": (Field("note", "text", "tui.form.note"),),
    "confirm": (Field("note", "text", "tui.form.note"),),
    "return": (Field("reason", "text", "tui.form.reason", True),),
    "extend": (Field("deadline", "date", "tui.form.new_deadline", True),
               Field("reason", "text", "tui.form.reason", True)),
    "urge": (Field("channel", "choice", "tui.form.channel", True, URGE_CHANNELS),
             Field("document", "text", "tui.form.document"), Field("note", "text", "tui.form.note")),
    "note": (Field("note", "text", "tui.form.note", True),),
    "edit": (Field("deadline", "date", "tui.form.deadline"),
             Field("urgency", "choice", "tui.form.urgency", False, tuple(u.value for u in Urgency)),
             Field("note", "text", "tui.form.note")),
    "undo": (),
    "reopen": (Field("reason", "text", "tui.form.reason", True),),
    "request_extension": (Field("deadline", "date", "tui.form.new_deadline", True),
                          Field("reason", "text", "tui.form.reason", True)),
    "reject_extension": (Field("reason", "text", "tui.form.reason"),),
    "add_body": (Field("body", "text", "tui.form.body", True),
                 Field("role", "choice", "tui.form.role", True, (TaskRole.COOPERATING.value, TaskRole.LEAD.value),
                       "role."),
                 Field("note", "text", "tui.form.note")),
    "remove_body": (Field("reason", "text", "tui.form.reason"),),
    "submit_occurrence": (Field("due_on", "date", "tui.form.due_on", True), Field("note", "text", "tui.form.note")),
    "recurrence": (Field("rule", "choice", "tui.form.recurrence", False,
                         (NO_RECURRENCE, *(f.value for f in RecurrenceFreq)), "recurrence."),
                   Field("rrule", "text", "tui.form.rrule")),
}


def initial_value(field: Field, detail: TaskDetail, action: str = "") -> str:
    if field.name == "percent":
        return str(detail.progress)
    if field.name == "deadline" and action == "extend" and detail.pending_extension:
        return format_date(detail.pending_extension)  # approving the request as asked
    if field.name == "role":
        return TaskRole.COOPERATING.value
    if field.name == "due_on":  # the oldest periodic report still owed
        owed = [o.due_on for o in detail.occurrences if o.submitted_on is None]
        return format_date(min(owed)) if owed else ""
    if field.name == "deadline" and detail.current_deadline:
        return format_date(detail.current_deadline)
    return ""


def choice_label(field: Field, value: str) -> str:
    if value == NO_RECURRENCE:
        return t("tui.form.no_recurrence")
    if field.choice_key:
        return t(f"{field.choice_key}{value}")
    return t(f"tui.channel.{value}") if field.name == "channel" else t(f"urgency.{value}")


def read_fields(fields: tuple[Field, ...], raw: dict[str, Any]) -> dict[str, Any]:
    """Typed values from the widgets' raw values; raises ValueError with the message to show."""
    values: dict[str, Any] = {}
    for field in fields:
        value = raw.get(field.name)
        if value in (None, "", Select.NULL):
            if field.required:
                raise ValueError(t("tui.form.required", field=t(field.label_key)))
            continue
        if field.kind == "int":
            try:
                number = int(str(value).strip().rstrip("%"))
            except ValueError:
                raise ValueError(t("tui.form.bad_number", value=value)) from None
            if not 0 <= number <= 100:
                raise ValueError(t("tui.form.bad_percent", value=number))
            values[field.name] = number
        elif field.kind == "date":
            try:
                day = parse_day(str(value))
            except ValueError:
                raise ValueError(t("tui.filter.bad_date", value=value)) from None
            values[field.name] = day
        else:
            values[field.name] = str(value).strip()
    return values


class ActionForm(ModalScreen[ActionResult | None]):
    """Asks for the fields of ``action``, runs ``submit(fields)`` in a worker, explains refusals."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "tui.key.close", show=True)]

    def __init__(self, action: str, detail: TaskDetail,
                 submit: Callable[[dict[str, Any]], ActionResult]) -> None:
        super().__init__()
        localize_bindings(self)
        self.action_name = action
        self.detail = detail
        self.submit = submit
        self.fields = FORMS[action]

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Label(f"{t(f'tui.act.{self.action_name}')} — {self.detail.directive_number} · "
                        f"{self.detail.ref} · {self.detail.body}", classes="title")
            if not self.fields:
                yield Label(t(f"tui.form.confirm_{self.action_name}"))
            for field in self.fields:
                yield Label(t(field.label_key) + (" *" if field.required else ""))
                if field.kind == "choice":
                    initial = initial_value(field, self.detail, self.action_name)
                    yield Select[str]([(choice_label(field, c), c) for c in field.choices],
                                      id=f"field-{field.name}", value=initial or Select.NULL)
                else:
                    yield Input(initial_value(field, self.detail, self.action_name), id=f"field-{field.name}",
                                placeholder="dd/mm/yyyy" if field.kind == "date" else "")
            yield Label("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(t("tui.form.save"), variant="primary", id="form-save")
                yield Button(t("tui.form.cancel"), id="form-cancel")

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()
        else:
            self.query_one("#form-save", Button).focus()

    def raw_values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            raw[field.name] = widget.value  # type: ignore[attr-defined]
        return raw

    def show_error(self, text: str) -> None:
        label = self.query_one("#form-error", Label)
        label.update(text)
        label.add_class("-shown")

    def action_save(self) -> None:
        try:
            values = read_fields(self.fields, self.raw_values())
        except ValueError as error:
            self.show_error(str(error))
            return
        self.query_one("#form-save", Button).disabled = True
        call_backend(self, "task_action", lambda: self.submit(values))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        else:
            self.action_cancel()

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "task_action":
            self.dismiss(message.value)

    def on_backend_failed(self, message: BackendFailed) -> None:
        self.query_one("#form-save", Button).disabled = False
        if message.conflict:  # the app tells the officer; the detail screen shows the other change
            self.dismiss(None)
            return
        message.stop()
        self.show_error(message.text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """One line of text (a new name, an alias, a body to merge into, a deadline), with completion
    from ``suggestions`` (matched ignoring diacritics and case)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "tui.key.close", show=True)]

    def __init__(self, title: str, label: str, value: str = "", suggestions: Sequence[str] = ()) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text = title
        self.label_text = label
        self.value = value
        self.suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Label(self.title_text, classes="title")
            yield Label(self.label_text)
            yield Input(self.value, id="prompt-input")
            yield Label("", id="prompt-match")
            yield Label("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(t("tui.form.save"), variant="primary", id="form-save")
                yield Button(t("tui.form.cancel"), id="form-cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.suggestions:
            match = self.matched()
            self.query_one("#prompt-match", Label).update(f"→ {match}" if match else "")

    def matched(self) -> str | None:
        from tracker.tui.widgets.suggest import best_match

        return best_match(self.query_one("#prompt-input", Input).value, self.suggestions)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        value = self.query_one("#prompt-input", Input).value.strip()
        if self.suggestions and value:
            match = self.matched()
            if match is None:
                label = self.query_one("#form-error", Label)
                label.update(t("tui.form.no_match", value=value))
                label.add_class("-shown")
                return
            value = match
        if not value:
            label = self.query_one("#form-error", Label)
            label.update(t("tui.form.required", field=self.label_text))
            label.add_class("-shown")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
