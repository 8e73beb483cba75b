"""``tracker tasks`` (the task list) and ``tracker task ...`` (one task: show it, move it through
its lifecycle). Every action accepts ``--expect-version N``: the version you saw (``task show``);
if someone changed the task since, nothing is saved and their change is shown."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import click

from tracker.cli.base import TCommand, TGroup, TOption, pass_settings
from tracker.domain.enums import Category, TaskRole, TaskState, Urgency
from tracker.domain.errors import InputError
from tracker.i18n import t

FORMATS = click.Choice(["table", "json", "csv"])
CATEGORIES = click.Choice([*(c.value for c in Category), "due_soon"])
STATES = click.Choice([s.value for s in TaskState])
ACTION_WIDTH = 48
NONE_WORDS = {"none", "-", "", "khong", "không"}


# ---------------------------------------------------------------- helpers


def parse_day(value: str) -> date:
    """YYYY-MM-DD or DD/MM/YYYY."""
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("tasks.bad_date", value=value) from None


class DayType(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        return value if isinstance(value, date) else parse_day(str(value))


DAY = DayType()


@contextmanager
def _services(settings: Any) -> Iterator[Any]:
    from tracker.cli.importing import open_services

    with open_services(settings) as ctx:
        yield ctx


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _cut(text: str, size: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    sizes = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (sizes[i] - _width(c)) for i, c in enumerate(cells)).rstrip()

    return "\n".join([line(headers), "  ".join("-" * s for s in sizes), *(line(r) for r in rows)])


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "-"


def _category_label(category: str, due_soon: bool) -> str:
    label = t(f"category.{category}")
    return f"{label} ({t('category.due_soon').lower()})" if due_soon else label


# ---------------------------------------------------------------- tracker tasks


@click.command("tasks", cls=TCommand, help="tasks.help")
@click.option("--body", cls=TOption, metavar="NAME", help="tasks.opt.body")
@click.option("--category", type=CATEGORIES, cls=TOption, help="tasks.opt.category")
@click.option("--directive", cls=TOption, metavar="NUMBER", help="tasks.opt.directive")
@click.option("--due-from", type=DAY, cls=TOption, help="tasks.opt.due_from")
@click.option("--due-to", type=DAY, cls=TOption, help="tasks.opt.due_to")
@click.option("--overdue", is_flag=True, cls=TOption, help="tasks.opt.overdue")
@click.option("--due-soon", is_flag=True, cls=TOption, help="tasks.opt.due_soon")
@click.option("--state", type=STATES, cls=TOption, help="tasks.opt.state")
@click.option("--search", "-s", cls=TOption, metavar="TEXT", help="tasks.opt.search")
@click.option("--all", "include_inactive", is_flag=True, cls=TOption, help="tasks.opt.all")
@click.option("--sort", cls=TOption, default="deadline", show_default=True, metavar="COLUMN",
              help="tasks.opt.sort")
@click.option("--desc", is_flag=True, cls=TOption, help="tasks.opt.desc")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, cls=TOption,
              help="tasks.opt.limit")
@click.option("--offset", type=click.IntRange(min=0), default=0, cls=TOption, help="tasks.opt.offset")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True, cls=TOption,
              help="tasks.opt.format")
@pass_settings
def tasks_cmd(settings: Any, body: str | None, category: str | None, directive: str | None,
              due_from: date | None, due_to: date | None, overdue: bool, due_soon: bool, state: str | None,
              search: str | None, include_inactive: bool, sort: str, desc: bool, limit: int, offset: int,
              fmt: str) -> None:
    from tracker.services.dto import SORT_COLUMNS, TaskQuery
    from tracker.services.queries import list_tasks

    descending = desc
    if sort.startswith("-"):
        sort, descending = sort[1:], True
    if sort not in SORT_COLUMNS:
        raise InputError("tasks.bad_sort", column=sort, choices=", ".join(SORT_COLUMNS))
    query = TaskQuery(body=body, category=category, directive=directive, due_from=due_from, due_to=due_to,
                      overdue=overdue, due_soon=due_soon, state=state, search=search or "",
                      include_inactive=include_inactive, sort=sort, descending=descending, offset=offset,
                      limit=limit or None)
    with _services(settings) as ctx:
        page = list_tasks(ctx, query)
        today = ctx.today()
    if fmt == "json":
        payload = {"as_of": today.isoformat(), "total": page.total, "offset": page.offset, "limit": page.limit,
                   "tasks": [row.as_dict() for row in page.rows]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buffer = io.StringIO()
        fields = list(page.rows[0].as_dict()) if page.rows else ["id"]
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in page.rows:
            writer.writerow({k: "" if v is None else v for k, v in row.as_dict().items()})
        click.echo(buffer.getvalue(), nl=False)
        return
    if not page.rows:
        click.echo(t("tasks.none"))
        return
    headers = [t(f"tasks.col.{c}") for c in ("id", "directive", "ref", "body", "action", "deadline", "category",
                                             "progress", "state")]
    rows = [[str(r.id), r.directive_number, r.ref, _cut(r.body, 30), _cut(r.action, ACTION_WIDTH),
             _day(r.deadline), _category_label(r.category, r.due_soon), f"{r.progress}%",
             t(f"state.{r.state}")] for r in page.rows]
    click.echo(_table(headers, rows))
    click.echo(t("tasks.shown", first=page.offset + 1, last=page.offset + len(page.rows), total=page.total,
                 today=_day(today)))


# ---------------------------------------------------------------- tracker task ...


@click.group("task", cls=TGroup, help="task.help")
def task_group() -> None:
    pass


@task_group.command("show", cls=TCommand, help="task.show.help")
@click.argument("task_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", cls=TOption,
              help="tasks.opt.format")
@pass_settings
def show_cmd(settings: Any, task_id: int, fmt: str) -> None:
    from tracker.services.queries import get_task

    with _services(settings) as ctx:
        detail = get_task(ctx, task_id)
    if fmt == "json":
        click.echo(json.dumps(detail.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(render_detail(detail))


def render_detail(detail: Any) -> str:
    """The task page as text: what, from which directive, who, when, where it stands, history."""
    deadline = _day(detail.current_deadline)
    if detail.original_deadline != detail.current_deadline:
        deadline += " " + t("task.show.original", day=_day(detail.original_deadline))
    lines = [
        t("task.show.title", id=detail.id, version=detail.version),
        f"{t('task.show.directive')}: {detail.directive_number or '-'} {t('task.show.dated')} "
        f"{_day(detail.directive_date)} — {detail.directive_issuer}",
        f"{t('task.show.subject')}: {detail.directive_subject or '-'}",
        f"{t('task.show.item')} {detail.ref}: {detail.text}",
        f"{t('task.show.body')}: {detail.body} ({t(f'role.{detail.role}')})"
        + ("" if detail.active else f" — {t('task.show.removed')}"),
        f"{t('task.show.lead')}: {', '.join(detail.lead_bodies) or '-'}",
        f"{t('task.show.cooperating')}: {', '.join(detail.cooperating_bodies) or '-'}",
        f"{t('task.show.deadline')}: {deadline}"
        + (f" («{detail.deadline_text}»)" if detail.deadline_text else ""),
    ]
    if detail.recurrence:
        lines.append(f"{t('task.show.recurrence')}: {detail.recurrence}")
    if detail.urgency:
        lines.append(f"{t('task.show.urgency')}: {t(f'urgency.{detail.urgency}')}")
    lines.append(f"{t('task.show.state')}: {t(f'state.{detail.state}')}, {detail.progress}% — "
                 f"{_category_label(detail.category, detail.due_soon)}")
    if detail.category_original != detail.category:
        lines.append(f"{t('task.show.against_original')}: {t(f'category.{detail.category_original}')}")
    if detail.completed_on:
        lines.append(f"{t('task.show.completed')}: {_day(detail.completed_on)}")
    if detail.pending_extension:
        lines.append(f"{t('task.show.pending')}: {_day(detail.pending_extension)}")
    if detail.passage:
        lines += ["", t("task.show.passage"), *("  │ " + line for line in detail.passage.splitlines())]
    if detail.occurrences:
        lines += ["", t("task.show.occurrences")]
        lines += [f"  {_day(o.due_on)}  {t(f'occurrence.{o.status}')}"
                  + (f" ({_day(o.submitted_on)})" if o.submitted_on else "") for o in detail.occurrences]
    lines += ["", t("task.show.history")]
    for event in detail.history:
        mark = f" [{t('task.show.undone')}]" if event.undone else ""
        lines.append(f"  #{event.id} {event.at:%d/%m/%Y %H:%M} {event.user}: {event.summary}{mark}")
    return "\n".join(lines)


def _expect_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--expect-version", "expected_version", type=int, cls=TOption, metavar="N",
                        help="task.opt.expect_version")(func)


def _run(settings: Any, task_id: int, action: str, **fields: Any) -> None:
    from tracker.services.tasks import perform

    with _services(settings) as ctx:
        result = perform(ctx, task_id, action, **fields)
    click.echo(t("task.done_message", id=result.task_id, message=result.message, version=result.version))
    if result.created_task_id is not None and result.created_task_id != result.task_id:
        click.echo(t("task.created_for_body", id=result.created_task_id))


@task_group.command("progress", cls=TCommand, help="task.progress.help")
@click.argument("task_id", type=int)
@click.argument("percent", type=int)
@click.option("--note", cls=TOption, help="task.opt.note")
@_expect_option
@pass_settings
def progress_cmd(settings: Any, task_id: int, percent: int, note: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "progress", percent=percent, note=note, expected_version=expected_version)


@task_group.command("done", cls=TCommand, help="task.done.help")
@click.argument("task_id", type=int)
@click.option("--on", "done_on", type=DAY, cls=TOption, help="task.opt.done_on")
@click.option("--note", cls=TOption, help="task.opt.note")
@_expect_option
@pass_settings
def done_cmd(settings: Any, task_id: int, done_on: date | None, note: str | None,
             expected_version: int | None) -> None:
    _run(settings, task_id, "report_done", done_on=done_on, note=note, expected_version=expected_version)


@task_group.command("confirm", cls=TCommand, help="task.confirm.help")
@click.argument("task_id", type=int)
@click.option("--note", cls=TOption, help="task.opt.note")
@_expect_option
@pass_settings
def confirm_cmd(settings: Any, task_id: int, note: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "confirm", note=note, expected_version=expected_version)


@task_group.command("return", cls=TCommand, help="task.return.help")
@click.argument("task_id", type=int)
@click.option("--reason", required=True, cls=TOption, help="task.opt.reason")
@_expect_option
@pass_settings
def return_cmd(settings: Any, task_id: int, reason: str, expected_version: int | None) -> None:
    _run(settings, task_id, "return", reason=reason, expected_version=expected_version)


@task_group.command("reopen", cls=TCommand, help="task.reopen.help")
@click.argument("task_id", type=int)
@click.option("--reason", required=True, cls=TOption, help="task.opt.reason")
@_expect_option
@pass_settings
def reopen_cmd(settings: Any, task_id: int, reason: str, expected_version: int | None) -> None:
    _run(settings, task_id, "reopen", reason=reason, expected_version=expected_version)


@task_group.command("extend", cls=TCommand, help="task.extend.help")
@click.argument("task_id", type=int)
@click.option("--to", "new_deadline", type=DAY, cls=TOption, help="task.opt.to")
@click.option("--reason", cls=TOption, help="task.opt.reason")
@_expect_option
@pass_settings
def extend_cmd(settings: Any, task_id: int, new_deadline: date | None, reason: str | None,
               expected_version: int | None) -> None:
    _run(settings, task_id, "extend", new_deadline=new_deadline, reason=reason, expected_version=expected_version)


@task_group.command("request-extension", cls=TCommand, help="task.request.help")
@click.argument("task_id", type=int)
@click.option("--to", "new_deadline", type=DAY, required=True, cls=TOption, help="task.opt.to")
@click.option("--reason", required=True, cls=TOption, help="task.opt.reason")
@_expect_option
@pass_settings
def request_cmd(settings: Any, task_id: int, new_deadline: date, reason: str, expected_version: int | None) -> None:
    _run(settings, task_id, "request_extension", new_deadline=new_deadline, reason=reason,
         expected_version=expected_version)


@task_group.command("reject-extension", cls=TCommand, help="task.reject.help")
@click.argument("task_id", type=int)
@click.option("--reason", cls=TOption, help="task.opt.reason")
@_expect_option
@pass_settings
def reject_cmd(settings: Any, task_id: int, reason: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "reject_extension", reason=reason, expected_version=expected_version)


@task_group.command("urge", cls=TCommand, help="task.urge.help")
@click.argument("task_id", type=int)
@click.option("--on", "urged_on", type=DAY, cls=TOption, help="task.opt.urged_on")
@click.option("--channel", cls=TOption, help="task.opt.channel")
@click.option("--doc", "document", cls=TOption, help="task.opt.doc")
@click.option("--note", cls=TOption, help="task.opt.note")
@_expect_option
@pass_settings
def urge_cmd(settings: Any, task_id: int, urged_on: date | None, channel: str | None, document: str | None,
             note: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "urge", urged_on=urged_on, channel=channel, document=document, note=note,
         expected_version=expected_version)


@task_group.command("note", cls=TCommand, help="task.note.help")
@click.argument("task_id", type=int)
@click.argument("text")
@_expect_option
@pass_settings
def note_cmd(settings: Any, task_id: int, text: str, expected_version: int | None) -> None:
    _run(settings, task_id, "note", text=text, expected_version=expected_version)


def _clearable(value: str | None, convert: Callable[[str], Any] | None = None) -> Any:
    from tracker.domain.lifecycle import UNSET

    if value is None:
        return UNSET
    if value.strip().lower() in NONE_WORDS:
        return None
    return convert(value) if convert else value


@task_group.command("edit", cls=TCommand, help="task.edit.help")
@click.argument("task_id", type=int)
@click.option("--deadline", cls=TOption, metavar="DATE|none", help="task.opt.deadline")
@click.option("--recurrence", cls=TOption, metavar="RRULE|none", help="task.opt.recurrence")
@click.option("--urgency", type=click.Choice([*(u.value for u in Urgency), "none"]), cls=TOption,
              help="task.opt.urgency")
@click.option("--note", cls=TOption, help="task.opt.note")
@_expect_option
@pass_settings
def edit_cmd(settings: Any, task_id: int, deadline: str | None, recurrence: str | None, urgency: str | None,
             note: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "edit", deadline=_clearable(deadline, parse_day), recurrence=_clearable(recurrence),
         urgency=_clearable(urgency), note=note, expected_version=expected_version)


@task_group.command("add-body", cls=TCommand, help="task.add_body.help")
@click.argument("task_id", type=int)
@click.argument("name")
@click.option("--role", type=click.Choice([r.value for r in TaskRole]), default=TaskRole.COOPERATING.value,
              show_default=True, cls=TOption, help="task.opt.role")
@_expect_option
@pass_settings
def add_body_cmd(settings: Any, task_id: int, name: str, role: str, expected_version: int | None) -> None:
    _run(settings, task_id, "add_body", body=name, role=role, expected_version=expected_version)


@task_group.command("remove-body", cls=TCommand, help="task.remove_body.help")
@click.argument("task_id", type=int)
@click.option("--reason", cls=TOption, help="task.opt.reason")
@_expect_option
@pass_settings
def remove_body_cmd(settings: Any, task_id: int, reason: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "remove_body", reason=reason, expected_version=expected_version)


@task_group.command("undo", cls=TCommand, help="task.undo.help")
@click.argument("task_id", type=int)
@_expect_option
@pass_settings
def undo_cmd(settings: Any, task_id: int, expected_version: int | None) -> None:
    _run(settings, task_id, "undo", expected_version=expected_version)


@task_group.command("submit", cls=TCommand, help="task.submit.help")
@click.argument("task_id", type=int)
@click.option("--on", "due_on", type=DAY, required=True, cls=TOption, help="task.opt.due_on")
@click.option("--note", cls=TOption, help="task.opt.note")
@_expect_option
@pass_settings
def submit_cmd(settings: Any, task_id: int, due_on: date, note: str | None, expected_version: int | None) -> None:
    _run(settings, task_id, "submit_occurrence", due_on=due_on, note=note, expected_version=expected_version)
