"""QR codes from camera frames and image files, with zxing-cpp restricted to the QR format.

zxing-cpp read the most frames of every decoder tried on a hard webcam corpus and is the
fastest (GUIDE §7); restricting it to QR makes it about ten times faster. What we add was
measured with ``benchmarks/bench_decode.py`` (1280x720, 2 cores):

- ``try_rotate`` only matters for linear barcodes and ``try_invert`` only for light-on-dark
  codes, which a printed badge never is: switching both off halves the cost of a frame without
  a code (p95 5.9 -> 2.9 ms) and reads exactly the same frames.
- Defocus and motion blur on small modules cause most misses. A second pass on an
  unsharp-masked frame reads ~40 % of those misses (+3 to 4 points of read rate). It runs only
  when the first pass located a QR it could not decode (zxing's ``return_errors``): that keeps
  14 of the 16 rescues on two corpora and never runs on a frame without a code, so an idle
  camera costs ~3 ms a frame instead of ~8. Contrast stretching, CLAHE, the global histogram
  binarizer, upscaling and downscaling as fallbacks added at most one frame in 200.
- Image files (the CLI) get a last, thorough pass with inversion: time does not matter there.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from smm_event.errors import UserError

_QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
# Unsharp mask: gray + AMOUNT * (gray - blurred at SIGMA). Best of sigma 1-3 and amount 0.5-3
# on two corpora of 240 and 300 frames.
SHARPEN_SIGMA = 2.0
SHARPEN_AMOUNT = 2.0


def decode_frame(frame: NDArray[np.uint8]) -> tuple[str, ...]:
    """The texts of the QR codes in a gray (H, W) or BGR/BGRA (H, W, 3|4) uint8 frame."""
    gray = _as_gray(frame)
    texts, damaged = _read(gray)
    if texts or not damaged:
        return texts
    return _read(_sharpen(gray))[0]


def decode_image_file(path: Path) -> tuple[str, ...]:
    """The QR texts in an image file; ``UserError("unreadable_image")`` if it is not an image."""
    try:
        # cv2.imread cannot open non-ASCII paths on Windows; reading the bytes first can.
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as error:
        raise UserError("unreadable_image", path=str(path)) from error
    decoded = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if decoded is None:
        raise UserError("unreadable_image", path=str(path))
    image = np.asarray(decoded, dtype=np.uint8)
    return decode_frame(image) or _read(image, thorough=True)[0]


def _as_gray(frame: NDArray[np.uint8]) -> NDArray[np.uint8]:
    if frame.dtype != np.uint8 or frame.ndim not in (2, 3):
        raise ValueError(f"expected a uint8 gray or BGR frame, got {frame.dtype} {frame.shape}")
    if frame.ndim == 2:
        return np.ascontiguousarray(frame)
    channels = frame.shape[2]
    if channels == 1:
        return np.ascontiguousarray(frame[:, :, 0])
    code = cv2.COLOR_BGRA2GRAY if channels == 4 else cv2.COLOR_BGR2GRAY
    return np.asarray(cv2.cvtColor(frame, code), dtype=np.uint8)


def _sharpen(gray: NDArray[np.uint8]) -> NDArray[np.uint8]:
    blurred = cv2.GaussianBlur(gray, (0, 0), SHARPEN_SIGMA)
    sharpened = cv2.addWeighted(gray, 1.0 + SHARPEN_AMOUNT, blurred, -SHARPEN_AMOUNT, 0.0)
    return np.asarray(sharpened, dtype=np.uint8)


def _read(gray: NDArray[np.uint8], thorough: bool = False) -> tuple[tuple[str, ...], bool]:
    """The decoded texts (each once, in zxing's order) and whether a damaged QR was seen."""
    results = zxingcpp.read_barcodes(
        gray,
        formats=_QR,
        try_rotate=thorough,
        try_invert=thorough,
        try_downscale=True,
        return_errors=True,
    )
    texts = tuple(dict.fromkeys(result.text for result in results if result.valid))
    return texts, any(not result.valid for result in results)
