"""The report as an Excel workbook (openpyxl, streamed in write-only mode so 20,000 rows stay fast).

Sheets: Tổng hợp (the figures, one per row), Theo cơ quan (the status grid per body with a total
row), Quá hạn, Hoàn thành, Sắp đến hạn, then Văn bản nhận, Trả lại, Gia hạn, BC định kỳ chưa
gửi and Tiến độ trong kỳ. Each has a styled header row, frozen panes under it, an autofilter,
column widths measured on the Vietnamese text, real date cells (dd/mm/yyyy) and rates as
numbers in a percent format. Every row is listed (the DOCX cuts long tables and points here).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from tracker.domain.report import GridRow, ReportData, TaskLine
from tracker.reports.text import Labeler, filters_text, labeler, recurrence_label

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
RATE_FORMAT = "0.0%"
FONT_NAME = "Times New Roman"
MAX_WIDTH = 60
HEADER_HEIGHT = 48  # points: three lines of a wrapped 12 pt header
SAMPLE_ROWS = 300  # rows measured for the column widths

_THIN = Side(style="thin", color="808080")
HEADER_FONT = Font(name=FONT_NAME, bold=True, size=12, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TOTAL_FONT = Font(name=FONT_NAME, bold=True, size=12)
WRAP = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Col:
    label: str
    kind: str = "text"  # text | wrap | int | date | datetime | rate
    width: float | None = None  # None: measured on the content


def render_xlsx(data: ReportData, lang: str) -> bytes:
    L = labeler(lang)
    workbook = _Book()
    _summary(workbook, data, lang, L)
    _by_body(workbook, data, L)
    _tasks(workbook, L("rpt.sheet.overdue"), data.overdue, L,
           [Col(L("rpt.col.days_overdue"), "int"), Col(L("rpt.col.latest_note"), "wrap", 45),
            Col(L("rpt.col.latest_note_date"), "date")],
           lambda o: [o.days_overdue, o.latest_note, o.latest_note_date])
    _tasks(workbook, L("rpt.sheet.completed"), data.completed, L,
           [Col(L("rpt.col.completed_on"), "date"), Col(L("rpt.col.verdict"))],
           lambda c: [c.completed_on, L("rpt.on_time") if c.on_time else L("rpt.late")])
    _tasks(workbook, L("rpt.sheet.due_next"), data.due_next, L,
           [Col(L("rpt.col.days_left"), "int"), Col(L("rpt.col.percent"), "int")],
           lambda d: [d.days_left, d.percent])
    _directives(workbook, data, L)
    _tasks(workbook, L("rpt.sheet.returned"), data.returned, L,
           [Col(L("rpt.col.returned_on"), "date"), Col(L("rpt.col.reason"), "wrap", 40)],
           lambda r: [r.returned_on, r.reason])
    _tasks(workbook, L("rpt.sheet.extensions"), data.extensions, L,
           [Col(L("rpt.col.previous_deadline"), "date"), Col(L("rpt.col.granted_on"), "date"),
            Col(L("rpt.col.reason"), "wrap", 40)],
           lambda e: [e.previous_deadline, e.granted_on, e.reason], deadline_label=L("rpt.col.new_deadline"))
    _tasks(workbook, L("rpt.sheet.missed"), data.missed_reports, L,
           [Col(L("rpt.col.recurrence")), Col(L("rpt.col.missed"), "int"), Col(L("rpt.col.last_missed"), "date")],
           lambda m: [recurrence_label(m.recurrence, lang), m.missed, m.last_missed_on])
    _notes(workbook, data, L)
    buffer = io.BytesIO()
    workbook.workbook.save(buffer)
    return _put_rows(buffer.getvalue(), workbook.rows)


# ------------------------------------------------------------------------------------ sheets


def _summary(workbook: _Book, data: ReportData, lang: str, L: Labeler) -> None:
    grid = data.overall
    rows: list[list[Any]] = [
        [L("rpt.fig.period_start"), data.period.start],
        [L("rpt.fig.period_end"), data.period.end],
        [L("rpt.fig.iso_week"), data.period.iso_week or ""],
        [L("rpt.fig.cutoff"), data.cutoff],
        [L("rpt.fig.produced_by"), data.produced_by],
        [L("rpt.fig.produced_at"), data.produced_at],
        [L("rpt.fig.scope"), filters_text(data.filters, lang)],
        *_grid_figures(grid, L),
        [L("rpt.fig.directives_received"), len(data.directives)],
        [L("rpt.fig.tasks_created"), data.tasks_created],
        [L("rpt.fig.completed"), len(data.completed)],
        [L("rpt.fig.completed_on_time"), data.completed_on_time],
        [L("rpt.fig.completed_late"), data.completed_late],
        [L("rpt.fig.returned"), len(data.returned)],
        [L("rpt.fig.extensions"), len(data.extensions)],
        [L("rpt.fig.progress_notes"), data.progress_notes],
        [L("rpt.fig.overdue_lines"), len(data.overdue)],
        [L("rpt.fig.due_next"), len(data.due_next)],
    ]
    if not data.has_activity:
        rows.append([L("rpt.no_activity"), ""])
    _sheet(workbook, L("rpt.sheet.summary"), [Col(L("rpt.col.figure"), width=45), Col(L("rpt.col.value"), "auto", 24)],
           rows)


def _grid_figures(grid: GridRow, L: Labeler) -> list[list[Any]]:
    return [
        [L("rpt.col.total"), grid.total],
        [L("category.done_on_time"), grid.done_on_time],
        [L("category.done_late"), grid.done_late],
        [L("category.in_progress_on_time"), grid.in_progress_on_time],
        [L("category.overdue"), grid.overdue],
        [L("category.no_deadline"), grid.no_deadline],
        [L("category.due_soon"), grid.due_soon],
        [L("rpt.col.rate"), _Rate(grid.on_time_rate)],
        [L("rpt.col.rate_original"), _Rate(grid.on_time_rate_original)],
        [L("rpt.col.missed_recurring"), grid.missed_recurring],
    ]


@dataclass(frozen=True)
class _Rate:
    """A rate in a mixed column (the summary's values)."""

    value: float | None


def _by_body(workbook: _Book, data: ReportData, L: Labeler) -> None:
    columns = [Col(L("rpt.col.no"), "int", 6), Col(L("rpt.col.body")), Col(L("rpt.col.total"), "int", 10)]
    for key in ("category.done_on_time", "category.done_late", "category.in_progress_on_time",
                "category.overdue", "category.no_deadline", "category.due_soon"):
        columns.append(Col(L(key), "int", 14))
    columns += [Col(L("rpt.col.rate"), "rate", 12), Col(L("rpt.col.rate_original"), "rate", 14),
                Col(L("rpt.col.missed_recurring"), "int", 13)]

    def cells(number: int | None, row: GridRow, name: str) -> list[Any]:
        return [number, name, row.total, row.done_on_time, row.done_late, row.in_progress_on_time, row.overdue,
                row.no_deadline, row.due_soon, row.on_time_rate, row.on_time_rate_original, row.missed_recurring]

    rows = [cells(i, row, row.body or "") for i, row in enumerate(data.by_body, 1)]
    _sheet(workbook, L("rpt.sheet.by_body"), columns, rows, freeze="C2",
           total=cells(None, data.overall, L("rpt.all_bodies")))


def _directives(workbook: _Book, data: ReportData, L: Labeler) -> None:
    columns = [Col(L("rpt.col.directive_number")), Col(L("rpt.col.directive_date"), "date"),
               Col(L("rpt.col.issuer")), Col(L("rpt.col.subject"), "wrap", 60),
               Col(L("rpt.col.received_on"), "date"), Col(L("rpt.col.tasks_created"), "int")]
    rows = [[d.number, d.issued_on, d.issuer, d.subject, d.received_on, d.tasks_created] for d in data.directives]
    _sheet(workbook, L("rpt.sheet.directives"), columns, rows)


def _notes(workbook: _Book, data: ReportData, L: Labeler) -> None:
    columns = [Col(L("rpt.col.body")), Col(L("rpt.col.date"), "date"), Col(L("rpt.col.task"), "int", 9),
               Col(L("rpt.col.directive_number")), Col(L("rpt.col.item"), width=8), Col(L("rpt.col.percent"), "int"),
               Col(L("rpt.col.note"), "wrap", 60), Col(L("rpt.col.author"))]
    rows = [[group.body, n.on_date, n.task_id, n.directive_number, n.item_ref, n.percent, n.note, n.author]
            for group in data.notes_by_body for n in group.notes]
    _sheet(workbook, L("rpt.sheet.notes"), columns, rows)


def _tasks(workbook: _Book, title: str, lines: Sequence[Any], L: Labeler, extra: list[Col],
           extra_cells: Any, *, deadline_label: str | None = None) -> None:
    columns = [Col(L("rpt.col.task"), "int", 9), Col(L("rpt.col.body")), Col(L("rpt.col.directive_number")),
               Col(L("rpt.col.directive_date"), "date"), Col(L("rpt.col.item"), width=8),
               Col(L("rpt.col.action"), "wrap", 60), Col(deadline_label or L("rpt.col.deadline"), "date"), *extra]
    rows = []
    for line in lines:
        assert isinstance(line, TaskLine)
        rows.append([line.task_id, line.body, line.directive_number, line.directive_date, line.item_ref,
                     line.action, line.deadline, *extra_cells(line)])
    _sheet(workbook, title, columns, rows)


# ------------------------------------------------------------------------------------ writing
#
# openpyxl builds the workbook: sheets, styles, widths, frozen panes, filters, print titles and the
# header rows. The data rows are written as sheet XML here and put into the saved file: openpyxl
# spends 10-15 microseconds on every cell, which is 6-10 s for the 400,000 cells of a 100,000-task
# report (the target is 5 s). Cells take the style ids openpyxl registered for the same formats,
# and the tests reopen every sheet with openpyxl.


class _Book:
    """The openpyxl workbook and the data rows of each sheet, as XML, waiting for the saved file."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        self.rows: list[str] = []  # in the order the sheets were made (sheet1.xml, sheet2.xml, ...)


def _sheet(workbook: _Book, title: str, columns: list[Col], rows: list[list[Any]], *,
           freeze: str = "A2", total: list[Any] | None = None) -> None:
    sheet: WriteOnlyWorksheet = workbook.workbook.create_sheet(title)
    for index, column in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(column, index - 1, rows)
    sheet.freeze_panes = freeze
    last_row = 1 + len(rows) + (1 if total is not None else 0)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last_row, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.row_dimensions[1].height = HEADER_HEIGHT
    sheet.append([_header(sheet, column.label) for column in columns])
    writer = _RowWriter(sheet, columns)
    parts = [writer.row(number, row) for number, row in enumerate(rows, 2)]
    if total is not None:
        parts.append(writer.row(len(rows) + 2, total, total=True))
    workbook.rows.append("".join(parts))


def _header(sheet: WriteOnlyWorksheet, label: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=label)
    cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, HEADER_ALIGN, HEADER_BORDER
    return cell


def _style_id(sheet: WriteOnlyWorksheet, *, number_format: str | None = None,
              alignment: Alignment | None = None, font: Font | None = None) -> int:
    """The workbook's style index for this combination (registered now, written at save)."""
    cell = WriteOnlyCell(sheet)
    if number_format:
        cell.number_format = number_format
    if alignment is not None:
        cell.alignment = alignment
    if font is not None:
        cell.font = font
    return int(cell.style_id)


_EPOCH = date(1899, 12, 30)
_BAD_XML = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)], " ")
_BAD_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class _RowWriter:
    """One sheet's rows as SpreadsheetML: numbers, inline strings, dates as serial numbers."""

    def __init__(self, sheet: WriteOnlyWorksheet, columns: list[Col]) -> None:
        self.letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
        self.kinds = [column.kind for column in columns]
        self.date = _style_id(sheet, number_format=DATE_FORMAT)
        self.datetime = _style_id(sheet, number_format=DATETIME_FORMAT)
        self.rate = _style_id(sheet, number_format=RATE_FORMAT)
        self.wrap = _style_id(sheet, alignment=WRAP)
        self.total = _style_id(sheet, font=TOTAL_FONT)
        self.total_rate = _style_id(sheet, font=TOTAL_FONT, number_format=RATE_FORMAT)

    def row(self, number: int, values: list[Any], *, total: bool = False) -> str:
        cells = []
        for letter, kind, value in zip(self.letters, self.kinds, values, strict=True):
            cell = self.cell(f"{letter}{number}", kind, value, total)
            if cell:
                cells.append(cell)
        return f'<row r="{number}">{"".join(cells)}</row>'

    def cell(self, ref: str, kind: str, value: Any, total: bool) -> str:
        if type(value) is str:  # most cells: checked first
            return self._text(ref, kind, value, total) if value else ""
        if isinstance(value, _Rate):
            value, kind = value.value, "rate"
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float):
            style = (self.total_rate if kind == "rate" else self.total) if total else \
                (self.rate if kind == "rate" else 0)
            return f'<c r="{ref}"{_s(style)}><v>{value!r}</v></c>'
        if isinstance(value, datetime):
            serial = (value.date() - _EPOCH).days + (value.hour * 3600 + value.minute * 60 + value.second) / 86400
            return f'<c r="{ref}" s="{self.datetime}"><v>{serial!r}</v></c>'
        if isinstance(value, date):
            return f'<c r="{ref}" s="{self.date}"><v>{(value - _EPOCH).days}</v></c>'
        return self._text(ref, kind, str(value), total)

    def _text(self, ref: str, kind: str, text: str, total: bool) -> str:
        if _BAD_XML_RE.search(text):
            text = text.translate(_BAD_XML)
        style = self.total if total else (self.wrap if kind == "wrap" else 0)
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        return f'<c r="{ref}"{_s(style)} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _s(style: int) -> str:
    return f' s="{style}"' if style else ""


def _put_rows(saved: bytes, rows: list[str]) -> bytes:
    """The saved workbook with each sheet's data rows after its header row."""
    source = zipfile.ZipFile(io.BytesIO(saved))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            match = _SHEET_PATH.fullmatch(info.filename)
            if match and rows[int(match.group(1)) - 1]:
                xml = content.decode("utf-8")
                at = xml.rindex("</sheetData>")
                content = (xml[:at] + rows[int(match.group(1)) - 1] + xml[at:]).encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


_SHEET_PATH = re.compile(r"xl/worksheets/sheet(\d+)\.xml")


def _width(column: Col, index: int, rows: Iterable[list[Any]]) -> float:
    if column.width is not None:
        return column.width
    if column.kind == "date":
        return max(12.0, len(column.label) * 0.9 + 2)
    longest = len(column.label) * 0.9
    for count, row in enumerate(rows):
        if count >= SAMPLE_ROWS:
            break
        value = row[index]
        if value is not None:
            longest = max(longest, len(str(value)))
    return float(min(MAX_WIDTH, max(8.0, longest * 1.1 + 2)))
