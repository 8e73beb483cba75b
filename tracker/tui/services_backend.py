"""The Backend seam over ``tracker.services``: each method is one use case, its result turned into
the UI's view dataclasses. No SQL here: what a screen needs and the services lack is asked of the
services' authors, not written around them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain.enums import Category
from tracker.i18n import t
from tracker.tui import backend as v

# UI action name -> (services action name, UI field -> services field)
ACTION_FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "progress": ("progress", {"percent": "percent", "note": "note"}),
    "report_done": ("report_done", {"note": "note"}),
    "confirm": ("confirm", {"note": "note"}),
    "return": ("return", {"reason": "reason"}),
    "extend": ("extend", {"deadline": "new_deadline", "reason": "reason"}),
    "urge": ("urge", {"channel": "channel", "document": "document", "note": "note"}),
    "note": ("note", {"note": "text"}),
    "edit": ("edit", {"deadline": "deadline", "urgency": "urgency", "note": "note"}),
    "undo": ("undo", {}),
    "reopen": ("reopen", {"reason": "reason"}),
    "request_extension": ("request_extension", {"deadline": "new_deadline", "reason": "reason"}),
    "reject_extension": ("reject_extension", {"reason": "reason"}),
    "add_body": ("add_body", {"body": "body", "role": "role", "note": "note"}),
    "remove_body": ("remove_body", {"reason": "reason"}),
    "recurrence": ("edit", {}),  # the rule chosen, or typed: see task_action
    "submit_occurrence": ("submit_occurrence", {"due_on": "due_on", "note": "note"}),
}


def _recurrence_text(rule: str | None) -> str:
    if not rule:
        return ""
    upper = rule.upper()
    for freq in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        if f"FREQ={freq}" in upper or upper == freq:
            if freq == "MONTHLY" and "INTERVAL=3" in upper:
                return t("recurrence.quarterly")
            return t(f"recurrence.{freq.lower()}")
    return rule


def _brief(entry: Any) -> v.TaskBrief:
    extra = entry.extra.strftime("%d/%m/%Y") if isinstance(entry.extra, date) else ""
    return v.TaskBrief(entry.id, entry.directive_number or "—", entry.ref, entry.body, entry.action,
                       entry.deadline, entry.days, extra)


def _row(row: Any) -> v.TaskRow:
    return v.TaskRow(id=row.id, directive_number=row.directive_number or "—", ref=row.ref, body=row.body,
                     action=row.action, deadline=row.deadline, category=row.category, due_soon=row.due_soon,
                     progress=row.progress, state=row.state, role=row.role, directive_id=row.directive_id)


def _summary(row: Any) -> v.DirectiveSummary:
    return v.DirectiveSummary(row.id, row.number or "—", row.issue_date, row.issuer or "", row.subject or "",
                              row.task_count, row.done_count, row.overdue_count)


def _node(node: Any) -> v.DirectiveNode:
    tasks = [v.TaskRow(id=line.id, directive_number="", ref=node.ref, body=line.body, action=node.text,
                       deadline=line.current_deadline, category=line.category, due_soon=line.due_soon,
                       progress=line.progress, state=line.state, role=line.role) for line in node.tasks]
    return v.DirectiveNode(node.ref, node.text, tasks, [_node(child) for child in node.children])


class ServicesBackend:
    """``Backend`` over a ``tracker.services.context.ServiceContext``."""

    def __init__(self, context: Any, *, extractor: Any = None) -> None:
        self.ctx = context
        self.today = context.today()
        self.extractor = extractor  # None: the parser (tracker.services.importing.extract_file)

    # ----- tasks -------------------------------------------------------------------------------

    def list_tasks(self, query: v.TaskQuery) -> v.TaskPage:
        from tracker.services.queries import list_tasks

        service_query = self._service_query(query)
        page = list_tasks(self.ctx, service_query, count=False)
        return v.TaskPage([_row(row) for row in page.rows], page.total, page.offset)

    def count_tasks(self, query: v.TaskQuery) -> int:
        from tracker.services.queries import count_tasks

        return count_tasks(self.ctx, self._service_query(query))

    @staticmethod
    def _service_query(query: v.TaskQuery) -> Any:
        from tracker.services.dto import TaskQuery

        return TaskQuery(
            body_id=query.body_id, directive_id=query.directive_id, due_from=query.due_from,
            due_to=query.due_to, search=query.search, sort=query.sort, descending=query.descending,
            offset=query.offset, limit=query.limit,
            category=None if query.category == "due_soon" else query.category,
            due_soon=query.category == "due_soon",
        )

    def task_detail(self, task_id: int) -> v.TaskDetail:
        from tracker.services.queries import get_task

        d = get_task(self.ctx, task_id)
        history = [v.TaskEventView(e.id, e.at.strftime("%d/%m/%Y %H:%M"), e.on_date, e.user, e.kind, e.summary,
                                   e.undone) for e in d.history]
        occurrences = [v.OccurrenceView(o.due_on, o.submitted_on) for o in d.occurrences]
        return v.TaskDetail(
            id=d.id, version=d.version, directive_id=d.directive_id, directive_number=d.directive_number or "—",
            directive_date=d.directive_date, directive_issuer=d.directive_issuer or "",
            directive_subject=d.directive_subject or "", ref=d.ref, text=d.text, passage=d.passage, body=d.body,
            role=d.role, lead_bodies=list(d.lead_bodies), cooperating_bodies=list(d.cooperating_bodies),
            original_deadline=d.original_deadline, current_deadline=d.current_deadline,
            deadline_text=d.deadline_text or "", recurrence=_recurrence_text(d.recurrence),
            urgency=d.urgency or "", state=d.state, category=d.category, due_soon=d.due_soon,
            progress=d.progress, pending_extension=d.pending_extension, occurrences=occurrences, history=history,
        )

    def task_action(self, task_id: int, action: str, version: int | None, **fields: Any) -> v.ActionResult:
        from tracker.services.tasks import perform

        service_action, names = ACTION_FIELDS.get(action, (action, {}))
        arguments = {names.get(key, key): value for key, value in fields.items() if value not in (None, "")}
        if action == "recurrence":  # a typed RRULE, else the choice ("none" clears the rule)
            rule = str(fields.get("rrule") or "").strip() or fields.get("rule")
            if not rule:
                from tracker.domain.errors import InputError

                raise InputError("tui.form.recurrence_needed")
            arguments = {"recurrence": None if rule == "none" else rule}
        if service_action in ("return", "reopen") and "reason" not in arguments:
            arguments["reason"] = None
        if service_action == "note" and "text" not in arguments:
            arguments["text"] = None
        result = perform(self.ctx, task_id, service_action, version, **arguments)
        return v.ActionResult(result.task_id, result.message)

    # ----- lists -------------------------------------------------------------------------------

    def body_choices(self) -> Sequence[v.Choice]:
        from tracker.services.bodies import list_bodies

        return [v.Choice(body.id, body.name) for body in list_bodies(self.ctx)]

    def directive_choices(self) -> Sequence[v.Choice]:
        from tracker.services.directives import list_directives

        return [v.Choice(row.id, f"{row.number or '—'} {row.issue_date.strftime('%d/%m/%Y') if row.issue_date else ''}")
                for row in list_directives(self.ctx)]

    # ----- screens -----------------------------------------------------------------------------

    def dashboard(self) -> v.Dashboard:
        from tracker.services.dashboard import overview

        d = overview(self.ctx)
        grid = {c.value: d.grid.get(c) for c in Category}
        rates = [v.BodyRate(rate.body, rate.grid.done_on_time, rate.grid.total - rate.grid.no_deadline)
                 for rate in d.body_rates]
        return v.Dashboard(
            as_of=d.as_of, grid=grid, due_soon_count=d.grid.due_soon,
            overdue=[_brief(e) for e in d.overdue], due_soon=[_brief(e) for e in d.due_soon],
            waiting_confirmation=[_brief(e) for e in d.waiting_confirmation],
            extension_requests=[_brief(e) for e in d.extension_requests], body_rates=rates,
            totals={"overdue": d.overdue_total, "due_soon": d.grid.due_soon, "waiting": d.waiting_total,
                    "extensions": d.requests_total},
        )

    def directives(self) -> Sequence[v.DirectiveSummary]:
        from tracker.services.directives import list_directives

        return [_summary(row) for row in list_directives(self.ctx)]

    def directive_tree(self, directive_id: int) -> v.DirectiveTree:
        from tracker.services.directives import get_directive_tree

        tree = get_directive_tree(self.ctx, directive_id)
        return v.DirectiveTree(_summary(tree.directive), [_node(node) for node in tree.items])

    # ----- import ------------------------------------------------------------------------------

    def preview_import(self, path: str) -> v.ImportPreview:
        from tracker.services.import_preview import DOC_NEW
        from tracker.services.importing import preview_file

        preview = preview_file(self.ctx, path, **({"extractor": self.extractor} if self.extractor else {}))
        documents = []
        for doc in preview.documents:
            items = [v.PreviewItem(
                ref=item.ref, text=item.text, bodies=[b.name for b in item.bodies],
                new_bodies=[b.name for b in item.bodies if b.is_new],
                lead=item.bodies[0].name if item.bodies else "", deadline=item.deadline,
                deadline_text=item.deadline_text or "", recurrence=_recurrence_text(item.rrule or item.recurrence),
                is_leaf=item.is_leaf) for item in doc.items]
            documents.append(v.PreviewDocument(doc.number or "", doc.issuer or "", doc.issue_date, doc.subject or "",
                                               items, duplicate=doc.status != DOC_NEW))
        def words(issue: Any) -> str:
            detail = f" “{issue.detail}”" if issue.detail else ""
            return f"{t('tui.import.line', line=issue.line)} {t(issue.code)}{detail}"

        problems = [words(issue) for issue in preview.issues]
        for doc in preview.documents:
            problems.extend(f"{doc.number or '—'} {words(issue)}" for issue in doc.issues)
        return v.ImportPreview(path=path, documents=documents, problems=problems, token=preview)

    def commit_import(self, preview: v.ImportPreview, corrections: Sequence[v.ItemCorrection]) -> v.ImportOutcome:
        from tracker.services import import_preview as ip
        from tracker.services.bodies import find_bodies
        from tracker.services.importing import commit_preview

        stored = preview.token
        for fix in corrections:
            doc = stored.documents[fix.document_index]
            if fix.drop:
                ip.drop_item(doc, fix.ref)
                continue
            if fix.merge_into:
                ip.merge_items(doc, fix.ref, fix.merge_into)
                continue
            if fix.deadline is not None:
                ip.set_deadline(doc, fix.ref, fix.deadline)
            if fix.bodies is not None:
                chosen = []
                for index, name in enumerate(fix.bodies):
                    match = next(iter(find_bodies(self.ctx, name, limit=1)), None)
                    role = "lead" if index == 0 else "cooperating"
                    chosen.append(ip.PreviewBody(match.name if match else name, role, name,
                                                 match.id if match else None))
                ip.set_bodies(doc, fix.ref, chosen)
        report = commit_preview(self.ctx, stored)
        outcome = report.files[0]
        if outcome.failed:
            from tracker.domain.errors import InputError

            raise InputError(outcome.error_code or "error.unexpected", **(outcome.error_params or {"detail": ""}))
        return v.ImportOutcome(path=preview.path, directives=outcome.directives_new, tasks=outcome.tasks,
                               skipped=outcome.directives_new == 0, new_bodies=list(outcome.new_bodies),
                               message=outcome.message())

    # ----- report ------------------------------------------------------------------------------

    def _report(self, start: date, end: date, body: str | None = None) -> Any:
        from tracker.services.reporting import build_report, range_period, week_of

        week = week_of(start)
        period = week if (week.start, week.end) == (start, end) else range_period(start, end)
        return build_report(self.ctx, period, bodies=(body,) if body else ())

    def report_preview(self, start: date, end: date, body: str | None = None) -> v.ReportPreview:
        data = self._report(start, end, body)
        grid = data.overall
        counts = {c.value: getattr(grid, c.value) for c in Category}

        def rate(value: float | None) -> str:
            return "—" if value is None else f"{value:.0%}"

        figures = [(t("tui.report.cutoff"), data.cutoff.strftime("%d/%m/%Y")), (t("tui.dash.total"), str(grid.total))]
        figures += [(t(f"category.{c.value}"), str(counts[c.value])) for c in Category]
        figures += [
            (t("category.due_soon"), str(grid.due_soon)),
            (t("tui.report.on_time_rate"), rate(grid.on_time_rate)),
            (t("tui.report.on_time_rate_original"), rate(grid.on_time_rate_original)),
            (t("tui.report.missed"), str(grid.missed_recurring)),
            (t("tui.report.directives_received"), str(len(data.directives))),
            (t("tui.report.tasks_created"), str(data.tasks_created)),
            (t("tui.report.done_in_period"), str(len(data.completed))),
            (t("tui.report.returned"), str(len(data.returned))),
            (t("tui.report.extended"), str(len(data.extensions))),
        ]
        return v.ReportPreview(start, end, figures, counts)

    def report_formats(self) -> Sequence[str]:
        from tracker.reports import FORMATS

        preferred = ["md", "csv"]  # plain text first: readable anywhere
        return preferred + [fmt for fmt in FORMATS if fmt not in preferred]

    def export_report(self, start: date, end: date, fmt: str, path: str, body: str | None = None) -> str:
        from tracker.reports import export
        from tracker.services.reporting import letterhead_from

        content = export(self._report(start, end, body), fmt, letterhead=letterhead_from(self.ctx))
        target = Path(path).expanduser()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return str(target)

    # ----- bodies ------------------------------------------------------------------------------

    def bodies(self) -> Sequence[v.BodyView]:
        from tracker.services.bodies import list_bodies

        return [v.BodyView(b.id, b.name, b.kind, b.aliases, b.members, b.is_group, b.is_new, b.task_count)
                for b in list_bodies(self.ctx)]

    def body_action(self, action: str, body_id: int, **fields: Any) -> str:
        from tracker.services import bodies

        if action == "rename":
            info = bodies.rename_body(self.ctx, body_id, fields["name"])
            return t("tui.body.renamed", name=info.name)
        if action == "alias":
            info = bodies.add_alias(self.ctx, body_id, fields["alias"])
            return t("tui.body.aliased", name=info.name, alias=fields["alias"])
        if action == "merge":
            result = bodies.merge_bodies(self.ctx, fields["into_id"], body_id)
            return t("tui.body.merged", absorbed=result.absorbed_name, kept=result.kept.name,
                     tasks=result.moved_tasks + result.merged_tasks)
        from tracker.domain.errors import InputError

        raise InputError("tui.body.bad_action", action=action)
