"""``tracker users add|list|role|bind``: who may do what."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from tracker.cli.base import TCommand, TGroup, TOption, pass_settings
from tracker.domain.enums import UserRole
from tracker.i18n import t

ROLES = click.Choice([r.value for r in UserRole], case_sensitive=False)


@contextmanager
def open_services(settings: Any) -> Iterator[Any]:
    from tracker.services.context import open_context

    ctx = open_context(settings)
    try:
        yield ctx
    finally:
        ctx.close()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain aligned table (Vietnamese text is NFC, one column per character)."""
    sizes = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (sizes[i] - _width(c)) for i, c in enumerate(cells)).rstrip()

    return "\n".join([line(headers), "  ".join("-" * s for s in sizes), *(line(r) for r in rows)])


def _role_label(role: str) -> str:
    return t(f"user_role.{role}")


@click.group("users", cls=TGroup, help="cli.users.help")
def users() -> None:
    pass


@users.command("add", cls=TCommand, help="cli.users.add.help")
@click.argument("name")
@click.option("--role", type=ROLES, required=True, cls=TOption, help="cli.users.opt.role")
@click.option("--body", "bodies", multiple=True, metavar="NAME", cls=TOption, help="cli.users.opt.body")
@pass_settings
def add_cmd(settings: Any, name: str, role: str, bodies: tuple[str, ...]) -> None:
    from tracker.services.users import add_user

    with open_services(settings) as ctx:
        added = add_user(ctx, name, role, bodies)
    if added.first_office:
        click.echo(t("users.added_first", name=added.first_office))
    click.echo(t("users.added", name=added.user.name, role=_role_label(added.user.role)))
    if added.user.bodies:
        click.echo(t("users.bodies_set", name=added.user.name, bodies=", ".join(added.user.bodies)))


@users.command("list", cls=TCommand, help="cli.users.list.help")
@click.option("--json", "as_json", is_flag=True, cls=TOption, help="cli.users.opt.json")
@pass_settings
def list_cmd(settings: Any, as_json: bool) -> None:
    from tracker.services.users import list_users

    with open_services(settings) as ctx:
        found = list_users(ctx)
    if as_json:
        click.echo(json.dumps([{"name": u.name, "role": u.role, "active": u.active, "bodies": list(u.bodies)}
                               for u in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(t("users.none"))
        return
    headers = [t("users.col.name"), t("users.col.role"), t("users.col.bodies")]
    rows = [[u.name + ("" if u.active else " (-)"), _role_label(u.role), "; ".join(u.bodies)] for u in found]
    click.echo(text_table(headers, rows))


@users.command("role", cls=TCommand, help="cli.users.role.help")
@click.argument("name")
@click.argument("role", type=ROLES)
@click.option("--body", "bodies", multiple=True, metavar="NAME", cls=TOption, help="cli.users.opt.body")
@pass_settings
def role_cmd(settings: Any, name: str, role: str, bodies: tuple[str, ...]) -> None:
    from tracker.services.users import set_role

    with open_services(settings) as ctx:
        info = set_role(ctx, name, role, bodies or None)
    click.echo(t("users.role_set", name=info.name, role=_role_label(info.role)))


@users.command("bind", cls=TCommand, help="cli.users.bind.help")
@click.argument("name")
@click.option("--body", "bodies", multiple=True, required=True, metavar="NAME", cls=TOption,
              help="cli.users.opt.body")
@pass_settings
def bind_cmd(settings: Any, name: str, bodies: tuple[str, ...]) -> None:
    from tracker.services.users import bind_bodies

    with open_services(settings) as ctx:
        info = bind_bodies(ctx, name, bodies)
    click.echo(t("users.bodies_set", name=info.name, bodies=", ".join(info.bodies)))
