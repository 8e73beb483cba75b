"""What an import would store, as plain editable dataclasses, and what it did store.

``preview_file`` fills an :class:`ImportPreview`; the review screen shows it and the clerk may
correct it in place (choose another body, change a deadline, drop or merge an item, skip a
directive) with the small helpers below, then ``commit_preview`` saves it. ``import_paths``
builds the same previews and saves them at once. No SQLAlchemy here: the UI may import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.domain.enums import TaskRole
from tracker.domain.parsed import ParseIssue
from tracker.i18n import t

# PreviewDocument.status / DocumentOutcome.status
DOC_NEW = "new"
DOC_EXISTING_TEXT = "existing_text"  # the same text is already stored
DOC_EXISTING_NUMBER = "existing_number"  # same number, issuer and date already stored
DOC_REPEATED = "repeated_in_file"  # the same directive twice in one file
DOC_SKIPPED = "skipped"  # the clerk chose not to store it

# FileOutcome.status
FILE_IMPORTED = "imported"  # at least one new directive stored (or, in a dry run, would be)
FILE_NOTHING_NEW = "nothing_new"  # read fine, every directive already there
FILE_ALREADY_IMPORTED = "already_imported"  # the same file bytes were imported before
FILE_FAILED = "failed"


@dataclass
class PreviewBody:
    """A responsible body of an item. ``body_id`` None means a new body will be added."""

    name: str
    role: str = TaskRole.LEAD.value
    written: str = ""
    body_id: int | None = None
    members: list[str] = field(default_factory=list)  # a group's members: one task each

    @property
    def is_new(self) -> bool:
        return self.body_id is None


@dataclass
class PreviewItem:
    """A numbered item; leaves become tasks (one per body), headings only group them."""

    ref: str
    text: str
    is_leaf: bool = True
    parent_ref: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    deadline: date | None = None
    deadline_text: str | None = None
    rrule: str | None = None
    recurrence: str | None = None  # RecurrenceFreq value
    urgency: str | None = None  # Urgency value
    bodies: list[PreviewBody] = field(default_factory=list)
    drop: bool = False

    @property
    def task_count(self) -> int:
        if self.drop or not self.is_leaf:
            return 0
        seen: set[str] = set()
        for body in self.bodies:
            seen.update(body.members or [body.name])
        return len(seen)


@dataclass
class PreviewDocument:
    number: str | None
    issuer: str | None
    doc_type: str
    issue_date: date | None
    subject: str | None
    text: str
    text_sha256: str
    place: str | None = None
    signer: str | None = None
    signing_authority: str | None = None
    monitor: str | None = None
    recipients: list[str] = field(default_factory=list)
    cited: list[dict[str, Any]] = field(default_factory=list)
    items: list[PreviewItem] = field(default_factory=list)  # headings and leaves, in text order
    issues: list[ParseIssue] = field(default_factory=list)
    status: str = DOC_NEW
    existing_id: int | None = None  # the stored directive when it is already there
    skip: bool = False  # the clerk chose not to store it

    @property
    def will_store(self) -> bool:
        return self.status == DOC_NEW and not self.skip

    @property
    def leaf_count(self) -> int:
        return sum(1 for item in self.items if item.is_leaf and not item.drop)

    @property
    def task_count(self) -> int:
        return sum(item.task_count for item in self.items)

    def item(self, ref: str) -> PreviewItem:
        for item in self.items:
            if item.ref == ref:
                return item
        raise KeyError(ref)

    def new_body_names(self) -> list[str]:
        names: dict[str, None] = {}
        for item in self.items:
            if item.drop or not item.is_leaf:
                continue
            for body in item.bodies:
                if body.is_new:
                    names.setdefault(body.name)
        return list(names)


@dataclass
class ImportPreview:
    path: str
    file_name: str
    file_sha256: str
    encoding: str
    documents: list[PreviewDocument] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)  # of the whole file
    already_imported: bool = False  # these very bytes were imported before

    @property
    def new_body_names(self) -> list[str]:
        names: dict[str, None] = {}
        for doc in self.documents:
            if doc.will_store:
                for name in doc.new_body_names():
                    names.setdefault(name)
        return list(names)


# --- the clerk's corrections -------------------------------------------------------------------

def drop_item(doc: PreviewDocument, ref: str) -> None:
    """Do not store this item (nor its task)."""
    doc.item(ref).drop = True


def merge_items(doc: PreviewDocument, ref: str, into_ref: str) -> None:
    """Append item ``ref`` to item ``into_ref`` (text, bodies, the earlier deadline) and drop it."""
    source, target = doc.item(ref), doc.item(into_ref)
    if source is target:
        return
    target.text = f"{target.text}\n{source.text}".strip()
    known = {body.name for body in target.bodies}
    for body in source.bodies:
        if body.name not in known:
            target.bodies.append(PreviewBody(body.name, TaskRole.COOPERATING.value, body.written,
                                             body.body_id, list(body.members)))
            known.add(body.name)
    if source.deadline and (target.deadline is None or source.deadline < target.deadline):
        target.deadline, target.deadline_text = source.deadline, source.deadline_text
    if target.line_start is not None and source.line_end is not None:
        target.line_end = max(target.line_end or source.line_end, source.line_end)
    target.is_leaf = target.is_leaf or source.is_leaf
    source.drop = True


def set_deadline(doc: PreviewDocument, ref: str, due: date | None, text: str | None = None) -> None:
    item = doc.item(ref)
    item.deadline = due
    if text is not None:
        item.deadline_text = text


def set_bodies(doc: PreviewDocument, ref: str, bodies: list[PreviewBody]) -> None:
    """Replace an item's bodies (lead first). A body chosen from the directory carries its id."""
    doc.item(ref).bodies = list(bodies)


def replace_body(preview: ImportPreview, old_name: str, body: PreviewBody) -> int:
    """Use ``body`` wherever ``old_name`` was found in the file (keeping each role); returns how
    many places changed. Handy when the clerk maps a new name to a known body once."""
    changed = 0
    for doc in preview.documents:
        for item in doc.items:
            for i, current in enumerate(item.bodies):
                if current.name == old_name:
                    item.bodies[i] = PreviewBody(body.name, current.role, current.written, body.body_id,
                                                 list(body.members))
                    changed += 1
    return changed


# --- outcomes ----------------------------------------------------------------------------------

@dataclass
class DocumentOutcome:
    number: str | None
    issuer: str | None
    issue_date: date | None
    status: str  # DOC_* value
    directive_id: int | None = None  # the new directive, or the one already stored
    items: int = 0
    tasks: int = 0

    def message(self, lang: str | None = None) -> str:
        label = self.number or t("import.doc.no_number", lang)
        when = self.issue_date.strftime("%d/%m/%Y") if self.issue_date else "?"
        return t(f"import.doc.{self.status}", lang, number=label, date=when, items=self.items,
                 tasks=self.tasks)


@dataclass
class FileOutcome:
    path: str
    status: str  # FILE_* value
    documents: list[DocumentOutcome] = field(default_factory=list)
    new_bodies: list[str] = field(default_factory=list)
    issues: int = 0  # problems the parser noted (the file still went in)
    error_code: str | None = None  # i18n key when it failed
    error_params: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.status == FILE_FAILED

    @property
    def directives_new(self) -> int:
        return sum(1 for d in self.documents if d.status == DOC_NEW)

    @property
    def directives_existing(self) -> int:
        return sum(1 for d in self.documents if d.status in (DOC_EXISTING_TEXT, DOC_EXISTING_NUMBER,
                                                             DOC_REPEATED))

    @property
    def items(self) -> int:
        return sum(d.items for d in self.documents if d.status == DOC_NEW)

    @property
    def tasks(self) -> int:
        return sum(d.tasks for d in self.documents if d.status == DOC_NEW)

    def message(self, lang: str | None = None) -> str:
        if self.error_code:
            reason = t(self.error_code, lang, **self.error_params)
            # a reason that does not name the file ("binary data") would not say which file failed
            name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
            return reason if name in reason else f"{self.path}: {reason}"
        return t(f"import.file.{self.status}", lang, path=self.path, new=self.directives_new,
                 existing=self.directives_existing, tasks=self.tasks)


@dataclass
class ImportReport:
    files: list[FileOutcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.failed]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def directives_new(self) -> int:
        return sum(f.directives_new for f in self.files)

    @property
    def directives_existing(self) -> int:
        return sum(f.directives_existing for f in self.files)

    @property
    def items(self) -> int:
        return sum(f.items for f in self.files)

    @property
    def tasks(self) -> int:
        return sum(f.tasks for f in self.files)

    @property
    def already_imported(self) -> int:
        return sum(1 for f in self.files if f.status == FILE_ALREADY_IMPORTED)

    @property
    def new_bodies(self) -> list[str]:
        names: dict[str, None] = {}
        for outcome in self.files:
            for name in outcome.new_bodies:
                names.setdefault(name)
        return list(names)

    @property
    def changed_anything(self) -> bool:
        return not self.dry_run and self.directives_new > 0
