"""The JSON carries every figure, dates ISO, and reads back into the same ReportData."""

from __future__ import annotations

import json

from report_samples import empty_report, filtered_week, quiet_week, week_report

from tracker.reports import export
from tracker.reports.json_export import report_from_json


def test_round_trip_gives_the_same_report() -> None:
    for data in (week_report(), quiet_week(), empty_report(), filtered_week()):
        assert report_from_json(export(data, "json")) == data


def test_figures_and_iso_dates() -> None:
    doc = json.loads(export(week_report(), "json"))
    assert doc["schema"] == "tracker.report/1"
    assert doc["period"] == {"start": "2021-07-26", "end": "2021-08-01", "iso_week": "2021-W30"}
    assert doc["cutoff"] == "2021-08-01" and doc["produced_at"] == "2021-08-02T08:30:00"
    overall = doc["overall"]
    assert {k: overall[k] for k in ("total", "done_on_time", "done_late", "in_progress_on_time", "overdue",
                                    "no_deadline", "due_soon", "missed_recurring")} == {
        "total": 20, "done_on_time": 6, "done_late": 2, "in_progress_on_time": 6, "overdue": 3,
        "no_deadline": 3, "due_soon": 2, "missed_recurring": 2}
    assert overall["on_time_rate"] == 6 / 17 and overall["on_time_rate_original"] == 5 / 17
    assert [row["body"] for row in doc["by_body"]] == ["Sở Y tế", "Sở Giáo dục và Đào tạo",
                                                      "UBND huyện Châu Thành", "Công an tỉnh"]
    line = doc["overdue"][0]
    assert line == {"task_id": 15, "body": "Sở Y tế", "directive_number": "230-CV/TU",
                    "directive_date": "2021-07-04", "item_ref": "3.1",
                    "action": "Bảo đảm đủ trang thiết bị, vật tư y tế cho các khu cách ly tập trung",
                    "deadline": "2021-07-11", "days_overdue": 21, "latest_note": "Đã tiếp nhận 60% trang thiết bị",
                    "latest_note_date": "2021-07-28"}
    assert doc["summary"] == {"directives_received": 1, "tasks_created": 4, "completed": 3,
                              "completed_on_time": 2, "completed_late": 1, "returned": 1, "extensions": 1,
                              "overdue": 3, "missed_reports": 2, "due_next": 2, "progress_notes": 3,
                              "has_activity": True}


def test_quiet_week_is_flagged() -> None:
    doc = json.loads(export(quiet_week(), "json"))
    assert doc["summary"]["has_activity"] is False
    assert doc["overall"]["total"] == 5 and doc["overdue"] == [] and doc["notes_by_body"] == []


def test_json_is_utf8_with_vietnamese_kept() -> None:
    raw = export(week_report(), "json")
    assert "Sở Y tế".encode() in raw and b"\\u" not in raw


def test_text_and_dict_forms_agree() -> None:
    from tracker.reports.json_export import report_to_dict

    for data in (week_report(), quiet_week()):
        assert json.loads(export(data, "json")) == report_to_dict(data)
