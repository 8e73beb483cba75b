"""Who may do what: one table of actions and roles, one check every writing service calls.

Rules (docs/office.md):

* **Single-user mode.** While the ``app_user`` table is empty every action is allowed and the
  acting user (settings ``--user``, default the login name) acts as office. Nothing is written
  to the users table by ordinary work; the first ``tracker users add`` records the acting user as
  the first office user (see ``tracker.services.users``).
* Once users exist, the acting user must be one of them (and active). ``office`` may do
  everything; ``unit`` may do the unit actions, and only on tasks of the bodies bound to it
  (a bound group body covers its members); ``viewer`` may do nothing that writes.
* Reading (lists, reports, history) is not checked: whoever can open the database may read it;
  on PostgreSQL the database's own roles are the gate.

A service calls ``require(ctx, session, "confirm", task)`` inside its transaction, before it
changes anything, so a refusal leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select, text
from sqlalchemy.orm import Session

from tracker.db.models import Body, BodyGroupMember, Task, User, UserBody
from tracker.domain.enums import UserRole
from tracker.domain.errors import NotFoundError, PermissionDenied
from tracker.domain.text import nfc
from tracker.i18n import t
from tracker.services.context import ServiceContext

_ALL = frozenset(UserRole)
_OFFICE = frozenset({UserRole.OFFICE})
_OFFICE_UNIT = frozenset({UserRole.OFFICE, UserRole.UNIT})

# action -> the roles that may do it. Data, not code: tests walk it role by role.
ACTIONS: dict[str, frozenset[UserRole]] = {
    # office only
    "import": _OFFICE,
    "confirm": _OFFICE,
    "return": _OFFICE,
    "extend": _OFFICE,
    "reject_extension": _OFFICE,
    "edit": _OFFICE,
    "urge": _OFFICE,
    "reopen": _OFFICE,
    "merge": _OFFICE,
    "manage_bodies": _OFFICE,
    "manage_users": _OFFICE,
    # a unit officer on its own bodies' tasks, and the office on any task
    "progress": _OFFICE_UNIT,
    "report_done": _OFFICE_UNIT,
    "request_extension": _OFFICE_UNIT,
    "note": _OFFICE_UNIT,
    "submit_occurrence": _OFFICE_UNIT,
    "undo": _OFFICE_UNIT,
}

# Actions a unit officer may do only on tasks of its bodies (all of its actions are such).
UNIT_SCOPED: frozenset[str] = frozenset(a for a, roles in ACTIONS.items() if UserRole.UNIT in roles)


@dataclass(frozen=True)
class Actor:
    """The acting user as the permission check sees them."""

    name: str
    role: UserRole
    body_ids: frozenset[int]  # bound bodies plus the members of bound group bodies
    registered: bool  # False in single-user mode (no users yet)


def user_name(ctx: ServiceContext) -> str:
    """The acting user's name as stored (NFC, trimmed)."""
    return nfc(ctx.user).strip()


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(User.id.is_not(None)))))


def body_scope(session: Session, body_ids: set[int] | frozenset[int]) -> frozenset[int]:
    """``body_ids`` plus the members of those that are groups."""
    if not body_ids:
        return frozenset()
    members = session.scalars(
        select(BodyGroupMember.member_id).where(BodyGroupMember.group_id.in_(body_ids))
    ).all()
    return frozenset(body_ids) | frozenset(members)


def current_actor(ctx: ServiceContext, session: Session) -> Actor | None:
    """The acting user; ``None`` when users exist and this one is not among them (or inactive)."""
    name = user_name(ctx)
    if not has_users(session):
        return Actor(name=name, role=UserRole.OFFICE, body_ids=frozenset(), registered=False)
    user = session.scalar(select(User).where(User.name == name))
    if user is None or not user.active:
        return None
    bound = set(session.scalars(select(UserBody.body_id).where(UserBody.user_id == user.id)).all())
    return Actor(name=user.name, role=UserRole(user.role), body_ids=body_scope(session, bound),
                 registered=True)


def _task_body_id(session: Session, task: Task | int) -> tuple[int, int]:
    if isinstance(task, Task):
        return task.id, task.body_id
    body_id = session.scalar(select(Task.body_id).where(Task.id == task))
    if body_id is None:
        raise NotFoundError("perm.task_not_found", task=task)
    return task, body_id


def _refusal(ctx: ServiceContext, session: Session, actor: Actor | None, action: str,
             task: Task | int | None) -> PermissionDenied | None:
    action_label = t(f"perm.action.{action}")
    if actor is None:
        return PermissionDenied("perm.unknown_user", user=user_name(ctx), action=action_label)
    if actor.role not in ACTIONS[action]:
        return PermissionDenied("perm.denied", user=actor.name, role=t(f"user_role.{actor.role}"),
                                action=action_label)
    if actor.role == UserRole.UNIT and action in UNIT_SCOPED and task is not None:
        task_id, body_id = _task_body_id(session, task)
        if body_id not in actor.body_ids:
            names = session.scalars(
                select(Body.name).where(Body.id.in_(actor.body_ids)).order_by(Body.name)
            ).all()
            return PermissionDenied(
                "perm.not_own_body", user=actor.name, action=action_label, task=task_id,
                body=session.scalar(select(Body.name).where(Body.id == body_id)) or "?",
                bodies=", ".join(names) or t("perm.no_bodies"),
            )
    return None


def require(ctx: ServiceContext, session: Session, action: str, task: Task | int | None = None) -> Actor:
    """The acting user, if they may do ``action`` (on ``task``); else ``PermissionDenied``.

    ``task`` is a ``Task`` or its id. A unit officer's action without a task passes on the role
    alone (to show what a screen may offer); a service acting on a task must pass the task.
    An unknown ``action`` is a programming error (``KeyError``)."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}; known: {sorted(ACTIONS)}")
    actor = current_actor(ctx, session)
    refusal = _refusal(ctx, session, actor, action, task)
    if refusal is not None:
        raise refusal
    assert actor is not None
    return actor


def allowed(ctx: ServiceContext, session: Session, action: str, task: Task | int | None = None) -> bool:
    """Whether ``require`` would pass (for menus and buttons)."""
    if action not in ACTIONS:
        raise KeyError(action)
    return _refusal(ctx, session, current_actor(ctx, session), action, task) is None


def allowed_actions(ctx: ServiceContext, session: Session, task: Task | int | None = None) -> frozenset[str]:
    """Every action the acting user may do (on ``task``)."""
    actor = current_actor(ctx, session)
    return frozenset(a for a in ACTIONS if _refusal(ctx, session, actor, a, task) is None)


def db_role(session: Session) -> str | None:
    """The database role of this connection on PostgreSQL (``current_user``); None on SQLite.

    Event writers store it in ``TaskEvent.db_role`` next to ``by_user``."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    value = session.execute(text("SELECT current_user")).scalar()
    return str(value) if value is not None else None
