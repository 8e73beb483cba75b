"""The parser never raises on random or mangled text, and its output always fits the schema."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.domain.enums import DocumentType, RecurrenceFreq, TaskRole, Urgency
from tracker.domain.parsed import ExtractionResult, SourceText
from tracker.parsing.extract import extract

SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[2] / "sample_docs").glob("*.txt"))]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _source(text: str) -> SourceText:
    return SourceText("x.txt", text, "utf-8", hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def _opt(value: object, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def assert_fits_schema(result: ExtractionResult) -> None:
    assert isinstance(result.documents, tuple) and isinstance(result.issues, tuple)
    for doc in result.documents:
        assert _opt(doc.number, str) and _opt(doc.issuer, str) and _opt(doc.subject, str)
        assert _opt(doc.signer, str) and _opt(doc.monitor, str) and _opt(doc.place, str)
        assert _opt(doc.issue_date, date) and isinstance(doc.doc_type, DocumentType)
        assert all(isinstance(r, str) for r in doc.recipients)
        assert doc.line_offset >= 0
        for item in (*doc.items, *doc.headings):
            assert isinstance(item.ref, str) and item.ref
            assert isinstance(item.text, str)
            assert 1 <= item.line_start <= item.line_end
            for body in item.bodies:
                assert isinstance(body.name, str) and body.name.strip()
                assert isinstance(body.role, TaskRole) and isinstance(body.known, bool)
            hint = item.deadline
            assert _opt(hint.due, date) and _opt(hint.raw, str) and _opt(hint.rrule, str)
            assert hint.recurrence is None or isinstance(hint.recurrence, RecurrenceFreq)
            assert hint.urgency is None or isinstance(hint.urgency, Urgency)
        for issue in doc.issues:
            assert issue.code.startswith("parse.") and issue.code != "parse.internal_error"
    for issue in result.issues:
        assert issue.code != "parse.internal_error", issue.detail


@SETTINGS
@given(st.text(max_size=3000))
def test_random_unicode(text: str) -> None:
    assert_fits_schema(extract(_source(text)))


_LINE_PIECES = st.sampled_from([
    "TỈNH ỦY TÂY NINH", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 230-CV/TU", "Số: ~~3953~~ /UBND-KGVX", "V/v tăng cường",
    "Tây Ninh, ngày 04 tháng 7 năm 2021", "Kính gửi:", "- Các sở, ban, ngành;", "1. Sở Y tế chủ trì, phối hợp với",
    "a) Giao Công an tỉnh", "- Các Đảng uỷ: Công an, Quân sự", "II.", "Nơi nhận:", "T/M BAN THƯỜNG VỤ",
    "PHÓ BÍ THƯ", "Phạm Hùng Thái", "Người ký: X", "Thời gian ký: 24.07.2021", "10:45:30 +07:00", "26", "",
    "**", "^{*}", ":", "Căn cứ chức năng, nhiệm vụ được giao, các Sở, Ban, ngành", "trước ngày 31/2", "(", ")",
])


@SETTINGS
@given(st.lists(st.one_of(_LINE_PIECES, st.text(max_size=80)), max_size=80))
def test_random_directive_shaped_lines(lines: list[str]) -> None:
    assert_fits_schema(extract(_source("\n".join(lines))))


@SETTINGS
@given(st.sampled_from(SAMPLE_TEXTS), st.randoms(use_true_random=False))
def test_shuffled_sample_lines(text: str, rnd) -> None:  # type: ignore[no-untyped-def]
    lines = text.split("\n")
    rnd.shuffle(lines)
    assert_fits_schema(extract(_source("\n".join(lines))))


@SETTINGS
@given(st.sampled_from(SAMPLE_TEXTS), st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_and_sliced_samples(text: str, a: float, b: float) -> None:
    start, end = sorted((int(a * len(text)), int(b * len(text))))
    assert_fits_schema(extract(_source(text[start:end])))
    assert_fits_schema(extract(_source(text[:end])))


@SETTINGS
@given(st.sampled_from(SAMPLE_TEXTS), st.lists(st.tuples(st.floats(0, 1), st.text(max_size=5)), max_size=30))
def test_samples_with_random_edits(text: str, edits: list[tuple[float, str]]) -> None:
    chars = list(text)
    for where, insert in edits:
        pos = int(where * len(chars))
        chars[pos:pos + 1] = list(insert)
    assert_fits_schema(extract(_source("".join(chars))))


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_decoded_loosely(data: bytes) -> None:
    assert_fits_schema(extract(_source(data.decode("utf-8", "replace"))))


def test_samples_fit_the_schema() -> None:
    for text in SAMPLE_TEXTS:
        result = extract(_source(text))
        assert result.documents
        assert_fits_schema(result)
