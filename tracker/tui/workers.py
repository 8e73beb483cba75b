"""One way to call the backend: in a thread worker that posts the result as a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from tracker.tui.messages import BackendFailed, BackendResult


def call_backend(node: Widget, tag: str, call: Callable[[], Any], *, exclusive: bool = True) -> Worker[None]:
    """Run ``call()`` in a thread; post ``BackendResult(tag, value)`` to ``node`` or, on any
    exception, ``BackendFailed`` (which bubbles to the app). A newer call with the same tag
    cancels the older one (its result is dropped)."""

    def work() -> None:
        worker = get_current_worker()
        try:
            value = call()
        except Exception as error:  # every failure becomes a message, never a crash
            if not worker.is_cancelled:
                node.post_message(BackendFailed(tag, error))
            return
        if not worker.is_cancelled:
            node.post_message(BackendResult(tag, value))

    return node.run_worker(work, thread=True, group=f"backend:{tag}", exclusive=exclusive,
                           exit_on_error=False, description=tag)
