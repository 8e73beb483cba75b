"""Directives as the clerk browses them: the list with the progress of each one's tasks, and one
directive's tree of items with their tasks and current categories (the official grid as of
``ctx.today()``, tracker.domain.status)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.models import Body, Directive, Item, Task
from tracker.domain.enums import Category
from tracker.domain.errors import NotFoundError
from tracker.domain.status import is_due_soon, verdict
from tracker.services.context import ServiceContext
from tracker.services.directory_views import DirectiveRow, DirectiveTree, ItemNode, TaskLine


def task_category(state: str, deadline: date | None, completed_on: date | None, as_of: date,
                  due_soon_days: int) -> tuple[str, bool]:
    """The category of a task as of ``as_of`` and its due-soon flag."""
    category = verdict(state, deadline, completed_on, as_of)
    soon = category == Category.IN_PROGRESS_ON_TIME and is_due_soon(state, deadline, as_of, due_soon_days)
    return category.value, soon


def _empty_grid() -> dict[str, int]:
    return {c.value: 0 for c in Category}


def _grids(session: Session, as_of: date, due_soon_days: int,
           directive_ids: Iterable[int] | None = None) -> dict[int, tuple[dict[str, int], int]]:
    """Per directive: its active tasks counted by category, and how many are due soon."""
    query = select(Task.directive_id, Task.state, Task.current_deadline, Task.completed_on).where(
        Task.active.is_(True))
    if directive_ids is not None:
        query = query.where(Task.directive_id.in_(list(directive_ids)))
    out: dict[int, tuple[dict[str, int], int]] = {}
    memo: dict[tuple[Any, ...], tuple[str, bool]] = {}
    for directive_id, state, deadline, completed_on in session.execute(query):
        key = (state, deadline, completed_on)
        verdict_of = memo.get(key)
        if verdict_of is None:
            verdict_of = memo[key] = task_category(state, deadline, completed_on, as_of, due_soon_days)
        grid, soon = out.get(directive_id, (None, 0))
        if grid is None:
            grid = _empty_grid()
        grid[verdict_of[0]] += 1
        out[directive_id] = (grid, soon + (1 if verdict_of[1] else 0))
    return out


def _row(directive: Any, items: int, tasks: int, grid: dict[str, int], soon: int) -> DirectiveRow:
    return DirectiveRow(
        id=directive.id, number=directive.number, issuer=directive.issuer, issue_date=directive.issue_date,
        doc_type=directive.doc_type, subject=directive.subject, source_file=directive.source_file,
        item_count=items, task_count=tasks, grid=grid, due_soon=soon,
    )


def list_directives(ctx: ServiceContext) -> list[DirectiveRow]:
    """Every directive, newest first, with item and task counts and its status grid."""
    with ctx.readers() as session:
        directives = session.execute(
            select(Directive.id, Directive.number, Directive.issuer, Directive.issue_date, Directive.doc_type,
                   Directive.subject, Directive.source_file)
            .order_by(Directive.issue_date.desc().nulls_last(), Directive.id.desc())
        ).all()
        items = dict(session.execute(
            select(Item.directive_id, func.count()).where(Item.is_leaf.is_(True)).group_by(Item.directive_id)
        ).all())
        grids = _grids(session, ctx.today(), ctx.settings.due_soon_days)
    rows = []
    for directive in directives:
        grid, soon = grids.get(directive.id, (_empty_grid(), 0))
        rows.append(_row(directive, int(items.get(directive.id, 0)), sum(grid.values()), grid, soon))
    return rows


def get_directive_tree(ctx: ServiceContext, directive_id: int) -> DirectiveTree:
    """One directive: its items as a tree (headings hold their children, leaves their tasks)."""
    as_of, soon_days = ctx.today(), ctx.settings.due_soon_days
    with ctx.readers() as session:
        directive = session.get(Directive, directive_id)
        if directive is None:
            raise NotFoundError("directives.not_found", id=directive_id)
        items = session.scalars(select(Item).where(Item.directive_id == directive_id)
                                .order_by(Item.position)).all()
        tasks = session.execute(
            select(Task.id, Task.item_id, Task.body_id, Body.name, Task.role, Task.state, Task.progress,
                   Task.current_deadline, Task.completed_on, Task.active)
            .join(Body, Body.id == Task.body_id).where(Task.directive_id == directive_id)
            .order_by(Task.item_id, Task.role.desc(), Task.id)
        ).all()
        by_item: dict[int, list[TaskLine]] = {}
        grid = _empty_grid()
        due_soon = 0
        for row in tasks:
            category, soon = task_category(row.state, row.current_deadline, row.completed_on, as_of, soon_days)
            if row.active:
                grid[category] += 1
                due_soon += soon
            by_item.setdefault(row.item_id, []).append(TaskLine(
                id=row.id, body_id=row.body_id, body=row.name, role=row.role, state=row.state,
                progress=row.progress, current_deadline=row.current_deadline, category=category,
                due_soon=soon, active=row.active))
        children: dict[int | None, list[Item]] = {}
        for item in items:
            children.setdefault(item.parent_id, []).append(item)

        def node(item: Item) -> ItemNode:
            return ItemNode(id=item.id, ref=item.ref, text=item.text, is_leaf=item.is_leaf,
                            line_start=item.line_start, line_end=item.line_end,
                            deadline_text=item.deadline_text, tasks=tuple(by_item.get(item.id, ())),
                            children=tuple(node(child) for child in children.get(item.id, ())))

        roots = tuple(node(item) for item in children.get(None, ()))
        leaves = sum(1 for item in items if item.is_leaf)
        summary = _row(directive, leaves, sum(grid.values()), grid, due_soon)
        return DirectiveTree(directive=summary, items=roots, monitor=directive.monitor, signer=directive.signer)
