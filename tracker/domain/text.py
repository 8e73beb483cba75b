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
# after "q" ("quý" is written the same in both styles). The pattern opens with a character class
# of the pair's first vowel ("o"/"u", both cases) and spells the second in both cases, instead of
# a look-behind and IGNORECASE: the regular expression engine then skips quickly to the places
# that can match (15x faster; tone placement is the largest single cost of reading a directive).
# Which vowel goes with which mark ("oỳ" is no pair) is checked in the replacement.
# tests/domain/test_tones.py checks the classes against what a case-insensitive pattern accepts
# over every code point, and the results against the plain pattern.
_FIRST = "".join(sorted({pair[0] for pair in _TONE_PAIRS} | {pair[0].upper() for pair in _TONE_PAIRS}))
_SECOND = "".join(sorted({pair[1] for pair in _TONE_PAIRS} | {pair[1].upper() for pair in _TONE_PAIRS}))
_TONE_RE = re.compile(rf"[{_FIRST}](?<![qQ].)[{_SECOND}](?![^\W\d_])")
_TONE_RE_LOWER = re.compile(
    "[" + "".join(sorted({pair[0] for pair in _TONE_PAIRS})) + "](?<!q.)["
    + "".join(sorted({pair[1] for pair in _TONE_PAIRS})) + r"](?![^\W\d_])")
_NOT_WORD = re.compile(r"[^\w&]+")


def _retone(match: re.Match[str]) -> str:
    old = match.group(0)
    new = _TONE_PAIRS.get(old.lower())
    if new is None:  # a vowel and a mark that are no old-style pair
        return old
    return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)


def _retone_lower(match: re.Match[str]) -> str:
    old = match.group(0)
    return _TONE_PAIRS.get(old, old)


def single_spaced(text: str) -> bool:
    """``" ".join(text.split()) == text``, read without splitting (a cleaned line is, almost always):
    the only white space a printable text holds is the plain space."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def collapse_spaces(text: str) -> str:
    """Every run of white space made one plain space, the ends trimmed (the text itself when it is already)."""
    return text if single_spaced(text) else " ".join(text.split())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def modern_tones(text: str) -> str:
    """One tone placement (the modern one) so "Tỉnh uỷ" and "Tỉnh ủy" compare equal."""
    return _TONE_RE.sub(_retone, nfc(text))


def modern_tones_lower(text: str) -> str:
    """``modern_tones(text).lower()`` in one pass (for matching keys; same length as the input)."""
    return _TONE_RE_LOWER.sub(_retone_lower, text.lower())


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Search key: lower case, no diacritics, single spaces. "Sở Y tế" -> "so y te"."""
    return " ".join(strip_diacritics(nfc(text)).lower().split())


def match_key(text: str) -> str:
    """Matching key that keeps diacritics: lower case, modern tones, punctuation dropped."""
    return " ".join(_NOT_WORD.sub(" ", modern_tones(text).lower()).split())


# ---------------------------------------------------------------- an agency's name inside a sentence

# A Vietnamese syllable (diacritics folded): onset, vowels, coda. An upper-case word that is not
# one ("UBND", "HĐND", "VPTU", "TT&TT") is an abbreviation and stays upper case.
_SYLLABLE = re.compile(r"(ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ch|ng|nh|[cmnpt])?")
# Word runs written with capitals inside an agency's name (Nghị định 30/2020/NĐ-CP, Phụ lục II),
# folded; each word listed with a capital keeps it.
_TITLE_RUNS = (("Tỉnh", "ủy"), ("Thành", "ủy"), ("Huyện", "ủy"), ("Quận", "ủy"), ("Thị", "ủy"), ("Đảng", "ủy"),
               ("Ủy", "ban", "nhân", "dân"), ("Hội", "đồng", "nhân", "dân"), ("Mặt", "trận", "Tổ", "quốc"),
               ("Ban", "Thường", "vụ"), ("Ban", "Chấp", "hành"), ("Trung", "ương"), ("Việt", "Nam"))
_AGENCY_TYPES = frozenset({"so", "bo", "ban", "cuc", "vien", "tong cuc", "chi cuc"})  # their field is capitalised
_PLACE_WORDS = frozenset({"tinh", "huyen", "xa", "phuong", "quan"})  # a place's name follows
_COMMITTEE_PLACES = frozenset({"tinh", "thanh", "huyen", "quan", "thi"})  # "Tỉnh ủy Tây Ninh", "Huyện ủy ..."


def is_abbreviation(word: str) -> bool:
    """A word that is no Vietnamese syllable ("UBND", "COVID-19", "TT&TT"): kept as written."""
    letters = strip_diacritics(word).lower().strip(",.;:()")
    return bool(letters) and _SYLLABLE.fullmatch(letters) is None


def _is_place_word(folded: list[str], i: int) -> bool:
    """"tỉnh", "huyện", "xã" ... naming a place ("xã hội" is society, "tỉnh ủy" the Party committee)."""
    following = folded[i + 1] if i + 1 < len(folded) else ""
    return folded[i] in _PLACE_WORDS and following != "uy" and folded[i:i + 2] != ["xa", "hoi"]


def name_in_sentence(name: str) -> str:
    """An agency's name written in capitals, as it is written inside a sentence:
    "VĂN PHÒNG TỈNH ỦY TÂY NINH" -> "Văn phòng Tỉnh ủy Tây Ninh", "SỞ Y TẾ" -> "Sở Y tế",
    "VĂN PHÒNG UBND TỈNH" -> "Văn phòng UBND tỉnh". A name not all in capitals is returned as it is."""
    name = " ".join(nfc(name).split())
    if not name or not name.isupper():
        return name
    words = name.split(" ")
    keep = [is_abbreviation(w) for w in words]
    out = [w if k else w.lower() for w, k in zip(words, keep, strict=True)]
    folded = [strip_diacritics(w).lower() for w in out]
    capital = [False] * len(words)
    capital[0] = True
    i = 0
    while i < len(words):
        for run in _TITLE_RUNS:
            keys = [strip_diacritics(w).lower() for w in run]
            if folded[i:i + len(run)] == keys:
                for j, word in enumerate(run):
                    capital[i + j] = capital[i + j] or word[0].isupper()
                i += len(run) - 1
                break
        i += 1
    first_two = " ".join(folded[:2])
    field_at = 2 if first_two in _AGENCY_TYPES else 1 if folded[0] in _AGENCY_TYPES else None
    if field_at is not None and field_at < len(words):
        capital[field_at] = True  # "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"
        for j in range(field_at + 1, len(words)):
            if _is_place_word(folded, j):
                break
            if folded[j - 1] in ("va", "-") or out[j - 1].endswith(","):
                capital[j] = True
    # a place's name: after "tỉnh", "huyện", "thành phố" ... or after "Tỉnh ủy", "Huyện ủy" ...
    for i in range(len(words) - 1):
        two = folded[i:i + 2]
        if two == ["thanh", "pho"]:
            start = i + 2
        elif _is_place_word(folded, i) or (folded[i] == "uy" and i > 0 and folded[i - 1] in _COMMITTEE_PLACES):
            start = i + 1
        else:
            continue
        for j in range(start, len(words)):
            capital[j] = True
        break
    return " ".join(w if k else (w[:1].upper() + w[1:] if c else w)
                    for w, k, c in zip(out, keep, capital, strict=True))
