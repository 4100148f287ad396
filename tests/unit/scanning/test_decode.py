"""QR decoding from frames and image files."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from smm_event.errors import UserError
from smm_event.pdf.qr import qr_modules
from smm_event.scanning.decode import decode_frame, decode_image_file

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def token(seed: int) -> str:
    rng = random.Random(seed)
    return "SMM1:" + "".join(rng.choice(BASE32) for _ in range(136))


def qr_image(text: str, module_px: int = 4) -> np.ndarray:
    """Black on white with a 4-module quiet zone."""
    modules = np.kron(qr_modules(text), np.ones((module_px, module_px), dtype=bool))
    return np.pad(np.where(modules, 0, 255).astype(np.uint8), 4 * module_px, constant_values=255)


def frame_with(codes: list[np.ndarray], size: tuple[int, int] = (720, 1280)) -> np.ndarray:
    frame = np.full((*size, 3), 120, np.uint8)
    for index, code in enumerate(codes):
        top, left = 100, 100 + index * (code.shape[1] + 50)
        frame[top : top + code.shape[0], left : left + code.shape[1]] = code[:, :, None]
    return frame


def test_reads_a_rendered_token_in_gray_bgr_and_bgra() -> None:
    text = token(1)
    frame = frame_with([qr_image(text)])
    assert decode_frame(frame) == (text,)
    assert decode_frame(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)) == (text,)
    assert decode_frame(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)) == (text,)
    assert decode_frame(frame[:, 50:]) == (text,)  # a non-contiguous view


def test_reads_a_rotated_blurred_code() -> None:
    text = token(2)
    frame = frame_with([qr_image(text, module_px=5)])
    rotation = cv2.getRotationMatrix2D((250, 250), 33, 0.9)
    frame = cv2.warpAffine(frame, rotation, (1280, 720), borderValue=(120, 120, 120))
    frame = cv2.GaussianBlur(frame, (0, 0), 1.6)
    assert decode_frame(frame) == (text,)


def test_sharpened_second_pass_reads_a_frame_too_blurred_for_zxing_alone() -> None:
    text = token(2)
    frame = frame_with([qr_image(text, module_px=4)])
    rotation = cv2.getRotationMatrix2D((250, 250), 33, 0.9)
    frame = cv2.warpAffine(frame, rotation, (1280, 720), borderValue=(120, 120, 120))
    frame = cv2.GaussianBlur(frame, (0, 0), 1.8)
    assert zxingcpp.read_barcodes(frame, formats=zxingcpp.BarcodeFormat.QRCode) == []
    assert decode_frame(frame) == (text,)


def test_two_codes_in_one_frame() -> None:
    first, second = token(3), token(4)
    assert set(decode_frame(frame_with([qr_image(first), qr_image(second)]))) == {first, second}


def test_blank_and_noise_frames_give_nothing() -> None:
    assert decode_frame(np.full((720, 1280, 3), 200, np.uint8)) == ()
    noise = np.random.default_rng(0).integers(0, 256, size=(720, 1280), dtype=np.uint8)
    assert decode_frame(noise) == ()


def test_rejects_frames_that_are_not_uint8_images() -> None:
    with pytest.raises(ValueError):
        decode_frame(np.zeros((10, 10), np.float32))  # type: ignore[arg-type]


def test_image_file_with_a_cyrillic_path(tmp_path: Path) -> None:
    text = token(5)
    path = tmp_path / "бейдж участника.png"
    ok, encoded = cv2.imencode(".png", qr_image(text))
    assert ok
    path.write_bytes(encoded.tobytes())
    assert decode_image_file(path) == (text,)


def test_image_file_with_an_inverted_code(tmp_path: Path) -> None:
    # A phone screenshot in dark mode: the frame path skips inversion, the file path does not.
    text = token(6)
    inverted = 255 - qr_image(text)
    assert decode_frame(inverted) == ()
    path = tmp_path / "dark.png"
    path.write_bytes(cv2.imencode(".png", inverted)[1].tobytes())
    assert decode_image_file(path) == (text,)


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n broken"])
def test_corrupt_file_is_a_user_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "badge.png"
    path.write_bytes(content)
    with pytest.raises(UserError) as raised:
        decode_image_file(path)
    assert raised.value.code == "unreadable_image" and raised.value.params == {"path": str(path)}


def test_missing_file_and_folder_are_user_errors(tmp_path: Path) -> None:
    for path in (tmp_path / "нет такого.png", tmp_path):
        with pytest.raises(UserError) as raised:
            decode_image_file(path)
        assert raised.value.code == "unreadable_image"
