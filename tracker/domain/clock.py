"""The injected clock. Only tracker.config builds one from the real time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Clock:
    today_value: date
    now_fn: Callable[[], datetime]

    def today(self) -> date:
        return self.today_value

    def now(self) -> datetime:
        """Naive local timestamp on ``today`` (the time of day comes from now_fn)."""
        real = self.now_fn()
        return datetime.combine(self.today_value, real.time())


def fixed_clock(day: date, at: datetime | None = None) -> Clock:
    """A clock for tests: always ``day`` at the time of ``at`` (00:00 by default)."""
    moment = at or datetime.combine(day, datetime.min.time())
    return Clock(day, lambda: moment)
