"""«Регистрация»: the screen that meets the morning queue.

Three ways in (USB scanner captured application-wide, webcam, search) end in the same core
call on the serialized background executor; the panel turns green, amber or red only when that
call returned, i.e. after the durable commit, and the GUI thread never waits for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.checkin import (
    CheckinMethod,
    CheckinOutcome,
    ClockWarning,
    DeskArrivals,
    DeskCounts,
    ScanRecord,
    WalkInOutcome,
)
from smm_event.domain.event import WorkspaceSummary
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.services.checkin import (
    check_in_manual,
    check_in_scan,
    clock_warning,
    desk_counts,
    recent_scans,
)
from smm_event.services.checkin_override import laptop_is_organizers
from smm_event.services.input_limits import max_length
from smm_event.services.walkins import record_consent
from smm_event.station import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS
from ui.common.clock_banner import ClockBanner
from ui.common.formatting import short_date
from ui.common.keyboard_capture import KeyboardCapture
from ui.common.window_geometry import restore_window_state
from ui.context import AppContext, Change
from ui.desk.annul import Annuller
from ui.desk.badge_output import printer_choice
from ui.desk.camera_panel import CameraPanel
from ui.desk.counts_panel import CountsPanel
from ui.desk.messages import desk_error_message
from ui.desk.override import OverrideDialog
from ui.desk.recent_list import RecentList
from ui.desk.reprint import BadgeReprinter
from ui.desk.result_panel import ResultPanel
from ui.desk.search_panel import SearchPanel
from ui.desk.selftest_dialog import ScannerSelfTest
from ui.desk.sounds import Player, SystemPlayer
from ui.desk.walkin_dialog import WalkInDialog
from ui.errors import show_error
from ui.i18n import fill

BUSY_AFTER_MS = 300  # a commit normally takes milliseconds: no "checking…" flicker
REFRESH_MS = 30_000  # counts change through the other desks too (after sync)
SIDE_WIDTH = 470  # the search, camera and counts column; the result panel takes the rest


def now() -> dt.datetime:
    """The desk's clock (module-level so tests can move it to a stream day)."""
    return dt.datetime.now(dt.UTC)


class DeskPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("DeskPage", "Check-in")

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        player: Player | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = clock or (lambda: now())
        self.player: Player = player or SystemPlayer()
        self.counts: DeskCounts | None = None
        self.kiosk = False
        self._state_before_kiosk = Qt.WindowState.WindowNoState
        self._build()
        self.capture = KeyboardCapture(self, active=self._capturing)
        self.capture.scanned.connect(lambda scan: self.submit_scan(scan.raw))
        self.capture.start()
        self.camera_panel.code_read.connect(
            lambda text: self.submit_scan(text, CheckinMethod.CAMERA)
        )
        self.result.consent_signed.connect(self.record_consent)
        self.result.override_requested.connect(self.open_override)
        self.override_dialog: OverrideDialog | None = None
        self.annuller = Annuller(
            self.context, self.recent, self, self.current_operator, lambda: self.refresh()
        )
        self.annul_button.clicked.connect(self.annuller.annul_selected)
        self.reprinter = BadgeReprinter(self.context, self)
        self.search.reprint_requested.connect(self.reprinter.reprint)
        self.result.print_requested.connect(self.reprinter.print_first_badge)
        self._busy = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy.timeout.connect(self.result.show_busy)
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self._refresh.start()
        context.workspace_changed.connect(self._workspace_changed)
        self._stale = False
        context.changed.connect(self._changed)
        if context.summary is not None:
            self._workspace_changed(context.summary)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.clock_banner = QLabel()
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(
            "background: #ffbf00; color: #000; font-weight: bold; padding: 6px 10px;"
            " border-radius: 4px;"
        )
        self.clock_banner.hide()
        self.result = ResultPanel()
        self.result.set_hold_ms(self.context.station.verdict_hold_seconds * 1000)
        self.recent = RecentList()
        self.recent_title = QWidget()
        title_row = QHBoxLayout(self.recent_title)
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.addWidget(QLabel(self.tr("Last scans")), 1)
        self.annul_button = QPushButton(self.tr("Annul…"))
        self.annul_button.setToolTip(self.tr("Undo the selected admission, with a reason"))
        title_row.addWidget(self.annul_button)
        left = QVBoxLayout()
        left.addWidget(self.result, 3)
        left.addWidget(self.recent_title)
        left.addWidget(self.recent, 1)
        right = QVBoxLayout()
        right.addWidget(self._build_station())
        self.search = SearchPanel(self.context)
        self.search.clock = lambda: self.clock()
        self.search.check_in_requested.connect(self.check_in_person)
        right.addWidget(self._group(self.tr("Find a participant"), self.search), 3)
        self.camera_panel = CameraPanel(self.context)
        right.addWidget(self.camera_panel, 0)
        self.counts_panel = CountsPanel()
        self.counts_panel.missing_requested.connect(self.show_missing)
        right.addWidget(self._group(self.tr("Today"), self.counts_panel), 0)
        self.side = QWidget()
        self.side.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        self.side.setFixedWidth(SIDE_WIDTH)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.own_clock = ClockBanner(self.context)  # the laptop's clock against its own stamps
        layout.addWidget(self.own_clock)
        layout.addWidget(self.clock_banner)
        layout.addLayout(body, 1)

    @staticmethod
    def _group(title: str, widget: QWidget) -> QGroupBox:
        group = QGroupBox(title)
        box = QVBoxLayout(group)
        box.setContentsMargins(6, 4, 6, 6)
        box.addWidget(widget)
        return group

    def _build_station(self) -> QWidget:
        self.desk_name = QLineEdit()
        self.desk_name.setMaxLength(max_length("checkin", "desk"))
        self.desk_name.setPlaceholderText(self.tr("Desk name"))
        self.desk_name.editingFinished.connect(self._save_station)
        self.operator = QLineEdit()
        self.operator.setMaxLength(max_length("checkin", "operator"))
        self.operator.setPlaceholderText(self.tr("Your name"))
        self.operator.setText(self.context.station.operator_name)
        self.operator.editingFinished.connect(self._save_station)
        self.selftest_button = QPushButton(self.tr("Test scanner"))
        self.selftest_button.clicked.connect(self.open_selftest)
        self.walkin_button = QPushButton(self.tr("New participant…"))
        self.walkin_button.clicked.connect(self.open_walk_in)
        self.fullscreen_button = QPushButton(self.tr("Kiosk mode"))
        self.fullscreen_button.setToolTip(
            self.tr("Only the verdict, on the whole screen. Esc leaves.")
        )
        self.fullscreen_button.setCheckable(True)
        self.fullscreen_button.clicked.connect(self.toggle_fullscreen)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow(self.tr("Desk:"), self.desk_name)
        fields.addRow(self.tr("Operator:"), self.operator)
        self.hold = QSpinBox()
        self.hold.setRange(MIN_HOLD_SECONDS, MAX_HOLD_SECONDS)
        self.hold.setSuffix(self.tr(" s"))
        self.hold.setValue(self.context.station.verdict_hold_seconds)
        self.hold.setToolTip(self.tr("A refusal stays until the next scan or a click."))
        self.hold.valueChanged.connect(self._hold_changed)
        fields.addRow(self.tr("Green and amber shown for:"), self.hold)
        self.printer = printer_choice(self.context)
        fields.addRow(self.tr("Badge printer:"), self.printer)
        buttons = QHBoxLayout()
        for button in (self.walkin_button, self.selftest_button, self.fullscreen_button):
            buttons.addWidget(button)
        widget = QWidget()
        box = QVBoxLayout(widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(fields)
        box.addLayout(buttons)
        return widget

    # -- workspace -------------------------------------------------------------------------

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        self.result.stream_titles = {s.number: s.title for s in summary.streams} if summary else {}
        device = summary.device.name if summary else ""
        self.desk_name.setText(self.context.station.desk_name or device)
        self.recent.clear()
        self.result.show_ready()
        self.refresh()

    def _changed(self, what: Change) -> None:
        # This desk counts its own admissions on the screen; scans elsewhere come with sync
        # (Change.ALL). A hidden desk re-reads when it is shown again.
        if not what & ~Change.CHECKINS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Counts, the last scans and the clock check, all in the background."""
        if self.context.workspace is None or not self._has_event():
            return
        at = self.clock()
        self.context.run(
            desk_counts, None, self.current_desk(), at, False, on_done=self._counts, owner=self
        )
        self.context.run(clock_warning, at, on_done=self._clock_checked, owner=self)
        if self.recent.count() == 0:
            self.context.run(recent_scans, 20, at, on_done=self._recent_loaded, owner=self)

    def _has_event(self) -> bool:
        return self.context.summary is not None and self.context.summary.event is not None

    def _counts(self, counts: DeskCounts) -> None:
        self.counts = counts
        self.search.today_streams = tuple(stream.number for stream in counts.streams)
        self.counts_panel.show_counts(counts)
        self.result.set_arrivals(self.counts_panel.arrived.text() if self.kiosk else None)

    def _recent_loaded(self, scans: tuple[ScanRecord, ...]) -> None:
        if self.recent.count() == 0:
            self.recent.show_records(scans)

    def _clock_checked(self, warning: ClockWarning | None) -> None:
        self.clock_banner.setVisible(warning is not None)
        if warning is not None:
            text = self.tr(
                "Check the date on this computer: {today} is outside the event ({start} – {end}). "
                "Check-ins would be recorded on the wrong day."
            )
            self.clock_banner.setText(
                fill(
                    text,
                    today=short_date(warning.today),
                    start=short_date(warning.starts_on),
                    end=short_date(warning.ends_on),
                )
            )

    def current_desk(self) -> str | None:
        return self.desk_name.text().strip() or None

    def current_operator(self) -> str | None:
        return self.operator.text().strip() or None

    def _hold_changed(self, seconds: int) -> None:
        self.result.set_hold_ms(seconds * 1000)
        if seconds != self.context.station.verdict_hold_seconds:
            self.context.update_station(verdict_hold_seconds=seconds)

    def _save_station(self) -> None:
        desk, operator = self.desk_name.text().strip(), self.operator.text().strip()
        if (desk, operator) != (self.context.station.desk_name, self.context.station.operator_name):
            self.context.update_station(desk_name=desk, operator_name=operator)

    # -- checking in -----------------------------------------------------------------------

    def _capturing(self) -> bool:
        return (
            self.isVisible()
            and QApplication.activeModalWidget() is None
            and self.context.workspace is not None
        )

    def submit_scan(self, raw: str, method: CheckinMethod = CheckinMethod.SCANNER) -> None:
        """Judge and log a scanned text; the verdict shows once it is on disk."""
        if self.context.workspace is None:
            return
        self._busy.start()
        self.context.run(
            check_in_scan,
            raw,
            self.current_desk(),
            self.current_operator(),
            method,
            self.clock(),
            on_done=self.show_outcome,
            on_error=self._check_in_failed,
            owner=self,
        )

    def check_in_person(self, person: ParticipantInfo) -> None:
        self.check_in_id(person.id)

    def check_in_id(self, participant_id: uuid.UUID) -> None:
        """Check in a person picked by hand (search, «Ещё не пришли», a walk-in match)."""
        if self.context.workspace is None:
            return
        self._busy.start()
        self.context.run(
            check_in_manual,
            participant_id,
            self.current_desk(),
            self.current_operator(),
            self.clock(),
            on_done=self._manual_done,
            on_error=self._check_in_failed,
            owner=self,
        )

    def _manual_done(self, outcome: CheckinOutcome) -> None:
        self.show_outcome(outcome)
        self.search.clear()

    def show_outcome(self, outcome: CheckinOutcome) -> None:
        self._busy.stop()
        shown = self.result.show_outcome(outcome)
        if shown.sound is not None:
            self.player.play(shown.sound)
        self.recent.add_outcome(outcome)
        if outcome.admitted:
            self._count_admission(outcome)
            # The trainer page and the dashboard show arrivals and the desk's first mark.
            self.context.notify_changed(Change.CHECKINS | Change.MARKS)

    def _count_admission(self, outcome: CheckinOutcome) -> None:
        """Count this desk's admission here: a recount after every scan would queue a query
        in front of the next scan. Other desks' arrivals come with the periodic recount."""
        counts = self.counts
        numbers = [stream.number for stream in counts.streams] if counts else []
        if counts is None or outcome.local_day != counts.day:
            return
        if outcome.stream_number not in numbers:
            return
        desks = Counter({desk.desk: desk.arrived for desk in counts.by_desk})
        desks[outcome.desk] += 1
        here = desks[counts.desk] if counts.desk is not None else None
        self._counts(
            replace(
                counts,
                streams=tuple(
                    replace(s, arrived=s.arrived + 1) if s.number == outcome.stream_number else s
                    for s in counts.streams
                ),
                arrived=counts.arrived + 1,
                by_desk=tuple(
                    DeskArrivals(name, count)
                    for name, count in sorted(desks.items(), key=lambda item: (-item[1], item[0]))
                ),
                arrived_at_desk=here,
            )
        )

    def record_consent(self, participant_id: uuid.UUID) -> None:
        self.context.run(
            record_consent,
            participant_id,
            self.clock(),
            on_done=self._consent_recorded,
            on_error=self._check_in_failed,
            owner=self,
        )

    def _consent_recorded(self, person: ParticipantInfo) -> None:
        shown = self.result.outcome
        if shown is not None and shown.participant_id == person.id:
            self.result.show_outcome(dataclasses.replace(shown, participant=person))
        self.context.notify_changed(Change.PEOPLE)

    def open_override(self, outcome: CheckinOutcome) -> None:
        """«Let in anyway…» on a wrong-day refusal: the dialog asks the organizer's name only
        on a laptop that is not the organizer's (known from the workspace, so asked first)."""
        if self.context.workspace is None or outcome.participant_id is None:
            return
        self.context.run(
            laptop_is_organizers,
            on_done=lambda organizers: self._open_override(outcome, bool(organizers)),
            owner=self,
        )

    def _open_override(self, outcome: CheckinOutcome, organizers: bool) -> None:
        assert outcome.participant_id is not None
        dialog = OverrideDialog(
            self.context,
            outcome.participant_id,
            outcome.participant_name or "",
            organizers,
            self.current_desk(),
            self.current_operator(),
            self.clock,
            self,
        )
        dialog.admitted.connect(self._overridden)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.override_dialog = dialog

    def _overridden(self, outcome: CheckinOutcome) -> None:
        self.show_outcome(outcome)
        self.refresh()  # the «from other streams» count is not counted on the screen

    def _missing_loaded(self, counts: DeskCounts) -> None:
        dialog = self.counts_panel.open_missing(counts.not_arrived)
        dialog.check_in_requested.connect(self.check_in_id)

    def show_missing(self) -> None:
        if self.context.workspace is not None:
            self.context.run(
                desk_counts,
                None,
                self.current_desk(),
                self.clock(),
                True,
                on_done=self._missing_loaded,
                owner=self,
            )

    def _check_in_failed(self, error: BaseException) -> None:
        self._busy.stop()
        if isinstance(error, UserError):
            self.result.show_problem(self.tr("Not checked in"), desk_error_message(error))
            return
        self.result.show_problem(
            self.tr("Not checked in"),
            self.tr(
                "The check-in could not be saved. Try again; if it repeats, call the organizer."
            ),
        )
        show_error(self, error)

    # -- walk-ins, reprints, scanner test --------------------------------------------------

    def open_walk_in(self) -> WalkInDialog | None:
        if self.context.workspace is None:
            return None
        streams = tuple(s.number for s in self.counts.streams) if self.counts else ()
        dialog = WalkInDialog(
            self.context, streams, self.current_desk(), self.current_operator(), self.clock, self
        )
        dialog.registered.connect(self._walked_in)
        dialog.existing_chosen.connect(self.check_in_person)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _walked_in(self, outcome: WalkInOutcome) -> None:
        self.show_outcome(outcome.checkin)
        if outcome.checkin.admitted:
            self.reprinter.offer_first_badge(self.result.offer_print)
        self.context.notify_changed(Change.PEOPLE | Change.CHECKINS | Change.MARKS)

    def open_selftest(self) -> ScannerSelfTest:
        dialog = ScannerSelfTest(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def toggle_fullscreen(self) -> None:
        self.set_kiosk(not self.kiosk)

    def set_kiosk(self, on: bool) -> None:
        """Kiosk mode: the verdict fills the screen (no navigation, menus or side panel), with
        today's arrived/expected in large type. Scanning works as usual; Esc leaves."""
        if on == self.kiosk:
            return
        self.kiosk = on
        window = self.window()
        for widget in (self.side, self.recent, self.recent_title):
            widget.setVisible(not on)
        for chrome in _window_chrome(window):
            chrome.setVisible(not on)
        self.result.set_arrivals(self.counts_panel.arrived.text() if on else None)
        if on:
            self._state_before_kiosk = window.windowState()
            window.showFullScreen()
        else:
            restore_window_state(window, self._state_before_kiosk)
        self.fullscreen_button.setChecked(on)
        action = getattr(window, "fullscreen_action", None)
        if isinstance(action, QAction):
            action.setChecked(on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.kiosk and event.key() == Qt.Key.Key_Escape:
            self.set_kiosk(False)
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.kiosk:
            self.set_kiosk(False)
        # Another page is showing: the camera must not check people in behind its back.
        self.camera_panel.stop()
        super().hideEvent(event)


def _window_chrome(window: QWidget) -> list[QWidget]:
    """What kiosk mode hides around the page: the navigation list, menus and status bar."""
    chrome: list[QWidget] = []
    navigation = getattr(window, "navigation", None)
    if isinstance(navigation, QWidget):
        chrome.append(navigation)
    if isinstance(window, QMainWindow):
        chrome.extend(w for w in (window.menuBar(), window.statusBar()) if w is not None)
    return chrome
