"""Every timing rule in tracker/parsing/rules/deadlines.py fires on its own example and gives what it says."""

from __future__ import annotations

import re

import pytest

from tracker.domain.text import modern_tones
from tracker.parsing.deadlines import analyse_timing
from tracker.parsing.rules.deadlines import (
    ALL_RULES,
    DEADLINE_RULES,
    RECURRENCE_RULES,
    URGENCY_RULES,
    TimingRule,
)


def _key(text: str) -> str:
    return modern_tones(text).lower()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_pattern_matches_its_example(rule: TimingRule) -> None:
    assert re.search(modern_tones(rule.pattern), _key(rule.example)), rule.example


@pytest.mark.parametrize("rule", DEADLINE_RULES, ids=lambda r: r.id)
def test_deadline_rule_gives_its_date(rule: TimingRule) -> None:
    hint = analyse_timing(rule.example, rule.issued)
    assert hint.due is not None and hint.due.isoformat() == rule.expect
    assert hint.raw and _key(hint.raw) in _key(rule.example)


@pytest.mark.parametrize("rule", RECURRENCE_RULES, ids=lambda r: r.id)
def test_recurrence_rule_gives_its_rrule(rule: TimingRule) -> None:
    hint = analyse_timing(rule.example, rule.issued)
    assert hint.rrule == rule.expect
    assert hint.recurrence is not None
    assert hint.due is None  # a repeated report is not a one-off deadline


@pytest.mark.parametrize("rule", URGENCY_RULES, ids=lambda r: r.id)
def test_urgency_rule_gives_its_level(rule: TimingRule) -> None:
    hint = analyse_timing(rule.example, rule.issued)
    assert hint.urgency is not None and hint.urgency.value == rule.expect


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))


def test_every_pattern_compiles_in_key_spelling() -> None:
    for rule in ALL_RULES:
        re.compile(modern_tones(rule.pattern))
