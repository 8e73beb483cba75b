"""Shared pieces of the command line: translated help, the settings options, error display.

Help texts are message keys (tracker.i18n) translated when shown, so ``tracker --lang en --help``
speaks English. Every command accepts the settings options (``--db``, ``--today``, ``--user``,
``--lang``, ``--config``), before or after its name.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tracker.i18n import t

F = TypeVar("F", bound=Callable[..., Any])

FLAGS_KEY = "tracker.flags"


def _tr(text: str | None) -> str | None:
    return t(text) if text else text


class TCommand(click.Command):
    """A command whose ``help``/``short_help`` are message keys."""

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.short_help:
            return _tr(self.short_help) or ""
        first_line = (_tr(self.help) or "").split("\n", 1)[0]
        sentence, dot, rest = first_line.partition(". ")
        return sentence + "." if dot and rest else first_line

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("cli.opt.help")
        return option

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_tr(self.help) or "")

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("cli.usage") + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx)) is not None]
        if records:
            with formatter.section(t("cli.options")):
                formatter.write_dl(records)


class TGroup(TCommand, click.Group):
    """A group with translated help whose subcommands are imported only when used."""

    command_class = TCommand

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})
        self.group_class = TGroup

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module_name, _, attr = self.lazy[cmd_name].partition(":")
            module = __import__(module_name, fromlist=[attr])
            self.add_command(getattr(module, attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        TCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            rows.append((name, cmd.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(t("cli.commands")):
                formatter.write_dl(rows)


class TOption(click.Option):
    """An option whose ``help`` is a message key."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None or not self.help:
            return record
        translated = t(self.help)
        return record[0], record[1].replace(self.help, translated, 1)


def _store_flag(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value is not None:
        ctx.find_root().meta.setdefault(FLAGS_KEY, {})[param.name] = value
        if param.name == "lang":
            from tracker.i18n import set_language

            if value in ("vi", "en"):
                set_language(value)
    return value


def settings_options(func: F) -> F:
    """Add the settings flags to a command; their values are read by :func:`get_settings`."""
    options = [
        click.option("--db", "db_url", cls=TOption, metavar="URL|PATH", expose_value=False,
                     callback=_store_flag, help="cli.opt.db", is_eager=False),
        click.option("--today", cls=TOption, metavar="YYYY-MM-DD", expose_value=False,
                     callback=_store_flag, help="cli.opt.today"),
        click.option("--user", cls=TOption, metavar="NAME", expose_value=False,
                     callback=_store_flag, help="cli.opt.user"),
        click.option("--lang", cls=TOption, type=click.Choice(["vi", "en"]), expose_value=False,
                     callback=_store_flag, help="cli.opt.lang"),
        click.option("--config", cls=TOption, metavar="FILE", expose_value=False,
                     callback=_store_flag, help="cli.opt.config"),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def get_settings(ctx: click.Context | None = None) -> Any:
    """Settings from the flags given anywhere on the command line, the environment and the file."""
    from tracker.config import load_settings
    from tracker.i18n import set_language

    ctx = ctx or click.get_current_context()
    cached = ctx.find_root().meta.get("tracker.settings")
    if cached is not None:
        return cached
    settings = load_settings(ctx.find_root().meta.get(FLAGS_KEY, {}))
    set_language(settings.lang)
    ctx.find_root().meta["tracker.settings"] = settings
    return settings


def pass_settings(func: F) -> F:
    """Call the command with ``settings`` as its first argument."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(get_settings(), *args, **kwargs)

    return settings_options(wrapper)  # type: ignore[return-value]


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def fail(message: str, code: int = 1) -> None:
    echo_err(f"{t('error.prefix')}: {message}")
    sys.exit(code)
