"""Badges as a desk sees them: a printed badge PDF, and a webcam frame showing it."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from numpy.typing import NDArray

from smm_event.workspace import Workspace

PASSPHRASE = "desk passphrase 1"


def badge_pdf(ws: Workspace, participant_id: Any, passphrase: str = PASSPHRASE) -> bytes:
    from smm_event.services.badges import print_badges

    out = io.BytesIO()
    print_badges(ws, passphrase, out, layout="a6", participant_ids=[participant_id])
    return out.getvalue()


def badge_frame(pdf: bytes, width: int = 1280, height: int = 720) -> NDArray[np.uint8]:
    """A webcam-sized BGR frame showing the first page of a badge PDF on a grey desk."""
    import cv2
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0].render(scale=height / document[0].get_height() * 0.95).to_pil()
    finally:
        document.close()
    badge = cv2.cvtColor(np.asarray(page.convert("RGB")), cv2.COLOR_RGB2BGR)
    frame = np.full((height, width, 3), 140, dtype=np.uint8)
    top, left = (height - badge.shape[0]) // 2, (width - badge.shape[1]) // 2
    frame[top : top + badge.shape[0], left : left + badge.shape[1]] = badge
    return frame
