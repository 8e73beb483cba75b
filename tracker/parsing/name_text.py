"""Name text helpers shared by the body readers: abbreviations expanded, one tone placement for
matching keys that keep every position of the text. Pure."""

from __future__ import annotations

import functools
import re

from tracker.domain.text import modern_tones
from tracker.parsing.rules.abbreviations import ABBREVIATIONS

# --- abbreviations ----------------------------------------------------------------------------

_ABBREV_RE = re.compile(
    r"(?<![\w&/])(" + "|".join(re.escape(a.short) for a in sorted(ABBREVIATIONS, key=lambda a: -len(a.short)))
    + r")(?![\w&])"
)
_ABBREV_MAP = {a.short: a.full for a in ABBREVIATIONS}


def expand_abbreviations(name: str) -> str:
    """"Ban cán sự đảng UBND tỉnh" -> "Ban cán sự đảng Ủy ban nhân dân tỉnh"."""
    if not name:
        return name
    return _ABBREV_RE.sub(lambda m: _ABBREV_MAP[m.group(1)], name)


# --- matching keys --------------------------------------------------------------------------

_OLD_PAIRS = ("oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ")
_OLD_TO_NEW = tuple((old, modern_tones(old)) for old in _OLD_PAIRS)
_OLD_PAIR_RE = re.compile("|".join(_OLD_PAIRS))  # one scan for the vowel of any pair


def has_old_pairs(text: str) -> bool:
    return _OLD_PAIR_RE.search(text.lower()) is not None


@functools.lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Lower case, modern tone placement; same length as ``text`` (positions line up)."""
    key = text.lower()
    for old, new in _OLD_TO_NEW:
        if old in key:
            key = key.replace(old, new)
    return key


# The word at a position: its characters up to a word end (empty at one)
WORD_RUN = re.compile(r"[\w&/'’-]*")
