"""Word lists that decide who is responsible for an item (data; each with a real example).

All entries are in lower case with modern tone placement ("ủy", "hòa"); the parser compares them
with the text's lower-cased modern-tone form."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseList:
    id: str
    words: tuple[str, ...]
    example: str  # a real sentence where one of the words plays this role
    expect: str  # the phrase of ``words`` found in the example


# Words a body's name starts with (after "các", "từng", "đồng chí"): a clause starting with one of
# them names who acts.
BODY_HEADS = PhraseList(
    "body_heads",
    ("ban", "sở", "ủy ban", "ủy viên", "hội đồng", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch",
     "giám đốc", "phó giám đốc", "phó trưởng ban", "phó chánh văn phòng", "trưởng ban", "công an", "bộ chỉ huy", "bộ đội", "bộ", "đảng ủy", "đảng đoàn", "đảng bộ", "mặt trận",
     "người đứng đầu", "lực lượng vũ trang", "lực lượng", "phòng", "ban cán sự đảng", "ban chỉ đạo",
     "ban thường vụ", "ban chấp hành", "ngành", "văn phòng", "đài", "báo", "hội", "đoàn thể",
     "đoàn thanh niên", "đoàn", "liên đoàn", "huyện ủy", "thành ủy", "thị ủy", "quận ủy", "tỉnh ủy viên",
     "tỉnh ủy", "thường trực", "cấp ủy", "chính quyền", "tổ chức đảng", "tổ chức chính trị", "cơ quan",
     "đơn vị", "địa phương", "thành viên", "trưởng", "kho bạc", "ngân hàng", "cục", "chi cục", "trung tâm",
     "bảo hiểm xã hội", "tỉnh đoàn", "bệnh viện", "thanh tra", "viện kiểm sát", "tòa án", "chánh văn phòng", "thủ trưởng", "các cấp ủy",
     "cán bộ", "đảng viên", "tổ công tác", "tổ giúp việc", "tổ covid", "chi bộ", "quân sự", "biên phòng", "ubnd", "hđnd",
     "bcđ", "mttq", "ubmttq", "vptu", "btv", "bch", "đutt", "đuttu", "bcsđ", "bchqs",
     "trường", "quỹ", "công ty", "tổng công ty", "cảng vụ", "điện lực", "viện", "đặc khu", "chủ đầu tư", "hợp tác xã",
     "cơ sở giáo dục", "cơ sở y tế", "cơ sở sản xuất", "cơ sở kinh doanh", "tổ chức tín dụng", "trạm",
     "ttxvn", "tổ trưởng", "chỉ huy trưởng", "thuế"),
    "Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông tập trung chỉ đạo các cơ quan báo chí", "ban",
)
# Words that start the predicate: the subject (the bodies) ends before the first of them.
PREDICATES = PhraseList(
    "predicates",
    ("tập trung", "tăng cường", "chỉ đạo", "lãnh đạo", "chủ trì", "phối hợp", "thực hiện", "triển khai",
     "tiếp tục", "xây dựng", "làm", "cần", "có trách nhiệm", "có kế hoạch", "có phương án", "có giải pháp",
     "chịu", "đẩy nhanh", "củng cố", "kiện toàn", "điều chỉnh", "làm rõ", "phát hiện", "soạn thảo",
     "thu thập", "khẩn trương", "thường xuyên", "quan tâm", "căn cứ", "ngoài việc", "trực tiếp", "phải",
     "chủ động", "tích cực", "đẩy mạnh", "rà soát", "theo dõi", "nắm", "kiểm tra", "đôn đốc", "hướng dẫn",
     "tổ chức", "báo cáo", "nghiên cứu", "đề xuất", "bảo đảm", "đảm bảo", "chuẩn bị", "nâng cao", "phát huy",
     "cam kết", "kịp thời", "sớm", "nghiêm túc", "quyết liệt", "giúp", "tham mưu", "ban hành", "được", "là",
     "đã", "sẽ", "đang", "vẫn", "luôn", "cùng với", "yêu cầu", "đề nghị", "vận động", "tuyên truyền",
     "quán triệt", "duy trì", "thống nhất", "giám sát", "bố trí", "huy động", "chấp hành", "nêu cao", "tạo điều kiện", "tạo sự", "tạo thuận lợi", "tạo môi trường", "tạo việc làm",
     "hỗ trợ", "cung cấp", "xử lý", "phân công", "khắc phục", "tiến hành", "hoàn thành", "hoàn thiện",
     "xem xét", "đánh giá", "tổng hợp", "lập", "cập nhật", "ưu tiên", "tranh thủ", "kiên quyết",
     "sẵn sàng", "bám sát", "nhằm", "để", "theo chức năng", "căn", "chỉ", "thông báo", "phát động", "mở",
     "quản lý", "kiểm soát", "siết chặt", "dừng", "tạm dừng", "thành lập", "khẩn", "gương mẫu", "đi đầu",
     "nắm chắc", "nắm bắt", "cử", "trình", "chuyển", "gửi", "ngay", "nghiêm", "không", "thì", "biểu dương",
     "làm tốt", "phấn đấu", "đồng thời", "xác định", "quyết tâm", "chăm lo", "bảo vệ", "ngăn chặn",
     "phòng ngừa", "tham gia", "kết hợp", "gắn", "lựa chọn", "nhanh chóng", "thần tốc", "cương quyết",
     "trao đổi", "thảo luận", "cấp phát", "cấp kinh phí", "cấp bổ sung", "phân bổ", "gửi", "thẩm định",
     "phê duyệt", "điều động", "bổ sung", "thu hồi", "phát hành", "đưa", "mua sắm", "sắp xếp", "bàn giao",
     "chi trả", "giải quyết", "giải ngân", "thanh toán", "thống kê", "điều tra", "truy vết", "xét nghiệm",
     "cách ly", "phong tỏa", "khoanh vùng", "điều trị", "tiêm", "vận chuyển", "thúc đẩy", "phổ biến",
     "khảo sát", "tổng kết", "sơ kết", "tập huấn", "bồi dưỡng", "lắp đặt", "sửa chữa", "vận hành", "ứng dụng",
     "công bố", "niêm yết", "tiếp thu", "tham dự", "phục vụ", "đáp ứng", "tuân thủ", "nghiêm cấm", "hạn chế",
     "ngừng", "cho phép", "tuần tra", "trường hợp", "giao", "xử phạt", "kiến nghị", "phản ánh", "chưa", "tiếp nhận", "công khai", "rút kinh nghiệm", "trong", "khi", "nếu", "theo", "về", "bằng", "cho", "với", "có",
     # everyday verbs of a task, for names the directory does not know
     "cân đối", "rút ngắn", "rút gọn", "định hướng", "thẩm tra", "ứng phó", "quảng bá", "liên hệ", "kiểm định",
     "phân tích", "điều phối", "tích hợp", "số hóa", "xác minh", "dự báo", "cảnh báo", "giải trình", "đối thoại",
     "ký kết", "nghiệm thu", "quyết toán", "tuyên dương", "khen thưởng", "chuyển đổi", "phối kết hợp", "hiệp y",
     "lấy ý kiến", "trả lời", "hoàn chỉnh", "duyệt", "chấn chỉnh", "bàn bạc", "vào cuộc", "đăng ký", "đăng tải",
     "thực thi", "giám định", "vận dụng", "tiếp công dân", "đối chiếu", "kê khai", "thu", "nộp", "lưu trữ", "xét duyệt", "xét chọn", "xét xử", "tăng", "giảm", "mở rộng",
     "nâng cấp", "phát sóng", "đưa tin", "phát tin", "khám", "sàng lọc", "bảo quản"),
    "Ban Chỉ đạo phòng, chống dịch Covid-19 của tỉnh và ngành Y tế chỉ đạo các địa phương", "chỉ đạo",
)
# Heads that are also common words ("báo cáo", "hội nghị", "ban hành", "phòng, chống"): they open a
# body's name only when written with a capital or after "các / từng / những".
CAPITAL_ONLY_HEADS = PhraseList(
    "capital_only_heads",
    ("ban", "báo", "đài", "hội", "đoàn", "trung tâm", "phòng", "bộ", "cục", "chi cục", "trưởng", "thanh tra",
     "văn phòng", "thành viên", "cán bộ", "đảng viên", "ngân hàng", "kho bạc", "bệnh viện", "tổ công tác",
     "tổ giúp việc", "tổ covid", "chi bộ", "quân sự", "biên phòng", "thường trực", "công an", "lực lượng", "ngành", "cơ quan",
     "đơn vị", "địa phương", "bảo hiểm xã hội", "tỉnh đoàn", "trường", "quỹ", "công ty", "tổng công ty", "cảng vụ",
     "điện lực", "viện", "đặc khu", "trạm", "thuế"),
    "Bố trí đủ nhân lực cho các điểm tiêm; báo cáo kết quả hàng ngày.", "báo",
)
# Phrases with a comma or "và" inside that must not be split ("sở, ban, ngành" is one body).
SET_PHRASES = PhraseList(
    "set_phrases",
    ("sở, ban, ngành", "sở, ngành", "ban, ngành", "cơ quan, đơn vị", "cơ quan, đơn vị, địa phương",
     "phòng, chống", "phòng chống", "chính trị - xã hội", "kinh tế - xã hội", "thông tin và truyền thông",
     "giáo dục và đào tạo", "lao động, thương binh và xã hội", "lao động - thương binh và xã hội",
     "tài nguyên và môi trường", "nông nghiệp và phát triển nông thôn", "văn hóa, thể thao và du lịch",
     "văn hóa - thể thao và du lịch", "khoa học và công nghệ", "kế hoạch và đầu tư",
     "phát thanh và truyền hình", "phát thanh - truyền hình", "các cấp, các ngành", "các ngành, các cấp",
     "tỉnh ủy-hđnd-ubnd", "an ninh, trật tự", "tìm kiếm cứu nạn", "thông tin, tuyên truyền",
     "công thương", "nội vụ", "tư pháp", "tài chính", "xây dựng", "y tế", "ngoại vụ", "du lịch",
     "tuyên giáo", "dân vận", "tổ chức", "nội chính", "kiểm tra", "chỉ đạo", "chỉ huy", "quản lý",
     "kiểm soát", "bảo vệ", "cứu nạn",
     # district offices and the departments merged in 2025
     "kinh tế và hạ tầng", "kinh tế, hạ tầng và đô thị", "văn hóa và thông tin", "văn hóa - thông tin",
     "văn hóa và thể thao", "văn hóa, thông tin và thể thao", "văn hóa, thể thao và truyền thông",
     "văn hóa - thể thao và truyền thông", "văn phòng hội đồng nhân dân và ủy ban nhân dân",
     "nông nghiệp và môi trường", "dân tộc và tôn giáo", "khoa học, công nghệ và đổi mới sáng tạo",
     "báo và phát thanh, truyền hình", "tuyên giáo và dân vận"),
    "các Sở, Ban, ngành chủ động phối hợp, đề xuất các chính sách", "sở, ban, ngành",
)
# Phrases meaning everyone: never a responsible body.
EVERYONE = PhraseList(
    "everyone",
    ("toàn hệ thống chính trị", "cả hệ thống chính trị", "hệ thống chính trị", "các cấp, các ngành",
     "các ngành, các cấp", "toàn dân", "toàn xã hội", "nhân dân", "người dân", "mọi người", "cộng đồng",
     "toàn đảng", "toàn quân", "cả nước", "mỗi người dân", "các tầng lớp nhân dân", "cán bộ, đảng viên",
     "cán bộ, đảng viên và nhân dân", "doanh nghiệp"),
    "Toàn hệ thống chính trị của tỉnh tập trung cao nhất cho công tác phòng, chống dịch",
    "toàn hệ thống chính trị",
)
# Groups too general to stand for "specific bodies" in the intro sentence: when the intro names
# only these, items that name nobody fall back to the "Kính gửi" addressees.
GENERIC = PhraseList(
    "generic",
    ("cấp ủy", "tổ chức đảng", "cơ quan", "đơn vị", "cơ quan, đơn vị", "chính quyền", "địa phương",
     "cấp ủy đảng", "tổ chức", "ngành", "cấp", "cơ quan, đơn vị, địa phương", "cấp ủy, chính quyền",
     "đoàn thể", "cá nhân", "tập thể", "lực lượng chức năng"),
    "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, cơ quan, đơn vị quan tâm thực hiện một số nội dung sau:",
    "cấp ủy",
)
# Words dropped at the start of a body's name.
DETERMINERS = PhraseList(
    "determiners",
    ("các đồng chí", "đồng chí", "đ/c", "các", "từng", "những", "mỗi", "toàn thể", "tất cả"),
    "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh thường xuyên kiểm tra", "các đồng chí",
)
# Tails dropped from the last member of a list: they describe scope, not who.
SCOPE_TAILS = PhraseList(
    "scope_tails",
    ("từ tỉnh đến cơ sở", "từ tỉnh tới cơ sở", "trên địa bàn tỉnh", "trên địa bàn", "các cấp", "ở cơ sở",
     "theo chức năng, nhiệm vụ", "theo chức năng nhiệm vụ", "theo chức năng, nhiệm vụ được giao",
     "căn cứ chức năng, nhiệm vụ được giao", "nhất là người đứng đầu"),
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội từ tỉnh đến cơ sở làm nòng cốt", "từ tỉnh đến cơ sở",
)
# Tails shared by every generic member of a list ("cấp ủy, chính quyền, Ban Chỉ đạo ... của địa
# phương": each is "of the locality").
SHARED_TAILS = PhraseList(
    "shared_tails",
    ("của địa phương", "địa phương", "có liên quan", "liên quan", "cấp tỉnh", "của tỉnh", "tỉnh", "cấp huyện",
     "cấp xã", "ven biển", "biên giới", "miền núi", "vùng cao"),
    "lãnh đạo cấp ủy, chính quyền, Ban Chỉ đạo phòng, chống dịch của địa phương", "của địa phương",
)
# A member's head given to the bare members after it ("Bí thư các huyện ủy, thành ủy").
HEAD_DISTRIBUTORS = PhraseList(
    "head_distributors",
    ("người đứng đầu", "phó bí thư", "bí thư", "ban thường vụ", "ủy ban nhân dân", "chủ tịch ủy ban nhân dân",
     "chủ tịch", "ban cán sự đảng", "đảng ủy", "thường trực", "ủy ban mặt trận tổ quốc", "trưởng ban chỉ đạo"),
    "Bí thư các huyện ủy, thành ủy, người đứng đầu cấp ủy tập trung chỉ đạo sát sao", "bí thư",
)
# Bare units that take the head of the member before them.
BARE_UNITS = PhraseList(
    "bare_units",
    ("huyện ủy", "thành ủy", "thị ủy", "quận ủy", "thành phố", "huyện", "thị xã", "quận", "xã", "phường",
     "thị trấn", "đặc khu", "chi bộ", "chi bộ cơ sở", "đảng bộ cơ sở", "đảng bộ bộ phận", "chính quyền", "cấp ủy", "đảng ủy trực thuộc", "đảng ủy trực thuộc tỉnh ủy", "tỉnh ủy"),
    "Ủy ban nhân dân các huyện, thành phố", "thành phố",
)
# Words that may follow a whole known name and still belong to it or to its list ("Sở Y tế tỉnh",
# "UBND các huyện", "Sở Y tế và Sở Tài chính", "... trên địa bàn"); any other lower-case word after a
# known name starts the predicate, even a verb missing from PREDICATES ("Sở Tài chính thẩm tra ...").
NAME_CONTINUATIONS = PhraseList(
    "name_continuations",
    ("tỉnh", "huyện", "thành phố", "thị xã", "thị trấn", "quận", "xã", "phường", "các", "và", "cùng", "hoặc",
     "cấp tỉnh", "cấp huyện", "cấp xã", "cấp ủy", "trực thuộc", "thuộc", "của", "tại", "khu vực", "chi nhánh",
     "trên địa bàn", "ở", "từ tỉnh", "địa phương", "có liên quan", "liên quan", "nhất là", "theo chức năng",
     "căn cứ", "đặc khu", "cơ sở"),
    "Ủy ban nhân dân tỉnh và các sở, ngành liên quan thẩm tra hồ sơ", "và",
)
# Verbs after which the named groups are led, not responsible ("chỉ đạo các địa phương").
DIRECTING_VERBS = PhraseList(
    "directing_verbs", ("chỉ đạo", "định hướng", "hướng dẫn", "đôn đốc", "yêu cầu", "biểu dương"),
    "Ban Tuyên giáo Tỉnh ủy chỉ đạo, định hướng các cơ quan truyền thông", "chỉ đạo",
)
# What the author of a conclusion does by its own words ("Thường trực Tỉnh ủy thống nhất chủ trương
# ..., giao ..."): agreeing, noting, praising is deciding, not a task; the bodies it then assigns act.
DECIDING_VERBS = PhraseList(
    "deciding_verbs",
    ("thống nhất chủ trương", "thống nhất với", "thống nhất đề xuất", "thống nhất thông qua", "thống nhất như sau",
     "thống nhất nội dung", "thống nhất phương án", "thống nhất cao", "cơ bản thống nhất", "nhất trí", "cơ bản nhất trí",
     "đồng ý", "cơ bản đồng ý", "ghi nhận", "đánh giá cao", "hoan nghênh", "chấp thuận", "kết luận"),
    "Thường trực Tỉnh ủy thống nhất chủ trương tặng quà cho các gia đình chính sách, hộ nghèo dịp Tết.",
    "thống nhất chủ trương",
)
# Sentence openers that put their bodies in charge ("Giao Sở Y tế chủ trì, phối hợp với ...").
ASSIGNING_OPENERS = PhraseList(
    "assigning_openers", ("giao cho", "giao", "yêu cầu", "đề nghị", "phân công"),
    "Giao Sở Y tế chuẩn bị các phương án kịch bản", "giao",
)
# Openers of a topic or condition put before the clause that assigns it ("Về đề xuất của Sở Xây
# dựng: giao Sở Tư pháp ...", "Đối với ..., giao ...", "Trường hợp ..., UBND các huyện ..."): the
# bodies named inside the topic do not act; the clause after its colon or comma says who does.
TOPIC_OPENERS = PhraseList(
    "topic_openers",
    ("về", "đối với", "riêng đối với", "riêng", "trường hợp", "trong trường hợp", "khi", "sau khi", "nếu",
     "trên cơ sở"),
    "Về đề xuất bổ sung vốn của Ban Quản lý dự án giao thông tỉnh: Giao Sở Kế hoạch và Đầu tư chủ trì", "về",
)
# Fronted adverbials skipped before a clause's subject.
FRONTED = PhraseList(
    "fronted",
    ("căn cứ chức năng, nhiệm vụ được giao,", "căn cứ chức năng, nhiệm vụ,", "căn cứ chức năng nhiệm vụ được giao,",
     "theo chức năng, nhiệm vụ được giao,", "trên cơ sở đó,", "đồng thời,", "ngoài ra,", "trong đó,",
     "bên cạnh đó,", "mặt khác,", "trước mắt,"),
    "Căn cứ chức năng, nhiệm vụ được giao, các Sở, Ban, ngành chủ động phối hợp", "căn cứ chức năng, nhiệm vụ được giao,",
)
# Heads of groups that act only when a determiner marks them as a group ("Các chủ đầu tư khẩn
# trương ...", "Từng hợp tác xã ..."); alone they are the words of a finding ("Chủ đầu tư còn
# chậm ...").
DETERMINED_HEADS = PhraseList(
    "determined_heads",
    ("chủ đầu tư", "hợp tác xã", "cơ sở giáo dục", "cơ sở y tế", "cơ sở sản xuất",
     "cơ sở kinh doanh", "tổ chức tín dụng"),
    "Các chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán khối lượng hoàn thành", "chủ đầu tư",
)

# A predicate word is part of a name when the word before it is one of these ("Ban Chỉ đạo",
# "Ủy ban Bầu cử", "Phó Bí thư thường trực").
NAME_PARTS: dict[str, tuple[str, ...]] = {
    "chỉ đạo": ("ban", "bcđ"), "tổ chức": ("ban",), "quản lý": ("ban",), "kiểm tra": ("ủy ban",),
    "xây dựng": ("sở", "đầu tư"), "tuyên truyền": ("ban",), "thông báo": ("ban",), "cử": ("bầu",),
    "thường trực": ("phó bí thư", "ủy viên", "bí thư"), "tiếp nhận": ("bộ phận", "trung tâm"),
    "bảo vệ": ("ban", "chi cục", "bệnh viện"), "phòng ngừa": ("trung tâm",), "kiểm soát": ("trung tâm", "chốt"),
    "tham gia": ("lực lượng",), "khen thưởng": ("thi đua -", "thi đua –", "thi đua", "thi đua,"),
    "dự báo": ("trung tâm",), "trình": ("công",), "tiếp công dân": ("ban", "trụ sở"), "lưu trữ": ("trung tâm", "chi cục"),
    # "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Trung tâm Giáo dục thường xuyên"
    "thường xuyên": ("trung tâm giáo dục", "nghiệp - giáo dục", "nghiệp – giáo dục", "nghiệp-giáo dục"),
    # "Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh", "Ban Chỉ đạo tỉnh về phòng, chống tham nhũng"
    "về": ("ban chỉ đạo", "ban chỉ đạo tỉnh", "bcđ", "liên ngành", "hội đồng tư vấn"),
}
NAME_PARTS_EXAMPLE = ("Ủy ban Bầu cử tỉnh xây dựng phương án bầu cử", "Ủy ban Bầu cử tỉnh")
# A predicate word is a noun when followed by one of these ("tổ chức đảng", "có liên quan").
NOUN_AFTER: dict[str, tuple[str, ...]] = {
    "tổ chức": ("đảng", "chính trị", "đoàn thể", "cơ sở đảng", "tự quản", "hội"),
    "có": ("liên quan",), "theo": ("dõi",), "giao": ("thông",),
}
NOUN_AFTER_EXAMPLE = ("Các cấp ủy, tổ chức đảng tiếp tục quán triệt", "Tổ chức đảng")

PHRASE_LISTS: tuple[PhraseList, ...] = (
    BODY_HEADS, CAPITAL_ONLY_HEADS, DETERMINED_HEADS, PREDICATES, SET_PHRASES, EVERYONE, GENERIC, DETERMINERS, SCOPE_TAILS, SHARED_TAILS,
    HEAD_DISTRIBUTORS, BARE_UNITS, NAME_CONTINUATIONS, DIRECTING_VERBS, ASSIGNING_OPENERS, TOPIC_OPENERS,
    FRONTED, DECIDING_VERBS,
)
