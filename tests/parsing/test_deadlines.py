"""analyse_timing: every deadline form, recurrence and urgency cue, and the phrases that are NOT cues."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tracker.domain.enums import RecurrenceFreq, Urgency
from tracker.parsing.deadlines import analyse_time_cell, analyse_timing, occurrences

ISSUED = date(2021, 7, 4)  # a Sunday
ROOT = Path(__file__).resolve().parents[2]
GOLD = Path("/work/shared/gold")


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("text", "issued", "due", "raw"),
    [
        (
            "Các đơn vị báo cáo kết quả trước ngày 30/7/2021.",
            ISSUED,
            date(2021, 7, 30),
            "trước ngày 30/7/2021",
        ),
        ("Gửi báo cáo về Sở Y tế trước 30-7-2021.", ISSUED, date(2021, 7, 30), "trước 30-7-2021"),
        ("Gửi báo cáo về Sở Y tế trước ngày 30.7.2021.", ISSUED, date(2021, 7, 30), "trước ngày 30.7.2021"),
        (
            "Hoàn thành chậm nhất ngày 30 tháng 7 năm 2021.",
            ISSUED,
            date(2021, 7, 30),
            "chậm nhất ngày 30 tháng 7 năm 2021",
        ),
        (
            "Gửi danh sách trước 15 giờ ngày 25/7 để tổng hợp.",
            ISSUED,
            date(2021, 7, 25),
            "trước 15 giờ ngày 25/7",
        ),
        (
            "Báo cáo trước 17h00, thứ Sáu, ngày 09/7/2021.",
            ISSUED,
            date(2021, 7, 9),
            "trước 17h00, thứ Sáu, ngày 09/7/2021",
        ),
        (
            "Tham mưu Ủy ban nhân dân tỉnh chậm nhất ngày 10/8.",
            ISSUED,
            date(2021, 8, 10),
            "chậm nhất ngày 10/8",
        ),
        (
            "Chậm nhất là ngày 10/8/2021 phải hoàn thành.",
            ISSUED,
            date(2021, 8, 10),
            "Chậm nhất là ngày 10/8/2021",
        ),
        ("Hoàn thành trước ngày 30/5.", date(2021, 5, 8), date(2021, 5, 30), "Hoàn thành trước ngày 30/5"),
        ("Báo cáo trước ngày 15/01.", date(2021, 12, 20), date(2022, 1, 15), "trước ngày 15/01"),
        ("Thời hạn: trước ngày 20/7/2021.", ISSUED, date(2021, 7, 20), "Thời hạn: trước ngày 20/7/2021"),
        ("Triển khai xong trong ngày 05/7/2021.", ISSUED, date(2021, 7, 5), "xong trong ngày 05/7/2021"),
        ("Sở Y tế tham mưu, trình trong 7 ngày.", ISSUED, date(2021, 7, 11), "trong 7 ngày"),
        (
            "Trình Ủy ban nhân dân tỉnh trong thời hạn 10 ngày kể từ ngày ký.",
            ISSUED,
            date(2021, 7, 14),
            "trong thời hạn 10 ngày",
        ),
        (
            "Có ý kiến bằng văn bản trong vòng 05 ngày làm việc.",
            date(2021, 7, 2),
            date(2021, 7, 9),
            "trong vòng 05 ngày làm việc",
        ),
        (
            "Có ý kiến bằng văn bản trong vòng 03 ngày làm việc.",
            date(2021, 2, 8),
            date(2021, 2, 18),
            "trong vòng 03 ngày làm việc",
        ),
        ("Hoàn thành hồ sơ trong hai tuần.", ISSUED, date(2021, 7, 18), "trong hai tuần"),
        (  # "hoàn thành" right before the period outweighs "xét nghiệm" earlier in the clause
            "Hướng dẫn các địa phương xét nghiệm diện rộng, hoàn thành trong vòng 05 ngày làm việc.",
            date(2021, 7, 2),
            date(2021, 7, 9),
            "trong vòng 05 ngày làm việc",
        ),
        ("Hoàn thành việc rà soát trong 02 tháng.", ISSUED, date(2021, 9, 4), "trong 02 tháng"),
        ("Hoàn thành việc chi trả trong tháng 6.", date(2021, 5, 8), date(2021, 6, 30), "trong tháng 6"),
        (
            "Phấn đấu tiêm xong mũi 1 trong tháng 8 năm 2021.",
            ISSUED,
            date(2021, 8, 31),
            "trong tháng 8 năm 2021",
        ),
        (
            "Đưa bệnh viện dã chiến vào hoạt động trong quý III/2021.",
            ISSUED,
            date(2021, 9, 30),
            "trong quý III/2021",
        ),
        ("Hoàn thành trong quý IV.", ISSUED, date(2021, 12, 31), "Hoàn thành trong quý IV"),
        (
            "Hoàn thành số hóa hồ sơ trong 6 tháng đầu năm.",
            date(2021, 2, 1),
            date(2021, 6, 30),
            "trong 6 tháng đầu năm",
        ),
        ("Phân loại tổ chức đảng và đảng viên cuối năm 2021.", None, date(2021, 12, 31), "cuối năm 2021"),
        ("Tổng kết, đánh giá vào cuối năm.", ISSUED, date(2021, 12, 31), "cuối năm"),
        ("Hoàn thành tiêm chủng trong năm 2021.", ISSUED, date(2021, 12, 31), "trong năm 2021"),
        (
            "Xây dựng kế hoạch tiêm chủng. Thời gian thực hiện: quý III/2021.",
            ISSUED,
            date(2021, 9, 30),
            "Thời gian thực hiện: quý III/2021",
        ),
        (
            "Rà soát, cập nhật dữ liệu dân cư. Thời gian hoàn thành: tháng 8/2021.",
            ISSUED,
            date(2021, 8, 31),
            "Thời gian hoàn thành: tháng 8/2021",
        ),
        ("Tổng hợp danh sách, hạn nộp: 30/7/2021.", ISSUED, date(2021, 7, 30), "hạn nộp: 30/7/2021"),
        ("Chi trả hỗ trợ trước Tết Nguyên đán.", ISSUED, date(2022, 1, 28), "trước Tết Nguyên đán"),
        (
            "Chi trả hỗ trợ trước Tết Nguyên đán Tân Sửu.",
            date(2020, 12, 1),
            date(2021, 2, 9),
            "trước Tết Nguyên đán Tân Sửu",
        ),
        ("Các địa phương hoàn thiện hồ sơ, thực hiện đến hết ngày 31/12/2021.", ISSUED, date(2021, 12, 31),
         "đến hết ngày 31/12/2021"),
        ("Từ nay đến ngày 30/9/2021, các xã hoàn thành rà soát.", ISSUED, date(2021, 9, 30), "Từ nay đến ngày 30/9/2021"),
        ("Báo cáo trước ngày mùng 5 tháng 8 năm 2021.", ISSUED, date(2021, 8, 5), "trước ngày mùng 5 tháng 8 năm 2021"),
        # counted from receiving this text: the issue date
        ("Báo cáo trong 05 ngày làm việc kể từ ngày nhận được Công văn này.", ISSUED, date(2021, 7, 9),
         "trong 05 ngày làm việc"),
        ("Báo cáo trong 07 ngày kể từ ngày nhận.", ISSUED, date(2021, 7, 11), "trong 07 ngày"),
        # a follow-up letter repeats a time limit just passed: still the item's deadline
        ("Sở Y tế chưa gửi; đề nghị gửi báo cáo trước ngày 30/6/2021.", ISSUED, date(2021, 6, 30),
         "trước ngày 30/6/2021"),
        ("Hoàn thành chậm nhất ngày 01/7/2021.", ISSUED, date(2021, 7, 1), "chậm nhất ngày 01/7/2021"),
        # "đợt ... cuối năm" names the campaign; its month is the time limit
        ("Tổ chức tiêm chủng mở rộng đợt cuối năm trong tháng 01/2022.", ISSUED, date(2022, 1, 31),
         "trong tháng 01/2022"),
    ],
)
def test_deadline_forms(text: str, issued: date | None, due: date, raw: str) -> None:
    hint = analyse_timing(text, issued)
    assert hint.due == due
    assert hint.raw == raw


def test_year_less_date_without_issue_date_keeps_the_phrase_only() -> None:
    hint = analyse_timing("Báo cáo kết quả trước ngày 30/5.", None)
    assert hint.raw == "trước ngày 30/5"
    assert hint.due is None


def test_first_time_limit_wins() -> None:
    hint = analyse_timing(
        "Báo cáo tiến độ trước ngày 15/7/2021; hoàn thành toàn bộ trước ngày 30/9/2021.", ISSUED
    )
    assert hint.due == date(2021, 7, 15)


def test_impossible_date_is_kept_as_unreadable() -> None:
    hint = analyse_timing("Báo cáo trước ngày 31/6/2021.", ISSUED)
    assert hint.raw == "trước ngày 31/6/2021"
    assert hint.due is None


@pytest.mark.parametrize(
    "text",
    [
        # dates of cited documents
        "Tiếp tục thực hiện Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị.",
        "Thực hiện nghiêm Công văn số 215-CV/TU ngày 14/6/2021 của Ban Thường vụ Tỉnh ủy.",
        "Tiếp tục chỉ đạo thực hiện tốt Thông báo số 368-TB/TU, ngày 13-8-2021 của Ban Thường vụ Tỉnh ủy.",
        "Triển khai Nghị quyết số 68/NQ-CP, ngày 01-7-2021 của Chính phủ.",
        "Thực hiện Quyết định số 1044/QĐ-BCĐ ngày 22/7/2021 về việc áp dụng một số biện pháp cấp bách.",
        # counts and situations
        "Tính đến ngày 04/7/2021, trên địa bàn tỉnh ghi nhận 157 trường hợp dương tính.",
        "Cách ly tập trung trong 14 ngày kể từ ngày nhập cảnh.",
        "Người về từ vùng dịch phải tự theo dõi sức khỏe trong 14 ngày.",
        "Rà soát những người đến từ vùng dịch trong 14 ngày qua.",
        "Xét nghiệm cho người có triệu chứng sốt, ho trong 14 ngày gần nhất.",
        "Thực hiện giãn cách xã hội trong 15 ngày.",
        "Tổ chức sơ kết 6 tháng đầu năm 2021.",
        "Kết quả quý II/2021 cho thấy nhiều chuyển biến.",
        "Tình hình dịch bệnh từ cuối năm 2020 đến nay diễn biến phức tạp.",
        "Đánh giá kết quả năm học cuối năm học 2021-2022.",
        # a date before the directive was issued is not a time limit
        "Rà soát người về địa phương trước ngày 01/7/2021.",
        # a date given by an event, not by the issue date
        "Khai báo y tế trong 24 giờ kể từ khi về địa phương.",
        "Báo cáo trong 2 ngày kể từ khi phát hiện ca bệnh.",
        "Giải quyết trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "Trả lời trong 10 ngày kể từ ngày nhận được kiến nghị của doanh nghiệp.",
        "Sau đại hội, báo cáo kết quả về Đảng ủy trong 03 ngày làm việc.",
        "Sở Xây dựng, sau khi nhận đủ hồ sơ, thẩm định trong 05 ngày làm việc.",
        # a cue date long before the issue date is a reference
        "Gửi báo cáo về các dự án hoàn thành trước ngày 01/7/2014.",
        # the end of a measure is not a time limit
        "Tạm dừng hoạt động các cơ sở karaoke đến hết ngày 15/8/2021.",
        "Thực hiện giãn cách xã hội đến hết ngày 31/7/2021.",
        # the year's end as a season
        "Tăng cường tuần tra, bảo đảm an ninh trật tự dịp cuối năm.",
        "Chuẩn bị lực lượng cho đợt cao điểm cuối năm.",
    ],
)
def test_not_a_deadline(text: str) -> None:
    assert analyse_timing(text, ISSUED).due is None


# ---------------------------------------------------------------- recurrence


@pytest.mark.parametrize(
    ("text", "freq", "rrule"),
    [
        ("Cập nhật số liệu hàng ngày lên hệ thống.", RecurrenceFreq.DAILY, "FREQ=DAILY"),
        ("Hằng ngày báo cáo Ban Chỉ đạo tỉnh.", RecurrenceFreq.DAILY, "FREQ=DAILY"),
        (
            "Thường xuyên giám sát, báo cáo kết quả (hàng ngày) về Ban Chỉ đạo.",
            RecurrenceFreq.DAILY,
            "FREQ=DAILY",
        ),
        ("Tổ chức giao ban hằng tuần để đánh giá tình hình.", RecurrenceFreq.WEEKLY, "FREQ=WEEKLY"),
        ("Báo cáo vào thứ Năm hằng tuần.", RecurrenceFreq.WEEKLY, "FREQ=WEEKLY;BYDAY=TH"),
        ("Báo cáo hằng tuần (vào thứ Hai) về Sở Nội vụ.", RecurrenceFreq.WEEKLY, "FREQ=WEEKLY;BYDAY=MO"),
        ("Định kỳ hàng tháng tổng hợp kết quả gửi Sở Y tế.", RecurrenceFreq.MONTHLY, "FREQ=MONTHLY"),
        ("Báo cáo trước ngày 20 hằng tháng.", RecurrenceFreq.MONTHLY, "FREQ=MONTHLY;BYMONTHDAY=20"),
        (
            "Gửi báo cáo về Sở Tài chính trước ngày 25 hàng tháng.",
            RecurrenceFreq.MONTHLY,
            "FREQ=MONTHLY;BYMONTHDAY=25",
        ),
        ("Sơ kết, đánh giá hằng quý.", RecurrenceFreq.QUARTERLY, "FREQ=MONTHLY;INTERVAL=3"),
        ("Báo cáo hằng năm về Ủy ban nhân dân tỉnh.", RecurrenceFreq.YEARLY, "FREQ=YEARLY"),
        ("Định kỳ hằng năm tổ chức sơ kết.", RecurrenceFreq.YEARLY, "FREQ=YEARLY"),
        (
            "Tổng hợp, báo cáo trước ngày 15 tháng 12 hằng năm.",
            RecurrenceFreq.YEARLY,
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",
        ),
        # several times a period still repeats every period
        ("Kiểm tra thân nhiệt 2 lần/ngày và báo cáo Trạm Y tế.", RecurrenceFreq.DAILY, "FREQ=DAILY"),
        ("Các xã báo cáo 03 lần/tuần về Sở Y tế.", RecurrenceFreq.WEEKLY, "FREQ=WEEKLY"),
    ],
)
def test_recurrence_cues(text: str, freq: RecurrenceFreq, rrule: str) -> None:
    hint = analyse_timing(text, ISSUED)
    assert hint.recurrence == freq
    assert hint.rrule == rrule
    assert hint.due is None


@pytest.mark.parametrize(
    "text",
    [
        "Bảo đảm đời sống hằng ngày của nhân dân.",
        "Cung ứng nhu yếu phẩm phục vụ sinh hoạt hằng ngày.",
        "Dịch bệnh đã kéo dài hàng tháng nay.",
        "Tổ chức lễ hội truyền thống hằng năm.",
        "Như hằng năm, tổ chức tốt các hoạt động.",
        "Số ca mắc mới hằng ngày tăng nhanh.",
    ],
)
def test_not_a_recurrence(text: str) -> None:
    assert analyse_timing(text, ISSUED).recurrence is None


# ---------------------------------------------------------------- urgency


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("Triển khai ngay các biện pháp khoanh vùng, truy vết.", Urgency.IMMEDIATE),
        ("Báo cáo ngay lập tức về Sở Y tế.", Urgency.IMMEDIATE),
        ("Các xã thực hiện ngay từ hôm nay việc kiểm soát ra vào.", Urgency.IMMEDIATE),
        ("Khẩn trương tổ chức triển khai thực hiện có hiệu quả nghị quyết.", Urgency.URGENT),
        ("Sở Y tế khẩn cấp thiết lập thêm khu cách ly.", Urgency.URGENT),
        ("Các địa phương cấp bách triển khai các biện pháp phòng dịch.", Urgency.URGENT),
        ("Chuyển vùng vàng thành vùng xanh trong thời gian sớm nhất.", Urgency.URGENT),
        ("Các huyện báo cáo gấp số liệu về Sở Y tế.", Urgency.URGENT),
        ("Thường xuyên kiểm tra, kiểm soát, chấn chỉnh các doanh nghiệp.", Urgency.ONGOING),
        ("Các đồng chí Tỉnh ủy viên thường xuyên kiểm tra và đôn đốc.", Urgency.ONGOING),
        ("Tiếp tục kiểm tra thường xuyên các chốt kiểm dịch.", Urgency.ONGOING),
        # the strongest cue of the first clause
        ("Thường xuyên theo dõi và khẩn trương báo cáo ngay khi có biến động.", Urgency.URGENT),
        ("Khẩn trương rà soát, triển khai ngay các biện pháp.", Urgency.IMMEDIATE),
        # upon receipt of the letter: at once (unlike "ngay sau khi nhập cảnh", a time anchor)
        ("Ngay sau khi nhận được văn bản này, Sở Y tế rà soát các điểm cách ly.", Urgency.IMMEDIATE),
        ("Các xã, phường ngay khi nhận được Công điện triển khai lực lượng.", Urgency.IMMEDIATE),
    ],
)
def test_urgency_cues(text: str, urgency: Urgency) -> None:
    assert analyse_timing(text, ISSUED).urgency == urgency


@pytest.mark.parametrize(
    "text",
    [
        # a cue after the first directive clause does not govern the item
        "Nâng cao hiệu quả hoạt động của tổ Covid cộng đồng; thường xuyên giám sát, báo cáo kết quả.",
        "Tiếp tục chỉ đạo thực hiện tốt Thông báo số 368-TB/TU. Khẩn trương truy vết các đối tượng liên quan.",
        # conditions
        "Tiếp tục rà soát phương án, cơ chế vận hành, khi cần là đưa vào áp dụng ngay.",
        "Khi phát hiện ca bệnh, phải khẩn trương triển khai ngay các biện pháp khoanh vùng.",
        "Tích cực thực hiện các biện pháp, trường hợp cấp bách, vượt thẩm quyền cần xin ý kiến chỉ đạo.",
        "Nếu có tình huống phát sinh thì báo cáo ngay.",
        # "ngay" that is not a demand for immediate action
        "Xây dựng kế hoạch khôi phục sản xuất ngay sau dịch bệnh được kiểm soát.",
        "Quản lý chặt chẽ các trường hợp cách ly ngay sau khi nhập cảnh.",
        "Chủ động phòng ngừa ngay từ cơ sở.",
        "Bố trí lực lượng ngay tại các chốt kiểm dịch.",
        # situations and descriptions
        "Tăng cường tuyên truyền trong tình hình cấp bách hiện nay.",
        "Thực hiện tốt các giải pháp trước tình trạng khẩn cấp về dịch bệnh.",
        "Rà soát, đề xuất danh mục công trình thủy lợi cấp bách cần đầu tư.",
        "Bố trí vốn cho các dự án giao thông cấp bách của tỉnh.",
        "Việc triển khai tại một số đơn vị chưa khẩn trương.",
        "Kiểm soát chặt chẽ các phương tiện, sớm phát hiện trường hợp dương tính.",
        "Kịp thời khen thưởng những tổ chức, cá nhân thực hiện tốt.",
        "Nâng công suất xét nghiệm lên gấp đôi so với hiện nay.",
        "Tiếp tục quán triệt sâu sắc quan điểm chống dịch như chống giặc.",
    ],
)
def test_not_urgent(text: str) -> None:
    assert analyse_timing(text, ISSUED).urgency is None


def test_intro_cue_governs_every_item() -> None:
    intro = (
        "Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Công văn 470-CV/TU ngày 22/7/2021; Ủy ban nhân dân "
        "tỉnh yêu cầu các Sở, Ban, ngành thực hiện ngay một số nội dung và biện pháp như sau:"
    )
    for item in ("Toàn hệ thống chính trị tiếp tục tập trung cao nhất.", "Biểu dương khen thưởng kịp thời."):
        assert analyse_timing(item, ISSUED, intro).urgency == Urgency.IMMEDIATE
    assert analyse_timing("Thường xuyên kiểm tra.", ISSUED, intro).urgency == Urgency.IMMEDIATE


def test_intro_situation_and_preamble_do_not_count() -> None:
    intro = (
        "Ban Chỉ đạo đã chỉ đạo các ngành khẩn trương, thần tốc phong tỏa, thực hiện ngay các biện pháp.\n"
        "Với tinh thần quyết liệt, thần tốc trong tình hình cấp bách hiện nay, Thường trực Tỉnh ủy yêu cầu:"
    )
    assert analyse_timing("Toàn hệ thống chính trị tiếp tục tập trung.", ISSUED, intro).urgency is None


def test_parent_heading_joined_to_intro_governs_sub_items() -> None:
    intro = (
        "Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan thực hiện một số nội dung sau:\nGiao Sở Y tế khẩn trương:"
    )
    assert analyse_timing("Rà soát các khu cách ly.", ISSUED, intro).urgency == Urgency.URGENT


def test_intro_deadline_applies_when_the_item_has_none() -> None:
    intro = (
        "Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện các nội dung sau, báo cáo trước ngày 30/7/2021:"
    )
    assert analyse_timing("Rà soát các khu cách ly.", ISSUED, intro).due == date(2021, 7, 30)
    assert analyse_timing("Rà soát, hoàn thành trước ngày 15/7/2021.", ISSUED, intro).due == date(2021, 7, 15)


def test_old_and_new_tone_placement_give_the_same_hint() -> None:
    new = "Ủy ban nhân dân huyện khẩn trương hòa giải, báo cáo hằng quý, hoàn thành trong quý III/2021."
    old = "Uỷ ban nhân dân huyện khẩn trương hoà giải, báo cáo hằng quý, hoàn thành trong quý III/2021."
    assert analyse_timing(new, ISSUED) == analyse_timing(old, ISSUED)
    assert analyse_timing(old, ISSUED).urgency == Urgency.URGENT
    assert analyse_timing(old, ISSUED).recurrence == RecurrenceFreq.QUARTERLY
    assert analyse_timing(old, ISSUED).due == date(2021, 9, 30)


def test_empty_and_plain_text() -> None:
    assert analyse_timing("", ISSUED) == analyse_timing("Tăng cường tuyên truyền.", None)
    assert analyse_timing("", None).raw is None


# ---------------------------------------------------------------- occurrences


def test_occurrences_monthly_by_day() -> None:
    days = occurrences("FREQ=MONTHLY;BYMONTHDAY=20", date(2021, 7, 4), date(2021, 7, 1), date(2021, 10, 31))
    assert days == [date(2021, 7, 20), date(2021, 8, 20), date(2021, 9, 20), date(2021, 10, 20)]


def test_occurrences_weekly_and_quarter_end_window() -> None:
    fridays = occurrences("FREQ=WEEKLY;BYDAY=FR", date(2021, 7, 4), date(2021, 7, 9), date(2021, 7, 23))
    assert fridays == [date(2021, 7, 9), date(2021, 7, 16), date(2021, 7, 23)]
    quarters = occurrences(
        "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", date(2021, 7, 4), date(2021, 1, 1), date(2022, 4, 1)
    )
    assert quarters == [date(2021, 9, 15), date(2021, 12, 15), date(2022, 3, 15)]
    assert occurrences("FREQ=DAILY", date(2021, 7, 4), date(2021, 7, 10), date(2021, 7, 1)) == []


def test_every_rrule_the_parser_emits_is_readable() -> None:
    for text in ("báo cáo hằng quý", "báo cáo hằng năm", "báo cáo hằng ngày", "họp thứ Bảy hằng tuần"):
        hint = analyse_timing(text, ISSUED)
        assert hint.rrule is not None
        assert occurrences(hint.rrule, ISSUED, ISSUED, date(2022, 12, 31))


# ---------------------------------------------------------------- the sample directives against the gold


_LABEL = re.compile(r"^\s*(?:(?P<num>\d+)\s*[.\-)]|[a-zđ]\)|[-+•])\s+")


def _items_with_intro(text: str) -> list[tuple[str, str]]:
    """(item text, intro + parent heading) for each leaf item: a small segmentation for this test only."""
    items: list[tuple[str, str]] = []
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    start = next(
        i for i, ln in enumerate(lines) if ln.endswith(":") and not _LABEL.match(ln) and "Kính gửi" not in ln
    )
    intro = lines[start]
    heading = ""
    current: list[str] | None = None
    current_context = ""
    for line in lines[start + 1 :]:
        if line.startswith("Nơi nhận"):
            break
        label = _LABEL.match(line)
        if label is None:
            if current is not None:
                current.append(line)
            elif line.endswith(":"):
                intro = line
            continue
        if current is not None:
            items.append((" ".join(current), current_context))
        body = line[label.end() :]
        if label.group("num") and body.endswith(":"):
            heading, current = body, None
            continue
        if label.group("num"):
            heading = ""
        current, current_context = [body], "\n".join(p for p in (intro, heading) if p)
    if current is not None:
        items.append((" ".join(current), current_context))
    return items


def _gold_cases() -> list[tuple[str, dict, str | None, str, str]]:
    cases = []
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (ROOT / "sample_docs" / gold["file"]).read_text(encoding="utf-8")
        document = gold["documents"][0]  # the first directive of each file
        cut = text.find("Nơi nhận")
        items = _items_with_intro(text[: cut if cut > 0 else len(text)])
        for expected in document["items"]:
            key = " ".join(expected["starts_with"].split()[:5])
            found = [pair for pair in items if " ".join(pair[0].split()).startswith(key)]
            assert found, f"{gold['file']}: no item starts with {key!r}"
            cases.append((f"{gold['file'][:3]}:{expected['ref']}", expected, document["date"], *found[0]))
    return cases


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not available")
def test_sample_directives_match_the_gold() -> None:
    wrong = []
    for case_id, expected, issued, item_text, context in _gold_cases():
        hint = analyse_timing(item_text, date.fromisoformat(issued) if issued else None, context or None)
        got = {
            "deadline": hint.due.isoformat() if hint.due else None,
            "recurrence": hint.recurrence.value if hint.recurrence else None,
            "urgency": hint.urgency.value if hint.urgency else None,
        }
        want = {field: expected[field] for field in got}
        if got != want:
            wrong.append((case_id, got, want))
    assert not wrong


def test_line_broken_mid_sentence_is_one_clause() -> None:
    assert (
        analyse_timing("Các huyện tập trung chỉ đạo,\nkhẩn trương hoàn thành việc rà soát.", ISSUED).urgency
        == Urgency.URGENT
    )
    assert analyse_timing("Giao Sở Y tế:\nKhẩn trương xây dựng phương án.", ISSUED).urgency == Urgency.URGENT
    assert analyse_timing("Tăng cường tuyên truyền.\nKhẩn trương xây dựng phương án.", ISSUED).urgency is None


def test_intro_broken_across_lines() -> None:
    intro = "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành\nthực hiện ngay một số nội dung sau:"
    assert analyse_timing("Rà soát các khu cách ly.", ISSUED, intro).urgency == Urgency.IMMEDIATE
    situation = "Trước tình hình cấp bách\nhiện nay, Thường trực Tỉnh ủy yêu cầu:"
    assert analyse_timing("Rà soát các khu cách ly.", ISSUED, situation).urgency is None


@pytest.mark.parametrize(("cell", "raw", "due", "recurrence", "urgency"), [
    ("Quý IV/2023", "Quý IV/2023", date(2023, 12, 31), None, None),
    ("Trước ngày 30/11/2023", "Trước ngày 30/11/2023", date(2023, 11, 30), None, None),
    ("Năm 2024", "Năm 2024", date(2024, 12, 31), None, None),
    ("Hằng quý", "Hằng quý", None, RecurrenceFreq.QUARTERLY, None),
    ("Thường xuyên", None, None, None, Urgency.ONGOING),
])
def test_a_task_tables_time_cell_alone_is_the_rows_time_limit(
        cell: str, raw: str | None, due: date | None, recurrence: RecurrenceFreq | None, urgency: Urgency | None) -> None:
    hint = analyse_time_cell(cell, date(2023, 5, 1))
    assert (hint.raw, hint.due, hint.recurrence, hint.urgency) == (raw, due, recurrence, urgency)
