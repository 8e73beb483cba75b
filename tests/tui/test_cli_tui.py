"""What `tracker tui` opens: a database prepared by the migrations, through open_context."""

from __future__ import annotations

from pathlib import Path

from helpers import app_ready, screen_text

from tracker.config import load_settings
from tracker.services.context import open_context
from tracker.tui.app import TrackerApp
from tracker.tui.services_backend import ServicesBackend


async def test_opens_on_a_new_database(tmp_path: Path) -> None:
    settings = load_settings({"db_url": str(tmp_path / "new.db"), "today": "2021-07-20", "user": "vp",
                              "lang": "vi"}, env={}, config_file=tmp_path / "none.toml")
    context = open_context(settings)
    try:
        app = TrackerApp(settings, ServicesBackend(context))
        async with app.run_test(size=(120, 40)) as pilot:
            await app_ready(pilot, app)
            text = screen_text(app)
            assert "Tình hình thực hiện đến ngày 20/07/2021" in text and "(không có)" in text
            assert not app.errors
    finally:
        context.close()


def test_tui_command_is_registered() -> None:
    from tracker.cli import cli

    assert "tui" in cli.lazy  # type: ignore[attr-defined]
    from tracker.cli.tui import tui

    assert tui.name == "tui"
