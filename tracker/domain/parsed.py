"""What the parser finds in a directive file. Produced by tracker.parsing, consumed by services.

All dates are ``datetime.date``; all text is NFC with its diacritics kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tracker.domain.enums import DocumentType, RecurrenceFreq, TaskRole, Urgency


@dataclass(frozen=True)
class SourceText:
    """A file read into text (tracker.ingest). ``text`` is NFC, line ends are "\\n"."""

    name: str  # file name as given (no directory)
    text: str
    encoding: str  # "utf-8", "utf-16", "cp1258", "docx", "pdf", ...
    file_sha256: str  # of the raw bytes


@dataclass(frozen=True)
class ParseIssue:
    line: int  # 1-based line in the normalised text (0 when not tied to a line)
    code: str  # message key in tracker.i18n, e.g. "parse.item_without_body"
    detail: str = ""  # the offending text, shown to the clerk


@dataclass(frozen=True)
class CitedReference:
    """A document the directive cites: "Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị"."""

    kind: str  # "Kết luận", "Công văn", ...
    number: str | None
    date: date | None
    issuer: str | None
    raw: str


@dataclass(frozen=True)
class ResponsibleBody:
    name: str  # canonical when matched in the directory, else as written (full form, abbreviations expanded)
    role: TaskRole
    written: str  # as it appeared in the text
    known: bool  # True when found in the body directory (parsing/rules)


@dataclass(frozen=True)
class DeadlineHint:
    raw: str | None  # the phrase as written ("trong 7 ngày", "trước ngày 30/5")
    due: date | None  # resolved against the issue date
    recurrence: RecurrenceFreq | None
    rrule: str | None  # RFC 5545 RRULE string ("FREQ=MONTHLY;BYMONTHDAY=20")
    urgency: Urgency | None


@dataclass(frozen=True)
class ParsedItem:
    ref: str  # label chain, "3.2", "2.b.1"
    text: str  # the item's own full text (label removed), continuation paragraphs included
    bodies: tuple[ResponsibleBody, ...]  # lead first
    deadline: DeadlineHint
    line_start: int  # 1-based, inclusive, in the document's normalised text
    line_end: int
    parent_ref: str | None = None
    heading_text: str | None = None  # the parent heading's text, when inherited


@dataclass(frozen=True)
class ParsedDocument:
    number: str | None  # "230-CV/TU"
    issuer: str | None  # "Tỉnh ủy Tây Ninh"
    doc_type: DocumentType
    place: str | None
    issue_date: date | None
    subject: str | None
    signer: str | None
    signing_authority: str | None  # "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"
    signer_title: str | None  # "PHÓ BÍ THƯ"
    monitor: str | None
    recipients: tuple[str, ...]  # "Kính gửi" list, as written
    cited: tuple[CitedReference, ...]
    items: tuple[ParsedItem, ...]  # leaf items only, in order
    headings: tuple[ParsedItem, ...]  # non-leaf headings (kept for display), may be empty
    text: str  # this document's normalised text
    line_offset: int  # where the document starts in the file's normalised text (0-based)
    issues: tuple[ParseIssue, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ExtractionResult:
    source: SourceText
    documents: tuple[ParsedDocument, ...]
    issues: tuple[ParseIssue, ...]
