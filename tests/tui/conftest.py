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
