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

Nơi nhận:
- Như trên;
- Lưu: VT.

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


_PLAN = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 215/KH-SGDĐT

Gia Lai, ngày 10 tháng 12 năm 2026

KẾ HOẠCH
Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026 - 2027

I. MỤC ĐÍCH, YÊU CẦU
1. Phát hiện, bồi dưỡng học sinh có năng khiếu.

II. {section}
1. Thời gian thi: ngày 13/01/2027 và ngày 14/01/2027.
2. Địa điểm: Trường Trung học phổ thông chuyên Hùng Vương.
3. Môn thi: Toán, Ngữ văn, Tiếng Anh.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục Trung học chủ trì xây dựng hướng dẫn đăng ký dự thi, gửi các đơn vị trước ngày 18/12/2026.
2. Văn phòng Sở bố trí kinh phí tổ chức kỳ thi.

GIÁM ĐỐC

Trần Văn Hòa
"""


def test_a_plans_section_of_time_place_and_subjects_holds_no_tasks() -> None:
    for section in ("THỜI GIAN, ĐỊA ĐIỂM, MÔN THI", "ĐỐI TƯỢNG, ĐIỀU KIỆN DỰ THI",
                    "THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC THI"):
        items = _items(_PLAN.format(section=section))
        assert list(items) == ["III.1", "III.2"], section
        assert [b.name for b in items["III.1"].bodies] == ["Phòng Giáo dục Trung học"]


def test_a_section_that_names_tasks_after_the_time_keeps_them() -> None:
    items = _items(_PLAN.format(section="THỜI GIAN VÀ NHIỆM VỤ"))
    assert [ref for ref in items if ref.startswith("II.")] == ["II.1", "II.2", "II.3"]


def test_a_name_holding_thuong_xuyen_or_ve_is_read_whole_and_gives_no_urgency() -> None:
    from tracker.parsing.bodies import clause_bodies
    from tracker.parsing.deadlines import analyse_timing

    centre = "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên lập danh sách thí sinh dự thi."
    assert [m.name for m in clause_bodies(centre)] == ["Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên"]
    assert analyse_timing(centre, None).urgency is None
    old_name = "Trung tâm Giáo dục thường xuyên tỉnh tổ chức ôn tập."
    assert [m.name for m in clause_bodies(old_name)] == ["Trung tâm Giáo dục thường xuyên tỉnh"]
    assert analyse_timing(old_name, None).urgency is None
    # the adverb after another name is still the adverb
    adverb = "Phòng Giáo dục thường xuyên kiểm tra các cơ sở giáo dục."
    assert [m.name for m in clause_bodies(adverb)] == ["Phòng Giáo dục"]
    assert str(analyse_timing(adverb, None).urgency) == "ongoing"
    board = "Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh chủ trì kiểm tra các bếp ăn tập thể."
    assert [m.name for m in clause_bodies(board)] == ["Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh"]
    assert [m.name for m in clause_bodies("Đoàn công tác về làm việc tại xã.")] == ["Đoàn công tác"]


def test_a_report_far_before_its_repetition_word_still_repeats() -> None:
    """"báo cáo" up to twenty words before "hằng ngày / hằng tháng / 2 lần/ngày" in the same clause."""
    from tracker.parsing.deadlines import analyse_timing

    cases = {
        "Các xã báo cáo thiệt hại (nếu có) về Sở Nông nghiệp và Môi trường trước 15 giờ hằng ngày.": "daily",
        "Thuế cơ sở báo cáo tiến độ thu ngân sách trên địa bàn về Sở Tài chính hằng tháng, chậm nhất vào ngày 25.":
            "monthly",
        "Phòng Kinh tế kiểm tra an toàn đê biển; báo cáo Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn "
        "huyện 2 lần/ngày (trước 7 giờ và 16 giờ).": "daily",
    }
    for text, freq in cases.items():
        assert str(analyse_timing(text, None).recurrence) == freq, text
    # something that happens every year, no repeated action asked for in the clause: no recurrence
    assert analyse_timing("Các xã giữ gìn, phát huy giá trị lễ hội truyền thống diễn ra hằng năm tại địa phương.",
                          None).recurrence is None


def test_va_splits_a_list_of_bodies_but_not_a_name_that_holds_it() -> None:
    from tracker.parsing.bodies import split_list

    assert split_list("Phòng Khảo thí và Kiểm định chất lượng giáo dục") == [
        "Phòng Khảo thí và Kiểm định chất lượng giáo dục"]
    cases = {
        "Sở Y tế và Công an tỉnh": ["Sở Y tế", "Công an tỉnh"],  # a head after "và"
        "Chi cục Kiểm lâm và Hạt Kiểm lâm": ["Chi cục Kiểm lâm", "Hạt Kiểm lâm"],  # a head and a proper name
        "Ủy ban nhân dân huyện Tân Uyên và Than Uyên": ["Ủy ban nhân dân huyện Tân Uyên",
                                                         "Ủy ban nhân dân huyện Than Uyên"],  # a proper name
        "Sở Y tế và Bảo tàng tỉnh": ["Sở Y tế", "Bảo tàng tỉnh"],  # after a whole known name
        "Văn phòng Đăng ký đất đai và Chi nhánh Văn phòng đăng ký đất đai": [
            "Văn phòng Đăng ký đất đai", "Chi nhánh Văn phòng đăng ký đất đai"],
    }
    for phrase, names in cases.items():
        assert split_list(phrase) == names, phrase


def test_a_programme_of_action_has_its_title_as_subject() -> None:
    text = """TỈNH ỦY LÂM ĐỒNG
Số 27-CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Lâm Đồng, ngày 14 tháng 12 năm 2026

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo

1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền Nghị quyết.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Văn Hùng
"""
    doc = extract(SourceText("t.txt", text, "utf-8", "0")).documents[0]
    assert doc.subject == ("thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển "
                           "giáo dục và đào tạo")
    assert [item.ref for item in doc.items] == ["1"]


def test_a_steering_committees_name_in_capitals_reads_in_small_letters_up_to_its_place() -> None:
    from tracker.parsing.split import issuer_name

    assert issuer_name("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TỈNH GIA LAI") == (
        "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Gia Lai")
    assert issuer_name("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH") == "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh"
    # "xã hội" is no commune
    assert issuer_name("BAN CHỈ ĐẠO CÔNG TÁC GIẢM NGHÈO VÀ AN SINH XÃ HỘI TỈNH HÀ GIANG") == (
        "Ban Chỉ đạo công tác giảm nghèo và an sinh xã hội tỉnh Hà Giang")
    assert issuer_name("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG") == "Ủy ban nhân dân tỉnh Đắk Nông"


def test_a_signature_block_flattened_into_two_columns_with_pipes_gives_the_signer() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH CAO BẰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 4317/UBND-KT | Độc lập - Tự do - Hạnh phúc
V/v chủ động phòng, chống rét đậm, rét hại | Cao Bằng, ngày 16 tháng 12 năm 2026

Kính gửi: Sở Nông nghiệp và Môi trường.

1. Sở Nông nghiệp và Môi trường hướng dẫn người dân chống rét cho vật nuôi.

Nơi nhận: | KT. CHỦ TỊCH
- Như trên; | PHÓ CHỦ TỊCH
- TT Tỉnh ủy, TT HĐND tỉnh (b/c); |
- Lưu: VT, KT. | Nông Thanh Tùng
"""
    doc = extract(SourceText("t.txt", text, "utf-8", "0")).documents[0]
    assert (doc.signer, doc.signing_authority, doc.signer_title) == ("Nông Thanh Tùng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc.number == "4317/UBND-KT"


def test_a_working_group_told_to_follow_up_is_the_monitor() -> None:
    from tracker.parsing.bodies import monitor_body

    assert monitor_body("Giao Tổ giúp việc Ban Chỉ đạo theo dõi, tổng hợp tình hình thực hiện, báo cáo Trưởng Ban "
                        "Chỉ đạo.") == "Tổ giúp việc Ban Chỉ đạo"


def test_a_long_dash_line_under_kinh_gui_is_still_an_addressee() -> None:
    text = """ỦY BAN NHÂN DÂN
TỈNH TÂY NINH
Số: 9300/UBND-KT
V/v tăng cường kiểm tra thị trường

Tây Ninh, ngày 15 tháng 12 năm 2026

Kính gửi:
- Các sở: Công Thương, Y tế, Nông nghiệp và Môi trường, Tài chính, Xây dựng, Nội vụ;
- Công an tỉnh;
- UBND các xã, phường.

UBND tỉnh yêu cầu:

1. Tăng cường kiểm tra thị trường.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Hồng Thanh
"""
    doc = extract(SourceText("t.txt", text, "utf-8", "0")).documents[0]
    assert [item.ref for item in doc.items] == ["1"]
    assert [b.name for b in doc.items[0].bodies][:2] == ["Sở Công Thương", "Sở Y tế"]
    assert "Công an tỉnh" in [b.name for b in doc.items[0].bodies]


def test_a_long_title_before_the_enacting_body_starts_no_second_document() -> None:
    text = """HỘI ĐỒNG NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 38/2026/NQ-HĐND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lâm Đồng, ngày 10 tháng 12 năm 2026

NGHỊ QUYẾT
Quy định mức hỗ trợ hằng tháng đối với người hoạt động không chuyên trách ở thôn, tổ dân phố trên địa bàn tỉnh

HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG
KHÓA X, KỲ HỌP THỨ 14

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

QUYẾT NGHỊ:

1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.

Nơi nhận:
- Như trên;
- Lưu: VT.

T/M HỘI ĐỒNG NHÂN DÂN
CHỦ TỊCH

Phạm Thị Phúc
"""
    result = extract(SourceText("t.txt", text, "utf-8", "0"))
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert doc.issuer == "Hội đồng nhân dân tỉnh Lâm Đồng"
    assert doc.signer == "Phạm Thị Phúc"
    assert [b.name for b in doc.items[0].bodies] == ["Ủy ban nhân dân tỉnh"]


def test_partners_named_in_more_ways_and_the_provincial_tax_office() -> None:
    from tracker.parsing.bodies import clause_bodies

    def named(text: str) -> list[tuple[str, str]]:
        return [(m.name, m.role.value) for m in clause_bodies(text)]

    partner = [("Sở Y tế", "lead"), ("Sở Xây dựng", "cooperating")]
    assert named("Sở Y tế phối hợp cùng Sở Xây dựng kiểm tra an toàn thực phẩm.") == partner
    assert named("Sở Y tế chủ trì, phối hợp cùng với Sở Xây dựng kiểm tra an toàn thực phẩm.") == partner
    assert named("Sở Y tế, với sự phối hợp của Sở Xây dựng, kiểm tra an toàn thực phẩm.") == partner
    assert named("Sở Y tế kiểm tra an toàn thực phẩm (phối hợp với Sở Xây dựng, Sở Tài chính).") == partner + [
        ("Sở Tài chính", "cooperating")]
    assert named("Sở Y tế kiểm tra an toàn thực phẩm (phối hợp: Sở Xây dựng).") == partner
    assert named("Công an tỉnh cùng với Bộ Chỉ huy Bộ đội Biên phòng tỉnh tập trung kiểm soát biên giới.") == [
        ("Công an tỉnh", "lead"), ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "lead")]
    assert named("Thuế tỉnh Tây Ninh chủ trì, phối hợp với Sở Tài chính kiểm tra.") == [
        ("Thuế tỉnh Tây Ninh", "lead"), ("Sở Tài chính", "cooperating")]
    assert named("Tăng cường quản lý thuế đối với hộ kinh doanh.") == []  # the word, not the office


def test_a_heading_doi_voi_a_body_gives_that_body_to_its_sub_items() -> None:
    body = ("1. Đối với cấp ủy cơ sở:\n"
            "- Xây dựng kế hoạch kiểm điểm, hoàn thành trước ngày 15/12/2026.\n"
            "2. Đối với chi bộ:\n"
            "- Tổ chức họp chi bộ để đảng viên tự kiểm điểm.\n"
            "3. Đối với các dự án chậm tiến độ:\n"
            "- Sở Tài chính rà soát, báo cáo.")
    items = _items(_LETTER.format(body=body))
    assert [b.name for b in items["1.1"].bodies] == ["Cấp ủy cơ sở"]
    assert [b.name for b in items["2.1"].bodies] == ["Chi bộ"]
    assert [b.name for b in items["3.1"].bodies] == ["Sở Tài chính"]  # a topic, not a body: the item's own body


def test_the_last_dash_telling_the_office_to_follow_the_units_up_gives_the_monitor() -> None:
    body = ("- Giao Chi cục Kiểm lâm bố trí lực lượng trực 24/24 giờ.\n"
            "- Giao Văn phòng Sở theo dõi, đôn đốc các đơn vị thực hiện; tổng hợp, báo cáo Giám đốc Sở.")
    doc = extract(SourceText("t.txt", _LETTER.format(body=body), "utf-8", "0")).documents[0]
    assert doc.monitor == "Văn phòng Sở"


def test_working_days_counted_from_another_event_give_no_deadline() -> None:
    from datetime import date

    from tracker.parsing.deadlines import analyse_timing

    issued = date(2026, 12, 2)
    assert analyse_timing("Gửi biên bản về Đảng ủy cấp trên trong 05 ngày làm việc sau cuộc họp.", issued).due is None
    assert analyse_timing("Gửi hồ sơ chậm nhất 05 ngày làm việc trước ngày khai mạc kỳ họp.", issued).due is None
    # from the issue date (or the receipt of the letter) still counted
    assert str(analyse_timing("Gửi ý kiến trong vòng 05 ngày làm việc.", issued).due) == "2026-12-09"
    assert str(analyse_timing("Gửi ý kiến trong 05 ngày làm việc kể từ ngày nhận được văn bản này.",
                              issued).due) == "2026-12-09"
    assert str(analyse_timing("Báo cáo trong 07 ngày.", issued).due) == "2026-12-09"


def test_a_year_that_dates_a_thing_and_a_council_session_at_the_years_end_fix_no_day() -> None:
    from datetime import date

    from tracker.parsing.deadlines import analyse_timing

    issued = date(2026, 12, 2)
    hint = analyse_timing("Cung cấp thông tin về đảng viên bị kỷ luật trong năm 2026 trước ngày 25/12/2026.", issued)
    assert str(hint.due) == "2026-12-25"
    assert str(analyse_timing("Hoàn thành trong năm 2026.", issued).due) == "2026-12-31"
    assert analyse_timing("Hoàn thành trước kỳ họp Hội đồng nhân dân tỉnh cuối năm 2026.", issued).due is None
    assert str(analyse_timing("Tổ chức hội nghị tổng kết cuối năm 2026.", issued).due) == "2026-12-31"


def test_partners_of_an_item_that_names_no_lead_come_after_the_lead_it_falls_back_to() -> None:
    body = ("1. Khẩn trương hoàn thiện hồ sơ quy hoạch (phối hợp với Sở Tài chính), trình UBND tỉnh.\n"
            "2. Chủ trì, phối hợp cùng Công an tỉnh rà soát các công trình vi phạm.\n"
            "3. Phối hợp với Bảo hiểm xã hội tỉnh giải quyết vướng mắc trong thanh toán.")
    letter = _LETTER.replace("Giám đốc Sở yêu cầu các phòng, đơn vị thực hiện các nội dung sau:",
                             "Kính gửi: Sở Xây dựng.\n\nỦy ban nhân dân tỉnh yêu cầu:")
    items = _items(letter.format(body=body))
    assert [(b.name, b.role.value) for b in items["1"].bodies] == [("Sở Xây dựng", "lead"),
                                                                    ("Sở Tài chính", "cooperating")]
    assert [(b.name, b.role.value) for b in items["2"].bodies] == [("Sở Xây dựng", "lead"),
                                                                    ("Công an tỉnh", "cooperating")]
    assert [(b.name, b.role.value) for b in items["3"].bodies] == [("Sở Xây dựng", "lead"),
                                                                    ("Bảo hiểm xã hội tỉnh", "cooperating")]


def test_a_section_title_whose_tasks_are_a_table_is_no_item() -> None:
    text = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG NAI
Số: 412/KH-UBND

Đồng Nai, ngày 08 tháng 12 năm 2026

KẾ HOẠCH
Hỗ trợ doanh nghiệp nhỏ và vừa năm 2027

I. MỤC ĐÍCH, YÊU CẦU
1. Tạo thuận lợi cho doanh nghiệp.

II. NHIỆM VỤ CỤ THỂ

| STT | Nội dung công việc | Thời gian hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp |
|---|---|---|---|---|
| 1 | Ban hành Quy chế phối hợp hỗ trợ doanh nghiệp | Quý I/2027 | Sở Tài chính | Sở Tư pháp |
| 2 | Xây dựng cơ sở dữ liệu về mặt bằng sản xuất | Trước ngày 30/9/2027 | Sở Xây dựng | Sở Công Thương |

III. TỔ CHỨC THỰC HIỆN
Sở Tài chính theo dõi, đôn đốc việc thực hiện Kế hoạch này.

Nơi nhận:
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Út
"""
    doc = extract(SourceText("t.txt", text, "utf-8", "0")).documents[0]
    assert "NHIỆM VỤ CỤ THỂ" not in [item.text for item in doc.items]
    assert any(item.text.startswith("Ban hành Quy chế") for item in doc.items)


def test_the_year_of_results_reached_is_no_time_limit() -> None:
    from datetime import date

    from tracker.parsing.deadlines import analyse_timing

    issued = date(2026, 12, 2)
    assert analyse_timing("Ghi nhận những kết quả Sở Xây dựng đạt được trong năm 2026.", issued).due is None
    assert str(analyse_timing("Sở Xây dựng hoàn thành trong năm 2026.", issued).due) == "2026-12-31"


_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 38/2026/NQ-HĐND

Lâm Đồng, ngày 10 tháng 12 năm 2026

NGHỊ QUYẾT
Quy định mức hỗ trợ hằng tháng đối với người hoạt động không chuyên trách ở thôn

QUYẾT NGHỊ:

Điều 1. Quy định mức hỗ trợ
1. Phạm vi điều chỉnh: Nghị quyết này quy định mức hỗ trợ hằng tháng.
2. Mức hỗ trợ:
a) Bí thư chi bộ, Trưởng thôn: 1,5 lần mức lương cơ sở/người/tháng.
b) Trưởng Ban công tác Mặt trận ở thôn: 1,2 lần mức lương cơ sở/người/tháng.

Điều 2. {article2}

Điều 3. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2027.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

T/M HỘI ĐỒNG NHÂN DÂN
CHỦ TỊCH

Phạm Thị Phúc
"""


def test_a_resolutions_articles_list_only_those_that_put_someone_to_work() -> None:
    one = "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; hằng năm báo cáo kết quả thực hiện."
    items = _items(_RESOLUTION.format(article2=one))
    assert list(items) == ["2"]
    assert [b.name for b in items["2"].bodies] == ["Ủy ban nhân dân tỉnh"]
    assert str(items["2"].deadline.recurrence) == "yearly"
    tasks = ("Tổ chức thực hiện\n1. Sở Nội vụ hướng dẫn các xã thực hiện.\n"
             "2. Sở Tài chính bố trí kinh phí, hoàn thành trước ngày 31/01/2027.")
    items = _items(_RESOLUTION.format(article2=tasks))
    assert list(items) == ["2.1", "2.2"]
    assert [b.name for b in items["2.2"].bodies] == ["Sở Tài chính"]


def test_a_head_over_communes_goes_on_after_a_semicolon() -> None:
    from tracker.parsing.bodies import split_list

    assert split_list("Ủy ban nhân dân các xã: Nghi Lộc, Diễn Châu; phường Hoàng Mai") == [
        "Ủy ban nhân dân xã Nghi Lộc", "Ủy ban nhân dân xã Diễn Châu", "Ủy ban nhân dân phường Hoàng Mai"]
    assert split_list("Sở Y tế; Sở Tài chính") == ["Sở Y tế", "Sở Tài chính"]
    # a head over no kind of unit stops at the semicolon
    assert split_list("Các Sở: Y tế, Tài chính; thành phố Vinh")[-1] == "Thành phố Vinh"


def test_text_pasted_from_a_docx_with_tabs_after_labels_and_between_cells() -> None:
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH AN GIANG\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 6684/UBND-KGVX\tAn Giang, ngày 07 tháng 12 năm 2026\n"
            "V/v chăm lo Tết Nguyên đán\n\n"
            "Kính gửi:\n•\tSở Nội vụ;\n•\tSở Tài chính.\n\n"
            "Chủ tịch UBND tỉnh chỉ đạo như sau:\n\n"
            "1)\tSở Nội vụ:\n"
            "•\tChủ trì tham mưu UBND tỉnh thăm, tặng quà Tết; trình UBND tỉnh trước ngày 18/12/2026.\n"
            "2)\tSở Tài chính bảo đảm kinh phí quà Tết trước ngày 25/12/2026.\n"
            "3)\tPhân công nhiệm vụ cụ thể như sau:\n"
            "STT\tNội dung\tĐơn vị chủ trì\tThời hạn\n"
            "1\tRà soát danh sách hộ nghèo\tỦy ban nhân dân các xã, phường\t20/12/2026\n\n"
            "Nơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\t\n\tLê Văn Phước\n")
    doc = extract(SourceText("t.txt", text, "utf-8", "0")).documents[0]
    items = {item.ref: item for item in doc.items}
    assert [b.name for b in items["1.1"].bodies] == ["Sở Nội vụ"]
    assert str(items["2"].deadline.due) == "2026-12-25"
    row = next(item for item in doc.items if item.text == "Rà soát danh sách hộ nghèo")
    assert str(row.deadline.due) == "2026-12-20"
    # "3) Phân công nhiệm vụ cụ thể như sau:" introduces the table's rows: no task of its own
    assert "3" not in items
    assert (doc.number, doc.signer) == ("6684/UBND-KGVX", "Lê Văn Phước")


def test_a_labelled_line_that_says_the_roles_after_the_names() -> None:
    from tracker.parsing.labelled_fields import task_fields

    fields = task_fields(["Thời gian: Quý II/2027.",
                          "Đơn vị thực hiện: Sở Khoa học và Công nghệ chủ trì; Sở Tài chính, Công an tỉnh phối hợp."])
    assert (fields.lead, fields.cooperating, fields.timing) == (
        "Sở Khoa học và Công nghệ", "Sở Tài chính, Công an tỉnh", "Quý II/2027")
    assert task_fields(["Đơn vị thực hiện: Văn phòng UBND tỉnh; UBND các xã, phường."]).lead == (
        "Văn phòng UBND tỉnh; UBND các xã, phường")


def test_a_copys_stamp_between_two_letters_adds_no_document() -> None:
    covering = _LETTER.format(body="1. Chi cục Kiểm lâm bố trí lực lượng trực 24/24 giờ.")
    stamp = ("SAO Y BẢN CHÍNH\nỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG\nSố: 41/SY-UBND\nPhú Lương, ngày 09 tháng 12 năm 2026\n\n"
             "Nơi nhận:\n- Lưu: VT.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nMa Văn Khánh\n\n")
    forwarded = """ỦY BAN NHÂN DÂN
TỈNH THÁI NGUYÊN
Số: 7215/UBND-KGVX
V/v tăng cường phòng, chống bệnh dại

Thái Nguyên, ngày 01 tháng 12 năm 2026

1. Sở Y tế chỉ đạo các cơ sở y tế bảo đảm đủ vắc xin.

Nơi nhận:
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phạm Hoàng Sơn
"""
    docs = extract(SourceText("t.txt", covering + "\n" + stamp + forwarded, "utf-8", "0")).documents
    assert [(d.number, d.signer) for d in docs] == [("612/SNNMT-VP", "Lê Đức Thắng"),
                                                   ("7215/UBND-KGVX", "Phạm Hoàng Sơn")]


def test_a_heading_doi_voi_a_list_of_bodies() -> None:
    from tracker.parsing.bodies import clause_bodies

    def named(text: str) -> list[str]:
        return [m.name for m in clause_bodies(text)]

    assert named("Đối với UBND các xã, phường:") == ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường"]
    assert named("Đối với UBND các xã, phường") == ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường"]
    assert named("Đối với Sở Y tế, Sở Tài chính:") == ["Sở Y tế", "Sở Tài chính"]
    assert named("Đối với các xã biên giới, tăng cường tuần tra.") == []  # a topic, then a task


def test_completion_up_to_a_day_is_a_time_limit_and_a_campaigns_span_is_not() -> None:
    from datetime import date

    from tracker.parsing.deadlines import analyse_timing

    issued = date(2026, 12, 2)
    assert str(analyse_timing("Tổ chức kiểm tra, hoàn thành đến ngày 31/12/2026.", issued).due) == "2026-12-31"
    assert analyse_timing("Tổ chức đợt cao điểm từ ngày 15/12/2026 đến ngày 15/02/2027.", issued).due is None


def test_giving_a_body_the_results_to_sum_up_and_report_after_the_last_item_names_the_monitor() -> None:
    body = ("1. Chi cục Kiểm lâm bố trí lực lượng trực 24/24 giờ.\n\n"
            "Giao Văn phòng Sở tổng hợp kết quả thực hiện, báo cáo Giám đốc Sở trước ngày 20/02/2027.")
    doc = extract(SourceText("t.txt", _LETTER.format(body=body), "utf-8", "0")).documents[0]
    assert doc.monitor == "Văn phòng Sở"
    assert [b.name for b in doc.items[0].bodies] == ["Chi cục Kiểm lâm"]
