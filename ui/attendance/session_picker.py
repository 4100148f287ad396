"""Stream, day and session combos. Opens on the session running now (or the next one today)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from smm_event.attendance.sessions import session_at
from smm_event.domain.event import SessionInfo
from ui.common.formatting import short_date, stream_label


class SessionPicker(QWidget):
    session_changed = Signal()  # read current_session_id()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions: tuple[SessionInfo, ...] = ()
        self.stream_box, self.day_box, self.session_box = QComboBox(), QComboBox(), QComboBox()
        for box in (self.stream_box, self.day_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.session_box.setMinimumWidth(420)
        self.session_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.stream_box, self.day_box, self.session_box):
            layout.addWidget(box)
        self.stream_box.currentIndexChanged.connect(self._stream_chosen)
        self.day_box.currentIndexChanged.connect(self._day_chosen)
        self.session_box.currentIndexChanged.connect(self.session_changed)

    def set_sessions(
        self,
        sessions: Sequence[SessionInfo],
        titles: Mapping[int, str],
        now: dt.datetime | None = None,
    ) -> None:
        """Fill the combos and choose the session running at ``now`` (aware; default: now)."""
        self.sessions = tuple(sessions)
        self.stream_box.blockSignals(True)
        self.stream_box.clear()
        for number in sorted({s.stream_number for s in self.sessions}):
            self.stream_box.addItem(stream_label(number, titles.get(number, "")), number)
        self.stream_box.blockSignals(False)
        current = self._at(self.sessions, now) or (self.sessions[0] if self.sessions else None)
        if current is not None:
            self.choose(current.id)
        else:
            self._fill_days(None)
            self._fill_sessions(None, None)
            self.session_changed.emit()

    def choose(self, session_id: uuid.UUID) -> None:
        session = next(s for s in self.sessions if s.id == session_id)
        _select(self.stream_box, session.stream_number)
        self._fill_days(session.stream_number)
        _select(self.day_box, session.day)
        self._fill_sessions(session.stream_number, session.day)
        _select(self.session_box, session.id)
        self.session_changed.emit()

    def current_session_id(self) -> uuid.UUID | None:
        data = self.session_box.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def current_session(self) -> SessionInfo | None:
        wanted = self.current_session_id()
        return next((s for s in self.sessions if s.id == wanted), None)

    def stream_number(self) -> int | None:
        data = self.stream_box.currentData()
        return data if isinstance(data, int) else None

    def day(self) -> dt.date | None:
        data = self.day_box.currentData()
        return data if isinstance(data, dt.date) else None

    def _stream_chosen(self) -> None:
        days = self._fill_days(self.stream_number())
        today = dt.date.today()
        _select(self.day_box, today if today in days else (days[0] if days else None))
        self._day_chosen()

    def _day_chosen(self) -> None:
        sessions = self._fill_sessions(self.stream_number(), self.day())
        current = self._at(sessions, None) or (sessions[0] if sessions else None)
        _select(self.session_box, current.id if current else None)
        self.session_changed.emit()

    @staticmethod
    def _at(sessions: Sequence[SessionInfo], now: dt.datetime | None) -> SessionInfo | None:
        if not sessions:
            return None
        moment = (now or dt.datetime.now(dt.UTC)).astimezone(sessions[0].starts_at.tzinfo)
        return session_at(sessions, moment)

    def _fill_days(self, number: int | None) -> list[dt.date]:
        days = sorted({s.day for s in self.sessions if s.stream_number == number})
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for day in days:
            self.day_box.addItem(short_date(day), day)
        self.day_box.blockSignals(False)
        return days

    def _fill_sessions(self, number: int | None, day: dt.date | None) -> list[SessionInfo]:
        sessions = [s for s in self.sessions if s.stream_number == number and s.day == day]
        self.session_box.blockSignals(True)
        self.session_box.clear()
        for session in sessions:
            text = f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M}  {session.title}"
            self.session_box.addItem(text, session.id)
        self.session_box.blockSignals(False)
        return sessions


def _select(box: QComboBox, data: object) -> None:
    # Not findData: PySide keeps a date as a Python object, which Qt compares by identity, so
    # an equal date from another query was never found and the first day was shown instead.
    found = next((i for i in range(box.count()) if box.itemData(i) == data), 0)
    box.blockSignals(True)
    box.setCurrentIndex(found)
    box.blockSignals(False)
