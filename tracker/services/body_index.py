"""The body directory held in memory while importing: every name and alias key of an active body
maps to its id, groups map to their members. Loaded with three SELECTs, so matching a body is a
dictionary look-up and an import issues no query per body."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tracker.db.models import Body, BodyAlias, BodyGroupMember
from tracker.domain.text import fold, match_key, nfc, strip_diacritics

# Filled from the parser's rules when they provide an expansion of abbreviations ("UBND" ->
# "Ủy ban nhân dân"); identity until then.
_expander: Callable[[str], str] | None = None


def expand_abbreviations(name: str) -> str:
    global _expander
    if _expander is None:
        _expander = _load_expander()
    return _expander(name)


def _load_expander() -> Callable[[str], str]:
    try:
        from tracker.parsing.bodies import expand_abbreviations as parser_expand  # type: ignore[attr-defined]
    except ImportError:
        return lambda text: text
    return parser_expand  # type: ignore[no-any-return]


class _FoldTable(dict[int, str]):
    """str.translate table: each character to itself without diacritics (filled as met)."""

    def __missing__(self, code: int) -> str:
        value = strip_diacritics(chr(code))
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fast_fold(text: str) -> str:
    """Exactly tracker.domain.text.fold, several times faster on long texts (a cached
    per-character table instead of decomposing the whole text): the importer folds every item."""
    return " ".join(nfc(text).translate(_FOLD_TABLE).lower().split())


def name_keys(name: str) -> list[str]:
    """The keys a written name can match: as written and with abbreviations expanded."""
    return list(_name_keys(name))


@functools.lru_cache(maxsize=65536)
def _name_keys(name: str) -> tuple[str, ...]:
    keys = [match_key(name)]
    expanded = match_key(expand_abbreviations(name))
    if expanded not in keys:
        keys.append(expanded)
    return tuple(k for k in keys if k)


def guess_kind(name: str) -> str:
    """A first guess of a new body's kind from its name (the clerk can correct it)."""
    key = fold(expand_abbreviations(name))
    rules = (
        (("cong an", "quan su", "bien phong", "bo chi huy", "quan doi"), "armed"),
        (("ban chi dao",), "committee"),
        (("mat tran", "doan thanh nien", "hoi lien hiep", "hoi nong dan", "hoi cuu chien binh",
          "lien doan lao dong", "doan the"), "mass_org"),
        (("dang uy", "tinh uy", "huyen uy", "thanh uy", "ban can su", "dang doan", "ban tuyen giao",
          "ban to chuc", "ban dan van", "ban noi chinh", "uy ban kiem tra", "cap uy"), "party"),
        (("bao ", "dai phat thanh", "truyen hinh"), "media"),
        (("bi thu", "chu tich", "giam doc", "nguoi dung dau", "truong ban", "dong chi"), "person"),
        (("huyen", "xa ", "phuong", "thi tran"), "local"),
        (("uy ban nhan dan", "so ", "ban quan ly", "chi cuc", "cuc ", "kho bac", "ngan hang"),
         "government"),
    )
    padded = f" {key} "
    for needles, kind in rules:
        if any(f" {needle.strip()} " in padded or padded.startswith(f" {needle}") for needle in needles):
            return kind
    return "other"


@dataclass
class IndexedBody:
    id: int
    name: str
    is_group: bool
    search_name: str  # fold(name), cached for the tasks' search text


class BodyIndex:
    """Keys -> body id for the active bodies, and group -> members."""

    def __init__(self) -> None:
        self.bodies: dict[int, IndexedBody] = {}
        self.keys: dict[str, int] = {}
        self.members: dict[int, list[int]] = {}
        self.new_ids: set[int] = set()  # bodies this import added
        self._found: dict[tuple[str | None, ...], int | None] = {}

    @classmethod
    def load(cls, session: Session) -> BodyIndex:
        index = cls()
        rows = session.execute(
            select(Body.id, Body.name, Body.name_key, Body.is_group).where(Body.active.is_(True))
        ).all()
        for body_id, name, _key, is_group in rows:
            index.bodies[body_id] = IndexedBody(body_id, name, bool(is_group), fast_fold(name))
        for alias_key, body_id in session.execute(select(BodyAlias.alias_key, BodyAlias.body_id)):
            if body_id in index.bodies:
                index.keys[alias_key] = body_id
        for body_id, _name, key, _ in rows:
            index.keys[key] = body_id  # a body's own name wins over another body's alias
        for group_id, member_id in session.execute(
            select(BodyGroupMember.group_id, BodyGroupMember.member_id)
        ):
            if group_id in index.bodies and member_id in index.bodies:
                index.members.setdefault(group_id, []).append(member_id)
        for members in index.members.values():
            members.sort()
        return index

    def lookup(self, *names: str | None) -> int | None:
        """The body one of ``names`` designates (name or alias, tones and abbreviations evened)."""
        if names in self._found:
            return self._found[names]
        result = None
        for name in names:
            if result is None and name:
                for key in _name_keys(name):
                    result = self.keys.get(key)
                    if result is not None:
                        break
        self._found[names] = result
        return result

    def expand(self, body_id: int) -> list[int]:
        """A group's members (groups inside groups are expanded too); a plain body is itself."""
        if body_id not in self.members:
            return [body_id]
        out: list[int] = []
        seen = {body_id}
        stack = list(reversed(self.members[body_id]))
        while stack:
            member = stack.pop()
            if member in seen:
                continue
            seen.add(member)
            if member in self.members:
                stack.extend(reversed(self.members[member]))
            else:
                out.append(member)
        return out or [body_id]

    def name(self, body_id: int) -> str:
        return self.bodies[body_id].name

    def register(self, body_id: int, name: str, keys: Iterable[str], is_group: bool = False) -> None:
        self.bodies[body_id] = IndexedBody(body_id, name, is_group, fast_fold(name))
        self._found.clear()
        for key in keys:
            self.keys.setdefault(key, body_id)

    def create(self, session: Session, name: str, *, now: datetime, kind: str | None = None,
               is_new: bool = True) -> int:
        """Insert a body found by an import (flagged new for the clerk's review) and index it."""
        key = match_key(name)
        body_id = session.execute(
            insert(Body).returning(Body.id),
            [{"name": name, "name_key": key, "search_key": fold(name),
              "kind": kind or guess_kind(name), "is_group": False, "active": True,
              "is_new": is_new, "created_at": now}],
        ).scalar_one()
        self.register(body_id, name, name_keys(name))
        self.new_ids.add(int(body_id))
        return int(body_id)
