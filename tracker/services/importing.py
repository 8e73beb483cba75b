"""Import directive files: each file is read, extracted, checked against what is stored, and
saved with its directives, items and tasks in ONE transaction, so a file is either fully
stored or absent (a crash half-way included). A file that fails is reported and the others
still go in.

    report = import_paths(ctx, ["sample_docs/"])            # files or folders
    report = import_paths(ctx, paths, dry_run=True)          # computes everything, stores nothing
    preview = preview_file(ctx, path)                        # for the review screen
    ... the clerk edits preview (tracker.services.import_preview helpers) ...
    report = commit_preview(ctx, preview)

Writes are bulk statements (a handful per file, whatever its size) and bodies are matched
against an in-memory copy of the directory, loaded once per import.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from tracker.db.models import Directive, ImportBatch, Item, Task, TaskEvent
from tracker.domain import lifecycle
from tracker.domain.enums import EventKind, TaskRole, TaskState
from tracker.domain.errors import InputError, PermissionDenied, TrackerError
from tracker.domain.lifecycle import TaskFacts
from tracker.domain.parsed import ExtractionResult, ParsedDocument, ParsedItem, ParseIssue
from tracker.domain.text import match_key
from tracker.services.body_index import BodyIndex, fast_fold
from tracker.services.bulk import reserve_ids
from tracker.services.context import ServiceContext
from tracker.services.import_preview import (
    DOC_EXISTING_NUMBER,
    DOC_EXISTING_TEXT,
    DOC_NEW,
    DOC_REPEATED,
    DOC_SKIPPED,
    FILE_ALREADY_IMPORTED,
    FILE_FAILED,
    FILE_IMPORTED,
    FILE_NOTHING_NEW,
    DocumentOutcome,
    FileOutcome,
    ImportPreview,
    ImportReport,
    PreviewBody,
    PreviewDocument,
    PreviewItem,
)
from tracker.services.import_storage import RowWriter
from tracker.services.import_workers import ordered_map, worker_count

SUFFIXES = (".txt", ".docx", ".pdf")
MAX_BODY_NAME = 250  # longer "names" are sentences the parser mistook for a body

Extractor = Callable[[Path], ExtractionResult]
Progress = Callable[[int, int, FileOutcome], None]

_TASKS = cast(Table, Task.__table__)
_EVENTS = cast(Table, TaskEvent.__table__)
_ITEMS = cast(Table, Item.__table__)
_DIRECTIVES = cast(Table, Directive.__table__)
_BATCHES = cast(Table, ImportBatch.__table__)


# --- reading -----------------------------------------------------------------------------------

def extract_file(path: Path) -> ExtractionResult:
    """Read and extract one file with the parser (tracker.ingest + tracker.parsing)."""
    from tracker.ingest import read_file  # type: ignore[attr-defined,unused-ignore]
    from tracker.parsing.extract import extract

    return extract(read_file(path))


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileOutcome]]:
    """The files named or found (recursively) in the folders named, in a stable order; and an
    outcome for each path that does not exist."""
    files: list[Path] = []
    missing: list[FileOutcome] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not p.name.startswith((".", "~$")))
            if not found:
                missing.append(_failed(str(path), InputError("import.empty_folder", path=str(path))))
        elif path.exists():
            found = [path]
        else:
            missing.append(_failed(str(path), InputError("import.missing_path", path=str(path))))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing


def _failed(path: str, error: BaseException) -> FileOutcome:
    if isinstance(error, TrackerError):
        return FileOutcome(path, FILE_FAILED, error_code=error.code, error_params=dict(error.params))
    detail = f"{type(error).__name__}: {error}"[:500]
    return FileOutcome(path, FILE_FAILED, error_code="import.file_crashed",
                       error_params={"path": path, "detail": detail})


# --- planning: what would be stored ------------------------------------------------------------

def text_hash(text: str) -> str:
    """The directive's identity as text: trailing spaces and blank edges do not count."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _clip(value: str | None, size: int) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value[:size] if value else None


FoundBodies = tuple[tuple[str, str, str], ...]  # a leaf's bodies as found: (name, as written, role)


def _found_bodies(item: ParsedItem) -> FoundBodies:
    """The bodies the parser found for a leaf, names with their spaces evened; empty names and
    over-long ones (see MAX_BODY_NAME) left out."""
    out: list[tuple[str, str, str]] = []
    for found in item.bodies:
        name = " ".join(found.name.split())
        if name and len(name) <= MAX_BODY_NAME:
            out.append((name, found.written, TaskRole(found.role).value))
    return tuple(out)


def _preview_bodies(found: FoundBodies, index: BodyIndex) -> list[PreviewBody]:
    """A leaf's bodies matched against the directory: each body once (by id, or by name when new)."""
    out: list[PreviewBody] = []
    seen: set[str] = set()
    for name, written, role in found:
        body_id = index.lookup(name, written)
        if body_id is not None:
            name = index.name(body_id)
        key = f"#{body_id}" if body_id is not None else match_key(name)
        if key in seen:
            continue
        seen.add(key)
        members = [] if body_id is None else [index.name(m) for m in index.expand(body_id) if m != body_id]
        out.append(PreviewBody(name=name, role=role, written=written, body_id=body_id, members=members))
    return out


def _preview_item(item: ParsedItem, is_leaf: bool) -> PreviewItem:
    """An item without its bodies (they need the directory: see :func:`fill_bodies`)."""
    hint = item.deadline
    return PreviewItem(
        ref=item.ref, text=item.text, is_leaf=is_leaf, parent_ref=item.parent_ref,
        line_start=item.line_start, line_end=item.line_end,
        deadline=hint.due if hint else None, deadline_text=hint.raw if hint else None,
        rrule=hint.rrule if hint else None,
        recurrence=hint.recurrence.value if hint and hint.recurrence else None,
        urgency=hint.urgency.value if hint and hint.urgency else None,
    )


def _document_items(doc: ParsedDocument, found: list[FoundBodies]) -> list[PreviewItem]:
    """Headings and leaves in text order; a parent known only by its ``heading_text`` becomes a
    heading item so the tree keeps its shape. The leaves' found bodies are appended to ``found``,
    in the order of the leaves returned."""
    entries: list[tuple[int, int, int, PreviewItem, ParsedItem | None]] = []
    refs = {h.ref for h in doc.headings}
    for order, heading in enumerate(doc.headings):
        entries.append((heading.line_start, 0, order, _preview_item(heading, is_leaf=False), None))
    for order, leaf in enumerate(doc.items):
        if leaf.parent_ref and leaf.parent_ref not in refs and leaf.heading_text:
            refs.add(leaf.parent_ref)
            grand = leaf.parent_ref.rsplit(".", 1)[0] if "." in leaf.parent_ref else None
            entries.append((leaf.line_start, 0, -1, PreviewItem(
                ref=leaf.parent_ref, text=leaf.heading_text, is_leaf=False,
                parent_ref=grand if grand in refs else None), None))
        entries.append((leaf.line_start, 1, order, _preview_item(leaf, is_leaf=True), leaf))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    found.extend(_found_bodies(entry[4]) for entry in entries if entry[4] is not None)
    return [entry[3] for entry in entries]


def _preview_document(doc: ParsedDocument, found: list[FoundBodies]) -> PreviewDocument:
    return PreviewDocument(
        number=_clip(doc.number, 100), issuer=_clip(doc.issuer, 300), doc_type=doc.doc_type.value,
        issue_date=doc.issue_date, subject=doc.subject, text=doc.text, text_sha256=text_hash(doc.text),
        place=_clip(doc.place, 200), signer=_clip(doc.signer, 200),
        signing_authority=_clip(doc.signing_authority, 200), monitor=_clip(doc.monitor, 300),
        recipients=list(doc.recipients),
        cited=[{"kind": c.kind, "number": c.number, "date": c.date.isoformat() if c.date else None,
                "issuer": c.issuer, "raw": c.raw} for c in doc.cited],
        items=_document_items(doc, found), issues=[*doc.issues, *_ignored_bodies(doc)],
    )


def _ignored_bodies(doc: ParsedDocument) -> list[ParseIssue]:
    """A problem to check for each body name left out as too long (see MAX_BODY_NAME), so an item
    that loses its body this way is not silently left without a task."""
    issues: list[ParseIssue] = []
    for item in doc.items:
        for found in item.bodies:
            name = " ".join(found.name.split())
            if len(name) > MAX_BODY_NAME:
                issues.append(ParseIssue(item.line_start, "import.body_name_ignored",
                                         detail=f"{item.ref} – {name[:60]}… ({len(name)})"))
    return issues


@dataclass
class Draft:
    """A file's preview built as far as it goes without the database: everything but the leaves'
    bodies, which are matched against the directory by :func:`fill_bodies`. Plain picklable data,
    so a worker process can build it (see :func:`import_paths`)."""

    preview: ImportPreview
    found: list[FoundBodies]  # per leaf item of the preview, in order
    folded: dict[str, str]  # fast_fold of the texts the tasks' search text is made of


def draft_preview(extraction: ExtractionResult, path: str) -> Draft:
    source = extraction.source
    found: list[FoundBodies] = []
    preview = ImportPreview(
        path=path, file_name=source.name, file_sha256=source.file_sha256, encoding=source.encoding,
        documents=[_preview_document(doc, found) for doc in extraction.documents],
        issues=list(extraction.issues),
    )
    folded: dict[str, str] = {}
    for doc in preview.documents:
        for text in (doc.number or "", *(item.ref or "" for item in doc.items if item.is_leaf),
                     *(item.text for item in doc.items if item.is_leaf)):
            if text not in folded:
                folded[text] = fast_fold(text)
    return Draft(preview, found, folded)


def fill_bodies(draft: Draft, match: Callable[[FoundBodies], list[PreviewBody]]) -> ImportPreview:
    """Give each leaf of the draft its bodies, as ``match`` finds them in the directory."""
    leaves = (item for doc in draft.preview.documents for item in doc.items if item.is_leaf)
    for item, found in zip(leaves, draft.found, strict=True):
        item.bodies = match(found)
    return draft.preview


def build_preview(extraction: ExtractionResult, index: BodyIndex, path: str) -> ImportPreview:
    return fill_bodies(draft_preview(extraction, path), lambda found: _preview_bodies(found, index))


class _DirectoryMemo:
    """Results worked out against the in-memory directory, kept while it does not change (it only
    grows: a new body, or another directory, starts afresh). An office's directives name the same
    few bodies over and over."""

    def __init__(self) -> None:
        self._index: BodyIndex | None = None
        self._size = -1
        self._known: dict[Any, Any] = {}

    def known(self, index: BodyIndex) -> dict[Any, Any]:
        if index is not self._index or len(index.bodies) != self._size:
            self._index, self._size, self._known = index, len(index.bodies), {}
        return self._known


class _BodyMatcher:
    """:func:`_preview_bodies` remembered per set of found bodies. The lists are shared by the
    leaves that found the same bodies: these previews are stored, never edited."""

    def __init__(self) -> None:
        self._memo = _DirectoryMemo()

    def __call__(self, index: BodyIndex, found: FoundBodies) -> list[PreviewBody]:
        known = self._memo.known(index)
        bodies: list[PreviewBody] | None = known.get(found)
        if bodies is None:
            bodies = known[found] = _preview_bodies(found, index)
        return bodies


def _number_key(doc: PreviewDocument) -> tuple[str, str, Any] | None:
    if not doc.number:
        return None
    return match_key(doc.number), match_key(doc.issuer or ""), doc.issue_date


def check_existing(session: Session, preview: ImportPreview) -> None:
    """Mark each document already stored (same text, or same number + issuer + date) or repeated
    in the file, and the file itself when its bytes were imported before."""
    check_existing_many(session, [preview])


def check_existing_many(session: Session, previews: Sequence[ImportPreview]) -> None:
    """:func:`check_existing` for several files at once (three queries), as if they were stored
    one after the other: a directive met in an earlier file of the list counts as stored."""
    file_hashes = {p.file_sha256 for p in previews}
    imported = set(session.scalars(select(ImportBatch.file_sha256)
                                   .where(ImportBatch.file_sha256.in_(file_hashes))))
    docs = [doc for p in previews for doc in p.documents]
    hashes = {doc.text_sha256 for doc in docs}
    by_hash: dict[str, int | None] = dict(session.execute(
        select(Directive.text_sha256, Directive.id).where(Directive.text_sha256.in_(hashes))
    ).all()) if hashes else {}
    by_number: dict[tuple[str, str, Any], int | None] = {}
    numbered = [doc for doc in docs if doc.number]
    if numbered:
        dates = {doc.issue_date for doc in numbered}
        condition: ColumnElement[bool] = Directive.issue_date.in_([d for d in dates if d is not None])
        if None in dates:
            condition = condition | Directive.issue_date.is_(None)
        for row in session.execute(select(Directive.id, Directive.number, Directive.issuer, Directive.issue_date)
                                   .where(Directive.number.is_not(None), condition)):
            by_number[(match_key(row.number), match_key(row.issuer or ""), row.issue_date)] = row.id
    for preview in previews:
        preview.already_imported = preview.file_sha256 in imported
        in_file_hashes: set[str] = set()
        in_file_numbers: set[tuple[str, str, Any]] = set()
        for doc in preview.documents:
            key = _number_key(doc)
            doc.existing_id = None
            if doc.text_sha256 in in_file_hashes or (key is not None and key in in_file_numbers):
                doc.status = DOC_REPEATED
            elif doc.text_sha256 in by_hash:
                doc.status, doc.existing_id = DOC_EXISTING_TEXT, by_hash[doc.text_sha256]
            elif key is not None and key in by_number:
                doc.status, doc.existing_id = DOC_EXISTING_NUMBER, by_number[key]
            else:
                doc.status = DOC_NEW
            in_file_hashes.add(doc.text_sha256)
            if key is not None:
                in_file_numbers.add(key)
        if preview.already_imported:
            continue
        # what this file will store counts as stored for the files after it
        if any(doc.will_store for doc in preview.documents):
            imported.add(preview.file_sha256)
        for doc in preview.documents:
            if doc.will_store:
                by_hash.setdefault(doc.text_sha256, None)
                key = _number_key(doc)
                if key is not None:
                    by_number.setdefault(key, None)


# --- storing ------------------------------------------------------------------------------------

Targets = list[tuple[int | str, str, str]]  # (body id, or "new:<key>" in a dry run; name; role)


@dataclass
class _Planned:
    """One file ready to insert: its outcome and, per directive to store, the tasks of each item."""

    preview: ImportPreview
    outcome: FileOutcome
    docs: list[PreviewDocument] = field(default_factory=list)
    plans: list[list[tuple[PreviewItem, Targets]]] = field(default_factory=list)
    results: list[DocumentOutcome] = field(default_factory=list)


class _Writer:
    """Plans files against the directory and bulk-inserts them (a handful of statements for any
    number of files) inside the caller's transaction."""

    def __init__(self, session: Session, index: BodyIndex, *, user: str, db_role: str | None,
                 now: datetime, today: Any, dry_run: bool, folded: dict[str, str] | None = None,
                 memo: _DirectoryMemo | None = None) -> None:
        self.session = session
        self.index = index
        self.user = user
        self.db_role = db_role
        self.now = now
        self.today = today
        self.dry_run = dry_run
        self._file_new_bodies: dict[str, str] = {}
        self._payloads: dict[tuple[Any, ...], tuple[str, dict[str, Any]]] = {}
        self._templates: dict[tuple[Any, ...], tuple[str, str, str] | None] = {}
        self.folded = folded if folded is not None else {}  # text -> fast_fold(text), filled ahead by drafts
        self.memo = memo if memo is not None else _DirectoryMemo()  # body_targets, from file to file

    def body_targets(self, item: PreviewItem) -> Targets:
        """The tasks of a leaf: groups expanded, each body once (lead wins); bodies not in the
        directory are added (flagged new), or in a dry run stand as "new:<key>". Worked out once
        per set of bodies while the directory does not change (the result list is shared)."""
        key = tuple((body.body_id, body.name, body.written, body.role) for body in item.bodies)
        known = self.memo.known(self.index)
        hit = known.get(key)
        if hit is not None:
            targets, new_bodies = hit
            for new_key, name in new_bodies:
                self._file_new_bodies.setdefault(new_key, name)
            return targets  # type: ignore[no-any-return]
        size = len(self.index.bodies)
        new_bodies = []
        targets = self._body_targets(item, new_bodies)
        if len(self.index.bodies) == size:  # no body added: the same bodies give the same tasks
            known[key] = (targets, new_bodies)
        return targets

    def _body_targets(self, item: PreviewItem, new_bodies: list[tuple[str, str]]) -> Targets:
        targets: dict[int | str, tuple[str, str]] = {}

        def note_new(key: str, name: str) -> None:
            new_bodies.append((key, name))
            self._file_new_bodies.setdefault(key, name)

        for body in item.bodies:
            name = " ".join(body.name.split())
            if not name:
                continue
            body_id = body.body_id if body.body_id in self.index.bodies else None
            if body_id is None:
                body_id = self.index.lookup(name, body.written)
            ids: list[int | str]
            if body_id is None:
                key = match_key(name)
                note_new(key, name)
                ids = [f"new:{key}"] if self.dry_run else [self.index.create(self.session, name, now=self.now)]
            else:
                if body_id in self.index.new_ids:
                    note_new(match_key(self.index.name(body_id)), self.index.name(body_id))
                ids = list(self.index.expand(body_id))
            for target in ids:
                display = self.index.name(target) if isinstance(target, int) else name
                role = body.role
                if target in targets and targets[target][1] == TaskRole.LEAD.value:
                    role = TaskRole.LEAD.value
                targets[target] = (display, role)
        return [(target, display, role) for target, (display, role) in targets.items()]

    def plan(self, preview: ImportPreview) -> _Planned:
        issues = len(preview.issues) + sum(len(d.issues) for d in preview.documents)
        if preview.already_imported:
            outcome = FileOutcome(preview.path, FILE_ALREADY_IMPORTED, issues=issues, documents=[
                DocumentOutcome(d.number, d.issuer, d.issue_date, d.status, d.existing_id)
                for d in preview.documents])
            return _Planned(preview, outcome)
        outcome = FileOutcome(preview.path, FILE_NOTHING_NEW, issues=issues)
        planned = _Planned(preview, outcome)
        self._file_new_bodies = {}
        for doc in preview.documents:
            status = DOC_SKIPPED if doc.skip and doc.status == DOC_NEW else doc.status
            result = DocumentOutcome(doc.number, doc.issuer, doc.issue_date, status, directive_id=doc.existing_id)
            outcome.documents.append(result)
            if not doc.will_store:
                continue
            plan = [(item, self.body_targets(item) if item.is_leaf else [])
                    for item in doc.items if not item.drop]
            result.items = len(plan)
            result.tasks = sum(len(targets) for _, targets in plan)
            planned.docs.append(doc)
            planned.plans.append(plan)
            planned.results.append(result)
        if planned.docs:
            outcome.status = FILE_IMPORTED
        outcome.new_bodies = list(self._file_new_bodies.values())
        return planned

    def insert(self, files: Sequence[_Planned]) -> None:
        files = [f for f in files if f.docs]
        if not files or self.dry_run:
            return
        conn = self.session.connection()
        rows = RowWriter(conn)
        now, user = rows.datetime(self.now), self.user
        batch_ids = reserve_ids(conn, _BATCHES, len(files))
        rows.insert(_BATCHES, _BATCH_COLUMNS, [
            (batch_id, f.preview.file_name[:500], f.preview.file_sha256, now, user, len(f.docs),
             sum(r.tasks for r in f.results)) for f, batch_id in zip(files, batch_ids, strict=True)])
        docs = [(f, batch_id, doc, plan, result) for f, batch_id in zip(files, batch_ids, strict=True)
                for doc, plan, result in zip(f.docs, f.plans, f.results, strict=True)]
        directive_ids = reserve_ids(conn, _DIRECTIVES, len(docs))
        rows.insert(_DIRECTIVES, _DIRECTIVE_COLUMNS, [
            (directive_id, doc.number, doc.issuer, doc.doc_type, doc.place, rows.date(doc.issue_date),
             doc.subject, doc.signer, doc.signing_authority, doc.monitor, rows.json(list(doc.recipients)),
             rows.json(list(doc.cited)), f.preview.file_name[:500], doc.text_sha256, doc.text, batch_id, now, user)
            for directive_id, (f, batch_id, doc, _plan, _result) in zip(directive_ids, docs, strict=True)])
        item_ids = reserve_ids(conn, _ITEMS, sum(len(plan) for *_, plan, _result in docs))
        item_rows: list[tuple[Any, ...]] = []
        task_specs: list[tuple[int, int, PreviewDocument, PreviewItem, Targets]] = []
        ids = iter(item_ids)
        leaf, heading = rows.flag(True), rows.flag(False)
        for directive_id, (_f, _batch, doc, plan, result) in zip(directive_ids, docs, strict=True):
            result.directive_id = directive_id
            latest: dict[str, int] = {}
            for position, (item, targets) in enumerate(plan, start=1):
                item_id = next(ids)
                parent = latest.get(item.parent_ref) if item.parent_ref is not None else None
                latest[item.ref] = item_id
                item_rows.append((
                    item_id, directive_id, parent, position, (item.ref or "")[:50], item.text,
                    leaf if item.is_leaf else heading, item.line_start, item.line_end,
                    item.deadline_text[:500] if item.deadline_text else None))
                if targets:
                    task_specs.append((directive_id, item_id, doc, item, targets))
        rows.insert(_ITEMS, _ITEM_COLUMNS, item_rows)
        self._insert_tasks(rows, task_specs)

    def _fold(self, text: str) -> str:
        folded = self.folded.get(text)
        if folded is None:
            folded = self.folded[text] = fast_fold(text)
        return folded

    def _insert_tasks(self, rows: RowWriter,
                      specs: list[tuple[int, int, PreviewDocument, PreviewItem, Targets]]) -> None:
        count = sum(len(targets) for *_, targets in specs)
        if not count:
            return
        task_ids = iter(reserve_ids(rows.conn, _TASKS, count))
        tasks: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        not_started = TaskState.NOT_STARTED.value
        now, today, user, db_role = rows.datetime(self.now), rows.date(self.today), self.user, self.db_role
        active = rows.flag(True)
        created = EventKind.CREATED.value
        bodies = self.index.bodies
        fold = self._fold
        for directive_id, item_id, doc, item, targets in specs:
            prefix = " ".join(p for p in (fold(doc.number or ""), fold(item.ref or "")) if p)
            folded_text = fold(item.text)
            deadline = rows.date(item.deadline)
            for body_id, _name, role in targets:
                assert isinstance(body_id, int)
                task_id = next(task_ids)
                search = " ".join(p for p in (prefix, bodies[body_id].search_name, folded_text) if p)
                tasks.append((task_id, item_id, directive_id, body_id, role, deadline, deadline, item.rrule,
                              item.urgency, not_started, 0, active, search, 1, now, now))
                events.append((task_id, now, today, user, db_role, created, 0,
                               self._created_json(rows.sqlite, item, role, body_id)))
        rows.insert(_TASKS, _TASK_COLUMNS, tasks)
        rows.insert(_EVENTS, _EVENT_COLUMNS, events)

    def _created_json(self, as_text: bool, item: PreviewItem, role: str, body_id: int) -> Any:
        """The created event's ``new``: as JSON text on SQLite (serialised once per kind of task,
        the deadline and the body id put in), as a dict for SQLAlchemy on PostgreSQL."""
        if as_text:
            key = (item.rrule, item.urgency, role)
            template = self._templates.get(key)
            if template is None:
                template = self._templates[key] = _created_template(item, role)
            if template is not None:
                deadline = f'"{item.deadline.isoformat()}"' if item.deadline is not None else "null"
                return f'{template[0]}{deadline}{template[1]}{deadline}{template[2]}, "body_id": {body_id}}}'
        base = self._payloads.get((item.deadline, item.rrule, item.urgency, role))
        if base is None:
            payload = created_event_payload(item, role)
            payload.pop("body_id", None)
            base = self._payloads[(item.deadline, item.rrule, item.urgency, role)] = (json.dumps(payload)[:-1],
                                                                                      payload)
        text, payload = base
        return f'{text}, "body_id": {body_id}}}' if as_text else {**payload, "body_id": body_id}


_DEADLINE_MARK = "\u2063deadline\u2063"  # stands for the deadline in a created event's JSON template


def _created_template(item: PreviewItem, role: str) -> tuple[str, str, str] | None:
    """The created event's JSON text cut around its two deadlines (original and current, both the
    item's): json.dumps of the payload is the parts joined with the deadline's JSON. None when
    the payload does not have that shape."""
    payload = created_event_payload(item, role)
    payload.pop("body_id", None)
    if payload.get("original_deadline") != payload.get("current_deadline"):
        return None
    payload["original_deadline"] = payload["current_deadline"] = _DEADLINE_MARK
    parts = json.dumps(payload)[:-1].split(json.dumps(_DEADLINE_MARK))
    if len(parts) != 3:
        return None
    return parts[0], parts[1], parts[2]


_BATCH_COLUMNS = ("id", "file_name", "file_sha256", "imported_at", "imported_by", "directive_count", "task_count")
_DIRECTIVE_COLUMNS = ("id", "number", "issuer", "doc_type", "place", "issue_date", "subject", "signer",
                      "signing_authority", "monitor", "recipients", "cited", "source_file", "text_sha256",
                      "text", "import_batch_id", "imported_at", "imported_by")
_ITEM_COLUMNS = ("id", "directive_id", "parent_id", "position", "ref", "text", "is_leaf", "line_start",
                 "line_end", "deadline_text")
_TASK_COLUMNS = ("id", "item_id", "directive_id", "body_id", "role", "original_deadline", "current_deadline",
                 "recurrence", "urgency", "state", "progress", "active", "search_text", "version",
                 "created_at", "updated_at")
_EVENT_COLUMNS = ("task_id", "at", "on_date", "by_user", "db_role", "kind", "percent", "new")


def created_event_payload(item: PreviewItem, role: str) -> dict[str, Any]:
    """The ``created`` event's ``new`` without the body: every task fact as JSON, as
    tracker.services.tasks.create_tasks writes it, so replaying the events rebuilds the task."""
    facts = TaskFacts(state=TaskState.NOT_STARTED, progress=0, original_deadline=item.deadline,
                      current_deadline=item.deadline, recurrence=item.rrule or None,
                      urgency=item.urgency or None, role=role)
    payload = lifecycle.to_json(facts.values())
    payload["source"] = "import"
    return payload


# --- the use cases -----------------------------------------------------------------------------

CHUNK_FILES = 100  # files committed together (each file still all-or-nothing: its own savepoint)
CHUNK_DOCUMENTS = 300


def _db_role(session: Session) -> str | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.scalar(select(func.current_user())))


def _require_import(ctx: ServiceContext, session: Session) -> None:
    from tracker.services.permissions import require

    require(ctx, session, "import")


class _Rollback(Exception):
    """Leave a dry run's transaction without storing anything."""


@dataclass
class _Run:
    """What one import keeps from chunk to chunk: the directory in memory and the db role."""

    ctx: ServiceContext
    dry_run: bool
    index: BodyIndex | None = None
    db_role: str | None = None
    matcher: _BodyMatcher = field(default_factory=_BodyMatcher)
    targets: _DirectoryMemo = field(default_factory=_DirectoryMemo)
    folded: dict[str, str] = field(default_factory=dict)  # the chunk's texts folded ahead (drafts)

    def writer(self, session: Session) -> _Writer:
        assert self.index is not None
        return _Writer(session, self.index, user=self.ctx.user, db_role=self.db_role, now=self.ctx.now(),
                       today=self.ctx.today(), dry_run=self.dry_run, folded=self.folded, memo=self.targets)

    def preview(self, path: str, source: ExtractionResult | Draft | ImportPreview) -> ImportPreview:
        if isinstance(source, ImportPreview):
            return source
        draft = source if isinstance(source, Draft) else draft_preview(source, path)
        self.folded.update(draft.folded)
        index = self.index
        assert index is not None
        return fill_bodies(draft, lambda found: self.matcher(index, found))


Source = ExtractionResult | Draft | ImportPreview


def _store_chunk(run: _Run, sources: Sequence[tuple[str, Source]]) -> list[FileOutcome]:
    """Store several files in one transaction, each file in its own savepoint: all of them with a
    few bulk statements when nothing fails, else file by file so a failing file goes alone."""
    if not sources:
        return []
    outcomes: list[FileOutcome] = []
    try:
        with run.ctx.sessions.begin() as session:
            if run.index is None:
                from tracker.services.bodies import seed_directory

                seed_directory(session, now=run.ctx.now())
                run.index = BodyIndex.load(session)
                run.db_role = _db_role(session)
            _require_import(run.ctx, session)
            if session.get_bind().dialect.name == "sqlite":
                session.connection().exec_driver_sql("PRAGMA cache_size = -65536")
            previews = [run.preview(path, source) for path, source in sources]
            outcomes = _store_previews(run, session, previews)
            if run.dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except BaseException:
        run.index = None  # bodies added in the lost transaction are gone
        raise
    finally:
        run.folded.clear()
    return outcomes


def _store_previews(run: _Run, session: Session, previews: list[ImportPreview]) -> list[FileOutcome]:
    try:
        with session.begin_nested():
            check_existing_many(session, previews)
            writer = run.writer(session)
            planned = [writer.plan(preview) for preview in previews]
            writer.insert(planned)
        _fill_existing_ids(session, planned)
        return [p.outcome for p in planned]
    except PermissionDenied:
        raise
    except Exception:  # noqa: S110 - redone file by file below, where the error is reported
        pass
    # something in the chunk failed: again, one file per savepoint
    outcomes: list[FileOutcome] = []
    for preview in previews:
        run.index = BodyIndex.load(session)
        try:
            with session.begin_nested():
                check_existing(session, preview)
                writer = run.writer(session)
                one = writer.plan(preview)
                writer.insert([one])
            _fill_existing_ids(session, [one])
            outcomes.append(one.outcome)
        except PermissionDenied:
            raise
        except Exception as err:  # this file only: its savepoint is rolled back
            outcomes.append(_failed(preview.path, err))
    run.index = BodyIndex.load(session)
    return outcomes


def _fill_existing_ids(session: Session, planned: Sequence[_Planned]) -> None:
    """A directive found stored by an earlier file of the same chunk gets that directive's id."""
    missing = {doc.text_sha256 for p in planned for doc in p.preview.documents
               if doc.status == DOC_EXISTING_TEXT and doc.existing_id is None}
    if not missing or planned[0].outcome is None:
        return
    ids = dict(session.execute(select(Directive.text_sha256, Directive.id)
                               .where(Directive.text_sha256.in_(missing))).all())
    for p in planned:
        for doc, result in zip(p.preview.documents, p.outcome.documents, strict=False):
            if doc.status == DOC_EXISTING_TEXT and doc.existing_id is None:
                doc.existing_id = result.directive_id = ids.get(doc.text_sha256)


def _draft_file(extractor: Extractor, file: Path) -> Draft | FileOutcome:
    """Read, extract and draft one file (pure: no database); a failure is this file's outcome."""
    path = str(file)
    try:
        extraction = extractor(file)
        if not extraction.documents:
            raise InputError("import.no_directive", path=path)
        return draft_preview(extraction, path)
    except Exception as err:  # unreadable, empty, binary... or a parser failure: this file only
        return _failed(path, err)


def import_paths(ctx: ServiceContext, paths: Sequence[str | Path], dry_run: bool = False,
                 on_progress: Progress | None = None, *, extractor: Extractor = extract_file,
                 workers: int | None = None) -> ImportReport:
    """Import files and folders (recursively: .txt, .docx, .pdf). Each file is stored whole or
    not at all; a file that fails is reported and the others still go in. Files are committed
    in small chunks (each file its own savepoint) so a large import pays for few commits.

    Reading and extracting (no database) runs in ``workers`` processes while this one stores the
    files, in their order: by default one per CPU for 20 files or more where processes can be
    forked (tracker.services.import_workers), else here. The result is the same either way."""
    files, missing = collect_files(paths)
    report = ImportReport(files=list(missing), dry_run=dry_run)
    run = _Run(ctx, dry_run)
    total = len(files)
    done = 0
    pending: list[tuple[str, Draft]] = []
    slots: list[int] = []  # the report position of each pending file
    pending_docs = 0

    def flush() -> None:
        nonlocal done, pending_docs
        try:
            stored = _store_chunk(run, pending)
        except PermissionDenied:
            raise
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as err:  # the chunk's transaction itself failed (connection lost...)
            stored = [_failed(path, err) for path, _ in pending]
        for slot, outcome in zip(slots, stored, strict=True):
            report.files[slot] = outcome
            done += 1
            if on_progress is not None:
                on_progress(done, total, outcome)
        pending.clear()
        slots.clear()
        pending_docs = 0

    # extracted outside any transaction: no lock held while parsing
    drafts = ordered_map(partial(_draft_file, extractor), files, worker_count(len(files), workers))
    with closing(drafts):
        for file, drafted in zip(files, drafts, strict=True):
            if isinstance(drafted, FileOutcome):
                report.files.append(drafted)
                done += 1
                if on_progress is not None:
                    on_progress(done, total, drafted)
                continue
            report.files.append(FileOutcome(str(file), FILE_FAILED))  # placeholder until its chunk is stored
            slots.append(len(report.files) - 1)
            pending.append((str(file), drafted))
            pending_docs += len(drafted.preview.documents)
            if len(pending) >= CHUNK_FILES or pending_docs >= CHUNK_DOCUMENTS:
                flush()
        flush()
    return report


def preview_file(ctx: ServiceContext, path: str | Path, *, extractor: Extractor = extract_file) -> ImportPreview:
    """Read and extract one file and say what importing it would store; nothing is stored."""
    file = Path(path).expanduser()
    if file.is_dir() or not file.exists():
        raise InputError("import.missing_path", path=str(path))
    extraction = extractor(file)
    if not extraction.documents:
        raise InputError("import.no_directive", path=str(path))
    with ctx.sessions() as session:
        index = BodyIndex.load(session)
        if not index.bodies:
            from tracker.services.bodies import directory_seed_index

            index = directory_seed_index()
        preview = build_preview(extraction, index, str(path))
        check_existing(session, preview)
        session.rollback()
    return preview


def commit_preview(ctx: ServiceContext, preview: ImportPreview) -> ImportReport:
    """Store a (possibly corrected) preview in one transaction. What was stored meanwhile is
    checked again, so a directive is never stored twice."""
    report = ImportReport(dry_run=False)
    try:
        report.files.extend(_store_chunk(_Run(ctx, False), [(preview.path, preview)]))
    except PermissionDenied:
        raise
    except Exception as err:
        report.files.append(_failed(preview.path, err))
    return report


def database_is_empty(ctx: ServiceContext) -> bool:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(Directive)) == 0
