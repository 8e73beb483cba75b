"""``tracker bodies list|add|alias|merge|group|rename|review|find``: the body directory."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict
from typing import Any

import click

from tracker.cli.base import TCommand, TGroup, TOption, pass_settings
from tracker.cli.importing import open_services
from tracker.domain.enums import BodyKind
from tracker.i18n import t

KINDS = click.Choice([k.value for k in BodyKind])


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * max(size - _width(text), 0)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    sizes = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, sizes[i]) for i, h in enumerate(headers)).rstrip(),
             "  ".join("-" * s for s in sizes)]
    lines += ["  ".join(_pad(c, sizes[i]) for i, c in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines)


@click.group("bodies", cls=TGroup, help="bodies.help")
def bodies() -> None:
    pass


@bodies.command("list", cls=TCommand, help="bodies.list.help")
@click.option("--new", "only_new", is_flag=True, cls=TOption, help="bodies.opt.new")
@click.option("--json", "as_json", is_flag=True, cls=TOption, help="bodies.opt.json")
@pass_settings
def list_cmd(settings: Any, only_new: bool, as_json: bool) -> None:
    from tracker.services.bodies import list_bodies

    with open_services(settings) as ctx:
        found = list_bodies(ctx, only_new=only_new)
    if as_json:
        click.echo(json.dumps([asdict(b) for b in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(t("bodies.none"))
        return
    rows = []
    for body in found:
        flags = [t("bodies.flag.new")] if body.is_new else []
        if body.is_group:
            flags.append(t("bodies.flag.group"))
        name = body.name + (f" [{', '.join(flags)}]" if flags else "")
        extra = "; ".join(body.members if body.is_group else body.aliases)
        rows.append([str(body.id), name, t(f"bodykind.{body.kind}"), str(body.task_count), extra])
    headers = [t("bodies.col.id"), t("bodies.col.name"), t("bodies.col.kind"), t("bodies.col.tasks"),
               t("bodies.col.aliases")]
    click.echo(_table(headers, rows))
    click.echo(t("bodies.count", count=len(found)))


@bodies.command("add", cls=TCommand, help="bodies.add.help")
@click.argument("name")
@click.option("--kind", type=KINDS, cls=TOption, help="bodies.opt.kind")
@click.option("--alias", "aliases", multiple=True, cls=TOption, help="bodies.opt.alias")
@pass_settings
def add_cmd(settings: Any, name: str, kind: str | None, aliases: tuple[str, ...]) -> None:
    from tracker.services.bodies import add_body

    with open_services(settings) as ctx:
        body = add_body(ctx, name, kind=kind, aliases=aliases)
    click.echo(t("bodies.added", id=body.id, name=body.name))


@bodies.command("alias", cls=TCommand, help="bodies.alias.help")
@click.argument("body")
@click.argument("alias")
@pass_settings
def alias_cmd(settings: Any, body: str, alias: str) -> None:
    from tracker.services.bodies import add_alias

    with open_services(settings) as ctx:
        info = add_alias(ctx, body, alias)
    click.echo(t("bodies.alias_added", alias=alias, name=info.name))


@bodies.command("merge", cls=TCommand, help="bodies.merge.help")
@click.argument("keep")
@click.argument("absorb")
@pass_settings
def merge_cmd(settings: Any, keep: str, absorb: str) -> None:
    from tracker.services.bodies import merge_bodies

    with open_services(settings) as ctx:
        result = merge_bodies(ctx, keep, absorb)
    click.echo(t("bodies.merged", absorbed=result.absorbed_name, kept=result.kept.name,
                 moved=result.moved_tasks, merged=result.merged_tasks))


@bodies.command("group", cls=TCommand, help="bodies.group.help")
@click.argument("group")
@click.argument("members", nargs=-1, required=True)
@click.option("--add", "add_members", is_flag=True, cls=TOption, help="bodies.opt.add_members")
@click.option("--kind", type=KINDS, cls=TOption, help="bodies.opt.kind")
@pass_settings
def group_cmd(settings: Any, group: str, members: tuple[str, ...], add_members: bool, kind: str | None) -> None:
    from tracker.services.bodies import define_group

    with open_services(settings) as ctx:
        info = define_group(ctx, group, list(members), replace=not add_members, kind=kind)
    click.echo(t("bodies.grouped", group=info.name, count=len(info.members), members="; ".join(info.members)))


@bodies.command("rename", cls=TCommand, help="bodies.rename.help")
@click.argument("body")
@click.argument("new_name")
@pass_settings
def rename_cmd(settings: Any, body: str, new_name: str) -> None:
    from tracker.services.bodies import get_body, rename_body

    with open_services(settings) as ctx:
        old = get_body(ctx, body).name
        info = rename_body(ctx, body, new_name)
    click.echo(t("bodies.renamed", old=old, new=info.name))


@bodies.command("review", cls=TCommand, help="bodies.review.help")
@click.argument("names", nargs=-1, required=True)
@click.option("--kind", type=KINDS, cls=TOption, help="bodies.opt.kind")
@pass_settings
def review_cmd(settings: Any, names: tuple[str, ...], kind: str | None) -> None:
    from tracker.services.bodies import mark_reviewed

    with open_services(settings) as ctx:
        count = mark_reviewed(ctx, list(names), kind=kind)
    click.echo(t("bodies.reviewed", count=count))


@bodies.command("find", cls=TCommand, help="bodies.find.help")
@click.argument("text")
@pass_settings
def find_cmd(settings: Any, text: str) -> None:
    from tracker.services.bodies import find_bodies

    with open_services(settings) as ctx:
        matches = find_bodies(ctx, text)
    if not matches:
        click.echo(t("bodies.none"))
    for match in matches:
        via = f"  ({match.matched})" if match.matched != match.name else ""
        click.echo(f"{match.id:>5}  {match.name}{via}  {match.score:.0f}")
