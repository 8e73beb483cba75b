"""The government's yearly working-day swaps, as editable DATA.

Vietnam's public holidays (lunar Tết included, with the compensatory days for holidays that fall on
a weekend) come from the ``holidays`` package. On top of them, each year the Prime Minister / the
Ministry of Labour may let public servants take an extra day off and make it up on a Saturday
("hoán đổi ngày làm việc", "nghỉ bù ... làm bù vào thứ Bảy ..."). Those swaps are listed here, one
line each, so a clerk or maintainer can add next year's announcement without touching code.

``day_off``      a weekday that becomes a day off (None when the announcement only adds a working day)
``working_day``  a Saturday/Sunday that becomes a working day (None when none is made up)
``source``       the announcement, so the entry can be checked
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class WorkdaySwap:
    day_off: date | None
    working_day: date | None
    source: str


# year -> swaps announced for that year (the year of the day off).
SWAPS: dict[int, tuple[WorkdaySwap, ...]] = {
    2019: (
        WorkdaySwap(date(2018, 12, 31), date(2019, 1, 5), "Công văn 6519/VPCP-KGVX (Tết Dương lịch 2019)"),
        WorkdaySwap(date(2019, 4, 29), date(2019, 5, 4), "Công văn 6519/VPCP-KGVX (30/4-1/5/2019)"),
    ),
    2024: (WorkdaySwap(date(2024, 4, 29), date(2024, 5, 4), "Công văn 2450/VPCP-KGVX (30/4-1/5/2024)"),),
    2025: (WorkdaySwap(date(2025, 5, 2), date(2025, 4, 26), "Thông báo 6150/TB-BLĐTBXH (30/4-1/5/2025)"),),
}


def swapped_days_off(swaps: dict[int, tuple[WorkdaySwap, ...]] = SWAPS) -> frozenset[date]:
    return frozenset(s.day_off for year in swaps.values() for s in year if s.day_off is not None)


def swapped_working_days(swaps: dict[int, tuple[WorkdaySwap, ...]] = SWAPS) -> frozenset[date]:
    return frozenset(s.working_day for year in swaps.values() for s in year if s.working_day is not None)
