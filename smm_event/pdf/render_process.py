"""Badge PDFs drawn in a child process, so a print job never holds this process's GIL.

reportlab draws in pure Python: 210 badges on the render lane hold the GIL for seconds, and
every scan at the desk (keyboard capture, the verdict's paint, the database lane) waits behind
it in slices, which made the verdict's p99 350 ms while badges printed (issue 12). The drawing
needs only plain data (``BadgeData``, the layout), so it runs in one spawned worker process,
started at the first large job and kept for the next ones; the parent only waits on a future,
which releases the GIL. No Qt is imported in the child.

Small jobs (a reprint, a walk-in's badge) are drawn here: starting the child costs more than
they do. A frozen bundle draws here too (a spawned child of a PyInstaller executable would need
``freeze_support`` in the entry point), and so does any job whose child failed.
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, BinaryIO

from smm_event.errors import UserError
from smm_event.pdf.badge_layouts import BadgeLayout
from smm_event.pdf.badges import BadgeData, RenderCancelled, _write, render_badges

log = logging.getLogger(__name__)

MIN_BADGES = 20  # below this the child's start-up (about a second) costs more than drawing
_POLL_S = 0.1  # how often a waiting job looks at its cancel flag

_lock = threading.Lock()
_pool: concurrent.futures.ProcessPoolExecutor | None = None
enabled = not getattr(sys, "frozen", False)


def render_badges_off_gil(
    badges: Sequence[BadgeData],
    layout: str | BadgeLayout,
    out: Path | BinaryIO,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """``render_badges`` with the drawing in the worker process; same result and errors.
    With ``progress`` it draws here (per-badge progress and cancel); a cancel while the child
    draws returns at once (its PDF is dropped)."""
    # A caller that follows progress badge by badge (and may cancel at badge N) draws here.
    if not enabled or len(badges) < MIN_BADGES or progress is not None:
        return render_badges(badges, layout, out, progress, cancel)
    total = len(badges)
    if cancel is not None and cancel.is_set():
        raise RenderCancelled(done=0, total=total)
    try:
        future = _worker().submit(_draw, list(badges), layout)
        while True:
            try:
                result = future.result(timeout=_POLL_S)
                break
            except concurrent.futures.TimeoutError:
                if cancel is not None and cancel.is_set():
                    future.cancel()
                    raise RenderCancelled(done=0, total=total) from None
    except BrokenProcessPool:
        log.warning("badge render process failed; drawing in this process")
        _forget_worker()
        return render_badges(badges, layout, out, progress, cancel)
    if isinstance(result[0], str):
        code, params = result
        raise UserError(code, **params)
    pdf, pages = result
    _write(pdf, out)
    if progress is not None:
        progress(total, total)
    return pages


def _draw(
    badges: list[BadgeData], layout: str | BadgeLayout
) -> tuple[bytes, int] | tuple[str, dict[str, Any]]:
    """In the child: the same drawing, into memory. A user error comes back as its code and
    parameters (``UserError`` does not survive pickling with its keyword parameters)."""
    import io

    buffer = io.BytesIO()
    try:
        pages = render_badges(badges, layout, buffer)
    except UserError as error:
        return error.code, dict(error.params)
    return buffer.getvalue(), pages


def _worker() -> concurrent.futures.ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            context = multiprocessing.get_context("spawn")  # never fork a process with Qt threads
            _pool = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context)
        return _pool


def _forget_worker() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def shutdown() -> None:
    """Stop the worker process (at exit; tests)."""
    _forget_worker()
