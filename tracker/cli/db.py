"""``tracker db``: the schema (``upgrade``, ``current``) and, from tracker.cli.db_transfer, copies of
the database (``backup``, ``restore``, ``export``, ``import``)."""

from __future__ import annotations

from typing import Any

import click

from tracker.cli.base import TCommand, TGroup, TOption, pass_settings, settings_options
from tracker.i18n import t

TRANSFER_COMMANDS = {
    "backup": "tracker.cli.db_transfer:db_backup",
    "restore": "tracker.cli.db_transfer:db_restore",
    "export": "tracker.cli.db_transfer:db_export",
    "import": "tracker.cli.db_transfer:db_import",
}


def _transfer_commands() -> dict[str, str]:
    import importlib.util

    return TRANSFER_COMMANDS if importlib.util.find_spec("tracker.cli.db_transfer") is not None else {}


@click.group("db", cls=TGroup, lazy=_transfer_commands(), help="cli.db.help")
@settings_options
def db() -> None:
    pass


@db.command("upgrade", cls=TCommand, help="cli.db.upgrade.help")
@click.option("--revision", default="head", show_default=True, cls=TOption, help="cli.db.opt.revision")
@pass_settings
def db_upgrade(settings: Any, revision: str) -> None:
    from tracker.db.migrate import current_revision, display_url, ensure_database, head_revision, upgrade

    url = display_url(settings.db_url)
    if revision != "head":
        before = current_revision(settings.db_url) or "base"
        upgrade(settings.db_url, revision)
        click.echo(t("db.upgrade.upgraded", url=url, before=before, head=revision))
        return
    result = ensure_database(settings.db_url)
    head = head_revision()
    if result.before is None:
        click.echo(t("db.upgrade.created", url=url, head=head))
    elif result.upgraded:
        click.echo(t("db.upgrade.upgraded", url=url, before=result.before, head=head))
    else:
        click.echo(t("db.upgrade.up_to_date", url=url, head=head))
    if result.backup is not None:
        click.echo(t("db.upgrade.backup", path=str(result.backup)))


@db.command("current", cls=TCommand, help="cli.db.current.help")
@pass_settings
def db_current(settings: Any) -> None:
    from tracker.db.migrate import current_revision, head_revision, known_revisions

    revision = current_revision(settings.db_url)
    head = head_revision()
    if revision is None:
        click.echo(t("db.current.empty", head=head))
    elif revision == head:
        click.echo(t("db.current.at_head", revision=revision))
    elif revision in known_revisions():
        click.echo(t("db.current.behind", revision=revision, head=head))
    else:
        click.echo(t("db.current.future", revision=revision, head=head))
        raise SystemExit(7)
