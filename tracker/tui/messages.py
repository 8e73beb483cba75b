"""Messages the workers post; widgets react to them and only render."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from tracker.domain.errors import ConflictError, TrackerError
from tracker.i18n import error_text, t


def describe_error(error: BaseException) -> str:
    """The words an officer reads for any failure of the backend."""
    if isinstance(error, TrackerError):
        return error_text(error)
    return t("error.unexpected", detail=f"{type(error).__name__}: {error}")


class BackendResult(Message, bubble=False):
    """A backend call of ``tag`` returned ``value`` (posted to the node that asked)."""

    def __init__(self, tag: str, value: Any) -> None:
        super().__init__()
        self.tag = tag
        self.value = value


class BackendFailed(Message):
    """A backend call failed; bubbles up to the app, which shows it instead of crashing."""

    def __init__(self, tag: str, error: BaseException) -> None:
        super().__init__()
        self.tag = tag
        self.error = error
        self.text = describe_error(error)
        self.conflict = isinstance(error, ConflictError)


class OpenTask(Message):
    """Open the detail of a task (from the dashboard, the table, a directive tree...)."""

    def __init__(self, task_id: int) -> None:
        super().__init__()
        self.task_id = task_id


class DataChanged(Message):
    """Something was saved: views showing tasks should read again."""
