"""The registration desk on the demo workspace, stream 1's first day made "today": a scanner's
keystrokes (US and Russian layout) turn the panel green, then amber with the first time, a
forged code red; a fake camera playing frames of a real badge PDF turns it green; search,
walk-ins, counts, the scanner test and a camera that is missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from smm_event.badges import make_token
from smm_event.domain.checkin import CheckinResult
from smm_event.domain.participants import ParticipantInfo
from smm_event.scanning.camera import FakeCapture
from smm_event.scanning.scan_buffer import ScannerIssue
from smm_event.services import keys, participants
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Checkin
from smm_event.workspace import open_workspace
from tests.support.badges import badge_frame, badge_pdf
from tests.support.clocks import SteppedClock
from ui.desk import desk_page
from ui.desk.sounds import Sound, wav_bytes
from ui.desk.verdicts import Tone

WAIT_MS = 8000
PASSPHRASE = "desk passphrase 1"

pytestmark = pytest.mark.usefixtures("cheap_scrypt")
# 09:30 at the venue on stream 1's first day.
MORNING = dt.datetime(2026, 5, 12, 6, 30, tzinfo=dt.UTC)
RUSSIAN_LAYOUT = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM:", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ")


class RecordingPlayer:
    def __init__(self) -> None:
        self.played: list[Sound] = []

    def play(self, sound: Sound) -> None:
        self.played.append(sound)


class Desk:
    """The started application with its desk page, and the stream 1 people with badges."""

    def __init__(self, app: Any, people: list[ParticipantInfo], tokens: list[str]) -> None:
        self.app = app
        self.window = app.window
        self.people = people
        self.tokens = tokens
        self.window.show_page("desk")
        self.page = self.window.page("desk")
        self.player = RecordingPlayer()
        self.page.player = self.player


@pytest.fixture
def stream_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desk_page, "now", lambda: MORNING)


@pytest.fixture
def desk(qtbot: Any, start_desk: Any, demo_copy: Path, stream_day: None) -> Iterator[Desk]:
    with open_workspace(demo_copy) as ws:
        keys.init_keys(ws, PASSPHRASE)
        key = keys.unlock_signing_key(ws, PASSPHRASE)
        with ws.reading() as session:
            event_id = current_event(session).id
        people = list(participants.list_participants(ws, stream_number=1))
    tokens = [make_token(key, event_id, person.id, 1) for person in people]
    started = Desk(start_desk(demo_copy), people, tokens)
    qtbot.waitUntil(lambda: started.page.counts is not None, timeout=WAIT_MS)
    yield started
    # The window remembers its page; the next test's window must not open on the desk.
    started.window.show_page("participants")


def scanner_types(widget: Any, text: str, enter: bool = True) -> None:
    """A scanner's burst: key presses carrying ``text`` (any layout) as fast as Qt takes them."""
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
    if enter:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            )


def wait_tone(qtbot: Any, desk: Desk, tone: Tone, scans: int) -> None:
    qtbot.waitUntil(
        lambda: desk.page.result.tone is tone and desk.page.recent.count() == scans,
        timeout=WAIT_MS,
    )


def stored(path: Path) -> list[Checkin]:
    with open_workspace(path) as ws, ws.reading() as session:
        return list(session.scalars(select(Checkin).order_by(Checkin.scanned_at)))


def test_scanner_green_then_amber_then_red(qtbot: Any, desk: Desk, demo_copy: Path) -> None:
    person, token = desk.people[0], desk.tokens[0]
    qtbot.keyClicks(desk.window, token)  # US layout, as fast as the test can type
    qtbot.keyClick(desk.window, Qt.Key.Key_Return)
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    result = desk.page.result
    assert result.name.text() == person.full_name
    assert result.organization.text() == person.organization
    assert result.stream.text() == "Поток 1 — Базовый"
    assert result.headline.text() == "Добро пожаловать!"
    # Green shows only after the commit: the row is already on disk for another connection.
    [row] = stored(demo_copy)
    assert row.result == "admitted" and row.method == "scanner" and row.participant_id == person.id
    qtbot.keyClicks(desk.window, token)
    qtbot.keyClick(desk.window, Qt.Key.Key_Return)
    wait_tone(qtbot, desk, Tone.REPEAT, 2)
    assert result.headline.text() == "Уже отмечен сегодня"
    assert "09:30" in result.explanation.text()
    assert "Организатор (демо)" in result.explanation.text()
    forged = token[:70] + ("A" if token[70] != "A" else "B") + token[71:]
    qtbot.keyClicks(desk.window, forged)
    qtbot.keyClick(desk.window, Qt.Key.Key_Return)
    wait_tone(qtbot, desk, Tone.REFUSED, 3)
    assert result.headline.text() == "Код не принят"
    assert "поврежд" in result.explanation.text()
    assert desk.player.played == [Sound.ADMITTED, Sound.REPEAT, Sound.REFUSED]
    assert desk.page.recent.results() == [
        "forged_or_unreadable",
        "already_checked_in",
        "admitted",
    ]
    qtbot.waitUntil(lambda: "1 из 70" in desk.page.counts_panel.arrived.text(), timeout=WAIT_MS)


def test_russian_layout_scanner_without_enter(qtbot: Any, desk: Desk, demo_copy: Path) -> None:
    typed = desk.tokens[1].translate(RUSSIAN_LAYOUT)
    assert typed.startswith("ЫЬЬ1Ж")
    scanner_types(desk.window, typed, enter=False)  # completed by the pause
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    assert desk.page.result.name.text() == desk.people[1].full_name
    assert stored(demo_copy)[0].raw_text == typed


def test_scan_while_typing_in_the_search_keeps_the_search(qtbot: Any, desk: Desk) -> None:
    clock = SteppedClock()
    desk.page.capture.clock = clock
    search = desk.page.search.search
    search.setFocus()
    for char in "ив":  # a person typing (QTest.keyClicks cannot type Cyrillic)
        scanner_types(search, char, enter=False)
        clock.advance(0.15)
    scanner_types(search, desk.tokens[2])
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    assert search.text() == "ив"
    assert desk.page.result.name.text() == desk.people[2].full_name


def test_fake_camera_playing_a_real_badge(qtbot: Any, desk: Desk, demo_copy: Path) -> None:
    person = desk.people[3]
    with open_workspace(demo_copy) as ws:
        frame = badge_frame(badge_pdf(ws, person.id, PASSPHRASE))
    blank = frame.copy()
    blank[:] = 128
    frames = [blank, blank, frame, frame, frame]
    camera = FakeCapture(frames, loop=True, fps=20)
    desk.page.camera_panel.camera.capture_factory = lambda _index: camera
    desk.page.camera_panel.toggle()
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    assert desk.page.result.name.text() == person.full_name
    qtbot.waitUntil(lambda: desk.page.camera_panel.preview.pixmap() is not None, timeout=WAIT_MS)
    assert not desk.page.camera_panel.preview.pixmap().isNull()
    assert stored(demo_copy)[0].method == "camera"
    seen = camera.reads
    qtbot.waitUntil(lambda: camera.reads >= seen + 12, timeout=WAIT_MS)  # the badge stays in view
    assert desk.page.recent.results() == ["admitted"], [r.raw_text for r in stored(demo_copy)]
    desk.page.camera_panel.toggle()
    qtbot.waitUntil(lambda: not desk.page.camera_panel.camera.running, timeout=WAIT_MS)
    assert desk.page.camera_panel.button.text() == "Включить камеру"


def test_missing_camera_leaves_the_scanner_working(qtbot: Any, desk: Desk) -> None:
    desk.page.camera_panel.camera.capture_factory = lambda _index: FakeCapture([], opened=False)
    desk.page.camera_panel.toggle()
    qtbot.waitUntil(desk.page.camera_panel.status.isVisible, timeout=WAIT_MS)
    assert "Камера не открывается" in desk.page.camera_panel.status.text()
    assert not desk.page.camera_panel.camera.running
    qtbot.keyClicks(desk.window, desk.tokens[4])
    qtbot.keyClick(desk.window, Qt.Key.Key_Return)
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)


def test_search_then_one_click_check_in(qtbot: Any, desk: Desk, demo_copy: Path) -> None:
    person = desk.people[5]
    panel = desk.page.search
    panel.search.setText(person.surname.lower().replace("ё", "е")[:5])
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=WAIT_MS)
    rows = [panel.results.item(row).text() for row in range(panel.results.count())]
    panel.results.setCurrentRow(next(i for i, t in enumerate(rows) if person.full_name in t))
    qtbot.mouseClick(panel.check_in_button, Qt.MouseButton.LeftButton)
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    assert desk.page.result.name.text() == person.full_name
    assert stored(demo_copy)[0].method == "manual"
    assert panel.search.text() == ""


def test_walk_in_is_registered_and_green(qtbot: Any, desk: Desk) -> None:
    dialog = desk.page.open_walk_in()
    assert dialog is not None
    dialog.surname.setText("Оганесян")
    dialog.first_name.setText("Ануш")
    dialog.phone.setText("12")
    dialog.submit()
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT_MS)
    assert "не номер телефона" in dialog.error.text()
    dialog.phone.setText("+7 928 000-11-22")
    dialog.submit()
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    assert desk.page.result.name.text() == "Оганесян Ануш"
    qtbot.waitUntil(lambda: "0 из 71" not in desk.page.counts_panel.arrived.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "1 из 71" in desk.page.counts_panel.arrived.text(), timeout=WAIT_MS)


def test_who_has_not_arrived(qtbot: Any, desk: Desk) -> None:
    desk.page.submit_scan(desk.tokens[6])
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    qtbot.waitUntil(lambda: "1 из 70" in desk.page.counts_panel.arrived.text(), timeout=WAIT_MS)
    desk.page.counts_panel.missing_button.click()
    qtbot.waitUntil(lambda: desk.page.counts_panel.dialog is not None, timeout=WAIT_MS)
    dialog = desk.page.counts_panel.dialog
    names = [dialog.list.item(row).text().split("\n")[0] for row in range(dialog.list.count())]
    assert len(names) == 69 and desk.people[6].full_name not in names
    assert desk.people[7].full_name in names
    # Search in it and check in from it.
    late = desk.people[7]
    dialog.search.setText(late.surname)
    shown = [row for row in range(dialog.list.count()) if not dialog.list.item(row).isHidden()]
    assert shown and all(late.surname in dialog.list.item(row).text() for row in shown)
    row = next(r for r in shown if dialog.list.item(r).text().startswith(late.full_name))
    dialog.list.setCurrentRow(row)
    dialog.check_in_button.click()
    wait_tone(qtbot, desk, Tone.ADMITTED, 2)
    assert desk.page.result.name.text() == late.full_name
    dialog.close()


def test_scanner_self_test_finds_the_russian_layout_and_checks_nobody_in(
    qtbot: Any, desk: Desk, demo_copy: Path
) -> None:
    dialog = desk.page.open_selftest()
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    scanner_types(dialog, desk.tokens[8].translate(RUSSIAN_LAYOUT))
    qtbot.waitUntil(lambda: dialog.diagnosis is not None, timeout=WAIT_MS)
    assert dialog.diagnosis is not None
    assert dialog.diagnosis.issues == (ScannerIssue.RUSSIAN_LAYOUT,)
    assert dialog.diagnosis.text == desk.tokens[8]
    qtbot.waitUntil(lambda: desk.people[8].full_name in dialog.raw.text(), timeout=WAIT_MS)
    dialog.close()
    assert stored(demo_copy) == []
    assert desk.page.result.tone is Tone.READY


def test_reprint_on_a_laptop_without_the_key_explains(
    qtbot: Any, start_desk: Any, demo_copy: Path, stream_day: None, message_boxes: Any
) -> None:
    app = start_desk(demo_copy)  # the demo has no signing key
    app.window.show_page("desk")
    page = app.window.page("desk")
    qtbot.waitUntil(lambda: page.counts is not None, timeout=WAIT_MS)
    with open_workspace(demo_copy) as ws:
        person = participants.list_participants(ws, stream_number=1)[0]
    page.reprinter.reprint(person)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [text] = message_boxes.texts("information")
    assert text.startswith("Этот ноутбук не может печатать бейджи")
    assert "организатор" in text
    app.window.show_page("participants")


def test_clock_outside_the_event_is_shown(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_page, "now", lambda: dt.datetime(2027, 2, 1, 9, tzinfo=dt.UTC))
    app = start_desk(demo_copy)
    app.window.show_page("desk")
    page = app.window.page("desk")
    qtbot.waitUntil(page.clock_banner.isVisible, timeout=WAIT_MS)
    assert "01.02.2027" in page.clock_banner.text()
    assert page.counts_panel.arrived.text() == "Сегодня занятий нет"
    page.submit_scan("SMM1:whatever")
    qtbot.waitUntil(lambda: page.result.tone is Tone.REFUSED, timeout=WAIT_MS)
    app.window.show_page("participants")


def test_sound_files_are_current() -> None:
    for sound in Sound:
        assert sound.path.read_bytes() == wav_bytes(sound), "run python -m ui.desk.sounds"
    lengths = {sound: len(wav_bytes(sound)) for sound in Sound}
    assert len(set(lengths.values())) == 3 or lengths[Sound.ADMITTED] != lengths[Sound.REFUSED]


def test_scan_result_for_every_refusal_has_russian_words(qtbot: Any, desk: Desk) -> None:
    from ui.desk.verdicts import result_headline

    for result in CheckinResult:
        text = result_headline(result)
        assert text and any("а" <= ch <= "я" for ch in text.lower()), result


def test_reprint_asks_the_passphrase_once_retries_and_says_opened_only_when_it_was(
    qtbot: Any, desk: Desk, message_boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from ui.common.passphrase_session import forget_keys
    from ui.desk import badge_output

    forget_keys()
    answers = ["не тот пароль", PASSPHRASE]
    labels: list[str] = []

    def get_text(_parent: object, _title: str, label: str, *_a: object) -> tuple[str, bool]:
        labels.append(label)
        return (answers.pop(0), True) if answers else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    yes = staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "question", yes)
    opened = [False, True]
    monkeypatch.setattr(badge_output, "open_file", lambda _path: opened.pop(0))
    person = desk.people[20]

    desk.page.reprinter.reprint(person)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    assert len(labels) == 2 and "Неверная парольная фраза" in labels[1]
    [first] = message_boxes.texts("information")
    assert "сохранён" in first and "открыт" not in first.split("сохранён")[1].split(".")[0]

    desk.page.reprinter.reprint(person)  # the key is remembered: no passphrase this time
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 2, timeout=WAIT_MS)
    assert len(labels) == 2
    assert "открыт" in message_boxes.texts("information")[1]
    with open_workspace(desk.app.context.workspace.path) as ws:
        assert participants.get_participant(ws, person.id).badge_version == 3
    forget_keys()


def test_wrong_day_names_the_days_as_a_range_agrees_and_stays_until_clicked(
    qtbot: Any, desk: Desk, demo_copy: Path
) -> None:
    with open_workspace(demo_copy) as ws:
        key = keys.unlock_signing_key(ws, PASSPHRASE)
        with ws.reading() as session:
            event_id = current_event(session).id
        others = participants.list_participants(ws, stream_number=2)
    woman = next(p for p in others if (p.patronymic or "").endswith("вна"))
    desk.page.submit_scan(make_token(key, event_id, woman.id, 1))
    wait_tone(qtbot, desk, Tone.REFUSED, 1)
    text = desk.page.result.explanation.text()
    assert text.startswith("Она занимается в потоке 2: ")
    assert "–" in text and text.count("мая") == 1  # «16–19 мая», not four dates
    assert "Сегодня день потока 1" in text
    assert not desk.page.result._reset.isActive()  # a refusal is not timed out
    qtbot.mouseClick(desk.page.result, Qt.MouseButton.LeftButton)
    assert desk.page.result.tone is Tone.READY


def test_kiosk_mode_fills_the_screen_with_the_verdict_and_esc_leaves(
    qtbot: Any, desk: Desk
) -> None:
    desk.page.fullscreen_button.click()
    assert desk.page.kiosk and desk.window.isFullScreen()
    assert not desk.page.side.isVisible() and not desk.window.navigation.isVisible()
    assert desk.page.result.arrivals.isVisible()
    assert "из 70" in desk.page.result.arrivals.text()
    scanner_types(desk.window, desk.tokens[30])
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    name_px = desk.page.result.name.font().pixelSize()
    default_px = QFontMetrics(QApplication.font()).height()
    assert name_px >= 3 * default_px  # the name grows with the screen, not a fixed point size
    qtbot.keyClick(desk.page, Qt.Key.Key_Escape)
    assert not desk.page.kiosk and not desk.window.isFullScreen()
    assert desk.page.side.isVisible() and desk.window.navigation.isVisible()


def test_a_wrong_admission_is_annulled_from_the_scan_log(
    qtbot: Any, desk: Desk, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    scanner_types(desk.window, desk.tokens[12])
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    qtbot.waitUntil(lambda: "1 из 70" in desk.page.counts_panel.arrived.text(), timeout=WAIT_MS)
    asked: list[str] = []

    def reason(_parent: object, _title: str, label: str, *_a: object) -> tuple[str, bool]:
        asked.append(label)
        return "перепутали однофамилиц", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(reason))
    desk.page.recent.setCurrentRow(0)
    desk.page.annul_button.click()
    qtbot.waitUntil(lambda: desk.page.recent.results() == ["annulled"], timeout=WAIT_MS)
    assert desk.people[12].full_name in asked[0]
    qtbot.waitUntil(lambda: "0 из 70" in desk.page.counts_panel.arrived.text(), timeout=WAIT_MS)
    assert "аннулировано" in desk.page.recent.item(0).text()
    scanner_types(desk.window, desk.tokens[12])  # the same badge again: green, not amber
    wait_tone(qtbot, desk, Tone.ADMITTED, 2)


def test_search_shows_who_is_here_before_enter_and_tolerates_a_typo(qtbot: Any, desk: Desk) -> None:
    person = desk.people[15]
    scanner_types(desk.window, desk.tokens[15])
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    search = desk.page.search
    typo = person.surname[:2] + person.surname[3:] if len(person.surname) > 4 else person.surname
    search.search.setText(typo)  # one letter missing
    search.run_search()
    qtbot.waitUntil(lambda: search.results.count() > 0, timeout=WAIT_MS)
    texts = [search.results.item(row).text() for row in range(search.results.count())]
    mine = next(text for text in texts if text.startswith(person.full_name))
    assert "уже есть регистрация сегодня в 09:30" in mine


def test_a_walk_in_on_the_roster_is_caught_before_a_duplicate_is_made(
    qtbot: Any, desk: Desk, demo_copy: Path
) -> None:
    person = next(p for p in desk.people if (p.patronymic or "").endswith("вна"))
    dialog = desk.page.open_walk_in()
    assert dialog is not None
    dialog.surname.setText(person.surname.upper())
    dialog.first_name.setText(person.first_name.lower())
    qtbot.waitUntil(dialog.use_existing.isVisible, timeout=WAIT_MS)
    assert dialog.matches.item(0).text().startswith(person.full_name)
    assert dialog.use_existing.text() == "Отметить её"
    dialog.use_existing.click()
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    assert desk.page.result.name.text() == person.full_name
    with open_workspace(demo_copy) as ws:  # no second person was made
        assert len(participants.list_participants(ws, stream_number=1)) == 70


def test_the_verdict_shows_the_organizers_note_and_records_a_missing_consent(
    qtbot: Any, desk: Desk, demo_copy: Path
) -> None:
    from smm_event.storage import changes as change_log

    person = desk.people[25]
    with open_workspace(demo_copy) as ws, ws.transaction() as session:
        fields = {"consent": None, "consent_date": None, "notes": "подписать согласие"}
        change_log.record(session, "participant", person.id, fields)
    desk.page.submit_scan(desk.tokens[25])
    wait_tone(qtbot, desk, Tone.ADMITTED, 1)
    text = desk.page.result.explanation.text()
    assert "Примечание: подписать согласие" in text and "Нет согласия" in text
    assert desk.page.result.consent_button.isVisible()
    desk.page.result.consent_button.click()
    qtbot.waitUntil(lambda: not desk.page.result.consent_button.isVisible(), timeout=WAIT_MS)
    assert "Нет согласия" not in desk.page.result.explanation.text()
    with open_workspace(demo_copy) as ws:
        stored_person = participants.get_participant(ws, person.id)
    assert stored_person.consent is True and stored_person.consent_date == MORNING.date()
