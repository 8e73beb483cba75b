"""Hand-made parser output for the import tests, and small database counters."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from tracker.db.models import Body, Directive, ImportBatch, Item, Task, TaskEvent
from tracker.domain.enums import DocumentType, TaskRole
from tracker.domain.parsed import (
    DeadlineHint,
    ExtractionResult,
    ParsedDocument,
    ParsedItem,
    ResponsibleBody,
    SourceText,
)
from tracker.services.context import ServiceContext

NO_DEADLINE = DeadlineHint(raw=None, due=None, recurrence=None, rrule=None, urgency=None)


def body(name: str, role: TaskRole = TaskRole.LEAD, known: bool = False) -> ResponsibleBody:
    return ResponsibleBody(name=name, role=role, written=name, known=known)


def item(ref: str, text: str, bodies: Sequence[ResponsibleBody], line: int, *, due: date | None = None,
         parent: str | None = None, heading_text: str | None = None) -> ParsedItem:
    hint = DeadlineHint(raw=f"trước ngày {due:%d/%m/%Y}" if due else None, due=due, recurrence=None,
                        rrule=None, urgency=None)
    return ParsedItem(ref=ref, text=text, bodies=tuple(bodies), deadline=hint, line_start=line,
                      line_end=line, parent_ref=parent, heading_text=heading_text)


def document(number: str | None, issue_date: date | None, items: Sequence[ParsedItem], *,
             issuer: str = "Tỉnh ủy Tây Ninh", headings: Sequence[ParsedItem] = (),
             text: str | None = None) -> ParsedDocument:
    body_text = text if text is not None else f"Số {number}\n" + "\n".join(f"{i.ref}. {i.text}" for i in items)
    return ParsedDocument(
        number=number, issuer=issuer, doc_type=DocumentType.CONG_VAN, place="Tây Ninh", issue_date=issue_date,
        subject="V/v phòng, chống dịch", signer="Nguyễn Văn A", signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ", monitor="Văn phòng Tỉnh ủy", recipients=("Các sở, ban, ngành",),
        cited=(), items=tuple(items), headings=tuple(headings), text=body_text, line_offset=0,
    )


def extraction(name: str, *documents: ParsedDocument) -> ExtractionResult:
    raw = "\n\n".join(d.text for d in documents).encode()
    source = SourceText(name=name, text=raw.decode(), encoding="utf-8",
                        file_sha256=hashlib.sha256(raw).hexdigest())
    return ExtractionResult(source=source, documents=tuple(documents), issues=())


class FakeFiles:
    """Files on disk whose extraction is given (until the parser lands); a real file is written so
    path handling is real."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results: dict[str, ExtractionResult] = {}
        self.errors: dict[str, BaseException] = {}

    def add(self, name: str, *documents: ParsedDocument) -> Path:
        result = extraction(name, *documents)
        path = self.folder / name
        path.write_text(result.source.text, encoding="utf-8")
        self.results[str(path.resolve())] = result
        return path

    def fail(self, name: str, error: BaseException) -> Path:
        path = self.folder / name
        path.write_text("x", encoding="utf-8")
        self.errors[str(path.resolve())] = error
        return path

    def __call__(self, path: Path) -> ExtractionResult:
        key = str(path.resolve())
        if key in self.errors:
            raise self.errors[key]
        return self.results[key]


def counts(ctx: ServiceContext) -> dict[str, int]:
    with ctx.sessions() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (ImportBatch, Directive, Item, Task, TaskEvent, Body)
        }


def leaf_body_pairs(result: ExtractionResult) -> int:
    """Tasks an extraction yields when no body is a group: distinct bodies per leaf item."""
    return sum(len({b.name for b in leaf.bodies}) for doc in result.documents for leaf in doc.items)
