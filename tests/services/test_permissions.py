"""Every role against every action, on both backends: allowed ones pass, refused ones raise
PermissionDenied with a clear message and leave the database as it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from office_db import as_user, populate, task_of_body
from sqlalchemy import func, select

from tracker.db.models import Base, Task, User
from tracker.domain.errors import NotFoundError, PermissionDenied, TrackerError
from tracker.i18n import error_text, t
from tracker.services.context import ServiceContext
from tracker.services.permissions import ACTIONS, allowed_actions, current_actor, db_role, require
from tracker.services.users import add_user

# Written out from issue 7, not derived from ACTIONS, so a wrong table fails here.
OFFICE_ONLY = {"import", "confirm", "return", "extend", "reject_extension", "manage_bodies", "manage_users",
               "edit", "urge", "reopen", "merge"}
UNIT_ACTIONS = {"progress", "report_done", "request_extension", "note", "submit_occurrence", "undo"}
EXPECTED: dict[str, set[str]] = {
    "office": OFFICE_ONLY | UNIT_ACTIONS,
    "unit": UNIT_ACTIONS,
    "viewer": set(),
    "stranger": set(),  # not in the users table while users exist
}


def test_the_table_names_exactly_the_expected_actions() -> None:
    assert set(ACTIONS) == OFFICE_ONLY | UNIT_ACTIONS


@pytest.fixture
def office(ctx: ServiceContext) -> ServiceContext:
    """tester (office, first user), chi (office), lan (unit of Sở Y tế), vy (viewer)."""
    with ctx.sessions.begin() as session:
        populate(session)
    add_user(ctx, "chi", "office")
    add_user(ctx, "lan", "unit", bodies=["SYT"])
    add_user(ctx, "vy", "viewer")
    return ctx


USERS = {"office": "chi", "unit": "lan", "viewer": "vy", "stranger": "mallory"}


def _snapshot(ctx: ServiceContext) -> dict[str, object]:
    """Every table's row count, and each task's changeable fields."""
    with ctx.sessions.begin() as session:
        counts = {table.name: session.scalar(select(func.count()).select_from(table))
                  for table in Base.metadata.sorted_tables}
        tasks = [tuple(r) for r in session.execute(
            select(Task.id, Task.body_id, Task.progress, Task.state, Task.current_deadline, Task.version)
            .order_by(Task.id))]
        roles = [tuple(r) for r in session.execute(select(User.name, User.role).order_by(User.name))]
        return {"counts": counts, "tasks": tasks, "roles": roles}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_role_against_every_action_on_own_task(office: ServiceContext, role: str) -> None:
    """One row of the matrix per role: each action allowed or refused as the issue says."""
    ctx = as_user(office, USERS[role])
    before = _snapshot(office)
    outcome: dict[str, bool] = {}
    for action in sorted(ACTIONS):
        with ctx.sessions.begin() as session:
            own_task = task_of_body(session, "Sở Y tế")
            try:
                actor = require(ctx, session, action, own_task)
            except PermissionDenied as refused:
                # the action's name in the language of the session (Vietnamese by default)
                message = error_text(refused)
                assert USERS[role] in message and t(f"perm.action.{action}") in message, message
                assert "may not" in error_text(refused, "en")
                outcome[action] = False
            else:
                assert actor.name == USERS[role] and actor.registered
                outcome[action] = True
    assert {a for a, ok in outcome.items() if ok} == EXPECTED[role]
    assert _snapshot(office) == before


@pytest.mark.parametrize("action", sorted(UNIT_ACTIONS))
def test_unit_officer_only_on_tasks_of_its_bodies(office: ServiceContext, action: str) -> None:
    ctx = as_user(office, "lan")
    with ctx.sessions.begin() as session:
        other = task_of_body(session, "Sở Giáo dục và Đào tạo")
        with pytest.raises(PermissionDenied) as refused:
            require(ctx, session, action, other)
        assert refused.value.code == "perm.not_own_body"
        assert "Sở Y tế" in error_text(refused.value, "vi") and "Sở Giáo dục và Đào tạo" in error_text(refused.value, "vi")
        with pytest.raises(PermissionDenied):
            require(ctx, session, action, other.id)  # by id, the same answer
        require(ctx, session, action, task_of_body(session, "Sở Y tế").id)


def test_unit_bound_to_a_group_acts_for_its_members(office: ServiceContext) -> None:
    add_user(office, "hoa", "unit", bodies=["UBND các huyện, thị xã, thành phố"])
    ctx = as_user(office, "hoa")
    with ctx.sessions.begin() as session:
        require(ctx, session, "progress", task_of_body(session, "UBND huyện Hòa Thành"))
        with pytest.raises(PermissionDenied):
            require(ctx, session, "progress", task_of_body(session, "Sở Y tế"))


def test_allowed_actions_for_the_screens(office: ServiceContext) -> None:
    with office.sessions.begin() as session:
        own, other = task_of_body(session, "Sở Y tế"), task_of_body(session, "Sở Giáo dục và Đào tạo")
        assert allowed_actions(as_user(office, "lan"), session, own) == UNIT_ACTIONS
        assert allowed_actions(as_user(office, "lan"), session, other) == set()
        assert allowed_actions(as_user(office, "vy"), session, own) == set()
        assert allowed_actions(as_user(office, "chi"), session, other) == set(ACTIONS)


def test_inactive_user_is_refused(office: ServiceContext) -> None:
    with office.sessions.begin() as session:
        session.scalars(select(User).where(User.name == "chi")).one().active = False
    ctx = as_user(office, "chi")
    with ctx.sessions.begin() as session, pytest.raises(PermissionDenied) as refused:
        require(ctx, session, "confirm")
    assert refused.value.code == "perm.unknown_user"
    assert "tracker users add chi" in error_text(refused.value, "en")


def test_single_user_mode_allows_everything_as_office(ctx: ServiceContext) -> None:
    with ctx.sessions.begin() as session:
        populate(session)
    ctx = as_user(ctx, "whoever-logs-in")
    with ctx.sessions.begin() as session:
        task = task_of_body(session, "Sở Y tế")
        for action in sorted(ACTIONS):
            actor = require(ctx, session, action, task)
            assert actor.role == "office" and not actor.registered and actor.name == "whoever-logs-in"
        # nothing is written: the database stays in single-user mode
        assert session.scalar(select(func.count()).select_from(User)) == 0


def test_unknown_action_is_a_programming_error(ctx: ServiceContext) -> None:
    with ctx.sessions.begin() as session, pytest.raises(KeyError):
        require(ctx, session, "confrim")


def test_missing_task_is_not_found(office: ServiceContext) -> None:
    ctx = as_user(office, "lan")
    with ctx.sessions.begin() as session, pytest.raises(NotFoundError):
        require(ctx, session, "progress", 999_999)


def test_db_role_is_the_postgresql_role(ctx: ServiceContext) -> None:
    with ctx.sessions.begin() as session:
        role = db_role(session)
        if ctx.engine.dialect.name == "postgresql":
            assert role == ctx.engine.url.username
        else:
            assert role is None


def test_current_actor_of_a_stranger_is_none(office: ServiceContext) -> None:
    with office.sessions.begin() as session:
        assert current_actor(as_user(office, "mallory"), session) is None
        assert current_actor(as_user(office, " lan "), session) is not None  # trimmed like stored names


def _task_calls(task_id: int) -> dict[str, Callable[[ServiceContext], object]]:
    """Each action through the real service that performs it (tracker.services.tasks / bodies / users)."""
    from tracker.services import bodies, tasks

    later = date(2021, 8, 30)
    return {
        "progress": lambda c: tasks.progress(c, task_id, 60, "Đã triển khai"),
        "report_done": lambda c: tasks.report_done(c, task_id),
        "confirm": lambda c: tasks.confirm(c, task_id),
        "return": lambda c: tasks.return_task(c, task_id, "Thiếu số liệu"),
        "reopen": lambda c: tasks.reopen(c, task_id, "Chưa đạt"),
        "request_extension": lambda c: tasks.request_extension(c, task_id, later, "Chờ kinh phí"),
        "extend": lambda c: tasks.extend(c, task_id, later, "Đồng ý"),
        "reject_extension": lambda c: tasks.reject_extension(c, task_id, "Không đồng ý"),
        "urge": lambda c: tasks.urge(c, task_id, note="Đề nghị khẩn trương"),
        "note": lambda c: tasks.add_note(c, task_id, "Ghi chú"),
        "edit": lambda c: tasks.edit(c, task_id, deadline=later),
        "submit_occurrence": lambda c: tasks.submit_occurrence(c, task_id, date(2021, 7, 30)),
        "undo": lambda c: tasks.undo(c, task_id),
        "manage_bodies": lambda c: bodies.add_body(c, "Sở Du lịch"),
        "merge": lambda c: bodies.merge_bodies(c, "Sở Giáo dục và Đào tạo", "UBND huyện Hòa Thành"),
        "manage_users": lambda c: add_user(c, "eve", "viewer"),
    }


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_real_actions_follow_the_table_and_refusals_change_nothing(office: ServiceContext, role: str) -> None:
    """Every action through its service: refused ones raise PermissionDenied before writing;
    allowed ones get past the check (they may still break a lifecycle rule, e.g. confirming a task
    nobody reported done, which is not a permission matter)."""
    ctx = as_user(office, USERS[role])
    with office.sessions.begin() as session:
        task_id = task_of_body(session, "Sở Y tế").id
    calls = _task_calls(task_id)
    assert set(calls) == set(ACTIONS) - {"import"}  # import: tests/services of the importer
    passed: set[str] = set()
    for action, call in calls.items():
        before = _snapshot(office)
        try:
            call(ctx)
        except PermissionDenied:
            assert _snapshot(office) == before, action
            continue
        except TrackerError as err:  # a lifecycle rule, not a refusal by role
            assert err.code.startswith(("task.", "bodies.", "body.", "users.")), (action, err.code)
        passed.add(action)
    assert passed == EXPECTED[role] - {"import"}
