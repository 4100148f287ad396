"""The status bar: which laptop, which event, how many people, what is not yet synced, and a
warning when the laptop's clock disagrees with the event's dates (a wrong date would stamp
every check-in with the wrong day)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from smm_event.domain.event import EventInfo, WorkspaceSummary
from ui.common.formatting import date_range, short_date
from ui.i18n import fill

BUSY_DELAY_MS = 400  # quick queries never make the indicator flicker
CLOCK_TOLERANCE = dt.timedelta(days=1)
STYLE = (
    "QStatusBar::item { border: none; }"
    " QLabel { padding: 0 10px; border-left: 1px solid #b8b8b8; }"
    " QLabel#dateWarning { background: #ffbf00; color: #000; font-weight: bold;"
    " padding: 2px 8px; border: none; border-radius: 3px; }"
)


def today() -> dt.date:
    """The laptop's date (a function so tests can move the clock)."""
    return dt.date.today()


def clock_suspicious(event: EventInfo, day: dt.date) -> bool:
    return not (event.starts_on - CLOCK_TOLERANCE <= day <= event.ends_on + CLOCK_TOLERANCE)


class WorkspaceStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.date_warning = QLabel()
        self.date_warning.setObjectName("dateWarning")  # the amber style sheet selects it
        # The last sync and the unsynced count are the Sync page's own label (ui/sync_page.py).
        self.device, self.dates, self.people = (QLabel() for _ in range(3))
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(80)
        self.busy.setTextVisible(False)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy.show)
        self.addWidget(self.date_warning)
        for label in (self.device, self.dates, self.people):
            self.addPermanentWidget(label)
        self.addPermanentWidget(self.busy)
        self.show_summary(None)

    def set_busy(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    def show_summary(self, summary: WorkspaceSummary | None) -> None:
        labels = (self.device, self.dates, self.people)
        for label in labels:
            label.setVisible(summary is not None)
        self.date_warning.hide()
        if summary is None:
            return
        self.device.setText(fill(self.tr("Device: {name}"), name=summary.device.name))
        self.people.setText(self.tr("%n participant(s)", "", summary.participants))
        event = summary.event
        self.dates.setVisible(event is not None)
        if event is not None:
            self.dates.setText(date_range(event.starts_on, event.ends_on))
            self._check_clock(event)

    def _check_clock(self, event: EventInfo) -> None:
        day = today()
        if not clock_suspicious(event, day):
            return
        # Short, because the event's dates are shown right beside it.
        text = self.tr("Check the date on this computer: {today} is outside the event's dates")
        self.date_warning.setText(fill(text, today=short_date(day)))
        self.date_warning.setToolTip(
            self.tr(
                "A wrong date on this computer would record check-ins on the wrong day. "
                "Correct the date and time in the system settings."
            )
        )
        self.date_warning.show()
