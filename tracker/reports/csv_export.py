"""The report as ONE long CSV table (UTF-8 with a BOM so Excel shows Vietnamese right).

Every row has the same columns: section, body, figure, value, then the task columns (task id,
directive number and date, item, action, deadline), a date and a note. The figures of the
summary and of the status grid are one row each (``figure`` / ``value``, "tidy" data that a pivot
table reads directly); every listed task is one row of its section with the section's own figure
(days overdue, verdict, days left, ...). An empty section is one row saying so. Dates are ISO
(Excel reads them in any locale); rates are written as in the other formats ("66,7%").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from tracker.domain.report import ReportData, TaskLine
from tracker.reports.text import Labeler, filters_text, fmt_rate, labeler, recurrence_label

BOM = "\ufeff"

COLUMNS = ("rpt.col.section", "rpt.col.body", "rpt.col.figure", "rpt.col.value", "rpt.col.task",
           "rpt.col.directive_number", "rpt.col.directive_date", "rpt.col.item", "rpt.col.action",
           "rpt.col.deadline", "rpt.col.date", "rpt.col.remark")

Row = list[str]


def render_csv(data: ReportData, lang: str) -> str:
    L = labeler(lang)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([L(key) for key in COLUMNS])
    writer.writerows(_rows(data, lang, L))
    return buffer.getvalue()


@lru_cache(maxsize=8192)
def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _figure(section: str, figure: str, value: object, body: str = "") -> Row:
    return [section, body, figure, "" if value is None else str(value), "", "", "", "", "", "", "", ""]


def _task(section: str, line: TaskLine, figure: str, value: object, when: date | None = None,
          note: str = "") -> Row:
    return [section, line.body, figure, "" if value is None else str(value), str(line.task_id),
            line.directive_number, _iso(line.directive_date), line.item_ref, line.action, _iso(line.deadline),
            _iso(when), note]


def _rows(data: ReportData, lang: str, L: Labeler) -> Iterator[Row]:
    yield from _summary(data, lang, L)
    yield from _grid(data, lang, L)

    section = L("rpt.sheet.directives")
    for directive in data.directives:
        yield [section, directive.issuer, L("rpt.col.tasks_created"), str(directive.tasks_created), "",
               directive.number, _iso(directive.issued_on), "", directive.subject, "", _iso(directive.received_on), ""]
    if not data.directives:
        yield _figure(section, L("rpt.none_received"), "")

    section = L("rpt.sheet.completed")
    for c in data.completed:
        yield _task(section, c, L("rpt.col.verdict"), L("rpt.on_time") if c.on_time else L("rpt.late"),
                    c.completed_on)
    section = L("rpt.sheet.returned")
    for r in data.returned:
        yield _task(section, r, L("rpt.col.reason"), "", r.returned_on, r.reason)
    section = L("rpt.sheet.extensions")
    for e in data.extensions:
        yield _task(section, e, L("rpt.col.previous_deadline"), _iso(e.previous_deadline), e.granted_on, e.reason)
    if not (data.completed or data.returned or data.extensions):
        yield _figure(L("rpt.sec.in_period"), L("rpt.none_in_period"), "")

    section = L("rpt.sheet.overdue")
    for o in data.overdue:
        yield _task(section, o, L("rpt.col.days_overdue"), o.days_overdue, o.latest_note_date, o.latest_note)
    if not data.overdue:
        yield _figure(section, L("rpt.none_overdue"), "")

    section = L("rpt.sheet.missed")
    for m in data.missed_reports:
        yield _task(section, m, L("rpt.col.missed"), m.missed, m.last_missed_on, recurrence_label(m.recurrence, lang))
    if not data.missed_reports:
        yield _figure(section, L("rpt.none_missed"), "")

    section = L("rpt.sheet.due_next")
    for d in data.due_next:
        note = f"{d.percent}%" if d.percent is not None else ""
        yield _task(section, d, L("rpt.col.days_left"), d.days_left, None, note)
    if not data.due_next:
        yield _figure(section, L("rpt.none_due_next"), "")

    section = L("rpt.sheet.notes")
    for group in data.notes_by_body:
        for n in group.notes:
            yield [section, group.body, L("rpt.col.percent"), "" if n.percent is None else str(n.percent),
                   str(n.task_id), n.directive_number, "", n.item_ref, "", "", _iso(n.on_date), n.note]
    if not data.notes_by_body:
        yield _figure(section, L("rpt.none_notes"), "")


def _summary(data: ReportData, lang: str, L: Labeler) -> Iterator[Row]:
    section = L("rpt.sheet.summary")
    figures: list[tuple[str, object]] = [
        ("rpt.fig.period_start", _iso(data.period.start)),
        ("rpt.fig.period_end", _iso(data.period.end)),
        ("rpt.fig.iso_week", data.period.iso_week or ""),
        ("rpt.fig.cutoff", _iso(data.cutoff)),
        ("rpt.fig.produced_by", data.produced_by),
        ("rpt.fig.produced_at", data.produced_at.isoformat(sep=" ", timespec="minutes")),
        ("rpt.fig.scope", filters_text(data.filters, lang)),
        ("rpt.fig.directives_received", len(data.directives)),
        ("rpt.fig.tasks_created", data.tasks_created),
        ("rpt.fig.completed", len(data.completed)),
        ("rpt.fig.completed_on_time", data.completed_on_time),
        ("rpt.fig.completed_late", data.completed_late),
        ("rpt.fig.returned", len(data.returned)),
        ("rpt.fig.extensions", len(data.extensions)),
        ("rpt.fig.progress_notes", data.progress_notes),
        ("rpt.fig.overdue_lines", len(data.overdue)),
        ("rpt.fig.due_next", len(data.due_next)),
    ]
    for key, value in figures:
        yield _figure(section, L(key), value)
    if not data.has_activity:
        yield _figure(section, L("rpt.no_activity"), "")


def _grid(data: ReportData, lang: str, L: Labeler) -> Iterator[Row]:
    section = L("rpt.sheet.by_body")
    for row in (data.overall, *data.by_body):
        body = row.body or L("rpt.all_bodies")
        for key, value in (
            ("rpt.col.total", row.total), ("category.done_on_time", row.done_on_time),
            ("category.done_late", row.done_late), ("category.in_progress_on_time", row.in_progress_on_time),
            ("category.overdue", row.overdue), ("category.no_deadline", row.no_deadline),
            ("category.due_soon", row.due_soon), ("rpt.col.rate", fmt_rate(row.on_time_rate, lang)),
            ("rpt.col.rate_original", fmt_rate(row.on_time_rate_original, lang)),
            ("rpt.col.missed_recurring", row.missed_recurring),
        ):
            yield _figure(section, L(key), value, body)
