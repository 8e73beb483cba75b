"""``modern_tones`` for the parser: the same result as ``tracker.domain.text.modern_tones``, faster.

The domain's pattern starts with a look-behind and matches case-insensitively, so the regular
expression engine tries every position of the text in turn (about 0.2 µs a character: the
largest single cost of extraction). Here the pattern starts with a character class of the vowel
that opens an old-style pair (``o``/``u``, either case), which the engine scans for quickly, and
the pair's two characters are spelled out in both cases instead of matched case-insensitively.
``tests/parsing/test_tones.py`` checks the classes against what the case-insensitive pattern
accepts over every code point, and the results against the domain's function.
"""

from __future__ import annotations

import re

from tracker.domain.text import _TONE_PAIRS, _retone, nfc

_FIRST = "".join(sorted({pair[0] for pair in _TONE_PAIRS} | {pair[0].upper() for pair in _TONE_PAIRS}))
_SECOND = "".join(sorted({pair[1] for pair in _TONE_PAIRS} | {pair[1].upper() for pair in _TONE_PAIRS}))
# "oà"/"uỷ" (any case) not after "q", at the end of a syllable (no letter follows); which vowel
# goes with which mark ("oỳ" is no pair) is checked in the replacement
_TONE_RE = re.compile(rf"[{_FIRST}](?<![qQ].)[{_SECOND}](?![^\W\d_])")


def _replace(match: re.Match[str]) -> str:
    old = match.group(0)
    return _retone(match) if old.lower() in _TONE_PAIRS else old


def modern_tones(text: str) -> str:
    """One tone placement (the modern one) so "Tỉnh uỷ" and "Tỉnh ủy" compare equal."""
    return _TONE_RE.sub(_replace, nfc(text))


_TONE_LOWER_RE = re.compile(
    "[" + "".join(sorted({pair[0] for pair in _TONE_PAIRS})) + "](?<!q.)["
    + "".join(sorted({pair[1] for pair in _TONE_PAIRS})) + r"](?![^\W\d_])"
)


def _replace_lower(match: re.Match[str]) -> str:
    old = match.group(0)
    return _TONE_PAIRS.get(old, old)


def modern_tones_lower(text: str) -> str:
    """``modern_tones(text).lower()`` in one pass, same length as the input: the domain's
    ``modern_tones_lower`` with the fast pattern."""
    return _TONE_LOWER_RE.sub(_replace_lower, text.lower())


_NOT_WORD = re.compile(r"[^\w&]+")


def match_key(text: str) -> str:
    """``tracker.domain.text.match_key`` with the fast ``modern_tones``: lower case, modern tones,
    punctuation dropped."""
    return " ".join(_NOT_WORD.sub(" ", modern_tones(text).lower()).split())
