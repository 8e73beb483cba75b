"""Item labels (data): each kind of label with its pattern and a real example.

``kind`` tells the levels apart: items of the same kind are siblings, a different kind met under
an item opens a level below it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LabelRule:
    id: str
    kind: str  # "decimal", "arabic", "roman", "letter", "paren_number", "paren_letter", "dash", "plus", "bullet"
    pattern: str  # group "label" holds the label's value (absent for bullets)
    example: str  # a real item line
    expect: str | None  # the label value found in the example (None for bullets)
    guessed: bool = False  # a label only where it continues the numbering before it
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))


LABEL_RULES: tuple[LabelRule, ...] = (
    LabelRule("decimal", "decimal", r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)",
              "3.2. Nâng cao hiệu quả hoạt động của chính quyền cấp cơ sở", "3.2"),
    LabelRule("arabic_dot", "arabic", r"^(?P<label>\d{1,2})\s*(?:[.)]|/(?=\s))\s*(?=[^\d\s.,/])",
              "1. Tiếp tục quán triệt và tổ chức triển khai thực hiện nghiêm", "1"),
    # a scan that read the dot as a comma: "4, Ủy ban nhân dân ..." (a capital must follow; taken only
    # where it continues the numbering: the segmenter checks that "3" came before)
    LabelRule("arabic_comma", "arabic", r"^(?P<label>\d{1,2}),\s+(?=[A-ZĐÀ-Ỹ])",
              "4, Ủy ban nhân dân các xã, phường khẩn trương rà soát mặt bằng", "4", guessed=True),
    LabelRule("arabic_dash", "arabic", r"^(?P<label>\d{1,2})\s*[-–]\s+(?=\S)",
              "1- Ban cán sự Đảng UBND tỉnh tăng cường lãnh đạo, chỉ đạo", "1"),
    LabelRule("roman", "roman", r"^(?P<label>(?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.)\-–]\s+(?=\S)",
              "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "II"),
    LabelRule("letter", "letter", r"^(?P<label>[a-zđ])\s*(?:[).]|[-–](?=\s))\s+(?=\S)",
              "a) Tăng cường công tác tuyên truyền", "a"),
    # a scan that lost the space: "a)Chỉ đạo" (a capital must follow)
    LabelRule("letter_tight", "letter", r"^(?P<label>[a-zđ])\)(?=[A-ZĐÀ-Ỹ])",
              "b)Chỉ đạo các xã ven biển kiểm tra lồng bè", "b"),
    # a resolution's or decision's article: "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện ..."
    LabelRule("article", "article", r"^Điều\s+(?P<label>\d{1,3})\s*[.:]\s*(?=\S)",
              "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.", "2"),
    LabelRule("ordinal", "ordinal",
              r"^(?P<label>(?:Thứ\s+)?(?:Một|Hai|Ba|Bốn|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười|nhất|hai|ba|tư|năm|sáu|bảy|tám|"
              r"chín|mười)(?:\s+là)?)\s*[,:]\s+(?=\S)",
              "Một là, nâng cao nhận thức của cấp ủy, chính quyền về công tác phòng, chống dịch", "1"),
    # "(1) Tổ chức tuyên truyền ...", "(a) ...": a level of its own
    LabelRule("paren_number", "paren_number", r"^\((?P<label>\d{1,2})\)\s*(?=\S)",
              "(1) Tổ chức tuyên truyền sâu rộng kết quả Đại hội Đảng bộ tỉnh", "1"),
    LabelRule("paren_letter", "paren_letter", r"^\((?P<label>[a-zđ])\)\s*(?=\S)",
              "(a) Rà soát danh sách cán bộ trong diện quy hoạch", "a"),
    LabelRule("dash", "dash", r"^[-–—]\s*(?=\S)",
              "- Tiếp tục rà soát, xây dựng phương án, kịch bản cụ thể", None),
    LabelRule("plus", "plus", r"^\+\s*(?=\S)", "+ Kiểm tra việc chấp hành quy định", None),
    LabelRule("bullet", "bullet", r"^[•·●▪○◦■□➢❖✓]\s*(?=\S)", "• Thực hiện nghiêm quy định 5K", None),
    # a star typed as a bullet, a space after it ("*Ghi chú" or "*nhấn mạnh*" is no item)
    LabelRule("star", "bullet", r"^\*\s+(?=\S)", "* Kiểm tra các cơ sở có nguy cơ gây ô nhiễm môi trường cao", None),
)


@dataclass(frozen=True)
class Label:
    kind: str
    value: str | None
    rest: str  # the line's text after the label
    guessed: bool = False  # see LabelRule.guessed


_ORDINALS = {"một": "1", "nhất": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4", "năm": "5", "sáu": "6",
             "bảy": "7", "tám": "8", "chín": "9", "mười": "10"}


def _rules_for(first: str) -> tuple[LabelRule, ...]:
    """The rules a line starting with ``first`` can match (a cheap pre-check)."""
    if first.isdigit():
        kinds: tuple[str, ...] = ("decimal", "arabic")
    elif first in "IVX":
        kinds = ("roman",)
    elif first in "MHBTNSCĐ":
        kinds = ("article", "ordinal") if first == "Đ" else ("ordinal",)
    elif first.islower():
        kinds = ("letter",)
    elif first in "-–—":
        kinds = ("dash",)
    elif first == "+":
        kinds = ("plus",)
    elif first == "(":
        kinds = ("paren_number", "paren_letter")
    else:
        kinds = ("bullet",)
    return _BY_KIND[kinds]


_BY_KIND: dict[tuple[str, ...], tuple[LabelRule, ...]] = {kinds: tuple(r for r in LABEL_RULES if r.kind in kinds)
            for kinds in (("decimal", "arabic"), ("roman",), ("article", "ordinal"), ("ordinal",), ("letter",),
                          ("dash",), ("plus",), ("paren_number", "paren_letter"), ("bullet",))}


def find_label(line: str) -> Label | None:
    if not line:
        return None
    for rule in _rules_for(line[0]):
        m = rule.regex.match(line)
        if m:
            if rule.kind == "roman" and not m.group("label"):
                continue
            value = m.groupdict().get("label")
            if rule.kind == "ordinal":
                value = _ORDINALS.get(value.split()[-2 if value.endswith(" là") else -1].lower()) if value else None
                if value is None:
                    continue
            return Label(rule.kind, value, line[m.end():].strip(), rule.guessed)
    return None
