"""``tracker report``: the weekly status report in one command; ``tracker report urge``: a letter
urging one body about its overdue tasks.

    tracker report                                   # this week, Markdown on the screen
    tracker report --week 2021-W29 --format docx --out bc-tuan-29.docx
    tracker report --from 2021-07-01 --to 2021-07-31 --format xlsx --out thang-7.xlsx
    tracker report --body "Sở Y tế" --directive 230-CV/TU --format json
    tracker report urge --body "UBND huyện Hòa Thành" --out don-doc.docx

Without ``--out``, Markdown, CSV and JSON go to the screen; DOCX and XLSX go to a file named after
the period in the current folder. The format is taken from ``--out``'s extension when
``--format`` is not given. An existing file is never overwritten without ``--force``; a file is
written whole (a temporary file renamed into place) or not at all.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import click

from tracker.cli.base import TCommand, TGroup, TOption, get_settings, pass_settings, settings_options
from tracker.domain.errors import InputError
from tracker.i18n import t

FORMATS = ("docx", "xlsx", "csv", "md", "json")
BINARY = ("docx", "xlsx")
SUFFIX_FORMATS = {".docx": "docx", ".xlsx": "xlsx", ".csv": "csv", ".md": "md", ".markdown": "md", ".json": "json"}


def parse_day(value: str) -> date:
    """YYYY-MM-DD or DD/MM/YYYY."""
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("reporting.bad_date", value=value[:50]) from None


class DayType(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        return value if isinstance(value, date) else parse_day(str(value))


DAY = DayType()


def write_file(path: Path, content: bytes, force: bool) -> None:
    """Write ``content`` to ``path`` whole (temporary file + rename); refuse an existing file
    unless ``force``."""
    if path.exists() and not force:
        raise InputError("cli.report.exists", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        if not force and path.exists():  # appeared meanwhile
            raise InputError("cli.report.exists", path=str(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _slug(text: str) -> str:
    from tracker.domain.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "bao-cao"


def _format_of(fmt: str | None, out: Path | None) -> str:
    if fmt:
        return fmt
    if out is not None and out.suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[out.suffix.lower()]
    return "md"


@click.group("report", cls=TGroup, invoke_without_command=True, help="cli.report.help")
@click.option("--week", metavar="YYYY-Www", cls=TOption, help="cli.report.opt.week")
@click.option("--from", "date_from", type=DAY, metavar="DATE", cls=TOption, help="cli.report.opt.from")
@click.option("--to", "date_to", type=DAY, metavar="DATE", cls=TOption, help="cli.report.opt.to")
@click.option("--format", "fmt", type=click.Choice(FORMATS), cls=TOption, help="cli.report.opt.format")
@click.option("--out", type=click.Path(dir_okay=False, readable=False, path_type=Path), cls=TOption, help="cli.report.opt.out")
@click.option("--force", is_flag=True, cls=TOption, help="cli.report.opt.force")
@click.option("--body", "bodies", multiple=True, metavar="NAME", cls=TOption, help="cli.report.opt.body")
@click.option("--directive", "directives", multiple=True, metavar="NUMBER", cls=TOption,
              help="cli.report.opt.directive")
@click.option("--style", type=click.Choice(["state", "party"]), cls=TOption, help="cli.report.opt.style")
@settings_options
@click.pass_context
def report(ctx: click.Context, week: str | None, date_from: date | None, date_to: date | None, fmt: str | None,
           out: Path | None, force: bool, bodies: tuple[str, ...], directives: tuple[str, ...],
           style: str | None) -> None:
    if ctx.invoked_subcommand is not None:
        return
    settings = get_settings(ctx)
    from tracker.cli.users import open_services
    from tracker.reports import export
    from tracker.services import reporting

    if week and (date_from or date_to):
        raise InputError("cli.report.week_and_range")
    if week:
        period = reporting.week_period(week)
    elif date_from or date_to:
        period = reporting.range_period(date_from or date_to or settings.today, date_to or settings.today)
    else:
        period = reporting.week_of(settings.today)
    fmt = _format_of(fmt, out)
    with open_services(settings) as services:
        data = reporting.build_report(services, period, bodies=bodies, directives=directives)
        letterhead = reporting.letterhead_from(services, style)
    content = export(data, fmt, style=style, letterhead=letterhead, lang=settings.lang)
    if out is None and fmt not in BINARY:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    target = out or Path(f"bao-cao-{data.period.iso_week or f'{period.start}-{period.end}'}.{fmt}")
    write_file(target, content, force)
    click.echo(t("cli.report.written", path=str(target), format=fmt, cutoff=data.cutoff.isoformat()), err=True)


@report.command("urge", cls=TCommand, help="cli.report.urge.help")
@click.option("--body", required=True, metavar="NAME", cls=TOption, help="cli.report.urge.opt.body")
@click.option("--as-of", "as_of", type=DAY, metavar="DATE", cls=TOption, help="cli.report.urge.opt.as_of")
@click.option("--reply-by", "reply_by", type=DAY, metavar="DATE", cls=TOption, help="cli.report.urge.opt.reply_by")
@click.option("--out", type=click.Path(dir_okay=False, readable=False, path_type=Path), cls=TOption,
              help="cli.report.urge.opt.out")
@click.option("--force", is_flag=True, cls=TOption, help="cli.report.opt.force")
@click.option("--style", type=click.Choice(["state", "party"]), cls=TOption, help="cli.report.opt.style")
@pass_settings
def urge(settings: Any, body: str, as_of: date | None, reply_by: date | None, out: Path | None, force: bool,
         style: str | None) -> None:
    from tracker.cli.users import open_services
    from tracker.reports import export_urge_letter
    from tracker.services import reporting

    with open_services(settings) as services:
        letter = reporting.build_urge_letter(services, body, as_of=as_of, reply_by=reply_by)
        letterhead = reporting.letterhead_from(services, style)
    content = export_urge_letter(letter, style=style, letterhead=letterhead, lang=settings.lang)
    target = out or Path(f"don-doc-{_slug(letter.body)}-{letter.issued_on.isoformat()}.docx")
    write_file(target, content, force)
    click.echo(t("cli.report.urge_written", path=str(target), body=letter.body, count=len(letter.tasks)), err=True)
