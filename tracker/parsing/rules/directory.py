"""The body directory: common bodies of a Vietnamese province with canonical names, kinds and
aliases (data). ``tracker.services.bodies.directory_data`` seeds a new database from it, and the
parser marks a body it finds here as known (``ResponsibleBody.known``).

Canonical names are written the way a careful clerk writes them in a task list: full words, no
abbreviation, modern tone placement, the province word "tỉnh" where it belongs. Aliases are other
ways the same body is written (abbreviations, old names, with or without "tỉnh")."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.enums import BodyKind


@dataclass(frozen=True)
class DirectoryEntry:
    name: str
    kind: BodyKind
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a group's members, by canonical name


def _e(name: str, kind: BodyKind, *aliases: str, members: tuple[str, ...] = ()) -> DirectoryEntry:
    return DirectoryEntry(name, kind, tuple(aliases), members)


P, G, M, A, C, PE, ME, L, OT = (BodyKind.PARTY, BodyKind.GOVERNMENT, BodyKind.MASS_ORG, BodyKind.ARMED,
                               BodyKind.COMMITTEE, BodyKind.PERSON, BodyKind.MEDIA, BodyKind.LOCAL, BodyKind.OTHER)

_PARTY_BOARDS = ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
                 "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy")
_DEPARTMENTS = (
    "Sở Y tế", "Sở Thông tin và Truyền thông", "Sở Giao thông vận tải", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
    "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ", "Sở Tư pháp",
    "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Ngoại vụ", "Thanh tra tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh",
    # the departments formed by the 2025 mergers
    "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo",
)
_ARMED = ("Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")

BODY_DIRECTORY: tuple[DirectoryEntry, ...] = (
    # Party
    _e("Tỉnh ủy", P),
    _e("Ban Thường vụ Tỉnh ủy", P, "BTV Tỉnh ủy", "Ban Thường vụ TU"),
    _e("Thường trực Tỉnh ủy", P, "Thường trực TU"),
    _e("Ban Chấp hành Đảng bộ tỉnh", P, "BCH Đảng bộ tỉnh"),
    _e("Ủy viên Ban Chấp hành Đảng bộ tỉnh", PE, "Ủy viên BCH Đảng bộ tỉnh", "UV BCH Đảng bộ tỉnh"),
    _e("Tỉnh ủy viên", PE),
    _e("Ban Tổ chức Tỉnh ủy", P),
    _e("Ban Tuyên giáo Tỉnh ủy", P),
    _e("Ban Dân vận Tỉnh ủy", P),
    _e("Ban Tuyên giáo và Dân vận Tỉnh ủy", P),  # the two boards merged in 2025
    _e("Ban Nội chính Tỉnh ủy", P),
    _e("Ủy ban Kiểm tra Tỉnh ủy", P),
    _e("Văn phòng Tỉnh ủy", P, "VPTU"),
    _e("Ban đảng Tỉnh ủy", P, "Ban đảng tỉnh", "Ban Đảng Tỉnh ủy", members=_PARTY_BOARDS),
    _e("Ban cán sự đảng Ủy ban nhân dân tỉnh", P, "Ban cán sự đảng UBND tỉnh", "BCSĐ UBND tỉnh"),
    _e("Đảng đoàn Hội đồng nhân dân tỉnh", P, "Đảng đoàn HĐND tỉnh"),
    _e("Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", P, "Đảng đoàn MTTQ tỉnh", "Đảng đoàn Mặt trận Tổ quốc tỉnh"),
    _e("Đảng đoàn", P),
    _e("Ban cán sự đảng", P),
    _e("Đảng ủy Khối các cơ quan tỉnh", P, "Đảng ủy Khối cơ quan tỉnh"),
    _e("Đảng ủy Khối doanh nghiệp tỉnh", P),
    _e("Đảng ủy Công an tỉnh", P),
    _e("Đảng ủy Quân sự tỉnh", P),
    _e("Đảng ủy Bộ đội Biên phòng tỉnh", P),
    _e("Đảng ủy trực thuộc Tỉnh ủy", P, "Đảng ủy trực thuộc", "ĐUTT Tỉnh ủy", "ĐUTTTU"),
    _e("Huyện ủy", P),
    _e("Thành ủy", P),
    _e("Thị ủy", P),
    _e("Cấp ủy", P, "Cấp ủy đảng"),
    _e("Tổ chức đảng", P, "Tổ chức cơ sở đảng"),
    _e("Bí thư cấp ủy", PE),
    _e("Bí thư huyện ủy", PE),
    _e("Bí thư thành ủy", PE),
    _e("Bí thư thị ủy", PE),
    _e("Người đứng đầu cấp ủy", PE),
    _e("Người đứng đầu chính quyền", PE),
    # Government
    _e("Ủy ban nhân dân tỉnh", G, "UBND tỉnh"),
    _e("Hội đồng nhân dân tỉnh", G, "HĐND tỉnh"),
    _e("Thường trực Hội đồng nhân dân tỉnh", G, "Thường trực HĐND tỉnh"),
    _e("Chủ tịch Ủy ban nhân dân tỉnh", PE, "Chủ tịch UBND tỉnh", "CT UBND tỉnh"),
    *(_e(name, G) for name in _DEPARTMENTS),
    _e("Sở, ban, ngành tỉnh", G, "Sở, ban, ngành", "Sở, ban, ngành cấp tỉnh", "Sở, ngành", members=_DEPARTMENTS),
    _e("Ủy ban nhân dân huyện", L, "UBND huyện"),
    _e("Ủy ban nhân dân thành phố", L, "UBND thành phố"),
    _e("Ủy ban nhân dân thị xã", L, "UBND thị xã"),
    _e("Ủy ban nhân dân xã, phường, thị trấn", L, "UBND xã, phường, thị trấn", "UBND cấp xã", "Ủy ban nhân dân cấp xã"),
    _e("Ủy ban Bầu cử tỉnh", C),
    _e("Ngành Y tế", G, "Ngành y tế"),
    _e("Ban Quản lý các khu công nghiệp tỉnh", G, "Ban Quản lý các khu công nghiệp"),
    _e("Kho bạc Nhà nước tỉnh", G),
    _e("Cục Thuế tỉnh", G),
    _e("Cục Hải quan tỉnh", G),
    _e("Bảo hiểm xã hội tỉnh", G),
    _e("Ngân hàng Nhà nước chi nhánh tỉnh", G),
    _e("Trung tâm Kiểm soát bệnh tật tỉnh", G, "CDC tỉnh"),
    # Armed forces
    _e("Công an tỉnh", A),
    _e("Bộ Chỉ huy Quân sự tỉnh", A, "BCHQS tỉnh"),
    _e("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", A, "Bộ Chỉ huy BĐBP tỉnh"),
    _e("Lực lượng vũ trang tỉnh", A, "Lực lượng vũ trang", members=_ARMED),
    _e("Đơn vị lực lượng vũ trang cấp tỉnh", A, "Đơn vị lực lượng vũ trang tỉnh", members=_ARMED),
    # Mass organisations
    _e("Mặt trận Tổ quốc tỉnh", M, "Mặt trận Tổ quốc", "MTTQ tỉnh", "Mặt trận Tổ quốc Việt Nam tỉnh"),
    _e("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", M, "Ủy ban Mặt trận Tổ quốc tỉnh", "UBMTTQ tỉnh",
       "UBMTTQ Việt Nam tỉnh"),
    _e("Đoàn thể tỉnh", M, "Đoàn thể cấp tỉnh", "Đoàn thể"),
    _e("Đoàn thể chính trị - xã hội", M, "Đoàn thể chính trị - xã hội tỉnh"),
    _e("Tổ chức chính trị - xã hội", M, "Tổ chức chính trị - xã hội tỉnh"),
    _e("Tỉnh đoàn", M, "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
    _e("Hội Liên hiệp Phụ nữ tỉnh", M),
    _e("Hội Nông dân tỉnh", M),
    _e("Hội Cựu chiến binh tỉnh", M),
    _e("Liên đoàn Lao động tỉnh", M),
    _e("Hội cấp tỉnh", M, "Hội tỉnh"),
    # Committees
    _e("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh", C, "Ban Chỉ đạo phòng, chống dịch Covid-19 của tỉnh",
       "BCĐ phòng, chống dịch Covid-19 tỉnh"),
    _e("Ban Chỉ đạo phòng, chống dịch bệnh tỉnh", C, "Ban Chỉ đạo phòng, chống dịch bệnh của tỉnh"),
    _e("Ban Chỉ đạo phòng, chống dịch bệnh ở người tỉnh", C, "BCĐ phòng, chống dịch bệnh ở người tỉnh"),
    # Media
    _e("Báo tỉnh", ME),
    _e("Đài Phát thanh và Truyền hình tỉnh", ME, "Đài PTTH tỉnh", "Đài Phát thanh - Truyền hình tỉnh",
       "Đài phát thanh truyền hình tỉnh"),
    _e("Cơ quan báo chí", ME, "Cơ quan thông tấn, báo chí"),
    # Generic groups kept as one body
    _e("Cơ quan, đơn vị", OT, "Cơ quan, đơn vị có liên quan"),
    _e("Cơ quan tỉnh", OT),
    _e("Cơ quan tham mưu, giúp việc Tỉnh ủy", P),
    _e("Địa phương", L),
)


def body_directory() -> list[DirectoryEntry]:
    """The directory as a list (the shape ``tracker.services.bodies.directory_data`` reads)."""
    return list(BODY_DIRECTORY)
