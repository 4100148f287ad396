"""«Часы этого компьютера …: проверьте дату и время»: this laptop's own clock as the next write
would judge it (docs/sync.md, "Clocks"). The same banner sits above the desk and trainer pages;
the status bar shows its short form. «Время верное» trusts the clock again after asking."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from smm_event.domain.clock import ClockAlert, ClockProblem
from smm_event.services.clock import clock_status, confirm_clock, watch_clock
from ui.context import AppContext
from ui.i18n import fill

STYLE = (
    "background: #ffbf00; color: #000; font-weight: bold; padding: 6px 10px; border-radius: 4px;"
)
_HOUR_MS = 3_600_000


class _Watcher(QObject):
    """One listener for the whole process: the core tells it from whichever thread writes,
    and the queued signal brings the alert to the GUI thread."""

    alerted = Signal(object)

    def tell(self, alert: ClockAlert) -> None:
        self.alerted.emit(alert)


_watcher: _Watcher | None = None


def watcher() -> _Watcher:
    global _watcher
    if _watcher is None:
        _watcher = _Watcher()
        watch_clock(_watcher.tell)
    return _watcher


def _moment(ms: int) -> str:
    moment = dt.datetime.fromtimestamp(ms / 1000, dt.UTC).astimezone()
    return moment.strftime("%d.%m.%Y %H:%M")


def _span(ms: int) -> str:
    hours = abs(ms) / _HOUR_MS
    if hours >= 48:
        return fill(
            QCoreApplication.translate("ClockBanner", "{count} days"), count=round(hours / 24)
        )
    return fill(QCoreApplication.translate("ClockBanner", "{count} h"), count=max(1, round(hours)))


def alert_text(alert: ClockAlert) -> str:
    now, then = _moment(alert.wall_ms), _moment(alert.reference_ms)
    if alert.problem is ClockProblem.FAR_AHEAD:
        text = QCoreApplication.translate(
            "ClockBanner",
            "This computer's clock is ahead: it shows {now}, {span} after the last checked time "
            "({then}). Check the date and time. Until then new records keep the checked time.",
        )
    elif alert.problem is ClockProblem.WENT_BACK:
        text = QCoreApplication.translate(
            "ClockBanner",
            "This computer's clock was set back: it shows {now}, {span} before a time already "
            "checked ({then}). Check the date and time.",
        )
    else:
        text = QCoreApplication.translate(
            "ClockBanner",
            "This computer's clock was changed while the program ran ({span}): check the date "
            "and time.",
        )
    return fill(text, now=now, then=then, span=_span(alert.offset_ms))


def short_text() -> str:
    return QCoreApplication.translate(
        "ClockBanner", "This computer's clock is wrong: check the date and time"
    )


class ClockBanner(QLabel):
    """Hidden while the clock looks right. Checks on every workspace refresh and whenever the
    core tells of a problem before a write."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, compact: bool = False
    ) -> None:
        """``compact``: the status bar's one short line, the full sentence as its tooltip."""
        super().__init__(parent)
        self.context = context
        self.compact = compact
        self.alert: ClockAlert | None = None
        self.setWordWrap(not compact)
        self.setStyleSheet(STYLE.replace("6px 10px", "2px 8px") if compact else STYLE)
        self.linkActivated.connect(self._confirm)
        self.hide()
        watcher().alerted.connect(self.show_alert)
        context.summary_changed.connect(self.check)
        if context.summary is not None:
            self.check()

    def check(self, *_args: object) -> None:
        if self.context.workspace is None:
            self.show_alert(None)
            return
        self.context.run(clock_status, on_done=self.show_alert, owner=self)

    def show_alert(self, alert: ClockAlert | None) -> None:
        self.alert = alert
        self.setVisible(alert is not None)
        if alert is not None and self.compact:
            self.setText(short_text())
            self.setToolTip(alert_text(alert))
        elif alert is not None:
            link = QCoreApplication.translate("ClockBanner", "The time is right")
            self.setText(f'{alert_text(alert)} <a href="confirm">{link}</a>')

    def _confirm(self, _link: str) -> None:
        question = QCoreApplication.translate(
            "ClockBanner",
            "Look at the date and time in the corner of the screen. Are they right now? "
            "New records will take this computer's time again.",
        )
        answer = QMessageBox.question(self, self.windowTitle() or " ", question)
        if answer != QMessageBox.StandardButton.Yes or self.context.workspace is None:
            return
        self.context.run(confirm_clock, on_done=lambda _none: self.show_alert(None), owner=self)
