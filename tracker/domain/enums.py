"""Enumerations stored in the database and shown to users (labels live in tracker.i18n)."""

from __future__ import annotations

from enum import StrEnum


class DocumentType(StrEnum):
    CONG_VAN = "cong_van"
    CHI_THI = "chi_thi"
    THONG_BAO = "thong_bao"
    KE_HOACH = "ke_hoach"
    CONG_DIEN = "cong_dien"
    NGHI_QUYET = "nghi_quyet"
    QUYET_DINH = "quyet_dinh"
    KET_LUAN = "ket_luan"
    BAO_CAO = "bao_cao"
    OTHER = "other"


class Urgency(StrEnum):
    IMMEDIATE = "immediate"  # "ngay", "ngay lập tức"
    URGENT = "urgent"  # "khẩn trương", "cấp bách"
    ONGOING = "ongoing"  # "thường xuyên"


class RecurrenceFreq(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class TaskRole(StrEnum):
    LEAD = "lead"  # chủ trì
    COOPERATING = "cooperating"  # phối hợp


class TaskState(StrEnum):
    NOT_STARTED = "not_started"  # chưa thực hiện
    IN_PROGRESS = "in_progress"  # đang thực hiện
    REPORTED_DONE = "reported_done"  # đã báo cáo hoàn thành (by the unit)
    CONFIRMED = "confirmed"  # đã xác nhận hoàn thành (by the office)


class Category(StrEnum):
    """Exactly one per task as of a date (the official status grid)."""

    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    IN_PROGRESS_ON_TIME = "in_progress_on_time"  # đang thực hiện trong hạn
    OVERDUE = "overdue"  # đang thực hiện quá hạn
    NO_DEADLINE = "no_deadline"  # không có thời hạn


class EventKind(StrEnum):
    CREATED = "created"
    PROGRESS = "progress"
    REPORTED_DONE = "reported_done"
    CONFIRMED = "confirmed"
    RETURNED = "returned"
    EXTENSION_REQUESTED = "extension_requested"
    EXTENDED = "extended"
    EXTENSION_REJECTED = "extension_rejected"
    URGED = "urged"
    NOTE = "note"
    EDITED = "edited"
    BODY_ADDED = "body_added"
    BODY_REMOVED = "body_removed"
    REOPENED = "reopened"
    OCCURRENCE_SUBMITTED = "occurrence_submitted"
    UNDONE = "undone"
    MERGED = "merged"


class UserRole(StrEnum):
    OFFICE = "office"  # văn phòng: import, confirm, return, extend, manage
    UNIT = "unit"  # cán bộ đơn vị: progress, report done, ask extension on own bodies' tasks
    VIEWER = "viewer"  # chỉ xem


class BodyKind(StrEnum):
    PARTY = "party"  # cấp ủy, ban đảng, đảng đoàn, ban cán sự đảng
    GOVERNMENT = "government"  # UBND, sở, ngành
    MASS_ORG = "mass_org"  # MTTQ, đoàn thể
    ARMED = "armed"  # công an, quân sự, biên phòng
    COMMITTEE = "committee"  # ban chỉ đạo
    PERSON = "person"  # office holders: Bí thư, người đứng đầu
    MEDIA = "media"
    LOCAL = "local"  # huyện, thành phố, xã
    OTHER = "other"
