"""Browsing directives: the list with each one's status grid, and one directive's item tree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_helpers import FakeFiles, body, document, item
from sqlalchemy import select

from tracker.db.models import Task
from tracker.domain.enums import TaskRole, TaskState
from tracker.domain.errors import NotFoundError
from tracker.services.directives import get_directive_tree, list_directives
from tracker.services.importing import import_paths


@pytest.fixture
def imported(ctx, tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    files = FakeFiles(folder)
    files.add("a.txt", document("230-CV/TU", date(2021, 7, 4), [
        item("1.1", "Quá hạn", [body("Sở Y tế")], 3, due=date(2021, 7, 11), parent="1", heading_text="CHUNG"),
        item("1.2", "Sắp đến hạn", [body("Sở Y tế"), body("Công an tỉnh", TaskRole.COOPERATING)], 5,
             due=date(2021, 7, 28), parent="1", heading_text="CHUNG"),
        item("2", "Không thời hạn", [body("Sở Tài chính")], 7),
        item("3", "Đã xong", [body("Sở Nội vụ")], 9, due=date(2021, 7, 11)),
    ]))
    files.add("b.txt", document("99-TB/TU", date(2021, 6, 1), [item("1", "Việc", [body("Sở Y tế")], 3)]))
    import_paths(ctx, [folder], extractor=files)
    with ctx.sessions.begin() as session:
        done = session.scalars(select(Task).where(Task.item.has(ref="3"))).one()
        done.state, done.progress, done.completed_on = TaskState.CONFIRMED.value, 100, date(2021, 7, 10)
    return ctx


def test_list_directives_counts_the_grid_as_of_today(imported) -> None:
    rows = list_directives(imported)
    assert [r.number for r in rows] == ["230-CV/TU", "99-TB/TU"]  # newest first
    first = rows[0]
    assert (first.item_count, first.task_count) == (4, 5)
    assert first.grid["overdue"] == 1
    assert first.grid["in_progress_on_time"] == 2 and first.due_soon == 2
    assert first.grid["no_deadline"] == 1
    assert first.grid["done_on_time"] == 1 and first.done_count == 1
    assert rows[1].grid["no_deadline"] == 1 and rows[1].task_count == 1


def test_directive_tree_nests_items_and_lists_tasks(imported) -> None:
    row = list_directives(imported)[0]
    tree = get_directive_tree(imported, row.id)
    assert [n.ref for n in tree.items] == ["1", "2", "3"]
    heading = tree.items[0]
    assert not heading.is_leaf and heading.text == "CHUNG"
    assert [c.ref for c in heading.children] == ["1.1", "1.2"]
    soon = heading.children[1]
    assert [(t.body, t.role, t.category, t.due_soon) for t in soon.tasks] == [
        ("Sở Y tế", "lead", "in_progress_on_time", True),
        ("Công an tỉnh", "cooperating", "in_progress_on_time", True),
    ]
    assert tree.items[2].tasks[0].category == "done_on_time"
    assert tree.directive.grid == row.grid
    with pytest.raises(NotFoundError):
        get_directive_tree(imported, 10_000)
