"""``tracker history``: who did what, by task, user, body or period."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from tracker.cli.base import TCommand, TOption, pass_settings
from tracker.cli.users import open_services, text_table
from tracker.domain.errors import InputError
from tracker.i18n import t


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("config.bad_today", value=value) from None


@click.command("history", cls=TCommand, help="cli.history.help")
@click.option("--task", "task_id", type=int, metavar="ID", cls=TOption, help="cli.history.opt.task")
@click.option("--user", "--by", "by_user", metavar="NAME", cls=TOption, help="cli.history.opt.user")
@click.option("--body", metavar="NAME", cls=TOption, help="cli.history.opt.body")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", cls=TOption, help="cli.history.opt.from")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", cls=TOption, help="cli.history.opt.to")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", cls=TOption,
              help="cli.history.opt.format")
@click.option("--limit", type=click.IntRange(min=1), default=500, cls=TOption, help="cli.history.opt.limit")
@pass_settings
def history(settings: Any, task_id: int | None, by_user: str | None, body: str | None, date_from: str | None,
            date_to: str | None, output: str, limit: int) -> None:
    from tracker.services.history import list_events

    start, end = _day(date_from), _day(date_to)
    with open_services(settings) as ctx:
        rows = list_events(ctx, task_id=task_id, user=by_user, body=body, date_from=start, date_to=end,
                           limit=limit)
    if output == "json":
        click.echo(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(t("history.none"))
        return
    headers = [t("history.col.at"), t("history.col.task"), t("history.col.user"), t("history.col.detail")]
    table = []
    for row in rows:
        who = row.by_user + (f" ({row.db_role})" if row.db_role else "")
        task = f"#{row.task_id} {row.directive_number or ''} {row.item_ref} · {row.body_name}"
        table.append([row.at.strftime("%Y-%m-%d %H:%M"), task, who, row.summary])
    click.echo(text_table(headers, table))


# Here ``--user NAME`` filters the history (reading needs no acting user); the settings option
# ``--user`` still works before the command name: ``tracker --user lan history``.
history.params = [p for p in history.params if not (p.name == "user" and not p.expose_value)]
