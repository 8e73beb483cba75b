"""Abbreviations of Vietnamese administrative writing, expanded before a body name is matched.

Each entry: (id, abbreviation as written, expansion, a real example phrase holding it). Matching is
on whole words, case-sensitive for the abbreviation (they are written in capitals)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Abbreviation:
    id: str
    short: str
    full: str
    example: str  # a phrase as written in a directive
    expect: str  # the phrase expanded


ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation("ubmttq", "UBMTTQ", "Ủy ban Mặt trận Tổ quốc", "Các sở, ban, ngành, UBMTTQ, đoàn thể tỉnh",
                 "Các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc, đoàn thể tỉnh"),
    Abbreviation("ubnd", "UBND", "Ủy ban nhân dân", "Ban cán sự đảng UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    Abbreviation("hdnd", "HĐND", "Hội đồng nhân dân", "Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
    Abbreviation("bcd", "BCĐ", "Ban Chỉ đạo", "Thành viên BCĐ phòng, chống dịch bệnh ở người tỉnh",
                 "Thành viên Ban Chỉ đạo phòng, chống dịch bệnh ở người tỉnh"),
    Abbreviation("bcd_ocr", "BCD", "Ban Chỉ đạo", "BCD phòng, chống dịch bệnh ở người tỉnh Đắk Nông",
                 "Ban Chỉ đạo phòng, chống dịch bệnh ở người tỉnh Đắk Nông"),
    Abbreviation("mttq", "MTTQ", "Mặt trận Tổ quốc", "MTTQ và các đoàn thể chính trị - xã hội của tỉnh",
                 "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội của tỉnh"),
    Abbreviation("tttt_amp", "TT&TT", "Thông tin và Truyền thông", "Sở TT&TT", "Sở Thông tin và Truyền thông"),
    Abbreviation("tttt", "TTTT", "Thông tin và Truyền thông", "Sở TTTT", "Sở Thông tin và Truyền thông"),
    Abbreviation("ldtbxh", "LĐTBXH", "Lao động, Thương binh và Xã hội", "Sở LĐTBXH", "Sở Lao động, Thương binh và Xã hội"),
    Abbreviation("ldtbxh_amp", "LĐ-TB&XH", "Lao động, Thương binh và Xã hội", "Sở LĐ-TB&XH",
                 "Sở Lao động, Thương binh và Xã hội"),
    Abbreviation("gtvt", "GTVT", "Giao thông vận tải", "Sở GTVT", "Sở Giao thông vận tải"),
    Abbreviation("gddt", "GD&ĐT", "Giáo dục và Đào tạo", "Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    Abbreviation("vhttdl", "VHTTDL", "Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    Abbreviation("tnmt", "TN&MT", "Tài nguyên và Môi trường", "Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    Abbreviation("nnptnt", "NN&PTNT", "Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT",
                 "Sở Nông nghiệp và Phát triển nông thôn"),
    Abbreviation("khdt", "KH&ĐT", "Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    Abbreviation("khcn", "KH&CN", "Khoa học và Công nghệ", "Sở KH&CN", "Sở Khoa học và Công nghệ"),
    Abbreviation("duttu", "ĐUTTTU", "Đảng ủy trực thuộc Tỉnh ủy", "Bí thư các huyện, thị ủy, thành ủy, ĐUTTTU",
                 "Bí thư các huyện, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy"),
    Abbreviation("dutt", "ĐUTT", "Đảng ủy trực thuộc", "Các huyện ủy, thị ủy, thành ủy, ĐUTT Tỉnh ủy",
                 "Các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy"),
    Abbreviation("btv", "BTV", "Ban Thường vụ", "BTV HU, thị ủy, thành ủy", "Ban Thường vụ Huyện ủy, thị ủy, thành ủy"),
    Abbreviation("bch", "BCH", "Ban Chấp hành", "Các đồng chí ủy viên BCH Đảng bộ tỉnh",
                 "Các đồng chí ủy viên Ban Chấp hành Đảng bộ tỉnh"),
    Abbreviation("vptu", "VPTU", "Văn phòng Tỉnh ủy", "Lưu VPTU", "Lưu Văn phòng Tỉnh ủy"),
    Abbreviation("hu", "HU", "Huyện ủy", "BTV HU", "Ban Thường vụ Huyện ủy"),
    Abbreviation("tu", "TU", "Tỉnh ủy", "Thường trực TU", "Thường trực Tỉnh ủy"),
    Abbreviation("uv", "UV", "Ủy viên", "Các đồng chí UV BCH Đảng bộ tỉnh", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh"),
    Abbreviation("bchqs", "BCHQS", "Bộ Chỉ huy Quân sự", "BCHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    # below the province the command is a "Ban": Ban Chỉ huy Quân sự xã, phường, đặc khu (huyện before 2025)
    *(Abbreviation(f"bchqs_{unit_id}_{short_id}", f"{short} {unit}", f"Ban Chỉ huy Quân sự {unit}",
                   f"{short} {unit} chuẩn bị lực lượng", f"Ban Chỉ huy Quân sự {unit} chuẩn bị lực lượng")
      for short_id, short in (("bchqs", "BCHQS"), ("bch_quan_su", "BCH Quân sự"), ("bch_qs", "BCH QS"))
      for unit_id, unit in (("xa", "xã"), ("phuong", "phường"), ("dac_khu", "đặc khu"), ("huyen", "huyện"),
                            ("thi_tran", "thị trấn"), ("cap_xa", "cấp xã"))),
    Abbreviation("chqs", "CHQS", "Chỉ huy Quân sự", "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    Abbreviation("ttxvn", "TTXVN", "Thông tấn xã Việt Nam", "Cơ quan thường trú TTXVN tại tỉnh",
                 "Cơ quan thường trú Thông tấn xã Việt Nam tại tỉnh"),
    Abbreviation("bdbp", "BĐBP", "Bộ đội Biên phòng", "Bộ Chỉ huy BĐBP tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
    Abbreviation("ptth", "PTTH", "Phát thanh và Truyền hình", "Đài PTTH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    Abbreviation("ptth_dash", "PT-TH", "Phát thanh và Truyền hình", "Đài PT-TH Quảng Nam",
                 "Đài Phát thanh và Truyền hình Quảng Nam"),
    Abbreviation("ptth_amp", "PT&TH", "Phát thanh và Truyền hình", "Đài PT&TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    Abbreviation("vhttdl_amp", "VHTT&DL", "Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL",
                 "Sở Văn hóa, Thể thao và Du lịch"),
    Abbreviation("ldtbxh_short", "LĐTB&XH", "Lao động, Thương binh và Xã hội", "Sở LĐTB&XH",
                 "Sở Lao động, Thương binh và Xã hội"),
    Abbreviation("bcsd", "BCSĐ", "Ban cán sự đảng", "BCSĐ UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    Abbreviation("ct", "CT", "Chủ tịch", "CT UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    Abbreviation("pct", "PCT", "Phó Chủ tịch", "các PCT UBND tỉnh", "các Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    Abbreviation("cvp", "CVP", "Chánh Văn phòng", "CVP UBND tỉnh", "Chánh Văn phòng Ủy ban nhân dân tỉnh"),
    Abbreviation("dc", "Đ/c", "đồng chí", "Đ/c Bí thư Tỉnh ủy", "đồng chí Bí thư Tỉnh ủy"),
)
