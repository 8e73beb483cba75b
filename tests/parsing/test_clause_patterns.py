"""The clause-end patterns are written for speed (one character class first, then look-behinds);
each must find exactly what its plain alternation finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing.bodies import _CLAUSE_END, _CLAUSE_END_OR_GIAO
from tracker.parsing.deadlines import _CLAUSE_END_RE
from tracker.parsing.normalize import _ODD_SPACES

_PLAIN_SPACES = r" \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"
_PLAIN_CLAUSE_END = r"[;\n]|\.(?=\s+[A-ZĐÀ-Ỹ\"“(])|\.$|:(?=\s*$)"
_PLAIN = {
    "bodies clause end": (_CLAUSE_END, re.compile(_PLAIN_CLAUSE_END)),
    "bodies clause end or giao": (_CLAUSE_END_OR_GIAO, re.compile(
        _PLAIN_CLAUSE_END + r"|[,(]\s*(?=[Gg]iao\s+(?!thông|dịch|lưu|ban\b|nhận|đất|rừng|khoán|kết|tiếp|thừa|hữu|nộp"
        r"|hàng)\S)")),
    "deadlines clause end": (_CLAUSE_END_RE, re.compile(r";|[.!?](?=\s|$)|:[^\S\n]*\n")),
    "odd spaces": (_ODD_SPACES, re.compile(rf" [{_PLAIN_SPACES}]+|[{_PLAIN_SPACES[1:]}][{_PLAIN_SPACES}]*")),
}
_SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_docs").glob("*.txt"))
_PIECES = [";", "\n", ".", ":", "!", "?", ",", "(", " ", "  ", "\t", "\u00a0", "\u3000", "\u200b", "\u200c", "Sở", "giao ", "Giao ",
           "thông", "A", "a", "“", "đ", "Đ", "1"]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24))
def test_each_fast_pattern_finds_what_its_plain_alternation_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, (fast, plain) in _PLAIN.items():
        assert _spans(fast, text) == _spans(plain, text), name


def test_each_fast_pattern_agrees_on_the_sample_directives() -> None:
    assert _SAMPLES
    found_in_some: set[str] = set()
    for path in _SAMPLES:
        text = path.read_text(encoding="utf-8")
        for name, (fast, plain) in _PLAIN.items():
            found = _spans(fast, text)
            assert found == _spans(plain, text), (name, path.name)
            if found:
                found_in_some.add(name)
    assert found_in_some == set(_PLAIN)  # every pattern had something to find
