"""The webcam (desk and trainer page): ``CameraScanner`` on a worker thread, never the GUI thread.

Frames for the live preview are shrunk and turned into a QImage that owns its memory
(``.copy()``) on the camera's own threads; the GUI thread only sets a pixmap. Codes arrive once
per sighting (the core's RepeatFilter). A camera that is missing or unplugged ends the thread
with an error code; the desk shows a message and keeps the scanner and the search working.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

import cv2
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QImage

from smm_event.errors import UserError
from smm_event.scanning.camera import (
    CameraInfo,
    CameraScanner,
    CaptureFactory,
    Frame,
    list_cameras,
    open_capture,
)

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 400


def preview_image(frame: Frame, width: int = PREVIEW_WIDTH) -> QImage:
    """A small RGB QImage of a BGR or gray frame, owning its pixels (safe across threads)."""
    height = max(1, round(frame.shape[0] * width / frame.shape[1]))
    small = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    if small.ndim == 2:
        small = cv2.cvtColor(small, cv2.COLOR_GRAY2RGB)
    else:
        small = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
    image = QImage(small.data, width, height, small.strides[0], QImage.Format.Format_RGB888)
    return image.copy()  # the numpy buffer dies with this function


class CameraThread(QThread):
    frame_ready = Signal(QImage)
    code_read = Signal(str)
    failed = Signal(str)  # a UserError code: camera_unavailable, camera_lost, camera_error

    def __init__(self, index: int, factory: CaptureFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.factory = factory
        self.stop_event = threading.Event()
        self.scanner: CameraScanner | None = None

    def run(self) -> None:
        self.scanner = CameraScanner(
            self.index,
            on_code=self.code_read.emit,
            on_frame=lambda frame: self.frame_ready.emit(preview_image(frame)),
            capture_factory=self.factory,
        )
        try:
            self.scanner.run(self.stop_event)
        except UserError as error:
            self.failed.emit(error.code)
        except Exception:  # a broken driver must not take the desk down
            log.exception("camera %s failed", self.index)
            self.failed.emit("camera_error")


class CameraController(QObject):
    """Starts and stops the camera thread. A stopped thread finishes on its own and is never
    waited for on the GUI thread (a hung camera read may take seconds to give up); until then
    it is kept in ``_LIVE`` rather than parented, so closing the desk never destroys a running
    thread."""

    frame_ready = Signal(QImage)
    code_read = Signal(str)
    failed = Signal(str)
    running_changed = Signal(bool)
    cameras_found = Signal(object)  # list[CameraInfo]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capture_factory: CaptureFactory = open_capture
        self._thread: CameraThread | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.destroyed.connect(_stop_all)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, index: int) -> None:
        self.stop()
        thread = CameraThread(index, self.capture_factory)
        thread.frame_ready.connect(self.frame_ready)
        thread.code_read.connect(self.code_read)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._finished)
        thread.finished.connect(lambda t=thread: _forget(t))
        _LIVE.add(thread)
        self._thread = thread
        thread.start()
        self.running_changed.emit(True)

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.stop_event.set()
        self.running_changed.emit(False)

    def _failed(self, code: str) -> None:
        if self.sender() is self._thread:
            self.stop()
            self.failed.emit(code)

    def _finished(self) -> None:
        if self.sender() is self._thread:  # ended without an error and without stop()
            self._thread = None
            self.running_changed.emit(False)

    def find_cameras(self) -> None:
        """Probe the cameras on a plain thread (opening a missing one can take seconds)."""
        factory = self.capture_factory
        found: Callable[[list[CameraInfo]], None] = self.cameras_found.emit

        def probe() -> None:
            try:
                cameras = list_cameras(factory=factory)
            except Exception:
                log.exception("listing cameras failed")
                cameras = []
            with contextlib.suppress(RuntimeError):  # the desk was closed meanwhile
                found(cameras)

        threading.Thread(target=probe, name="camera-probe", daemon=True).start()

    def shutdown(self, timeout_ms: int = 3000) -> None:
        """At exit: stop and give the threads a moment to release the camera."""
        self.stop()
        _stop_all(timeout_ms=timeout_ms)


_LIVE: set[CameraThread] = set()


def _forget(thread: CameraThread) -> None:
    _LIVE.discard(thread)
    thread.deleteLater()


def _stop_all(*_args: object, timeout_ms: int = 0) -> None:
    for thread in list(_LIVE):
        thread.stop_event.set()
        if timeout_ms:
            thread.wait(timeout_ms)
