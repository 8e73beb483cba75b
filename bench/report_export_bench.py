"""Export a report of 100,000 tasks' worth of content in every format and print the timings.

    .venv/bin/python bench/report_export_bench.py [--overdue 20000] [--bodies 200] [--out DIR]

The ReportData is built in memory (no database): 200 bodies in the grid, 20,000 overdue lines,
5,000 completed, 5,000 due next week, 10,000 progress notes, 1,000 missed periodic reports, 500
returned, 500 extended, 400 directives received. Targets (issue 6): JSON, Markdown and CSV under
1 s; DOCX and XLSX under 5 s. The DOCX lists the first 200 rows of each table and ends it with
"... và N nhiệm vụ khác, xem tệp XLSX." - the XLSX, CSV, JSON and Markdown list every row.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.domain.report import (  # noqa: E402
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
    ReportPeriod,
    ReturnedLine,
    rate,
)
from tracker.reports import FORMATS, export  # noqa: E402

TARGETS = {"json": 1.0, "md": 1.0, "csv": 1.0, "docx": 5.0, "xlsx": 5.0}
CUTOFF = date(2021, 8, 1)
KINDS = ["Sở", "UBND huyện", "UBND xã", "Ban", "Phòng"]
FIELDS = ["Y tế", "Giáo dục và Đào tạo", "Tài chính", "Nội vụ", "Châu Thành", "Tân Biên", "Tuyên giáo",
          "Dân vận", "Kế hoạch và Đầu tư", "Tài nguyên và Môi trường"]
ACTIONS = ["Rà soát, bổ sung phương án thu dung, điều trị người nhiễm COVID-19 tại các cơ sở y tế",
           "Tăng cường kiểm tra, giám sát việc thực hiện các biện pháp giãn cách xã hội trên địa bàn",
           "Xây dựng kế hoạch tổ chức năm học mới bảo đảm an toàn phòng, chống dịch",
           "Báo cáo kết quả thực hiện về Văn phòng Tỉnh ủy để tổng hợp, báo cáo Thường trực Tỉnh ủy"]


def build(overdue: int, bodies: int) -> ReportData:
    rng = random.Random(30)
    names = [f"{KINDS[i % len(KINDS)]} {FIELDS[i % len(FIELDS)]} {i + 1}" for i in range(bodies)]
    directives = [(f"{100 + i}-CV/TU", date(2021, 1, 4) + timedelta(days=i % 200)) for i in range(400)]

    def line(cls, task_id: int, **extra):  # type: ignore[no-untyped-def]
        number, issued = directives[task_id % len(directives)]
        return cls(task_id=task_id, body=names[task_id % bodies], directive_number=number, directive_date=issued,
                   item_ref=f"{task_id % 9 + 1}.{task_id % 4 + 1}", action=ACTIONS[task_id % len(ACTIONS)],
                   deadline=CUTOFF - timedelta(days=task_id % 90 - 30), **extra)

    rows = []
    for name in names:
        counts = [rng.randint(20, 200) for _ in range(5)]
        judged = sum(counts) - counts[4]
        rows.append(GridRow(body=name, total=sum(counts), done_on_time=counts[0], done_late=counts[1],
                            in_progress_on_time=counts[2], overdue=counts[3], no_deadline=counts[4],
                            due_soon=counts[2] // 5, on_time_rate=rate(counts[0], judged),
                            on_time_rate_original=rate(counts[0] - 5, judged), missed_recurring=counts[1] % 7))
    total = {field: sum(getattr(r, field) for r in rows) for field in
             ("total", "done_on_time", "done_late", "in_progress_on_time", "overdue", "no_deadline", "due_soon",
              "missed_recurring")}
    judged = total["total"] - total["no_deadline"]
    overall = GridRow(body=None, **total, on_time_rate=rate(total["done_on_time"], judged),
                      on_time_rate_original=rate(total["done_on_time"] - 5 * bodies, judged))
    notes_by_body = [BodyNotes(body=name, notes=tuple(
        ProgressNoteLine(task_id=b * 100 + k, on_date=CUTOFF - timedelta(days=k % 7), percent=(k * 13) % 101,
                         note="Đã triển khai, đang tổng hợp số liệu báo cáo", author="vanthu",
                         directive_number=directives[k % 400][0], item_ref=str(k % 9 + 1))
        for k in range(50))) for b, name in enumerate(names)]
    return ReportData(
        period=ReportPeriod(start=date(2021, 7, 26), end=CUTOFF, iso_week="2021-W30"),
        cutoff=CUTOFF, produced_by="bench", produced_at=datetime(2021, 8, 2, 8, 0),  # noqa: DTZ001
        overall=overall, by_body=tuple(rows),
        directives=tuple(DirectiveLine(number=n, issued_on=d, issuer="Tỉnh ủy Tây Ninh",
                                       subject="Về việc tăng cường các biện pháp phòng, chống dịch COVID-19",
                                       received_on=d + timedelta(days=1), tasks_created=25) for n, d in directives),
        tasks_created=10_000,
        completed=tuple(line(CompletedLine, 100_000 + i, completed_on=CUTOFF - timedelta(days=i % 7),
                             on_time=i % 3 != 0) for i in range(5_000)),
        returned=tuple(line(ReturnedLine, 110_000 + i, returned_on=CUTOFF, reason="Chưa đủ số liệu")
                       for i in range(500)),
        extensions=tuple(line(ExtensionLine, 120_000 + i, granted_on=CUTOFF, previous_deadline=CUTOFF,
                              reason="Chờ hướng dẫn") for i in range(500)),
        overdue=tuple(line(OverdueLine, i, days_overdue=i % 120 + 1, latest_note="Đang triển khai",
                           latest_note_date=CUTOFF - timedelta(days=i % 20)) for i in range(overdue)),
        missed_reports=tuple(line(MissedReportLine, 130_000 + i, recurrence="daily", missed=i % 5 + 1,
                                  last_missed_on=CUTOFF) for i in range(1_000)),
        due_next=tuple(line(DueLine, 140_000 + i, days_left=i % 7 + 1, percent=i % 100) for i in range(5_000)),
        next_period=ReportPeriod(start=date(2021, 8, 2), end=date(2021, 8, 8), iso_week="2021-W31"),
        notes_by_body=tuple(notes_by_body),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overdue", type=int, default=20_000)
    parser.add_argument("--bodies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs per format; the best is shown")
    parser.add_argument("--out", type=Path, help="write the files here to look at them")
    args = parser.parse_args()
    started = time.perf_counter()
    data = build(args.overdue, args.bodies)
    listed = (len(data.overdue) + len(data.completed) + len(data.due_next) + data.progress_notes
              + len(data.missed_reports) + len(data.returned) + len(data.extensions))
    print(f"ReportData: {len(data.by_body)} bodies, {data.overall.total:,} tasks in the grid, "
          f"{listed:,} listed lines, built in {time.perf_counter() - started:.2f} s")
    failed = False
    print(f"best of {args.repeat}; CPU = this process's CPU time (the machine may be busy)")
    print(f"{'format':<6} {'wall s':>7} {'cpu s':>7} {'target':>7} {'bytes':>12}")
    for fmt in FORMATS:
        runs = []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            content = export(data, fmt, letterhead=Letterhead(place="Tây Ninh"), lang="vi")
            runs.append((time.perf_counter() - wall, time.process_time() - cpu))
        wall_s, cpu_s = min(runs)
        ok = wall_s < TARGETS[fmt]
        failed |= not ok
        print(f"{fmt:<6} {wall_s:>7.2f} {cpu_s:>7.2f} {TARGETS[fmt]:>6.0f}s {len(content):>12,} "
              f"{'ok' if ok else 'SLOW'}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"report.{fmt}").write_bytes(content)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
