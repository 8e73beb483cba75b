"""Text keys for matching and search: NFC, one tone placement, diacritic-free fold."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement -> modern ("hoà" -> "hòa", "uỷ" -> "ủy"), both cases.
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only where the vowel group ends the syllable ("hoà" -> "hòa", never "hoàn" -> "hòan"), and not
# after "q" ("quý" is written the same in both styles).
_GROUPS = "|".join(sorted(_TONE_PAIRS, key=len, reverse=True))
_TONE_RE = re.compile(rf"(?<![qQ])({_GROUPS})(?![^\W\d_])", re.IGNORECASE)
_TONE_RE_LOWER = re.compile(rf"(?<!q)({_GROUPS})(?![^\W\d_])")


def _retone(match: re.Match[str]) -> str:
    old = match.group(0)
    new = _TONE_PAIRS[old.lower()]
    return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def modern_tones(text: str) -> str:
    """One tone placement (the modern one) so "Tỉnh uỷ" and "Tỉnh ủy" compare equal."""
    return _TONE_RE.sub(_retone, nfc(text))


def modern_tones_lower(text: str) -> str:
    """``modern_tones(text).lower()`` in one pass (for matching keys; same length as the input)."""
    return _TONE_RE_LOWER.sub(lambda m: _TONE_PAIRS[m.group(0)], text.lower())


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Search key: lower case, no diacritics, single spaces. "Sở Y tế" -> "so y te"."""
    return " ".join(strip_diacritics(nfc(text)).lower().split())


def match_key(text: str) -> str:
    """Matching key that keeps diacritics: lower case, modern tones, punctuation dropped."""
    lowered = modern_tones(text).lower()
    return " ".join(re.sub(r"[^\w&]+", " ", lowered).split())
