"""Patterns of a directive's header, signature and closing (data, each with a real example)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.domain.enums import DocumentType


@dataclass(frozen=True)
class LineRule:
    id: str
    pattern: str
    example: str  # a real line the pattern must match
    flags: int = re.IGNORECASE
    # speed only: a part of ``pattern`` every match holds, searched first (a cheap literal start
    # instead of a scan from every position); a line without it cannot match
    gate: str = ""
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    gate_regex: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, self.flags))
        object.__setattr__(self, "gate_regex", re.compile(self.gate, self.flags) if self.gate else None)

    def match(self, text: str) -> re.Match[str] | None:
        if self.gate_regex is not None and self.gate_regex.search(text) is None:
            return None
        return self.regex.search(text)


# Header lines (tested on a line with modern tone placement).
ISSUER_LINE = LineRule(
    "issuer_line",
    r"^(?:ĐẢNG BỘ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|THỊ ỦY|QUẬN ỦY|ĐẢNG ỦY|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|"
    r"ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|BAN CHỈ ĐẠO|BCĐ|SỞ|VĂN PHÒNG|BAN TUYÊN GIÁO|"
    r"BAN DÂN VẬN|BAN TỔ CHỨC|BAN NỘI CHÍNH|ỦY BAN KIỂM TRA|ỦY BAN MẶT TRẬN|MẶT TRẬN TỔ QUỐC|"
    r"BỘ CHỈ HUY|CÔNG AN|ĐOÀN|HỘI|LIÊN ĐOÀN|BỘ|CHÍNH PHỦ|THỦ TƯỚNG|BAN CÁN SỰ|ĐẢNG ĐOÀN)\b",
    "TỈNH ỦY TÂY NINH", flags=0,
)
NATIONAL_LINE = LineRule(
    "national_line",
    r"^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
)
NUMBER_LINE = LineRule(
    "number_line", r"^Số\s*[:.]?\s*(?=[\dA-Z/_.~*-]|\s*$)(?P<rest>.*)$", "Số: 3953 /UBND-KGVX", flags=0,
)
# a day or month may come with its digits spaced by a scan ("ngày 0 9 tháng 7")
_COMMA_DATE = r",\s*ngày\s+(?P<d>\d ?\d|\d)\s+tháng\s+(?P<m>\d ?\d|\d)\s+năm\s+(?P<y>\d{4})"
PLACE_DATE = LineRule(
    "place_date",
    r"(?P<place>[^\d,|:;()]{2,40}?)\s*" + _COMMA_DATE,
    "Tây Ninh, ngày 04 tháng 7 năm 2021",
    gate=_COMMA_DATE,  # the place part alone is tried from every position of a long body line
)
PLACE_DATE_SHORT = LineRule(
    "place_date_numeric",
    r"^(?P<place>[^\d,|:;()]{2,40}?)\s*,\s*ngày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\s*$",
    "Tây Ninh, ngày 04/7/2021",
)
DATE_ONLY = LineRule(
    "date_only",
    r"^\s*,?\s*ngày\s+(?P<d>\d ?\d|\d)\s+tháng\s+(?P<m>\d ?\d|\d)\s+năm\s+(?P<y>\d{4})\s*$",
    ", ngày 04 tháng 7 năm 2021",
)
SIGNED_MARK = LineRule("signed_mark", r"^[(\[]?\s*(?:đã ký|đã ky|ký|ký tên|ký, đóng dấu|ký và đóng dấu)\s*[)\]]?$",
                       "(Đã ký)")
RECIPIENTS = LineRule("recipients", r"^[-–•*\s]*Kính\s+gửi\s*:?\s*(?P<rest>.*)$", "- Kính gửi: - Ban cán sự đảng UBND tỉnh,")
SUBJECT = LineRule("subject", r"^(?:V/v|V/V|Về việc|Về)\s*[:.]?\s+(?P<rest>\S.*)$", "V/v tiếp tục tăng cường công tác", flags=0)
TYPE_WORD = LineRule(
    "type_word",
    r"^(?P<type>THÔNG BÁO|CHỈ THỊ|KẾ HOẠCH|CÔNG ĐIỆN|NGHỊ QUYẾT|QUYẾT ĐỊNH|KẾT LUẬN|BÁO CÁO|HƯỚNG DẪN|"
    r"CÔNG VĂN|QUY CHẾ|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|ĐIỆN)\b(?P<rest>.*)$",
    "THÔNG BÁO", flags=0,
)
# A telegram's addressees ("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH điện: - Giám đốc các Sở, ...")
# play the part of "Kính gửi"; the words before "điện" are the issuer, in capitals (checked by the
# parser: "chỉ đạo ngành điện: ..." in a sentence is not one).
TELEGRAM_TO = LineRule(
    "telegram_to",
    r"^(?P<issuer>(?:[^:]{0,160}\s)?)(?:điện|ĐIỆN)\s*:\s*(?P<rest>.*)$",
    "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH điện:", flags=0,
)
# The header row of a table of tasks (cells joined by "|"): a content column and a lead column.
TASK_TABLE_HEADER = LineRule(
    "task_table_header",
    r"^(?=[^\n]*\|)(?=[^\n]*(?:chủ trì|thực hiện))(?=[^\n]*(?:nội dung|nhiệm vụ|công việc))",
    "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành",
)
RECEIVERS_BLOCK = LineRule("receivers_block", r"^Nơi\s+nhận\s*:?", "Nơi nhận:")
AUTHORITY = LineRule(
    "authority",
    r"^(?:T/M|TM\.?|T\.M\.?|KT\.?|K/T|T/L|TL\.?|Q\.|Q/|TUQ\.?|THỪA LỆNH|THAY MẶT|KÝ THAY)\s",
    "T/M BAN THƯỜNG VỤ", flags=0,
)
SIGNER_TITLE = LineRule(
    "signer_title",
    r"^(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|TRƯỞNG ĐOÀN|THỦ TRƯỞNG|"
    r"CHỦ NHIỆM|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG PHÒNG|CHÁNH THANH TRA)\b",
    "PHÓ BÍ THƯ THƯỜNG TRỰC", flags=0,
)
PERSON_NAME = LineRule(
    "person_name",
    r"^(?:(?:Đ/c|Đồng chí)\s+)?(?P<name>(?:[A-ZĐÀ-Ỹ][\w'’]*\s+){1,5}[A-ZĐÀ-Ỹ][\w'’]*)\.?$",
    "Phạm Hùng Thái", flags=0,
)
CLOSING = LineRule(
    "closing",
    r"^(?:Nhận được|(?:Yêu cầu|Đề nghị) (?:(?:Thủ trưởng|Giám đốc|Chủ tịch|lãnh đạo) )?các|Trên đây là|Trong quá trình (?:tổ chức )?thực hiện|"
    r"Quá trình thực hiện|(?:Ban Thường vụ|Thường trực|Ủy ban nhân dân|UBND|Chủ tịch)[^,.;:]{0,40}?\s"
    r"(?:yêu cầu|đề nghị)\s+(?:các|mọi|toàn)\b)|\b(?:văn bản|công văn|chỉ thị|thông báo|kế hoạch|nghị quyết|kết luận|"
    r"công điện|quyết định) này\b|\bkêu gọi\b"
    # "Văn phòng UBND tỉnh thông báo (ý kiến ...) để các cơ quan, đơn vị biết, thực hiện./."
    r"|\bthông báo\b[^;]{0,160}\bđể\s+(?:các\s+)?(?:cơ quan|đơn vị|sở|ngành|địa phương)[^.;]{0,80}\bbiết\b",
    "Nhận được văn bản này, Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương theo chức năng nhiệm vụ nghiêm túc thực hiện.",
)
# A paragraph that opens a task in a letter without numbered items ("Giao Sở Kế hoạch và Đầu tư
# chủ trì, ...", "Đề nghị Sở Y tế ...").
TASK_PARAGRAPH = LineRule(
    "task_paragraph",
    r"^(?:Giao|Đề nghị|Yêu cầu|Phân công)\s+\S",
    "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài nguyên và Môi trường kiểm tra thực tế tiến độ dự án.",
    flags=0,
)
MONITOR = LineRule(
    "monitor",
    r"(?:theo dõi|nắm tình hình|đôn đốc|kiểm tra, giám sát|tổng hợp(?: tình hình| kết quả thực hiện)?(?:,| và)? báo cáo|"
    r"giúp Ban Thường vụ|giúp Thường trực)",
    "Văn phòng Tỉnh ủy phối hợp với các cơ quan liên quan nắm tình hình triển khai thực hiện văn bản này, báo cáo Ban Thường vụ Tỉnh ủy.",
)
# Following up the whole text, said in its last item ("3. Văn phòng Tỉnh ủy ... theo dõi, đôn đốc việc
# thực hiện Kết luận; định kỳ 6 tháng báo cáo ..."): that item's body is also the monitor.
FOLLOW_UP = LineRule(
    "follow_up",
    # "... việc thực hiện", "... đôn đốc các cơ quan, đơn vị thực hiện"
    r"(?:theo dõi|đôn đốc|nắm tình hình)[^.;]{0,60}?\b(?:việc (?:triển khai )?|các (?:cơ quan|đơn vị|địa phương|sở)"
    r"[^.;]{0,40}?\b)thực hiện"
    r"(?:\s+(?:các\s+)?(?:nội dung\s+)?(?:văn bản|công văn|chỉ thị|kết luận|thông báo|kế hoạch|nghị quyết|công điện|"
    r"quyết định)\b|\s*[;,.]|\s*$)",
    "Văn phòng Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kết luận; "
    "định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.",
)
# An article of a resolution or decision that puts someone to work ("Điều 2. Giao Ủy ban nhân dân tỉnh tổ
# chức thực hiện ...", "Điều 2. Tổ chức thực hiện" over its tasks); the others approve, regulate or say
# when it takes effect ("Điều 3. Quyết định này có hiệu lực ... chịu trách nhiệm thi hành"): no tasks.
ARTICLE_TASK = LineRule(
    "article_task",
    r"^(?!.*\bhiệu lực\b).*\b(?:giao|tổ chức thực hiện|chủ trì|giám sát)\b",
    "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
    flags=re.IGNORECASE | re.DOTALL,
)
# The title of a section that looks back, not forward (the assessment part of a conclusion: "I.
# ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được", "Tồn tại, hạn chế"), or states a plan's aims ("I. MỤC
# ĐÍCH, YÊU CẦU"): its paragraphs are not tasks. Tested
# on the title alone (the label's text up to its first colon); a title that also names the tasks
# ("Đánh giá tình hình và nhiệm vụ thời gian tới") is not one.
ASSESSMENT_TITLE = LineRule(
    "assessment_title",
    r"^(?:về\s+|một số\s+|những\s+)?(?:đánh giá|kết quả|tình hình|ưu điểm|hạn chế|tồn tại|nguyên nhân|"
    r"khó khăn|bối cảnh|thuận lợi)\b"
    r"(?!.*\b(?:giải pháp|phương hướng|kiến nghị|đề xuất|thời gian tới|tổ chức thực hiện|nhiệm vụ trọng tâm|"
    r"và nhiệm vụ|nhiệm vụ,|yêu cầu|đề nghị|chỉ đạo|giao)\b)"
    r"|^mục đích(?:\s*(?:,|và)\s*yêu cầu)?\s*$"  # a plan's "I. MỤC ĐÍCH, YÊU CẦU": aims, not tasks
    # a plan's descriptive sections: "II. THỜI GIAN, ĐỊA ĐIỂM", "III. NỘI DUNG HOẠT ĐỘNG", "THÀNH PHẦN"
    r"|^(?:(?:(?:thời gian|địa điểm)(?: thực hiện| tổ chức)?|chủ đề|thành phần(?: tham dự)?|đối tượng|phạm vi|quy mô|hình thức(?: tổ chức)?|"
    r"nội dung (?:hoạt động|chương trình)|chương trình|mục tiêu|chỉ tiêu(?: chủ yếu| cụ thể)?|kinh phí(?: thực hiện)?)"
    r"(?: (?:tuyển dụng|tuyển sinh|triển khai|thực hiện|tổ chức))?"  # "II. CHỈ TIÊU, THỜI GIAN TUYỂN DỤNG"
    r"(?:\s*(?:,|và)\s*|\s*$))+$"
    # the same sections with short parts of their own after one of those ("THỜI GIAN, ĐỊA ĐIỂM, MÔN THI",
    # "ĐỐI TƯỢNG, ĐIỀU KIỆN DỰ THI"), none naming tasks
    r"|^(?!.*\b(?:nhiệm vụ|giải pháp|phân công|trách nhiệm|thực hiện|triển khai)\b)"
    r"(?:thời gian|địa điểm|thành phần|đối tượng|phạm vi|quy mô|hình thức)(?:\s*(?:,|và)\s*\w+(?: \w+){0,4})+\s*$",
    "ĐÁNH GIÁ CHUNG",
)

# A plan's task written as labelled lines under its title ("1. Giám sát, phát hiện sớm ổ dịch" /
# "Cơ quan chủ trì: Sở ..." / "Cơ quan phối hợp: ..." / "Thời gian thực hiện: Quý I/2027"): the
# labels say who leads, who cooperates and by when, like the columns of a task table.
_FIELD_START = r"^[-–+•*\s]*"
FIELD_LEAD = LineRule(
    "field_lead",
    _FIELD_START + r"(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|chịu trách nhiệm|được giao)|chủ trì(?:\s+thực hiện)?"
    r"|trách nhiệm thực hiện)\s*:\s*(?P<value>\S.*)$",
    "Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.",
)
FIELD_COOPERATING = LineRule(
    "field_cooperating",
    _FIELD_START + r"(?:(?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?|phối hợp(?:\s+thực hiện)?)\s*:\s*(?P<value>\S.*)$",
    "Cơ quan phối hợp: Sở Nông nghiệp và Môi trường; Sở Công Thương.",
)
FIELD_TIMING = LineRule(
    "field_timing",
    _FIELD_START + r"(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:\s*(?P<value>\S.*)$",
    "Thời gian thực hiện: Quý I/2027.",
)

LINE_RULES: tuple[LineRule, ...] = (
    ISSUER_LINE, NATIONAL_LINE, NUMBER_LINE, PLACE_DATE, PLACE_DATE_SHORT, DATE_ONLY, SIGNED_MARK, RECIPIENTS, SUBJECT,
    TYPE_WORD, RECEIVERS_BLOCK, AUTHORITY, SIGNER_TITLE, PERSON_NAME, CLOSING, TASK_PARAGRAPH, MONITOR, FOLLOW_UP, ASSESSMENT_TITLE,
    ARTICLE_TASK,
    TELEGRAM_TO,
    TASK_TABLE_HEADER, FIELD_LEAD, FIELD_COOPERATING, FIELD_TIMING,
)


@dataclass(frozen=True)
class SuffixRule:
    """The issuing body told by a number's symbol ("261-CV/TU": TU = Tỉnh ủy)."""

    id: str
    pattern: str  # on the part of the number after the digits
    issuer: str  # "{place}" is replaced by the place from the place-and-date line
    example: str
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))


SUFFIX_ISSUERS: tuple[SuffixRule, ...] = (
    SuffixRule("suffix_tu", r"/TU$", "Tỉnh ủy {place}", "261-CV/TU"),
    SuffixRule("suffix_thu", r"/ThU$", "Thành ủy {place}", "120-CV/ThU"),
    SuffixRule("suffix_hu", r"/HU$", "Huyện ủy {place}", "85-CV/HU"),
    SuffixRule("suffix_ubnd", r"(?:^|[/-])UBND(?:$|[-/])", "Ủy ban nhân dân tỉnh {place}", "3953/UBND-KGVX"),
    SuffixRule("suffix_ct_ubnd", r"-CTUBND$", "Ủy ban nhân dân tỉnh {place}", "08/CT-CTUBND"),
)

# Document type from the symbol's type code ("CV" in "230-CV/TU", "CT" in "08/CT-UBND").
TYPE_CODES: dict[str, DocumentType] = {
    "CV": DocumentType.CONG_VAN, "TB": DocumentType.THONG_BAO, "CT": DocumentType.CHI_THI,
    "KH": DocumentType.KE_HOACH, "CĐ": DocumentType.CONG_DIEN, "NQ": DocumentType.NGHI_QUYET,
    "QĐ": DocumentType.QUYET_DINH, "KL": DocumentType.KET_LUAN, "BC": DocumentType.BAO_CAO,
}
TYPE_WORDS: dict[str, DocumentType] = {
    "THÔNG BÁO": DocumentType.THONG_BAO, "CHỈ THỊ": DocumentType.CHI_THI, "KẾ HOẠCH": DocumentType.KE_HOACH,
    "CÔNG ĐIỆN": DocumentType.CONG_DIEN, "ĐIỆN": DocumentType.CONG_DIEN, "NGHỊ QUYẾT": DocumentType.NGHI_QUYET,
    "QUYẾT ĐỊNH": DocumentType.QUYET_DINH, "KẾT LUẬN": DocumentType.KET_LUAN, "BÁO CÁO": DocumentType.BAO_CAO,
    "CÔNG VĂN": DocumentType.CONG_VAN,
}
