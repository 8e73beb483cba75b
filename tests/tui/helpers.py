"""Waiting for the app's workers in pilot tests (conditions, never fixed sleeps alone)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    waited = 0.0
    while not condition():
        if waited >= timeout:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.02)
        waited += 0.02
    await pilot.pause()
    await pilot.pause(0.05)  # let the next refresh paint what arrived


async def wait_table(pilot: Pilot, table) -> None:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: table.loaded_generation == table.generation and not table._pending)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Everything on the screen as plain text (what an officer reads), freshly rendered."""
    from io import StringIO

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=StringIO(), record=True, legacy_windows=False,
                      color_system=None, force_terminal=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def app_ready(pilot: Pilot, app) -> None:  # type: ignore[no-untyped-def]
    """The first screen is painted and focused (so a key pressed now is not overtaken by the
    start-up focus)."""
    await wait_for(pilot, lambda: app.pane("dashboard").data is not None and app.focused is not None
                   and app.focused.id == "dash-overdue")
