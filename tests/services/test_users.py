"""Users and roles: the first user is office, only office manages users, clear refusals."""

from __future__ import annotations

import unicodedata

import pytest
from office_db import as_user, populate
from sqlalchemy import func, select

from tracker.db.models import User, UserBody
from tracker.domain.errors import InputError, NotFoundError, PermissionDenied, RuleViolation
from tracker.i18n import error_text
from tracker.services.context import ServiceContext
from tracker.services.users import add_user, bind_bodies, find_body, list_users, set_role


@pytest.fixture
def populated(ctx: ServiceContext) -> ServiceContext:
    with ctx.sessions.begin() as session:
        populate(session, directives=1)
    return ctx


def _users(ctx: ServiceContext) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {u.name: (u.role, u.bodies) for u in list_users(ctx)}


def test_first_user_added_makes_the_acting_user_office(populated: ServiceContext) -> None:
    assert list_users(populated) == []
    added = add_user(populated, "lan", "unit", bodies=["Sở Y tế"])
    assert added.first_office == "tester"
    assert added.user.role == "unit" and added.user.bodies == ("Sở Y tế",)
    assert _users(populated) == {"tester": ("office", ()), "lan": ("unit", ("Sở Y tế",))}
    # the next one is an ordinary add by the office
    again = add_user(populated, "vy", "viewer")
    assert again.first_office is None


def test_first_user_adding_themself_is_office_whatever_role_was_asked(populated: ServiceContext) -> None:
    added = add_user(populated, "tester", "viewer")
    assert added.first_office == "tester" and added.user.role == "office"
    assert _users(populated) == {"tester": ("office", ())}


def test_only_office_manages_users_and_refusal_changes_nothing(populated: ServiceContext) -> None:
    add_user(populated, "lan", "unit", bodies=["SYT"])
    add_user(populated, "vy", "viewer")
    before = _users(populated)
    for name in ("lan", "vy", "stranger"):
        acting = as_user(populated, name)
        with pytest.raises(PermissionDenied):
            add_user(acting, "eve", "office")
        with pytest.raises(PermissionDenied):
            set_role(acting, "lan", "office")
        with pytest.raises(PermissionDenied):
            bind_bodies(acting, "lan", ["Sở Giáo dục và Đào tạo"])
    assert _users(populated) == before


def test_roles_change_and_the_last_office_stays(populated: ServiceContext) -> None:
    add_user(populated, "chi", "office")  # tester + chi are office
    set_role(populated, "chi", "viewer")
    with pytest.raises(RuleViolation) as refused:
        set_role(populated, "tester", "viewer")
    assert "tester" in error_text(refused.value, "vi")
    assert _users(populated)["tester"][0] == "office"
    with pytest.raises(InputError) as no_body:
        set_role(populated, "chi", "unit")
    assert no_body.value.code == "users.unit_needs_body"
    assert set_role(populated, "chi", "unit", bodies=["UBND huyện Hòa Thành"]).role == "unit"
    assert bind_bodies(populated, "chi", ["SYT", "Sở GD&ĐT"]).bodies == ("Sở Giáo dục và Đào tạo", "Sở Y tế")
    with pytest.raises(InputError):
        bind_bodies(populated, "chi", [])


def test_bad_input_is_refused_clearly_and_changes_nothing(populated: ServiceContext) -> None:
    add_user(populated, "lan", "unit", bodies=["SYT"])
    before = _users(populated)
    cases: list[tuple[dict[str, object], type[Exception], str]] = [
        ({"name": "hoa", "role": "admin"}, InputError, "users.bad_role"),
        ({"name": "   ", "role": "viewer"}, InputError, "users.bad_name"),
        ({"name": "x" * 5000, "role": "viewer"}, InputError, "users.bad_name"),
        ({"name": "lan", "role": "viewer"}, InputError, "users.exists"),
        ({"name": "hoa", "role": "unit"}, InputError, "users.unit_needs_body"),
        ({"name": "hoa", "role": "unit", "bodies": ["Sở Không Có"]}, NotFoundError, "users.body_not_found"),
        ({"name": "hoa", "role": "unit", "bodies": ["'; DROP TABLE app_user; --"]}, NotFoundError,
         "users.body_not_found"),
    ]
    for kwargs, error, code in cases:
        with pytest.raises(error) as refused:
            add_user(populated, **kwargs)  # type: ignore[arg-type]
        assert refused.value.code == code
        assert error_text(refused.value, "vi") != code and error_text(refused.value, "en") != code
    assert _users(populated) == before
    with pytest.raises(NotFoundError):
        set_role(populated, "nobody", "office")


def test_names_are_stored_nfc_and_bodies_found_by_alias_or_plain_letters(populated: ServiceContext) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Lan")
    add_user(populated, decomposed, "unit", bodies=["so y te"])
    (user,) = [u for u in list_users(populated) if u.name != "tester"]
    assert user.name == "Nguyễn Thị Lan" and user.bodies == ("Sở Y tế",)
    with populated.sessions.begin() as session:
        assert find_body(session, "SYT").name == "Sở Y tế"  # type: ignore[union-attr]
        assert find_body(session, "Sở GD&ĐT").name == "Sở Giáo dục và Đào tạo"  # type: ignore[union-attr]
        assert find_body(session, "") is None
        assert session.scalar(select(func.count()).select_from(UserBody)) == 1
        assert session.scalar(select(User.role).where(User.name == "Nguyễn Thị Lan")) == "unit"
