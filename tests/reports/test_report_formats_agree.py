"""The same figures in every format: each listed task and each body's grid row appears in all five."""

from __future__ import annotations

import csv
import io
import json

import docx
import openpyxl
from report_samples import LETTERHEAD, week_report

from tracker.reports import FORMATS, export


def test_every_format_lists_the_same_tasks_and_bodies() -> None:
    data = week_report()
    files = {fmt: export(data, fmt, letterhead=LETTERHEAD, lang="vi") for fmt in FORMATS}
    assert all(files.values())

    as_json = json.loads(files["json"])
    overdue_ids = {line["task_id"] for line in as_json["overdue"]}
    assert overdue_ids == {15, 16, 18}

    text = files["csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {int(r["Mã NV"]) for r in rows if r["Phần"] == "Quá hạn"} == overdue_ids
    grid = {(r["Cơ quan, đơn vị"], r["Chỉ tiêu"]): r["Giá trị"] for r in rows if r["Phần"] == "Theo cơ quan"}
    assert grid[("Sở Y tế", "Đang thực hiện quá hạn")] == "2" and grid[("Tổng cộng", "Tổng số")] == "20"

    markdown = files["md"].decode()
    for task in overdue_ids:
        assert f"| {task} |" in markdown

    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    assert {row[0] for row in book["Quá hạn"].iter_rows(min_row=2, values_only=True)} == overdue_ids

    document = docx.Document(io.BytesIO(files["docx"]))
    listed = {int(row.cells[0].text) for table in document.tables if "Số ngày quá hạn" in
              [c.text for c in table.rows[0].cells] for row in table.rows[1:]}
    assert listed == overdue_ids
    for body in ("Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND huyện Châu Thành", "Công an tỉnh"):
        assert body in markdown and body in text and body in files["json"].decode()


def test_csv_starts_with_a_bom_and_one_header() -> None:
    raw = export(week_report(), "csv", lang="vi")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Phần", "Cơ quan, đơn vị", "Chỉ tiêu", "Giá trị"]
    assert all(len(row) == len(rows[0]) for row in rows)
