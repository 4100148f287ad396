"""Writing as a laptop without the sender's own checks (an older version of the program, or a
hostile copy): what the receivers' rules must still stop (docs/trust.md, docs/sync.md)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from smm_event.storage import changes, hlc


@contextlib.contextmanager
def without_sender_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local writes outside the station's role go through, and a far-future reading becomes
    the stamp, while the block runs."""
    with monkeypatch.context() as patch:
        patch.setattr(changes, "refuse_outside_role", lambda *_args: None)
        patch.setattr(
            changes,
            "stamp_wall_ms",
            lambda _state, wall_ms=None: hlc.now_ms() if wall_ms is None else wall_ms,
        )
        yield
