"""Reading tasks: filtered, sorted pages of the task list, and one task in full.

The category of the task's CURRENT state is computed by the database (:func:`category_sql`, a
CASE over state / deadline / completion date / today) so a page out of 100,000 tasks comes back
fast; it mirrors ``tracker.domain.status.categorize`` exactly (a test compares the two).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from tracker.db.models import Body, BodyGroupMember, Directive, Item, Task, TaskEvent
from tracker.domain import status
from tracker.domain.enums import Category, TaskRole, TaskState
from tracker.domain.errors import InputError, NotFoundError
from tracker.domain.text import fold
from tracker.services import recurrence
from tracker.services.context import ServiceContext
from tracker.services.dto import SORT_COLUMNS, TaskDetail, TaskPage, TaskQuery, TaskRow
from tracker.services.event_text import event_view

DUE_SOON = "due_soon"  # accepted as a category filter: in progress on time and due soon
PASSAGE_CONTEXT_LINES = 2
MAX_LIMIT = 10_000

_OPEN = (TaskState.NOT_STARTED.value, TaskState.IN_PROGRESS.value)


# ---------------------------------------------------------------- the category in SQL

def category_sql(today: date, deadline: Any = None, *, state: Any = None, completed_on: Any = None
                 ) -> ColumnElement[str]:
    """The Category value of each task row as of ``today`` (see tracker.domain.status.verdict),
    judged against ``deadline`` (default the approved one, ``Task.current_deadline``); ``state``
    and ``completed_on`` default to the task's columns (a test passes literal values)."""
    deadline = Task.current_deadline if deadline is None else deadline
    state = Task.state if state is None else state
    completed_on = Task.completed_on if completed_on is None else completed_on
    confirmed = state == TaskState.CONFIRMED.value
    reported = state == TaskState.REPORTED_DONE.value
    done_in_time = and_(completed_on.is_not(None), completed_on <= deadline)
    # nested, so that each row evaluates each test once (the report counts 100,000 rows with it)
    return case(
        (deadline.is_(None), case((confirmed, Category.DONE_ON_TIME.value), else_=Category.NO_DEADLINE.value)),
        (confirmed, case((done_in_time, Category.DONE_ON_TIME.value), else_=Category.DONE_LATE.value)),
        (reported, case((done_in_time, Category.IN_PROGRESS_ON_TIME.value), else_=Category.OVERDUE.value)),
        (deadline >= today, Category.IN_PROGRESS_ON_TIME.value),
        else_=Category.OVERDUE.value,
    )


def due_soon_sql(today: date, due_soon_days: int, *, state: Any = None, deadline: Any = None
                 ) -> ColumnElement[bool]:
    """Open, in time and due within ``due_soon_days`` days (see status.is_due_soon)."""
    state = Task.state if state is None else state
    deadline = Task.current_deadline if deadline is None else deadline
    return and_(state.in_(_OPEN), deadline.is_not(None), deadline >= today,
                deadline <= today + timedelta(days=due_soon_days))


# ---------------------------------------------------------------- the task list

def body_ids_for(session: Session, name: str) -> list[int]:
    """The body named ``name`` (or alias) and, when it is a group, its members."""
    from tracker.services.tasks import find_body

    found = find_body(session, name)
    if found is None:
        raise NotFoundError("task.body_not_found", body=name[:200])
    members = session.scalars(select(BodyGroupMember.member_id)
                              .where(BodyGroupMember.group_id == found.id)).all()
    return [found.id, *members]


def _sort_keys(column: str, category: ColumnElement[str]) -> list[Any]:
    nulls_last = case((Task.current_deadline.is_(None), 1), else_=0)
    keys: dict[str, list[Any]] = {
        "id": [Task.id],
        "directive_number": [Directive.number, Item.position],
        "directive_date": [Directive.issue_date, Directive.id, Item.position],
        "ref": [Directive.id, Item.position],
        "body": [Body.name],
        "action": [Item.text],
        "deadline": [nulls_last, Task.current_deadline],
        "original_deadline": [case((Task.original_deadline.is_(None), 1), else_=0), Task.original_deadline],
        "category": [category],
        "progress": [Task.progress],
        "state": [Task.state],
        "urgency": [Task.urgency],
        "role": [Task.role],
        "completed_on": [Task.completed_on],
    }
    if column not in keys:
        raise InputError("tasks.bad_sort", column=column, choices=", ".join(SORT_COLUMNS))
    return keys[column]


# the tables a sort reads besides the task (the filters read the task's own columns only)
_SORT_JOINS: dict[str, tuple[str, ...]] = {
    "directive_number": ("directive", "item"), "directive_date": ("directive", "item"),
    "ref": ("directive", "item"), "body": ("body",), "action": ("item",),
}


def _join(stmt: Any, tables: Sequence[str]) -> Any:
    if "item" in tables:
        stmt = stmt.join(Item, Item.id == Task.item_id)
    if "directive" in tables:
        stmt = stmt.join(Directive, Directive.id == Task.directive_id)
    if "body" in tables:
        stmt = stmt.join(Body, Body.id == Task.body_id)
    return stmt


def _filtered(session: Session, stmt: Any, query: TaskQuery, today: date, due_soon_days: int,
              category: ColumnElement[str]) -> Select[Any]:
    """``stmt`` (over ``Task``) narrowed to the tasks ``query`` asks for."""
    return stmt.where(*_conditions(session, query, today, due_soon_days, category))


def _conditions(session: Session, query: TaskQuery, today: date, due_soon_days: int,
                category: ColumnElement[str]) -> list[ColumnElement[bool]]:
    """The tests on the task's own columns that ``query`` asks for (a body or directive named
    in the query is looked up here, once)."""
    where: list[ColumnElement[bool]] = []
    if not query.include_inactive:
        where.append(Task.active.is_(True))
    if query.body_id is not None:
        where.append(Task.body_id == query.body_id)
    if query.body:
        where.append(Task.body_id.in_(body_ids_for(session, query.body)))
    if query.directive_id is not None:
        where.append(Task.directive_id == query.directive_id)
    if query.directive:
        number = query.directive.strip().lower()
        found = session.scalars(select(Directive.id).where(func.lower(Directive.number) == number)).all()
        if not found:
            raise NotFoundError("tasks.directive_not_found", number=query.directive[:100])
        where.append(Task.directive_id.in_(found))
    if query.due_from is not None:
        where.append(Task.current_deadline >= query.due_from)
    if query.due_to is not None:
        where.append(Task.current_deadline <= query.due_to)
    if query.state:
        where.append(Task.state == TaskState(query.state).value)
    if query.category:
        if query.category == DUE_SOON:
            where.append(due_soon_sql(today, due_soon_days))
        else:
            try:
                wanted = Category(query.category).value
            except ValueError:
                raise InputError("tasks.bad_category", value=query.category,
                                 choices=", ".join([*(c.value for c in Category), DUE_SOON])) from None
            where.append(category == wanted)
    if query.overdue:
        where.append(category == Category.OVERDUE.value)
    if query.due_soon:
        where.append(due_soon_sql(today, due_soon_days))
    text = fold(query.search or "")
    if text:
        where.append(Task.search_text.contains(text, autoescape=True))
    return where


# The first pages in deadline order (the default) are looked for among the first tasks of that
# order, read by walking the deadline index: a window of PROBE_ROWS tasks, widened once (up to
# PROBE_MAX_ROWS) by the share of matches it held. A window that holds the whole page gives
# exactly the page of the full query (the window is a prefix of the order); otherwise the full
# query runs - it reads every task (a search is a LIKE over each task's folded text), ~30-50 ms at
# 100,000 tasks, against a few ms for a window.
PROBE_ROWS = 1_000
PROBE_MAX_ROWS = 8_000
PROBE_MAX_NEED = 500  # deeper pages (offset + limit beyond this) go straight to the full query


def _probe_page(session: Session, query: TaskQuery, where: Sequence[ColumnElement[bool]]) -> list[int] | None:
    """The ids of the page ``query`` asks for when the first tasks of the deadline order hold it;
    None when they do not (or the order is another)."""
    if query.sort != "deadline" or query.limit is None:
        return None
    need = query.offset + min(query.limit, MAX_LIMIT)
    if not 0 < need <= PROBE_MAX_NEED:
        return None
    if query.descending:  # tasks without a deadline come first, newest first
        window = select(Task.id).where(Task.current_deadline.is_(None)).order_by(Task.id.desc())
        order: list[Any] = [Task.id.desc()]
    else:
        window = (select(Task.id).where(Task.current_deadline.is_not(None))
                  .order_by(Task.current_deadline, Task.id))
        order = [Task.current_deadline, Task.id]
    rows = PROBE_ROWS
    for _attempt in range(2):
        first = window.limit(rows).subquery()
        found = list(session.scalars(select(Task.id).join(first, first.c.id == Task.id).where(*where)
                                     .order_by(*order).limit(need)))
        if len(found) == need:
            return found[query.offset:]
        rows = rows * need * 3 // (2 * len(found)) if found else 0  # the share of matches seen, and half more
        if not found or rows > PROBE_MAX_ROWS:
            return None
    return None


def list_tasks(ctx: ServiceContext, query: TaskQuery | None = None, *, as_of: date | None = None,
               count: bool = True) -> TaskPage:
    """One page of tasks matching ``query``, categories as of ``as_of`` (default today) from the
    tasks' current state, with the total count of matching rows - or, with ``count=False`` and a
    full page, ``total=None`` (the caller counts later with :func:`count_tasks`: the page comes
    back without waiting for a count over every task).

    The page is found on the task table alone (joined only to what the sort reads) and only its
    rows are joined to their item, directive and body."""
    query = query or TaskQuery()
    today = as_of or ctx.today()
    days = ctx.settings.due_soon_days
    if query.offset < 0 or (query.limit is not None and query.limit < 0):
        raise InputError("tasks.bad_page", offset=query.offset, limit=query.limit)
    category = category_sql(today)
    order = _sort_keys(query.sort, category)
    order = [*(k.desc() for k in order), Task.id.desc()] if query.descending else [*order, Task.id]
    with ctx.readers.begin() as session:
        where = _conditions(session, query, today, days, category)
        page_ids: Any = _probe_page(session, query, where)
        if page_ids is None:
            page_ids = (_join(select(Task.id).select_from(Task), _SORT_JOINS.get(query.sort, ()))
                        .where(*where).order_by(*order).offset(query.offset))
            if query.limit is not None:
                page_ids = page_ids.limit(min(query.limit, MAX_LIMIT))
            page_ids = page_ids.scalar_subquery()
        columns = select(
            Task.id, Task.directive_id, Directive.number, Directive.issue_date, Item.ref, Task.body_id,
            Body.name, Task.role, Item.text, Task.current_deadline, Task.original_deadline, category.label("category"),
            due_soon_sql(today, days).label("due_soon"), Task.progress, Task.state, Task.urgency, Task.recurrence,
            Task.completed_on, Task.pending_extension, Task.active, Task.version,
        ).select_from(Task)
        stmt = _join(columns, ("item", "directive", "body")).where(Task.id.in_(page_ids))
        rows = [TaskRow(
            id=r[0], directive_id=r[1], directive_number=r[2] or "", directive_date=r[3], ref=r[4],
            body_id=r[5], body=r[6], role=r[7], action=r[8], deadline=r[9], original_deadline=r[10],
            category=r[11], due_soon=bool(r[12]), progress=r[13], state=r[14], urgency=r[15],
            recurrence=r[16], completed_on=r[17], pending_extension=r[18], active=bool(r[19]), version=r[20],
        ) for r in session.execute(stmt.order_by(*order)).all()]
        total: int | None
        if query.limit is None or len(rows) < query.limit:
            total = query.offset + len(rows) if rows or query.offset == 0 else None
        else:
            total = None
        if total is None and count:
            total = _count(session, query, today, days)
    return TaskPage(rows=rows, total=total, offset=query.offset, limit=query.limit)


def count_tasks(ctx: ServiceContext, query: TaskQuery, *, as_of: date | None = None) -> int:
    """How many tasks match ``query`` (paging ignored)."""
    today = as_of or ctx.today()
    with ctx.readers.begin() as session:
        return _count(session, query, today, ctx.settings.due_soon_days)


def _count(session: Session, query: TaskQuery, today: date, due_soon_days: int) -> int:
    stmt = _filtered(session, select(func.count(Task.id)).select_from(Task), query, today, due_soon_days,
                     category_sql(today))
    return session.scalar(stmt) or 0


# ---------------------------------------------------------------- one task

def passage(text: str, line_start: int | None, line_end: int | None,
            context: int = PASSAGE_CONTEXT_LINES) -> str:
    """The directive's lines ``line_start``..``line_end`` (1-based) with ``context`` lines around."""
    if not text or line_start is None:
        return ""
    lines = text.splitlines()
    first = max(line_start - 1 - context, 0)
    last = min((line_end or line_start) + context, len(lines))
    return "\n".join(lines[first:last]).strip("\n")


def get_task(ctx: ServiceContext, task_id: int) -> TaskDetail:
    """Everything about one task: source item and passage, directive, bodies, history, occurrences."""
    from tracker.services.tasks import facts_of

    today = ctx.today()
    with ctx.readers.begin() as session:
        task = session.get(Task, task_id) if isinstance(task_id, int) else None
        if task is None:
            raise NotFoundError("task.not_found", task=task_id)
        item = session.get(Item, task.item_id)
        directive = session.get(Directive, task.directive_id)
        body = session.get(Body, task.body_id)
        assert item is not None and directive is not None and body is not None
        siblings = session.execute(
            select(Body.name, Task.role).join(Task, Task.body_id == Body.id)
            .where(Task.item_id == task.item_id, Task.active.is_(True)).order_by(Task.id)).all()
        events = session.scalars(select(TaskEvent).where(TaskEvent.task_id == task.id)
                                 .order_by(TaskEvent.id)).all()
        undone = {e.undoes_event_id for e in events if e.undoes_event_id is not None}
        facts = facts_of(task)
        category, due_soon = status.categorize(facts, today, ctx.settings.due_soon_days)
        return TaskDetail(
            id=task.id, version=task.version, directive_id=directive.id,
            directive_number=directive.number or "", directive_date=directive.issue_date,
            directive_issuer=directive.issuer or "", directive_subject=directive.subject or "",
            ref=item.ref, text=item.text, passage=passage(directive.text, item.line_start, item.line_end),
            body_id=body.id, body=body.name, role=task.role,
            lead_bodies=[n for n, r in siblings if r == TaskRole.LEAD.value],
            cooperating_bodies=[n for n, r in siblings if r != TaskRole.LEAD.value],
            original_deadline=task.original_deadline, current_deadline=task.current_deadline,
            deadline_text=item.deadline_text or "", recurrence=task.recurrence or "",
            urgency=task.urgency or "", state=task.state, category=category.value,
            category_original=status.categorize_original(facts, today).value, due_soon=due_soon,
            progress=task.progress, completed_on=task.completed_on, pending_extension=task.pending_extension,
            active=task.active, occurrences=recurrence.task_occurrences(session, task, today),
            history=[event_view(e, undone=e.id in undone) for e in events],
        )


def task_ids(ctx: ServiceContext, query: TaskQuery) -> Sequence[int]:
    """The ids of every task matching ``query`` (no paging), in its order."""
    page = list_tasks(ctx, query.with_(offset=0, limit=None))
    return [row.id for row in page.rows]

