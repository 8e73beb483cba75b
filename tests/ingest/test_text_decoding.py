"""The binary-text check counts exactly what its definition says, however it is computed."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.ingest.text_decoding import MIN_PRINTABLE_SHARE, _printable_share


def _share_by_definition(text: str) -> float:
    """One step per character: control, surrogate, private-use and unassigned code points are bad,
    except the line controls."""
    if not text:
        return 1.0
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\f")
    return 1 - bad / len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=400))
def test_share_equals_the_definition(text: str) -> None:
    assert _printable_share(text) == _share_by_definition(text)


def test_vietnamese_text_with_line_controls_is_all_printable() -> None:
    text = "Ủy ban nhân dân tỉnh\r\n\tSở Y tế chủ trì,\fphối hợp\n" * 50
    assert _printable_share(text) == 1.0


def test_control_bytes_lower_the_share() -> None:
    text = "Sở Y tế" + "\x00\x01\x02" * 10 + "\ue000"
    assert _printable_share(text) == _share_by_definition(text) < MIN_PRINTABLE_SHARE
