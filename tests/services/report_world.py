"""A scripted office for the report tests: two directives and eight tasks made the way the
importer makes them, then a fixed sequence of lifecycle actions on fixed business dates (through
``tracker.services.tasks``, so every change is a real event), and a second sequence after the
week-29 cut-off that must not change the week-29 report.

The calendar (ISO weeks of July 2021):  W28 = 12-18, W29 = 19-25, W30 = 26 Jul - 1 Aug.

Directive 230-CV/TU (issued 04/07, imported Mon 12/07), tasks created 12/07:
  T1 Sở Y tế            deadline 20/07
  T2 Sở GD&ĐT           deadline 23/07
  T3 UBND huyện Hòa Thành deadline 16/07
  T4 Sở Y tế            no deadline
  T5 UBND huyện Hòa Thành weekly report every Friday, no deadline
Directive 470-CV/TU (issued 22/07, imported Thu 22/07), tasks created 22/07:
  T6 Sở Y tế            deadline 28/07
  T7 Sở GD&ĐT           deadline 30/07
  T8 Công an tỉnh        deadline 24/07

Events up to the W29 cut-off (Sun 25/07):
  14/07 T3 progress 30 "Đang rà soát"
  15/07 T1 progress 50 "Đã xét nghiệm 50%"
  19/07 T1 reported done (on 19/07)
  20/07 T1 confirmed;  T2 asks to extend to 30/07
  21/07 T2 extended (request approved);  T3 reported done (on 21/07)
  22/07 T3 returned "Thiếu số liệu"
  23/07 T5 submits the reports due 09/07 and 23/07;  T8 progress 20 "Đang triển khai"
  24/07 T6 note "Chờ kinh phí";  T2 reported done (on 24/07);  T6 progress 40 "nhầm", then undone
  25/07 T2 confirmed
After the cut-off (Mon 26/07 and Tue 27/07):
  26/07 T8 reported done "Đã hoàn thành";  T7 body removed;  T1 reopened "Bổ sung số liệu";
        directive 521-CV/TU imported with T9 (Sở Y tế, deadline 05/08);  T6 progress 60 "Đã có kinh phí"
  27/07 T3 extended to 31/07;  T5 submits the report due 16/07;  T2 note "Đã gửi báo cáo"
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Body, BodyAlias, Directive, Item
from tracker.domain.text import fold, match_key
from tracker.services import tasks
from tracker.services.context import ServiceContext

HEALTH = "Sở Y tế"
EDUCATION = "Sở Giáo dục và Đào tạo"
DISTRICT = "UBND huyện Hòa Thành"
POLICE = "Công an tỉnh"
WEEKLY_FRIDAY = "FREQ=WEEKLY;BYDAY=FR"


def at_day(ctx: ServiceContext, day: date) -> ServiceContext:
    """The same database on another business date."""
    return dataclasses.replace(ctx, settings=dataclasses.replace(ctx.settings, today=day))


def _body(session: Session, name: str, *aliases: str) -> Body:
    found = session.scalar(select(Body).where(Body.name_key == match_key(name)))
    if found is None:
        found = Body(name=name, name_key=match_key(name), search_key=fold(name), kind="government",
                     created_at=datetime(2021, 7, 1, 8, 0))  # noqa: DTZ001 - naive local, as stored
        session.add(found)
        session.flush()
        for alias in aliases:
            session.add(BodyAlias(body_id=found.id, alias=alias, alias_key=match_key(alias)))
        session.flush()
    return found


@dataclass(frozen=True)
class Spec:
    name: str
    body: str
    deadline: date | None
    text: str
    recurrence: str | None = None


def import_directive(ctx: ServiceContext, number: str, issued: date, subject: str,
                     specs: list[Spec]) -> dict[str, int]:
    """A directive imported on ctx.today() with one item and one task per spec."""
    day = ctx.today()
    with ctx.sessions.begin() as session:
        directive = Directive(number=number, issuer="Tỉnh ủy Tây Ninh", doc_type="cong_van", issue_date=issued,
                              subject=subject, text_sha256=uuid.uuid4().hex, text=subject,
                              imported_at=datetime.combine(day, time(8, 0)), imported_by="tester")
        session.add(directive)
        session.flush()
        ids = {}
        for position, spec in enumerate(specs, 1):
            item = Item(directive_id=directive.id, position=position, ref=str(position), text=spec.text,
                        line_start=position, line_end=position)
            session.add(item)
            session.flush()
            task = tasks.create_task(session, item=item, directive=directive,
                                     body=_body(session, spec.body, *(("SYT",) if spec.body == HEALTH else ())),
                                     deadline=spec.deadline, recurrence=spec.recurrence, on_date=day,
                                     at=datetime.combine(day, time(8, 0)), user=ctx.user)
            ids[spec.name] = task.id
        return ids


def d(day: int, month: int = 7) -> date:
    return date(2021, month, day)


def build_world(ctx: ServiceContext) -> dict[str, int]:
    """The office up to the W29 cut-off (see the module text); returns task name -> id."""
    t: dict[str, int] = {}
    t |= import_directive(at_day(ctx, d(12)), "230-CV/TU", d(4), "V/v tiếp tục tăng cường phòng, chống dịch", [
        Spec("T1", HEALTH, d(20), "Tổ chức xét nghiệm diện rộng cho người dân"),
        Spec("T2", EDUCATION, d(23), "Rà soát cơ sở giáo dục làm khu cách ly"),
        Spec("T3", DISTRICT, d(16), "Lập danh sách hộ nghèo cần hỗ trợ"),
        Spec("T4", HEALTH, None, "Tuyên truyền biện pháp 5K"),
        Spec("T5", DISTRICT, None, "Báo cáo tình hình dịch hằng tuần", WEEKLY_FRIDAY),
    ])
    t |= import_directive(at_day(ctx, d(22)), "470-CV/TU", d(22), "V/v triển khai ý kiến chỉ đạo", [
        Spec("T6", HEALTH, d(28), "Bổ sung trang thiết bị y tế"),
        Spec("T7", EDUCATION, d(30), "Chuẩn bị phương án năm học mới"),
        Spec("T8", POLICE, d(24), "Kiểm soát chốt ra vào tỉnh"),
    ])
    tasks.progress(at_day(ctx, d(14)), t["T3"], 30, "Đang rà soát")
    tasks.progress(at_day(ctx, d(15)), t["T1"], 50, "Đã xét nghiệm 50%")
    tasks.report_done(at_day(ctx, d(19)), t["T1"], done_on=d(19))
    tasks.confirm(at_day(ctx, d(20)), t["T1"])
    tasks.request_extension(at_day(ctx, d(20)), t["T2"], d(30), "Chờ ý kiến của Bộ")
    tasks.extend(at_day(ctx, d(21)), t["T2"])
    tasks.report_done(at_day(ctx, d(21)), t["T3"], done_on=d(21))
    tasks.return_task(at_day(ctx, d(22)), t["T3"], "Thiếu số liệu")
    tasks.submit_occurrence(at_day(ctx, d(23)), t["T5"], d(9))
    tasks.submit_occurrence(at_day(ctx, d(23)), t["T5"], d(23))
    tasks.progress(at_day(ctx, d(23)), t["T8"], 20, "Đang triển khai")
    tasks.add_note(at_day(ctx, d(24)), t["T6"], "Chờ kinh phí")
    tasks.report_done(at_day(ctx, d(24)), t["T2"], done_on=d(24))
    tasks.progress(at_day(ctx, d(24)), t["T6"], 40, "nhầm")
    tasks.undo(at_day(ctx, d(24)), t["T6"])
    tasks.confirm(at_day(ctx, d(25)), t["T2"])
    return t


def after_cutoff(ctx: ServiceContext, t: dict[str, int]) -> dict[str, int]:
    """The events of 26-27/07 (after the W29 cut-off); returns the new task ids."""
    day26, day27 = at_day(ctx, d(26)), at_day(ctx, d(27))
    tasks.report_done(day26, t["T8"], note="Đã hoàn thành")
    tasks.remove_body(day26, t["T7"], "Chuyển cho Sở Nội vụ")
    tasks.reopen(day26, t["T1"], "Bổ sung số liệu")
    new = import_directive(day26, "521-CV/TU", d(26), "V/v tiêm chủng vắc xin", [
        Spec("T9", HEALTH, d(5, 8), "Tổ chức tiêm chủng đợt 3"),
    ])
    tasks.progress(day26, t["T6"], 60, "Đã có kinh phí")
    tasks.extend(day27, t["T3"], d(31), "Địa phương đề nghị")
    tasks.submit_occurrence(day27, t["T5"], d(16))
    tasks.add_note(day27, t["T2"], "Đã gửi báo cáo")
    return new
