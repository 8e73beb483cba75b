"""OCR and markdown marks removed by normalisation, page numbers and e-signature stamps (data)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MarkRule:
    id: str
    pattern: str
    replacement: str
    example: str  # a real line holding the mark
    expect: str  # the line once cleaned
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))


MARK_RULES: tuple[MarkRule, ...] = (
    MarkRule("strike", r"~~\s*(.*?)\s*~~", r"\1", "Số: ~~3953~~ /UBND-KGVX", "Số: 3953 /UBND-KGVX"),
    MarkRule("superscript", r"\^\{[^}]{0,20}\}", "", "Số 470^{*} -CV/TU", "Số 470 -CV/TU"),
    MarkRule("superscript_tail", r"\^\{[^}]{0,20}\}?", "", "- Lưu VPTU, P.KT-XH^{Th.H}.", "- Lưu VPTU, P.KT-XH."),
    MarkRule("bold", r"\*\*", "", "Số **261** - CV/TU", "Số 261 - CV/TU"),
    MarkRule("italic", r"(?<![\w*])\*(?=\S)([^*\n]{1,200}?)(?<=\S)\*(?![\w*])", r"\1",
             "(*gửi kèm theo*); Ủy ban nhân dân tỉnh", "(gửi kèm theo); Ủy ban nhân dân tỉnh"),
    # a star after a colon or alone at a line's end; "* " opening a line is a bullet (markdown's list
    # item, or typed so), read as an item's label
    MarkRule("stray_star", r"(?:(?<=:)\*|^\*+$|\s\*+$)", "", "- Kính gửi:*", "- Kính gửi:"),
    MarkRule("table_pipe_edge", r"^\|\s*|\s*\|$", "", "| Số: 08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021 |",
             "Số: 08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021"),
    MarkRule("heading_hashes", r"^#{1,6}\s+", "", "### 1. Sở Y tế chủ trì", "1. Sở Y tế chủ trì"),
    MarkRule("blockquote", r"^>\s?", "", "> Kính gửi: Sở Y tế", "Kính gửi: Sở Y tế"),
    MarkRule("escaped_markdown", r"\\([-*_.#()\[\]])", r"\1", r"1\. Tiếp tục quán triệt", "1. Tiếp tục quán triệt"),
)

# A line that is only a page number ("26", "- 3 -", "Trang 2").
PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*-)?$")
PAGE_NUMBER_EXAMPLE = "26"

# A running footer or header with the page count: "UBND tỉnh Nghệ An - CV số 7215/UBND-KT      Trang 1/3",
# "Trang 2/4": no text (tested on the raw line, before its columns are taken apart).
PAGE_FOOTER = re.compile(r"^.{0,100}?\b[Tt]rang\s+\d{1,3}\s*(?:/|trên|of)\s*\d{1,3}\s*$")
PAGE_FOOTER_EXAMPLES = ("UBND tỉnh Nghệ An - CV số 7215/UBND-KT      Trang 1/3", "Trang 2/4")

# A rule drawn under a header block ("-------", "———", "--------o0o--------", "***"): no text.
RULE_LINE = re.compile(r"^(?:[-_—–=~•*][-_—–=~•*\s]{2,}|[-_—–=\s]*[oO]0[oO][-_—–=\s]*)$")
RULE_LINE_EXAMPLES = ("-------", "———", "--------o0o--------", "___________", "* * *")

# Footnotes at a page's foot: a line of underscores, then lines opened by the note's mark ("(1)",
# "1", "¹") - the marks stay in the text where they were called ("... các mỏ đá đang khai thác(2)").
FOOTNOTE_RULE = re.compile(r"^_{5,}\s*$")
FOOTNOTE = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}(?=\s+[A-ZĐÀ-Ỹ])|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S")
FOOTNOTE_EXAMPLE = "(1) Nghị định số 71/2026/NĐ-CP ngày 15/3/2026 của Chính phủ quy định chi tiết."

# E-signature stamp: starts with "Người ký:", fields "Email:", "Cơ quan:", "Thời gian ký:", ends at the
# time zone ("10:45:30 +07:00").
STAMP_START = re.compile(r"^(?:Người ký|Ký bởi|Signed by)\s*:", re.IGNORECASE)
STAMP_FIELDS = re.compile(r"^(?:Người ký|Ký bởi|Email|Cơ quan|Chức vụ|Thời gian ký|Ngày ký)\s*:", re.IGNORECASE)
STAMP_END = re.compile(r"[+-]\d{2}:\d{2}\s*$")
STAMP_EXAMPLE = ("Người ký: Tỉnh ủy Đắk\nNông\nEmail: Tinh uy@TUDaknong\nCơ quan: Tỉnh ủy Đắk Nông\n"
                 "Thời gian ký: 24.07.2021\n10:45:30 +07:00")

# A copy's stamp ("SAO Y BẢN CHÍNH" / the copying office / "Số: 41/SY-UBND" / date / "Nơi nhận" / "TL. CHỦ
# TỊCH" / name): no directive of its own; dropped from its first line to its signer's name.
COPY_STAMP = re.compile(r"^(?:SAO Y(?: BẢN CHÍNH)?|SAO LỤC|TRÍCH SAO)\s*:?\s*$")
COPY_STAMP_EXAMPLE = "SAO Y BẢN CHÍNH"

