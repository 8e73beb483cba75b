"""How the report writes dates, numbers, periods and references; the exporter's refusals."""

from __future__ import annotations

from datetime import date

import pytest
from report_samples import LETTERHEAD, week_report

from tracker.domain.errors import InputError
from tracker.domain.report import Letterhead, ReportPeriod, action_excerpt, rate
from tracker.i18n import error_text
from tracker.reports import FORMATS, export
from tracker.reports.text import fmt_rate, number_line, period_label, place_date_line


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 11, 23), "Tây Ninh, ngày 23 tháng 11 năm 2026"),
    (date(2026, 1, 5), "Tây Ninh, ngày 05 tháng 01 năm 2026"),
    (date(2026, 2, 28), "Tây Ninh, ngày 28 tháng 02 năm 2026"),
    (date(2026, 3, 9), "Tây Ninh, ngày 09 tháng 3 năm 2026"),
])
def test_place_and_date_line_follows_decree_30(day: date, expected: str) -> None:
    assert place_date_line("Tây Ninh", day, "vi") == expected


def test_place_and_date_line_in_english_and_blank_place() -> None:
    assert place_date_line("Tây Ninh", date(2026, 11, 23), "en") == "Tây Ninh, 23 November 2026"
    assert place_date_line("", date(2026, 11, 23), "vi").startswith(".........., ngày 23")


def test_number_lines() -> None:
    assert number_line(LETTERHEAD, "vi") == "Số:        /BC-VPTU"
    assert number_line(LETTERHEAD, "vi", kind="CV") == "Số:        /VPTU"
    party = Letterhead(number_symbol="BC-VPTU", style="party")
    assert number_line(party, "vi") == "Số        -BC/VPTU"
    assert number_line(party, "vi", kind="CV") == "Số        -CV/VPTU"
    assert number_line(Letterhead(number_symbol="BC/TU", style="party"), "vi") == "Số        -BC/TU"


def test_rates() -> None:
    assert rate(2, 3) == pytest.approx(2 / 3) and rate(0, 0) is None
    assert fmt_rate(2 / 3, "vi") == "66,7%" and fmt_rate(2 / 3, "en") == "66.7%"
    assert fmt_rate(1.0, "vi") == "100%" and fmt_rate(None, "vi") == "-"


def test_period_labels() -> None:
    week = ReportPeriod(start=date(2021, 7, 26), end=date(2021, 8, 1), iso_week="2021-W30")
    assert period_label(week, "vi") == "Tuần 30 năm 2021 (từ ngày 26/07/2021 đến ngày 01/08/2021)"
    assert period_label(week, "en") == "Week 30 of 2021 (2021-07-26 to 2021-08-01)"
    free = ReportPeriod(start=date(2021, 7, 1), end=date(2021, 7, 31))
    assert period_label(free, "vi") == "Từ ngày 01/07/2021 đến ngày 31/07/2021"


def test_action_excerpt_keeps_the_first_words() -> None:
    text = "Chỉ đạo các cơ sở y tế " * 10
    short = action_excerpt(text, words=6)
    assert short == "Chỉ đạo các cơ sở y ..."
    assert action_excerpt("  Rà soát   phương án ") == "Rà soát phương án"


def test_unknown_format_and_style_are_refused_with_a_message() -> None:
    with pytest.raises(InputError) as caught:
        export(week_report(), "pdf")
    assert error_text(caught.value, "vi") == "Định dạng báo cáo không hỗ trợ: pdf (chọn docx, xlsx, csv, md, json)."
    with pytest.raises(InputError) as caught:
        export(week_report(), "docx", style="royal")
    assert "royal" in error_text(caught.value, "en")
    assert FORMATS == ("docx", "xlsx", "csv", "md", "json")


def test_default_language_is_the_current_one() -> None:
    from tracker.i18n import current_language, set_language

    before = current_language()
    try:
        set_language("en")
        assert export(week_report(), "md").startswith(b"# REPORT")
        set_language("vi")
        assert export(week_report(), "md").startswith("# BÁO CÁO".encode())
    finally:
        set_language(before)
