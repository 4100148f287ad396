"""The camera loop with a fake camera: codes once each, stale frames dropped, errors by code."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from smm_event.errors import UserError
from smm_event.pdf.qr import qr_modules
from smm_event.scanning.camera import (
    CameraInfo,
    CameraScanner,
    FakeCapture,
    RepeatFilter,
    list_cameras,
)

CODE_A = "SMM1:" + "A2B3C4D5" * 17
CODE_B = "SMM1:" + "Z7Y6X5W4" * 17


def badge_frame(text: str | None, value: int = 0) -> np.ndarray:
    """A 480x360 BGR frame, a QR of ``text`` at 3 px a module; pixel (0, 0) numbers the frame."""
    frame = np.full((360, 480, 3), 160, np.uint8)
    if text is not None:
        modules = np.kron(qr_modules(text), np.ones((3, 3), dtype=bool))
        code = np.pad(np.where(modules, 0, 255).astype(np.uint8), 12, constant_values=255)
        frame[60 : 60 + code.shape[0], 100 : 100 + code.shape[1]] = code[:, :, None]
    frame[0, 0] = value
    return frame


def test_repeat_filter_reports_a_code_again_only_after_it_was_away() -> None:
    repeats = RepeatFilter(seconds=3.0)
    assert repeats.accept("A", 10.0)
    assert not repeats.accept("A", 11.0)
    assert repeats.accept("B", 11.5)
    assert not repeats.accept("A", 13.9)  # seen at 11.0: still in view
    assert repeats.accept("A", 17.0)


def test_each_code_reported_once_then_camera_lost_when_frames_stop() -> None:
    a, blank, b = badge_frame(CODE_A), badge_frame(None), badge_frame(CODE_B)
    capture = FakeCapture([a] * 8 + [blank] * 4 + [a] * 8 + [b] * 8, fps=100)
    codes: list[str] = []
    scanner = CameraScanner(
        0, on_code=codes.append, capture_factory=lambda index: capture, lost_after=0.2
    )
    started = time.monotonic()
    with pytest.raises(UserError) as raised:
        scanner.run(threading.Event())
    assert raised.value.code == "camera_lost"
    assert codes == [CODE_A, CODE_B]
    assert capture.reads == 28 and capture.released
    assert time.monotonic() - started < 2.0


def test_camera_that_does_not_open_is_unavailable() -> None:
    capture = FakeCapture([badge_frame(CODE_A)], opened=False)
    scanner = CameraScanner(2, on_code=lambda text: None, capture_factory=lambda index: capture)
    with pytest.raises(UserError) as raised:
        scanner.run(threading.Event())
    assert raised.value.code == "camera_unavailable" and raised.value.params == {"index": 2}
    assert capture.released


def test_camera_without_a_first_frame_is_lost() -> None:
    scanner = CameraScanner(
        0,
        on_code=lambda text: None,
        capture_factory=lambda index: FakeCapture([]),
        first_frame_timeout=0.1,
    )
    with pytest.raises(UserError) as raised:
        scanner.run(threading.Event())
    assert raised.value.code == "camera_lost"


def test_slow_decoding_skips_stale_frames_and_previews_are_throttled() -> None:
    frames = [badge_frame(None, value=index) for index in range(60)]
    decoded: list[int] = []
    previews: list[np.ndarray] = []

    def slow_decoder(frame: np.ndarray) -> tuple[str, ...]:
        decoded.append(int(frame[0, 0, 0]))
        time.sleep(0.03)
        return ()

    scanner = CameraScanner(
        0,
        on_code=lambda text: None,
        on_frame=previews.append,
        capture_factory=lambda index: FakeCapture(frames, fps=200),
        decoder=slow_decoder,
        preview_fps=15,
        lost_after=0.15,
    )
    with pytest.raises(UserError):
        scanner.run(threading.Event())
    assert scanner.frames_grabbed == 60
    assert decoded == sorted(set(decoded))  # never the same frame twice, never back in time
    assert scanner.frames_decoded == len(decoded) < 30  # 0.3 s of frames, 30 ms a decode
    assert decoded[-1] >= 50  # the newest frame, not the queue's head
    assert 1 <= len(previews) <= 7  # 0.3 s at 15 previews a second
    assert all(preview is not frame for preview in previews for frame in frames)


def test_stop_event_ends_the_loop_and_releases_the_camera() -> None:
    capture = FakeCapture([badge_frame(CODE_A), badge_frame(None)], loop=True, fps=100)
    stop = threading.Event()
    codes: list[str] = []

    def on_code(text: str) -> None:
        codes.append(text)
        stop.set()

    CameraScanner(0, on_code=on_code, capture_factory=lambda index: capture).run(stop)
    assert codes == [CODE_A]
    deadline = time.monotonic() + 1.0
    while not capture.released and time.monotonic() < deadline:
        time.sleep(0.01)
    assert capture.released


def test_error_in_the_preview_callback_reaches_the_worker() -> None:
    def broken_preview(frame: np.ndarray) -> None:
        raise RuntimeError("preview failed")

    scanner = CameraScanner(
        0,
        on_code=lambda text: None,
        on_frame=broken_preview,
        capture_factory=lambda index: FakeCapture([badge_frame(None)], loop=True, fps=100),
    )
    with pytest.raises(RuntimeError, match="preview failed"):
        scanner.run(threading.Event())


def test_list_cameras_keeps_those_that_deliver_a_frame() -> None:
    captures = {
        0: FakeCapture([], opened=False),
        1: FakeCapture([badge_frame(None)]),
        2: FakeCapture([]),  # opens but never delivers
    }
    assert list_cameras(3, factory=captures.__getitem__) == [CameraInfo(1, 480, 360)]
    assert all(capture.released for capture in captures.values())
