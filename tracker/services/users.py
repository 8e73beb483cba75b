"""Users, their roles and the bodies a unit officer acts for.

The first user: while the users table is empty the database is in single-user mode (everything
allowed, see ``tracker.services.permissions``). The first ``add_user`` records the *acting* user
as office before anything else, so whoever sets up roles keeps the right to manage them; when the
acting user is the one being added, they are recorded as office whatever role was asked.
Afterwards only an office user may add users, change roles or bind bodies, and the last active
office user cannot lose the office role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tracker.db.models import Body, BodyAlias, User, UserBody
from tracker.domain.enums import UserRole
from tracker.domain.errors import InputError, NotFoundError, RuleViolation
from tracker.domain.text import fold, match_key, nfc
from tracker.services.context import ServiceContext
from tracker.services.permissions import has_users, require, user_name

MAX_NAME = 200


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str  # UserRole value
    active: bool
    bodies: tuple[str, ...]  # names of the bound bodies, sorted
    created_at: datetime


@dataclass(frozen=True)
class AddedUser:
    user: UserInfo
    first_office: str | None  # the acting user, when this call recorded them as the first office


def parse_role(role: str | UserRole) -> UserRole:
    try:
        return UserRole(str(role).strip().lower())
    except ValueError:
        raise InputError("users.bad_role", role=str(role)) from None


def clean_name(name: str) -> str:
    cleaned = nfc(name or "").strip()
    if not cleaned or len(cleaned) > MAX_NAME or any(ch in cleaned for ch in "\r\n\t\x00"):
        raise InputError("users.bad_name", name=(name or "")[:60])
    return cleaned


def find_body(session: Session, text: str) -> Body | None:
    """A body by its name or an alias (same rules as the importer's matching), else by its
    diacritic-free form when that is unambiguous, else by ``#id``."""
    text = nfc(text or "").strip()
    if not text:
        return None
    if text.startswith("#") and text[1:].isdigit():
        return session.get(Body, int(text[1:]))
    key = match_key(text)
    body = session.scalar(select(Body).where(Body.name_key == key))
    if body is not None:
        return body
    body = session.scalar(select(Body).join(BodyAlias, BodyAlias.body_id == Body.id)
                          .where(BodyAlias.alias_key == key))
    if body is not None:
        return body
    folded = session.scalars(select(Body).where(Body.search_key == fold(text)).limit(2)).all()
    return folded[0] if len(folded) == 1 else None


def resolve_bodies(session: Session, names: Iterable[str]) -> list[Body]:
    found: dict[int, Body] = {}
    for name in names:
        body = find_body(session, name)
        if body is None:
            raise NotFoundError("users.body_not_found", body=str(name)[:200])
        found[body.id] = body
    return list(found.values())


def _info(session: Session, user: User) -> UserInfo:
    names = session.scalars(
        select(Body.name).join(UserBody, UserBody.body_id == Body.id)
        .where(UserBody.user_id == user.id).order_by(Body.name)
    ).all()
    return UserInfo(name=user.name, role=user.role, active=user.active, bodies=tuple(names),
                    created_at=user.created_at)


def _get(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == clean_name(name)))
    if user is None:
        raise NotFoundError("users.not_found", name=name)
    return user


def _set_bodies(session: Session, user: User, bodies: list[Body]) -> None:
    session.execute(delete(UserBody).where(UserBody.user_id == user.id))
    session.add_all(UserBody(user_id=user.id, body_id=body.id) for body in bodies)
    session.flush()


def add_user(ctx: ServiceContext, name: str, role: str | UserRole,
             bodies: Iterable[str] = ()) -> AddedUser:
    """Add a user with ``role`` bound to ``bodies`` (names or aliases; required for a unit)."""
    name = clean_name(name)
    wanted = parse_role(role)
    body_names = list(bodies)
    with ctx.sessions.begin() as session:
        first_office: str | None = None
        if not has_users(session):
            acting = clean_name(user_name(ctx))
            first_office = acting
            if acting != name:
                session.add(User(name=acting, role=UserRole.OFFICE, active=True, created_at=ctx.now()))
            else:
                wanted = UserRole.OFFICE
        else:
            require(ctx, session, "manage_users")
        if session.scalar(select(User.id).where(User.name == name)) is not None:
            raise InputError("users.exists", name=name)
        bound = resolve_bodies(session, body_names)
        if wanted == UserRole.UNIT and not bound:
            raise InputError("users.unit_needs_body", name=name)
        user = User(name=name, role=wanted, active=True, created_at=ctx.now())
        session.add(user)
        session.flush()
        _set_bodies(session, user, bound)
        return AddedUser(user=_info(session, user), first_office=first_office)


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    with ctx.sessions.begin() as session:
        users = session.scalars(select(User).order_by(User.name)).all()
        return [_info(session, user) for user in users]


def set_role(ctx: ServiceContext, name: str, role: str | UserRole,
             bodies: Iterable[str] | None = None) -> UserInfo:
    """Change ``name``'s role (and, when given, the bodies they act for)."""
    wanted = parse_role(role)
    with ctx.sessions.begin() as session:
        require(ctx, session, "manage_users")
        user = _get(session, name)
        if user.role == UserRole.OFFICE and wanted != UserRole.OFFICE:
            offices = session.scalar(select(func.count()).select_from(User).where(
                User.role == UserRole.OFFICE, User.active.is_(True), User.id != user.id))
            if not offices:
                raise RuleViolation("users.last_office", name=user.name)
        if bodies is not None:
            _set_bodies(session, user, resolve_bodies(session, bodies))
        if wanted == UserRole.UNIT and not session.scalar(
                select(func.count()).select_from(UserBody).where(UserBody.user_id == user.id)):
            raise InputError("users.unit_needs_body", name=user.name)
        user.role = wanted
        session.flush()
        return _info(session, user)


def bind_bodies(ctx: ServiceContext, name: str, bodies: Iterable[str]) -> UserInfo:
    """Replace the bodies ``name`` acts for."""
    body_names = list(bodies)
    with ctx.sessions.begin() as session:
        require(ctx, session, "manage_users")
        user = _get(session, name)
        bound = resolve_bodies(session, body_names)
        if user.role == UserRole.UNIT and not bound:
            raise InputError("users.unit_needs_body", name=user.name)
        _set_bodies(session, user, bound)
        return _info(session, user)
