"""An agency's name written in capitals (a letterhead) as a sentence writes it."""

from __future__ import annotations

import pytest

from tracker.domain.text import name_in_sentence


@pytest.mark.parametrize(("capitals", "in_sentence"), [
    ("VĂN PHÒNG", "Văn phòng"),
    ("VĂN PHÒNG TỈNH ỦY TÂY NINH", "Văn phòng Tỉnh ủy Tây Ninh"),
    ("VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh"),
    ("VĂN PHÒNG HĐND TỈNH", "Văn phòng HĐND tỉnh"),
    ("ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC", "Ủy ban nhân dân tỉnh Vĩnh Phúc"),
    ("UỶ BAN NHÂN DÂN XÃ TÂN BÌNH", "Uỷ ban nhân dân xã Tân Bình"),  # the old tone placement is kept
    ("VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Văn phòng Ủy ban nhân dân thành phố Hà Nội"),
    ("VĂN PHÒNG HUYỆN ỦY CHÂU THÀNH", "Văn phòng Huyện ủy Châu Thành"),
    ("BAN TUYÊN GIÁO TỈNH ỦY", "Ban Tuyên giáo Tỉnh ủy"),
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("SỞ Y TẾ", "Sở Y tế"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ("SỞ TT&TT", "Sở TT&TT"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
])
def test_capitals_become_the_sentence_form(capitals: str, in_sentence: str) -> None:
    assert name_in_sentence(capitals) == in_sentence


@pytest.mark.parametrize("written", ["Văn phòng Tỉnh ủy", "Sở Y tế", "", "  "])
def test_a_name_not_in_capitals_is_left_as_written(written: str) -> None:
    assert name_in_sentence(written) == written.strip()
