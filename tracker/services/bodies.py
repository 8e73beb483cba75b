"""The body directory: list, add, alias, rename, merge, groups, fuzzy find, and the first seeding
from the parser's directory data (tracker/parsing/rules).

Every body reference (``BodyRef``) is an id or a name/alias as the clerk types it: tones,
case, punctuation and known abbreviations do not matter ("so y te" does not match - that is what
``find_bodies`` is for - but "Sở Y Tế" and "Sở Y tế" do).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from tracker.db.models import Body, BodyAlias, BodyGroupMember, Directive, Item, Task, TaskEvent, UserBody
from tracker.domain.enums import BodyKind, EventKind, TaskRole, TaskState
from tracker.domain.errors import InputError, NotFoundError
from tracker.domain.text import fold, match_key, nfc
from tracker.services.body_index import BodyIndex, expand_abbreviations, guess_kind, name_keys
from tracker.services.context import ServiceContext
from tracker.services.directory_views import BodyInfo, BodyMatch, MergeResult

BodyRef = int | str
MAX_NAME = 300
_STATE_ORDER = {s.value: i for i, s in enumerate(TaskState)}


# --- looking bodies up -------------------------------------------------------------------------

def _clean_name(name: str) -> str:
    cleaned = " ".join(nfc(name).split())
    if not cleaned:
        raise InputError("bodies.empty_name")
    if len(cleaned) > MAX_NAME:
        raise InputError("bodies.name_too_long", size=len(cleaned), max=MAX_NAME)
    return cleaned


def _key_owner(session: Session, name: str) -> Body | None:
    """The active body whose name or alias ``name`` is: the name as written first, then its
    expanded form ("Sở TT&TT" is the body of that name if there is one, else "Sở Thông tin và
    Truyền thông")."""
    for key in name_keys(name):
        body = session.scalars(select(Body).where(Body.name_key == key, Body.active.is_(True))).first()
        if body is None:
            body = session.scalars(
                select(Body).join(BodyAlias, BodyAlias.body_id == Body.id)
                .where(BodyAlias.alias_key == key, Body.active.is_(True))
            ).first()
        if body is not None:
            return body
    return None


def resolve_body(session: Session, ref: BodyRef) -> Body:
    """The body ``ref`` names (an id, or a name or alias); NotFoundError with close names."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        body = session.get(Body, int(ref))
        if body is not None and body.active:
            return body
        raise NotFoundError("bodies.not_found_id", id=str(ref))
    body = _key_owner(session, ref)
    if body is not None:
        return body
    close = [m.name for m in _fuzzy(session, ref, 3)]
    raise NotFoundError("bodies.not_found", name=ref, suggestions=", ".join(close) or "-")


def _require(ctx: ServiceContext, session: Session, action: str) -> None:
    try:
        from tracker.services.permissions import require
    except ImportError:
        return
    require(ctx, session, action)


def _info(session: Session, body: Body) -> BodyInfo:
    aliases = tuple(session.scalars(select(BodyAlias.alias).where(BodyAlias.body_id == body.id)
                                    .order_by(BodyAlias.alias)))
    members = tuple(session.scalars(
        select(Body.name).join(BodyGroupMember, BodyGroupMember.member_id == Body.id)
        .where(BodyGroupMember.group_id == body.id).order_by(Body.name)))
    count = session.scalar(select(func.count()).select_from(Task).where(Task.body_id == body.id,
                                                                         Task.active.is_(True))) or 0
    return BodyInfo(body.id, body.name, body.kind, aliases, members, body.is_group, body.is_new,
                    body.active, int(count))


def get_body(ctx: ServiceContext, ref: BodyRef) -> BodyInfo:
    with ctx.sessions() as session:
        return _info(session, resolve_body(session, ref))


def list_bodies(ctx: ServiceContext, *, only_new: bool = False, include_inactive: bool = False) -> list[BodyInfo]:
    """The directory sorted by name, each body with its aliases, members and active task count.
    The directory is seeded from the parser's data the first time it is used."""
    with ctx.sessions.begin() as session:
        seed_directory(session, now=ctx.now())
    with ctx.sessions() as session:
        query = select(Body)
        if only_new:
            query = query.where(Body.is_new.is_(True))
        if not include_inactive:
            query = query.where(Body.active.is_(True))
        bodies = session.scalars(query).all()
        aliases: dict[int, list[str]] = {}
        for body_id, alias in session.execute(select(BodyAlias.body_id, BodyAlias.alias)):
            aliases.setdefault(body_id, []).append(alias)
        names = dict(session.execute(select(Body.id, Body.name)).all())
        members: dict[int, list[str]] = {}
        for group_id, member_id in session.execute(select(BodyGroupMember.group_id, BodyGroupMember.member_id)):
            members.setdefault(group_id, []).append(names.get(member_id, "?"))
        counts = dict(session.execute(
            select(Task.body_id, func.count()).where(Task.active.is_(True)).group_by(Task.body_id)
        ).all())
        out = [BodyInfo(b.id, b.name, b.kind, tuple(sorted(aliases.get(b.id, []))),
                        tuple(sorted(members.get(b.id, []))), b.is_group, b.is_new, b.active,
                        int(counts.get(b.id, 0))) for b in bodies]
    out.sort(key=lambda info: (fold(info.name), info.id))
    return out


def _fuzzy(session: Session, text: str, limit: int) -> list[BodyMatch]:
    from rapidfuzz import fuzz, process

    # A clerk types abbreviations in any case ("ubnd", "so tt&tt"): expand them as written and
    # upper-cased, and match every reading.
    queries = list(dict.fromkeys(q for q in (fold(expand_abbreviations(text)),
                                             fold(expand_abbreviations(text.upper())), fold(text)) if q))
    labels: list[tuple[int, str, str]] = []  # (body id, body name, label)
    names: dict[int, str] = {}
    for body_id, name in session.execute(select(Body.id, Body.name).where(Body.active.is_(True))):
        names[body_id] = name
        labels.append((body_id, name, name))
    for body_id, alias in session.execute(select(BodyAlias.body_id, BodyAlias.alias)):
        if body_id in names:
            labels.append((body_id, names[body_id], alias))
    if not labels:
        return []
    if not queries:
        return [BodyMatch(i, n, n, 0.0) for i, n in sorted(names.items(), key=lambda p: fold(p[1]))[:limit]]
    folded = [fold(label) for _, _, label in labels]
    best: dict[int, BodyMatch] = {}
    for query in queries:
        for _choice, score, position in process.extract(query, folded, scorer=fuzz.WRatio,
                                                        limit=max(limit * 4, 20)):
            body_id, name, label = labels[position]
            key = folded[position]
            if key.startswith(query):
                score = max(score, 100.0)
            elif query in key:
                score = max(score, 95.0)
            current = best.get(body_id)
            if current is None or score > current.score:
                best[body_id] = BodyMatch(body_id, name, label, float(score))
    ranked = sorted(best.values(), key=lambda m: (-m.score, fold(m.name)))
    return [m for m in ranked if m.score >= 50][:limit]


def find_bodies(ctx: ServiceContext, text: str, limit: int = 10) -> list[BodyMatch]:
    """Bodies whose name or alias is close to ``text`` (diacritics and case ignored, typos
    forgiven), best first: for completion in the terminal UI."""
    with ctx.sessions() as session:
        return _fuzzy(session, text, limit)


# --- changing the directory --------------------------------------------------------------------

def _ensure_free(session: Session, name: str, *, allow: int | None = None) -> None:
    owner = _key_owner(session, name)
    if owner is not None and owner.id != allow:
        raise InputError("bodies.exists", name=name, body=owner.name)


def _new_body(session: Session, name: str, kind: str | None, now: datetime, *, is_new: bool = False) -> Body:
    kind_value = kind or guess_kind(name)
    if kind_value not in BodyKind.__members__.values():
        raise InputError("bodies.bad_kind", kind=kind_value, kinds=", ".join(k.value for k in BodyKind))
    body = Body(name=name, name_key=match_key(name), search_key=fold(name), kind=kind_value,
                is_group=False, active=True, is_new=is_new, created_at=now)
    session.add(body)
    session.flush()
    return body


def add_body(ctx: ServiceContext, name: str, kind: str | None = None, aliases: Sequence[str] = ()) -> BodyInfo:
    """Add a body to the directory (refused when the name or an alias is already taken)."""
    name = _clean_name(name)
    with ctx.sessions.begin() as session:
        _require(ctx, session, "manage_bodies")
        seed_directory(session, now=ctx.now())
        _ensure_free(session, name)
        body = _new_body(session, name, kind, ctx.now())
        for alias in aliases:
            _add_alias(session, body, alias)
        return _info(session, body)


def _add_alias(session: Session, body: Body, alias: str) -> bool:
    """Record ``alias`` for ``body``; False when it already designates that body."""
    alias = _clean_name(alias)
    owner = _key_owner(session, alias)
    if owner is not None:
        if owner.id == body.id:
            return False
        raise InputError("bodies.alias_taken", alias=alias, body=owner.name)
    key = match_key(alias)
    if session.scalar(select(func.count()).select_from(BodyAlias).where(BodyAlias.alias_key == key)):
        # the alias of an inactive (merged) body: hand it over
        session.execute(update(BodyAlias).where(BodyAlias.alias_key == key).values(body_id=body.id, alias=alias))
    else:
        session.add(BodyAlias(body_id=body.id, alias=alias, alias_key=key))
    session.flush()
    return True


def add_alias(ctx: ServiceContext, body: BodyRef, alias: str) -> BodyInfo:
    with ctx.sessions.begin() as session:
        _require(ctx, session, "manage_bodies")
        target = resolve_body(session, body)
        _add_alias(session, target, alias)
        return _info(session, target)


def _task_event(session: Session, ctx: ServiceContext, task_id: int, kind: EventKind, *,
                old: dict[str, Any] | None, new: dict[str, Any] | None, note: str | None) -> None:
    db_role = None
    if session.get_bind().dialect.name == "postgresql":
        db_role = session.scalar(select(func.current_user()))
    session.execute(insert(TaskEvent), [{
        "task_id": task_id, "at": ctx.now(), "on_date": ctx.today(), "by_user": ctx.user,
        "db_role": db_role, "kind": kind.value, "percent": None, "note": note, "old": old, "new": new,
        "undoes_event_id": None,
    }])


def _refresh_search_text(session: Session, task_ids: Sequence[int]) -> None:
    """search_text = fold(number, ref, body name, item text) for these tasks."""
    if not task_ids:
        return
    rows = session.execute(
        select(Task.id, Directive.number, Item.ref, Body.name, Item.text)
        .join(Item, Item.id == Task.item_id).join(Directive, Directive.id == Task.directive_id)
        .join(Body, Body.id == Task.body_id).where(Task.id.in_(task_ids))
    ).all()
    tasks = cast(Table, Task.__table__)
    session.connection().execute(
        update(tasks).where(tasks.c.id == _bind("_id")).values(search_text=_bind("_text")),
        [{"_id": r[0], "_text": fold(f"{r[1] or ''} {r[2] or ''} {r[3]} {r[4]}")} for r in rows],
    )


def _bind(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)


def rename_body(ctx: ServiceContext, body: BodyRef, new_name: str, *, keep_alias: bool = True) -> BodyInfo:
    """Give a body a new name; the old one stays as an alias (so later imports still match)."""
    new_name = _clean_name(new_name)
    with ctx.sessions.begin() as session:
        _require(ctx, session, "manage_bodies")
        target = resolve_body(session, body)
        _ensure_free(session, new_name, allow=target.id)
        old_name = target.name
        # the new name may have been an alias of this body: it is its name now
        session.execute(delete(BodyAlias).where(BodyAlias.body_id == target.id,
                                                BodyAlias.alias_key == match_key(new_name)))
        target.name, target.name_key, target.search_key = new_name, match_key(new_name), fold(new_name)
        session.flush()
        if keep_alias and match_key(old_name) != target.name_key:
            _add_alias(session, target, old_name)
        task_ids = session.scalars(select(Task.id).where(Task.body_id == target.id)).all()
        _refresh_search_text(session, task_ids)
        return _info(session, target)


def mark_reviewed(ctx: ServiceContext, bodies: Iterable[BodyRef], *, kind: str | None = None) -> int:
    """The clerk has looked at these new bodies (they leave the ``--new`` list); optionally set
    their kind. Returns how many changed."""
    changed = 0
    with ctx.sessions.begin() as session:
        _require(ctx, session, "manage_bodies")
        for ref in bodies:
            target = resolve_body(session, ref)
            if kind is not None:
                if kind not in BodyKind.__members__.values():
                    raise InputError("bodies.bad_kind", kind=kind, kinds=", ".join(k.value for k in BodyKind))
                target.kind = kind
            if target.is_new or kind is not None:
                target.is_new = False
                changed += 1
    return changed


def define_group(ctx: ServiceContext, group: BodyRef, members: Sequence[BodyRef], *,
                 replace: bool = True, kind: str | None = None) -> BodyInfo:
    """Make ``group`` a group of ``members`` (each must be in the directory); a group name not yet
    in the directory is added. Later imports give each member its own task."""
    with ctx.sessions.begin() as session:
        _require(ctx, session, "manage_bodies")
        seed_directory(session, now=ctx.now())
        try:
            target = resolve_body(session, group)
        except NotFoundError:
            if isinstance(group, int) or str(group).strip().isdigit():
                raise
            target = _new_body(session, _clean_name(str(group)), kind, ctx.now())
        member_bodies = [resolve_body(session, m) for m in members]
        if not member_bodies:
            raise InputError("bodies.group_empty", group=target.name)
        member_ids = {m.id for m in member_bodies}
        if target.id in member_ids:
            raise InputError("bodies.group_self", group=target.name)
        index = BodyIndex.load(session)
        for member in member_bodies:
            if target.id in index.expand(member.id) and member.is_group:
                raise InputError("bodies.group_cycle", group=target.name, member=member.name)
        if replace:
            session.execute(delete(BodyGroupMember).where(BodyGroupMember.group_id == target.id))
            existing: set[int] = set()
        else:
            existing = set(session.scalars(select(BodyGroupMember.member_id)
                                           .where(BodyGroupMember.group_id == target.id)))
        for member_id in sorted(member_ids - existing):
            session.add(BodyGroupMember(group_id=target.id, member_id=member_id))
        target.is_group = True
        session.flush()
        return _info(session, target)


def _more_advanced(a: str, b: str) -> str:
    return a if _STATE_ORDER.get(a, 0) >= _STATE_ORDER.get(b, 0) else b


def merge_bodies(ctx: ServiceContext, keep: BodyRef, absorb: BodyRef) -> MergeResult:
    """Merge ``absorb`` into ``keep``: its tasks move to ``keep``, its name and aliases become
    aliases of ``keep``, its group memberships and users follow. Where both bodies already have a
    task for the same item, the kept task takes the stronger role, the further state and progress,
    and the absorbed task is closed (inactive); both get a ``merged`` event."""
    with ctx.sessions.begin() as session:
        _require(ctx, session, "merge")
        kept = resolve_body(session, keep)
        gone = resolve_body(session, absorb)
        if kept.id == gone.id:
            raise InputError("bodies.merge_same", name=kept.name)
        now = ctx.now()
        absorbed_name = gone.name
        gone_tasks = session.scalars(select(Task).where(Task.body_id == gone.id)).all()
        kept_by_item = {task.item_id: task for task in session.scalars(
            select(Task).where(Task.body_id == kept.id, Task.item_id.in_([t.item_id for t in gone_tasks]))
        )} if gone_tasks else {}
        moved: list[int] = []
        merged = 0
        for task in gone_tasks:
            other = kept_by_item.get(task.item_id)
            if other is None:
                task.body_id = kept.id
                task.updated_at = now
                moved.append(task.id)
                session.flush()
                _task_event(session, ctx, task.id, EventKind.MERGED,
                            old={"body_id": gone.id, "body": absorbed_name},
                            new={"body_id": kept.id, "body": kept.name}, note=None)
                continue
            merged += 1
            before = _task_snapshot(other)
            _fold_task(other, task, now)
            session.flush()
            _task_event(session, ctx, other.id, EventKind.MERGED, old=before, new=_task_snapshot(other),
                        note=f"#{task.id} ({absorbed_name})")
            if task.active:
                task.active = False
                task.updated_at = now
                session.flush()
            _task_event(session, ctx, task.id, EventKind.MERGED, old={"active": True, "body": absorbed_name},
                        new={"active": False, "merged_into": other.id, "body": kept.name}, note=None)
        _refresh_search_text(session, moved)
        _move_directory_links(session, kept, gone)
        remaining = session.scalar(select(func.count()).select_from(Task).where(Task.body_id == gone.id))
        gone_key = gone.name_key
        if remaining:
            gone.active = False
            gone.name_key = f"~{gone.id} {gone_key}"[:300]  # frees the key; kept for the history
        else:
            session.delete(gone)
        session.flush()
        if match_key(absorbed_name) != kept.name_key:
            _add_alias(session, kept, absorbed_name)
        if gone.is_group:
            kept.is_group = True
        session.flush()
        return MergeResult(_info(session, kept), absorbed_name, len(moved), merged)


def _task_snapshot(task: Task) -> dict[str, Any]:
    """The task facts a merge may change, as JSON (the names of tracker.domain.lifecycle)."""
    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {"role": task.role, "state": task.state, "progress": task.progress,
            "original_deadline": iso(task.original_deadline), "current_deadline": iso(task.current_deadline),
            "completed_on": iso(task.completed_on), "pending_extension": iso(task.pending_extension),
            "recurrence": task.recurrence, "urgency": task.urgency, "active": task.active}


def _fold_task(kept: Task, absorbed: Task, now: datetime) -> None:
    if absorbed.role == TaskRole.LEAD.value:
        kept.role = TaskRole.LEAD.value
    state = _more_advanced(kept.state, absorbed.state)
    if state != kept.state:
        kept.state = state
        kept.completed_on = absorbed.completed_on
    kept.progress = max(kept.progress, absorbed.progress)
    if kept.current_deadline is None and absorbed.current_deadline is not None:
        kept.current_deadline = absorbed.current_deadline
        kept.original_deadline = kept.original_deadline or absorbed.original_deadline
    if kept.pending_extension is None:
        kept.pending_extension = absorbed.pending_extension
    kept.recurrence = kept.recurrence or absorbed.recurrence
    kept.urgency = kept.urgency or absorbed.urgency
    kept.active = kept.active or absorbed.active
    kept.updated_at = now


def _move_directory_links(session: Session, kept: Body, gone: Body) -> None:
    session.execute(update(BodyAlias).where(BodyAlias.body_id == gone.id).values(body_id=kept.id))
    for table, own, other in ((BodyGroupMember, "member_id", "group_id"), (BodyGroupMember, "group_id", "member_id"),
                              (UserBody, "body_id", "user_id")):
        own_col, other_col = getattr(table, own), getattr(table, other)
        rows = session.scalars(select(other_col).where(own_col == gone.id)).all()
        have = set(session.scalars(select(other_col).where(own_col == kept.id)))
        session.execute(delete(table).where(own_col == gone.id))
        for value in rows:
            if value not in have and value != kept.id:
                session.execute(insert(table), [{own: kept.id, other: value}])
    session.execute(update(Body).where(Body.parent_id == gone.id).values(parent_id=kept.id))
    session.flush()


# --- the directory data of the parser ----------------------------------------------------------

@dataclass(frozen=True)
class SeedBody:
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a group's members (names in the same data)
    extra: dict[str, Any] = field(default_factory=dict)


def directory_data() -> list[SeedBody]:
    """The body directory shipped with the parser (tracker/parsing/rules), as seed entries."""
    try:
        from tracker.parsing.rules import body_directory  # type: ignore[attr-defined]
    except ImportError:
        return []
    entries = body_directory() if callable(body_directory) else body_directory
    out: list[SeedBody] = []
    for entry in entries:
        get = entry.get if isinstance(entry, dict) else (lambda k, d=None, e=entry: getattr(e, k, d))
        name = get("name")
        if not name:
            continue
        kind = get("kind", "other") or "other"
        out.append(SeedBody(str(name), str(getattr(kind, "value", kind)),
                            tuple(get("aliases", ()) or ()), tuple(get("members", ()) or ())))
    return out


def seed_directory(session: Session, entries: Sequence[SeedBody] | None = None, *,
                   now: datetime | None = None) -> int:
    """Load the directory data into an empty body table (first use). Returns bodies added."""
    if session.scalar(select(func.count()).select_from(Body)):
        return 0
    entries = directory_data() if entries is None else entries
    if not entries:
        return 0
    now = now or _seed_timestamp(session)
    taken: dict[str, int] = {}
    ids: dict[str, int] = {}
    for entry in entries:
        name = " ".join(nfc(entry.name).split())[:MAX_NAME]
        key = match_key(name)
        if not key or key in taken:
            continue
        kind = entry.kind if entry.kind in BodyKind.__members__.values() else "other"
        body_id = session.execute(insert(Body).returning(Body.id), [{
            "name": name, "name_key": key, "search_key": fold(name), "kind": kind,
            "is_group": bool(entry.members), "active": True, "is_new": False, "created_at": now,
        }]).scalar_one()
        taken[key] = body_id
        ids[key] = body_id
    alias_rows = []
    for entry in entries:
        owner = ids.get(match_key(" ".join(nfc(entry.name).split())[:MAX_NAME]))
        if owner is None:
            continue
        for alias in entry.aliases:
            alias = " ".join(nfc(alias).split())[:MAX_NAME]
            for key in {match_key(alias), match_key(expand_abbreviations(alias))}:
                if key and key not in taken:
                    taken[key] = owner
                    alias_rows.append({"body_id": owner, "alias": alias, "alias_key": key})
    if alias_rows:
        session.execute(insert(BodyAlias), alias_rows)
    member_rows = []
    for entry in entries:
        group = ids.get(match_key(entry.name))
        for member in entry.members:
            member_id = taken.get(match_key(member))
            if group is not None and member_id is not None and member_id != group:
                member_rows.append({"group_id": group, "member_id": member_id})
    if member_rows:
        unique = {(r["group_id"], r["member_id"]): r for r in member_rows}
        session.execute(insert(BodyGroupMember), list(unique.values()))
    session.flush()
    return len(ids)


def _seed_timestamp(session: Session) -> datetime:
    """Seeding is not a user action; it is stamped with the database's clock."""
    value = session.scalar(select(func.current_timestamp()))
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    if value is None:
        raise RuntimeError("the database gave no timestamp")
    return value.replace(tzinfo=None)  # type: ignore[no-any-return]


def directory_seed_index() -> BodyIndex:
    """The directory data in memory with negative ids (nothing stored): a preview on an empty
    database matches bodies as the import will."""
    index = BodyIndex()
    by_key: dict[str, int] = {}
    for number, entry in enumerate(directory_data(), start=1):
        key = match_key(entry.name)
        if key in by_key:
            continue
        by_key[key] = -number
        index.register(-number, entry.name, name_keys(entry.name), is_group=bool(entry.members))
        for alias in entry.aliases:
            for alias_key in name_keys(alias):
                index.keys.setdefault(alias_key, -number)
    for number, entry in enumerate(directory_data(), start=1):
        members = [by_key[match_key(m)] for m in entry.members if match_key(m) in by_key]
        if members and by_key.get(match_key(entry.name)) == -number:
            index.members[-number] = members
    return index
