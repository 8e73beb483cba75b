"""The task lifecycle use cases: create, progress, report done, confirm, return, extend, urge...

Each action is one transaction: load the task (unknown id -> ``NotFoundError``), check the version
the caller saw (``expected_version``; stale -> :class:`TaskConflict` showing the other's change),
ask :func:`authorize` (the one place for roles), let the pure state machine
(``tracker.domain.lifecycle``) decide, then write the changed fields and append exactly one
``TaskEvent`` (user, injected clock, ``old``/``new`` values). A refusal raises before anything is
written. Two writers racing past the version check are caught by the task's ``version`` column
(SQLAlchemy ``version_id_col``): the later one gets a ``TaskConflict`` too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.models import Body, BodyAlias, Directive, Item, Occurrence, Task, TaskEvent
from tracker.domain import lifecycle
from tracker.domain.enums import EventKind, TaskRole, TaskState
from tracker.domain.errors import ConflictError, NotFoundError, RuleViolation
from tracker.domain.lifecycle import UNSET, TaskFacts, Transition
from tracker.domain.text import fold, match_key
from tracker.services import permissions
from tracker.services import recurrence as recurrence_rules
from tracker.services.context import ServiceContext
from tracker.services.dto import ActionResult, EventView
from tracker.services.event_text import event_view

# ---------------------------------------------------------------- creation (shared with the importer


@dataclass(frozen=True)
class NewTask:
    """One task to create: a leaf item and one responsible body."""

    item: Item
    directive: Directive
    body: Body
    role: str = TaskRole.LEAD.value
    deadline: date | None = None
    recurrence: str | None = None  # RRULE
    urgency: str | None = None  # Urgency value


def search_text_for(directive_number: str | None, ref: str, body_name: str, item_text: str) -> str:
    """The diacritic-free key free-text search runs against."""
    return fold(f"{directive_number or ''} {ref} {body_name} {item_text}")


def _initial_facts(spec: NewTask) -> TaskFacts:
    return TaskFacts(state=TaskState.NOT_STARTED, progress=0, original_deadline=spec.deadline,
                     current_deadline=spec.deadline, recurrence=spec.recurrence or None,
                     urgency=spec.urgency or None, role=str(spec.role))


def create_tasks(session: Session, specs: Sequence[NewTask], *, on_date: date, at: datetime, user: str,
                 db_role: str | None = None, source: str = "import") -> list[Task]:
    """Add the tasks and their ``created`` events (one flush for the tasks); never commits.

    ``on_date`` is the business date (``ctx.today()``), ``at`` the timestamp (``ctx.now()``)."""
    tasks: list[Task] = []
    for spec in specs:
        if spec.directive.id is None:
            session.add(spec.item)
            session.flush()
        facts = _initial_facts(spec)
        tasks.append(Task(
            item=spec.item, body=spec.body, directive_id=spec.directive.id, role=facts.role,
            original_deadline=facts.original_deadline, current_deadline=facts.current_deadline,
            recurrence=facts.recurrence, urgency=facts.urgency, state=facts.state.value,
            progress=0, completed_on=None, pending_extension=None, active=True,
            search_text=search_text_for(spec.directive.number, spec.item.ref, spec.body.name, spec.item.text),
            created_at=at, updated_at=at,
        ))
    session.add_all(tasks)
    session.flush()
    events = []
    for task, spec in zip(tasks, specs, strict=True):
        new = lifecycle.to_json(_initial_facts(spec).values())
        new["body_id"] = task.body_id
        new["source"] = source
        events.append(TaskEvent(task_id=task.id, at=at, on_date=on_date, by_user=user, db_role=db_role,
                                kind=EventKind.CREATED.value, old=None, new=new))
    session.add_all(events)
    return tasks


def create_task(session: Session, *, item: Item, directive: Directive, body: Body,
                role: str = TaskRole.LEAD.value, deadline: date | None = None,
                recurrence: str | None = None, urgency: str | None = None, on_date: date,
                at: datetime, user: str, db_role: str | None = None, source: str = "import") -> Task:
    """One task (state not started, progress 0, both deadlines = ``deadline``) and its
    ``created`` event; flushes, never commits. Batches should call :func:`create_tasks`."""
    spec = NewTask(item=item, directive=directive, body=body, role=role, deadline=deadline,
                   recurrence=recurrence, urgency=urgency)
    return create_tasks(session, [spec], on_date=on_date, at=at, user=user, db_role=db_role,
                        source=source)[0]


# ---------------------------------------------------------------- the frame of every action


class TaskConflict(ConflictError):
    """The task changed since the caller read it; ``change`` is the latest change (who, when, what)."""

    def __init__(self, task_id: int, expected: int | None, current: int | None,
                 change: EventView | None) -> None:
        super().__init__(
            "task.conflict", task=task_id, expected=expected if expected is not None else "?",
            current=current if current is not None else "?",
            user=change.user if change else "?",
            at=change.at.strftime("%Y-%m-%d %H:%M") if change else "?",
            change=change.summary if change else "?",
        )
        self.task_id = task_id
        self.expected_version = expected
        self.current_version = current
        self.change = change


# Each action's name in tracker.services.permissions.ACTIONS.
PERMISSION_OF: dict[str, str] = {"add_body": "edit", "remove_body": "edit"}


def authorize(ctx: ServiceContext, session: Session, action: str, task: Task) -> None:
    """The one place every task action asks whether the acting user may do it (roles: office,
    unit on its own bodies' tasks, viewer). Raises ``PermissionDenied`` before anything is written."""
    permissions.require(ctx, session, PERMISSION_OF.get(action, action), task)


def acting_user(ctx: ServiceContext) -> str:
    return permissions.user_name(ctx)


def facts_of(task: Task) -> TaskFacts:
    return TaskFacts(
        state=TaskState(task.state), progress=task.progress, original_deadline=task.original_deadline,
        current_deadline=task.current_deadline, completed_on=task.completed_on,
        pending_extension=task.pending_extension, active=task.active, recurrence=task.recurrence,
        urgency=task.urgency, body_id=task.body_id, role=task.role,
    )


def _load(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id) if isinstance(task_id, int) and not isinstance(task_id, bool) else None
    if task is None:
        raise NotFoundError("task.not_found", task=task_id)
    return task


def latest_change(session: Session, task_id: int) -> EventView | None:
    event = session.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id)
                            .order_by(TaskEvent.id.desc()).limit(1)).first()
    return event_view(event, undone=False) if event is not None else None


def _check_version(session: Session, task: Task, expected: int | None) -> None:
    if expected is not None and task.version != expected:
        raise TaskConflict(task.id, expected, task.version, latest_change(session, task.id))


def _apply(ctx: ServiceContext, session: Session, task: Task, facts: TaskFacts,
           transition: Transition, undoes: int | None = None) -> TaskEvent:
    """Write the changed fields and append the event; returns the (flushed) event."""
    old = lifecycle.old_values(facts, transition.changes)
    for key, value in transition.changes.items():
        setattr(task, key, value.value if isinstance(value, TaskState) else value)
    now = ctx.now()
    task.updated_at = now  # every action bumps the version, so a stale screen always notices
    new = {**lifecycle.to_json(transition.changes), **transition.info}
    event = TaskEvent(task_id=task.id, at=now, on_date=ctx.today(), by_user=acting_user(ctx),
                      db_role=permissions.db_role(session), kind=transition.kind.value, percent=transition.percent,
                      note=transition.note, old=lifecycle.to_json(old) or None, new=new or None,
                      undoes_event_id=undoes)
    session.add(event)
    session.flush()
    return event


Decide = Callable[[Session, Task, TaskFacts], Transition]
After = Callable[[Session, Task, TaskEvent], int | None]


def _run(ctx: ServiceContext, task_id: int, action: str, expected_version: int | None, decide: Decide,
         after: After | None = None, undoes: Callable[[], int | None] | None = None) -> ActionResult:
    try:
        with ctx.sessions.begin() as session:
            task = _load(session, task_id)
            _check_version(session, task, expected_version)
            authorize(ctx, session, action, task)
            facts = facts_of(task)
            transition = decide(session, task, facts)
            target = transition.info.get("undoes") if transition.kind == EventKind.UNDONE else None
            event = _apply(ctx, session, task, facts, transition, undoes=target)
            created = after(session, task, event) if after is not None else None
            session.flush()
            view = event_view(event, undone=False)
            return ActionResult(task_id=task.id, event_id=event.id, kind=event.kind, version=task.version,
                                state=task.state, message=view.summary, created_task_id=created)
    except StaleDataError:
        # Another transaction changed the task between our read and our write.
        with ctx.sessions.begin() as session:
            current = session.scalar(select(Task.version).where(Task.id == task_id))
            raise TaskConflict(task_id, expected_version, current, latest_change(session, task_id)) from None


# ---------------------------------------------------------------- the actions


def progress(ctx: ServiceContext, task_id: int, percent: int, note: str | None = None, *,
             expected_version: int | None = None) -> ActionResult:
    """The unit reports progress (0-100 %) with an optional note."""
    return _run(ctx, task_id, "progress", expected_version,
                lambda s, t, f: lifecycle.progress(f, percent, note))


def report_done(ctx: ServiceContext, task_id: int, *, done_on: date | None = None, note: str | None = None,
                expected_version: int | None = None) -> ActionResult:
    """The unit reports the task done (on ``done_on``, default today)."""
    return _run(ctx, task_id, "report_done", expected_version,
                lambda s, t, f: lifecycle.report_done(f, ctx.today(), done_on, note))


def confirm(ctx: ServiceContext, task_id: int, *, note: str | None = None,
            expected_version: int | None = None) -> ActionResult:
    """The office confirms a task reported done."""
    return _run(ctx, task_id, "confirm", expected_version, lambda s, t, f: lifecycle.confirm(f, note))


def return_task(ctx: ServiceContext, task_id: int, reason: str | None, *,
                expected_version: int | None = None) -> ActionResult:
    """The office returns a task reported done (reason required)."""
    return _run(ctx, task_id, "return", expected_version, lambda s, t, f: lifecycle.return_task(f, reason))


def reopen(ctx: ServiceContext, task_id: int, reason: str | None, *,
           expected_version: int | None = None) -> ActionResult:
    """The office reopens a confirmed task (reason required)."""
    return _run(ctx, task_id, "reopen", expected_version, lambda s, t, f: lifecycle.reopen(f, reason))


def request_extension(ctx: ServiceContext, task_id: int, new_deadline: date, reason: str | None, *,
                      expected_version: int | None = None) -> ActionResult:
    """The unit asks for a later deadline; the office decides with extend / reject_extension."""
    return _run(ctx, task_id, "request_extension", expected_version,
                lambda s, t, f: lifecycle.request_extension(f, new_deadline, reason, ctx.today()))


def extend(ctx: ServiceContext, task_id: int, new_deadline: date | None = None, reason: str | None = None, *,
           expected_version: int | None = None) -> ActionResult:
    """The office moves the approved deadline forward; without ``new_deadline`` it approves the
    pending request as asked."""

    def decide(session: Session, task: Task, facts: TaskFacts) -> Transition:
        day = new_deadline or facts.pending_extension
        if day is None:
            raise RuleViolation("task.rule.no_pending_extension")
        return lifecycle.extend(facts, day, reason, ctx.today())

    return _run(ctx, task_id, "extend", expected_version, decide)


def reject_extension(ctx: ServiceContext, task_id: int, reason: str | None = None, *,
                     expected_version: int | None = None) -> ActionResult:
    return _run(ctx, task_id, "reject_extension", expected_version,
                lambda s, t, f: lifecycle.reject_extension(f, reason))


def urge(ctx: ServiceContext, task_id: int, *, urged_on: date | None = None, channel: str | None = None,
         document: str | None = None, note: str | None = None,
         expected_version: int | None = None) -> ActionResult:
    """The office urges the unit (date, channel, document number, note)."""
    return _run(ctx, task_id, "urge", expected_version,
                lambda s, t, f: lifecycle.urge(f, ctx.today(), urged_on, channel, document, note))


def add_note(ctx: ServiceContext, task_id: int, text: str | None, *,
             expected_version: int | None = None) -> ActionResult:
    return _run(ctx, task_id, "note", expected_version, lambda s, t, f: lifecycle.add_note(f, text))


def edit(ctx: ServiceContext, task_id: int, *, deadline: date | None = UNSET, recurrence: str | None = UNSET,
         urgency: str | None = UNSET, note: str | None = None,
         expected_version: int | None = None) -> ActionResult:
    """Correct the deadline (original and approved), the recurrence (RRULE or daily/weekly/...)
    or the urgency; ``None`` clears, an argument left out keeps."""

    def decide(session: Session, task: Task, facts: TaskFacts) -> Transition:
        rule = recurrence
        if rule is not UNSET and rule is not None and rule.strip():
            rule = recurrence_rules.normalize_rule(rule)
        return lifecycle.edit(facts, deadline=deadline, recurrence=rule, urgency=urgency, note=note)

    return _run(ctx, task_id, "edit", expected_version, decide)


def find_body(session: Session, name: str) -> Body | None:
    """A body by its name or an alias (case and punctuation ignored), else by its name without
    diacritics when that names exactly one body."""
    key = match_key(name)
    if not key:
        return None
    body = session.scalar(select(Body).where(Body.name_key == key))
    if body is None:
        body = session.scalar(select(Body).join(BodyAlias, BodyAlias.body_id == Body.id)
                              .where(BodyAlias.alias_key == key))
    if body is None:  # typed without diacritics ("so y te"): only when exactly one body fits
        candidates = session.scalars(select(Body).where(Body.search_key == fold(name)).limit(2)).all()
        body = candidates[0] if len(candidates) == 1 else None
    return body


def add_body(ctx: ServiceContext, task_id: int, body: str | int, *, role: str = TaskRole.COOPERATING.value,
             note: str | None = None, expected_version: int | None = None) -> ActionResult:
    """Make another body responsible for the task's item: a new task for it (or the removed one
    made active again), recorded on this task as ``body_added``. ``created_task_id`` in the result."""
    made: dict[str, int] = {}
    if role not in {r.value for r in TaskRole}:
        raise RuleViolation("task.rule.bad_role", value=role, choices=", ".join(r.value for r in TaskRole))

    def decide(session: Session, task: Task, facts: TaskFacts) -> Transition:
        found = session.get(Body, body) if isinstance(body, int) else find_body(session, body)
        if found is None:
            raise NotFoundError("task.body_not_found", body=str(body)[:200])
        sibling = session.scalar(select(Task).where(Task.item_id == task.item_id, Task.body_id == found.id))
        if sibling is not None and sibling.active:
            raise RuleViolation("task.rule.body_already_responsible", body=found.name)
        if sibling is not None:  # removed before: make it active again (its own history goes on)
            authorize(ctx, session, "add_body", sibling)
            _apply(ctx, session, sibling, facts_of(sibling), lifecycle.restore_body(facts_of(sibling), note))
            made["id"] = sibling.id
        else:
            directive = session.get(Directive, task.directive_id)
            assert directive is not None
            spec = NewTask(item=task.item, directive=directive, body=found, role=role,
                           deadline=task.current_deadline, recurrence=task.recurrence, urgency=task.urgency)
            new_task = create_tasks(session, [spec], on_date=ctx.today(), at=ctx.now(), user=acting_user(ctx),
                                    db_role=permissions.db_role(session), source=f"task:{task.id}")[0]
            if task.original_deadline != task.current_deadline:
                new_task.original_deadline = task.original_deadline
            made["id"] = new_task.id
        return lifecycle.body_added(facts, made["id"], found.name, role)

    return _run(ctx, task_id, "add_body", expected_version, decide, after=lambda s, t, e: made.get("id"))


def remove_body(ctx: ServiceContext, task_id: int, reason: str | None = None, *,
                expected_version: int | None = None) -> ActionResult:
    """The task's body is no longer responsible: the task stays, inactive, out of the grid."""
    return _run(ctx, task_id, "remove_body", expected_version,
                lambda s, t, f: lifecycle.remove_body(f, reason))


def submit_occurrence(ctx: ServiceContext, task_id: int, due_on: date, *, note: str | None = None,
                      expected_version: int | None = None) -> ActionResult:
    """The unit submitted the periodic report due on ``due_on`` (a date of the task's rule)."""

    def decide(session: Session, task: Task, facts: TaskFacts) -> Transition:
        transition = lifecycle.submit_occurrence(facts, due_on, ctx.today(), note)
        if not recurrence_rules.is_occurrence(task.recurrence or "", recurrence_rules.task_start(session, task),
                                              due_on):
            raise RuleViolation("task.rule.not_an_occurrence", day=due_on.isoformat())
        existing = session.scalar(select(Occurrence).where(Occurrence.task_id == task.id,
                                                           Occurrence.due_on == due_on))
        if existing is not None and existing.submitted_on is not None:
            raise RuleViolation("task.rule.occurrence_already_submitted", day=due_on.isoformat(),
                                submitted=existing.submitted_on.isoformat())
        if existing is None:
            existing = Occurrence(task_id=task.id, due_on=due_on)
            session.add(existing)
        existing.submitted_on = ctx.today()
        existing.submitted_by = acting_user(ctx)
        existing.note = transition.note
        return transition

    return _run(ctx, task_id, "submit_occurrence", expected_version, decide)


def _undo_target(session: Session, task_id: int) -> TaskEvent:
    """The task's last action not undone yet (undo events themselves are skipped)."""
    events = session.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id)
                             .order_by(TaskEvent.id.desc())).all()
    undone = {e.undoes_event_id for e in events if e.undoes_event_id is not None}
    for event in events:
        if event.kind == EventKind.UNDONE or event.id in undone:
            continue
        if event.kind in lifecycle.NOT_UNDOABLE:
            break
        return event
    raise RuleViolation("task.rule.nothing_to_undo")


def undo(ctx: ServiceContext, task_id: int, *, expected_version: int | None = None) -> ActionResult:
    """Undo the task's last action with a compensating ``undone`` event restoring the old values;
    the undone event stays in the history. Repeated, it walks further back."""

    def decide(session: Session, task: Task, facts: TaskFacts) -> Transition:
        target = _undo_target(session, task.id)
        transition = lifecycle.undo(facts, target.kind, target.old, target.new, target.id)
        new = target.new or {}
        if target.kind == EventKind.OCCURRENCE_SUBMITTED and new.get("due_on"):
            occurrence = session.scalar(select(Occurrence).where(
                Occurrence.task_id == task.id, Occurrence.due_on == date.fromisoformat(new["due_on"])))
            if occurrence is not None:
                occurrence.submitted_on = None
                occurrence.submitted_by = None
        if target.kind == EventKind.BODY_ADDED and new.get("added_task_id"):
            added = session.get(Task, int(new["added_task_id"]))
            if added is not None and added.active:
                _apply(ctx, session, added, facts_of(added),
                       lifecycle.remove_body(facts_of(added), f"undo #{target.id}"))
        return transition

    return _run(ctx, task_id, "undo", expected_version, decide)


# ---------------------------------------------------------------- one entry point for the UIs

ACTIONS: dict[str, Callable[..., ActionResult]] = {
    "progress": progress,
    "report_done": report_done,
    "confirm": confirm,
    "return": return_task,
    "reopen": reopen,
    "request_extension": request_extension,
    "extend": extend,
    "reject_extension": reject_extension,
    "urge": urge,
    "note": add_note,
    "edit": edit,
    "add_body": add_body,
    "remove_body": remove_body,
    "submit_occurrence": submit_occurrence,
    "undo": undo,
}


def perform(ctx: ServiceContext, task_id: int, action: str, expected_version: int | None = None,
            **fields: Any) -> ActionResult:
    """Run the action named ``action`` (a key of ACTIONS) with its keyword ``fields``."""
    try:
        function = ACTIONS[action]
    except KeyError:
        raise RuleViolation("task.rule.unknown_action", action=action,
                            choices=", ".join(sorted(ACTIONS))) from None
    return function(ctx, task_id, expected_version=expected_version, **fields)
