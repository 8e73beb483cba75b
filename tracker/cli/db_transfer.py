"""``tracker db backup|restore|export|import``: copies of the database and moving it between
SQLite and PostgreSQL. The ``db`` group (tracker.cli.db) attaches these commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from tracker.cli.base import TCommand, TOption, pass_settings
from tracker.i18n import t


def _prepare(settings: Any) -> None:
    """Create or upgrade the database to the current schema (as every command does)."""
    from tracker.services.context import open_context

    open_context(settings).close()


def _require_existing_sqlite(settings: Any) -> None:
    from tracker.db.engine import sqlite_path
    from tracker.domain.errors import InputError

    path = sqlite_path(settings.db_url)
    if path is not None and not path.is_file():
        raise InputError("transfer.no_database", path=str(path))


@click.command("backup", cls=TCommand, help="cli.db.backup.help")
@click.argument("path", type=click.Path(dir_okay=False, readable=False, path_type=Path))
@click.option("--force", is_flag=True, cls=TOption, help="cli.db.opt.force")
@pass_settings
def db_backup(settings: Any, path: Path, force: bool) -> None:
    from tracker.services.transfer import backup

    written = backup(settings.db_url, path, overwrite=force)
    click.echo(t("transfer.backup_done", path=str(written), size=f"{written.stat().st_size:,}"))


@click.command("restore", cls=TCommand, help="cli.db.restore.help")
@click.argument("path", type=click.Path(dir_okay=False, readable=False, path_type=Path))
@pass_settings
def db_restore(settings: Any, path: Path) -> None:
    from tracker.services.transfer import restore

    result = restore(settings.db_url, path)
    click.echo(t("transfer.restore_done", path=str(result.path)))
    if result.kept is not None:
        click.echo(t("transfer.restore_kept", path=str(result.kept)))


@click.command("export", cls=TCommand, help="cli.db.export.help")
@click.argument("file", type=click.Path(dir_okay=False, readable=False, path_type=Path))
@pass_settings
def db_export(settings: Any, file: Path) -> None:
    from tracker.services.transfer import export_json

    _require_existing_sqlite(settings)
    _prepare(settings)
    result = export_json(settings.db_url, file)
    click.echo(t("transfer.export_done", rows=result.rows, tables=result.tables, path=str(result.path)))


@click.command("import", cls=TCommand, help="cli.db.import.help")
@click.argument("file", type=click.Path(dir_okay=False, readable=False, path_type=Path))
@pass_settings
def db_import(settings: Any, file: Path) -> None:
    from tracker.services.transfer import import_json, read_document

    document = read_document(file)  # a bad file is refused before the target database is created
    _prepare(settings)
    result = import_json(settings.db_url, file, document)
    click.echo(t("transfer.import_done", rows=result.rows, tables=result.tables, path=str(result.path)))
