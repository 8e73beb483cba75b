"""Matching and search keys: one tone placement, diacritic-free fold."""

from __future__ import annotations

import pytest

from tracker.domain.text import fold, match_key, modern_tones, modern_tones_lower


@pytest.mark.parametrize(
    ("old", "new"),
    [("Tỉnh uỷ", "Tỉnh ủy"), ("hoà bình", "hòa bình"), ("THUỶ LỢI", "THỦY LỢI"), ("khoẻ", "khỏe"),
     ("Toà án", "Tòa án"), ("Uỷ ban", "Ủy ban")],
)
def test_old_tone_placement_becomes_modern(old: str, new: str) -> None:
    assert modern_tones(old) == new
    assert modern_tones_lower(old) == new.lower()


@pytest.mark.parametrize("word", ["hoàn thành", "quý III", "rà soát", "Quỳnh Lưu", "hoạch định", "khuyến khích"])
def test_syllables_that_are_spelt_alike_in_both_styles_stay(word: str) -> None:
    assert modern_tones(word) == word
    assert modern_tones_lower(word) == word.lower()


def test_fold_and_match_keys() -> None:
    assert fold("Sở Y tế") == "so y te"
    assert fold("Ủy ban  nhân dân") == "uy ban nhan dan"
    assert fold("Đắk Nông") == "dak nong"
    assert match_key("Sở TT&TT,") == "sở tt&tt"
    assert match_key("Tỉnh uỷ") == match_key("Tỉnh ủy")
