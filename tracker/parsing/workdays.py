"""Vietnamese working days: weekends, public holidays (lunar Tết included) and the yearly swaps.

Public holidays come from the ``holidays`` package (``holidays.country_holidays("VN")``), which knows
the lunar calendar and the compensatory days; the government's swapped days are the editable table in
``tracker.parsing.rules.calendar``. Pure functions, no I/O.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from tracker.parsing.rules.calendar import SWAPS, WorkdaySwap, swapped_days_off, swapped_working_days

Swaps = dict[int, tuple[WorkdaySwap, ...]]


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> dict[date, str]:
    import holidays  # imported lazily: only working-day phrases need it

    found = holidays.country_holidays("VN", years=year, language="en_US")
    return dict(found.items())


@lru_cache(maxsize=64)
def _package_working_weekends(year: int) -> frozenset[date]:
    import holidays

    found = holidays.country_holidays("VN", years=year)
    return frozenset(d for d in getattr(found, "weekend_workdays", ()) if d.year == year)


def public_holidays(year: int) -> dict[date, str]:
    """Vietnam's public holidays of ``year`` (English names), compensatory days included."""
    return dict(_holidays_of(year))


def is_working_day(day: date, swaps: Swaps | None = None) -> bool:
    """True when public servants work on ``day``."""
    table = SWAPS if swaps is None else swaps
    if day in swapped_working_days(table) or day in _package_working_weekends(day.year):
        return True
    if day in swapped_days_off(table) or day in _holidays_of(day.year):
        return False
    return day.weekday() < 5


def add_working_days(start: date, n: int, swaps: Swaps | None = None) -> date:
    """The day ``n`` working days after ``start`` (``start`` itself is not counted).

    A negative ``n`` counts backwards; ``n == 0`` returns ``start``.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    day = start
    while remaining:
        day += step
        if is_working_day(day, swaps):
            remaining -= 1
    return day


def lunar_new_year(year: int) -> date:
    """The first day of lunar Tết (mùng 1 Tết Nguyên đán) in the Gregorian ``year``."""
    for day, name in sorted(_holidays_of(year).items()):
        if name == "Lunar New Year":
            return day
    raise ValueError(f"no lunar new year known for {year}")  # pragma: no cover - package covers all years


def last_working_day_before_tet(year: int, swaps: Swaps | None = None) -> date:
    """The last working day before the Tết break that holds the lunar new year of ``year``."""
    day = lunar_new_year(year) - timedelta(days=1)
    while not is_working_day(day, swaps):
        day -= timedelta(days=1)
    return day
