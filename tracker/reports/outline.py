"""The report's sections, sentences and tables in one language: Markdown and DOCX render this.

I. directives received; II. results (1. overall, 2. by body, 3. in the period); III. overdue
tasks and missed periodic reports; IV. tasks due next week; V. progress notes by body. Every
empty part says so in a sentence ("Trong kỳ không có ...") instead of showing an empty table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tracker.domain.report import GridRow, ReportData, TaskLine
from tracker.reports.text import (
    directive_ref,
    filters_text,
    fmt_date,
    fmt_datetime,
    fmt_int,
    fmt_rate,
    labeler,
    period_label,
    recurrence_label,
    template,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

Line = TypeVar("Line")


@dataclass(frozen=True)
class Column:
    label: str  # the full heading (Markdown, CSV, and the DOCX outside a group)
    width: float  # centimetres in the DOCX (the widths of a table add up to the text width)
    align: str = "left"  # left | right | center
    short: str = ""  # the DOCX heading where the column is narrow ("Đúng hạn" under "Đã hoàn thành")


@dataclass(frozen=True)
class HeaderGroup:
    """A heading over ``span`` columns from ``first`` (a two-row header in the DOCX)."""

    label: str
    first: int
    span: int


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[str]]
    more: int = 0  # rows left out (listed in full in the XLSX)
    bold_last: bool = False  # a total row
    groups: tuple[HeaderGroup, ...] = ()
    font_pt: int | None = None  # smaller than the report's table font (a wide grid of figures)


@dataclass
class Paragraph:
    text: str
    italic: bool = False


@dataclass
class Bullets:
    items: list[str]


Block = Table | Paragraph | Bullets


@dataclass
class Section:
    number: str  # "I" or "1"
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)  # after the subsections


@dataclass
class Outline:
    title: str
    subtitle: str
    period: str
    intro: list[Paragraph]
    sections: list[Section]


def build_outline(data: ReportData, lang: str, *, max_rows: int | None = None) -> Outline:
    """The report in words; tables longer than ``max_rows`` are cut with a "... và N ..." line."""
    L = labeler(lang)
    intro = [Paragraph(L("rpt.cutoff_line", cutoff=fmt_date(data.cutoff, lang), user=data.produced_by,
                         at=fmt_datetime(data.produced_at, lang)), italic=True)]
    if not data.filters.empty:
        intro.append(Paragraph(L("rpt.filters_line", filters=filters_text(data.filters, lang)), italic=True))
    if not data.has_activity:
        intro.append(Paragraph(L("rpt.no_activity")))
    sections = [
        _received(data, lang, max_rows),
        _results(data, lang, max_rows),
        _late(data, lang, max_rows),
        _due_next(data, lang, max_rows),
        _notes(data, lang, max_rows),
    ]
    for number, section in zip(ROMAN, sections, strict=False):
        section.number = number
    return Outline(L("rpt.title"), L("rpt.subtitle"), period_label(data.period, lang), intro, sections)


# ------------------------------------------------------------------------------------ sections


def _received(data: ReportData, lang: str, max_rows: int | None) -> Section:
    L = labeler(lang)
    section = Section("", L("rpt.sec.received"))
    if not data.directives and not data.tasks_created:
        section.blocks.append(Paragraph(L("rpt.none_received")))
        return section
    section.blocks.append(Paragraph(L("rpt.received_line", directives=len(data.directives),
                                      tasks=data.tasks_created)))
    if data.directives:
        columns = [Column(L("rpt.col.no"), 1.0, "center"), Column(L("rpt.col.directive_number"), 2.6),
                   Column(L("rpt.col.directive_date"), 2.2, "center"), Column(L("rpt.col.issuer"), 3.0),
                   Column(L("rpt.col.subject"), 5.9), Column(L("rpt.col.tasks_created"), 1.8, "right")]
        rows = [[str(i), d.number, fmt_date(d.issued_on, lang), d.issuer, d.subject, str(d.tasks_created)]
                for i, d in enumerate(data.directives, 1)]
        section.blocks.append(_capped(columns, rows, max_rows))
    return section


def _results(data: ReportData, lang: str, max_rows: int | None) -> Section:
    L = labeler(lang)
    grid = data.overall
    overall = Section("1", L("rpt.sec.overall"))
    if grid.total == 0:
        overall.blocks.append(Paragraph(L("rpt.no_tasks")))
    else:
        overall.blocks.append(Paragraph(L(
            "rpt.overall_line", total=grid.total, done_on_time=grid.done_on_time, done_late=grid.done_late,
            in_progress_on_time=grid.in_progress_on_time, due_soon=grid.due_soon, overdue=grid.overdue,
            no_deadline=grid.no_deadline)))
        overall.blocks.append(Paragraph(L("rpt.rate_line", rate=fmt_rate(grid.on_time_rate, lang),
                                          rate_original=fmt_rate(grid.on_time_rate_original, lang))))
    if grid.missed_recurring:
        overall.blocks.append(Paragraph(L("rpt.missed_line", missed=grid.missed_recurring)))

    by_body = Section("2", L("rpt.sec.by_body"))
    if data.by_body:
        by_body.blocks.append(grid_table(data.by_body, grid, lang))
    else:
        by_body.blocks.append(Paragraph(L("rpt.no_tasks")))

    in_period = Section("3", L("rpt.sec.in_period"))
    if data.completed or data.returned or data.extensions:
        in_period.blocks.append(Paragraph(L(
            "rpt.period_line", completed=len(data.completed), on_time=data.completed_on_time,
            late=data.completed_late, returned=len(data.returned), extended=len(data.extensions))))
    else:
        in_period.blocks.append(Paragraph(L("rpt.none_in_period")))
    if data.completed:
        on_time, late = L("rpt.on_time"), L("rpt.late")
        in_period.blocks.append(Paragraph(f"a) {L('rpt.sec.completed')}"))
        in_period.blocks.append(_task_table(
            data.completed, lang, max_rows,
            [(Column(L("rpt.col.completed_on"), 2.0, "center"), lambda c: fmt_date(c.completed_on, lang)),
             (Column(L("rpt.col.verdict"), 1.9, "center"), lambda c: on_time if c.on_time else late)],
            action_width=4.4))
    if data.returned:
        in_period.blocks.append(Paragraph(f"b) {L('rpt.sec.returned')}"))
        in_period.blocks.append(_task_table(
            data.returned, lang, max_rows,
            [(Column(L("rpt.col.returned_on"), 2.0, "center"), lambda r: fmt_date(r.returned_on, lang)),
             (Column(L("rpt.col.reason"), 3.1), lambda r: r.reason)],
            action_width=3.2))
    if data.extensions:
        in_period.blocks.append(Paragraph(f"c) {L('rpt.sec.extensions')}"))
        in_period.blocks.append(_task_table(
            data.extensions, lang, max_rows,
            [(Column(L("rpt.col.previous_deadline"), 2.0, "center"), lambda e: fmt_date(e.previous_deadline, lang)),
             (Column(L("rpt.col.reason"), 2.7), lambda e: e.reason)],
            action_width=3.6, deadline_label=L("rpt.col.new_deadline")))
    return Section("", L("rpt.sec.results"), subsections=[overall, by_body, in_period])


def _late(data: ReportData, lang: str, max_rows: int | None) -> Section:
    L = labeler(lang)
    overdue = Section("1", L("rpt.sec.overdue"))
    if data.overdue:
        overdue.blocks.append(Paragraph(L("rpt.overdue_line", cutoff=fmt_date(data.cutoff, lang),
                                          count=len(data.overdue))))
        overdue.blocks.append(_task_table(
            data.overdue, lang, max_rows,
            [(Column(L("rpt.col.days_overdue"), 1.6, "right"), lambda o: str(o.days_overdue)),
             (Column(L("rpt.col.latest_note"), 3.3), _latest_note(lang))],
            action_width=3.9))
    else:
        overdue.blocks.append(Paragraph(L("rpt.none_overdue")))
    missed = Section("2", L("rpt.sec.missed"))
    if data.missed_reports:
        missed.blocks.append(_task_table(
            data.missed_reports, lang, max_rows,
            [(Column(L("rpt.col.recurrence"), 1.8), lambda m: recurrence_label(m.recurrence, lang)),
             (Column(L("rpt.col.missed"), 1.6, "right"), lambda m: str(m.missed)),
             (Column(L("rpt.col.last_missed"), 2.0, "center"), lambda m: fmt_date(m.last_missed_on, lang))],
            action_width=3.5))
    else:
        missed.blocks.append(Paragraph(L("rpt.none_missed")))
    return Section("", L("rpt.sec.late"), subsections=[overdue, missed])


def _due_next(data: ReportData, lang: str, max_rows: int | None) -> Section:
    L = labeler(lang)
    section = Section("", L("rpt.sec.due_next"))
    if not data.due_next:
        section.blocks.append(Paragraph(L("rpt.none_due_next")))
        return section
    if data.next_period is not None:
        section.blocks.append(Paragraph(L("rpt.due_next_line", start=fmt_date(data.next_period.start, lang),
                                          end=fmt_date(data.next_period.end, lang), count=len(data.due_next))))
    section.blocks.append(_task_table(
        data.due_next, lang, max_rows,
        [(Column(L("rpt.col.days_left"), 1.5, "right"), lambda d: str(d.days_left)),
         (Column(L("rpt.col.percent"), 1.6, "right"), lambda d: fmt_int(d.percent))],
        action_width=5.1))
    return section


def _notes(data: ReportData, lang: str, max_rows: int | None) -> Section:
    """Notes grouped by body; with ``max_rows``, at most that many notes in all, then a count."""
    L = labeler(lang)
    section = Section("", L("rpt.sec.notes"))
    if not data.notes_by_body:
        section.blocks.append(Paragraph(L("rpt.none_notes")))
        return section
    section.blocks.append(Paragraph(L("rpt.notes_line", count=data.progress_notes, bodies=len(data.notes_by_body))))
    budget = data.progress_notes if max_rows is None else max_rows
    item_template, note_template = template("rpt.item_ref", lang), template("rpt.note_item", lang)
    for number, group in enumerate(data.notes_by_body, 1):
        if budget <= 0:
            break
        items = []
        for note in group.notes[:budget]:
            source = note.directive_number
            if note.item_ref:
                item = item_template.format(ref=note.item_ref)
                source = f"{source}, {item}" if source else item
            text = f"{note.percent}% - {note.note}" if note.percent is not None else note.note
            items.append(note_template.format(date=fmt_date(note.on_date, lang), task=note.task_id,
                                              source=source, text=text.strip(" -")))
        budget -= len(items)
        section.subsections.append(Section(str(number), L("rpt.body_notes", body=group.body, count=len(group.notes)),
                                           blocks=[Bullets(items)]))
    listed = sum(len(sub.blocks[0].items) for sub in section.subsections if isinstance(sub.blocks[0], Bullets))
    if listed < data.progress_notes:
        section.closing.append(Paragraph(L("rpt.more_notes", count=data.progress_notes - listed), italic=True))
    return section


# ------------------------------------------------------------------------------------ tables


GRID_PT = 11  # the grid's 12 columns fit portrait A4 at 11 pt without breaking a word of a heading


def grid_table(rows: Sequence[GridRow], overall: GridRow, lang: str) -> Table:
    """The status grid per body with a total row (the overall figures). In the DOCX its header
    has two rows: "Đã hoàn thành" over "Đúng hạn | Quá hạn", "Đang thực hiện" over "Trong hạn |
    Quá hạn", "Tỷ lệ đúng hạn" over the approved and the original deadline, so that the narrow
    figure columns carry short words (a test measures every heading word against its column)."""
    L = labeler(lang)
    columns = [Column(L("rpt.col.no"), 1.0, "center"), Column(L("rpt.col.body"), 2.55),
               Column(L("rpt.col.total"), 1.2, "right"),
               Column(L("category.done_on_time"), 1.2, "right", L("rpt.grid.on_time")),
               Column(L("category.done_late"), 1.2, "right", L("rpt.grid.late")),
               Column(L("category.in_progress_on_time"), 1.25, "right", L("rpt.grid.in_time")),
               Column(L("category.overdue"), 1.2, "right", L("rpt.grid.late")),
               Column(L("category.no_deadline"), 1.35, "right", L("rpt.grid.no_deadline")),
               Column(L("category.due_soon"), 1.2, "right"),
               Column(L("rpt.col.rate"), 1.4, "right", L("rpt.grid.rate_current")),
               Column(L("rpt.col.rate_original"), 1.4, "right", L("rpt.grid.rate_original")),
               Column(L("rpt.col.missed_recurring"), 1.55, "right", L("rpt.grid.missed"))]
    groups = (HeaderGroup(L("rpt.grid.done"), 3, 2), HeaderGroup(L("rpt.grid.in_progress"), 5, 2),
              HeaderGroup(L("rpt.grid.rate"), 9, 2))
    body_rows = [[str(i), *_grid_cells(row, row.body or "", lang)] for i, row in enumerate(rows, 1)]
    body_rows.append(["", *_grid_cells(overall, L("rpt.all_bodies"), lang)])
    return Table(columns, body_rows, bold_last=True, groups=groups, font_pt=GRID_PT)


def _grid_cells(row: GridRow, name: str, lang: str) -> list[str]:
    return [name, str(row.total), str(row.done_on_time), str(row.done_late), str(row.in_progress_on_time),
            str(row.overdue), str(row.no_deadline), str(row.due_soon), fmt_rate(row.on_time_rate, lang),
            fmt_rate(row.on_time_rate_original, lang), str(row.missed_recurring)]


def _task_table(lines: Sequence[Line], lang: str, max_rows: int | None,
                extra: list[tuple[Column, Callable[[Line], str]]], *, action_width: float,
                deadline_label: str | None = None) -> Table:
    """Task id, body, directive and item, action, deadline, then the table's own columns."""
    L = labeler(lang)
    columns = [Column(L("rpt.col.task"), 1.2, "center"), Column(L("rpt.col.body"), 2.6),
               Column(L("rpt.col.directive"), 2.8), Column(L("rpt.col.action"), action_width),
               Column(deadline_label or L("rpt.col.deadline"), 2.0, "center")]
    columns += [column for column, _ in extra]
    shown = lines if max_rows is None else lines[:max_rows]
    cells = [cell for _, cell in extra]
    rows = []
    for line in shown:
        assert isinstance(line, TaskLine)
        row = [str(line.task_id), line.body, directive_ref(line, lang), line.action, fmt_date(line.deadline, lang)]
        row += [cell(line) for cell in cells]
        rows.append(row)
    return Table(columns, rows, more=len(lines) - len(shown))


def _capped(columns: list[Column], rows: list[list[str]], max_rows: int | None) -> Table:
    if max_rows is None or len(rows) <= max_rows:
        return Table(columns, rows)
    return Table(columns, rows[:max_rows], more=len(rows) - max_rows)


def _latest_note(lang: str) -> Callable[[TaskLine], str]:
    def cell(line: TaskLine) -> str:
        note = getattr(line, "latest_note", "")
        when = getattr(line, "latest_note_date", None)
        if note and when is not None:
            return f"{fmt_date(when, lang)}: {note}"
        return str(note)

    return cell
