"""Responsible bodies: subjects, lists with shared heads and tails, who is not responsible."""

from __future__ import annotations

import pytest

from tracker.domain.enums import TaskRole
from tracker.domain.text import modern_tones
from tracker.parsing.bodies import (
    clause_bodies,
    expand_abbreviations,
    intro_bodies,
    is_specific,
    recipient_bodies,
    resolve,
    split_list,
    to_bodies,
)


def names(text: str) -> list[str]:
    return [m.name for m in clause_bodies(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Các Đảng uỷ: Công an, Quân sự, Bộ đội Biên phòng tỉnh tăng cường công tác phối hợp",
     ["Đảng ủy Công an tỉnh", "Đảng ủy Quân sự tỉnh", "Đảng ủy Bộ đội Biên phòng tỉnh"]),
    ("Bí thư các huyện ủy, thành ủy, người đứng đầu cấp ủy tập trung chỉ đạo sát sao",
     ["Bí thư huyện ủy", "Bí thư thành ủy", "Người đứng đầu cấp ủy"]),
    ("Người đứng đầu cấp ủy, chính quyền các cấp trực tiếp chỉ đạo thực hiện công tác phòng, chống dịch",
     ["Người đứng đầu cấp ủy", "Người đứng đầu chính quyền"]),
    ("Sở Giao thông vận tải, Sở Y tế, Công an tỉnh, UBND các huyện Đắk R'Lấp, Cư Jút và Đắk Glong căn cứ "
     "chức năng, nhiệm vụ được giao:",
     ["Sở Giao thông vận tải", "Sở Y tế", "Công an tỉnh", "Ủy ban nhân dân huyện Đắk R'Lấp",
      "Ủy ban nhân dân huyện Cư Jút", "Ủy ban nhân dân huyện Đắk Glong"]),
    ("Căn cứ chức năng, nhiệm vụ được giao, các Sở, Ban, ngành chủ động phối hợp, đề xuất các chính sách",
     ["Sở, Ban, ngành"]),
    ("Ban Dân vận Tỉnh ủy, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội từ tỉnh đến cơ sở làm nòng cốt",
     ["Ban Dân vận Tỉnh ủy", "Mặt trận Tổ quốc", "Đoàn thể chính trị - xã hội"]),
    ("Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông tập trung chỉ đạo các cơ quan báo chí của tỉnh",
     ["Ban Tuyên giáo Tỉnh ủy", "Sở Thông tin và Truyền thông"]),
    ("Ủy ban Bầu cử tỉnh xây dựng phương án bầu cử", ["Ủy ban Bầu cử tỉnh"]),
    ("Đồng chí Bí thư cấp ủy trực tiếp lãnh đạo, chỉ đạo công tác phòng, chống dịch bệnh", ["Bí thư cấp ủy"]),
    # commune units and abbreviations (Ban Chỉ huy below the province, Bộ Chỉ huy at it)
    ("Trạm Y tế xã bố trí lực lượng trực cấp cứu 24/24 giờ", ["Trạm Y tế xã"]),
    ("BCH Quân sự phường, Công an phường sẵn sàng lực lượng", ["Ban Chỉ huy Quân sự phường", "Công an phường"]),
    ("Bộ CHQS tỉnh, Công an tỉnh sẵn sàng lực lượng, phương tiện", ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]),
    ("Cơ quan thường trú TTXVN tại tỉnh đưa tin kịp thời", ["Cơ quan thường trú Thông tấn xã Việt Nam tại tỉnh"]),
    # the author agreeing is not told to act; the bodies it assigns are
    ("Thường trực Tỉnh ủy thống nhất chủ trương tặng quà dịp Tết. Giao Sở Tài chính bố trí kinh phí",
     ["Sở Tài chính"]),
    ("Ban Thường vụ Tỉnh ủy cơ bản đồng ý với đề xuất của Ban cán sự đảng UBND tỉnh; giao Sở Nội vụ hoàn thiện hồ sơ",
     ["Sở Nội vụ"]),
    ("Sở Y tế thống nhất quản lý hoạt động xét nghiệm trên địa bàn", ["Sở Y tế"]),  # "uniformly", a task
    # the assignment at the end of the sentence, after a comma or in brackets
    ("Tổ chức tuyên truyền rộng rãi trên các phương tiện thông tin, giao Sở Văn hóa, Thể thao và Du lịch thực hiện.",
     ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Bố trí lực lượng trực trong các ngày nghỉ Tết (giao Văn phòng HĐND và UBND xã).",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]),
    ("Sở Giao thông vận tải bảo đảm an toàn giao thông, giao thông thông suốt", ["Sở Giao thông vận tải"]),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Giám đốc Công an tỉnh chủ động bố trí lực lượng",
     ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Giám đốc Công an tỉnh"]),
    # "lãnh đạo, chỉ đạo" named bodies: they are led; work ("công tác ...") and generic groups are not bodies
    ("Đảng đoàn HĐND tỉnh, Ban cán sự đảng UBND tỉnh lãnh đạo, chỉ đạo HĐND tỉnh, UBND tỉnh rà soát các nghị quyết",
     ["Đảng đoàn Hội đồng nhân dân tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh",
      "Ủy ban nhân dân tỉnh"]),
    ("Các huyện ủy lãnh đạo, chỉ đạo các địa phương, đơn vị triển khai", ["Huyện ủy"]),
    ("Ban Thường vụ Huyện ủy Khoái Châu tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch",
     ["Ban Thường vụ Huyện ủy Khoái Châu"]),
    # a specific body told to "chỉ đạo" another: both act; a group it directs does not
    ("Giám đốc Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh tăng cường giám sát",
     ["Giám đốc Sở Y tế", "Trung tâm Kiểm soát bệnh tật tỉnh"]),
    ("Phòng Giáo dục và Đào tạo chỉ đạo các trường mầm non, tiểu học rà soát cơ sở vật chất",
     ["Phòng Giáo dục và Đào tạo"]),
    ("UBND các huyện chỉ đạo UBND cấp xã khi phát hiện ca bệnh báo cáo ngay", ["Ủy ban nhân dân huyện"]),
])
def test_subjects_and_lists(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_bodies_a_named_body_is_told_to_lead_are_responsible() -> None:
    assert names("Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh, Ban Chỉ đạo phòng, chống dịch bệnh tỉnh:") == [
        "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh"]


def test_groups_a_body_is_told_to_direct_are_not_responsible() -> None:
    assert names("Ban Tuyên giáo Tỉnh ủy chỉ đạo, định hướng các cơ quan truyền thông, báo chí của tỉnh") == [
        "Ban Tuyên giáo Tỉnh ủy"]
    assert names("Ban cán sự Đảng UBND tỉnh tăng cường lãnh đạo, chỉ đạo các cơ quan chức năng tiếp tục thực hiện") \
        == ["Ban cán sự Đảng Ủy ban nhân dân tỉnh"]


def test_report_recipients_and_cited_authors_are_not_responsible() -> None:
    found = names("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh thường xuyên kiểm tra; kịp thời báo cáo "
                  "Thường trực Tỉnh ủy, Ban Thường vụ Tỉnh ủy cho ý kiến chỉ đạo")
    assert found == ["Ủy viên Ban Chấp hành Đảng bộ tỉnh"]
    assert names("Tiếp tục thực hiện các văn bản chỉ đạo của Trung ương, Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân "
                 "tỉnh, đặc biệt là Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị.") == []


def test_everyone_phrases_are_dropped() -> None:
    assert names("Toàn hệ thống chính trị của tỉnh tập trung cao nhất cho công tác phòng, chống dịch") == []
    assert names("Căn cứ chức năng, nhiệm vụ được giao, các cấp, các ngành chủ động phối hợp") == []


def test_lead_and_cooperating() -> None:
    found = clause_bodies("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh xây dựng kế hoạch")
    assert [(m.name, m.role) for m in found] == [
        ("Sở Y tế", TaskRole.LEAD), ("Sở Tài chính", TaskRole.COOPERATING), ("Công an tỉnh", TaskRole.COOPERATING)]


def test_set_phrases_stay_whole() -> None:
    assert split_list("các sở, ban, ngành, MTTQ, các đoàn thể tỉnh") == [
        "Sở, ban, ngành", "Mặt trận Tổ quốc", "Đoàn thể tỉnh"]
    assert split_list("cơ quan, đơn vị có liên quan") == ["Cơ quan, đơn vị có liên quan"]
    assert split_list("Sở Lao động, Thương binh và Xã hội, Sở Công Thương") == [
        "Sở Lao động, Thương binh và Xã hội", "Sở Công Thương"]


def test_shared_tail_of_a_list() -> None:
    assert split_list("cấp ủy, chính quyền, Ban Chỉ đạo phòng, chống dịch của địa phương") == [
        "Cấp ủy của địa phương", "Chính quyền của địa phương", "Ban Chỉ đạo phòng, chống dịch của địa phương"]
    assert split_list("Các huyện, thành ủy, đảng ủy trực thuộc") == ["Huyện ủy", "Thành ủy", "Đảng ủy trực thuộc"]


def test_abbreviations_are_expanded() -> None:
    assert expand_abbreviations("Ban cán sự đảng UBND tỉnh") == "Ban cán sự đảng Ủy ban nhân dân tỉnh"
    assert expand_abbreviations("Sở TT&TT") == "Sở Thông tin và Truyền thông"
    assert expand_abbreviations("ĐUTT Tỉnh ủy") == "Đảng ủy trực thuộc Tỉnh ủy"
    assert expand_abbreviations("TUYÊN") == "TUYÊN"  # whole words only


def test_directory_match_and_new_bodies() -> None:
    assert resolve("Mặt trận Tổ quốc") == ("Mặt trận Tổ quốc tỉnh", True)
    assert resolve("Ban cán sự Đảng Ủy ban nhân dân tỉnh") == ("Ban cán sự đảng Ủy ban nhân dân tỉnh", True)
    assert resolve("Sở Y tế tỉnh") == ("Sở Y tế", True)
    assert resolve("Đảng ủy trực thuộc") == ("Đảng ủy trực thuộc Tỉnh ủy", True)
    assert resolve("Ban Chỉ đạo phòng, chống dịch bệnh của tỉnh") == ("Ban Chỉ đạo phòng, chống dịch bệnh tỉnh", True)
    assert resolve("Hợp tác xã Nông nghiệp Bình Minh") == ("Hợp tác xã Nông nghiệp Bình Minh", False)


def test_old_tone_placement_matches_and_reads_modern() -> None:
    assert modern_tones("Đảng uỷ đoàn thể hoà bình") == "Đảng ủy đoàn thể hòa bình"
    assert resolve("Uỷ ban nhân dân tỉnh") == ("Ủy ban nhân dân tỉnh", True)


def test_intro_sentence_bodies_and_specificity() -> None:
    intro = ("Ủy ban nhân dân tỉnh yêu cầu các Sở, Ban, ngành, hội, đoàn thể cấp tỉnh, các đơn vị lực lượng vũ trang "
             "cấp tỉnh, UBND các huyện, thành phố thực hiện ngay một số nội dung sau:")
    found = intro_bodies(intro)
    assert [m.name for m in found] == ["Sở, Ban, ngành cấp tỉnh", "Hội cấp tỉnh", "Đoàn thể cấp tỉnh",
                                       "Đơn vị lực lượng vũ trang cấp tỉnh", "Ủy ban nhân dân huyện",
                                       "Ủy ban nhân dân thành phố"]
    assert is_specific(found)
    generic = intro_bodies("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, cơ quan, đơn vị quan tâm thực hiện:")
    assert generic and not is_specific(generic)
    assert intro_bodies("Thường trực Tỉnh ủy yêu cầu:") == []


def test_recipients_split_like_any_list() -> None:
    found = recipient_bodies(["Các đồng chí Tỉnh ủy viên", "Các sở, ban, ngành, đoàn thể cấp tỉnh",
                              "Các huyện, thành ủy, đảng ủy trực thuộc"])
    assert [m.name for m in found] == ["Tỉnh ủy viên", "Sở, ban, ngành cấp tỉnh", "Đoàn thể cấp tỉnh", "Huyện ủy",
                                       "Thành ủy", "Đảng ủy trực thuộc"]


def test_the_body_asked_acts_not_the_one_asking() -> None:
    assert names("Sở Y tế yêu cầu Trung tâm Kiểm soát bệnh tật tỉnh cấp phát vắc xin kịp thời") == [
        "Trung tâm Kiểm soát bệnh tật tỉnh"]


def test_common_words_are_not_bodies_unless_capitalised() -> None:
    assert names("Bố trí đủ nhân lực cho các điểm tiêm; báo cáo kết quả hàng ngày.") == []
    assert names("ban hành kế hoạch thực hiện trong tháng 8") == []
    assert names("Báo Đắk Nông tăng cường thông tin") == ["Báo Đắk Nông"]


@pytest.mark.parametrize("text", [
    "Báo cáo kết quả thực hiện về Sở Y tế trước ngày 25 hằng tháng.",
    "Ban hành kế hoạch thực hiện trong tháng 8.",
    "Phòng ngừa, ngăn chặn dịch bệnh lây lan từ các địa phương khác.",
])
def test_a_capitalised_verb_that_starts_like_a_head_is_not_a_body(text: str) -> None:
    """"Báo cáo" is not the newspaper "Báo" + "cáo ...": the longer phrase, a verb, wins."""
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Y tế đẩy nhanh tiến độ tiêm vắc xin cho người dân", ["Sở Y tế"]),
    ("Ban Tổ chức Tỉnh ủy kiện toàn bộ máy các cơ quan tham mưu", ["Ban Tổ chức Tỉnh ủy"]),
    ("Công an tỉnh làm rõ nguyên nhân vụ việc", ["Công an tỉnh"]),
    ("Sở Tài chính điều chỉnh dự toán năm 2021", ["Sở Tài chính"]),
])
def test_the_subject_ends_at_the_verb(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_unit_words_share_the_head_before_them() -> None:
    assert split_list("Trung tâm Y tế các huyện, thành phố; Bệnh viện Đa khoa tỉnh") == [
        "Trung tâm Y tế huyện", "Trung tâm Y tế thành phố", "Bệnh viện Đa khoa tỉnh"]


def test_fronted_phrase_colon_head_and_demand_verb() -> None:
    assert names("Trong thời gian tới, Sở Y tế tiếp tục chỉ đạo các bệnh viện") == ["Sở Y tế"]
    assert names("Giám đốc các Sở: Y tế, Tài chính, Kế hoạch và Đầu tư khẩn trương tham mưu") == [
        "Giám đốc Sở Y tế", "Giám đốc Sở Tài chính", "Giám đốc Sở Kế hoạch và Đầu tư"]
    assert names("UBND tỉnh giao Sở Nội vụ chủ trì tham mưu") == ["Sở Nội vụ"]
    # a report recipient after a comma is not a fronted subject
    assert names("kịp thời báo cáo Thường trực Tỉnh ủy, Ban Thường vụ Tỉnh ủy cho ý kiến chỉ đạo") == []


def test_a_generic_intro_ending_in_a_tail_word_is_still_generic() -> None:
    """"các cơ quan, đơn vị, địa phương" names nobody in particular: items fall back to "Kính gửi"."""
    found = intro_bodies("Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương khẩn trương thực hiện "
                         "một số nội dung sau:")
    assert found and not is_specific(found)


@pytest.mark.parametrize(("written", "expected"), [
    ("UBND các huyện, thị xã Kiến Tường và thành phố Tân An.",
     ["Ủy ban nhân dân huyện", "Ủy ban nhân dân thị xã Kiến Tường", "Ủy ban nhân dân thành phố Tân An"]),
    ("UBND thị xã Kiến Tường và thành phố Tân An",
     ["Ủy ban nhân dân thị xã Kiến Tường", "Ủy ban nhân dân thành phố Tân An"]),
    ("UBND các huyện, thị xã, thành phố",
     ["Ủy ban nhân dân huyện", "Ủy ban nhân dân thị xã", "Ủy ban nhân dân thành phố"]),
    ("Sở Lao động, Thương binh và Xã hội", ["Sở Lao động, Thương binh và Xã hội"]),
])
def test_named_units_share_the_head_and_split_at_va(written: str, expected: list[str]) -> None:
    assert [m.name for m in recipient_bodies([written])] == expected


@pytest.mark.parametrize("text", [
    "Thanh tra tỉnh phối hợp Sở Y tế kiểm tra đột xuất các cơ sở",
    "Thanh tra tỉnh phối hợp chặt chẽ với Sở Y tế kiểm tra đột xuất các cơ sở",
])
def test_cooperating_body_without_voi(text: str) -> None:
    assert [(m.name, m.role) for m in clause_bodies(text)] == [("Thanh tra tỉnh", TaskRole.LEAD),
                                                                ("Sở Y tế", TaskRole.COOPERATING)]


@pytest.mark.parametrize(("text", "expected"), [
    # "soát xét" is in no verb list: a whole directory name before a lower-case word ends there
    ("Kho bạc Nhà nước tỉnh soát xét các khoản chi", ["Kho bạc Nhà nước tỉnh"]),
    ("Sở Văn hóa, Thể thao và Du lịch soát xét các nội dung liên quan", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Tài chính, Kho bạc Nhà nước tỉnh soát xét hồ sơ", ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"]),
    ("Sở Tài chính chủ trì, phối hợp với Sở Y tế, Kho bạc Nhà nước tỉnh soát xét hồ sơ",
     ["Sở Tài chính", "Sở Y tế", "Kho bạc Nhà nước tỉnh"]),
    # words that continue a known name or its list keep it going
    ("Sở Y tế và Cục Thuế tỉnh soát xét số liệu", ["Sở Y tế", "Cục Thuế tỉnh"]),
    ("Sở Lao động, Thương binh và Xã hội soát xét hồ sơ", ["Sở Lao động, Thương binh và Xã hội"]),
    # a verb the list lacked used to be cut at a listed verb inside it ("giải trình" -> "... giải")
    ("Cục Thuế tỉnh giải trình các nội dung liên quan", ["Cục Thuế tỉnh"]),
    ("Kho bạc Nhà nước tỉnh phối kết hợp với Sở Tài chính", ["Kho bạc Nhà nước tỉnh", "Sở Tài chính"]),
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh nghiệm thu công trình", ["Ban Quản lý dự án đầu tư xây dựng tỉnh"]),
    ("Hội đồng Thi đua - khen thưởng tỉnh xét duyệt hồ sơ", ["Hội đồng Thi đua - khen thưởng tỉnh"]),
])
def test_the_subject_ends_at_a_verb_missing_from_the_lists(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Về đề xuất bổ sung vốn của Ban Quản lý dự án giao thông tỉnh: Giao Sở Kế hoạch và Đầu tư chủ trì, "
     "phối hợp với Sở Tài chính rà soát", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]),
    ("Về kiến nghị của UBND huyện Phù Mỹ: Sở Tài chính xem xét, tham mưu UBND tỉnh", ["Sở Tài chính"]),
    ("Đối với đề xuất của Sở Xây dựng, giao Sở Tư pháp thẩm định, báo cáo UBND tỉnh", ["Sở Tư pháp"]),
    ("Đối với đề xuất của Sở Xây dựng, Sở Tư pháp thẩm định", ["Sở Tư pháp"]),
    ("Trường hợp dịch bệnh lan rộng, vượt quá khả năng của địa phương, UBND các huyện kịp thời báo cáo UBND tỉnh",
     ["Ủy ban nhân dân huyện"]),
    # a topic with nobody acting after it names nobody
    ("Về đề xuất của Sở Xây dựng, cơ bản thống nhất", []),
])
def test_the_bodies_named_in_a_topic_do_not_act_the_clause_after_it_says_who_does(
        text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Các chủ đầu tư rà soát, lập kế hoạch giải ngân chi tiết", ["Chủ đầu tư"]),
    ("Trường Chính trị tỉnh rà soát, báo cáo kết quả thực hiện", ["Trường Chính trị tỉnh"]),
    ("Quỹ Đầu tư phát triển tỉnh rà soát, báo cáo kết quả thực hiện", ["Quỹ Đầu tư phát triển tỉnh"]),
    ("Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh rà soát các hồ chứa",
     ["Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh"]),
    ("Cảng vụ Hàng hải Quy Nhơn kiểm tra các tàu thuyền", ["Cảng vụ Hàng hải Quy Nhơn"]),
    # without a determiner or a capital these words describe, they do not name who acts
    ("Chủ đầu tư còn chậm hoàn thiện hồ sơ thanh toán", []),
    ("Trường hợp phát sinh vướng mắc, Sở Tư pháp hướng dẫn các địa phương", ["Sở Tư pháp"]),
    ("các công ty kinh doanh xăng dầu bảo đảm nguồn cung", ["Công ty kinh doanh xăng dầu"]),
])
def test_schools_funds_companies_and_investors_are_bodies(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Phòng Kinh tế và Hạ tầng rà soát", ["Phòng Kinh tế và Hạ tầng"]),
    ("Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thể thao và Truyền thông huyện tăng thời lượng phát tin",
     ["Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa, Thể thao và Truyền thông huyện"]),
    ("Văn phòng HĐND và UBND huyện rà soát", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]),
    ("Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo soát xét hồ sơ",
     ["Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"]),
    ("Báo và Phát thanh, Truyền hình Phú Thọ tăng cường thông tin", ["Báo và Phát thanh, Truyền hình Phú Thọ"]),
    # between two bodies "và" still splits
    ("Thường trực HĐND và UBND tỉnh chỉ đạo", ["Thường trực Hội đồng nhân dân", "Ủy ban nhân dân tỉnh"]),
])
def test_and_inside_the_names_of_district_offices_and_merged_departments(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ủy ban nhân dân các huyện: Hải Hà, Đầm Hà tăng cường kiểm soát",
     ["Ủy ban nhân dân huyện Hải Hà", "Ủy ban nhân dân huyện Đầm Hà"]),
    ("UBND các huyện: Hải Hà, Đầm Hà và thị xã Quảng Yên kiểm tra các chốt",
     ["Ủy ban nhân dân huyện Hải Hà", "Ủy ban nhân dân huyện Đầm Hà", "Ủy ban nhân dân thị xã Quảng Yên"]),
    ("Sở Y tế chủ trì, phối hợp với Uỷ ban nhân dân các huyện: Cù Lao Dung, Trần Đề rà soát",
     ["Sở Y tế", "Ủy ban nhân dân huyện Cù Lao Dung", "Ủy ban nhân dân huyện Trần Đề"]),
    ("Chủ tịch UBND các xã, thị trấn ven biển tổ chức sơ tán dân",
     ["Chủ tịch Ủy ban nhân dân xã", "Chủ tịch Ủy ban nhân dân thị trấn ven biển"]),
    ("Bí thư các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy lãnh đạo thực hiện",
     ["Bí thư huyện ủy", "Bí thư thành ủy", "Bí thư đảng ủy trực thuộc Tỉnh ủy"]),
    ("Đồng chí Bí thư các chi bộ, đảng bộ cơ sở chịu trách nhiệm trước Đảng ủy",
     ["Bí thư chi bộ", "Bí thư đảng bộ cơ sở"]),
])
def test_lists_of_districts_and_of_party_committees(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the special zone of the 2025 reform is a unit like a district: its bodies are not the province's
    ("UBND đặc khu Phú Quốc xây dựng kế hoạch", ["Ủy ban nhân dân đặc khu Phú Quốc"]),
    ("Công an đặc khu Phú Quốc kiểm tra", ["Công an đặc khu Phú Quốc"]),
    ("UBND các xã, phường, đặc khu xây dựng kế hoạch",
     ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường", "Ủy ban nhân dân đặc khu"]),
    ("Đặc khu Phú Quốc xây dựng kế hoạch", ["Đặc khu Phú Quốc"]),
    # a short or generic known name goes on in names the directory lacks
    ("Các cơ quan báo chí đưa tin kịp thời", ["Cơ quan báo chí"]),
    ("Các tổ chức đảng cơ sở rà soát danh sách", ["Tổ chức đảng cơ sở"]),
    # a person named before the office they hold: the office acts
    ("Đồng chí Trần Văn Nam, Giám đốc Sở Tài chính trực tiếp chỉ đạo", ["Giám đốc Sở Tài chính"]),
    ("Ông Nguyễn Văn Bình - Phó Giám đốc Sở Y tế theo dõi", ["Phó Giám đốc Sở Y tế"]),
])
def test_special_zones_generic_names_and_named_office_holders(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_sentence_typed_in_capitals_is_read_in_lower_case() -> None:
    found = to_bodies(clause_bodies("SỞ CÔNG THƯƠNG CHỦ TRÌ, PHỐI HỢP VỚI SỞ TÀI CHÍNH XÂY DỰNG KẾ HOẠCH TRIỂN KHAI CHỈ THỊ"))
    assert [(b.name, b.role.value) for b in found] == [("Sở Công Thương", "lead"), ("Sở Tài chính", "cooperating")]
    # a short line in capitals is a name or a heading, read as written
    assert names("BAN TUYÊN GIÁO TỈNH ỦY") == ["BAN TUYÊN GIÁO TỈNH ỦY"]
