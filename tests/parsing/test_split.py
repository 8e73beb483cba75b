"""Document split, header fields, signature and stray pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.domain.enums import DocumentType
from tracker.parsing.normalize import normalize
from tracker.parsing.split import (
    clean_number,
    issuer_name,
    match_place,
    parse_header,
    parse_signature,
    split_documents,
)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _docs(name: str) -> list:
    return split_documents(normalize((SAMPLES / name).read_text(encoding="utf-8")).lines)


@pytest.mark.parametrize(("written", "expected"), [
    ("3953 /UBND-KGVX", "3953/UBND-KGVX"),
    ("261 - CV/TU", "261-CV/TU"),
    ("470 -CV/TU", "470-CV/TU"),
    ("08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021", "08/CT-CTUBND"),
    ("", None),
])
def test_number_is_cleaned(written: str, expected: str | None) -> None:
    assert clean_number(written) == expected


def test_issuer_names_get_normal_capitalisation() -> None:
    assert issuer_name("TỈNH ỦY TÂY NINH") == "Tỉnh ủy Tây Ninh"
    assert issuer_name("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG") == "Ủy ban nhân dân tỉnh Đắk Nông"
    assert issuer_name("TỈNH UỶ ĐẮK NÔNG") == "Tỉnh ủy Đắk Nông"


def test_places_match_loosely() -> None:
    assert match_place("Hung Yên") == "Hưng Yên"
    assert match_place("Đắk Nông") == "Đắk Nông"
    assert match_place("Buôn Ma Thuột") == "Buôn Ma Thuột"


def test_sample_002_holds_four_documents_in_order() -> None:
    docs = _docs("002_27dc91951817d64b.txt")
    headers = [parse_header(d) for d in docs]
    assert [h.number for h in headers] == ["3953/UBND-KGVX", "473-CV/TU", "470-CV/TU", "446-TB/TU"]
    assert [h.issuer for h in headers] == ["Ủy ban nhân dân tỉnh Đắk Nông"] + ["Tỉnh ủy Đắk Nông"] * 3
    assert [h.issue_date for h in headers] == [date(2021, 7, 24), date(2021, 7, 24), date(2021, 7, 22),
                                              date(2021, 7, 23)]
    assert headers[3].doc_type == DocumentType.THONG_BAO
    assert headers[3].subject.startswith("Ý kiến chỉ đạo của Thường trực Tỉnh ủy")
    assert headers[0].subject == ("triển khai ý kiến chỉ đạo của Thường trực Tỉnh ủy về phòng, chống dịch "
                                  "Covid-19")
    assert headers[1].recipients[0] == "Ban cán sự đảng UBND tỉnh"


def test_stray_page_goes_to_the_document_it_continues() -> None:
    docs = _docs("002_27dc91951817d64b.txt")
    doc_473, doc_470 = docs[1], docs[2]
    text_473 = "\n".join(line.text for line in doc_473)
    text_470 = "\n".join(line.text for line in doc_470)
    assert "6. Ban Tuyên giáo Tỉnh ủy tập trung" not in text_473
    assert "6. Ban Tuyên giáo Tỉnh ủy tập trung" in text_470
    assert "cản trở công tác phòng, chống dịch." in text_470
    sig_470 = parse_signature(doc_470, 0)
    assert sig_470.signer == "Điền Kré"
    assert parse_signature(doc_473, 0).signer is None


def test_issuer_from_number_suffix_and_place() -> None:
    header = parse_header(_docs("003_8df5456b6e532735.txt")[0])
    assert (header.number, header.issuer, header.issue_date) == ("261-CV/TU", "Tỉnh ủy Hưng Yên", date(2021, 5, 8))


def test_two_column_header_flattened_into_pipes() -> None:
    text = ("| ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "| Số: 08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021 |\n\nCHỈ THỊ\n"
            "Về việc tăng cường phòng, chống dịch Covid-19\n\n"
            "1. Các sở, ban, ngành thực hiện nghiêm các biện pháp phòng, chống dịch theo quy định hiện hành.\n")
    doc = split_documents(normalize(text).lines)[0]
    header = parse_header(doc)
    assert header.number == "08/CT-CTUBND"
    assert header.issuer == "Ủy ban nhân dân tỉnh Vĩnh Phúc"
    assert header.issue_date == date(2021, 5, 21)
    assert header.doc_type == DocumentType.CHI_THI
    assert header.subject == "Về việc tăng cường phòng, chống dịch Covid-19".removeprefix("Về việc ")


def test_signature_block() -> None:
    doc = _docs("001_70c689f8585888e1.txt")[0]
    sig = parse_signature(doc, 0)
    assert (sig.authority, sig.title, sig.signer) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Hùng Thái")


def test_number_and_date_on_one_line_sub_organisation_and_capital_signer() -> None:
    text = ("UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\nSố: 125/SYT-NVY        Lâm Đồng, ngày 5 tháng 8 năm 2021\n"
            "V/v: triển khai tiêm chủng vắc xin phòng Covid-19\n\nKính gửi: Trung tâm Y tế các huyện, thành phố.\n\n"
            "Sở Y tế đề nghị các đơn vị khẩn trương thực hiện các nội dung sau đây để bảo đảm tiến độ tiêm chủng:\n"
            "1/ Rà soát danh sách đối tượng tiêm, gửi về Sở Y tế trước 17 giờ ngày 10/8/2021.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n(Đã ký)\nNGUYỄN VĂN TÂM\n")
    doc = split_documents(normalize(text).lines)[0]
    header = parse_header(doc)
    assert (header.number, header.issue_date, header.place) == ("125/SYT-NVY", date(2021, 8, 5), "Lâm Đồng")
    assert header.issuer == "Sở Y tế tỉnh Lâm Đồng"
    assert header.subject == "triển khai tiêm chủng vắc xin phòng Covid-19"
    assert parse_signature(doc, 0).signer == "Nguyễn Văn Tâm"


def test_a_sentence_starting_with_so_is_not_a_new_document() -> None:
    text = ("Số 230-CV/TU\n\nTây Ninh, ngày 04 tháng 7 năm 2021\n\n"
            "1. Sở Y tế theo dõi chặt chẽ tình hình dịch bệnh trên địa bàn và báo cáo kịp thời cho Ủy ban nhân dân tỉnh.\n\n"
            "Số 15 ca mắc mới được ghi nhận\n\n"
            "2. Công an tỉnh bảo đảm an ninh trật tự tại các khu cách ly tập trung trên địa bàn toàn tỉnh theo quy định.\n")
    assert len(split_documents(normalize(text).lines)) == 1
