"""The weekly report as a DOCX an office can sign and send (see ``docx_layout`` for the rules).

Header block, the title BÁO CÁO with the subject and the period, the numbered sections I., II.,
... with 1., 2., the tables, then "Nơi nhận:" and the signature. Long tables list their first
``max_rows`` rows and end with "... và N nhiệm vụ khác, xem tệp XLSX." - a 20,000-row table in
python-docx takes minutes and runs to hundreds of pages nobody prints.
"""

from __future__ import annotations

import io

from docx.document import Document as DocumentType

from tracker.domain.report import Letterhead, ReportData
from tracker.reports.docx_layout import (
    BODY_PT,
    TEXT_WIDTH_CM,
    data_table,
    header_block,
    new_document,
    paragraph,
    short_rule,
    signature_block,
)
from tracker.reports.outline import Block, Bullets, Paragraph, Section, build_outline

MAX_ROWS = 200


def render_docx(data: ReportData, lang: str, letterhead: Letterhead, *, max_rows: int = MAX_ROWS) -> bytes:
    outline = build_outline(data, lang, max_rows=max_rows)
    document = new_document()
    header_block(document, letterhead, lang, data.produced_at.date())
    paragraph(document, "", space_after=0)
    paragraph(document, outline.title, bold=True, size=BODY_PT, align="center", space_after=0)
    paragraph(document, outline.subtitle, bold=True, size=BODY_PT, align="center", space_after=0)
    paragraph(document, outline.period, bold=True, size=BODY_PT, align="center", space_after=0)
    short_rule(document, 3.0, TEXT_WIDTH_CM)
    for intro in outline.intro:
        paragraph(document, intro.text, italic=intro.italic, align="justify", indent_first=True)
    for section in outline.sections:
        _section(document, section, lang)
    signature_block(document, letterhead, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _section(document: DocumentType, section: Section, lang: str) -> None:
    title = f"{section.number}. {section.title}"
    paragraph(document, title, bold=True, align="justify", indent_first=True)
    for block in section.blocks:
        _block(document, block, lang)
    for sub in section.subsections:
        _section(document, sub, lang)
    for block in section.closing:
        _block(document, block, lang)


def _block(document: DocumentType, block: Block, lang: str) -> None:
    if isinstance(block, Paragraph):
        paragraph(document, block.text, italic=block.italic, align="justify", indent_first=True)
    elif isinstance(block, Bullets):
        for item in block.items:
            paragraph(document, f"- {item}", align="justify", indent_first=True, space_after=3)
    else:
        data_table(document, block, lang)
