"""``modern_tones`` / ``modern_tones_lower`` / ``match_key`` with the fast patterns give exactly
what the plain patterns give (a look-behind and IGNORECASE: obviously right, 15x slower), kept
here as the reference."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain import text as tones
from tracker.domain.text import _TONE_PAIRS, nfc


class _Reference:
    """The plain patterns the fast ones replace."""

    _GROUPS = "|".join(sorted(_TONE_PAIRS, key=len, reverse=True))
    _RE = re.compile(rf"(?<![qQ])({_GROUPS})(?![^\W\d_])", re.IGNORECASE)
    _RE_LOWER = re.compile(rf"(?<!q)({_GROUPS})(?![^\W\d_])")

    @staticmethod
    def _retone(match: re.Match[str]) -> str:
        old = match.group(0)
        new = _TONE_PAIRS[old.lower()]
        return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)

    def modern_tones(self, text: str) -> str:
        return self._RE.sub(self._retone, nfc(text))

    def modern_tones_lower(self, text: str) -> str:
        return self._RE_LOWER.sub(lambda m: _TONE_PAIRS[m.group(0)], text.lower())

    def match_key(self, text: str) -> str:
        return " ".join(re.sub(r"[^\w&]+", " ", self.modern_tones(text).lower()).split())


domain = _Reference()

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_docs").glob("*.txt"))
_EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def _accepted_case_insensitively(chars: set[str]) -> set[str]:
    return set(re.findall("[" + re.escape("".join(sorted(chars))) + "]", _EVERY_CHARACTER, re.IGNORECASE))


def test_character_classes_are_what_the_case_insensitive_pattern_accepts() -> None:
    assert set(tones._FIRST) == _accepted_case_insensitively({pair[0] for pair in _TONE_PAIRS})
    assert set(tones._SECOND) == _accepted_case_insensitively({pair[1] for pair in _TONE_PAIRS})
    assert _accepted_case_insensitively({"q"}) == {"q", "Q"}


def test_known_words() -> None:
    for old, new in (("Tỉnh uỷ", "Tỉnh ủy"), ("hoà", "hòa"), ("HOÀ", "HÒA"), ("Hoà", "Hòa"), ("oÀ", "òa"),
                     ("hoàn", "hoàn"), ("quý", "quý"), ("QUÝ", "QUÝ"), ("khoẻ.", "khỏe."), ("uỷ2", "ủy2"),
                     ("oỳ", "oỳ"), ("uà", "uà"), ("qoà", "qoà"), ("xoà_", "xòa_"), ("xoàn", "xoàn")):
        assert tones.modern_tones(old) == domain.modern_tones(old) == new
        assert tones.modern_tones_lower(old) == domain.modern_tones_lower(old) == new.lower()


def test_sample_directives_and_their_case_variants() -> None:
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        old = text.replace("òa", "oà").replace("ủy", "uỷ").replace("Ủy", "Uỷ").replace("óe", "oé")
        for variant in (text, text.upper(), text.lower(), old, old.upper()):
            assert tones.modern_tones(variant) == domain.modern_tones(variant)
            assert tones.modern_tones_lower(variant) == domain.modern_tones_lower(variant)


_PIECES = ["o", "O", "u", "U", "q", "Q", "h", "n", " ", ".", "_", "2", "\u0300", "à", "À", "á", "ỷ", "Ỷ",
           "ý", "ỳ", "è", "ẹ", "Ẹ", "ạ", "oà", "uỷ", "qu", "ả", "ã", "ỹ", "ỵ", "é", "ẻ", "ẽ", "e", "a", "y"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.text(max_size=8))
def test_random_text(pieces: list[str], noise: str) -> None:
    text = "".join(pieces) + noise + "".join(reversed(pieces))
    assert tones.modern_tones(text) == domain.modern_tones(text)
    assert tones.modern_tones_lower(text) == domain.modern_tones_lower(text)


def test_match_key_is_the_domain_match_key() -> None:
    for path in SAMPLES:
        for line in path.read_text(encoding="utf-8").splitlines():
            for variant in (line, line.upper().replace("Ủ", "UỶ")):
                assert tones.match_key(variant) == domain.match_key(variant)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "&", "-", ",", "Đ", "\t", "\u00a0"]), max_size=16))
def test_match_key_random(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert tones.match_key(text) == domain.match_key(text)
