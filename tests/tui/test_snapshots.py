"""The look of the main screens at 120x40 on the sample database with today fixed at 2021-07-20
(regenerate after an intended change with ``pytest tests/tui --snapshot-update``)."""

from __future__ import annotations

from helpers import app_ready, wait_for, wait_table

from tracker.tui.app import TrackerApp

SIZE = (120, 40)


def test_dashboard_snapshot(world, snap_compare) -> None:
    ctx, backend = world

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await app_ready(pilot, pilot.app)

    assert snap_compare(TrackerApp(ctx.settings, backend), terminal_size=SIZE, run_before=ready)


def test_task_table_snapshot(world, snap_compare) -> None:
    ctx, backend = world

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await app_ready(pilot, app)
        await pilot.press("2")
        table = app.pane("tasks").table
        await wait_for(pilot, lambda: table.region.height > 0 and app.pane("tasks").choices_loaded)
        await wait_table(pilot, table)

    assert snap_compare(TrackerApp(ctx.settings, backend), terminal_size=SIZE, run_before=ready)


def test_help_snapshot(world, snap_compare) -> None:
    ctx, backend = world

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await app_ready(pilot, pilot.app)
        await pilot.press("f1")
        await pilot.pause(0.2)

    assert snap_compare(TrackerApp(ctx.settings, backend), terminal_size=SIZE, run_before=ready)
