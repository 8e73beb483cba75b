"""The arithmetic count of missed reports equals dateutil's for every everyday rule."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tracker.services import recurrence

RULES = ["daily", "weekly", "FREQ=DAILY", "FREQ=WEEKLY", "RRULE:FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO",
         "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;INTERVAL=1;BYDAY=FR"]


def _by_dateutil(rule: str, start: date, as_of: date, submitted: set[date], end: date | None) -> int:
    last = as_of - timedelta(days=1)
    if end is not None:
        last = min(last, end)
    return sum(1 for day in recurrence.occurrences(rule, start, start, last) if day not in submitted)


@pytest.mark.parametrize("rule", RULES)
def test_count_missed_by_arithmetic_equals_dateutil(rule: str) -> None:
    assert recurrence.plain_rule(rule) is not None
    rng = random.Random(rule)
    for _ in range(60):
        start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 700))
        as_of = start + timedelta(days=rng.randint(-3, 400))
        end = start + timedelta(days=rng.randint(0, 300)) if rng.random() < 0.3 else None
        due = recurrence.occurrences(rule, start, start, as_of)
        submitted = set(rng.sample(due, k=min(len(due), rng.randint(0, 10))))
        submitted |= {start + timedelta(days=rng.randint(-5, 450)) for _ in range(3)}  # stray days count for nothing
        assert recurrence.count_missed(rule, start, as_of, submitted, end) == \
            _by_dateutil(rule, start, as_of, submitted, end), (rule, start, as_of, end)


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;BYMONTHDAY=20", "FREQ=MONTHLY;INTERVAL=3", "FREQ=WEEKLY;INTERVAL=2",
                                  "FREQ=YEARLY"])
def test_other_rules_still_go_to_dateutil(rule: str) -> None:
    assert recurrence.plain_rule(rule) is None
    start, as_of = date(2021, 1, 4), date(2021, 12, 31)
    assert recurrence.count_missed(rule, start, as_of, set()) == _by_dateutil(rule, start, as_of, set(), None)
