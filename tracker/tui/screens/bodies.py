"""Cơ quan: the body directory with aliases and groups; rename, alias, merge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tracker.i18n import t
from tracker.tui.backend import Backend, BodyView
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendResult, DataChanged
from tracker.tui.screens.lazy import LazyLoad
from tracker.tui.workers import call_backend


class BodiesPane(LazyLoad, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rename", "tui.body.rename", show=True),
        Binding("a", "alias", "tui.body.alias", show=True),
        Binding("m", "merge", "tui.body.merge", show=True),
    ]

    def __init__(self, backend: Backend, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.backend = backend
        self.bodies: Sequence[BodyView] = ()

    def compose(self) -> ComposeResult:
        yield DataTable(id="body-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="body-detail")

    def on_mount(self) -> None:
        table = self.query_one("#body-table", DataTable)
        table.add_column(t("tui.col.body"), key="name")
        table.add_column(t("tui.body.kind"), key="kind")
        table.add_column(t("tui.body.aliases"), key="aliases")
        table.add_column(t("tui.body.tasks"), key="tasks")

    def reload(self) -> None:
        call_backend(self, "bodies", self.backend.bodies)

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "bodies":
            self.show(message.value)
        elif message.tag == "body_action":
            self.notify(message.value, title=t("tui.act.done_title"))
            self.reload()
            self.app.post_message(DataChanged())

    def show(self, bodies: Sequence[BodyView]) -> None:
        self.bodies = bodies
        table = self.query_one("#body-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        for body in bodies:
            name = Text(body.name)
            if body.is_new:
                name.append(f" ({t('tui.body.new')})", style="yellow")
            if body.is_group:
                name.append(f" [{t('tui.body.group')}]", style="cyan")
            table.add_row(name, body.kind, ", ".join(body.aliases)[:60], str(body.task_count), key=str(body.id))
        if bodies:
            table.move_cursor(row=min(cursor, len(bodies) - 1))

    @property
    def selected(self) -> BodyView | None:
        table = self.query_one("#body-table", DataTable)
        if not self.bodies or table.cursor_row >= len(self.bodies):
            return None
        return self.bodies[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        body = self.selected
        if body is None:
            return
        lines = [Text(body.name, style="bold")]
        if body.aliases:
            lines.append(Text(f"{t('tui.body.aliases')}: {', '.join(body.aliases)}"))
        if body.members:
            lines.append(Text(f"{t('tui.body.members')}: {', '.join(body.members)}"))
        self.query_one("#body-detail", Static).update(Text("\n").join(lines))

    def _ask(self, action: str, label_key: str, value: str, suggestions: Sequence[str] = ()) -> None:
        from tracker.tui.screens.forms import PromptScreen

        body = self.selected
        if body is None:
            return

        def answered(text: str | None) -> None:
            if text is None:
                return
            fields: dict[str, Any] = {}
            if action == "rename":
                fields["name"] = text
            elif action == "alias":
                fields["alias"] = text
            else:
                target = next((b for b in self.bodies if b.name == text), None)
                if target is None:
                    return
                fields["into_id"] = target.id
            call_backend(self, "body_action", lambda: self.backend.body_action(action, body.id, **fields))

        title = f"{t(f'tui.body.{action}')}: {body.name}"
        self.app.push_screen(PromptScreen(title, t(label_key), value, suggestions), answered)

    def action_rename(self) -> None:
        body = self.selected
        self._ask("rename", "tui.body.new_name", body.name if body else "")

    def action_alias(self) -> None:
        self._ask("alias", "tui.body.new_alias", "")

    def action_merge(self) -> None:
        body = self.selected
        others = [b.name for b in self.bodies if body is None or b.id != body.id]
        self._ask("merge", "tui.body.merge_into", "", others)

    def focus_default(self) -> None:
        self.query_one("#body-table", DataTable).focus()
