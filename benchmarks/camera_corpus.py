"""A deterministic synthetic corpus of webcam frames showing badges, for the decoder benchmark.

Each frame is a 1280x720 BGR image: a cluttered background and a badge-like card (header band,
name and organization lines, a QR of a token-shaped string) placed with in-plane tilt and
out-of-plane perspective, then degraded like a cheap webcam: defocus or motion blur, uneven
light, low contrast, sensor noise and JPEG compression. About 15 % of the frames carry no code.
Frame ``i`` depends only on (seed, i), so any frame can be regenerated alone. Nothing is written
to disk: ``python benchmarks/camera_corpus.py --save DIR`` dumps frames only for a look.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

from smm_event.paths import font_path
from smm_event.pdf.qr import QUIET_ZONE_MODULES, qr_modules

Frame = NDArray[np.uint8]
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CARD_MODULE_PX = 6  # the card is drawn at 6 px a module, then scaled to the camera's 3-8
NAMES = ["Алиева Айгюн", "Петров-Водкин Ёж", "Гаджиев Магомед", "Оганесян Ануш", "Цой Виктор"]
ORGS = ["АНО «Светлый путь»", "НКО «Горы рядом»", "Фонд «Добрые соседи»", "РОО «Кавказ»"]


@dataclass(frozen=True)
class CorpusFrame:
    image: Frame
    expected: str | None  # the code's text, None on a frame without a code
    tags: tuple[str, ...]  # the degradations applied, for a per-condition breakdown


def make_token(rng: np.random.Generator) -> str:
    return "SMM1:" + "".join(BASE32[i] for i in rng.integers(0, 32, size=136))


def generate_corpus(
    count: int = 240, seed: int = 20240515, width: int = 1280, height: int = 720
) -> Iterator[CorpusFrame]:
    for index in range(count):
        yield make_frame(index, seed, width, height)


def make_frame(index: int, seed: int, width: int = 1280, height: int = 720) -> CorpusFrame:
    rng = np.random.default_rng([seed, index])
    has_code = rng.random() >= 0.15
    token = make_token(rng) if has_code else None
    frame = _background(rng, width, height)
    tags: list[str] = [] if has_code else ["no-code"]
    if has_code or rng.random() < 0.7:  # most no-code frames still show a card without a QR
        card = _card(rng, token)
        module_px = float(rng.uniform(3.0, 8.0))
        tags.append(f"module{int(module_px)}")
        _place_card(rng, frame, card, module_px / CARD_MODULE_PX, tags)
    frame = _degrade(rng, frame, tags)
    return CorpusFrame(image=frame, expected=token, tags=tuple(tags))


def _background(rng: np.random.Generator, width: int, height: int) -> Frame:
    base = rng.integers(40, 200, size=3)
    ramp = np.linspace(-40, 40, width)[None, :, None] * rng.uniform(-1, 1)
    shade = base[None, None, :] + ramp + np.zeros((height, 1, 1))
    image = np.clip(shade, 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(4, 12))):  # clutter: clothes, a desk, a laptop, people
        color = tuple(int(c) for c in rng.integers(0, 256, size=3))
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        if rng.random() < 0.5:
            w, h = int(rng.integers(40, 500)), int(rng.integers(40, 400))
            cv2.rectangle(image, (x, y), (x + w, y + h), color, -1)
        else:
            cv2.circle(image, (x, y), int(rng.integers(20, 200)), color, -1)
    for _ in range(int(rng.integers(0, 4))):  # some fine texture that looks like text
        x, y = int(rng.integers(0, width - 200)), int(rng.integers(20, height))
        cv2.putText(image, "ABC 123 xyz", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (20, 20, 20), 2)
    return cv2.GaussianBlur(image, (0, 0), 1.5)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    file_name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(font_path(file_name)), size)


def _card(rng: np.random.Generator, token: str | None) -> Frame:
    """A white badge, QR 49 modules with its quiet zone, ~2.6 QR widths wide like a 90 mm badge."""
    qr_side = (41 + 2 * QUIET_ZONE_MODULES) * CARD_MODULE_PX
    width, height = int(qr_side * 2.6), int(qr_side * 3.4)
    card = Image.new("RGB", (width, height), (250, 250, 246))
    draw = ImageDraw.Draw(card)
    band = tuple(int(c) for c in rng.integers(0, 200, size=3))
    draw.rectangle((0, 0, width, height // 6), fill=band)
    draw.text((30, height // 24), "SMM-центр НКО", font=_font(44, bold=True), fill=(255, 255, 255))
    name = NAMES[int(rng.integers(0, len(NAMES)))]
    org = ORGS[int(rng.integers(0, len(ORGS)))]
    draw.text((30, height // 6 + 40), name, font=_font(56, bold=True), fill=(10, 10, 10))
    draw.text((30, height // 6 + 130), org, font=_font(36), fill=(40, 40, 40))
    draw.text((30, height // 6 + 190), "Поток 2 · 12–15 мая", font=_font(36), fill=(60, 60, 60))
    array = np.asarray(card)[:, :, ::-1].copy()
    top, left = height - qr_side - 30, (width - qr_side) // 2
    if token is not None:
        modules = qr_modules(token)
        pixels = np.where(np.kron(modules, np.ones((CARD_MODULE_PX, CARD_MODULE_PX))), 0, 250)
        offset = QUIET_ZONE_MODULES * CARD_MODULE_PX
        patch = array[top + offset : top + offset + pixels.shape[0], left + offset :]
        patch[:, : pixels.shape[1]] = pixels[:, :, None].astype(np.uint8)
    else:  # a logo where the QR would be: large dark shapes, no finder patterns
        cv2.circle(array, (left + qr_side // 2, top + qr_side // 2), qr_side // 3, band[::-1], -1)
    return array


def _place_card(
    rng: np.random.Generator, frame: Frame, card: Frame, scale: float, tags: list[str]
) -> None:
    height, width = card.shape[:2]
    roll = float(rng.uniform(-180, 180) if rng.random() < 0.2 else rng.uniform(-25, 25))
    pitch, yaw = 0.0, 0.0
    if rng.random() < 0.5:
        pitch, yaw = (float(v) for v in rng.uniform(-40, 40, size=2))
        tags.append("perspective")
    if abs(roll) > 10:
        tags.append("tilt")
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    # Aim at the QR's centre, so that the code (not the card) stays inside the frame.
    qr_center = np.array([width / 2, height - (49 * CARD_MODULE_PX) / 2 - 30])
    projected = _project(corners - qr_center, scale, roll, pitch, yaw)
    frame_h, frame_w = frame.shape[:2]
    target = np.array([rng.uniform(0.25, 0.75) * frame_w, rng.uniform(0.3, 0.7) * frame_h])
    destination = (projected + target).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), destination)
    cv2.warpPerspective(
        card,
        matrix,
        (frame_w, frame_h),
        dst=frame,
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_TRANSPARENT,
    )


def _project(
    points: NDArray[np.float64], scale: float, roll: float, pitch: float, yaw: float
) -> NDArray[np.float64]:
    """Rotate the card plane in 3-D and project it with a pinhole camera (f = 1000 px)."""
    r, p, y = (math.radians(v) for v in (roll, pitch, yaw))
    rz = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, math.cos(p), -math.sin(p)], [0, math.sin(p), math.cos(p)]])
    ry = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    focal = 1000.0
    xyz = np.c_[points * scale, np.zeros(len(points))] @ (ry @ rx @ rz).T
    depth = xyz[:, 2] + focal
    return focal * xyz[:, :2] / depth[:, None]


def _degrade(rng: np.random.Generator, frame: Frame, tags: list[str]) -> Frame:
    image = frame.astype(np.float32)
    height, width = image.shape[:2]
    if rng.random() < 0.4:  # a window on one side, a lamp on the other
        tags.append("uneven-light")
        gx, gy = np.meshgrid(np.linspace(-1, 1, width), np.linspace(-1, 1, height))
        angle = rng.uniform(0, 2 * math.pi)
        gain = 0.85 + 0.45 * (math.cos(angle) * gx + math.sin(angle) * gy)
        image *= np.clip(gain, 0.3, 1.4)[:, :, None]
    if rng.random() < 0.3:
        tags.append("low-contrast")
        contrast = rng.uniform(0.25, 0.5)
        image = image.mean() + (image - image.mean()) * contrast
    sigma = 0.6  # every webcam is a little soft
    if rng.random() < 0.35:
        tags.append("blur")
        sigma = float(rng.uniform(1.0, 2.4))
    image = cv2.GaussianBlur(image, (0, 0), sigma)
    if rng.random() < 0.2:
        tags.append("motion-blur")
        image = _motion_blur(rng, image)
    noise = rng.uniform(2.0, 9.0)
    image += rng.normal(0.0, noise, size=image.shape).astype(np.float32)
    quality = int(rng.integers(30, 60)) if rng.random() < 0.3 else int(rng.integers(70, 92))
    if quality < 60:
        tags.append("jpeg")
    pixels = np.clip(image, 0, 255).astype(np.uint8)
    encoded = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, quality])[1]
    return np.asarray(cv2.imdecode(encoded, cv2.IMREAD_COLOR), dtype=np.uint8)


def _motion_blur(rng: np.random.Generator, image: NDArray[np.float32]) -> NDArray[np.float32]:
    length = int(rng.integers(4, 10))
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    rotation = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1)
    kernel = cv2.warpAffine(kernel, rotation, (length, length))
    return cv2.filter2D(image, -1, kernel / max(kernel.sum(), 1e-6))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=12)
    parser.add_argument("--seed", type=int, default=20240515)
    parser.add_argument("--save", type=Path, required=True, help="folder for a few JPEG frames")
    args = parser.parse_args()
    args.save.mkdir(parents=True, exist_ok=True)
    for index, item in enumerate(generate_corpus(args.count, args.seed)):
        name = f"{index:03d}_{'-'.join(item.tags) or 'clean'}.jpg"
        cv2.imwrite(str(args.save / name), item.image)
    print(f"wrote {args.count} frames to {args.save}")


if __name__ == "__main__":
    main()
