"""The XLSX report reopened with openpyxl: sheets, headers, frozen panes, filters, real dates, figures."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest
from report_samples import quiet_week, week_report

from tracker.reports import export

SHEETS_VI = ["Tổng hợp", "Theo cơ quan", "Quá hạn", "Hoàn thành", "Sắp đến hạn", "Văn bản nhận", "Trả lại",
             "Gia hạn", "BC định kỳ chưa gửi", "Tiến độ trong kỳ"]


def naive(*parts: int) -> datetime:
    """How openpyxl reads a date cell back: a naive datetime."""
    return datetime(*parts)  # noqa: DTZ001


def open_xlsx(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def records(sheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def book():
    return open_xlsx(export(week_report(), "xlsx", lang="vi"))


def test_sheets_in_order(book) -> None:
    assert book.sheetnames == SHEETS_VI


@pytest.mark.parametrize("name", SHEETS_VI)
def test_every_sheet_has_styled_header_frozen_panes_and_filter(book, name: str) -> None:
    sheet = book[name]
    assert sheet.freeze_panes == ("C2" if name == "Theo cơ quan" else "A2")
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    header = sheet[1]
    assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("1F4E78") for cell in header)
    assert all(cell.alignment.wrap_text for cell in header)
    assert sheet.row_dimensions[1].height == 48  # room for a header wrapped on three lines
    for cell in header:
        width = sheet.column_dimensions[cell.column_letter].width
        assert 6 <= width <= 60, (name, cell.value, width)


def test_summary_figures(book) -> None:
    figures = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert figures["Từ ngày"] == naive(2021, 7, 26)
    assert figures["Số liệu tính đến ngày"] == naive(2021, 8, 1)
    assert figures["Thời điểm lập"] == naive(2021, 8, 2, 8, 30)
    assert figures["Tuần"] == "2021-W30"
    assert (figures["Tổng số"], figures["Đang thực hiện quá hạn"], figures["Sắp đến hạn"]) == (20, 3, 2)
    assert figures["Tỷ lệ đúng hạn"] == pytest.approx(6 / 17)
    assert figures["Hoàn thành đúng hạn trong kỳ"] == 2 and figures["Hoàn thành quá hạn trong kỳ"] == 1
    assert figures["Nhiệm vụ quá hạn"] == 3 and figures["Bị trả lại"] == 1 and figures["Được gia hạn"] == 1
    rate_cell = next(row[1] for row in book["Tổng hợp"].iter_rows(min_row=2) if row[0].value == "Tỷ lệ đúng hạn")
    assert rate_cell.number_format == "0.0%"


def test_by_body_sheet_with_total_row(book) -> None:
    rows = records(book["Theo cơ quan"])
    assert rows[0]["Cơ quan, đơn vị"] == "Sở Y tế"
    assert (rows[0]["Tổng số"], rows[0]["Hoàn thành đúng hạn"], rows[0]["Đang thực hiện quá hạn"]) == (9, 3, 2)
    assert rows[0]["Tỷ lệ đúng hạn"] == pytest.approx(3 / 8)
    assert rows[3]["Tỷ lệ đúng hạn"] is None  # Công an tỉnh: nothing judged
    total = rows[-1]
    assert total["Cơ quan, đơn vị"] == "Tổng cộng" and total["Tổng số"] == 20
    assert sum(row["Tổng số"] for row in rows[:-1]) == total["Tổng số"]
    assert book["Theo cơ quan"].cell(book["Theo cơ quan"].max_row, 3).font.bold


def test_task_sheets_have_real_dates(book) -> None:
    overdue = book["Quá hạn"]
    rows = records(overdue)
    assert [row["Mã NV"] for row in rows] == [15, 16, 18]
    first = rows[0]
    assert first["Thời hạn"] == naive(2021, 7, 11) and first["Số ngày quá hạn"] == 21
    assert first["Ngày văn bản"] == naive(2021, 7, 4) and first["Số, ký hiệu"] == "230-CV/TU"
    deadline = overdue.cell(2, 7)
    assert deadline.is_date and deadline.number_format == "DD/MM/YYYY"
    assert overdue.cell(2, 6).alignment.wrap_text  # the action wraps
    completed = records(book["Hoàn thành"])
    assert [(r["Mã NV"], r["Đánh giá"]) for r in completed] == [(12, "Đúng hạn"), (17, "Quá hạn"), (21, "Đúng hạn")]
    assert completed[1]["Ngày hoàn thành"] == naive(2021, 7, 27)
    due = records(book["Sắp đến hạn"])
    assert [(r["Mã NV"], r["Còn (ngày)"], r["Tiến độ (%)"]) for r in due] == [(19, 2, 80), (23, 5, None)]
    notes = records(book["Tiến độ trong kỳ"])
    assert [(n["Cơ quan, đơn vị"], n["Mã NV"]) for n in notes] == [("Sở Y tế", 15), ("Sở Y tế", 12),
                                                                     ("UBND huyện Châu Thành", 18)]


def test_quiet_week_workbook_is_valid_and_says_so() -> None:
    book = open_xlsx(export(quiet_week(), "xlsx", lang="vi"))
    assert book.sheetnames == SHEETS_VI
    assert records(book["Quá hạn"]) == []
    assert book["Quá hạn"].auto_filter.ref == "A1:J1"
    labels = [row[0] for row in book["Tổng hợp"].iter_rows(values_only=True)]
    assert any(str(label).startswith("Trong kỳ không có hoạt động mới") for label in labels)


def test_english_sheet_names_and_headers() -> None:
    book = open_xlsx(export(week_report(), "xlsx", lang="en"))
    assert book.sheetnames[:5] == ["Summary", "By body", "Overdue", "Completed", "Due next week"]
    assert [c.value for c in book["Overdue"][1]][:3] == ["Task", "Body", "Number"]


def test_awkward_text_survives_and_many_rows_stream() -> None:
    from dataclasses import replace

    data = week_report()
    base = data.overdue[0]
    awkward = replace(base, action="  Mục <a> & \"b\"\x0b ngắt\ndòng  ", latest_note="Tỷ lệ 50% > 40%")
    many = (awkward, *(replace(base, task_id=1000 + i, days_overdue=i) for i in range(1500)))
    book = open_xlsx(export(replace(data, overdue=many), "xlsx", lang="vi"))
    rows = records(book["Quá hạn"])
    assert len(rows) == 1501 and book["Quá hạn"].auto_filter.ref == "A1:J1502"
    assert rows[0]["Nội dung nhiệm vụ"] == "  Mục <a> & \"b\"  ngắt\ndòng  "
    assert rows[0]["Tiến độ mới nhất"] == "Tỷ lệ 50% > 40%"
    assert rows[-1]["Mã NV"] == 2499 and rows[-1]["Số ngày quá hạn"] == 1499
    assert book["Quá hạn"].cell(1502, 7).is_date
