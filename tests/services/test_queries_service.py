"""Task lists and task detail on SQLite and PostgreSQL: the SQL category equals the Python one on
every combination; each filter, sorting and paging; diacritic-free search; one task in full."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update
from task_world import TODAY, at_day, new_task

from tracker.db.models import Task
from tracker.domain.enums import Category
from tracker.domain.errors import InputError, NotFoundError
from tracker.domain.status import categorize, categorize_original
from tracker.services import queries, tasks
from tracker.services.context import ServiceContext
from tracker.services.dto import SORT_COLUMNS, TaskQuery
from tracker.services.queries import category_sql, count_tasks, get_task, list_tasks, passage
from tracker.services.tasks import facts_of

D = date(2021, 7, 30)
DAY = timedelta(days=1)


def test_sql_category_equals_the_python_category_on_every_combination(ctx: ServiceContext) -> None:
    states = ["not_started", "in_progress", "reported_done", "confirmed"]
    deadlines = [None, D]
    completions = [None, D - DAY, D, D + DAY]
    originals = ["same", D - 5 * DAY]
    combos = list(itertools.product(states, deadlines, completions, originals))
    ids = []
    for index, (state, deadline, completed, original) in enumerate(combos):
        task_id = new_task(ctx, deadline=deadline, item_text=f"case {index}")
        with ctx.sessions.begin() as session:
            session.execute(update(Task).where(Task.id == task_id).values(
                state=state, completed_on=completed,
                original_deadline=deadline if original == "same" else original))
        ids.append(task_id)
    checked = 0
    for offset in range(-4, 3):
        as_of = D + offset * DAY
        page = list_tasks(ctx, TaskQuery(limit=None), as_of=as_of)
        by_id = {row.id: row for row in page.rows}
        with ctx.sessions.begin() as session:
            original_sql = dict(session.execute(
                select(Task.id, category_sql(as_of, Task.original_deadline))).all())
            for task in session.scalars(select(Task)):
                facts = facts_of(task)
                expected, soon = categorize(facts, as_of, ctx.settings.due_soon_days)
                assert (by_id[task.id].category, by_id[task.id].due_soon) == (expected.value, soon), (
                    facts, as_of)
                assert original_sql[task.id] == categorize_original(facts, as_of).value
                checked += 1
    assert checked == len(combos) * 7
    assert len(ids) == 64


@pytest.fixture
def office(ctx: ServiceContext) -> dict[str, int]:
    """Tasks of three bodies in two directives, in several states."""
    made = {
        "health_overdue": new_task(ctx, body_name="Sở Y tế", deadline=date(2021, 7, 20),
                                   item_text="Xét nghiệm diện rộng"),
        "health_soon": new_task(ctx, body_name="Sở Y tế", deadline=date(2021, 7, 28),
                                item_text="Tiêm vắc xin cho người trên 65 tuổi"),
        "district_done": new_task(ctx, body_name="Ủy ban nhân dân huyện Hòa Thành", deadline=date(2021, 7, 25),
                                  item_text="Lập chốt kiểm soát"),
        "education_none": new_task(ctx, body_name="Sở Giáo dục và Đào tạo", deadline=None,
                                   item_text="Tuyên truyền 5K", number="15-CT/TU", issued=date(2021, 7, 10)),
        "education_later": new_task(ctx, body_name="Sở Giáo dục và Đào tạo", deadline=date(2021, 8, 20),
                                    item_text="Chuẩn bị năm học mới 100% trường", number="15-CT/TU"),
    }
    tasks.report_done(at_day(ctx, date(2021, 7, 24)), made["district_done"])
    tasks.confirm(ctx, made["district_done"])
    tasks.progress(ctx, made["health_soon"], 40)
    with ctx.sessions.begin() as session:
        from task_world import body

        group = body(session, "UBND các huyện, thị xã, thành phố",
                     members=(body(session, "Ủy ban nhân dân huyện Hòa Thành"),))
        assert group.is_group
    return made


def ids(ctx: ServiceContext, **filters: object) -> set[int]:
    return {row.id for row in list_tasks(ctx, TaskQuery(limit=None, **filters)).rows}  # type: ignore[arg-type]


def test_each_filter(ctx: ServiceContext, office: dict[str, int]) -> None:
    o = office
    assert ids(ctx) == set(o.values())
    assert ids(ctx, body="sở y tế") == {o["health_overdue"], o["health_soon"]}
    assert ids(ctx, body="UBND các huyện, thị xã, thành phố") == {o["district_done"]}  # a group: its members
    assert ids(ctx, category="overdue") == ids(ctx, overdue=True) == {o["health_overdue"]}
    assert ids(ctx, category="done_on_time") == {o["district_done"]}
    assert ids(ctx, category="no_deadline") == {o["education_none"]}
    assert ids(ctx, category="in_progress_on_time") == {o["health_soon"], o["education_later"]}
    assert ids(ctx, due_soon=True) == ids(ctx, category="due_soon") == {o["health_soon"]}
    assert ids(ctx, directive="15-ct/tu") == {o["education_none"], o["education_later"]}
    assert ids(ctx, due_from=date(2021, 7, 25), due_to=date(2021, 7, 31)) == {o["health_soon"], o["district_done"]}
    assert ids(ctx, state="in_progress") == {o["health_soon"]}
    with ctx.sessions.begin() as session:
        health_id = session.get(Task, o["health_soon"]).body_id  # type: ignore[union-attr]
    assert ids(ctx, body_id=health_id) == {o["health_overdue"], o["health_soon"]}
    assert ids(ctx, body="Sở Y tế", overdue=True) == {o["health_overdue"]}  # filters combine


def test_category_as_of_another_day(ctx: ServiceContext, office: dict[str, int]) -> None:
    earlier = list_tasks(ctx, TaskQuery(category="overdue", limit=None), as_of=date(2021, 7, 20))
    assert {r.id for r in earlier.rows} == set()  # due on the 20th: not overdue that day
    later = list_tasks(ctx, TaskQuery(category="overdue", limit=None), as_of=date(2021, 7, 29))
    assert {r.id for r in later.rows} == {office["health_overdue"], office["health_soon"]}


def test_removed_tasks_are_left_out_unless_asked(ctx: ServiceContext, office: dict[str, int]) -> None:
    tasks.remove_body(ctx, office["education_later"])
    assert office["education_later"] not in ids(ctx)
    assert office["education_later"] in ids(ctx, include_inactive=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("so y te", {"health_overdue", "health_soon"}),
    ("SỞ Y TẾ", {"health_overdue", "health_soon"}),
    ("uy ban", {"district_done"}),
    ("Ủy ban nhân dân huyện hoa thanh", {"district_done"}),
    ("vac xin", {"health_soon"}),
    ("15-ct/tu", {"education_none", "education_later"}),
    ("100%", {"education_later"}),
    ("%", {"education_later"}),  # a literal percent sign, not a wildcard
    ("_", set()),
    ("'; DROP TABLE task; --", set()),
    ("không có ở đâu", set()),
])
def test_search_ignores_diacritics_and_case(ctx: ServiceContext, office: dict[str, int], text: str,
                                             expected: set[str]) -> None:
    assert ids(ctx, search=text) == {office[name] for name in expected}
    assert len(ids(ctx)) == 5  # the table is still there


@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_sort_by_every_column_both_ways(ctx: ServiceContext, office: dict[str, int], column: str) -> None:
    up = list_tasks(ctx, TaskQuery(sort=column, limit=None)).rows
    down = list_tasks(ctx, TaskQuery(sort=column, descending=True, limit=None)).rows
    assert {r.id for r in up} == {r.id for r in down} == set(office.values())
    key = "deadline" if column == "deadline" else column
    values = [getattr(r, key) for r in up]
    present = [v for v in values if v is not None]
    if column not in ("ref", "directive_number", "directive_date", "deadline", "original_deadline"):
        assert present == sorted(present)
        assert [getattr(r, key) for r in down if getattr(r, key) is not None] == sorted(present, reverse=True)


def test_sort_by_deadline_puts_tasks_without_one_last(ctx: ServiceContext, office: dict[str, int]) -> None:
    rows = list_tasks(ctx, TaskQuery(sort="deadline", limit=None)).rows
    assert [r.deadline for r in rows] == [date(2021, 7, 20), date(2021, 7, 25), date(2021, 7, 28),
                                          date(2021, 8, 20), None]


def test_paging_keeps_the_total(ctx: ServiceContext, office: dict[str, int]) -> None:
    pages = [list_tasks(ctx, TaskQuery(sort="id", offset=offset, limit=2)) for offset in (0, 2, 4)]
    assert [p.total for p in pages] == [5, 5, 5]
    assert [len(p.rows) for p in pages] == [2, 2, 1]
    assert [r.id for p in pages for r in p.rows] == sorted(office.values())
    assert list_tasks(ctx, TaskQuery(offset=10, limit=2)).total == 5


@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_pages_are_slices_of_the_whole_list_in_every_order(ctx: ServiceContext, office: dict[str, int],
                                                           column: str) -> None:
    """A page is found on the task table alone and joined afterwards: it must be exactly the
    slice of the whole ordered list, in every sort, both ways."""
    for descending in (False, True):
        whole = [r.id for r in list_tasks(ctx, TaskQuery(sort=column, descending=descending, limit=None)).rows]
        for offset in range(len(whole)):
            page = list_tasks(ctx, TaskQuery(sort=column, descending=descending, offset=offset, limit=2))
            assert [r.id for r in page.rows] == whole[offset:offset + 2], (column, descending, offset)


def test_a_full_page_may_come_without_its_count(ctx: ServiceContext, office: dict[str, int]) -> None:
    """The TUI asks for the page first (``count=False``) and the total in another worker."""
    full = list_tasks(ctx, TaskQuery(sort="id", offset=0, limit=2), count=False)
    assert full.total is None and len(full.rows) == 2
    assert count_tasks(ctx, TaskQuery(sort="id", offset=0, limit=2)) == 5
    assert [r.id for r in full.rows] == [r.id for r in list_tasks(ctx, TaskQuery(sort="id", limit=2)).rows]
    # a page that is not full tells its total without counting
    assert list_tasks(ctx, TaskQuery(sort="id", offset=4, limit=2), count=False).total == 5
    assert list_tasks(ctx, TaskQuery(search="no such words", limit=2), count=False).total == 0
    assert count_tasks(ctx, TaskQuery(search="so y te")) == list_tasks(ctx, TaskQuery(search="so y te")).total


@pytest.fixture
def thirty(ctx: ServiceContext) -> list[int]:
    """30 tasks of three bodies: deadlines repeating (ties go by id), a few without one, one
    removed, some done or in progress."""
    names = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân huyện Hòa Thành"]
    made = []
    for i in range(30):
        deadline = None if i % 7 == 3 else date(2021, 7, 10) + (i * 5 % 11) * DAY
        action = "Xét nghiệm diện rộng" if i % 4 == 0 else "Tuyên truyền phòng dịch"
        made.append(new_task(ctx, body_name=names[i % 3], deadline=deadline, item_text=f"{action} đợt {i}"))
    tasks.remove_body(ctx, made[4])
    tasks.progress(ctx, made[9], 50)
    tasks.report_done(at_day(ctx, date(2021, 7, 12)), made[0])
    tasks.confirm(ctx, made[0])
    return made


@pytest.mark.parametrize(("first", "widest"), [(3, 12), (8, 40)])
def test_first_pages_found_among_the_first_tasks_of_the_order_are_the_full_querys(
        ctx: ServiceContext, thirty: list[int], monkeypatch: pytest.MonkeyPatch, first: int, widest: int) -> None:
    """The first pages in deadline order are looked for in a window of the first tasks of that
    order (widened once); found or not, each page is the slice of the whole list."""
    monkeypatch.setattr(queries, "PROBE_ROWS", first)
    monkeypatch.setattr(queries, "PROBE_MAX_ROWS", widest)
    found_in_window = []
    probe = queries._probe_page

    def watched(*args: object) -> list[int] | None:
        ids = probe(*args)  # type: ignore[arg-type]
        found_in_window.append(ids is not None)
        return ids

    monkeypatch.setattr(queries, "_probe_page", watched)
    for filters in [{}, {"search": "xet nghiem"}, {"search": "so y te"}, {"search": "đợt 1"},
                    {"search": "tuyen truyen", "category": "overdue"}, {"search": "không có"},
                    {"category": "no_deadline"}, {"include_inactive": True}, {"state": "confirmed"}]:
        for descending in (False, True):
            whole = [r.id for r in list_tasks(ctx, TaskQuery(descending=descending, limit=None,
                                                             **filters)).rows]  # type: ignore[arg-type]
            for offset in range(len(whole) + 1):
                for limit in (2, 5) if offset < 3 else (2,):
                    page = list_tasks(ctx, TaskQuery(descending=descending, offset=offset, limit=limit,
                                                     **filters), count=False)  # type: ignore[arg-type]
                    assert [r.id for r in page.rows] == whole[offset:offset + limit], (filters, descending, offset)
    assert any(found_in_window) and not all(found_in_window)


def test_reading_waits_for_no_writer(ctx: ServiceContext, office: dict[str, int]) -> None:
    """A list, a count or a task read while another officer's change is open neither waits for
    it nor blocks it (a reader's transaction: no write lock on SQLite), and sees what is saved."""
    import threading

    with ctx.sessions.begin() as writer:  # BEGIN IMMEDIATE on SQLite: the write lock is held
        writer.execute(update(Task).where(Task.id == office["health_soon"]).values(progress=99))
        writer.flush()
        seen: dict[str, object] = {}

        def read() -> None:
            seen["page"] = list_tasks(ctx, TaskQuery(sort="id", limit=2), count=False)
            seen["count"] = count_tasks(ctx, TaskQuery(search="so y te"))
            seen["task"] = get_task(ctx, office["health_soon"])

        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=10)
        assert not reader.is_alive(), "the reads waited for the open change"
    assert seen["count"] == 2 and len(seen["page"].rows) == 2  # type: ignore[attr-defined]
    assert seen["task"].progress == 40  # type: ignore[attr-defined]
    assert get_task(ctx, office["health_soon"]).progress == 99


def test_bad_query_values_are_refused(ctx: ServiceContext, office: dict[str, int]) -> None:
    for query, key in [(TaskQuery(sort="colour"), "tasks.bad_sort"), (TaskQuery(category="late"), "tasks.bad_category"),
                       (TaskQuery(offset=-1), "tasks.bad_page")]:
        with pytest.raises(InputError) as caught:
            list_tasks(ctx, query)
        assert caught.value.code == key
    with pytest.raises(NotFoundError):
        list_tasks(ctx, TaskQuery(body="Sở Không Có"))
    with pytest.raises(NotFoundError) as caught:
        list_tasks(ctx, TaskQuery(directive="999-CV/TU"))
    assert caught.value.code == "tasks.directive_not_found"


def test_task_detail(ctx: ServiceContext) -> None:
    lead = new_task(ctx, body_name="Sở Y tế", recurrence="FREQ=WEEKLY;BYDAY=FR",
                    item_text="Sở Y tế chủ trì xét nghiệm diện rộng")
    with ctx.sessions.begin() as session:
        item_id = session.get(Task, lead).item_id  # type: ignore[union-attr]
    helper = new_task(ctx, body_name="Sở Giáo dục và Đào tạo", role="cooperating", item_id=item_id)
    tasks.progress(ctx, lead, 50, "Đã lấy 2.000 mẫu")
    tasks.submit_occurrence(ctx, lead, date(2021, 7, 16))
    tasks.add_note(ctx, lead, "nhầm")
    tasks.undo(ctx, lead)
    detail = get_task(ctx, lead)
    assert (detail.directive_number, detail.directive_date, detail.directive_issuer) == (
        "230-CV/TU", date(2021, 7, 4), "Tỉnh ủy Tây Ninh")
    assert detail.text == "Sở Y tế chủ trì xét nghiệm diện rộng"
    assert "1. Sở Y tế chủ trì xét nghiệm diện rộng" in detail.passage
    assert detail.passage.splitlines()[0] == "Số 230-CV/TU"  # two lines of context before
    assert (detail.lead_bodies, detail.cooperating_bodies) == (["Sở Y tế"], ["Sở Giáo dục và Đào tạo"])
    assert (detail.state, detail.progress, detail.category, detail.due_soon) == (
        "in_progress", 50, Category.IN_PROGRESS_ON_TIME.value, False)
    assert [e.kind for e in detail.history] == ["created", "progress", "occurrence_submitted", "note", "undone"]
    assert [e.undone for e in detail.history] == [False, False, False, True, False]
    assert detail.history[1].summary == "Tiến độ 50%: Đã lấy 2.000 mẫu"
    statuses = {o.due_on: o.status for o in detail.occurrences}
    assert statuses == {date(2021, 7, 9): "missed", date(2021, 7, 16): "submitted_late",
                        date(2021, 7, 23): "missed", date(2021, 7, 30): "due"}
    assert get_task(ctx, helper).role == "cooperating"
    with pytest.raises(NotFoundError):
        get_task(ctx, 999_999)


def test_passage_edges() -> None:
    text = "a\nb\nc\nd\ne"
    assert passage(text, 1, 1) == "a\nb\nc"
    assert passage(text, 5, 5) == "c\nd\ne"
    assert passage(text, 3, 3, context=0) == "c"
    assert passage(text, None, None) == ""


def test_list_row_carries_what_a_table_shows(ctx: ServiceContext, office: dict[str, int]) -> None:
    row = next(r for r in list_tasks(ctx, TaskQuery(limit=None)).rows if r.id == office["health_soon"])
    assert (row.directive_number, row.body, row.action, row.progress, row.state, row.version) == (
        "230-CV/TU", "Sở Y tế", "Tiêm vắc xin cho người trên 65 tuổi", 40, "in_progress", 2)
    assert row.as_dict()["deadline"] == "2021-07-28"
    assert date(2021, 7, 26) == TODAY
