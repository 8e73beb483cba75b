"""The ``tracker`` command. Subcommands live in one module each and load only when used
(so ``tracker --help`` is fast and Textual loads only for the terminal UI)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from tracker import __version__
from tracker.cli.base import TGroup, TOption, get_settings, settings_options
from tracker.domain.errors import TrackerError
from tracker.i18n import error_text, set_language, t

# name -> "module:attribute"; each area owns its module.
COMMANDS: dict[str, str] = {
    "db": "tracker.cli.db:db",
    "extract": "tracker.cli.extract:extract",
    "import": "tracker.cli.importing:import_cmd",
    "tasks": "tracker.cli.tasks:tasks_cmd",
    "task": "tracker.cli.tasks:task_group",
    "bodies": "tracker.cli.bodies:bodies",
    "report": "tracker.cli.report:report",
    "history": "tracker.cli.history:history",
    "users": "tracker.cli.users:users",
    "tui": "tracker.cli.tui:tui",
}


def _available_commands() -> dict[str, str]:
    """Only the modules that exist in this build (areas land one at a time)."""
    import importlib.util

    found = {}
    for name, target in COMMANDS.items():
        module = target.partition(":")[0]
        if importlib.util.find_spec(module) is not None:
            found[name] = target
    return found


@click.group(cls=TGroup, lazy=_available_commands(), invoke_without_command=True,
             help="cli.root.help", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="tracker", message="%(prog)s %(version)s",
                      cls=TOption, help="cli.opt.version")
@settings_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is None:
        if "tui" in ctx.command.lazy:  # type: ignore[attr-defined]
            ctx.invoke(ctx.command.get_command(ctx, "tui"))  # type: ignore[attr-defined,arg-type]
        else:
            get_settings(ctx)
            click.echo(ctx.get_help())


def _prescan_language(argv: Sequence[str]) -> None:
    """Set the language before click renders any help text."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    if lang is None:
        lang = os.environ.get("TRACKER_LANG")
    if lang is None:
        try:
            from tracker.config import load_settings

            lang = load_settings({}).lang
        except (TrackerError, OSError):
            lang = "vi"
    if lang in ("vi", "en"):
        set_language(lang)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    _prescan_language(args)
    try:
        cli.main(args=args, prog_name="tracker", standalone_mode=False)
    except TrackerError as err:
        click.echo(f"{t('error.prefix')}: {error_text(err)}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo(t("cli.aborted"), err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        click.echo(t("cli.aborted"), err=True)
        sys.exit(130)
    except Exception as err:  # never a traceback for a user, unless asked for
        if os.environ.get("TRACKER_DEBUG"):
            raise
        click.echo(f"{t('error.prefix')}: {t('error.unexpected', detail=f'{type(err).__name__}: {err}')}",
                   err=True)
        sys.exit(1)
