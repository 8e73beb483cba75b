"""The DOCX report reopened with python-docx: the NĐ 30/2020 and HD 36 layouts, tables, page setup."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from report_samples import LETTERHEAD, empty_report, filtered_week, quiet_week, week_report

from tracker.domain.report import Letterhead
from tracker.reports import export
from tracker.reports.docx_report import MAX_ROWS


def open_docx(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


def cm(length) -> float:
    return round(length.cm, 2)


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def runs_of(cell, text: str):
    return [run for p in cell.paragraphs for run in p.runs if run.text == text]


def table_with_header(document, *labels: str):
    """The data table whose header row holds ``labels``."""
    for table in document.tables:
        header = [cell.text for cell in table.rows[0].cells]
        if all(label in header for label in labels):
            return table
    raise AssertionError(f"no table with the columns {labels}")


@pytest.fixture(scope="module")
def report_vi():
    return open_docx(export(week_report(), "docx", letterhead=LETTERHEAD, lang="vi"))


def test_page_is_a4_with_the_prescribed_margins_and_font(report_vi) -> None:
    section = report_vi.sections[0]
    assert (cm(section.page_width), cm(section.page_height)) == (21.0, 29.7)
    assert (cm(section.top_margin), cm(section.bottom_margin)) == (2.0, 2.0)
    assert cm(section.left_margin) == 3.0
    assert 1.5 <= cm(section.right_margin) <= 2.0
    normal = report_vi.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fonts = normal.element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "Times New Roman"
    # page numbers from the second page on
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml


def test_state_header_block(report_vi) -> None:
    header = report_vi.tables[0]
    left, right = header.rows[0].cells
    assert cell_lines(left)[:2] == ["TỈNH ỦY TÂY NINH", "VĂN PHÒNG"]
    assert runs_of(left, "VĂN PHÒNG")[0].bold
    assert "w:pBdr" in left.paragraphs[2]._p.xml  # the short rule under the issuing body
    assert cell_lines(left)[3] == "Số:        /BC-VPTU"
    lines = cell_lines(right)
    assert lines == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Tây Ninh, ngày 02 tháng 8 năm 2021"]
    assert runs_of(right, lines[0])[0].bold
    motto = runs_of(right, lines[1])[0]
    assert motto.bold and motto.underline
    assert runs_of(right, lines[2])[0].italic
    # a borderless layout table, not a bordered data table
    assert header.style is None or header.style.name != "Table Grid"


def test_title_subtitle_and_numbered_sections(report_vi) -> None:
    paragraphs = report_vi.paragraphs
    title = next(p for p in paragraphs if p.text == "BÁO CÁO")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    lines = texts(report_vi)
    at = lines.index("BÁO CÁO")
    assert lines[at + 1] == "Tình hình thực hiện nhiệm vụ theo các văn bản chỉ đạo"
    assert lines[at + 2] == "Tuần 30 năm 2021 (từ ngày 26/07/2021 đến ngày 01/08/2021)"
    headings = [line for line in lines if line[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert headings == ["I. TÌNH HÌNH TIẾP NHẬN VĂN BẢN CHỈ ĐẠO", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
                        "III. NHIỆM VỤ QUÁ HẠN VÀ BÁO CÁO ĐỊNH KỲ CHƯA GỬI",
                        "IV. NHIỆM VỤ ĐẾN HẠN TRONG TUẦN TỚI", "V. TIẾN ĐỘ CẬP NHẬT TRONG KỲ"]
    assert "1. Tổng hợp chung" in lines and "2. Theo cơ quan, đơn vị" in lines
    assert any(line.startswith("Tổng số 20 nhiệm vụ, trong đó: hoàn thành đúng hạn 6;") for line in lines)
    assert "Tỷ lệ hoàn thành đúng hạn: 35,3% (theo thời hạn ban đầu: 29,4%)." in lines


def test_grid_table_carries_the_figures(report_vi) -> None:
    grid = table_with_header(report_vi, "STT", "Cơ quan, đơn vị", "Tỷ lệ đúng hạn")
    rows = [[c.text for c in row.cells] for row in grid.rows]
    # two header rows: the groups over their short headings; other headings span both rows
    assert rows[0] == ["STT", "Cơ quan, đơn vị", "Tổng số", "Đã hoàn thành", "Đã hoàn thành", "Đang thực hiện",
                       "Đang thực hiện", "Không có thời hạn", "Sắp đến hạn", "Tỷ lệ đúng hạn", "Tỷ lệ đúng hạn",
                       "BC định kỳ chưa gửi"]
    assert rows[1] == ["STT", "Cơ quan, đơn vị", "Tổng số", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn",
                       "Không có thời hạn", "Sắp đến hạn", "Theo hạn hiện hành", "Theo hạn ban đầu",
                       "BC định kỳ chưa gửi"]
    assert rows[2] == ["1", "Sở Y tế", "9", "3", "1", "2", "2", "1", "1", "37,5%", "25%", "2"]
    assert rows[-1] == ["", "Tổng cộng", "20", "6", "2", "6", "3", "3", "2", "35,3%", "29,4%", "2"]
    assert all(run.bold for run in grid.rows[-1].cells[2].paragraphs[0].runs)
    assert grid.style.name == "Table Grid"
    assert [row._tr.trPr is not None and row._tr.trPr.xml.count("tblHeader") for row in grid.rows[:3]] == [
        1, 1, False]  # both header rows repeated on each page
    total_width = sum(cell.width for cell in grid.rows[2].cells)
    assert abs(total_width - Cm(16.5)) < Cm(0.05)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_grid_headings_never_break_inside_a_word(lang: str) -> None:
    """Portrait A4: every word of the grid's headings fits the width of its cell (less the cell
    margins), measured with the Times bold metrics at the grid's font size. A column narrower than
    its longest word would make Word break "Hoàn thà-nh" across lines."""
    fpdf = pytest.importorskip("fpdf")
    from tracker.domain.text import strip_diacritics
    from tracker.reports.docx_layout import NARROW_CELL_MARGIN_TWIPS, TWIPS_PER_CM, column_twips
    from tracker.reports.outline import grid_table

    data = week_report()
    table = grid_table(data.by_body, data.overall, lang)
    pdf = fpdf.FPDF(unit="cm")
    pdf.set_font("Times", "B", table.font_pt)
    twips = column_twips(table)
    margins = 2 * NARROW_CELL_MARGIN_TWIPS / TWIPS_PER_CM
    cells = []
    grouped = set()
    for group in table.groups:
        grouped.update(range(group.first, group.first + group.span))
        cells.append((group.label, sum(twips[group.first:group.first + group.span])))
    for index, column in enumerate(table.columns):
        cells.append((column.short or column.label, twips[index]))
    assert grouped  # the grid does have a two-row header
    for text, width in cells:
        room = width / TWIPS_PER_CM - margins
        for word in text.split():
            assert pdf.get_string_width(strip_diacritics(word)) <= room, (word, text, round(room, 2))
    # the figures of the bold total row fit on one line too (a rate of "99,9%" the widest)
    for value, width in list(zip(table.rows[-1], twips, strict=True))[2:] + [("99,9%", min(twips[9:11]))]:
        assert pdf.get_string_width(value) <= width / TWIPS_PER_CM - margins, value


def test_overdue_table_lists_source_directive_and_latest_note(report_vi) -> None:
    overdue = table_with_header(report_vi, "Mã NV", "Số ngày quá hạn", "Tiến độ mới nhất")
    found = {row.cells[0].text: [c.text for c in row.cells] for row in overdue.rows[1:]}
    assert found["15"][1:] == ["Sở Y tế", "230-CV/TU ngày 04/07/2021, mục 3.1",
                               "Bảo đảm đủ trang thiết bị, vật tư y tế cho các khu cách ly tập trung",
                               "11/07/2021", "21", "28/07/2021: Đã tiếp nhận 60% trang thiết bị"]
    assert found["16"][5] == "7"


def test_recipients_and_signature_block(report_vi) -> None:
    block = report_vi.tables[-1]
    left, right = block.rows[0].cells
    lines = cell_lines(left)
    assert lines == ["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c);", "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy;",
                     "- Lưu: VT."]
    heading = left.paragraphs[0].runs[0]
    assert heading.bold and heading.italic
    signature = [line for line in cell_lines(right) if line.strip()]
    assert signature == ["T/L CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn An"]
    assert cell_lines(right).count("") >= 3  # room for the signature and the seal


def test_empty_settings_leave_blanks_for_the_office() -> None:
    document = open_docx(export(week_report(), "docx", letterhead=Letterhead(), lang="vi"))
    left, right = document.tables[0].rows[0].cells
    assert "Số:        /..." in cell_lines(left)
    assert cell_lines(right)[-1] == ".........., ngày 02 tháng 8 năm 2021"
    recipients, signature = document.tables[-1].rows[0].cells
    assert cell_lines(recipients) == ["Nơi nhận:", "- ..........;", "- Lưu: VT."]
    assert [line for line in cell_lines(signature) if line.strip()] == []


def test_party_style_header() -> None:
    document = open_docx(export(week_report(), "docx", style="party", letterhead=LETTERHEAD, lang="vi"))
    left, right = document.tables[0].rows[0].cells
    assert cell_lines(left) == ["TỈNH ỦY TÂY NINH", "VĂN PHÒNG", "*", "Số        -BC/VPTU"]
    party = runs_of(right, "ĐẢNG CỘNG SẢN VIỆT NAM")[0]
    assert party.bold and party.underline
    assert "Tây Ninh, ngày 02 tháng 8 năm 2021" in cell_lines(right)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in " ".join(cell_lines(right))


def test_long_tables_are_cut_with_a_pointer_to_the_xlsx() -> None:
    base = week_report().overdue[0]
    many = tuple(replace(base, task_id=1000 + i, days_overdue=300 - i) for i in range(MAX_ROWS + 37))
    document = open_docx(export(week_report(overdue=many), "docx", letterhead=LETTERHEAD, lang="vi"))
    overdue = table_with_header(document, "Số ngày quá hạn")
    assert len(overdue.rows) == 1 + MAX_ROWS
    assert "... và 37 nhiệm vụ khác, xem tệp XLSX." in texts(document)
    assert f"Tính đến ngày 01/08/2021, còn {MAX_ROWS + 37} nhiệm vụ quá hạn." in texts(document)


def test_quiet_week_says_so() -> None:
    lines = texts(open_docx(export(quiet_week(), "docx", letterhead=LETTERHEAD, lang="vi")))
    assert any(line.startswith("Trong kỳ không có hoạt động mới") for line in lines)
    for sentence in ("Trong kỳ không có văn bản chỉ đạo mới.", "Không có nhiệm vụ quá hạn.",
                     "Trong tuần tới không có nhiệm vụ đến hạn.", "Trong kỳ không có cập nhật tiến độ.",
                     "Trong kỳ không có nhiệm vụ hoàn thành, bị trả lại hoặc được gia hạn."):
        assert sentence in lines
    assert any(line.startswith("Tổng số 5 nhiệm vụ") for line in lines)


def test_report_without_any_task_is_still_a_document() -> None:
    document = open_docx(export(empty_report(), "docx", letterhead=LETTERHEAD, lang="vi"))
    assert "Chưa có nhiệm vụ nào trong phạm vi báo cáo." in texts(document)
    assert len(document.tables) == 2  # header and signature only


def test_filters_are_stated() -> None:
    lines = texts(open_docx(export(filtered_week(), "docx", letterhead=LETTERHEAD, lang="vi")))
    assert "Phạm vi: cơ quan, đơn vị: Sở Y tế; văn bản: 230-CV/TU." in lines
    assert "Từ ngày 26/07/2021 đến ngày 31/07/2021" in lines


def test_english_labels() -> None:
    document = open_docx(export(week_report(), "docx", letterhead=LETTERHEAD, lang="en"))
    left, right = document.tables[0].rows[0].cells
    assert cell_lines(right) == ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness",
                                 "Tây Ninh, 2 August 2021"]
    lines = texts(document)
    assert "REPORT" in lines and "I. DIRECTIVES RECEIVED" in lines
    grid = table_with_header(document, "No.", "Body", "On-time rate")
    assert [c.text for c in grid.rows[-1].cells][:3] == ["", "Total", "20"]
    assert cell_lines(document.tables[-1].rows[0].cells[0])[0] == "Recipients:"


def test_place_date_line_pads_small_days_and_early_months() -> None:
    data = week_report(produced_at=week_report().produced_at.replace(year=2026, month=2, day=5))
    right = open_docx(export(data, "docx", letterhead=LETTERHEAD, lang="vi")).tables[0].rows[0].cells[1]
    assert cell_lines(right)[-1] == "Tây Ninh, ngày 05 tháng 02 năm 2026"


def test_many_progress_notes_are_cut_after_the_row_limit() -> None:
    data = week_report()
    group = data.notes_by_body[0]
    many = tuple(replace(group.notes[0], task_id=5000 + i) for i in range(MAX_ROWS + 11))
    data = replace(data, notes_by_body=(replace(group, notes=many), *data.notes_by_body[1:]))
    lines = texts(open_docx(export(data, "docx", letterhead=LETTERHEAD, lang="vi")))
    bullets = [line for line in lines if line.startswith("- ") and "nhiệm vụ 5" in line]
    assert len(bullets) == MAX_ROWS
    assert lines.index("... và 12 lượt cập nhật khác, xem tệp XLSX.") > lines.index(bullets[-1])
    assert "2. UBND huyện Châu Thành (1 lượt)" not in lines  # past the limit


def test_awkward_text_in_tables_and_paragraphs() -> None:
    data = week_report()
    group = data.notes_by_body[0]
    note = replace(group.notes[0], note="Số liệu <tạm> & \"dự kiến\"\x0b50%")
    overdue = (replace(data.overdue[0], action="Mục <a> & b\x01c"), *data.overdue[1:])
    data = replace(data, overdue=overdue, notes_by_body=(replace(group, notes=(note,)),))
    document = open_docx(export(data, "docx", letterhead=LETTERHEAD, lang="vi"))
    table = table_with_header(document, "Số ngày quá hạn")
    assert table.rows[1].cells[3].text == "Mục <a> & b c"
    assert any(line.endswith("Số liệu <tạm> & \"dự kiến\" 50%") for line in texts(document))
