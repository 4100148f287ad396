"""The clock banner: a laptop whose clock is a year ahead says so on the desk page and in the
status bar, in Russian, and «Время верное» trusts the clock again (docs/sync.md, "Clocks")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from smm_event.storage import hlc
from ui.common.clock_banner import ClockBanner

YEAR_MS = 365 * 24 * 3_600_000


def test_a_clock_a_year_ahead_shows_the_banner_and_can_be_confirmed(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_now = hlc.now_ms
    monkeypatch.setattr(hlc, "now_ms", lambda: real_now() + YEAR_MS)
    desk = start_desk(demo_copy, "ru")
    window = desk.window
    window.show_page("desk")
    banner = window.page("desk").own_clock
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=20_000)
    assert banner.text().startswith("Часы этого компьютера спешат")
    assert "Проверьте дату и время" in banner.text()
    compact = window.status.findChild(ClockBanner)
    qtbot.waitUntil(lambda: compact.alert is not None, timeout=20_000)
    assert compact.text() == "Часы этого компьютера неверны: проверьте дату и время"
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    )
    banner.linkActivated.emit("confirm")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=20_000)
    window.context.refresh_summary()
    qtbot.waitUntil(lambda: compact.alert is None, timeout=20_000)
