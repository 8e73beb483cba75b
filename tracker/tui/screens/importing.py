"""Nhập văn bản: pick files, read what was extracted, correct it, save — in workers, with progress."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DirectoryTree, Input, Label, ProgressBar, Tree
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from tracker.i18n import t
from tracker.tui.backend import Backend, ImportOutcome, ImportPreview, ItemCorrection, PreviewItem
from tracker.tui.localize import localize_bindings
from tracker.tui.messages import BackendFailed, BackendResult, DataChanged
from tracker.tui.screens.lazy import LazyLoad
from tracker.tui.widgets.suggest import PathSuggester
from tracker.tui.widgets.task_table import format_date
from tracker.tui.workers import call_backend

READABLE = {".txt", ".docx", ".pdf", ".md"}


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files as given; folders give their readable files (sorted)."""
    out: list[str] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.suffix.lower() in READABLE and p.is_file())
        else:
            out.append(str(path))
    return out


class ImportPane(LazyLoad, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "toggle_tree", "tui.import.browse", show=True),
        Binding("ctrl+l", "read", "tui.import.read", show=True),
        Binding("ctrl+s", "save", "tui.import.save", show=True),
        Binding("x", "drop", "tui.import.drop", show=True),
        Binding("m", "merge", "tui.import.merge", show=True),
        Binding("b", "change_body", "tui.import.body", show=True),
        Binding("h", "change_deadline", "tui.import.deadline", show=True),
    ]

    def __init__(self, backend: Backend, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.backend = backend
        self.files: list[str] = []
        self.previews: list[ImportPreview] = []
        self.corrections: dict[tuple[int, int, str], ItemCorrection] = {}
        self.outcomes: list[ImportOutcome] = []
        self.body_names: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="import-pick"):
            yield Input(placeholder=t("tui.import.path"), id="import-path", suggester=PathSuggester())
            yield Button(t("tui.import.add"), id="import-add")
            yield Button(t("tui.import.read"), variant="primary", id="import-read")
            yield Button(t("tui.import.save"), variant="success", id="import-save", disabled=True)
        yield Label(t("tui.import.none"), id="import-files")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Tree(t("tui.import.preview"), id="import-preview")

    def on_mount(self) -> None:
        self.query_one("#import-progress", ProgressBar).display = False
        self.query_one("#import-preview", Tree).show_root = False

    def reload(self) -> None:
        call_backend(self, "import_bodies", self.backend.body_choices)

    # ----- picking files -----------------------------------------------------------------------

    def add_files(self, paths: Sequence[str]) -> None:
        for path in expand_paths(paths):
            if path not in self.files:
                self.files.append(path)
        label = "\n".join(self.files) if self.files else t("tui.import.none")
        self.query_one("#import-files", Label).update(label)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._add_from_input()

    def _add_from_input(self) -> None:
        path_input = self.query_one("#import-path", Input)
        if path_input.value.strip():
            self.add_files([path_input.value.strip()])
            path_input.value = ""

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.add_files([str(event.path)])

    def action_toggle_tree(self) -> None:
        """Show or hide a directory tree to pick files with (built the first time: it reads disk)."""
        found = self.query("#import-tree")
        if not found:
            tree = DirectoryTree(str(Path.cwd()), id="import-tree")
            self.mount(tree, after=self.query_one("#import-files"))
            self.call_after_refresh(tree.focus)
            return
        tree = found.first(DirectoryTree)
        tree.display = not tree.display
        if tree.display:
            tree.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "import-add":
            self._add_from_input()
        elif event.button.id == "import-read":
            self.action_read()
        elif event.button.id == "import-save":
            self.action_save()

    # ----- reading (preview) -------------------------------------------------------------------

    def _progress(self, total: int) -> ProgressBar:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=0)
        return bar

    def action_read(self) -> None:
        self._add_from_input()
        if not self.files:
            self.notify(t("tui.import.none"), severity="warning")
            return
        files = list(self.files)
        self._progress(len(files))
        self.previews, self.corrections, self.outcomes = [], {}, []

        def work() -> None:
            worker = get_current_worker()
            for index, path in enumerate(files):
                if worker.is_cancelled:
                    return
                try:
                    preview = self.backend.preview_import(path)
                except Exception as error:  # one bad file is reported; the others go on
                    self.post_message(BackendFailed("preview_import", error))
                    preview = None
                self.post_message(BackendResult("import_previewed", (index, preview)))

        self.run_worker(work, thread=True, group="import", exclusive=True, exit_on_error=False)

    def on_backend_result(self, message: BackendResult) -> None:
        if message.tag == "import_bodies":
            self.body_names = [choice.label for choice in message.value]
        elif message.tag == "import_previewed":
            index, preview = message.value
            if preview is not None:
                self.previews.append(preview)
            self.query_one("#import-progress", ProgressBar).advance(1)
            self.show_previews()
            self.query_one("#import-save", Button).disabled = not self.previews
        elif message.tag == "import_saved":
            self.outcomes.append(message.value)
            self.query_one("#import-progress", ProgressBar).advance(1)
            outcome: ImportOutcome = message.value
            key = "tui.import.skipped" if outcome.skipped else "tui.import.saved"
            self.notify(t(key, path=Path(outcome.path).name, directives=outcome.directives,
                          tasks=outcome.tasks), title=t("tui.screen.import"))
            if len(self.outcomes) == len(self.previews):
                self.app.post_message(DataChanged())
                self.query_one("#import-save", Button).disabled = True

    def show_previews(self) -> None:
        tree = self.query_one("#import-preview", Tree)
        tree.clear()
        for p_index, preview in enumerate(self.previews):
            file_node = tree.root.add(Text(Path(preview.path).name, style="bold"), expand=True)
            for problem in preview.problems:
                file_node.add_leaf(Text(f"⚠ {problem}", style="yellow"))
            for d_index, document in enumerate(preview.documents):
                head = Text(f"{document.number or '—'} · {format_date(document.issue_date)} · {document.issuer}")
                if document.duplicate:
                    head.append(f"  ({t('tui.import.duplicate')})", style="yellow")
                doc_node = file_node.add(head, expand=True)
                doc_node.add_leaf(Text(document.subject, style="italic"))
                for item in document.items:
                    self._item_node(doc_node, p_index, d_index, item)
        tree.root.expand()

    def _item_node(self, parent: TreeNode[Any], p_index: int, d_index: int, item: PreviewItem) -> None:
        correction = self.corrections.get((p_index, d_index, item.ref))
        label = Text(f"{item.ref}. ", style="bold")
        label.append(" ".join(item.text.split())[:90])
        if correction and correction.drop:
            label.stylize("strike dim")
            label.append(f"  ({t('tui.import.dropped')})", style="red")
        if correction and correction.merge_into:
            label.append(f"  (→ {correction.merge_into})", style="cyan")
        node = parent.add(label, data=(p_index, d_index, item.ref), expand=True)
        bodies = list(correction.bodies) if correction and correction.bodies is not None else list(item.bodies)
        body_text = Text(f"{t('tui.col.body')}: ")
        for i, body in enumerate(bodies):
            if i:
                body_text.append(", ")
            body_text.append(body, style="yellow" if body in item.new_bodies else "")
            if body in item.new_bodies:
                body_text.append(f" ({t('tui.body.new')})", style="yellow")
        node.add_leaf(body_text, data=(p_index, d_index, item.ref))
        deadline = correction.deadline if correction and correction.deadline else item.deadline
        deadline_text = Text(f"{t('tui.col.deadline')}: {format_date(deadline)}")
        if item.deadline_text:
            deadline_text.append(f"  “{item.deadline_text}”", style="dim")
        if item.recurrence:
            deadline_text.append(f"  {item.recurrence}", style="cyan")
        node.add_leaf(deadline_text, data=(p_index, d_index, item.ref))

    # ----- corrections -------------------------------------------------------------------------

    def _selected_item(self) -> tuple[int, int, str] | None:
        node = self.query_one("#import-preview", Tree).cursor_node
        data = node.data if node is not None else None
        return data if isinstance(data, tuple) else None

    def _item(self, key: tuple[int, int, str]) -> PreviewItem:
        p_index, d_index, ref = key
        return next(i for i in self.previews[p_index].documents[d_index].items if i.ref == ref)

    def _correct(self, key: tuple[int, int, str], **changes: Any) -> None:
        current = self.corrections.get(key) or ItemCorrection(document_index=key[1], ref=key[2])
        self.corrections[key] = replace(current, **changes)
        self.show_previews()

    def action_drop(self) -> None:
        key = self._selected_item()
        if key is not None:
            current = self.corrections.get(key)
            self._correct(key, drop=not (current and current.drop))

    def action_merge(self) -> None:
        """Merge the selected item into the item before it (a continuation split by mistake)."""
        key = self._selected_item()
        if key is None:
            return
        items = self.previews[key[0]].documents[key[1]].items
        refs = [item.ref for item in items]
        position = refs.index(key[2])
        if position > 0:
            self._correct(key, merge_into=refs[position - 1])

    def action_change_body(self) -> None:
        from tracker.tui.screens.forms import PromptScreen

        key = self._selected_item()
        if key is None:
            return
        item = self._item(key)

        def answered(name: str | None) -> None:
            if name:
                self._correct(key, bodies=[name], lead=name)

        self.app.push_screen(PromptScreen(f"{t('tui.import.body')}: {item.ref}", t("tui.col.body"),
                                          item.lead, self.body_names or list(item.bodies)), answered)

    def action_change_deadline(self) -> None:
        from tracker.tui.screens.forms import PromptScreen
        from tracker.tui.screens.tasks import parse_day

        key = self._selected_item()
        if key is None:
            return
        item = self._item(key)

        def answered(text: str | None) -> None:
            if not text:
                return
            try:
                day = parse_day(text)
            except ValueError:
                self.notify(t("tui.filter.bad_date", value=text), severity="error")
                return
            self._correct(key, deadline=day)

        value = format_date(item.deadline) if item.deadline else ""
        self.app.push_screen(PromptScreen(f"{t('tui.import.deadline')}: {item.ref}", t("tui.form.deadline"),
                                          value), answered)

    # ----- saving ------------------------------------------------------------------------------

    def action_save(self) -> None:
        if not self.previews:
            return
        previews = list(self.previews)
        corrections = dict(self.corrections)
        self._progress(len(previews))
        self.outcomes = []

        def work() -> None:
            for p_index, preview in enumerate(previews):
                mine = [c for (p, _, _), c in corrections.items() if p == p_index]
                try:
                    outcome = self.backend.commit_import(preview, mine)
                except Exception as error:  # this file stays out; the others still go in
                    self.post_message(BackendFailed("commit_import", error))
                    outcome = ImportOutcome(preview.path, 0, 0, skipped=True, message=str(error))
                self.post_message(BackendResult("import_saved", outcome))

        self.run_worker(work, thread=True, group="import", exclusive=True, exit_on_error=False)

    def focus_default(self) -> None:
        self.query_one("#import-path", Input).focus()
