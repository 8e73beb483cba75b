"""Văn bản: the imported directives with their progress; one directive as a tree of its items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label, Tree
from textual.widgets.tree import TreeNode

from tracker.i18n import t
from tracker.tui.backend import Backend, DirectiveNode, DirectiveSummary, DirectiveTree, TaskRow
from tracker.tui.messages import BackendResult, OpenTask
from tracker.tui.screens.lazy import LazyLoad
from tracker.tui.widgets.task_table import category_label, format_date
from tracker.tui.workers import call_backend

CATEGORY_STYLE = {"overdue": "red", "done_on_time": "green", "done_late": "green"}


def progress_text(summary: DirectiveSummary) -> Text:
    done = summary.done_count / summary.task_count if summary.task_count else 0.0
    filled = round(done * 10)
    text = Text("█" * filled, style="green") + Text("░" * (10 - filled), style="dim")
    text.append(f" {done:.0%}")
    return text


def task_label(task: TaskRow) -> Text:
    style = CATEGORY_STYLE.get(task.category, "yellow" if task.due_soon else "")
    label = Text(f"{task.body} · ", style="bold")
    label.append(f"{format_date(task.deadline)} · {category_label(task)} · {task.progress}%", style=style)
    return label


class DirectivesPane(LazyLoad, Horizontal):
    def __init__(self, backend: Backend, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.backend = backend
        self.summaries: Sequence[DirectiveSummary] = ()
        self.shown: DirectiveTree | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="directive-list-box"):
            yield DataTable(id="directive-list", cursor_type="row", zebra_stripes=True)
        with Vertical(id="directive-tree-box"):
            yield Label("", id="directive-title", classes="title")
            yield Tree("", id="directive-tree")

    def on_mount(self) -> None:
        table = self.query_one("#directive-list", DataTable)
        table.add_column(t("tui.col.directive"), key="number")
        table.add_column(t("tui.dir.date"), key="date")
        table.add_column(t("tui.dir.tasks"), key="tasks")
        table.add_column(t("tui.dir.overdue"), key="overdue")
        table.add_column(t("tui.dir.progress"), key="progress")
        self.query_one("#directive-tree", Tree).show_root = False

    def reload(self) -> None:
        call_backend(self, "directives", self.backend.directives)

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "directives":
            self.show_list(message.value)
        elif message.tag == "directive_tree":
            self.show_tree(message.value)

    def show_list(self, summaries: Sequence[DirectiveSummary]) -> None:
        self.summaries = summaries
        table = self.query_one("#directive-list", DataTable)
        table.clear()
        for summary in summaries:
            overdue = Text(str(summary.overdue_count), style="red" if summary.overdue_count else "")
            table.add_row(summary.number or "—", format_date(summary.issue_date), str(summary.task_count),
                          overdue, progress_text(summary), key=str(summary.id))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.open_directive(int(event.row_key.value))

    def open_directive(self, directive_id: int) -> None:
        call_backend(self, "directive_tree", lambda: self.backend.directive_tree(directive_id))

    def show_tree(self, tree_data: DirectiveTree) -> None:
        self.shown = tree_data
        summary = tree_data.directive
        self.query_one("#directive-title", Label).update(
            f"{summary.number} · {format_date(summary.issue_date)} · {summary.issuer}\n{summary.subject}")
        tree = self.query_one("#directive-tree", Tree)
        tree.clear()
        for node in tree_data.items:
            self._add_node(tree.root, node)
        tree.root.expand_all()

    def _add_node(self, parent: TreeNode[Any], node: DirectiveNode) -> None:
        label = Text(f"{node.ref}. ", style="bold") + Text(" ".join(node.text.split())[:100])
        branch = parent.add(label, data=None)
        for child in node.children:
            self._add_node(branch, child)
        for task in node.tasks:
            branch.add_leaf(task_label(task), data=task.id)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Any]) -> None:
        event.stop()
        if isinstance(event.node.data, int):
            self.post_message(OpenTask(event.node.data))

    def focus_default(self) -> None:
        self.query_one("#directive-list", DataTable).focus()
