"""Plain text in any of the encodings Vietnamese offices use: UTF-8 (with or without BOM), UTF-16,
Windows-1258. Pure functions."""

from __future__ import annotations

import codecs
import unicodedata

from tracker.domain.errors import InputError

# Printable share below which decoded text is taken for binary data.
MIN_PRINTABLE_SHARE = 0.97


_BINARY_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})  # control, surrogate, private use, unassigned
_LINE_CONTROLS = frozenset("\n\r\t\f")


def _printable_share(text: str) -> float:
    """The share of characters that are not control, surrogate, private-use or unassigned code
    points (line controls excepted). Each distinct character is looked up once and the few bad
    ones counted by ``str.count``: a directive has a few hundred distinct characters among tens of
    thousands, so this runs at C speed instead of a Python step per character."""
    if not text:
        return 1.0
    bad = sum(text.count(ch) for ch in set(text)
              if ch not in _LINE_CONTROLS and unicodedata.category(ch) in _BINARY_CATEGORIES)
    return 1 - bad / len(text)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII text has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises InputError for binary or undecodable bytes."""
    candidates: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        utf16 = _looks_utf16(data)
        if utf16:
            candidates = [utf16]
        elif b"\x00" in data[:65536]:
            raise InputError("ingest.binary")
        else:
            candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _printable_share(text) < MIN_PRINTABLE_SHARE:
            raise InputError("ingest.binary")
        name = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(encoding, encoding)
        return text, name
    raise InputError("ingest.undecodable")
