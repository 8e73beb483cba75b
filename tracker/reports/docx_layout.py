"""The parts of an administrative document in python-docx, shared by the report and the letter.

Nghị định 30/2020/NĐ-CP (style "state") and Hướng dẫn 36-HD/VPTW (style "party"): A4 paper,
margins top 2 cm, bottom 2 cm, left 3 cm, right 1.5 cm; Times New Roman; the two-column header
(issuing body | national motto, or | "ĐẢNG CỘNG SẢN VIỆT NAM"), the number and the
place-and-date line; at the end "Nơi nhận:" and the signature block. Empty settings leave a
blank for the office to fill.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from tracker.domain.report import Letterhead
from tracker.reports.outline import Table
from tracker.reports.text import labeler, number_line, place_date_line

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
TABLE_PT = 12
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGINS_CM = {"top": 2.0, "bottom": 2.0, "left": 3.0, "right": 1.5}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]  # 16.5
HEADER_LEFT_CM, HEADER_RIGHT_CM = 6.5, TEXT_WIDTH_CM - 6.5
FIRST_LINE_CM = 1.27

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "center": WD_ALIGN_PARAGRAPH.CENTER}


def new_document() -> DocumentType:
    """An empty A4 document with the prescribed margins and Times New Roman 14 pt."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.header_distance = section.footer_distance = Cm(1.0)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _page_numbers(document)
    return document


def _page_numbers(document: DocumentType) -> None:
    """The page number centred in the header from the second page on (NĐ 30, Phụ lục I)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# ------------------------------------------------------------------------------------ paragraphs


_NOT_XML = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)], " ")  # XML 1.0 forbids them


def paragraph(container: DocumentType | _Cell, text: str = "", *, bold: bool = False, italic: bool = False,
              underline: bool = False, size: float | None = None, align: str | None = None,
              indent_first: bool = False, space_after: float | None = None) -> DocxParagraph:
    """A paragraph with one run (the common case everywhere in these documents)."""
    para = container.add_paragraph()
    if text:
        run = para.add_run(text.translate(_NOT_XML))
        run.bold, run.italic = bold or None, italic or None
        if underline:
            run.underline = True
        if size is not None:
            run.font.size = Pt(size)
    fmt = para.paragraph_format
    if align is not None:
        para.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    if indent_first:
        fmt.first_line_indent = Cm(FIRST_LINE_CM)
    if space_after is not None:
        fmt.space_after = Pt(space_after)
    return para


def short_rule(cell: DocumentType | _Cell, length_cm: float, cell_width_cm: float) -> DocxParagraph:
    """A centred horizontal line ``length_cm`` long: a tiny paragraph's bottom border, indented."""
    para = cell.add_paragraph()
    border = OxmlElement("w:pBdr")  # first: pBdr comes before spacing and ind in w:pPr
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    para._p.get_or_add_pPr().append(border)
    fmt = para.paragraph_format
    side = max((cell_width_cm - length_cm) / 2, 0)
    fmt.left_indent = fmt.right_indent = Cm(side)
    fmt.space_after = Pt(4)
    fmt.line_spacing = Pt(2)
    return para


def _first_paragraph(cell: _Cell, text: str, **kwargs: object) -> DocxParagraph:
    """Fill the paragraph a new cell already has instead of leaving it empty."""
    para = cell.paragraphs[0]
    run = para.add_run(text)
    run.bold = bool(kwargs.get("bold")) or None
    run.italic = bool(kwargs.get("italic")) or None
    if kwargs.get("underline"):
        run.underline = True
    run.font.size = Pt(float(kwargs.get("size", HEADER_PT)))  # type: ignore[arg-type]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_after = Pt(0)
    return para


def _borderless(document: DocumentType, widths: tuple[float, float]) -> DocxTable:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_widths(table, widths)
    return table


# ------------------------------------------------------------------------------------ header


def header_block(document: DocumentType, letterhead: Letterhead, lang: str, issued_on: date, *,
                 kind: str = "BC", subject: str | None = None) -> DocxTable:
    """The two-column header: issuing body, rule or "*", number (and a letter's subject) | motto, date."""
    L = labeler(lang)
    party = letterhead.style == "party"
    table = _borderless(document, (HEADER_LEFT_CM, HEADER_RIGHT_CM))
    left, right = table.rows[0].cells
    parent = letterhead.parent_body.strip().upper()
    issuing = letterhead.issuing_body.strip().upper()
    if parent:
        _first_paragraph(left, parent, size=HEADER_PT)
        paragraph(left, issuing or " ", bold=True, size=HEADER_PT, align="center", space_after=0)
    else:
        _first_paragraph(left, issuing or " ", bold=True, size=HEADER_PT)
    if party:
        paragraph(left, "*", size=HEADER_PT, align="center", space_after=0)
    else:
        short_rule(left, 2.5, HEADER_LEFT_CM)
    paragraph(left, number_line(letterhead, lang, kind=kind), size=HEADER_PT, align="center", space_after=0)
    if subject:
        paragraph(left, subject, size=12, align="center", space_after=0)

    if party:
        _first_paragraph(right, L("rpt.party"), bold=True, underline=True, size=15)
        paragraph(right, "", size=8, space_after=0)
    else:
        _first_paragraph(right, L("rpt.nation"), bold=True, size=HEADER_PT)
        paragraph(right, L("rpt.motto"), bold=True, underline=True, size=BODY_PT, align="center", space_after=6)
    paragraph(right, place_date_line(letterhead.place, issued_on, lang), italic=True, size=BODY_PT,
              align="center", space_after=0)
    return table


def signature_block(document: DocumentType, letterhead: Letterhead, lang: str, *,
                    first_recipients: tuple[str, ...] = ()) -> DocxTable:
    """"Nơi nhận:" with the recipients and "- Lưu: VT." | authority, title, space to sign, name."""
    L = labeler(lang)
    paragraph(document, "", space_after=0)
    table = _borderless(document, (7.5, TEXT_WIDTH_CM - 7.5))
    left, right = table.rows[0].cells
    head = left.paragraphs[0]
    run = head.add_run(L("rpt.recipients"))
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    head.paragraph_format.space_after = Pt(0)
    recipients = [*first_recipients, *letterhead.recipients] or [".........."]
    for name in recipients:
        item = name if name.startswith("-") else f"- {name};"
        paragraph(left, item, size=11, space_after=0)
    paragraph(left, L("rpt.archive"), size=11, space_after=0)

    authority = letterhead.signer_authority.strip().upper()
    title = letterhead.signer_title.strip().upper()
    _first_paragraph(right, authority or " ", bold=True, size=BODY_PT)
    if title:
        paragraph(right, title, bold=True, size=BODY_PT, align="center", space_after=0)
    for _ in range(4):
        paragraph(right, "", size=BODY_PT, space_after=0)
    name = letterhead.signer_name.strip()
    paragraph(right, name or " ", bold=True, size=BODY_PT, align="center", space_after=0)
    return table


# ------------------------------------------------------------------------------------ tables


def set_widths(table: DocxTable, widths_cm: tuple[float, ...] | list[float]) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.gridCol_lst, widths_cm, strict=False):
        col.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def data_table(document: DocumentType, table: Table, lang: str) -> DocxTable:
    """A bordered table at 12 pt: bold shaded header repeated on every page, widths to fit A4.

    The table's XML is written in one piece and parsed once: filling cells through python-docx
    costs about half a millisecond each, which is seconds for a few thousand cells.
    """
    twips = column_twips(table)
    aligns = [c.align for c in table.columns]
    size = table.font_pt or TABLE_PT
    # a table with a two-row header (a wide grid of figures) gets narrow cell margins
    margins = (f'<w:tblCellMar><w:left w:w="{NARROW_CELL_MARGIN_TWIPS}" w:type="dxa"/>'
               f'<w:right w:w="{NARROW_CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>') if table.groups else ""
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{_table_style_id(document)}"/>'
             f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
             f'{margins}<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
             'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    parts += [f'<w:gridCol w:w="{w}"/>' for w in twips]
    parts.append("</w:tblGrid>")
    if table.groups:
        parts += _grouped_header_xml(table, twips, size)
    else:
        parts.append(_row_xml([c.label for c in table.columns], twips, ["center"] * len(twips), header=True,
                              size=size))
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        parts.append(_row_xml(row, twips, aligns, bold=table.bold_last and index == last, size=size))
    parts.append("</w:tbl>")
    element = parse_xml("".join(parts))
    document.element.body._insert_tbl(element)
    if table.more:
        paragraph(document, labeler(lang)("rpt.more_rows", count=table.more), italic=True, size=TABLE_PT)
    else:
        paragraph(document, "", size=6, space_after=0)
    return DocxTable(element, document._body)


TWIPS_PER_CM = 1440 / 2.54
NARROW_CELL_MARGIN_TWIPS = 57  # 0.1 cm each side (Word's default is 0.19 cm)


def column_twips(table: Table) -> list[int]:
    """The columns' widths in twips, scaled to the text width."""
    total = sum(c.width for c in table.columns)
    return [round(c.width * TEXT_WIDTH_CM / total * TWIPS_PER_CM) for c in table.columns]


def _grouped_header_xml(table: Table, twips: list[int], size: int) -> list[str]:
    """Two header rows: a group's heading spans its columns, whose short headings stand under
    it; a column outside every group spans both rows (vertical merge)."""
    grouped = {index: group for group in table.groups for index in range(group.first, group.first + group.span)}
    top, bottom = [], []
    for index, column in enumerate(table.columns):
        group = grouped.get(index)
        if group is None:
            top.append(_cell_xml(column.short or column.label, twips[index], "center", size, header=True,
                                 merge="restart", middle=True))
            bottom.append(_cell_xml("", twips[index], "center", size, header=True, merge="continue", middle=True))
            continue
        if index == group.first:
            width = sum(twips[group.first:group.first + group.span])
            top.append(_cell_xml(group.label, width, "center", size, header=True, span=group.span, middle=True))
        bottom.append(_cell_xml(column.short or column.label, twips[index], "center", size, header=True,
                                middle=True))
    head = "<w:trPr><w:tblHeader/></w:trPr>"
    return [f"<w:tr>{head}{''.join(top)}</w:tr>", f"<w:tr>{head}{''.join(bottom)}</w:tr>"]


def _cell_xml(value: str, width: int, align: str, size: int, *, header: bool = False, bold: bool = False,
              span: int = 1, merge: str = "", middle: bool = False) -> str:
    """One table cell: ``span`` grid columns wide, ``merge`` "restart"/"continue" for a vertical
    merge, ``middle`` centred vertically (the two-row header)."""
    run_props = f'{"<w:b/>" if header or bold else ""}<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>' if header else ""
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge_xml = f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else ("<w:vMerge/>" if merge else "")
    valign = '<w:vAlign w:val="center"/>' if middle else ""
    run = ""
    if value:
        text = escape(value.translate(_CONTROL))
        run = f'<w:r><w:rPr>{run_props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{merge_xml}{shade}{valign}</w:tcPr><w:p>'
            f'<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="{align}"/></w:pPr>'
            f"{run}</w:p></w:tc>")
_CONTROL = dict.fromkeys(range(0x20), " ")


def _row_xml(values: list[str], twips: list[int], aligns: list[str], *, header: bool = False,
             bold: bool = False, size: int = TABLE_PT) -> str:
    cells = "".join(_cell_xml(value, width, align, size, header=header, bold=bold)
                    for value, width, align in zip(values, twips, aligns, strict=True))
    head = '<w:trPr><w:tblHeader/></w:trPr>' if header else ""
    return f"<w:tr>{head}{cells}</w:tr>"


def _table_style_id(document: DocumentType) -> str:
    return str(document.styles["Table Grid"].style_id)
