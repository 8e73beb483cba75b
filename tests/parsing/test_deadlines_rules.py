"""Every timing rule in tracker/parsing/rules/deadlines.py fires on its own example and gives what it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tracker.domain.text import modern_tones
from tracker.parsing.deadlines import analyse_timing, match_spelling
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


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_needles_occur_in_what_it_matches(rule: TimingRule) -> None:
    """The needles are a speed pre-check: the example's match must hold one, or the rule could never fire."""
    assert rule.needles
    match = re.search(modern_tones(rule.pattern), _key(rule.example))
    assert match is not None
    assert any(modern_tones(needle) in match.group() for needle in rule.needles)


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[2] / "sample_docs").glob("*.txt")))
def test_fast_matching_spelling_equals_modern_tones(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    variants = (text, text.upper(), text.replace("ủy", "uỷ").replace("hòa", "hoà"))
    for variant in variants:
        assert match_spelling(variant) == modern_tones(variant).lower()


# Speed: a pattern that opens with a literal or a set of first characters lets the regular expression
# engine skip to the places that can match; one that opens with a look-behind or nested alternatives is
# tried at every position of every item (the "thường xuyên" rule with its look-behinds first cost 1.5 %
# of extraction). These still open otherwise and run only when their needles occur:
_OPEN_ANYWHERE = {"recurrence.times_per"}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_each_rule_opens_with_something_the_engine_can_skip_to(rule: TimingRule) -> None:
    from re import _compiler, _parser  # type: ignore[attr-defined]

    compiled = re.compile(modern_tones(rule.pattern))
    parsed = _parser.parse(compiled.pattern, compiled.flags)
    opens = bool(_compiler._get_literal_prefix(parsed, compiled.flags)[0]) \
        or _compiler._get_charset_prefix(parsed, compiled.flags) is not None
    assert opens or rule.id in _OPEN_ANYWHERE
