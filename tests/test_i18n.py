"""Every message a user sees exists in Vietnamese and in English, with the same parameters."""

from __future__ import annotations

import string

import pytest

from tracker.i18n import LANGUAGES, catalogue, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


CATALOGUE = catalogue()


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_message_in_every_language_with_same_parameters(key: str) -> None:
    texts = CATALOGUE[key]
    assert set(texts) >= set(LANGUAGES), f"{key} lacks {set(LANGUAGES) - set(texts)}"
    assert all(texts[lang].strip() for lang in LANGUAGES), key
    assert _fields(texts["vi"]) == _fields(texts["en"]), key


def test_translation_follows_language() -> None:
    assert t("category.overdue", "vi") == "Đang thực hiện quá hạn"
    assert t("category.overdue", "en") == "Overdue"
    assert t("config.bad_today", "en", value="31/02") == "Invalid today date: 31/02 (expected YYYY-MM-DD)"


def test_unknown_key_is_shown_not_raised() -> None:
    assert t("no.such.key") == "no.such.key"
