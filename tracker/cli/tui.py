"""``tracker tui`` (and bare ``tracker``): the terminal workspace."""

from __future__ import annotations

from typing import Any

import click

from tracker.cli.base import TCommand, pass_settings


@click.command("tui", cls=TCommand, help="tui.cli.help")
@pass_settings
def tui(settings: Any) -> None:
    from tracker.services.context import open_context
    from tracker.tui.app import TrackerApp
    from tracker.tui.services_backend import ServicesBackend

    context = open_context(settings)
    try:
        TrackerApp(settings, ServicesBackend(context)).run()
    finally:
        context.close()
