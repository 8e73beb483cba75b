"""The công văn đôn đốc reopened with python-docx."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
from report_samples import LETTERHEAD, SYT, urge_letter

from tracker.domain.report import Letterhead
from tracker.reports import export_urge_letter


def open_letter(**kwargs) -> docx.document.Document:
    data = kwargs.pop("data", None) or urge_letter()
    return docx.Document(io.BytesIO(export_urge_letter(data, **kwargs)))


def lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def test_header_subject_and_recipient() -> None:
    letter = open_letter(letterhead=LETTERHEAD, lang="vi")
    left, right = letter.tables[0].rows[0].cells
    assert lines(left) == ["TỈNH ỦY TÂY NINH", "VĂN PHÒNG", "", "Số:        /VPTU",
                           "V/v đôn đốc thực hiện nhiệm vụ quá hạn"]
    assert lines(right)[-1] == "Tây Ninh, ngày 02 tháng 8 năm 2021"
    texts = [p.text for p in letter.paragraphs]
    assert "Kính gửi: Sở Y tế." in texts
    assert any(t.startswith("Theo dõi tình hình thực hiện") and "tính đến ngày 01/08/2021, Sở Y tế còn 2 nhiệm vụ"
               in t for t in texts)
    assert any(t.startswith("Đề nghị Sở Y tế khẩn trương") for t in texts)
    # the office under its parent body, as a sentence writes it: "Văn phòng Tỉnh ủy Tây Ninh"
    assert "Kết quả thực hiện gửi về Văn phòng Tỉnh ủy Tây Ninh trước ngày 06/08/2021 để tổng hợp, báo cáo." in texts


def test_office_named_in_full_keeps_its_capitals() -> None:
    head = replace(LETTERHEAD, parent_body="UBND TỈNH TÂY NINH", issuing_body="VĂN PHÒNG UBND TỈNH")
    texts = [p.text for p in open_letter(letterhead=head, lang="vi").paragraphs]
    assert "Kết quả thực hiện gửi về Văn phòng UBND tỉnh trước ngày 06/08/2021 để tổng hợp, báo cáo." in texts


def test_table_of_overdue_tasks_with_sources_and_deadlines() -> None:
    letter = open_letter(letterhead=LETTERHEAD, lang="vi")
    table = letter.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Văn bản", "Nội dung nhiệm vụ", "Thời hạn", "Số ngày quá hạn", "Tiến độ mới nhất"]
    assert rows[1] == ["1", "230-CV/TU ngày 04/07/2021, mục 3.1",
                       "Bảo đảm đủ trang thiết bị, vật tư y tế cho các khu cách ly tập trung", "11/07/2021", "21",
                       "Đã tiếp nhận 60% trang thiết bị"]
    assert rows[2][:5] == ["2", "230-CV/TU ngày 04/07/2021, mục 4",
                           "Tăng cường kiểm tra việc thực hiện giãn cách xã hội", "25/07/2021", "7"]
    assert len(rows) == 3


def test_recipients_start_with_as_above_and_signature() -> None:
    letter = open_letter(letterhead=LETTERHEAD, lang="vi")
    left, right = letter.tables[-1].rows[0].cells
    assert lines(left) == ["Nơi nhận:", "- Như trên;", "- Thường trực Tỉnh ủy (b/c);",
                           "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy;", "- Lưu: VT."]
    assert [x for x in lines(right) if x.strip()] == ["T/L CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn An"]


def test_party_style_letter_number() -> None:
    letter = open_letter(letterhead=LETTERHEAD, style="party", lang="vi")
    left, right = letter.tables[0].rows[0].cells
    assert "Số        -CV/VPTU" in lines(left) and "*" in lines(left)
    assert lines(right)[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_body_without_overdue_tasks_and_blank_settings() -> None:
    data = replace(urge_letter(), tasks=(), reply_by=None)
    letter = open_letter(data=data, letterhead=Letterhead(), lang="vi")
    texts = [p.text for p in letter.paragraphs]
    assert f"Không có nhiệm vụ quá hạn của {SYT} tính đến ngày 01/08/2021." in texts
    assert "Kết quả thực hiện gửi về cơ quan theo dõi để tổng hợp, báo cáo." in texts
    assert len(letter.tables) == 2


def test_english_letter() -> None:
    letter = open_letter(letterhead=LETTERHEAD, lang="en")
    texts = [p.text for p in letter.paragraphs]
    assert "To: Sở Y tế." in texts
    assert "Re: overdue tasks to be completed" in lines(letter.tables[0].rows[0].cells[0])
    assert [c.text for c in letter.tables[1].rows[0].cells][:3] == ["No.", "Directive", "Task"]
