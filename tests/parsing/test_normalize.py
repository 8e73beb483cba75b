"""Normalisation: marks, page numbers, e-signature stamps, duplicate pages, broken lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.text import single_spaced
from tracker.parsing.normalize import _is_footer, _is_mark_line, clean_line, normalize
from tracker.parsing.rules.marks import PAGE_NUMBER, RULE_LINE

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def test_ocr_and_markdown_marks_are_removed() -> None:
    assert clean_line("Số: ~~3953~~ /UBND-KGVX") == "Số: 3953 /UBND-KGVX"
    assert clean_line("Số 470^{*} -CV/TU") == "Số 470 -CV/TU"
    assert clean_line("- Lưu VPTU, P.KT-XH^{Th.H}.") == "- Lưu VPTU, P.KT-XH."
    assert clean_line("Số **261** - CV/TU") == "Số 261 - CV/TU"
    assert clean_line("(*gửi kèm theo*); Ủy ban") == "(gửi kèm theo); Ủy ban"
    assert clean_line("- Kính gửi:*") == "- Kính gửi:"
    assert clean_line("*") == ""


def test_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Ủy ban")
    assert decomposed != "Ủy ban"
    assert normalize(decomposed).text == "Ủy ban"


def test_page_number_and_signature_stamp_are_dropped() -> None:
    text = ("Nội dung cuối trang.\n\n26\n\nNgười ký: Tỉnh ủy Đắk\nNông\nEmail: Tinh uy@TUDaknong\n"
            "Cơ quan: Tỉnh ủy Đắk Nông\nThời gian ký: 24.07.2021\n10:45:30 +07:00\n\nTỈNH ỦY ĐẮK NÔNG")
    lines = [line.text for line in normalize(text).lines if line.text]
    assert lines == ["Nội dung cuối trang.", "TỈNH ỦY ĐẮK NÔNG"]


def test_word_broken_across_a_page_is_rejoined_and_keeps_its_origin() -> None:
    text = ("2. Bí thư các huyện ủy thực hiện nghiêm các giải pháp giãn cách, cách ly, tiêm vắc-xin, đặc\n\n"
            "biệt là tại các địa phương có nguy cơ cao.")
    lines = normalize(text).lines
    assert len(lines) == 1
    assert "vắc-xin, đặc biệt là tại" in lines[0].text
    assert lines[0].origin == 1


def test_a_finished_sentence_is_not_joined_to_the_next() -> None:
    text = "1. Sở Y tế chuẩn bị phương án bảo đảm đầy đủ nhân lực trong mọi tình huống.\n\nvà các nội dung khác"
    assert len([ln for ln in normalize(text).lines if ln.text]) == 2


def test_a_short_item_line_broken_inside_a_name_is_rejoined_but_not_before_a_label() -> None:
    lines = [line.text for line in normalize(
        "5. Sở Nông nghiệp và Phát\ntriển nông thôn kiểm tra các chốt.\n"
        "1. Công an tỉnh\na) Chủ trì kiểm tra an toàn phòng cháy.\n").lines]
    assert lines == ["5. Sở Nông nghiệp và Phát triển nông thôn kiểm tra các chốt.", "1. Công an tỉnh",
                     "a) Chủ trì kiểm tra an toàn phòng cháy."]


def test_a_word_broken_by_a_hyphen_and_a_running_footer() -> None:
    text = ("3. Sở Nông nghiệp và Môi trư-\nờng chủ trì tiêm vắc-\nxin cho đàn gia súc.\n"
            "UBND tỉnh Nghệ An - CV số 7215/UBND-KT      Trang 1/3\n4. Sở Y tế hướng dẫn.\nTrang 2/3\n")
    assert [line.text for line in normalize(text).lines if line.text] == [
        "3. Sở Nông nghiệp và Môi trường chủ trì tiêm vắc-xin cho đàn gia súc.", "4. Sở Y tế hướng dẫn."]


def test_repeated_page_adds_nothing() -> None:
    long = "Căn cứ chức năng, nhiệm vụ được giao, các cấp, các ngành chủ động phối hợp, đề xuất các chính sách."
    other = "2. Một mục khác đủ dài để là một đoạn văn của văn bản chỉ đạo, lặp lại khi máy quét chụp hai lần."
    text = f"{long}\n\n{other}\n\n3. Mục ba.\n\n{long}\n\n{other}"
    texts = [ln.text for ln in normalize(text).lines if ln.text]
    assert texts.count(long) == 1 and texts.count(other) == 1


def test_one_sentence_said_twice_is_kept() -> None:
    """The same instruction under two items is not a scanner's repeated page."""
    same = "- Tăng cường công tác tuyên truyền, phổ biến các chủ trương, chính sách của Đảng và Nhà nước."
    text = f"1. Sở Y tế:\n\n{same}\n\n2. Sở Tài chính:\n\n{same}"
    texts = [ln.text for ln in normalize(text).lines if ln.text]
    assert texts.count(same) == 2


def test_sample_002_loses_its_stamps_page_numbers_and_duplicate_page() -> None:
    text = (SAMPLES / "002_27dc91951817d64b.txt").read_text(encoding="utf-8")
    normalized = normalize(text)
    joined = normalized.text
    assert "Người ký" not in joined and "+07:00" not in joined
    assert "\n26\n" not in joined
    assert joined.count("5. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh") == 2  # in 3953 and in 470, once each
    origins = [line.origin for line in normalized.lines]
    assert origins == sorted(origins)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", "\u200b", "\u202f", "\u3000", "\ufeff",
                                 "\n", "a", "Ủy", "x y"]), max_size=20))
def test_only_odd_space_runs_are_replaced_with_the_same_result(pieces: list[str]) -> None:
    from tracker.parsing.normalize import _ODD_SPACES, _SPACES

    text = "".join(pieces)
    assert _ODD_SPACES.sub(" ", text) == _SPACES.sub(" ", text)


def test_footnotes_and_a_running_header_at_a_page_break_are_dropped() -> None:
    from tracker.parsing.rules.marks import FOOTNOTE, FOOTNOTE_EXAMPLE

    assert FOOTNOTE.match(FOOTNOTE_EXAMPLE)
    text = ("2. Sở Công Thương thường xuyên kiểm tra việc chấp hành quy định về quản lý\n"
            "____________________\n"
            "(1) Nghị định số 71/2026/NĐ-CP ngày 15/3/2026 của Chính phủ quy định chi tiết.\n"
            "(2) Gồm 12 mỏ đá vôi đang hoạt động trên địa bàn tỉnh.\n"
            "\n"
            "2\n"
            "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\n"
            "\n"
            "vật liệu nổ công nghiệp tại các mỏ khoáng sản; hoàn thành trước ngày 31/01/2027.\n"
            "\n"
            "3. Công an tỉnh tăng cường đấu tranh.\n")
    lines = [line.text for line in normalize(text).lines if line.text]
    # what is left of the page break is the item's two halves (the segmenter reads the second as its paragraph)
    assert lines == ["2. Sở Công Thương thường xuyên kiểm tra việc chấp hành quy định về quản lý",
                     "vật liệu nổ công nghiệp tại các mỏ khoáng sản; hoàn thành trước ngày 31/01/2027.",
                     "3. Công an tỉnh tăng cường đấu tranh."]


def test_an_issuer_line_that_opens_a_document_stays() -> None:
    text = "Văn bản trước kết thúc ở đây\n\nỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 12/UBND-KT\n"
    assert "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" in [line.text for line in normalize(text).lines]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\x0b\x0c\x1c\x85\u00a0\u1680\u2028\u3000aăđ,.1"), max_size=30))
def test_single_spaced_is_only_said_of_text_that_splitting_leaves_alone(text: str) -> None:
    """The duplicate finder keys a line by itself when ``single_spaced`` says so: only right when
    collapsing its white space would not change it."""
    if single_spaced(text):
        assert " ".join(text.split()) == text
    if " ".join(text.split()) == text and " " not in text:
        assert single_spaced(text)  # no white space at all: the fast path is taken


def test_a_scanned_page_repeated_with_odd_white_space_is_still_dropped() -> None:
    para = "Sở Y tế chủ trì, phối hợp với các cơ quan liên quan tổ chức kiểm tra an toàn thực phẩm"
    other = "Sở Công Thương theo dõi diễn biến thị trường, giá cả các mặt hàng thiết yếu trên địa bàn"
    text = f"1. {para}\n2. {other}\n\n1. {para.replace(' ', chr(0x0c), 1)}\n2. {other}\n3. Kết thúc."
    lines = [line.text for line in normalize(text).lines]
    assert lines.count(f"2. {other}") == 1
    assert lines[-1] == "3. Kết thúc."


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("-_—–=~•*oO0 1/9\u00a0\u0663aTrngáx.:"), max_size=14)
       | st.sampled_from(["26", "- 3 -", "Trang 2/4", "-------", "--------o0o--------", "* * *", "___________",
                          "UBND tỉnh Nghệ An - CV số 7215/UBND-KT Trang 1/3", "trang 5", "Số 15", "Đến năm 2025"]))
def test_the_mark_line_pre_check_drops_exactly_what_the_patterns_drop(text: str) -> None:
    expected = bool(PAGE_NUMBER.match(text) or RULE_LINE.match(text) or _is_footer(text))
    assert _is_mark_line(text) == expected


@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\u200b", "\u202f", "\u3000", "\ufeff", " \u00a0", "  "])
def test_a_file_whose_only_odd_space_is_one_character_still_has_it_made_plain(space: str) -> None:
    """normalize skips the space pattern when a file holds no odd space and no double space: one odd
    space anywhere (no tab, no wide gap) must still be found."""
    text = f"1. Sở Y{space}tế chủ trì kiểm tra.\n2. Sở Tài chính bố trí kinh phí."
    assert [line.text for line in normalize(text).lines] == ["1. Sở Y tế chủ trì kiểm tra.",
                                                             "2. Sở Tài chính bố trí kinh phí."]


def test_marks_are_stripped_when_only_one_line_of_the_file_has_them() -> None:
    text = "1. Sở Y tế chủ trì kiểm tra.\n2. **Sở Tài chính** bố trí kinh phí."
    assert [line.text for line in normalize(text).lines][-1] == "2. Sở Tài chính bố trí kinh phí."
