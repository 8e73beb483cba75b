"""Task tables ("STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"):
each row is an item with its lead and cooperating bodies and its time limit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker.domain.enums import RecurrenceFreq, TaskRole, Urgency
from tracker.domain.parsed import SourceText
from tracker.parsing.extract import extract
from tracker.parsing.task_table import find_task_tables

DECISION = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 2150/QĐ-UBND
Hà Tĩnh, ngày 12 tháng 9 năm 2023

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chương trình cải cách hành chính năm 2023-2024

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình cải cách hành chính.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hải

PHỤ LỤC
DANH MỤC NHIỆM VỤ
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| 1 | Rà soát, đơn giản hóa thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ban, ngành | Trước ngày 30/11/2023 |
| 2 | Xây dựng kho dữ liệu số hóa hồ sơ | Sở Thông tin và Truyền thông | Sở Tài chính | Quý IV/2023 |
| 3 | Tuyên truyền về cải cách hành chính | Sở Nội vụ | UBND các huyện, thị xã | Thường xuyên |
| 4 | Tự đánh giá chỉ số cải cách hành chính | Các sở, ban, ngành | | Hằng quý |
"""

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 88/KH-UBND
Quảng Trị, ngày 03 tháng 4 năm 2024

KẾ HOẠCH
Triển khai thực hiện chuyển đổi số năm 2024

I. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.
2. Các cơ quan, đơn vị thực hiện các nhiệm vụ sau:
STT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn
(1) | (2) | (3) | (4)
I | Hạ tầng số | |
1 | Nâng cấp mạng truyền số liệu chuyên dùng | Sở Thông tin và Truyền thông | Tháng 6/2024
II | Dữ liệu số | |
1 | Xây dựng cơ sở dữ liệu đất đai | Sở Tài nguyên và Môi trường | Năm 2024
STT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn
2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | 6 tháng đầu năm 2024
3. Văn phòng UBND tỉnh theo dõi, tổng hợp.
"""


def _items(text: str) -> dict:
    doc = extract(SourceText("t.txt", text, "utf-8", "0")).documents[0]
    return {item.ref: item for item in doc.items}


def test_an_annex_table_gives_one_item_per_row() -> None:
    items = _items(DECISION)
    assert list(items) == ["1", "2", "3", "4"]
    first = items["1"]
    assert first.text == "Rà soát, đơn giản hóa thủ tục hành chính"
    assert [(b.name, b.role) for b in first.bodies] == [("Văn phòng Ủy ban nhân dân tỉnh", TaskRole.LEAD),
                                                       ("Sở, ban, ngành tỉnh", TaskRole.COOPERATING)]
    assert (first.deadline.due, first.deadline.raw) == (date(2023, 11, 30), "Trước ngày 30/11/2023")
    assert (items["2"].deadline.due, items["2"].deadline.raw) == (date(2023, 12, 31), "Quý IV/2023")
    assert items["3"].deadline.urgency == Urgency.ONGOING and items["3"].deadline.due is None
    assert [b.role for b in items["3"].bodies] == [TaskRole.LEAD, TaskRole.COOPERATING, TaskRole.COOPERATING]
    quarterly = items["4"].deadline
    assert (quarterly.recurrence, quarterly.due, quarterly.raw) == (RecurrenceFreq.QUARTERLY, None, "Hằng quý")
    assert [(b.name, b.role) for b in items["4"].bodies] == [("Sở, ban, ngành tỉnh", TaskRole.LEAD)]


def test_a_table_inside_the_text_keeps_apart_from_the_numbered_items() -> None:
    items = _items(PLAN)
    # "2. Các cơ quan, đơn vị thực hiện các nhiệm vụ sau:" introduces the table: its rows are the tasks, it is
    # no task of its own (GUIDELINES.md: a heading ending in ":" whose sub-items carry the actions is not listed)
    assert list(items) == ["I.1", "I.3", "PL.I.1", "PL.II.1", "PL.II.2"]
    assert [b.name for b in items["PL.I.1"].bodies] == ["Sở Thông tin và Truyền thông"]
    assert items["PL.I.1"].parent_ref == "PL.I" and items["PL.I.1"].heading_text == "Hạ tầng số"
    assert items["PL.II.1"].deadline.due == date(2024, 12, 31)
    # the header repeated on the next page is not a row; the numbering goes on
    assert items["PL.II.2"].text == "Số hóa hồ sơ hộ tịch"
    assert items["PL.II.2"].deadline.due == date(2024, 6, 30)


def test_header_cells_are_not_a_task_table() -> None:
    lines = ["Số: 08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021",
             "ỦY BAN NHÂN DÂN TỈNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "1 | Sở Y tế | thực hiện nhiệm vụ"]
    assert find_task_tables(lines).rows == ()


def test_a_docx_table_of_tasks_is_read_row_by_row(tmp_path: Path) -> None:
    import docx

    from tracker.ingest.reader import read_file

    document = docx.Document()
    for line in DECISION.split("PHỤ LỤC")[0].splitlines():
        document.add_paragraph(line)
    document.add_paragraph("PHỤ LỤC")
    rows = [line.strip("| ").split(" | ") for line in DECISION.splitlines() if line.startswith("|")]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "qd.docx"
    document.save(path)
    doc = extract(read_file(path)).documents[0]
    assert [(i.ref, i.text, [b.name for b in i.bodies][:1], i.deadline.due) for i in doc.items] == [
        ("1", "Rà soát, đơn giản hóa thủ tục hành chính", ["Văn phòng Ủy ban nhân dân tỉnh"], date(2023, 11, 30)),
        ("2", "Xây dựng kho dữ liệu số hóa hồ sơ", ["Sở Thông tin và Truyền thông"], date(2023, 12, 31)),
        ("3", "Tuyên truyền về cải cách hành chính", ["Sở Nội vụ"], None),
        ("4", "Tự đánh giá chỉ số cải cách hành chính", ["Sở, ban, ngành tỉnh"], None),
    ]


FLATTENED = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 3106/QĐ-UBND
Quảng Trị, ngày 05 tháng 12 năm 2026

QUYẾT ĐỊNH
Về việc giao nhiệm vụ khắc phục hậu quả mưa lũ tháng 11 năm 2026

QUYẾT ĐỊNH:
Điều 1. Giao nhiệm vụ cho các cơ quan, đơn vị thực hiện theo Phụ lục đính kèm.
Điều 2. Các cơ quan được giao chủ trì báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo./.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Hoàng Văn Nam

PHỤ LỤC
STT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời hạn hoàn thành
1
Sửa chữa, khôi phục các đoạn đê, kè bị sạt lở
tại xã Hải Lăng và xã Triệu Phong
Sở Nông nghiệp và Môi trường
UBND xã Hải Lăng; UBND xã Triệu Phong
Trước ngày 31/01/2027
2
Hỗ trợ kinh phí sửa chữa trường học bị hư hỏng
Sở Tài chính
Trong quý I/2027
3
Tổng hợp, báo cáo tiến độ khắc phục hậu quả mưa lũ
Sở Nông nghiệp và Môi trường
Các sở, ban, ngành liên quan
Trước ngày 25 hằng tháng
Người lập biểu: Trần Văn B
"""


def test_a_table_read_one_cell_per_line_gives_its_rows() -> None:
    doc = extract(SourceText("qd.txt", FLATTENED, "utf-8", "0")).documents[0]
    items = {item.ref: item for item in doc.items}
    # "Điều 1. Giao nhiệm vụ ... theo Phụ lục" points to the rows; "Điều 2" (report the results) is a task
    assert list(items) == ["2", "PL.1", "PL.2", "PL.3"]
    rows = {ref.removeprefix("PL."): item for ref, item in items.items() if ref.startswith("PL.")}
    first = rows["1"]
    # the content ran over two lines; the row numbers were not dropped as page numbers
    assert first.text == "Sửa chữa, khôi phục các đoạn đê, kè bị sạt lở tại xã Hải Lăng và xã Triệu Phong"
    assert [(b.name, b.role) for b in first.bodies] == [
        ("Sở Nông nghiệp và Môi trường", TaskRole.LEAD), ("Ủy ban nhân dân xã Hải Lăng", TaskRole.COOPERATING),
        ("Ủy ban nhân dân xã Triệu Phong", TaskRole.COOPERATING)]
    assert first.deadline.due == date(2027, 1, 31)
    # a row short of a cell keeps its time in the time column
    assert [b.name for b in rows["2"].bodies] == ["Sở Tài chính"] and rows["2"].deadline.due == date(2027, 3, 31)
    # the last row ends with its time cell: the line after it is not part of it
    assert rows["3"].deadline.recurrence == RecurrenceFreq.MONTHLY
    assert "Người lập biểu" not in rows["3"].text
    # "Các cơ quan được giao chủ trì ... báo cáo": no specific body follows the text up
    assert doc.monitor is None


def test_unflatten_leaves_other_texts_alone() -> None:
    from tracker.parsing.task_table import unflatten_tables

    assert unflatten_tables(["1. Sở Y tế chủ trì.", "2", "Sở Tài chính"]) is None
    # "STT" above lines that are not a table's header cells
    assert unflatten_tables(["STT", "Họ và tên", "Chức vụ", "1", "Nguyễn Văn A", "Giám đốc"]) is None


def test_a_row_whose_content_wraps_over_many_lines_does_not_end_the_table() -> None:
    from tracker.parsing.task_table import unflatten_tables

    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]
    wrapped = ["Rà soát, sửa chữa", "các đoạn đê, kè", "bị sạt lở tại", "xã Hải Lăng", "và xã Triệu Phong"]
    texts = header + ["1", "Lập danh sách hộ bị thiệt hại", "Sở Tài chính", "UBND các xã", "Trước ngày 20/12/2026",
                      "2", *wrapped, "Sở Nông nghiệp và Môi trường", "UBND xã Hải Lăng", "Quý I/2027",
                      "3", "Tổng hợp, báo cáo tiến độ", "Sở Xây dựng", "Các sở, ngành", "Hằng tháng"]
    rows = [text for text in unflatten_tables(texts) or [] if text[:2] in ("1 ", "2 ", "3 ")]
    assert len(rows) == 3
    assert rows[1] == ("2 | " + " ".join(wrapped) + " | Sở Nông nghiệp và Môi trường | UBND xã Hải Lăng | Quý I/2027")
