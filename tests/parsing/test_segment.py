"""Items: labels, nesting, headings, continuation paragraphs, closing sentences."""

from __future__ import annotations

from pathlib import Path

from tracker.parsing.normalize import normalize
from tracker.parsing.segment import segment
from tracker.parsing.split import parse_header, split_documents

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _segmented(text: str, index: int = 0):
    doc = split_documents(normalize(text).lines)[index]
    return segment(doc, parse_header(doc).body_start)


def _sample(name: str, index: int = 0):
    return _segmented((SAMPLES / name).read_text(encoding="utf-8"), index)


def test_heading_with_dash_sub_items() -> None:
    seg = _sample("001_70c689f8585888e1.txt")
    refs = [node.ref for node in seg.leaves()]
    assert refs == ["1", "2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "4", "5"]
    assert [h.ref for h in seg.headings()] == ["3"]
    # the broken line "cụm công / nghiệp" is one item
    assert "khu, cụm công nghiệp, bảo đảm" in seg.leaves()[2].text


def test_closing_sentences_are_kept_apart() -> None:
    seg = _sample("001_70c689f8585888e1.txt")
    assert [t for _, t in seg.closing] == ["Các cấp ủy, tổ chức đảng, cơ quan, đơn vị thực hiện tốt nội dung Công văn này."]
    assert "Công văn này" not in seg.leaves()[-1].full_text


def test_top_level_dashes_and_continuation_paragraphs() -> None:
    seg = _sample("004_7f7b8d1f54fb288e.txt")
    leaves = seg.leaves()
    assert [n.ref for n in leaves] == ["1", "2", "3", "4", "5"]
    assert len(leaves[0].continuation) == 2  # the plain paragraphs under the first dash
    assert leaves[0].continuation[1][1].startswith("Từng Đảng bộ")
    assert seg.closing[0][1].startswith("Giao Văn phòng Tỉnh ủy chủ trì")


def test_dash_labels_after_numbers() -> None:
    seg = _sample("003_8df5456b6e532735.txt")
    leaves = seg.leaves()
    assert [n.ref for n in leaves] == ["1", "2", "3", "4", "5"]
    assert leaves[0].continuation[0][1].startswith("Thực hiện tiến độ tiêm vắc-xin")


def test_letters_roman_numerals_and_decimals() -> None:
    text = (
        "Số: 12/KH-UBND\n\nTây Ninh, ngày 02 tháng 8 năm 2021\n\n"
        "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện các nhiệm vụ trọng tâm như sau đây để các đơn vị triển khai:\n\n"
        "I. NHIỆM VỤ CHUNG\n\n"
        "1. Sở Y tế chủ trì triển khai kế hoạch tiêm chủng trên địa bàn tỉnh theo hướng dẫn.\n\n"
        "2. Các sở, ngành:\n\n"
        "a) Rà soát nhân lực;\n\nb) Báo cáo kết quả hằng tuần.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\n"
        "2.1. Công an tỉnh bảo đảm an ninh trật tự tại các khu cách ly tập trung.\n\n"
        "2.2. Sở Tài chính bố trí kinh phí thực hiện kế hoạch.\n"
    )
    seg = _segmented(text)
    assert [n.ref for n in seg.leaves()] == ["I.1", "I.2.a", "I.2.b", "2.1", "2.2"]


def test_no_items_gives_an_empty_tree() -> None:
    seg = _segmented("Một đoạn văn bản bất kỳ không có mục nào được đánh số, chỉ là lời văn liên tục và dài hơn tám mươi ký tự.")
    assert seg.leaves() == []


def test_ordinal_and_slash_labels() -> None:
    text = ("Số: 5/KH-UBND\n\nTây Ninh, ngày 02 tháng 8 năm 2021\n\n"
            "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành tập trung thực hiện những nhiệm vụ trọng tâm sau đây trong tháng:\n\n"
            "Một là, nâng cao nhận thức của cán bộ về công tác phòng, chống dịch.\n\n"
            "Hai là, tăng cường kiểm tra việc chấp hành các quy định phòng, chống dịch.\n\n"
            "1/ Sở Y tế chủ trì tổ chức tiêm chủng.\n\n2/ Công an tỉnh bảo đảm an ninh trật tự.\n")
    seg = _segmented(text)
    # "Hai là, ..." does not end in ":" so it stays an item; the "1/" items under it are its children
    assert [n.ref for n in seg.leaves()] == ["1", "2", "2.1", "2.2"]
    assert seg.leaves()[0].text.startswith("nâng cao nhận thức")


_CONCLUSION = """TỈNH ỦY HÀ NAM
Số 99-TB/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nam, ngày 05 tháng 9 năm 2023

THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY

Tại hội nghị ngày 31/8/2023, Ban Thường vụ Tỉnh ủy kết luận như sau:

{first}
Trong 8 tháng đầu năm, tình hình kinh tế - xã hội của tỉnh tiếp tục phát triển ổn định.
II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI
1. Ban cán sự đảng UBND tỉnh tập trung tháo gỡ khó khăn cho các dự án trọng điểm.
2. Sở Y tế tổng kết công tác phòng, chống dịch.

T/M BAN THƯỜNG VỤ
BÍ THƯ
"""


def test_a_section_that_looks_back_holds_no_tasks() -> None:
    for title in ("I. ĐÁNH GIÁ CHUNG", "I. Kết quả đạt được:", "I. Về tình hình 8 tháng đầu năm",
                  "I. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "I. MỤC ĐÍCH, YÊU CẦU", "I. Mục đích và yêu cầu"):
        seg = _segmented(_CONCLUSION.format(first=title))
        assert [node.ref for node in seg.leaves()] == ["II.1", "II.2"], title


def test_a_section_that_also_names_the_tasks_keeps_them() -> None:
    seg = _segmented(_CONCLUSION.format(first="I. ĐÁNH GIÁ TÌNH HÌNH VÀ NHIỆM VỤ THỜI GIAN TỚI"))
    assert [node.ref for node in seg.leaves()] == ["I", "II.1", "II.2"]
    seg = _segmented(_CONCLUSION.format(first="I. Sở Tài chính đánh giá kết quả thực hiện dự toán."))
    assert [node.ref for node in seg.leaves()] == ["I", "II.1", "II.2"]


def test_decimal_labels_that_do_not_continue_their_section_get_its_ref_first() -> None:
    text = (
        "Số: 12/KH-UBND\n\nTây Ninh, ngày 02 tháng 8 năm 2021\n\n"
        "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện các nhiệm vụ trọng tâm như sau đây để các đơn vị triển khai:\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n1.1. Sở Y tế rà soát nhân lực.\n\n1.2. Sở Tài chính bố trí kinh phí.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\n1.1. Công an tỉnh bảo đảm an ninh trật tự.\n\n1.2. Văn phòng báo cáo kết quả.\n"
    )
    assert [n.ref for n in _segmented(text).leaves()] == ["II.1.1", "II.1.2", "III.1.1", "III.1.2"]


def test_a_number_read_with_a_comma_is_a_label_only_where_it_continues_the_numbering() -> None:
    head = "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 6241/UBND-KT\nThái Nguyên, ngày 21 tháng 10 năm 2026\n\n"
    seg = _segmented(head + "3. Sở Văn hóa, Thể thao và Du lịch tổ chức Tuần hàng Việt.\n\n"
                     "4, Ủy ban nhân dân các xã, phường khẩn trương rà soát mặt bằng.\n")
    assert [(node.ref, node.text[:9]) for node in seg.leaves()] == [("3", "Sở Văn hó"), ("4", "Ủy ban nh")]
    # "2," after "3." (or with nothing before it) is a paragraph of the item above
    seg = _segmented(head + "3. Sở Văn hóa, Thể thao và Du lịch tổ chức Tuần hàng Việt.\n\n"
                     "2, Ủy ban nhân dân các xã, phường khẩn trương rà soát mặt bằng.\n")
    assert [node.ref for node in seg.leaves()] == ["3"]
    assert "2, Ủy ban" in seg.leaves()[0].full_text
