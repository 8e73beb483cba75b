"""The data model (SQLAlchemy 2, typed ``Mapped[...]``), one schema for SQLite and PostgreSQL.

Constraint names follow the naming convention below so SQLite batch migrations can address them.
Enumerations are stored as their string values (``tracker.domain.enums``), checked by the services.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class ImportBatch(Base):
    """One imported file: what came in, when, by whom (a file already imported is recognised)."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(200))
    directive_count: Mapped[int] = mapped_column(Integer, default=0)
    task_count: Mapped[int] = mapped_column(Integer, default=0)


class Directive(Base):
    """One directive (công văn, chỉ thị, thông báo, ...) as read from a file."""

    __tablename__ = "directive"
    __table_args__ = (
        UniqueConstraint("text_sha256"),
        # NULL numbers never collide, so the rule holds "when a number is known".
        UniqueConstraint("number", "issuer", "issue_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(300))
    doc_type: Mapped[str] = mapped_column(String(30), default="other")
    place: Mapped[str | None] = mapped_column(String(200))
    issue_date: Mapped[date | None] = mapped_column(Date, index=True)
    subject: Mapped[str | None] = mapped_column(Text)
    signer: Mapped[str | None] = mapped_column(String(200))
    signing_authority: Mapped[str | None] = mapped_column(String(200))
    monitor: Mapped[str | None] = mapped_column(String(300))
    recipients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    cited: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source_file: Mapped[str | None] = mapped_column(String(500))
    text_sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))
    imported_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    imported_by: Mapped[str] = mapped_column(String(200))

    items: Mapped[list[Item]] = relationship(back_populates="directive", order_by="Item.position",
                                             cascade="all, delete-orphan")


class Item(Base):
    """A numbered item of a directive; leaves carry tasks, headings group them."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("directive_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    is_leaf: Mapped[bool] = mapped_column(Boolean, default=True)
    line_start: Mapped[int | None] = mapped_column(Integer)
    line_end: Mapped[int | None] = mapped_column(Integer)
    deadline_text: Mapped[str | None] = mapped_column(String(500))

    directive: Mapped[Directive] = relationship(back_populates="items")
    parent: Mapped[Item | None] = relationship(remote_side="Item.id")


class Body(Base):
    """The directory of responsible organisations and office holders."""

    __tablename__ = "body"
    __table_args__ = (UniqueConstraint("name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))  # tracker.domain.text.match_key(name)
    search_key: Mapped[str] = mapped_column(String(300), default="")  # tracker.domain.text.fold(name)
    kind: Mapped[str] = mapped_column(String(30), default="other")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"))
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_new: Mapped[bool] = mapped_column(Boolean, default=False)  # added by an import, to review
    created_at: Mapped[datetime] = mapped_column(DateTime)

    aliases: Mapped[list[BodyAlias]] = relationship(back_populates="body", cascade="all, delete-orphan")


class BodyAlias(Base):
    """Another spelling or abbreviation of a body ("UBND tỉnh", "Sở TT&TT")."""

    __tablename__ = "body_alias"
    __table_args__ = (UniqueConstraint("alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300))

    body: Mapped[Body] = relationship(back_populates="aliases")


class BodyGroupMember(Base):
    """A group body ("Ủy ban nhân dân các huyện, thành phố") and each of its members."""

    __tablename__ = "body_group_member"

    group_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), primary_key=True)


class User(Base):
    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # tracker.domain.enums.UserRole
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class UserBody(Base):
    """The bodies a unit officer acts for."""

    __tablename__ = "user_body"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), primary_key=True)


class Task(Base):
    """One (leaf item, responsible body) pair, followed until the office confirms it."""

    __tablename__ = "task"
    __table_args__ = (
        UniqueConstraint("item_id", "body_id"),
        Index("ix_task_state_deadline", "state", "current_deadline"),
        # covering index of the status grid and the report's lines (migration 0002)
        Index("ix_task_report", "active", "body_id", "state", "current_deadline", "original_deadline",
              "completed_on", "recurrence", "progress", "directive_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # TaskRole
    original_deadline: Mapped[date | None] = mapped_column(Date)
    current_deadline: Mapped[date | None] = mapped_column(Date, index=True)
    recurrence: Mapped[str | None] = mapped_column(String(200))  # RRULE
    urgency: Mapped[str | None] = mapped_column(String(20))  # Urgency
    state: Mapped[str] = mapped_column(String(20))  # TaskState
    progress: Mapped[int] = mapped_column(Integer, default=0)
    completed_on: Mapped[date | None] = mapped_column(Date)  # the day the unit reported it done
    pending_extension: Mapped[date | None] = mapped_column(Date)  # requested, not yet decided
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False once its body is removed
    search_text: Mapped[str] = mapped_column(Text, default="")  # fold(number, ref, body, item text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    item: Mapped[Item] = relationship()
    body: Mapped[Body] = relationship()

    __mapper_args__ = {"version_id_col": version}


# The events that carry a progress note (the report's "latest note" of a task): the partial index
# ix_task_event_note holds only them. A query uses it when its WHERE repeats this text with the
# values written inline (``reporting._latest_notes``). Migration 0002 creates it with this WHERE;
# the model below leaves the WHERE out on purpose: sqlite_where/postgresql_where would make
# SQLAlchemy load both dialects at every start of the command (+55 ms), and Alembic's comparison
# does not look at it (tests/db/test_migrations.py checks the migration's copy of the text).
NOTE_EVENT_KINDS = ("progress", "note", "reported_done")
NOTE_EVENT_WHERE = ("kind IN (" + ", ".join(f"'{kind}'" for kind in NOTE_EVENT_KINDS) + ")"
                    " AND note IS NOT NULL AND note != ''")


class TaskEvent(Base):
    """Append-only history. The database refuses UPDATE and DELETE on this table (triggers)."""

    __tablename__ = "task_event"
    __table_args__ = (
        Index("ix_task_event_task_at", "task_id", "at"),
        # the tasks changed after a day, from the index alone (migration 0002)
        Index("ix_task_event_on_date_task", "on_date", "task_id"),
        Index("ix_task_event_note", "task_id", "on_date"),  # partial: WHERE NOTE_EVENT_WHERE (see above)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    on_date: Mapped[date] = mapped_column(Date)  # the business date (settings.today); see ix_task_event_on_date_task
    by_user: Mapped[str] = mapped_column(String(200), index=True)
    db_role: Mapped[str | None] = mapped_column(String(200))  # PostgreSQL current_user
    kind: Mapped[str] = mapped_column(String(30), index=True)  # EventKind
    percent: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    undoes_event_id: Mapped[int | None] = mapped_column(ForeignKey("task_event.id"))


class Occurrence(Base):
    """One due occurrence of a recurring task, submitted or missed; never duplicated."""

    __tablename__ = "occurrence"
    __table_args__ = (UniqueConstraint("task_id", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    submitted_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
