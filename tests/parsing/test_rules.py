"""Every rule in tracker/parsing/rules (except the deadline rules, tested in
test_deadlines_rules.py) run on its own real example."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.domain.text import match_key
from tracker.parsing.bodies import clause_bodies, expand_abbreviations, resolve
from tracker.parsing.normalize import normalize
from tracker.parsing.rules import (
    abbreviations,
    citations,
    directory,
    marks,
    numbering,
    phrases,
    places,
    structure,
)
from tracker.parsing.split import match_place


def _cases() -> list[Any]:
    cases: list[Any] = []
    cases += [pytest.param("mark", r, id=f"mark:{r.id}") for r in marks.MARK_RULES]
    cases += [pytest.param("label", r, id=f"label:{r.id}") for r in numbering.LABEL_RULES]
    cases += [pytest.param("line", r, id=f"line:{r.id}") for r in structure.LINE_RULES]
    cases += [pytest.param("suffix", r, id=f"suffix:{r.id}") for r in structure.SUFFIX_ISSUERS]
    cases += [pytest.param("abbreviation", r, id=f"abbreviation:{r.id}") for r in abbreviations.ABBREVIATIONS]
    cases += [pytest.param("phrases", r, id=f"phrases:{r.id}") for r in phrases.PHRASE_LISTS]
    return cases


@pytest.mark.parametrize(("family", "rule"), _cases())
def test_rule_on_its_example(family: str, rule: Any) -> None:
    if family == "mark":
        assert rule.regex.sub(rule.replacement, rule.example) == rule.expect
    elif family == "label":
        found = numbering.find_label(rule.example)
        assert found is not None and found.kind == rule.kind and found.value == rule.expect
    elif family == "line":
        from tracker.domain.text import modern_tones

        assert rule.match(rule.example) or rule.match(modern_tones(rule.example))
        if rule.gate:  # the gate is the tail of the pattern, so every match holds it
            assert rule.pattern.endswith(rule.gate)
    elif family == "suffix":
        assert rule.regex.search(rule.example)
    elif family == "abbreviation":
        assert expand_abbreviations(rule.example) == rule.expect
    elif family == "phrases":
        assert match_key(rule.expect) in match_key(rule.example)
        assert rule.expect in rule.words


def test_phrase_lists_are_lower_case() -> None:
    for rule in phrases.PHRASE_LISTS:
        for word in rule.words:
            assert word == word.lower(), (rule.id, word)


def test_name_parts_and_noun_after_examples() -> None:
    text, expected = phrases.NAME_PARTS_EXAMPLE
    assert [m.name for m in clause_bodies(text)] == [expected]
    text, expected = phrases.NOUN_AFTER_EXAMPLE
    assert expected in [m.name for m in clause_bodies(text)]


def test_page_number_and_stamp_patterns() -> None:
    assert marks.PAGE_NUMBER.match(marks.PAGE_NUMBER_EXAMPLE)
    for example in marks.RULE_LINE_EXAMPLES:
        assert marks.RULE_LINE.match(example), example
    for text in ("- Sở Y tế;", "- 3 -", "...", "1.", "o0o Sở"):
        assert not marks.RULE_LINE.match(text), text
    assert normalize(marks.STAMP_EXAMPLE).lines == ()
    for example in marks.PAGE_FOOTER_EXAMPLES:
        assert marks.PAGE_FOOTER.match(example), example
    assert not marks.PAGE_FOOTER.match("2. Sở Y tế báo cáo kết quả về trang 3 của biểu mẫu số 2")
    assert marks.COPY_STAMP.match(marks.COPY_STAMP_EXAMPLE)
    assert not marks.COPY_STAMP.match("Sao y bản chính Quyết định số 12/QĐ-UBND gửi các xã.")


def test_place_example() -> None:
    written, expected = places.PLACE_EXAMPLE
    assert match_place(written) == expected
    assert len(places.PROVINCES) == 63


def test_citation_example() -> None:
    text, (kind, number, when, issuer) = citations.CITATION_EXAMPLE
    m = citations.CITATION.search(text)
    assert m is not None
    assert (m.group("kind"), m.group("number"), m.group("issuer")) == (kind, number, issuer)
    assert f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}" == when


@pytest.mark.parametrize("entry", directory.BODY_DIRECTORY, ids=lambda e: e.name)
def test_directory_entry_resolves_by_name_and_aliases(entry: directory.DirectoryEntry) -> None:
    assert resolve(entry.name) == (entry.name, True)
    for alias in entry.aliases:
        canonical, known = resolve(alias)
        assert known
        # an alias shared by two entries goes to the first; it must at least be a known body
        assert canonical == entry.name or match_key(alias) != match_key(entry.name)


def test_directory_groups_name_known_members() -> None:
    names = {e.name for e in directory.BODY_DIRECTORY}
    for entry in directory.BODY_DIRECTORY:
        for member in entry.members:
            assert member in names, (entry.name, member)


def test_body_directory_is_exposed_for_the_importer() -> None:
    from tracker.parsing.rules import body_directory
    from tracker.services.bodies import directory_data

    assert len(body_directory) == len(directory.BODY_DIRECTORY)
    seeds = directory_data()
    assert len(seeds) == len(body_directory)
    party = next(s for s in seeds if s.name == "Ban đảng Tỉnh ủy")
    assert party.kind == "party" and "Ban Tuyên giáo Tỉnh ủy" in party.members
