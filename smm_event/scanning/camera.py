"""The webcam loop for a worker thread, without Qt, and a fake camera that plays frames.

``CameraScanner.run`` reads frames on a grabber thread of its own and decodes on the calling
thread, always the newest frame: a camera delivers frames at its own pace whether or not we
keep up, and decoding every queued frame would show a badge seconds late on a slow laptop.
The UI gets a copy of a frame at most ``preview_fps`` times a second (from the grabber thread)
and each code once through ``RepeatFilter`` (from the calling thread).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np
from numpy.typing import NDArray

from smm_event.errors import UserError
from smm_event.scanning.decode import decode_frame

Frame = NDArray[np.uint8]
PREVIEW_FPS = 15.0  # smooth enough to aim a badge; more only costs conversions in the GUI thread
REPEAT_SECONDS = 3.0  # a badge held in view must not be checked in twice
LOST_AFTER_SECONDS = 2.0  # no frame for this long from a camera that was working: unplugged
FIRST_FRAME_SECONDS = 5.0  # some webcams take seconds to settle exposure before the first frame
# 720p is the corpus the decoder was measured on; MJPG lets USB 2 webcams deliver it at 30 fps
# (uncompressed YUYV at 720p is often limited to 10 fps). Cameras ignore what they cannot do.
REQUESTED_SIZE = (1280, 720)


class Capture(Protocol):
    """The part of ``cv2.VideoCapture`` we use; tests and UI tests pass a ``FakeCapture``."""

    def read(self) -> tuple[bool, Any]: ...

    def isOpened(self) -> bool: ...  # OpenCV's spelling

    def release(self) -> None: ...


CaptureFactory = Callable[[int], Capture]


@dataclass(frozen=True)
class CameraInfo:
    index: int
    width: int
    height: int


def open_capture(index: int) -> Capture:
    """The real camera. DirectShow on Windows: Media Foundation can take 10+ s to open one."""
    backend = cv2.CAP_DSHOW if sys.platform == "win32" else cv2.CAP_ANY
    capture = cv2.VideoCapture(index, backend)
    if capture.isOpened():
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, REQUESTED_SIZE[0])
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, REQUESTED_SIZE[1])
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # fewer stale frames where the backend allows
    return capture


def list_cameras(max_index: int = 4, factory: CaptureFactory = open_capture) -> list[CameraInfo]:
    """Cameras at indices 0 .. max_index - 1 that open and deliver a frame."""
    found = []
    for index in range(max_index):
        capture = factory(index)
        try:
            ok, frame = capture.read() if capture.isOpened() else (False, None)
            if ok and frame is not None:
                found.append(CameraInfo(index=index, width=frame.shape[1], height=frame.shape[0]))
        finally:
            capture.release()
    return found


class RepeatFilter:
    """Passes a code unless it was seen less than ``seconds`` ago.

    Every sighting restarts the window: a badge held in front of the camera is reported once,
    and again only after it has been out of view for ``seconds``.
    """

    def __init__(self, seconds: float = REPEAT_SECONDS) -> None:
        self.seconds = seconds
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str, now: float) -> bool:
        previous = self._last_seen.get(text)
        self._last_seen[text] = now
        if len(self._last_seen) > 64:  # forget codes long gone
            self._last_seen = {k: t for k, t in self._last_seen.items() if now - t < self.seconds}
        return previous is None or now - previous >= self.seconds


class FakeCapture:
    """Plays ``frames`` as a camera; ``fps`` paces ``read()`` like a real camera does."""

    def __init__(
        self,
        frames: Sequence[Frame],
        loop: bool = False,
        fps: float | None = None,
        opened: bool = True,
    ) -> None:
        self.frames = list(frames)
        self.loop = loop
        self.fps = fps
        self.opened = opened
        self.reads = 0
        self.released = False
        self._position = 0
        self._next_at: float | None = None

    def isOpened(self) -> bool:
        return self.opened and not self.released

    def read(self) -> tuple[bool, Frame | None]:
        if not self.isOpened() or not self.frames:
            return False, None
        if self._position >= len(self.frames):
            if not self.loop:
                return False, None
            self._position = 0
        if self.fps:
            now = time.monotonic()
            self._next_at = now if self._next_at is None else self._next_at + 1.0 / self.fps
            time.sleep(max(0.0, self._next_at - now))
        frame = self.frames[self._position]
        self._position += 1
        self.reads += 1
        return True, frame.copy()  # a real camera hands out a new array every time

    def release(self) -> None:
        self.released = True


class _LatestFrame:
    """A one-frame mailbox: the grabber overwrites, the decoder takes the newest."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.frame: Frame | None = None
        self.sequence = 0
        self.error: BaseException | None = None

    def put(self, frame: Frame) -> None:
        with self.condition:
            self.frame = frame
            self.sequence += 1
            self.condition.notify()

    def fail(self, error: BaseException) -> None:
        with self.condition:
            self.error = error
            self.condition.notify()

    def wait_newer(
        self, seen: int, timeout: float
    ) -> tuple[Frame | None, int, BaseException | None]:
        """The newest frame and its number, once it is not ``seen`` (or after ``timeout``)."""
        with self.condition:
            self.condition.wait_for(
                lambda: self.sequence != seen or self.error is not None, timeout=timeout
            )
            return self.frame, self.sequence, self.error


class CameraScanner:
    """Reads codes from camera ``index`` until ``stop`` is set; see the module docstring.

    ``run`` raises ``UserError("camera_unavailable")`` when the camera does not open and
    ``UserError("camera_lost")`` when frames stop arriving; the worker turns them into signals.
    """

    def __init__(
        self,
        index: int,
        on_code: Callable[[str], None],
        on_frame: Callable[[Frame], None] | None = None,
        capture_factory: CaptureFactory = open_capture,
        decoder: Callable[[Frame], tuple[str, ...]] = decode_frame,
        preview_fps: float = PREVIEW_FPS,
        repeat_seconds: float = REPEAT_SECONDS,
        lost_after: float = LOST_AFTER_SECONDS,
        first_frame_timeout: float = FIRST_FRAME_SECONDS,
    ) -> None:
        self.index = index
        self.on_code = on_code
        self.on_frame = on_frame
        self.capture_factory = capture_factory
        self.decoder = decoder
        self.preview_interval = 1.0 / preview_fps
        self.repeat_filter = RepeatFilter(repeat_seconds)
        self.lost_after = lost_after
        self.first_frame_timeout = first_frame_timeout
        self.frames_grabbed = 0
        self.frames_decoded = 0

    def run(self, stop: threading.Event) -> None:
        capture = self.capture_factory(self.index)
        if not capture.isOpened():
            capture.release()
            raise UserError("camera_unavailable", index=self.index)
        mailbox = _LatestFrame()
        done = threading.Event()
        grabber = threading.Thread(
            target=self._grab, args=(capture, mailbox, done), name="camera-grabber", daemon=True
        )
        grabber.start()
        try:
            self._decode_loop(mailbox, stop)
        finally:
            done.set()
            # The grabber releases the capture; a read() hung on an unplugged camera must not
            # hold the worker, so the join is bounded and the daemon thread is left behind.
            grabber.join(timeout=self.lost_after + 1.0)

    def _grab(self, capture: Capture, mailbox: _LatestFrame, done: threading.Event) -> None:
        next_preview = 0.0
        try:
            while not done.is_set():
                ok, frame = capture.read()
                if not ok or frame is None:
                    done.wait(0.01)  # a failing camera returns at once: do not spin
                    continue
                self.frames_grabbed += 1
                mailbox.put(frame)
                now = time.monotonic()
                if self.on_frame is not None and now >= next_preview:
                    next_preview = now + self.preview_interval
                    self.on_frame(frame.copy())
        except Exception as error:  # re-raised by the decode loop, in the worker's thread
            mailbox.fail(error)
        finally:
            capture.release()

    def _decode_loop(self, mailbox: _LatestFrame, stop: threading.Event) -> None:
        seen = 0
        deadline = time.monotonic() + self.first_frame_timeout
        while not stop.is_set():
            frame, sequence, error = mailbox.wait_newer(seen, timeout=0.05)
            if error is not None:
                raise error
            now = time.monotonic()
            if sequence == seen:
                if now >= deadline:
                    raise UserError("camera_lost", index=self.index)
                continue
            seen, deadline = sequence, now + self.lost_after
            assert frame is not None
            self._decode(frame)

    def _decode(self, frame: Frame) -> None:
        texts = self.decoder(frame)
        self.frames_decoded += 1
        now = time.monotonic()
        for text in texts:
            if self.repeat_filter.accept(text, now):
                self.on_code(text)
