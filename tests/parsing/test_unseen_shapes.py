"""Shapes met in directives outside the annotated samples (written for these tests)."""

from __future__ import annotations

from tracker.domain.parsed import SourceText
from tracker.parsing.extract import extract

CONCLUSION = """TỈNH ỦY BÌNH ĐỊNH
*
Số 512-TB/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Quy Nhơn, ngày 02 tháng 6 năm 2022

THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY
về tình hình phát triển kinh tế - xã hội 5 tháng đầu năm 2022

Sau khi thảo luận, Ban Thường vụ Tỉnh ủy kết luận như sau:

I. Về nhiệm vụ trọng tâm thời gian tới

1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy tham mưu sơ kết việc thực hiện quy định; báo cáo Ban Thường vụ Tỉnh ủy trong tháng 7/2022.

2. Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo tăng cường giám sát việc thực hiện các nghị quyết.

II. Về công tác phòng, chống thiên tai

Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh và Công an tỉnh chủ động xây dựng phương án ứng phó với bão, lũ năm 2022.

Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo kết luận này.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Nguyễn Văn Dũng
"""


def _items() -> dict[str, list[str]]:
    result = extract(SourceText("kl.txt", CONCLUSION, "utf-8", "0"))
    return {item.ref: [b.name for b in item.bodies] for doc in result.documents for item in doc.items}


def test_a_section_title_above_numbered_items_is_not_a_task() -> None:
    items = _items()
    assert "I" not in items
    assert items["I.1"] == ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]
    assert items["I.2"] == ["Đảng đoàn Hội đồng nhân dân tỉnh"]


def test_va_inside_a_name_does_not_split_it_but_between_names_does() -> None:
    assert _items()["II"] == ["Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh", "Công an tỉnh"]


def test_social_insurance_and_youth_union_are_bodies() -> None:
    text = CONCLUSION.replace(
        "2. Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo tăng cường giám sát việc thực hiện các nghị quyết.",
        "2. Bảo hiểm xã hội tỉnh, Tỉnh đoàn rà soát danh sách người tham gia bảo hiểm xã hội.")
    result = extract(SourceText("kl.txt", text, "utf-8", "0"))
    items = {item.ref: [b.name for b in item.bodies] for doc in result.documents for item in doc.items}
    assert items["I.2"] == ["Bảo hiểm xã hội tỉnh", "Tỉnh đoàn"]


LONG_SUBJECT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI

Số: 1245/UBND-NC

V/v triển khai thực hiện công tác cải cách hành chính và chuyển đổi số trên địa bàn tỉnh năm 2022 và các năm tiếp theo

Quảng Ngãi, ngày 15 tháng 3 năm 2022

Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các huyện, thị xã, thành phố.

Chủ tịch UBND tỉnh yêu cầu:

1. Sở Nội vụ chủ trì tham mưu kế hoạch kiểm tra; hoàn thành trước ngày 31/3/2022.

2. Sở Tài chính bố trí kinh phí.
"""


def test_a_long_subject_on_one_line_keeps_the_directive_whole() -> None:
    """A .docx keeps "V/v ..." as one long paragraph: it is still the header, not body text."""
    result = extract(SourceText("cv.txt", LONG_SUBJECT, "utf-8", "0"))
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.number, doc.issuer, str(doc.issue_date)) == ("1245/UBND-NC", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                                                             "2022-03-15")
    assert doc.subject is not None and doc.subject.endswith("năm 2022 và các năm tiếp theo")
    assert [(i.ref, [b.name for b in i.bodies]) for i in doc.items] == [("1", ["Sở Nội vụ"]), ("2", ["Sở Tài chính"])]


def test_a_department_whose_name_holds_a_verb_stays_whole() -> None:
    text = LONG_SUBJECT.replace("2. Sở Tài chính bố trí kinh phí.",
                                "2. Sở Giáo dục và Đào tạo, Sở Tài chính tạo điều kiện cho các trường học.")
    doc = extract(SourceText("cv.txt", text, "utf-8", "0")).documents[0]
    assert [b.name for b in doc.items[1].bodies] == ["Sở Giáo dục và Đào tạo", "Sở Tài chính"]


TELEGRAM = """BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH
COVID-19 TỈNH QUẢNG NAM
Số: 45/CĐ-BCĐ

Quảng Nam, ngày 02 tháng 8 năm 2021

CÔNG ĐIỆN
Về việc thực hiện các biện pháp cấp bách phòng, chống dịch Covid-19

BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH điện:
- Giám đốc các Sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh;
- Chủ tịch UBND các huyện, thị xã, thành phố.

Để kịp thời ngăn chặn dịch bệnh, Ban Chỉ đạo yêu cầu:
1. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh tăng cường lực lượng hỗ trợ các chốt kiểm soát.
2. Sở Công Thương chỉ đạo ngành điện: bảo đảm cấp điện ổn định cho các khu cách ly.

Văn phòng Ban Chỉ đạo theo dõi, đôn đốc thực hiện Công điện này./.
"""


def test_a_telegrams_addressees_are_its_recipients_not_items() -> None:
    """"... TỈNH điện:" plays the part of "Kính gửi": the dash lines under it are addressees."""
    doc = extract(SourceText("cd.txt", TELEGRAM, "utf-8", "0")).documents[0]
    assert doc.recipients == ("Giám đốc các Sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh",
                              "Chủ tịch UBND các huyện, thị xã, thành phố")
    assert [(i.ref, [b.name for b in i.bodies]) for i in doc.items] == [
        ("1", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]), ("2", ["Sở Công Thương"])]
    assert doc.items[1].text.endswith("cấp điện ổn định cho các khu cách ly.")


def test_rules_drawn_under_the_header_are_not_text() -> None:
    """"-------" under "TỈNH QUẢNG NGÃI" and the motto (a .doc copied as text) is a drawn rule: the
    header is read as without it, and no item is made of it."""
    ruled = LONG_SUBJECT.replace("TỈNH QUẢNG NGÃI\n", "TỈNH QUẢNG NGÃI\n-------\n").replace(
        "Số: 1245/UBND-NC\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "--------o0o--------\nSố: 1245/UBND-NC\n")
    doc = extract(SourceText("cv.txt", ruled, "utf-8", "0")).documents[0]
    assert (doc.number, doc.issuer, str(doc.issue_date)) == ("1245/UBND-NC", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                                                             "2022-03-15")
    assert [(i.ref, [b.name for b in i.bodies]) for i in doc.items] == [("1", ["Sở Nội vụ"]), ("2", ["Sở Tài chính"])]


VP_LETTER = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
VĂN PHÒNG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 4127/VP-KT
V/v triển khai ý kiến chỉ đạo của Chủ tịch UBND tỉnh

Lào Cai, ngày 23 tháng 10 năm 2024

Kính gửi:
- Sở Kế hoạch và Đầu tư;
- Sở Tài nguyên và Môi trường.

Xét Văn bản số 56/CV-HLC ngày 10/10/2024 của Công ty Cổ phần Hoàng Liên về việc đề nghị gia hạn tiến độ dự án; Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:

Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài nguyên và Môi trường kiểm tra thực tế tiến độ thực hiện dự án; báo cáo kết quả trước ngày 05/11/2024.

Sở Tài nguyên và Môi trường rà soát hồ sơ giao đất của dự án.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, KT1.

KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG

Đỗ Thị Minh Hoa
"""


def test_a_letter_without_numbered_items_has_one_item_per_task_paragraph() -> None:
    [doc] = extract(SourceText("vp.txt", VP_LETTER, "utf-8", "0")).documents
    assert [item.ref for item in doc.items] == ["1", "2"]
    first, second = doc.items
    assert first.text.startswith("Giao Sở Kế hoạch và Đầu tư chủ trì")
    assert [b.name for b in first.bodies] == ["Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường"]
    assert first.deadline.due is not None and first.deadline.due.isoformat() == "2024-11-05"
    # the closing "thông báo để ... biết, thực hiện" is no task and adds no body
    assert second.text == "Sở Tài nguyên và Môi trường rà soát hồ sơ giao đất của dự án."
    assert [b.name for b in second.bodies] == ["Sở Tài nguyên và Môi trường"]
    assert not [issue for issue in doc.issues if issue.code == "parse.no_items"]


def test_without_an_intro_colon_the_tasks_start_at_the_first_assignment() -> None:
    text = VP_LETTER.replace("Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:", "Chủ tịch UBND tỉnh có ý kiến chỉ đạo.")
    [doc] = extract(SourceText("vp.txt", text, "utf-8", "0")).documents
    assert [item.text.split()[0] for item in doc.items] == ["Giao", "Sở"]


def test_closing_sentences_after_the_last_numbered_item_add_no_body() -> None:
    text = VP_LETTER.replace("Giao Sở", "1. Giao Sở").replace("Sở Tài nguyên và Môi trường rà", "2. Sở Tài nguyên và Môi trường rà")
    text = text.replace("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
                        "Yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các huyện triển khai thực hiện./.")
    [doc] = extract(SourceText("vp.txt", text, "utf-8", "0")).documents
    assert [b.name for b in doc.items[-1].bodies] == ["Sở Tài nguyên và Môi trường"]
    assert doc.items[-1].line_end == doc.items[-1].line_start


TWO_COLUMNS = """UỶ BAN NHÂN DÂN          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG                  Độc lập - Tự do - Hạnh phúc

Số:  3 5 8 7 /UBND-NNTNMT          Hà Giang, ngày 0 9 tháng 10 năm 2024
V/v chủ động phòng, chống rét đậm, rét hại

Kính gửi:
- Sở Nông nghiệp và Phát triển nông thôn;
- Uỷ ban nhân dân các huyện, thành phố.

Chủ tịch UBND tỉnh yêu cầu:

1. Sở Nông nghiệp và Phát triển nông thôn hướng dẫn các biện pháp chống rét cho vật nuôi.

2. Uỷ ban nhân dân các huyện, thành phố kiểm tra việc che chắn chuồng trại.

Nơi nhận:                                  KT. CHỦ TỊCH
- Như trên;                                PHÓ CHỦ TỊCH
- Lưu: VT, NNTNMT.

                                           Hoàng Gia Long
"""


def test_a_header_and_a_signature_in_two_columns_apart_by_spaces() -> None:
    [doc] = extract(SourceText("hg.txt", TWO_COLUMNS, "utf-8", "0")).documents
    assert doc.number == "3587/UBND-NNTNMT"  # digits spaced by the scan
    assert doc.issuer == "Ủy ban nhân dân tỉnh Hà Giang"  # not the motto beside it
    assert doc.issue_date is not None and doc.issue_date.isoformat() == "2024-10-09"
    assert (doc.signing_authority, doc.signer_title, doc.signer) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Gia Long")
    assert [item.ref for item in doc.items] == ["1", "2"]


def test_a_van_phong_under_a_two_line_parent_is_that_parents_office() -> None:
    [doc] = extract(SourceText("vp.txt", VP_LETTER, "utf-8", "0")).documents
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"


def test_a_paragraph_after_an_item_that_names_nobody_adds_its_bodies_to_the_addressees() -> None:
    text = VP_LETTER.replace("Giao Sở", "1. Giao Sở").replace(
        "Sở Tài nguyên và Môi trường rà soát hồ sơ giao đất của dự án.",
        "2. Rà soát hồ sơ giao đất của dự án.\n\nĐề nghị Cục Thuế tỉnh phối hợp xác định nghĩa vụ tài chính.")
    [doc] = extract(SourceText("vp.txt", text, "utf-8", "0")).documents
    assert [b.name for b in doc.items[-1].bodies] == [
        "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Cục Thuế tỉnh"]


def test_a_letter_label_stuck_to_its_text_by_a_scan_opens_a_sub_item() -> None:
    text = VP_LETTER.replace("Giao Sở", "1. Sở Tài chính:\na)Rà soát hồ sơ.\nb)Báo cáo kết quả.\n\n2. Giao Sở")
    [doc] = extract(SourceText("vp.txt", text, "utf-8", "0")).documents
    assert [item.ref for item in doc.items][:2] == ["1.a", "1.b"]
    assert [b.name for b in doc.items[0].bodies] == ["Sở Tài chính"]


PLAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH

Số: 210/KH-UBND

Bắc Ninh, ngày 02 tháng 8 năm 2024

KẾ HOẠCH
Tổ chức Ngày hội văn hóa các dân tộc tỉnh năm 2024

I. MỤC ĐÍCH, YÊU CẦU
1. Tôn vinh bản sắc văn hóa các dân tộc.

II. THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian: 03 ngày, từ ngày 20/9/2024 đến ngày 22/9/2024.
2. Địa điểm: Quảng trường Văn hóa tỉnh.

III. NỘI DUNG HOẠT ĐỘNG
1. Lễ khai mạc Ngày hội, tối ngày 20/9/2024.
2. Thi đấu các môn thể thao dân tộc.

IV. KINH PHÍ THỰC HIỆN
Kinh phí tổ chức Ngày hội được bố trí từ nguồn ngân sách tỉnh năm 2024.

V. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức các hoạt động của Ngày hội.
2. Công an tỉnh bảo đảm an ninh, trật tự trong thời gian diễn ra Ngày hội.
"""


def test_a_plans_time_place_programme_and_funding_sections_hold_no_tasks() -> None:
    [doc] = extract(SourceText("kh.txt", PLAN, "utf-8", "0")).documents
    assert [item.ref for item in doc.items] == ["V.1", "V.2"]
    # the section named with its activity: "CHỈ TIÊU, THỜI GIAN TUYỂN DỤNG"
    text = PLAN.replace("II. THỜI GIAN, ĐỊA ĐIỂM\n1. Thời gian:", "II. CHỈ TIÊU, THỜI GIAN TUYỂN DỤNG\n1. Thời gian:")
    [doc] = extract(SourceText("kh.txt", text, "utf-8", "0")).documents
    assert [item.ref for item in doc.items] == ["V.1", "V.2"]


def test_addressees_on_one_line_apart_by_semicolons_are_several() -> None:
    text = VP_LETTER.replace("Kính gửi:\n- Sở Kế hoạch và Đầu tư;\n- Sở Tài nguyên và Môi trường.",
                             "Kính gửi: Sở Kế hoạch và Đầu tư; Sở Tài nguyên và Môi trường; UBND các huyện, thị xã.")
    [doc] = extract(SourceText("vp.txt", text, "utf-8", "0")).documents
    assert doc.recipients == ("Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "UBND các huyện, thị xã")


def test_a_party_directives_issuer_line_under_its_type_is_not_its_subject() -> None:
    text = CONCLUSION.replace("THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tình hình",
                              "CHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tình hình")
    [doc] = extract(SourceText("ct.txt", text, "utf-8", "0")).documents
    assert doc.subject == "tình hình phát triển kinh tế - xã hội 5 tháng đầu năm 2022"


BOARD_LETTER = """TỈNH ỦY LÀO CAI
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
Số 245-CV/BTGDVTU

ĐẢNG CỘNG SẢN VIỆT NAM

Lào Cai, ngày 17 tháng 11 năm 2025

V/v tuyên truyền mừng Đảng, mừng Xuân Bính Ngọ 2026

Kính gửi: Đảng ủy các xã, phường; các đảng ủy trực thuộc Tỉnh ủy.

Ban Tuyên giáo và Dân vận Tỉnh ủy đề nghị Đảng ủy các xã, phường, các đảng ủy trực thuộc Tỉnh ủy thực hiện tốt một số nội dung sau:

(1) Tổ chức tuyên truyền sâu rộng về truyền thống vẻ vang của Đảng.

(2) Nắm tình hình tư tưởng cán bộ, đảng viên và Nhân dân trước, trong và sau Tết.

(3) Báo cáo kết quả về Ban Tuyên giáo và Dân vận Tỉnh ủy trước ngày 20/02/2026.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN

Hà Thị Nguyệt Minh
"""


def test_items_labelled_in_brackets_and_a_merged_party_board() -> None:
    [doc] = extract(SourceText("bt.txt", BOARD_LETTER, "utf-8", "0")).documents
    assert doc.issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai"
    assert [item.ref for item in doc.items] == ["1", "2", "3"]
    assert [b.name for b in doc.items[0].bodies] == ["Đảng ủy xã", "Đảng ủy phường", "Đảng ủy trực thuộc Tỉnh ủy"]


def test_an_unnumbered_task_that_mentions_following_up_is_not_the_closing() -> None:
    text = BOARD_LETTER.replace("(1) ", "").replace("(2) ", "").replace("(3) ", "")
    [doc] = extract(SourceText("bt.txt", text, "utf-8", "0")).documents
    assert [item.text.split()[0] for item in doc.items] == ["Tổ", "Nắm", "Báo"]


def test_under_a_topic_line_the_paragraphs_alone_say_who_acts() -> None:
    text = VP_LETTER.replace("Giao Sở", "1. Về nghĩa vụ tài chính của dự án\nCục Thuế tỉnh xác định tiền thuê đất.\n\n2. Giao Sở")
    [doc] = extract(SourceText("vp.txt", text, "utf-8", "0")).documents
    assert [b.name for b in doc.items[0].bodies] == ["Cục Thuế tỉnh"]  # not the addressees first


def test_a_sections_introducing_sentence_names_bodies_only_for_items_that_name_nobody() -> None:
    text = CONCLUSION.replace(
        "I. Về nhiệm vụ trọng tâm thời gian tới\n",
        "I. Về nhiệm vụ trọng tâm thời gian tới\nCác cấp ủy, tổ chức đảng tập trung thực hiện tốt các nhiệm vụ sau:\n"
        "1. Tiếp tục quán triệt sâu sắc các nghị quyết của Đảng.\n").replace("\n\n1. Ban Tổ chức", "\n2. Ban Tổ chức")
    text = text.replace("\n\n2. Đảng đoàn", "\n3. Đảng đoàn")
    items = {item.ref: [b.name for b in item.bodies]
             for doc in extract(SourceText("kl.txt", text, "utf-8", "0")).documents for item in doc.items}
    assert items["I.1"] == ["Cấp ủy", "Tổ chức đảng"]
    assert items["I.2"] == ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]


def test_the_last_item_following_up_the_whole_text_gives_the_monitor() -> None:
    text = CONCLUSION.replace("Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo kết luận này.",
                              "III. Tổ chức thực hiện\n\n1. Văn phòng Tỉnh ủy chủ trì theo dõi, đôn đốc việc thực hiện "
                              "Kết luận; định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.")
    [doc] = extract(SourceText("kl.txt", text, "utf-8", "0")).documents
    assert doc.items[-1].ref == "III.1"
    assert doc.monitor == "Văn phòng Tỉnh ủy"


WARD_CONCLUSION = """ỦY BAN NHÂN DÂN
PHƯỜNG ĐIỆN BIÊN PHỦ
Số: 96/TB-UBND
Điện Biên Phủ, ngày 26 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND phường tại cuộc họp giao ban tháng 11 năm 2026

Chủ tịch UBND phường kết luận như sau:

1. Nhiệm vụ trọng tâm tháng 12 năm 2026
Giao:
- Phòng Kinh tế, Hạ tầng và Đô thị: Chủ trì, phối hợp với Công an phường xử lý dứt điểm các trường hợp lấn chiếm vỉa hè.
- Công an phường: Tăng cường tuần tra, kiểm soát, bảo đảm an ninh trật tự.
- BCH Quân sự phường: Hoàn thành hồ sơ gọi công dân nhập ngũ năm 2027, xong trước ngày 31/12/2026.
- Tổ trưởng các tổ dân phố: Vận động Nhân dân giữ gìn vệ sinh môi trường.

2. Các Phòng: Văn hóa - Xã hội, Nội vụ rà soát danh sách tặng quà Tết.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Quàng Thị Hoa
"""


def test_body_colon_task_lines_under_a_heading_that_ends_in_giao() -> None:
    result = extract(SourceText("kl.txt", WARD_CONCLUSION, "utf-8", "0"))
    items = {item.ref: [(b.name, b.role.value) for b in item.bodies] for item in result.documents[0].items}
    # "1. Nhiệm vụ ..." then "Giao:" on its own line only introduces the dashes: not a task
    assert list(items) == ["1.1", "1.2", "1.3", "1.4", "2"]
    assert items["1.1"] == [("Phòng Kinh tế, Hạ tầng và Đô thị", "lead"), ("Công an phường", "cooperating")]
    assert items["1.2"] == [("Công an phường", "lead")]
    assert items["1.3"] == [("Ban Chỉ huy Quân sự phường", "lead")]
    assert items["1.4"] == [("Tổ trưởng tổ dân phố", "lead")]
    # "Các Phòng:" opens a list of its members, whatever word they start with
    assert [name for name, _ in items["2"]] == ["Phòng Văn hóa - Xã hội", "Phòng Nội vụ"]


PLAN_WITH_LABELLED_TASKS = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 512/KH-UBND
Đắk Lắk, ngày 09 tháng 12 năm 2026

KẾ HOẠCH
Phòng, chống bệnh Dịch tả lợn châu Phi năm 2027

I. NHIỆM VỤ, GIẢI PHÁP
1. Giám sát, phát hiện sớm ổ dịch
Nội dung: Giám sát chủ động tại các cơ sở chăn nuôi, chợ, cơ sở giết mổ.
Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.
Cơ quan phối hợp: UBND các xã, phường.
Thời gian thực hiện: Thường xuyên.

2. Kiểm soát vận chuyển, giết mổ lợn
Nội dung: Thành lập các chốt kiểm dịch động vật tạm thời.
- Đơn vị chủ trì: Công an tỉnh.
- Đơn vị phối hợp: Sở Nông nghiệp và Môi trường; Sở Công Thương.
- Thời hạn hoàn thành: Quý I/2027.

3. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 31/12/2026.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
"""


def test_a_plans_labelled_lines_say_who_leads_who_cooperates_and_by_when() -> None:
    result = extract(SourceText("kh.txt", PLAN_WITH_LABELLED_TASKS, "utf-8", "0"))
    items = {item.ref: item for item in result.documents[0].items}
    assert list(items) == ["I.1", "I.2", "I.3"]
    first = items["I.1"]
    assert [(b.name, b.role.value) for b in first.bodies] == [
        ("Sở Nông nghiệp và Môi trường", "lead"), ("Ủy ban nhân dân xã", "cooperating"),
        ("Ủy ban nhân dân phường", "cooperating")]
    assert first.deadline.urgency is not None and first.deadline.urgency.value == "ongoing"
    second = items["I.2"]
    assert [(b.name, b.role.value) for b in second.bodies] == [
        ("Công an tỉnh", "lead"), ("Sở Nông nghiệp và Môi trường", "cooperating"), ("Sở Công Thương", "cooperating")]
    assert str(second.deadline.due) == "2027-03-31"
    # an item without labels is read as before
    assert [b.name for b in items["I.3"].bodies] == ["Sở Tài chính"]
    assert str(items["I.3"].deadline.due) == "2026-12-31"


def test_task_fields_reads_only_labelled_lines() -> None:
    from tracker.parsing.labelled_fields import is_field, task_fields

    fields = task_fields(["Nội dung: Giám sát chủ động.", "Chủ trì: Sở Y tế;", "Phối hợp thực hiện: Sở Tài chính",
                          "Tiến độ: Trước ngày 30/6/2027."])
    assert (fields.lead, fields.cooperating, fields.timing) == ("Sở Y tế", "Sở Tài chính", "Trước ngày 30/6/2027")
    assert not task_fields(["Sở Y tế chủ trì, phối hợp với Sở Tài chính: rà soát."]).names_bodies
    assert not is_field("Nội dung: Giám sát chủ động.")
