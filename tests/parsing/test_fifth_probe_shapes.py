"""Shapes from the fifth probe set (docs/probe_directives/t01-t10), each in a short text written for
the test."""

from __future__ import annotations

from tracker.domain.parsed import ParsedItem, SourceText
from tracker.parsing.extract import extract


def _items(text: str) -> dict[str, ParsedItem]:
    result = extract(SourceText("t.txt", text, "utf-8", "0"))
    return {item.ref: item for doc in result.documents for item in doc.items}


_LETTER = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 612/SNNMT-VP
V/v triển khai nhiệm vụ tháng cuối năm

Thanh Hóa, ngày 03 tháng 12 năm 2026

Giám đốc Sở yêu cầu các phòng, đơn vị thực hiện các nội dung sau:
{body}

GIÁM ĐỐC

Lê Đức Thắng
"""


def test_star_bullets_under_a_heading_are_its_sub_items() -> None:
    body = ("1) Về quản lý đất đai, giao Trưởng phòng Quản lý đất đai:\n"
            "* Khẩn trương hoàn thành thẩm định hồ sơ giao đất tồn đọng, xong trước 31/12.\n"
            "* Kiểm tra các cơ sở có nguy cơ gây ô nhiễm môi trường cao.\n"
            "2) Chi cục Kiểm lâm bố trí lực lượng trực 24/24 giờ.")
    items = _items(_LETTER.format(body=body))
    assert list(items) == ["1.1", "1.2", "2"]
    assert items["1.2"].text == "Kiểm tra các cơ sở có nguy cơ gây ô nhiễm môi trường cao."
    assert [b.name for b in items["1.2"].bodies] == ["Trưởng phòng Quản lý đất đai"]
    assert str(items["1.1"].deadline.due) == "2026-12-31"


def test_a_star_without_a_space_after_it_opens_no_item() -> None:
    body = ("1. Chi cục Kiểm lâm bố trí lực lượng trực 24/24 giờ.\n"
            "*Lưu ý: lực lượng trực phải có mặt đủ.\n"
            "2. Trung tâm Khuyến nông tuyên truyền người dân.")
    items = _items(_LETTER.format(body=body))
    assert list(items) == ["1", "2"]
    assert "Lưu ý" in items["1"].text
