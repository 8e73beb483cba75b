"""Task tables: the rows of a table that lists the tasks with their lead and cooperating bodies.

A Kế hoạch or a Quyết định often puts its tasks in a table (in the text or in an annex, "PHỤ LỤC
... DANH MỤC NHIỆM VỤ"): a header row "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
hợp | Thời gian hoàn thành", then one row per task. A .docx table row arrives as its cells joined
by " | " (``tracker.ingest``); a text file may hold the same with outer pipes, which the
normaliser strips. Pure: lines in, rows out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.text import modern_tones, modern_tones_lower
from tracker.parsing.rules.structure import TASK_TABLE_HEADER

# Header cells, matched on the lower-case modern-tone key of the cell
_NUMBER_CELL = re.compile(r"^(?:stt|tt|số tt|số thứ tự)\.?$")
_CONTENT_CELL = re.compile(r"(?:nội dung|nhiệm vụ|công việc|tên)")
_LEAD_CELL = re.compile(r"chủ trì")
_DOER_CELL = re.compile(r"^(?:cơ quan|đơn vị)?\s*(?:thực hiện|thực hiện chính|được giao)$")
_COOPERATING_CELL = re.compile(r"phối hợp")
_TIMING_CELL = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành")
# A row's number: "1", "1.", "2.3"; a group row's: "I", "II." (roman) or "A", "B"
_ROW_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_GROUP_NUMBER = re.compile(r"^([IVXLC]{1,6}|[A-H])\.?$")


@dataclass(frozen=True)
class TableTask:
    """One task row: the texts of its cells as written."""

    index: int  # the row's position among the lines given
    ref: str  # "1", or "I.1" under a group row "I | Nhóm nhiệm vụ ..."
    text: str  # the task's content
    lead: str  # the lead bodies as written ("" when the row names none)
    cooperating: str
    timing: str  # the time cell as written ("Quý IV/2023", "Trước ngày 30/11/2023", "Thường xuyên")
    group: str | None  # the group row's title above the row, if any
    group_ref: str | None


@dataclass(frozen=True)
class _Columns:
    number: int | None
    content: int
    lead: int
    cooperating: int | None
    timing: int | None

    @property
    def width(self) -> int:
        return max(c for c in (self.number, self.content, self.lead, self.cooperating, self.timing) if c is not None)


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def _columns(text: str) -> _Columns | None:
    """The columns of a task table's header row, or None when ``text`` is not one."""
    if "|" not in text or not TASK_TABLE_HEADER.match(modern_tones(text)):
        return None
    keys = [modern_tones_lower(cell) for cell in _cells(text)]

    def first(pattern: re.Pattern[str], taken: set[int]) -> int | None:
        return next((i for i, key in enumerate(keys) if i not in taken and pattern.search(key)), None)

    number = next((i for i, key in enumerate(keys) if _NUMBER_CELL.match(key)), None)
    taken = {number} if number is not None else set()
    cooperating = first(_COOPERATING_CELL, taken)
    taken |= {cooperating} if cooperating is not None else set()
    lead = first(_LEAD_CELL, taken)
    if lead is None:
        lead = first(_DOER_CELL, taken)
    if lead is None:
        return None
    taken.add(lead)
    content = first(_CONTENT_CELL, taken)
    if content is None:
        return None
    taken.add(content)
    timing = first(_TIMING_CELL, taken)
    return _Columns(number, content, lead, cooperating, timing)


@dataclass(frozen=True)
class TaskTables:
    rows: tuple[TableTask, ...]  # every task row, in order
    lines: frozenset[int]  # the positions of every line the tables take (headers, group rows ...)


def find_task_tables(texts: list[str]) -> TaskTables:
    """The task tables in ``texts`` (the lines of one directive)."""
    rows: list[TableTask] = []
    if not any("|" in text for text in texts):
        return TaskTables((), frozenset())
    taken: set[int] = set()
    columns: _Columns | None = None
    group: tuple[str, str] | None = None
    count = 0
    for index, text in enumerate(texts):
        if columns is None:
            columns = _columns(text)
            group, count = None, 0
            if columns is not None:
                taken.add(index)
            continue
        if "|" not in text:
            if text.strip():
                columns = None  # the table ended
            continue
        taken.add(index)
        if _columns(text):  # the header repeated on the next page
            continue
        cells = _cells(text)
        if len(cells) <= columns.width:
            cells += [""] * (columns.width + 1 - len(cells))
        number = cells[columns.number] if columns.number is not None else ""
        content = " ".join(cells[columns.content].split())
        grouped = _GROUP_NUMBER.match(number)
        if grouped and not cells[columns.lead]:
            group, count = (grouped.group(1), content), 0
            continue
        if not content or not any(ch.isalpha() for ch in content):
            continue  # "(1) | (2) | (3)": the column numbers
        numbered = _ROW_NUMBER.match(number)
        count += 1
        own = numbered.group(1) if numbered else str(count)
        rows.append(TableTask(
            index=index,
            ref=f"{group[0]}.{own}" if group else own,
            text=content,
            lead=" ".join(cells[columns.lead].split()),
            cooperating=" ".join(cells[columns.cooperating].split()) if columns.cooperating is not None else "",
            timing=" ".join(cells[columns.timing].split()) if columns.timing is not None else "",
            group=group[1] if group else None,
            group_ref=group[0] if group else None,
        ))
    return TaskTables(tuple(rows), frozenset(taken) if rows else frozenset())


# ---------------------------------------------------------------- a table read one cell per line

_HEADER_CELLS = (_CONTENT_CELL, _LEAD_CELL, _DOER_CELL, _COOPERATING_CELL, _TIMING_CELL)
_MAX_HEADER_CELL = 40  # characters: a header cell is a few words
_MAX_WRAPPED_LINES = 12  # how many more lines than cells a row may take (a narrow column wraps its text)
# A time cell: "Trước ngày 31/01/2027", "Quý I/2027", "Tháng 12/2026", "Thường xuyên", "Hằng tháng"
_TIME_CELL = re.compile(r"^(?:trước|sau|trong|quý|tháng|năm|xong|hoàn thành|hằng|hàng|định kỳ|thường xuyên|chậm nhất"
                        r"|ngay|từ|đến|giai đoạn|đợt|\d)")


def unflatten_tables(texts: list[str]) -> list[str] | None:
    """``texts`` with each task table whose cells stand one per line (a PDF or scan read column by
    column: "STT" / "Nội dung nhiệm vụ" / "Cơ quan chủ trì" / ... then "1" / its cells / "2" ...)
    written as " | " rows, as a .docx table arrives; the lines the rows took are left empty, so
    every line keeps its position. None when ``texts`` holds no such table."""
    if not any(text.strip() in ("STT", "TT") for text in texts):
        return None
    out = list(texts)
    index = 0
    while index < len(out):
        if out[index].strip() in ("STT", "TT"):
            index = _unflatten_at(out, index)
        index += 1
    return out if out != texts else None


def _unflatten_at(out: list[str], start: int) -> int:
    """Rewrites the table whose header starts at ``start`` (if it is one); the last line it took."""
    header = [out[start].strip()]
    k = start + 1
    while k < len(out) and len(header) < 6:
        cell = out[k].strip()
        if not cell or len(cell) > _MAX_HEADER_CELL or not any(p.search(modern_tones_lower(cell)) for p in _HEADER_CELLS):
            break
        header.append(cell)
        k += 1
    if len(header) < 3 or _columns(" | ".join(header)) is None:
        return start
    width = len(header) - 1  # the cells after the number
    timing_last = _TIMING_CELL.search(modern_tones_lower(header[-1])) is not None
    rows: list[tuple[int, list[str]]] = []
    expected = 1
    while k < len(out) and out[k].strip() == str(expected):
        number_at = k
        k += 1
        cells: list[str] = []
        while k < len(out) and out[k].strip() and out[k].strip() != str(expected + 1):
            if rows and len(cells) >= width + _MAX_WRAPPED_LINES:
                break  # the last row cannot run on for ever
            cells.append(out[k].strip())
            k += 1
        rows.append((number_at, cells))
        expected += 1
    if not rows:
        return start
    last_row_at, last_cells = rows[-1]
    if len(last_cells) > width:  # the last row ends where its cells do: what follows is text again
        keep = _row_length(last_cells, width, timing_last)
        k = last_row_at + 1 + keep
        rows[-1] = (last_row_at, last_cells[:keep])
    out[start] = " | ".join(header)
    for position in range(start + 1, start + len(header)):
        out[position] = ""
    for number_at, cells in rows:
        out[number_at] = " | ".join([out[number_at].strip(), *_assign(cells, width, timing_last)])
        for position in range(number_at + 1, number_at + 1 + len(cells)):
            out[position] = ""
    return k - 1


def _row_length(cells: list[str], width: int, timing_last: bool) -> int:
    """How many of the last row's lines are its cells: up to its time cell when the table has one."""
    if timing_last:
        for count in range(width, len(cells) + 1):
            if _TIME_CELL.match(modern_tones_lower(cells[count - 1])):
                return count
    return width


def _assign(cells: list[str], width: int, timing_last: bool) -> list[str]:
    """A row's lines as its ``width`` cells: the content may run over several lines (it comes
    first); a row short of a cell lacks its cooperating bodies (or its time, when its last line
    does not read as one)."""
    if len(cells) > width:
        extra = len(cells) - width
        cells = [" ".join(cells[: extra + 1]), *cells[extra + 1:]]
    if len(cells) < width:
        if timing_last and cells and _TIME_CELL.match(modern_tones_lower(cells[-1])):
            cells = cells[:-1] + [""] * (width - len(cells)) + cells[-1:]
        else:
            cells = cells + [""] * (width - len(cells))
    return cells
