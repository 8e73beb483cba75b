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
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from tracker.db.models import Directive, ImportBatch, Item, Task, TaskEvent
from tracker.domain import lifecycle
from tracker.domain.enums import EventKind, TaskRole, TaskState
from tracker.domain.errors import InputError, PermissionDenied, TrackerError
from tracker.domain.lifecycle import TaskFacts
from tracker.domain.parsed import ExtractionResult, ParsedDocument, ParsedItem
from tracker.domain.text import fold, match_key
from tracker.services.body_index import BodyIndex
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

SUFFIXES = (".txt", ".docx", ".pdf")
MAX_BODY_NAME = 250  # longer "names" are sentences the parser mistook for a body

Extractor = Callable[[Path], ExtractionResult]
Progress = Callable[[int, int, FileOutcome], None]

_TASKS = Task.__table__
_EVENTS = TaskEvent.__table__
_ITEMS = Item.__table__
_DIRECTIVES = Directive.__table__
_BATCHES = ImportBatch.__table__


# --- reading -----------------------------------------------------------------------------------

def extract_file(path: Path) -> ExtractionResult:
    """Read and extract one file with the parser (tracker.ingest + tracker.parsing)."""
    from tracker.ingest import read_file
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


def _preview_bodies(item: ParsedItem, index: BodyIndex) -> list[PreviewBody]:
    out: list[PreviewBody] = []
    seen: set[str] = set()
    for found in item.bodies:
        name = " ".join(found.name.split())
        if not name or len(name) > MAX_BODY_NAME:
            continue
        body_id = index.lookup(name, found.written)
        if body_id is not None:
            name = index.name(body_id)
        key = f"#{body_id}" if body_id is not None else match_key(name)
        if key in seen:
            continue
        seen.add(key)
        members = [] if body_id is None else [index.name(m) for m in index.expand(body_id) if m != body_id]
        out.append(PreviewBody(name=name, role=TaskRole(found.role).value, written=found.written,
                               body_id=body_id, members=members))
    return out


def _preview_item(item: ParsedItem, index: BodyIndex, is_leaf: bool) -> PreviewItem:
    hint = item.deadline
    return PreviewItem(
        ref=item.ref, text=item.text, is_leaf=is_leaf, parent_ref=item.parent_ref,
        line_start=item.line_start, line_end=item.line_end,
        deadline=hint.due if hint else None, deadline_text=hint.raw if hint else None,
        rrule=hint.rrule if hint else None,
        recurrence=hint.recurrence.value if hint and hint.recurrence else None,
        urgency=hint.urgency.value if hint and hint.urgency else None,
        bodies=_preview_bodies(item, index) if is_leaf else [],
    )


def _document_items(doc: ParsedDocument, index: BodyIndex) -> list[PreviewItem]:
    """Headings and leaves in text order; a parent known only by its ``heading_text`` becomes a
    heading item so the tree keeps its shape."""
    entries: list[tuple[int, int, int, PreviewItem]] = []
    refs = {h.ref for h in doc.headings}
    for order, heading in enumerate(doc.headings):
        entries.append((heading.line_start, 0, order, _preview_item(heading, index, is_leaf=False)))
    for order, leaf in enumerate(doc.items):
        if leaf.parent_ref and leaf.parent_ref not in refs and leaf.heading_text:
            refs.add(leaf.parent_ref)
            grand = leaf.parent_ref.rsplit(".", 1)[0] if "." in leaf.parent_ref else None
            entries.append((leaf.line_start, 0, -1, PreviewItem(
                ref=leaf.parent_ref, text=leaf.heading_text, is_leaf=False,
                parent_ref=grand if grand in refs else None)))
        entries.append((leaf.line_start, 1, order, _preview_item(leaf, index, is_leaf=True)))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return [entry[3] for entry in entries]


def _preview_document(doc: ParsedDocument, index: BodyIndex) -> PreviewDocument:
    return PreviewDocument(
        number=_clip(doc.number, 100), issuer=_clip(doc.issuer, 300), doc_type=doc.doc_type.value,
        issue_date=doc.issue_date, subject=doc.subject, text=doc.text, text_sha256=text_hash(doc.text),
        place=_clip(doc.place, 200), signer=_clip(doc.signer, 200),
        signing_authority=_clip(doc.signing_authority, 200), monitor=_clip(doc.monitor, 300),
        recipients=list(doc.recipients),
        cited=[{"kind": c.kind, "number": c.number, "date": c.date.isoformat() if c.date else None,
                "issuer": c.issuer, "raw": c.raw} for c in doc.cited],
        items=_document_items(doc, index), issues=list(doc.issues),
    )


def build_preview(extraction: ExtractionResult, index: BodyIndex, path: str) -> ImportPreview:
    source = extraction.source
    return ImportPreview(
        path=path, file_name=source.name, file_sha256=source.file_sha256, encoding=source.encoding,
        documents=[_preview_document(doc, index) for doc in extraction.documents],
        issues=list(extraction.issues),
    )


def _number_key(doc: PreviewDocument) -> tuple[str, str, Any] | None:
    if not doc.number:
        return None
    return match_key(doc.number), match_key(doc.issuer or ""), doc.issue_date


def check_existing(session: Session, preview: ImportPreview) -> None:
    """Mark each document already stored (same text, or same number + issuer + date), or repeated
    in the file; and the file itself when its bytes were imported before. Two queries."""
    preview.already_imported = session.scalar(
        select(func.count()).select_from(ImportBatch).where(ImportBatch.file_sha256 == preview.file_sha256)
    ) > 0
    hashes = {doc.text_sha256 for doc in preview.documents}
    by_hash = dict(session.execute(
        select(Directive.text_sha256, Directive.id).where(Directive.text_sha256.in_(hashes))
    ).all()) if hashes else {}
    numbered = [doc for doc in preview.documents if doc.number]
    by_number: dict[tuple[str, str, Any], int] = {}
    if numbered:
        dates = {doc.issue_date for doc in numbered}
        condition = Directive.issue_date.in_([d for d in dates if d is not None])
        if None in dates:
            condition = condition | Directive.issue_date.is_(None)
        for row in session.execute(
            select(Directive.id, Directive.number, Directive.issuer, Directive.issue_date)
            .where(Directive.number.is_not(None), condition)
        ):
            by_number[(match_key(row.number), match_key(row.issuer or ""), row.issue_date)] = row.id
    seen_hashes: set[str] = set()
    seen_numbers: set[tuple[str, str, Any]] = set()
    for doc in preview.documents:
        key = _number_key(doc)
        doc.existing_id = None
        if doc.text_sha256 in by_hash:
            doc.status, doc.existing_id = DOC_EXISTING_TEXT, by_hash[doc.text_sha256]
        elif key is not None and key in by_number:
            doc.status, doc.existing_id = DOC_EXISTING_NUMBER, by_number[key]
        elif doc.text_sha256 in seen_hashes or (key is not None and key in seen_numbers):
            doc.status = DOC_REPEATED
        else:
            doc.status = DOC_NEW
        seen_hashes.add(doc.text_sha256)
        if key is not None:
            seen_numbers.add(key)


# --- storing ------------------------------------------------------------------------------------

class _Writer:
    """Bulk-inserts the documents of one preview inside the caller's transaction."""

    def __init__(self, session: Session, index: BodyIndex, *, user: str, db_role: str | None,
                 now: datetime, today: Any, dry_run: bool) -> None:
        self.session = session
        self.connection = session.connection()
        self.index = index
        self.user = user
        self.db_role = db_role
        self.now = now
        self.today = today
        self.dry_run = dry_run
        self.new_bodies: dict[str, str] = {}  # match key -> name, in order found

    def body_targets(self, item: PreviewItem) -> list[tuple[int | str, str, str]]:
        """(body id, or the key of a body still to add; name; role) for each task of a leaf,
        groups expanded, each body once (lead wins)."""
        targets: dict[int | str, tuple[str, str]] = {}
        for body in item.bodies:
            name = " ".join(body.name.split())
            if not name:
                continue
            body_id = body.body_id if body.body_id in self.index.bodies else None
            if body_id is None:
                body_id = self.index.lookup(name, body.written)
            if body_id is None:
                key = match_key(name)
                self.new_bodies.setdefault(key, name)
                if self.dry_run:
                    ids: list[int | str] = [f"new:{key}"]
                else:
                    ids = [self.index.create(self.session, name, now=self.now)]
            else:
                ids = list(self.index.expand(body_id))
            for target in ids:
                display = self.index.name(target) if isinstance(target, int) else name
                role = body.role
                if target in targets and targets[target][1] == TaskRole.LEAD.value:
                    role = TaskRole.LEAD.value
                targets[target] = (display, role)
        return [(target, display, role) for target, (display, role) in targets.items()]

    def write(self, preview: ImportPreview) -> FileOutcome:
        outcome = FileOutcome(preview.path, FILE_NOTHING_NEW,
                              issues=len(preview.issues) + sum(len(d.issues) for d in preview.documents))
        storing = [doc for doc in preview.documents if doc.will_store]
        for doc in preview.documents:
            status = DOC_SKIPPED if doc.skip and doc.status == DOC_NEW else doc.status
            outcome.documents.append(DocumentOutcome(doc.number, doc.issuer, doc.issue_date, status,
                                                     directive_id=doc.existing_id))
        if not storing:
            return outcome
        outcome.status = FILE_IMPORTED
        plans = [self._plan_tasks(doc) for doc in storing]
        by_doc = {id(doc): outcome.documents[i] for i, doc in enumerate(preview.documents)}
        for doc, plan in zip(storing, plans, strict=True):
            result = by_doc[id(doc)]
            result.items = sum(1 for item in doc.items if not item.drop)
            result.tasks = sum(len(targets) for _, targets in plan)
        outcome.new_bodies = list(self.new_bodies.values())
        if self.dry_run:
            return outcome
        self._insert(preview, storing, plans, [by_doc[id(doc)] for doc in storing])
        return outcome

    def _plan_tasks(self, doc: PreviewDocument) -> list[tuple[PreviewItem, list[tuple[int | str, str, str]]]]:
        plan = []
        for item in doc.items:
            if item.drop:
                continue
            plan.append((item, self.body_targets(item) if item.is_leaf else []))
        return plan

    def _insert(self, preview: ImportPreview, docs: list[PreviewDocument],
                plans: list[list[tuple[PreviewItem, list[tuple[int | str, str, str]]]]],
                results: list[DocumentOutcome]) -> None:
        conn = self.connection
        task_total = sum(r.tasks for r in results)
        batch_id = conn.execute(insert(_BATCHES).returning(_BATCHES.c.id), [{
            "file_name": preview.file_name[:500], "file_sha256": preview.file_sha256,
            "imported_at": self.now, "imported_by": self.user,
            "directive_count": len(docs), "task_count": task_total,
        }]).scalar_one()
        directive_ids = conn.execute(
            insert(_DIRECTIVES).returning(_DIRECTIVES.c.id, sort_by_parameter_order=True),
            [{
                "number": doc.number, "issuer": doc.issuer, "doc_type": doc.doc_type, "place": doc.place,
                "issue_date": doc.issue_date, "subject": doc.subject, "signer": doc.signer,
                "signing_authority": doc.signing_authority, "monitor": doc.monitor,
                "recipients": list(doc.recipients), "cited": list(doc.cited),
                "source_file": preview.file_name[:500], "text_sha256": doc.text_sha256, "text": doc.text,
                "import_batch_id": batch_id, "imported_at": self.now, "imported_by": self.user,
            } for doc in docs],
        ).scalars().all()
        item_rows: list[dict[str, Any]] = []
        item_owner: list[tuple[int, PreviewItem]] = []  # (directive index, item)
        for d, (directive_id, plan) in enumerate(zip(directive_ids, plans, strict=True)):
            for position, (item, _targets) in enumerate(plan, start=1):
                item_rows.append({
                    "directive_id": directive_id, "parent_id": None, "position": position,
                    "ref": (item.ref or "")[:50], "text": item.text, "is_leaf": item.is_leaf,
                    "line_start": item.line_start, "line_end": item.line_end,
                    "deadline_text": (item.deadline_text or None) and item.deadline_text[:500],
                })
                item_owner.append((d, item))
        if not item_rows:
            return
        item_ids = conn.execute(
            insert(_ITEMS).returning(_ITEMS.c.id, sort_by_parameter_order=True), item_rows
        ).scalars().all()
        for result, directive_id in zip(results, directive_ids, strict=True):
            result.directive_id = directive_id
        self._link_parents(item_owner, item_ids)
        self._insert_tasks(docs, plans, directive_ids, item_ids)

    def _link_parents(self, item_owner: list[tuple[int, PreviewItem]], item_ids: Sequence[int]) -> None:
        links: list[dict[str, int]] = []
        latest: dict[tuple[int, str], int] = {}
        for (d, item), item_id in zip(item_owner, item_ids, strict=True):
            if item.parent_ref is not None:
                parent = latest.get((d, item.parent_ref))
                if parent is not None:
                    links.append({"_id": item_id, "_parent": parent})
            latest[(d, item.ref)] = item_id
        if links:
            self.connection.execute(
                update(_ITEMS).where(_ITEMS.c.id == bindparam("_id")).values(parent_id=bindparam("_parent")),
                links,
            )

    def _insert_tasks(self, docs: list[PreviewDocument],
                      plans: list[list[tuple[PreviewItem, list[tuple[int | str, str, str]]]]],
                      directive_ids: Sequence[int], item_ids: Sequence[int]) -> None:
        rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        not_started = TaskState.NOT_STARTED.value
        ids = iter(item_ids)
        for doc, plan, directive_id in zip(docs, plans, directive_ids, strict=True):
            number = fold(doc.number or "")
            for item, targets in plan:
                item_id = next(ids)
                if not targets:
                    continue
                prefix = " ".join(p for p in (number, fold(item.ref or "")) if p)
                folded_text = fold(item.text)
                payloads: dict[str, dict[str, Any]] = {}
                for body_id, _name, role in targets:
                    assert isinstance(body_id, int)
                    body_key = self.index.bodies[body_id].search_name
                    rows.append({
                        "item_id": item_id, "directive_id": directive_id, "body_id": body_id,
                        "role": role, "original_deadline": item.deadline, "current_deadline": item.deadline,
                        "recurrence": item.rrule, "urgency": item.urgency, "state": not_started,
                        "progress": 0, "completed_on": None, "pending_extension": None, "active": True,
                        "search_text": " ".join(p for p in (prefix, body_key, folded_text) if p),
                        "version": 1, "created_at": self.now, "updated_at": self.now,
                    })
                    payload = payloads.get(role)
                    if payload is None:
                        payload = payloads[role] = created_event_payload(item, role)
                    events.append({**payload, "body_id": body_id})
        if not rows:
            return
        task_ids = self.connection.execute(
            insert(_TASKS).returning(_TASKS.c.id, sort_by_parameter_order=True), rows
        ).scalars().all()
        self.connection.execute(insert(_EVENTS), [{
            "task_id": task_id, "at": self.now, "on_date": self.today, "by_user": self.user,
            "db_role": self.db_role, "kind": EventKind.CREATED.value, "percent": 0, "note": None,
            "old": None, "new": new, "undoes_event_id": None,
        } for task_id, new in zip(task_ids, events, strict=True)])


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

def _db_role(session: Session) -> str | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.scalar(select(func.current_user())))


def _ensure_directory(session: Session, now: datetime) -> None:
    from tracker.services.bodies import seed_directory

    seed_directory(session, now=now)


def _run_file(ctx: ServiceContext, session: Session, index: BodyIndex, preview: ImportPreview, *,
              dry_run: bool, db_role: str | None) -> FileOutcome:
    check_existing(session, preview)
    if preview.already_imported:
        return FileOutcome(preview.path, FILE_ALREADY_IMPORTED, documents=[
            DocumentOutcome(d.number, d.issuer, d.issue_date, d.status, d.existing_id)
            for d in preview.documents])
    writer = _Writer(session, index, user=ctx.user, db_role=db_role, now=ctx.now(),
                     today=ctx.today(), dry_run=dry_run)
    return writer.write(preview)


class _Rollback(Exception):
    """Leave a dry run's transaction without storing anything."""


def _in_transaction(ctx: ServiceContext, state: dict[str, Any], dry_run: bool,
                    work: Callable[[Session, BodyIndex], FileOutcome]) -> FileOutcome:
    """Run ``work`` in one transaction (rolled back for a dry run), with the directory index kept
    across files; on a conflict with a concurrent import the file is tried once more."""
    for attempt in (1, 2):
        result: list[FileOutcome] = []
        try:
            with ctx.sessions.begin() as session:
                if state.get("index") is None:
                    _ensure_directory(session, ctx.now())
                    state["index"] = BodyIndex.load(session)
                    state["db_role"] = _db_role(session)
                result.append(work(session, state["index"]))
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        except (IntegrityError, OperationalError):
            state["index"] = None  # bodies added by the failed attempt are gone
            if attempt == 2:
                raise
            continue
        except BaseException:
            state["index"] = None
            raise
        return result[0]
    raise AssertionError("unreachable")


def import_paths(ctx: ServiceContext, paths: Sequence[str | Path], dry_run: bool = False,
                 on_progress: Progress | None = None, *, extractor: Extractor = extract_file) -> ImportReport:
    """Import files and folders (recursively: .txt, .docx, .pdf), one transaction per file."""
    files, missing = collect_files(paths)
    report = ImportReport(files=list(missing), dry_run=dry_run)
    state: dict[str, Any] = {"index": None}
    total = len(files)
    for done, file in enumerate(files, start=1):
        outcome = _import_one(ctx, state, file, dry_run, extractor)
        report.files.append(outcome)
        if on_progress is not None:
            on_progress(done, total, outcome)
    return report


def _import_one(ctx: ServiceContext, state: dict[str, Any], file: Path, dry_run: bool,
                extractor: Extractor) -> FileOutcome:
    path = str(file)
    try:
        extraction = extractor(file)  # outside the transaction: no lock held while parsing
        if not extraction.documents:
            raise InputError("import.no_directive", path=path)

        def work(session: Session, index: BodyIndex) -> FileOutcome:
            _require_import(ctx, session)
            return _run_file(ctx, session, index, build_preview(extraction, index, path), dry_run=dry_run,
                             db_role=state.get("db_role"))

        return _in_transaction(ctx, state, dry_run, work)
    except PermissionDenied:
        raise
    except TrackerError as err:
        return _failed(path, err)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as err:  # a parser or database failure on this file only
        return _failed(path, err)


def _require_import(ctx: ServiceContext, session: Session) -> None:
    try:
        from tracker.services.permissions import require
    except ImportError:
        return
    require(ctx, session, "import")


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
    state: dict[str, Any] = {"index": None}
    report = ImportReport(dry_run=False)
    try:
        def work(session: Session, index: BodyIndex) -> FileOutcome:
            _require_import(ctx, session)
            return _run_file(ctx, session, index, preview, dry_run=False, db_role=state.get("db_role"))

        report.files.append(_in_transaction(ctx, state, False, work))
    except PermissionDenied:
        raise
    except TrackerError as err:
        report.files.append(_failed(preview.path, err))
    return report


def database_is_empty(ctx: ServiceContext) -> bool:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(Directive)) == 0


__all__ = [
    "DOC_EXISTING_NUMBER", "DOC_EXISTING_TEXT", "DOC_NEW", "DOC_REPEATED", "ImportPreview", "ImportReport",
    "FileOutcome", "check_existing", "collect_files", "commit_preview", "database_is_empty",
    "extract_file", "import_paths", "preview_file", "text_hash",
]
