"""Deadline, recurrence and urgency phrases, as DATA.

Every rule has an id, a regular expression, a real example sentence and what that example gives
(``expect``) when the directive is dated ``issued``: an ISO date for deadline rules, an RRULE for
recurrence rules, an urgency level for urgency rules. ``tests/parsing/test_deadlines_rules.py`` runs
every rule on its own example.

Patterns are matched against text that is NFC, has the modern tone placement
(``tracker.domain.text.modern_tones``), is lower-cased and has every whitespace character turned into
a plain space (so ``\\s+`` also spans line breaks). ``tracker.parsing.deadlines`` resolves the named
groups: ``d``/``m``/``y`` (numeric date) or ``d2``/``m2``/``y2`` (date written "ngày 30 tháng 5 năm
2021"), ``n``/``unit``/``work`` (relative period), ``mo``, ``q``, ``half``, ``canchi``, ``md``, ``wd``.

The word lists at the end (condition markers, situation nouns, quarantine contexts, report verbs...)
are the precision guards: they say when a phrase that looks like a cue is not one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EXAMPLE_ISSUED = date(2021, 7, 4)


@dataclass(frozen=True)
class TimingRule:
    id: str
    kind: str  # resolver: date | relative | month_end | month_this | quarter_end | half_end | year_end
    #            | year_within | tet | tet_solar | recurrence | urgency
    pattern: str
    example: str
    expect: str  # ISO date, RRULE string, or urgency level for ``example`` issued on ``issued``
    issued: date = EXAMPLE_ISSUED
    freq: str = ""  # recurrence rules: daily | weekly | monthly | quarterly | yearly ("" = from ``unit``)
    # a quick pre-check: the pattern can only match text holding one of these words (speed only)
    needles: tuple[str, ...] = ()


# ---------------------------------------------------------------- fragments (used by the patterns)

# "15 giờ", "17h00", "16 giờ 30 phút", "10h30'" (a time of day before the date)
TIME = r"(?:\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{1,2}(?:\s*(?:phút|p|'))?)?\s*(?:sáng|chiều|tối)?\s*,?\s*)"
WEEKDAY_WORD = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
WEEKDAY = rf"(?:{WEEKDAY_WORD}\s*,?\s*)"
# a date that repeats ("ngày 15/12 hằng năm") is a recurrence, not a deadline
NOT_REPEATING = r"(?!\s*,?\s*(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|tháng|quý|tuần))"
# 30/5/2021, 30-5-2021, 30.5.2021, 30/5/21, 30/5 | 30 tháng 5 năm 2021, 30 tháng 5
DATE = (
    r"(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}|\d{2}))?(?!\s*[/.\-]?\s*\d)"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s*năm\s+(?P<y2>\d{4}))?(?!\s*\d))" + NOT_REPEATING
)
DATE_LEAD = rf"\s*[:(,]?\s*{TIME}?{WEEKDAY}?(?:ngày\s*)?(?:(?:mùng|mồng)\s+)?"
NUMBER = (
    r"(?P<n>\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+(?:lăm|năm|hai|ba|bốn))?"
    r"|hai\s+mươi(?:\s+(?:lăm|mốt))?|ba\s+mươi)"
)
# what sets a period as the time limit: "trong quý III", "hoàn thành trong tháng 8", "thời gian thực hiện: năm 2021"
PERIOD_TRIGGERS = (  # its alternatives, to join with more in one group (a pattern that opens with one
    # alternation of words lets the engine skip to their first letters; nested groups hide them)
    r"trong|hoàn\s+thành(?:\s+trong)?|xong(?:\s+trong)?|chậm\s+nhất(?:\s+(?:là|trong))*"
    r"|thời\s+(?:hạn|gian)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:"
)
PERIOD_TRIGGER = rf"(?:{PERIOD_TRIGGERS})"
ROMAN_QUARTER = r"(?P<q>iv|iii|ii|i|[1-4])"
YEAR_TAIL = r"(?:\s*(?:/|-|,?\s*năm)\s*(?P<y>\d{4}))?"
CANCHI = (
    r"(?P<canchi>(?:giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)\s+"
    r"(?:tý|sửu|dần|mão|mẹo|thìn|tỵ|ngọ|mùi|thân|dậu|tuất|hợi))"
)
REPEAT = r"(?:hằng|hàng|mỗi)"
# a period counted from something else ("05 ngày làm việc sau cuộc họp", "... trước ngày khai mạc"), or a
# span of the past ("trong 7 ngày qua"): no time limit from the issue date
NOT_AN_EVENT_OFFSET = (
    r"(?!\s*(?:qua|vừa\s+qua|gần\s+đây|gần\s+nhất|trở\s+lại|trước|tới|liên\s+tục|liên\s+tiếp|tiếp\s+theo"
    r"|đầu|cuối|sau|/))"
)

# ---------------------------------------------------------------- deadline rules

DEADLINE_RULES: tuple[TimingRule, ...] = (
    TimingRule(
        id="date.before",
        kind="date",
        pattern=rf"trước{DATE_LEAD}{DATE}",
        example="Các đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Y tế) trước ngày 30/7/2021.",
        expect="2021-07-30",
        needles=("trước",),
    ),
    TimingRule(
        id="date.before_hour",
        kind="date",
        pattern=rf"trước\s+{TIME}{WEEKDAY}?(?:ngày\s*)?{DATE}",
        example="Tổng hợp danh sách, gửi về Văn phòng Ủy ban nhân dân tỉnh trước 15 giờ ngày 25/7 để tổng hợp.",
        expect="2021-07-25",
        needles=("trước",),
    ),
    TimingRule(
        id="date.latest",
        kind="date",
        pattern=rf"(?:chậm|muộn)\s+nhất(?:\s+(?:là|vào|trước|đến))*{DATE_LEAD}{DATE}",
        example="Sở Tài chính tham mưu phương án hỗ trợ, báo cáo Ủy ban nhân dân tỉnh chậm nhất ngày 10/8.",
        expect="2021-08-10",
        needles=("chậm nhất", "muộn nhất"),
    ),
    TimingRule(
        id="date.time_limit",
        kind="date",
        pattern=(
            r"(?:hạn\s+(?:chót|cuối|nộp|gửi|báo\s+cáo)|thời\s+hạn(?:\s+(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo|gửi|nộp))?"
            r"|thời\s+gian\s+hoàn\s+thành)"
            rf"\s*:?(?:\s*(?:là|vào|trước)(?!\w))*{DATE_LEAD}{DATE}"
        ),
        example="Các huyện rà soát nhu cầu vắc xin, thời hạn hoàn thành: ngày 15 tháng 8 năm 2021.",
        expect="2021-08-15",
        needles=("hạn", "thời gian hoàn thành"),
    ),
    TimingRule(
        id="date.complete_on",
        kind="date",
        pattern=rf"(?:hoàn\s+thành|hoàn\s+tất|xong)(?:\s+(?:trong|vào|trước|đến|tới))?\s+(?:{TIME})?{WEEKDAY}?ngày\s*{DATE}",
        example="Sở Xây dựng cải tạo khu cách ly tập trung, hoàn thành trước ngày 20-7-2021.",
        expect="2021-07-20",
        needles=("hoàn", "xong"),
    ),
    TimingRule(
        id="date.until",
        kind="date",
        pattern=rf"(?:đến\s+hết|tới\s+hết|từ\s+nay\s+(?:đến|tới)(?:\s+hết)?){DATE_LEAD}{DATE}",
        example="Các địa phương hoàn thiện hồ sơ đất đai, thực hiện đến hết ngày 31/12/2021.",
        expect="2021-12-31",
        needles=("đến hết", "tới hết", "từ nay"),
    ),
    TimingRule(
        id="date.within_day",
        kind="date",
        pattern=rf"trong\s+ngày\s*{DATE}",
        example="Công an tỉnh triển khai lực lượng tại các chốt kiểm dịch trong ngày 06/7/2021.",
        expect="2021-07-06",
        needles=("trong",),
    ),
    TimingRule(
        id="relative.period",
        kind="relative",
        pattern=(
            r"(?:trong(?:\s+(?:vòng|thời\s+hạn|thời\s+gian))?|thời\s+hạn|chậm\s+nhất(?:\s+(?:là|sau))*)\s+"
            # "làm việc" read whenever it follows (not skipped to let "... làm việc sau cuộc họp" pass)
            rf"{NUMBER}\s+(?P<unit>ngày|tuần|tháng)(?P<work>\s+làm\s+việc)?(?!\s+làm\s+việc){NOT_AN_EVENT_OFFSET}"
        ),
        example="Sở Y tế tham mưu kế hoạch tiêm vắc xin, trình Ủy ban nhân dân tỉnh trong 7 ngày kể từ ngày ký.",
        expect="2021-07-11",
        needles=("trong", "hạn", "nhất"),
    ),
    TimingRule(
        id="relative.working_days",
        kind="relative",
        pattern=(
            r"(?:trong(?:\s+(?:vòng|thời\s+hạn|thời\s+gian))?|thời\s+hạn|chậm\s+nhất(?:\s+(?:là|sau))*)\s+"
            rf"{NUMBER}\s+(?P<unit>ngày)(?P<work>\s+làm\s+việc){NOT_AN_EVENT_OFFSET}"
        ),
        example="Các sở, ngành có ý kiến bằng văn bản gửi Sở Kế hoạch và Đầu tư trong vòng 05 ngày làm việc.",
        expect="2021-07-09",
        issued=date(2021, 7, 2),
        needles=("làm việc",),
    ),
    TimingRule(
        id="month.within",
        kind="month_end",
        pattern=(
            rf"(?:{PERIOD_TRIGGERS}|cuối)\s+"
            r"tháng\s+(?P<mo>\d{1,2})(?:\s*(?:/|-|,?\s*năm)\s*(?P<y>\d{4}))?(?!\s*[/.\-]?\s*\d)"
        ),
        example="Phấn đấu hoàn thành tiêm vắc xin mũi 1 cho người trên 65 tuổi trong tháng 8/2021.",
        expect="2021-08-31",
        needles=("tháng",),
    ),
    TimingRule(
        id="month.this",
        kind="month_this",
        pattern=r"(?:trong|cuối|chậm\s+nhất(?:\s+(?:là|trong))*)\s+tháng\s+(?:này|nay)",
        example="Ủy ban nhân dân các huyện hoàn thành việc chi trả hỗ trợ cho người lao động trong tháng này.",
        expect="2021-07-31",
        needles=("tháng",),
    ),
    TimingRule(
        id="quarter.within",
        kind="quarter_end",
        pattern=(
            rf"(?:{PERIOD_TRIGGERS}|cuối|vào)\s+"
            rf"quý\s+{ROMAN_QUARTER}(?!\w){YEAR_TAIL}"
        ),
        example="Đưa bệnh viện dã chiến số 2 vào hoạt động trong quý III/2021.",
        expect="2021-09-30",
        needles=("quý",),
    ),
    TimingRule(
        id="half.within",
        kind="half_end",
        pattern=(
            rf"{PERIOD_TRIGGER}\s+"
            r"(?:0?6|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?"
        ),
        example="Hoàn thành việc số hóa hồ sơ sức khỏe điện tử trong 6 tháng đầu năm 2021.",
        expect="2021-06-30",
        issued=date(2021, 1, 15),
        needles=("tháng",),
    ),
    TimingRule(
        id="year.end",
        kind="year_end",
        pattern=r"cuối\s+năm(?!\s+học)(?:\s+(?P<y>\d{4})(?!\s*[-–]\s*\d)|\s+(?:nay|này))?",
        example="Đưa công tác phòng, chống dịch là một trong những tiêu chí bình xét, phân loại đảng viên cuối năm 2021.",
        expect="2021-12-31",
        needles=("cuối",),
    ),
    TimingRule(
        id="year.within",
        kind="year_within",
        pattern=(
            rf"{PERIOD_TRIGGER}\s+"
            r"năm\s+(?:(?P<y>\d{4})(?!\s*[-–]\s*\d)|nay)"
        ),
        example="Phấn đấu hoàn thành tiêm chủng cho toàn bộ người dân từ 18 tuổi trở lên trong năm 2021.",
        expect="2021-12-31",
        needles=("năm",),
    ),
    TimingRule(
        id="tet.lunar",
        kind="tet",
        pattern=(
            r"trước\s+(?:(?:kỳ\s+nghỉ|dịp|ngày)\s+)?tết(?!\s+(?:dương|trung|độc|thiếu|hàn|đoan|thanh|tây))"
            rf"(?:\s+nguyên\s+đán)?(?:\s+{CANCHI}|\s+(?:năm\s+)?(?P<y>\d{{4}}))?"
        ),
        example="Hoàn thành việc chi trả tiền hỗ trợ cho các đối tượng chính sách trước Tết Nguyên đán Nhâm Dần.",
        expect="2022-01-28",
        needles=("tết",),
    ),
    TimingRule(
        id="tet.solar",
        kind="tet_solar",
        pattern=r"trước\s+(?:(?:kỳ\s+nghỉ|dịp)\s+)?tết\s+dương\s+lịch(?:\s+(?:năm\s+)?(?P<y>\d{4}))?",
        example="Các đơn vị hoàn thành việc giải ngân vốn đầu tư công trước Tết Dương lịch.",
        expect="2022-01-01",
        needles=("tết",),
    ),
)

# ---------------------------------------------------------------- recurrence rules

RECURRENCE_RULES: tuple[TimingRule, ...] = (
    TimingRule(
        id="recurrence.day_of_month",
        kind="recurrence",
        pattern=rf"ngày\s+(?P<md>\d{{1,2}})\s+(?:của\s+)?{REPEAT}\s+tháng",
        example="Các sở, ngành báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 20 hằng tháng.",
        expect="FREQ=MONTHLY;BYMONTHDAY=20",
        freq="monthly",
        needles=("hằng tháng", "hàng tháng", "mỗi tháng"),
    ),
    TimingRule(
        id="recurrence.day_of_quarter",
        kind="recurrence",
        pattern=rf"ngày\s+(?P<md>\d{{1,2}})\s+(?:của\s+)?tháng\s+cuối\s+(?:{REPEAT}\s+)?quý",
        example="Định kỳ báo cáo kết quả triển khai về Ủy ban nhân dân tỉnh trước ngày 15 của tháng cuối quý.",
        expect="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
        freq="quarterly",
        needles=("tháng cuối",),
    ),
    TimingRule(
        id="recurrence.date_of_year",
        kind="recurrence",
        pattern=(
            r"ngày\s+(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2}))"
            rf"\s*,?\s*{REPEAT}\s+năm"
        ),
        example="Sở Nội vụ tổng hợp, báo cáo kết quả thi đua trước ngày 15/12 hằng năm.",
        expect="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",
        freq="yearly",
        needles=("hằng năm", "hàng năm", "mỗi năm"),
    ),
    TimingRule(
        id="recurrence.weekday",
        kind="recurrence",
        pattern=rf"(?P<wd>{WEEKDAY_WORD})\s+{REPEAT}\s+tuần",
        example="Ban Chỉ đạo các huyện báo cáo tình hình về Sở Y tế trước 16 giờ thứ Sáu hằng tuần.",
        expect="FREQ=WEEKLY;BYDAY=FR",
        freq="weekly",
        needles=("hằng tuần", "hàng tuần", "mỗi tuần"),
    ),
    TimingRule(
        id="recurrence.weekly_on",
        kind="recurrence",
        pattern=rf"{REPEAT}\s+tuần\s*,?\s*\(?\s*(?:(?:trước|vào)\s+)?(?:{TIME})?(?:ngày\s+)?(?P<wd>{WEEKDAY_WORD})",
        example="Các huyện báo cáo tiến độ tiêm chủng hằng tuần vào thứ Năm về Sở Y tế.",
        expect="FREQ=WEEKLY;BYDAY=TH",
        freq="weekly",
        needles=("hằng tuần", "hàng tuần", "mỗi tuần"),
    ),
    TimingRule(
        id="recurrence.times_per",
        kind="recurrence",
        # "01 lần/tuần", and "2 lần/ngày", "03 lần/tuần": still every day, every week
        pattern=r"(?<![\d/])(?:\d{1,2}|một|hai|ba|bốn)\s+lần\s*/\s*(?P<unit>ngày|tuần|tháng|quý|năm)",
        example="Tổ Covid cộng đồng kiểm tra, báo cáo 01 lần/tuần về Ủy ban nhân dân xã.",
        expect="FREQ=WEEKLY",
        needles=("lần",),
    ),
    TimingRule(
        id="recurrence.every",
        kind="recurrence",
        pattern=(
            rf"{REPEAT}\s+(?P<unit>ngày|tuần|tháng|quý|năm)"
            r"(?![\w/])(?!\s+(?:nay|liền|trời|qua|rồi|đầu|cuối|học))"
        ),
        example="Thường xuyên giám sát, báo cáo kết quả (hàng ngày) về Ban Chỉ đạo phòng, chống dịch bệnh tỉnh.",
        expect="FREQ=DAILY",
        needles=("hằng", "hàng", "mỗi"),
    ),
)

# Words that may lead a repeat phrase and belong to its raw text ("trước 16 giờ thứ Sáu hằng tuần").
REPEAT_LEAD = rf"(?:(?:định\s+kỳ|trước|vào|chậm\s+nhất(?:\s+(?:là|vào))*)\s+)(?:{TIME})?$"

# ---------------------------------------------------------------- urgency rules

URGENCY_RULES: tuple[TimingRule, ...] = (
    TimingRule(
        id="urgency.at_once",
        kind="urgency",
        pattern=r"ngay\s+(?:lập\s+tức|tức\s+khắc)|tức\s+thì",
        example="Các cơ sở y tế báo cáo ngay lập tức về Sở Y tế các trường hợp nghi nhiễm Covid-19.",
        expect="immediate",
        needles=("ngay", "tức"),
    ),
    TimingRule(
        id="urgency.on_receipt",
        kind="urgency",
        pattern=r"ngay\s+(?:sau\s+)?khi\s+nhận\s+được",
        example="Ủy ban nhân dân các xã, phường triển khai ngay sau khi nhận được Công điện này.",
        expect="immediate",
        needles=("ngay",),
    ),
    TimingRule(
        id="urgency.ngay",
        kind="urgency",
        pattern=(
            r"ngay(?!\w)(?!\s+(?:sau|khi|cả|từ(?!\s+(?:bây\s+giờ|hôm\s+nay|nay))|tại|trên|dưới|bên|cạnh|thẳng"
            r"|ngắn|đầu|trước|lúc|giữa"
            r"|lập|tức|chính|ở|sát|gần|lối|đến)(?!\w))"
        ),
        example="Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện ngay một số nội dung như sau:",
        expect="immediate",
        needles=("ngay",),
    ),
    TimingRule(
        id="urgency.khan_truong",
        kind="urgency",
        pattern=r"khẩn\s+trương",
        example="Khẩn trương tổ chức triển khai thực hiện có hiệu quả nghị quyết của Chính phủ về hỗ trợ người dân.",
        expect="urgent",
        needles=("khẩn",),
    ),
    TimingRule(
        id="urgency.cap_bach",
        kind="urgency",
        pattern=(
            r"cấp\s+bách|khẩn\s+cấp|cấp\s+tốc|thần\s+tốc"
            r"|gấp(?:\s+rút)?(?!\w)(?!\s+(?:đôi|ba|bốn|năm|mười|nhiều|rưỡi|lần|\d))"
        ),
        example="Sở Y tế khẩn cấp thiết lập thêm các khu cách ly tập trung tại các huyện.",
        expect="urgent",
        needles=("bách", "khẩn", "tốc", "gấp"),
    ),
    TimingRule(
        id="urgency.soonest",
        kind="urgency",
        pattern=r"thời\s+gian\s+sớm\s+nhất|sớm\s+nhất\s+có\s+thể|càng\s+sớm\s+càng\s+tốt",
        example="Chuyển vùng vàng thành vùng xanh trong thời gian sớm nhất.",
        expect="urgent",
        needles=("sớm",),
    ),
    TimingRule(
        id="urgency.ongoing",
        kind="urgency",
        # not inside a name: "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Trung tâm Giáo
        # dục thường xuyên" ("Phòng Giáo dục thường xuyên kiểm tra ..." is the adverb); the look-behinds
        # come after the first word, so the pattern opens with a literal the engine searches for
        pattern=r"thường(?<!trung tâm giáo dục thường)(?<!nghiệp - giáo dục thường)(?<!nghiệp – giáo dục thường)"
                r"(?<!nghiệp-giáo dục thường)\s+xuyên(?!\w)",
        example="Thường xuyên kiểm tra, kiểm soát, xử lý nghiêm các doanh nghiệp không chấp hành các biện pháp phòng dịch.",
        expect="ongoing",
        needles=("thường",),
    ),
)

ALL_RULES: tuple[TimingRule, ...] = DEADLINE_RULES + RECURRENCE_RULES + URGENCY_RULES

# ---------------------------------------------------------------- precision guards (word lists)

# Words that open a condition: a cue after them (to the end of the clause) is conditional.
CONDITION_MARKERS = r"(?<!\w)(?:khi|nếu|giả\s+sử)(?!\w)|(?:^|[,;(:]\s*|\s-\s*)(?:trong\s+)?trường\s+hợp(?!\w)"
# Verbs that make the intro sentence a demand; the cue must come after one of them to govern the items.
DEMAND_VERBS = r"(?<!\w)(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|giao|thống\s+nhất|kết\s+luận|chỉ\s+thị)(?!\w)"
# Short words that end with a dot without ending the sentence ("TP. Hồ Chí Minh").
ABBREVIATIONS = ("tp", "tx", "tt", "ts", "ths", "bs", "gs", "pgs", "q", "p", "k", "đ/c", "th", "v/v")
# Words before "khẩn trương" / "cấp bách" / "thường xuyên" that negate it ("chưa khẩn trương").
NEGATORS = ("chưa", "không", "thiếu", "kém", "chậm", "không được")
# Nouns that "cấp bách" / "khẩn cấp" describes: the phrase then describes a situation or a measure.
SITUATION_NOUNS = (
    "tình hình",
    "tình trạng",
    "tình huống",
    "bối cảnh",
    "diễn biến",
    "thời điểm",
    "giai đoạn",
    "hoàn cảnh",
    "trường hợp",
    "biện pháp",
    "giải pháp",
    "công trình",
    "dự án",
    "nhiệm vụ",
    "vấn đề",
    "yêu cầu",
    "nhu cầu",
    "mức độ",
    "tính",
    "công việc",
    "thủ tục",
    "lệnh",
    "sự cố",
    "cứu trợ",
    "viện trợ",
    "cứu hộ",
    "cấp cứu",
    "đòi hỏi",
    "quyết định",
    "chỉ thị",
    "công điện",
    "kế hoạch",
    "phương án",
)
# Softeners that may sit between the noun and the cue ("tình hình hết sức cấp bách").
SITUATION_FILLERS = (
    "rất",
    "hết sức",
    "đặc biệt",
    "là",
    "đang",
    "ngày càng",
    "khá",
    "vô cùng",
    "rất là",
    "càng",
)
# Around a relative period these words mean it counts from some other event (quarantine, arrival).
RELATIVE_BLOCKERS = (
    "sau khi",  # "sau khi nhận đủ hồ sơ, thẩm định trong 05 ngày": counted from that event
    "cách ly",
    "theo dõi",
    "giám sát",
    "giãn cách",
    "phong tỏa",
    "điều trị",
    "lưu trú",
    "ở lại",
    "nghỉ",
    "tạm dừng",
    "dừng",
    "tạm ngừng",
    "ngừng",
    "đóng cửa",
    "áp dụng",
    "khai báo",
    "trở về",
    "về từ",
    "đến từ",
    "đi về",
    "tiếp xúc",
    "có mặt",
    "đi qua",
    "quay lại",
    "sinh sống",
    "kéo dài",
    "xét nghiệm",
    "nhập cảnh",
    "xuất viện",
    "hạn chế",
    "phong toả",
    "thực hiện chỉ thị",
)
# Right before a relative period these words make it a time limit for the work itself, whatever the
# blockers above say ("xét nghiệm diện rộng, hoàn thành trong vòng 05 ngày làm việc").
COMPLETION_CUES = (
    "hoàn thành",
    "hoàn tất",
    "xong",  # "thực hiện xong", "làm xong"
)
# After "kể từ" / "tính từ" only these anchors mean the issue date. Receiving counts only when what is
# received is this text ("kể từ ngày nhận được Công văn này", "kể từ ngày nhận"), not a dossier or a
# petition ("kể từ ngày nhận đủ hồ sơ hợp lệ": no date follows from the text).
ISSUE_ANCHORS = (
    "ngày ký",
    "ngày ban hành",
    "ngày nhận văn bản",
    "ngày nhận được văn bản",
    "ngày nhận công văn",
    "ngày nhận được công văn",
    "ngày nhận chỉ thị",
    "ngày nhận được chỉ thị",
    "ngày nhận công điện",
    "ngày nhận được công điện",
    "ngày nhận kế hoạch",
    "ngày nhận được kế hoạch",
    "ngày nhận thông báo",
    "ngày nhận được thông báo",
    "ngày có hiệu lực",
    "ngày văn bản",
    "ngày công văn",
    "khi nhận được văn bản",
    "khi nhận được công văn",
    "khi nhận được công điện",
    "khi nhận được chỉ thị",
    "ngày thông báo",
    "ngày chỉ thị",
    "ngày quyết định",
    "ngày kế hoạch",
)
# Before "trước ngày X" just before the issue date these make X a time limit a follow-up letter
# repeats ("đề nghị gửi báo cáo trước ngày 15/3"), not a description ("người về trước ngày 01/7").
PAST_DUE_CUES = ("báo cáo", "gửi", "nộp", "hoàn thành", "xong")  # not "trình": "chương trình"
# Before "đến hết ngày X" in its clause these make X the end of a measure, not a time limit ("tạm dừng
# hoạt động karaoke đến hết ngày 15/8", "giãn cách xã hội đến hết ngày 31/7").
UNTIL_BLOCKERS = ("cách ly", "giãn cách", "phong tỏa", "tạm dừng", "dừng", "tạm ngừng", "ngừng", "đóng cửa",
                  "hạn chế", "nghỉ", "hiệu lực", "áp dụng")
# A deadline phrase right after these words is the start of a period or a count, or the time of results
# already reached ("kết quả đạt được trong năm 2026"), not a time limit.
DEADLINE_BLOCKERS = ("tính đến", "kể từ", "từ", "tính từ", "bắt đầu từ", "so với", "như", "đạt được")
# Before "cuối năm" these make it a season, not a time limit ("an ninh trật tự dịp cuối năm", "đợt
# tiêm chủng cuối năm trong tháng 01/2027").
SEASON_WORDS = ("đợt", "dịp", "cao điểm", "những ngày", "các tháng", "những tháng", "thời điểm", "mùa", "vào dịp")
# A few words before "cuối năm" these make it the time of an event that comes before the year's end
# ("trước kỳ họp Hội đồng nhân dân tỉnh cuối năm 2026"): no day follows from it.
YEAR_END_EVENTS = ("kỳ họp",)
# A repeat cue counts only when a repeated action or report is asked for nearby in the same clause.
REPEAT_ACTIONS = (
    "báo cáo",
    "cập nhật",
    "tổng hợp",
    "gửi",
    "giám sát",
    "theo dõi",
    "kiểm tra",
    "rà soát",
    "thống kê",
    "họp",
    "giao ban",
    "đánh giá",
    "thông tin",
    "thông báo",
    "công bố",
    "cung cấp",
    "khai báo",
    "đo",
    "xét nghiệm",
    "phun",
    "khử khuẩn",
    "vệ sinh",
    "tuyên truyền",
    "trực",
    "tiếp nhận",
    "nắm",
    "phản ánh",
    "đăng tải",
    "phát sóng",
    "kiểm điểm",
    "sơ kết",
    "tổng kết",
    "nộp",
    "trình",
    "lấy mẫu",
    "test",
    "sàng lọc",
    "tuần tra",
    "kiểm đếm",
    "ghi nhận",
    "điểm danh",
    "liên lạc",
    "thăm",
    "đối chiếu",
)
# A repeat cue right after these describes something ("đời sống hằng ngày"), not an action to repeat.
REPEAT_DESCRIBED = (
    "cuộc sống",
    "đời sống",
    "sinh hoạt",
    "thu nhập",
    "nhu cầu",
    "tiêu dùng",
    "bữa ăn",
    "công việc",
    "số ca",
    "ca mắc",
    "ca nhiễm",
    "như",
    "lượng",
    "giá cả",
    "lễ hội",
    "truyền thống",
)
