"""Report data built by hand: week 30 of 2021 at a provincial party office (Tây Ninh).

The figures are consistent: the overall grid row is the sum of the body rows, the completed
lines match the grid's done counts, and the overdue lines are the bodies' overdue tasks.
"""

from __future__ import annotations

from datetime import date, datetime

from tracker.domain.report import (
    BodyNotes,
    CompletedLine,
    DirectiveLine,
    DueLine,
    ExtensionLine,
    GridRow,
    Letterhead,
    MissedReportLine,
    OverdueLine,
    ProgressNoteLine,
    ReportData,
    ReportFilters,
    ReportPeriod,
    ReturnedLine,
    UrgeLetterData,
    rate,
)

WEEK = ReportPeriod(start=date(2021, 7, 26), end=date(2021, 8, 1), iso_week="2021-W30")
NEXT_WEEK = ReportPeriod(start=date(2021, 8, 2), end=date(2021, 8, 8), iso_week="2021-W31")
CUTOFF = date(2021, 8, 1)
PRODUCED_AT = datetime(2021, 8, 2, 8, 30)  # noqa: DTZ001 - naive local, as Clock.now() gives

SYT = "Sở Y tế"
SGD = "Sở Giáo dục và Đào tạo"
CT = "UBND huyện Châu Thành"
CA = "Công an tỉnh"

CV230 = ("230-CV/TU", date(2021, 7, 4))
CT15 = ("15-CT/TU", date(2021, 7, 12))
TB312 = ("312-TB/TU", date(2021, 7, 27))

LETTERHEAD = Letterhead(
    parent_body="Tỉnh ủy Tây Ninh",
    issuing_body="Văn phòng",
    number_symbol="BC-VPTU",
    place="Tây Ninh",
    signer_authority="T/L Chánh Văn phòng",
    signer_title="Phó Chánh Văn phòng",
    signer_name="Nguyễn Văn An",
    recipients=("Thường trực Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"),
)


def grid_row(body: str | None, *, on_time: int, late: int, in_time: int, overdue: int, none: int, soon: int,
             on_time_original: int, missed: int = 0) -> GridRow:
    total = on_time + late + in_time + overdue + none
    judged = total - none
    return GridRow(body=body, total=total, done_on_time=on_time, done_late=late, in_progress_on_time=in_time,
                   overdue=overdue, no_deadline=none, due_soon=soon, on_time_rate=rate(on_time, judged),
                   on_time_rate_original=rate(on_time_original, judged), missed_recurring=missed)


BODY_ROWS = (
    grid_row(SYT, on_time=3, late=1, in_time=2, overdue=2, none=1, soon=1, on_time_original=2, missed=2),
    grid_row(SGD, on_time=2, late=0, in_time=3, overdue=0, none=0, soon=1, on_time_original=2),
    grid_row(CT, on_time=1, late=1, in_time=1, overdue=1, none=2, soon=0, on_time_original=1),
    grid_row(CA, on_time=0, late=0, in_time=0, overdue=0, none=0, soon=0, on_time_original=0),
)
OVERALL = grid_row(None, on_time=6, late=2, in_time=6, overdue=3, none=3, soon=2, on_time_original=5, missed=2)


def _line(cls, task_id: int, body: str, directive: tuple[str, date], item: str, action: str, deadline, **extra):
    return cls(task_id=task_id, body=body, directive_number=directive[0], directive_date=directive[1],
               item_ref=item, action=action, deadline=deadline, **extra)


def week_report(**overrides) -> ReportData:
    """The full week: something in every section."""
    values = dict(
        period=WEEK,
        cutoff=CUTOFF,
        produced_by="Trần Thị Bình",
        produced_at=PRODUCED_AT,
        overall=OVERALL,
        by_body=BODY_ROWS,
        directives=(
            DirectiveLine(number=TB312[0], issued_on=TB312[1], issuer="Tỉnh ủy Tây Ninh",
                          subject="Kết luận của Thường trực Tỉnh ủy về công tác phòng, chống dịch COVID-19",
                          received_on=date(2021, 7, 28), tasks_created=4),
        ),
        tasks_created=4,
        completed=(
            _line(CompletedLine, 12, SYT, CV230, "1", "Rà soát, bổ sung phương án thu dung, điều trị người "
                  "nhiễm COVID-19", date(2021, 7, 30), completed_on=date(2021, 7, 29), on_time=True),
            _line(CompletedLine, 17, CT, CV230, "3.2", "Tổ chức xét nghiệm sàng lọc diện rộng tại các xã "
                  "có ca mắc", date(2021, 7, 20), completed_on=date(2021, 7, 27), on_time=False),
            _line(CompletedLine, 21, SGD, CT15, "2", "Xây dựng kế hoạch tổ chức năm học mới an toàn",
                  date(2021, 8, 15), completed_on=date(2021, 7, 30), on_time=True),
        ),
        returned=(
            _line(ReturnedLine, 14, SYT, CV230, "2", "Báo cáo tình hình tiêm chủng vắc xin", date(2021, 7, 28),
                  returned_on=date(2021, 7, 29), reason="Báo cáo chưa có số liệu theo từng huyện"),
        ),
        extensions=(
            _line(ExtensionLine, 22, SGD, CT15, "3", "Hướng dẫn dạy học trực tuyến cho học sinh",
                  date(2021, 8, 20), granted_on=date(2021, 7, 28), previous_deadline=date(2021, 7, 31),
                  reason="Chờ hướng dẫn của Bộ Giáo dục và Đào tạo"),
        ),
        overdue=(
            _line(OverdueLine, 15, SYT, CV230, "3.1", "Bảo đảm đủ trang thiết bị, vật tư y tế cho các khu "
                  "cách ly tập trung", date(2021, 7, 11), days_overdue=21,
                  latest_note="Đã tiếp nhận 60% trang thiết bị", latest_note_date=date(2021, 7, 28)),
            _line(OverdueLine, 16, SYT, CV230, "4", "Tăng cường kiểm tra việc thực hiện giãn cách xã hội",
                  date(2021, 7, 25), days_overdue=7),
            _line(OverdueLine, 18, CT, CV230, "3.3", "Thành lập các tổ COVID cộng đồng tại khu dân cư",
                  date(2021, 7, 30), days_overdue=2, latest_note="Đã thành lập 45/60 tổ",
                  latest_note_date=date(2021, 7, 31)),
        ),
        missed_reports=(
            _line(MissedReportLine, 13, SYT, CV230, "5", "Báo cáo tình hình dịch bệnh hằng ngày", None,
                  recurrence="daily", missed=2, last_missed_on=date(2021, 7, 31)),
        ),
        due_next=(
            _line(DueLine, 19, SYT, CT15, "1", "Hoàn thành tiêm mũi 1 cho lực lượng tuyến đầu",
                  date(2021, 8, 3), days_left=2, percent=80),
            _line(DueLine, 23, SGD, CT15, "4", "Tổng kết năm học 2020-2021", date(2021, 8, 6), days_left=5),
        ),
        next_period=NEXT_WEEK,
        notes_by_body=(
            BodyNotes(body=SYT, notes=(
                ProgressNoteLine(task_id=15, on_date=date(2021, 7, 28), percent=60,
                                 note="Đã tiếp nhận 60% trang thiết bị", author="syt.vanthu",
                                 directive_number=CV230[0], item_ref="3.1"),
                ProgressNoteLine(task_id=12, on_date=date(2021, 7, 29), percent=100,
                                 note="Đã hoàn thành, gửi báo cáo", author="syt.vanthu",
                                 directive_number=CV230[0], item_ref="1"),
            )),
            BodyNotes(body=CT, notes=(
                ProgressNoteLine(task_id=18, on_date=date(2021, 7, 31), percent=75, note="Đã thành lập 45/60 tổ",
                                 author="chauthanh", directive_number=CV230[0], item_ref="3.3"),
            )),
        ),
    )
    values.update(overrides)
    return ReportData(**values)


def quiet_week() -> ReportData:
    """A week with nothing new: the grid carries the tasks from before, every list is empty."""
    rows = (grid_row(SGD, on_time=2, late=0, in_time=3, overdue=0, none=0, soon=0, on_time_original=2),)
    return ReportData(period=ReportPeriod(start=date(2021, 8, 9), end=date(2021, 8, 15), iso_week="2021-W32"),
                      cutoff=date(2021, 8, 15), produced_by="Trần Thị Bình",
                      produced_at=datetime(2021, 8, 16, 7, 45),  # noqa: DTZ001
                      overall=grid_row(None, on_time=2, late=0, in_time=3, overdue=0, none=0, soon=0,
                                       on_time_original=2),
                      by_body=rows,
                      next_period=ReportPeriod(start=date(2021, 8, 16), end=date(2021, 8, 22)))


def empty_report() -> ReportData:
    """Before any directive: no task at all (the service refuses it; the exporters still cope)."""
    return ReportData(period=ReportPeriod(start=date(2020, 1, 6), end=date(2020, 1, 12), iso_week="2020-W02"),
                      cutoff=date(2020, 1, 12), produced_by="Trần Thị Bình",
                      produced_at=datetime(2020, 1, 13, 9, 0),  # noqa: DTZ001
                      overall=grid_row(None, on_time=0, late=0, in_time=0, overdue=0, none=0, soon=0,
                                       on_time_original=0))


def filtered_week() -> ReportData:
    return week_report(filters=ReportFilters(bodies=(SYT,), directives=(CV230[0],)),
                       period=ReportPeriod(start=date(2021, 7, 26), end=date(2021, 7, 31)))


def urge_letter() -> UrgeLetterData:
    report = week_report()
    return UrgeLetterData(body=SYT, cutoff=CUTOFF, issued_on=date(2021, 8, 2),
                          tasks=tuple(line for line in report.overdue if line.body == SYT),
                          reply_by=date(2021, 8, 6), produced_by="Trần Thị Bình")
