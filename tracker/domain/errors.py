"""Errors a user can see. Each carries a message key (tracker.i18n) and its parameters, so the
CLI and the TUI can show it in Vietnamese or English."""

from __future__ import annotations

from typing import Any


class TrackerError(Exception):
    """Base of every expected failure. ``code`` is a key in tracker.i18n."""

    exit_code = 1

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # English-ish fallback for logs; UIs call tracker.i18n.t(err)
        return f"{self.code} {self.params}" if self.params else self.code


class InputError(TrackerError):
    """A file or argument that cannot be used (empty, binary, wrong encoding, missing...)."""

    exit_code = 2


class NotFoundError(TrackerError):
    exit_code = 3


class RuleViolation(TrackerError):
    """An illegal move in the task lifecycle (confirming a task nobody reported done...)."""

    exit_code = 4


class ConflictError(TrackerError):
    """Someone else changed the record since it was read (optimistic locking)."""

    exit_code = 5


class PermissionDenied(TrackerError):
    exit_code = 6


class DatabaseError(TrackerError):
    """The database cannot be used: not a database, from a newer version, unreachable..."""

    exit_code = 7
