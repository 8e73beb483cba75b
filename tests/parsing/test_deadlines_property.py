"""analyse_timing never raises and always returns a well-formed hint, whatever text it is given."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.enums import RecurrenceFreq, Urgency
from tracker.parsing.deadlines import _ALL_NEEDLES, _needles_in, analyse_timing, occurrences

FRAGMENTS = [
    "trước ngày",
    "chậm nhất",
    "hằng tháng",
    "hàng ngày",
    "trong",
    "ngày",
    "làm việc",
    "quý",
    "III",
    "/",
    "-",
    ".",
    ";",
    ":",
    "(",
    ")",
    "khẩn trương",
    "ngay",
    "khi",
    "trường hợp",
    "thường xuyên",
    "Tết",
    "Nguyên đán",
    "Nhâm Dần",
    "cuối năm",
    "tháng",
    "6 tháng đầu năm",
    "thứ Sáu",
    "hằng tuần",
    "giờ",
    "31",
    "30",
    "29/2",
    "0",
    "00",
    "99",
    "2021",
    "12",
    "13",
    "45",
    "lần/",
    "định kỳ",
    "kể từ",
    "\n",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.integers(0, 3000).map(str)), max_size=40).map(" ".join),
)
issue_dates = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))


@settings(max_examples=200, deadline=None)
@given(texts, issue_dates, st.one_of(st.none(), texts))
def test_never_raises_and_fits_the_schema(text: str, issued: date | None, intro: str | None) -> None:
    hint = analyse_timing(text, issued, intro)
    assert hint.raw is None or isinstance(hint.raw, str)
    assert hint.due is None or isinstance(hint.due, date)
    if hint.due is not None and issued is not None:
        assert issued <= hint.due
    assert hint.recurrence is None or isinstance(hint.recurrence, RecurrenceFreq)
    assert (hint.recurrence is None) == (hint.rrule is None)
    assert hint.urgency is None or isinstance(hint.urgency, Urgency)
    if hint.due is not None or hint.recurrence is not None:
        assert hint.raw
    if hint.rrule is not None:
        start = issued or date(2021, 1, 1)
        occurrences(hint.rrule, start, start, date(start.year + 1, 12, 31))


_CONDITION_PIECES = ["khi", "nếu", "giả", "sử", "trường", "hợp", "trong", " ", "  ", ",", ";", "(", ":", "-", "\n",
                     "a", "x", "khix", "trường hợpx", "làm"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CONDITION_PIECES), max_size=14), st.integers(0, 5), st.integers(0, 5))
def test_condition_word_gate_gives_the_pattern_s_answer(pieces: list[str], cut_start: int, cut_end: int) -> None:
    from tracker.parsing import deadlines

    key = "".join(pieces)
    start, end = min(cut_start, len(key)), max(len(key) - cut_end, 0)
    found = deadlines._CONDITION_RE.search(key, start, end)
    assert deadlines._without_condition(key, start, end) == (found.start() if found else end)


_SEPARATORS = [" ", "  ", "\n", "\t", "\x0c", " \n "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*_ALL_NEEDLES, "nă", "m", "hà", "ng", "x"]), st.sampled_from(_SEPARATORS)),
                max_size=8))
def test_needles_found_are_every_needle_the_flattened_text_holds(pieces: list[tuple[str, str]]) -> None:
    """The needle pre-check skips a needle whose shorter needle is absent and reads a single-spaced
    text without splitting it: it must find exactly the needles a plain search finds (words of a
    needle may be apart by any white space in the text)."""
    key = "".join(separator.join(word.split(" ")) + separator for word, separator in pieces)
    flat = " ".join(key.split())
    assert _needles_in.__wrapped__(key) == {needle for needle in _ALL_NEEDLES if needle in flat}
