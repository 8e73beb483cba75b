"""``tracker import PATH... [--dry-run] [--if-empty] [--json] [--quiet]``."""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from tracker.cli.base import TCommand, TOption, echo_err, pass_settings
from tracker.i18n import t

PROGRESS_FROM = 5  # files: below this no progress bar


@contextmanager
def open_services(settings: Any, *, dry_run: bool = False) -> Iterator[Any]:
    """The services context; a dry run never creates nor upgrades the database (on a SQLite file
    that does not exist yet it works against a throwaway empty one)."""
    from tracker.config import sqlite_url
    from tracker.db.engine import sqlite_path
    from tracker.services.context import open_context

    path = sqlite_path(settings.db_url)
    if dry_run and path is not None and not path.exists():
        with tempfile.TemporaryDirectory(prefix="tracker-dry-") as folder:
            scratch = dataclasses.replace(settings, db_url=sqlite_url(Path(folder) / "dry-run.db"))
            ctx = open_context(scratch)
            try:
                yield ctx
            finally:
                ctx.close()
        return
    ctx = open_context(settings, prepare=not dry_run)
    try:
        yield ctx
    finally:
        ctx.close()


def report_json(report: Any) -> dict[str, Any]:
    return {
        "dry_run": report.dry_run,
        "files": [{
            "path": f.path, "status": f.status, "message": f.message(),
            "error": f.error_code, "issues": f.issues, "new_bodies": f.new_bodies,
            "documents": [{
                "number": d.number, "issuer": d.issuer,
                "issue_date": d.issue_date.isoformat() if d.issue_date else None,
                "status": d.status, "directive_id": d.directive_id, "items": d.items, "tasks": d.tasks,
            } for d in f.documents],
        } for f in report.files],
        "summary": {
            "files": len(report.files), "failed": len(report.failed), "already_imported": report.already_imported,
            "directives_new": report.directives_new, "directives_existing": report.directives_existing,
            "items": report.items, "tasks": report.tasks, "new_bodies": len(report.new_bodies),
        },
        "new_bodies": report.new_bodies,
    }


def print_report(report: Any, *, quiet: bool) -> None:
    if not quiet:
        for outcome in report.files:
            if outcome.failed:
                echo_err(f"{t('error.prefix')}: {outcome.message()}")
                continue
            click.echo(outcome.message())
            for doc in outcome.documents:
                click.echo(f"  - {doc.message()}")
            if outcome.issues:
                click.echo(f"  ! {t('import.issues', path=Path(outcome.path).name, count=outcome.issues)}")
    if report.new_bodies:
        click.echo(t("import.new_bodies_dry" if report.dry_run else "import.new_bodies"))
        for name in report.new_bodies:
            click.echo(f"  + {name}")
    click.echo(t("import.summary", files=len(report.files), failed=len(report.failed),
                 already=report.already_imported, new=report.directives_new,
                 existing=report.directives_existing, items=report.items, tasks=report.tasks,
                 bodies=len(report.new_bodies)))
    if report.dry_run:
        click.echo(t("import.dry_run_note"))


@click.command("import", cls=TCommand, help="import.help")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str, readable=False))
@click.option("--dry-run", is_flag=True, cls=TOption, help="import.opt.dry_run")
@click.option("--if-empty", is_flag=True, cls=TOption, help="import.opt.if_empty")
@click.option("--json", "as_json", is_flag=True, cls=TOption, help="import.opt.json")
@click.option("--quiet", "-q", is_flag=True, cls=TOption, help="import.opt.quiet")
@pass_settings
def import_cmd(settings: Any, paths: tuple[str, ...], dry_run: bool, if_empty: bool, as_json: bool,
               quiet: bool) -> None:
    from tracker.services.importing import collect_files, database_is_empty, import_paths

    with open_services(settings, dry_run=dry_run) as ctx:
        if if_empty and not database_is_empty(ctx):
            click.echo(t("import.not_empty"))
            return
        total = len(collect_files(paths)[0])
        if total >= PROGRESS_FROM and not as_json and sys.stderr.isatty():
            with click.progressbar(length=total, label=t("import.progress"), file=sys.stderr,
                                   show_pos=True) as bar:
                report = import_paths(ctx, paths, dry_run=dry_run,
                                      on_progress=lambda _done, _total, _outcome: bar.update(1))
        else:
            report = import_paths(ctx, paths, dry_run=dry_run)
    if as_json:
        click.echo(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        print_report(report, quiet=quiet)
    if report.failed:
        sys.exit(1)
