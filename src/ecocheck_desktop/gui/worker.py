"""One piece of slow work off the UI thread, with progress, cancel and a result on the UI thread.

The worker object lives on the UI thread and is owned by the widget that starts it; only the
plain Python function runs on a ``threading.Thread``. Its signals are emitted from that thread
and Qt queues them to the UI thread, so no Qt object is ever created or deleted off the UI
thread (a QRunnable owning a QObject did exactly that, and crashed later in unrelated code).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ecocheck_desktop.core.limits import environment_message
from ecocheck_desktop.core.messages import EcoCheckError

# work(progress, cancelled) -> result; progress(done, total); cancelled() -> bool
Progress = Callable[[int, int], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


class Cancelled(Exception):
    """Raised by the work function when it noticed the cancel request."""


class Worker(QObject):
    progressed = Signal(int, int)  # done, total
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # list[Message] (input or environment) or a defect's text
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, work: Work) -> None:
        if self.running:
            raise RuntimeError("the worker is busy")
        self._cancel.clear()
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work ends (tests, and closing the window); True when it ended."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def _run(self, work: Work) -> None:
        try:
            result = work(self.progressed.emit, self._cancel.is_set)
        except Cancelled:
            self.cancelled.emit()
        except EcoCheckError as error:
            self.failed.emit(list(error.messages))
        except Exception as error:  # the environment as a catalogue message; else a defect
            environment = environment_message(error, getattr(error, "filename", None) or "")
            if environment is not None:  # permissions, a full disk, a locked file, ...
                self.failed.emit([environment])
            else:  # a defect: still end the busy state, and say what happened
                self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(result)
