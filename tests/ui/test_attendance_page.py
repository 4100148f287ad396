"""The trainer page and the matrix on a demo workspace: click, keyboard, a scanner burst."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from smm_event.badges import keys as badge_keys
from smm_event.badges.token import make_token
from smm_event.domain.attendance import AttendanceStatus
from smm_event.services import attendance, keys
from smm_event.station import StationSettings
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.workspace import open_workspace
from tests.conftest import DEMO_FIRST_DAY
from tests.support.clocks import SteppedClock
from ui.attendance import matrix_model
from ui.attendance.matrix_page import AttendanceMatrixPage
from ui.attendance.roster_model import ADMITTED, FIRST_STATUS
from ui.attendance.trainer_page import AttendancePage
from ui.background import BackgroundExecutor
from ui.context import AppContext

from .conftest import retire

WAIT_MS = 5000
PASSPHRASE = "длинная фраза-пароль"
P, L, A, E = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)


@pytest.fixture
def token_for(demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Badge tokens for the demo copy (keys made before the GUI opens it)."""
    monkeypatch.setattr(badge_keys, "_SCRYPT_LOG2_N", 10)
    with open_workspace(demo_copy) as ws:
        keys.init_keys(ws, PASSPHRASE)
        key = keys.unlock_signing_key(ws, PASSPHRASE)
        with ws.reading() as db:
            event_id = current_event(db).id
    return lambda person: make_token(key, event_id, person, 1)


@pytest.fixture
def context(qtbot: Any, qapp: Any, demo_copy: Path, token_for: Any) -> Iterator[AppContext]:
    # The assertions read the English source texts: an earlier test (the desk's) may have left
    # the Russian translators installed.
    from ui import i18n

    i18n.install_translators(qapp, "en")
    executor = BackgroundExecutor()
    ctx = AppContext(executor, StationSettings(operator_name="Ирина"))
    ctx.open(demo_copy)
    qtbot.waitUntil(lambda: ctx.workspace is not None, timeout=WAIT_MS)
    yield ctx
    ctx.shutdown()
    # Every queued result delivered before the objects are retired.
    qtbot.waitUntil(lambda: not executor.busy, timeout=WAIT_MS)
    retire(ctx, executor)
    i18n.install_translators(qapp, "ru")  # the application's default, as later tests expect


@pytest.fixture
def page(qtbot: Any, context: AppContext) -> AttendancePage:
    widget = AttendancePage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 70, timeout=WAIT_MS)
    return widget


def _status(page: AttendancePage, row: int) -> AttendanceStatus | None:
    return page.model.entry(row).status


def _stored(page: AttendancePage, row: int) -> AttendanceStatus | None:
    assert page.context.workspace is not None and page.roster is not None
    roster = attendance.session_roster(page.context.workspace, page.roster.session.id)
    person = page.model.entry(row).participant.id
    return next(e.status for e in roster.entries if e.participant.id == person)


def _press(widget: Any, text: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def test_opens_on_the_first_session_with_the_stream_sorted(page: AttendancePage) -> None:
    session = attendance.find_sessions(page.context.workspace, 1, DEMO_FIRST_DAY)[0]  # type: ignore[arg-type]
    assert page.current_session_id() == session.id
    names = [page.model.entry(row).participant.surname.replace("ё", "е") for row in range(70)]
    assert names == sorted(names) and {
        page.model.entry(r).participant.stream_number for r in range(70)
    } == {1}
    assert "Not marked: 70" in page.counts_label.text()


def test_one_click_in_a_status_column_marks_and_shows_the_audit_trail(
    qtbot: Any, page: AttendancePage
) -> None:
    index = page.model.index(3, FIRST_STATUS + 1)  # the "late" column
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: _status(page, 3) is L, timeout=WAIT_MS)
    assert _stored(page, 3) is L
    qtbot.waitUntil(lambda: page.panel.history.count() == 1, timeout=WAIT_MS)
    assert (
        "Late" in page.panel.history.item(0).text() and "Ирина" in page.panel.history.item(0).text()
    )
    absent = page.model.index(3, FIRST_STATUS + 2)
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(absent).center()
    )
    qtbot.waitUntil(lambda: page.panel.history.count() == 2, timeout=WAIT_MS)
    assert "(was: late)" in page.panel.history.item(0).text()
    assert "Late: 0" in page.counts_label.text() and "Absent: 1" in page.counts_label.text()


def test_keys_mark_the_selected_row(qtbot: Any, page: AttendancePage) -> None:
    page.table.setFocus()
    page.table.selectRow(5)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=WAIT_MS)
    _press(page.table, "3", Qt.Key.Key_3)
    qtbot.waitUntil(lambda: _status(page, 5) is A, timeout=WAIT_MS)
    page.table.selectRow(6)
    _press(page.table, "у")  # Russian layout: У = excused
    qtbot.waitUntil(lambda: _status(page, 6) is E, timeout=WAIT_MS)
    assert _stored(page, 5) is A and _stored(page, 6) is E
    history = attendance.mark_history(
        page.context.workspace,
        page.current_session_id(),  # type: ignore[arg-type]
        page.model.entry(5).participant.id,
    )
    assert [m.source for m in history] == ["keyboard"]


def _scan(widget: Any, token: str) -> None:
    """A USB scanner: the whole token as key presses within milliseconds, then Enter."""
    for char in token:
        _press(widget, char)
    _press(widget, "\r", Qt.Key.Key_Return)


def test_a_scanner_burst_marks_present_and_is_not_taken_for_shortcuts(
    qtbot: Any, page: AttendancePage, token_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = dt.datetime(2026, 5, 12, 7, 0)  # 10:00 in Moscow, the session's start
    monkeypatch.setattr(changes, "utc_now", lambda: start - dt.timedelta(minutes=5))
    clock = SteppedClock()
    page.scanner.clock = clock
    shortcuts: list[str] = []
    page.scanner.shortcut.connect(shortcuts.append)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=WAIT_MS)
    person = page.model.entry(40).participant
    _scan(page.table, token_for(person.id))
    qtbot.waitUntil(lambda: _status(page, 40) is P, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.scanner.shortcut_pending, timeout=WAIT_MS)
    assert shortcuts == []  # the digits inside the token marked nobody
    assert _status(page, 0) is None
    assert page.table.currentIndex().row() == 40
    assert person.full_name in page.banner.text()
    monkeypatch.setattr(changes, "utc_now", lambda: start + dt.timedelta(minutes=25))
    late_person = page.model.entry(41).participant
    page.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search, timeout=WAIT_MS)
    _press(page.search, "Б")
    clock.advance(0.2)  # a person typed, then scanned: the field keeps the typed text only
    _scan(page.search, token_for(late_person.id))
    qtbot.waitUntil(lambda: _status(page, 41) is L, timeout=WAIT_MS)
    assert page.search.text() == ""  # a successful scan clears the search to show the row


def test_close_with_mark_absent_then_reopen(
    qtbot: Any, page: AttendancePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.mark_row(0, P, attendance.MarkSource.CLICK)
    qtbot.waitUntil(lambda: _status(page, 0) is P, timeout=WAIT_MS)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes)
    )
    page.close_button.click()
    qtbot.waitUntil(lambda: page.state_label.text() == "Closed", timeout=WAIT_MS)
    assert "Absent: 69" in page.counts_label.text() and "Not marked: 0" in page.counts_label.text()
    assert not page.panel.status_buttons[P].isEnabled()
    page.mark_row(1, P, attendance.MarkSource.CLICK)
    qtbot.waitUntil(
        lambda: page.banner.isVisible() and "closed" in page.banner.text(), timeout=WAIT_MS
    )
    page.reopen_button.click()
    qtbot.waitUntil(lambda: page.state_label.text() == "Open", timeout=WAIT_MS)
    page.mark_row(1, P, attendance.MarkSource.CLICK)
    qtbot.waitUntil(lambda: _status(page, 1) is P, timeout=WAIT_MS)


def test_search_narrows_the_roster_and_one_match_is_selected(
    qtbot: Any, page: AttendancePage
) -> None:
    person = page.model.entry(10).participant
    page.search.setText(person.surname)
    assert 1 <= page.model.rowCount() < 70
    assert all(
        person.surname in page.model.entry(r).participant.full_name
        for r in range(page.model.rowCount())
    )
    page.search.setText(person.phone or "")
    assert page.model.rowCount() == 1 and page.selected_participant() == person.id


def test_matrix_page_shows_colours_percentages_totals_and_exports(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = context.workspace
    assert ws is not None
    sessions = attendance.find_sessions(ws, 1, DEMO_FIRST_DAY)
    person = attendance.session_roster(ws, sessions[0].id).entries[0].participant
    for session, status in zip(sessions, ("present", "late", "excused", "absent"), strict=True):
        attendance.mark(ws, session.id, person.id, status)
    matrix_page = AttendanceMatrixPage(context)
    qtbot.addWidget(matrix_page)
    matrix_page.resize(1300, 700)
    matrix_page.show()
    qtbot.waitUntil(lambda: matrix_page.model.rowCount() == 75, timeout=WAIT_MS)
    model = matrix_page.model
    assert model.data(model.index(0, matrix_model.NAME)) == person.full_name
    assert [model.data(model.index(0, c)) for c in range(1, 5)] == ["P", "L", "E", "A"]
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole).color().name() == "#c8e6c9"
    assert (
        model.data(model.index(0, model.percent_column), Qt.ItemDataRole.UserRole) == 10.0
    )  # 1.5 of 15 (16 held, 1 excused)
    assert model.data(model.index(70, 1)) == "1"  # present at the first session
    target = tmp_path / "matrix"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    matrix_page.xlsx_button.click()
    qtbot.waitUntil(
        lambda: (tmp_path / "matrix.xlsx").exists() and "Saved" in matrix_page.message.text(),
        timeout=WAIT_MS,
    )
    sheet = openpyxl.load_workbook(tmp_path / "matrix.xlsx")["Поток 1"]
    assert sheet.cell(5, 2).value == person.full_name and sheet.cell(5, 4).value == "П"


def _badge_frame(text: str) -> Any:
    import numpy as np

    from smm_event.pdf.qr import qr_modules

    frame = np.full((360, 480, 3), 160, np.uint8)
    modules = np.kron(qr_modules(text), np.ones((3, 3), dtype=bool))
    code = np.pad(np.where(modules, 0, 255).astype(np.uint8), 12, constant_values=255)
    frame[60 : 60 + code.shape[0], 100 : 100 + code.shape[1]] = code[:, :, None]
    return frame


def test_a_badge_held_to_the_camera_marks_the_person(
    qtbot: Any, page: AttendancePage, token_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smm_event.scanning.camera import FakeCapture

    start = dt.datetime(2026, 5, 12, 7, 0)
    monkeypatch.setattr(changes, "utc_now", lambda: start + dt.timedelta(minutes=3))
    person = page.model.entry(12).participant
    frame = _badge_frame(token_for(person.id))
    page.camera.capture_factory = lambda index: FakeCapture([frame], loop=True, fps=30)
    page.camera_button.click()
    qtbot.waitUntil(lambda: _status(page, 12) is P, timeout=WAIT_MS)
    assert page.panel.preview.isVisible()
    page.camera_button.click()  # off: the camera thread stops
    qtbot.waitUntil(lambda: not page.camera.running, timeout=WAIT_MS)
    assert (
        len(
            attendance.mark_history(
                page.context.workspace,
                page.current_session_id(),  # type: ignore[arg-type]
                person.id,
            )
        )
        == 1
    )  # the badge stayed in view: one mark


def test_seventy_people_with_seventy_keystrokes(qtbot: Any, page: AttendancePage) -> None:
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=WAIT_MS)
    for _ in range(70):
        # «present» on the selected row, the selection moves on; the next key comes after the
        # shortcut delay, as a person's keystrokes do
        with qtbot.waitSignal(page.scanner.shortcut, timeout=WAIT_MS):
            _press(page.table, "1")
    qtbot.waitUntil(lambda: page.model.counts()[None] == 0, timeout=WAIT_MS * 3)
    assert all(_status(page, row) is AttendanceStatus.PRESENT for row in range(70))


def test_closing_a_session_before_its_end_asks_first(
    qtbot: Any, page: AttendancePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.attendance import trainer_page

    assert page.roster is not None
    starts = page.roster.session.starts_at
    monkeypatch.setattr(trainer_page, "now", lambda: starts + dt.timedelta(minutes=10))
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    page.close_button.click()
    assert len(asked) == 1 and page.roster.session.ends_at.strftime("%H:%M") in asked[0]
    assert not page.context.executor.busy  # «No» started no write
    assert page.state_label.text() == "Open"  # «No»: nothing closed


def _select_rows(page: AttendancePage, rows: list[int]) -> None:
    """Ctrl-click the rows' name cells, as a trainer picks several people."""
    for row in rows:
        rect = page.table.visualRect(page.model.index(row, 1))
        QTest.mouseClick(
            page.table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )


def test_bulk_status_for_the_selected_rows_writes_their_marks_only(
    qtbot: Any, page: AttendancePage
) -> None:
    page.mark_row(1, E, attendance.MarkSource.CLICK, note="справка")
    qtbot.waitUntil(lambda: _status(page, 1) is E, timeout=WAIT_MS)
    page.table.clearSelection()
    _select_rows(page, [1, 4, 6])
    assert {i.row() for i in page.table.selectionModel().selectedRows()} == {1, 4, 6}
    page.bulk_actions[(True, A)].trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.model.counts()[A] == 3, timeout=WAIT_MS)
    assert [_stored(page, row) for row in (1, 4, 6)] == [A, A, A]
    assert _stored(page, 0) is None and _stored(page, 5) is None
    assert page.model.entry(1).mark.note == "справка"  # type: ignore[union-attr]
    assert "Absent: 3 marked" in page.banner.text()
    assert "Not marked: 67" in page.counts_label.text()


def test_bulk_status_for_everyone_unmarked_leaves_the_marked_alone(
    qtbot: Any, page: AttendancePage
) -> None:
    page.mark_row(0, L, attendance.MarkSource.CLICK)
    qtbot.waitUntil(lambda: _status(page, 0) is L, timeout=WAIT_MS)
    page.bulk_actions[(False, P)].trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.model.counts()[None] == 0, timeout=WAIT_MS)
    assert _stored(page, 0) is L  # the late mark stays
    assert {_stored(page, row) for row in range(1, 70)} == {P}
    assert "Present: 69 marked" in page.banner.text()


def test_bulk_status_with_nothing_selected_says_what_to_do(
    qtbot: Any, page: AttendancePage
) -> None:
    page.table.clearSelection()
    page.bulk_actions[(True, P)].trigger()  # type: ignore[attr-defined]
    assert "Select the people first" in page.banner.text()
    assert not page.context.executor.busy  # no write was started
    assert page.model.counts()[None] == 70


def test_the_desk_column_shows_the_first_admission_of_the_session_day(
    qtbot: Any, page: AttendancePage
) -> None:
    from smm_event.services import annulments, checkin

    ws = page.context.workspace
    assert ws is not None
    zone = checkin.event_zone_of(ws)
    at = dt.datetime.combine(DEMO_FIRST_DAY, dt.time(8, 47), zone)
    first, second, third = (page.model.entry(row).participant.id for row in (0, 1, 2))
    checkin.check_in_manual(ws, first, desk="Вход А", now=at)
    checkin.check_in_manual(ws, first, desk="Вход Б", now=at + dt.timedelta(minutes=20))
    wrong = checkin.check_in_manual(ws, second, desk="Вход А", now=at)
    annulments.annul_checkin(ws, wrong.checkin_id, "не тот человек")
    next_day = dt.datetime.combine(DEMO_FIRST_DAY + dt.timedelta(days=1), dt.time(9), zone)
    checkin.check_in_manual(ws, third, desk="Вход А", now=next_day)
    page.reload_roster()
    qtbot.waitUntil(lambda: page.model.index(0, ADMITTED).data() == "08:47", timeout=WAIT_MS)
    assert "Вход А" in page.model.index(0, ADMITTED).data(Qt.ItemDataRole.ToolTipRole)
    assert page.model.index(1, ADMITTED).data() == "—"  # annulled: no longer counts
    assert page.model.index(2, ADMITTED).data() == "—"  # admitted on another day
    assert page.model.headerData(ADMITTED, Qt.Orientation.Horizontal) == "Desk"
