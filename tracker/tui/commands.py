"""The command palette (Ctrl+P): every screen and every action, searchable in the current language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tracker.domain.text import fold
from tracker.i18n import t
from tracker.tui.widgets.task_table import COLUMNS

if TYPE_CHECKING:
    from tracker.tui.app import TrackerApp

SCREENS = ("dashboard", "tasks", "directives", "import", "report", "bodies")


def palette_commands(app: TrackerApp, screen: Any = None) -> Iterator[tuple[str, Callable[[], object], str]]:
    """(title, callback, help) of everything the palette offers."""
    for name in SCREENS:
        yield t("tui.cmd.show", name=t(f"tui.screen.{name}")), partial(app.action_show, name), ""
    yield t("tui.cmd.help"), app.action_help, "F1"
    yield t("tui.cmd.search"), app.action_search, "/"
    yield t("tui.cmd.clear_filters"), app.action_clear_filters, "x"
    for column in COLUMNS:
        label = t(column.label_key)
        yield t("tui.cmd.sort", column=label), partial(app.action_sort, column.key), ""
    from tracker.tui.screens.tasks import CATEGORY_FILTERS

    for category in CATEGORY_FILTERS:
        yield (t("tui.cmd.filter_category", category=t(f"category.{category}")),
               partial(app.action_filter_category, category), "")
    yield t("tui.cmd.reload"), app.action_reload, "Ctrl+R"
    yield t("tui.cmd.screenshot"), app.action_save_screenshot, ""
    yield t("tui.cmd.quit"), app.action_quit, "Ctrl+Q"
    if screen is not None:
        yield from app.extra_commands(screen)


class TrackerCommands(Provider):
    """Matches ignore diacritics and case, like the task search ("nhiem vu" finds "Nhiệm vụ")."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        commands = list(palette_commands(cast("TrackerApp", self.app), self.screen))
        unique: dict[str, tuple[str, Callable[[], object], str]] = {}
        for command in commands:
            unique.setdefault(command[0], command)
        return list(unique.values())

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        folded = fold(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if folded and folded in fold(title):
                score = max(score, 0.5 + 0.5 * len(folded) / max(1, len(title)))
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text or None)
