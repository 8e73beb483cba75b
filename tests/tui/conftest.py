from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

TODAY = date(2021, 7, 20)


@dataclass(frozen=True)
class FakeSettings:
    """Only what the app reads from Settings (the real Settings are used with the services)."""

    today: date = TODAY
    user: str = "vanphong"
    lang: str = "vi"
    due_soon_days: int = 3


@pytest.fixture
def fake_settings() -> FakeSettings:
    return FakeSettings()


@pytest.fixture
def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    """(context, backend) on a fresh SQLite file holding the sample directives."""
    from world import open_world, seed, stand_in_extractor

    from tracker.tui.services_backend import ServicesBackend

    ctx = open_world(tmp_path)
    seed(ctx, tmp_path)
    backend = ServicesBackend(ctx, extractor=stand_in_extractor)
    yield ctx, backend
    ctx.close()
