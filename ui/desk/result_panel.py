"""The big result panel: green, amber or red with the person's name in large type.

The text is sized to the panel (the name takes about a sixth of its height), so in kiosk mode at
1920×1080 it reads from across the hall. Green and amber go back to «Готово к сканированию»
after the desk's hold time (a station setting); a red refusal stays, with its reason and what to
do, until the next scan or a click, so a busy clerk cannot miss it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from smm_event.domain.checkin import CheckinOutcome, CheckinResult
from ui.common.formatting import stream_label
from ui.desk.verdicts import COLOURS, Tone, Verdict, verdict

RESET_MS = 4000  # the default hold time of a green or amber verdict
# Font pixel size of each line as a share of the panel's height (and, for long names, width).
_SCALES = {"headline": 0.085, "name": 0.11, "organization": 0.055, "stream": 0.055}
_EXPLANATION_SCALE = 0.045
_ARRIVALS_SCALE = 0.07


class ResultPanel(QFrame):
    consent_signed = Signal(object)  # participant id: the person signed the consent here
    override_requested = Signal(object)  # CheckinOutcome refused for another stream's day
    print_requested = Signal(object)  # ParticipantInfo: print a walk-in's first badge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.stream_titles: dict[int, str] = {}
        self.tone = Tone.READY
        self.outcome: CheckinOutcome | None = None
        self.headline = self._label(2.2, bold=True)
        self.name = self._label(2.6, bold=True)
        self.organization = self._label(1.5)
        self.stream = self._label(1.5)
        self.explanation = self._label(1.25)
        self.arrivals = self._label(1.5, bold=True)  # today's arrived/expected, in kiosk mode
        self.arrivals.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addStretch(1)
        for label in (self.headline, self.name, self.organization, self.stream):
            layout.addWidget(label)
        layout.addSpacing(10)
        layout.addWidget(self.explanation)
        self.consent_button = QPushButton(self.tr("Consent signed"))
        self.consent_button.clicked.connect(self._consent_clicked)
        self.consent_button.hide()
        layout.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.override_button = QPushButton(self.tr("Let in anyway…"))
        self.override_button.clicked.connect(self._override_clicked)
        self.override_button.hide()
        layout.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.print_button = QPushButton(self.tr("Print badge"))
        self.print_button.clicked.connect(self._print_clicked)
        self.print_button.hide()
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addWidget(self.arrivals)
        self._reset = QTimer(self, singleShot=True, interval=RESET_MS)
        self._reset.timeout.connect(self.show_ready)
        self.show_ready()

    def _label(self, scale: float, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def set_hold_ms(self, milliseconds: int) -> None:
        """How long a green or amber verdict stays (a refusal stays until dismissed)."""
        self._reset.setInterval(max(500, milliseconds))

    def set_arrivals(self, text: str | None) -> None:
        self.arrivals.setText(text or "")
        self.arrivals.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        width = max(1, self.width())
        # A narrow panel (the desk's normal layout) wraps long names and NGOs onto more lines:
        # size by the smaller of its height and its width so the explanation still fits.
        base = max(1, min(self.height(), int(width * 0.7)))
        for name, scale in _SCALES.items():
            self._size(getattr(self, name), base * scale, width)
        self._size(self.explanation, base * _EXPLANATION_SCALE, width)
        self._size(self.arrivals, base * _ARRIVALS_SCALE, width)

    @staticmethod
    def _size(label: QLabel, pixels: float, width: int) -> None:
        # Never below a readable size; long lines wrap (word wrap is on) rather than clip.
        font = label.font()
        size = max(14, min(int(pixels), width // 12))
        if font.pixelSize() != size:
            font.setPixelSize(size)
            label.setFont(font)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tone is Tone.REFUSED:
            self.show_ready()  # the clerk has seen the refusal
        super().mousePressEvent(event)

    def _consent_clicked(self) -> None:
        if self.outcome is not None and self.outcome.participant_id is not None:
            self._reset.stop()  # the clerk is busy with this person
            self.consent_signed.emit(self.outcome.participant_id)

    def _override_clicked(self) -> None:
        if self.outcome is not None and self.outcome.result is CheckinResult.WRONG_STREAM_DAY:
            self.override_requested.emit(self.outcome)

    def _print_clicked(self) -> None:
        if self.outcome is not None and self.outcome.participant is not None:
            self.print_button.hide()
            self.print_requested.emit(self.outcome.participant)

    def offer_print(self) -> None:
        """After a walk-in on a laptop that can sign: the badge is one click away, and the
        panel stays until the next scan (the clerk is still with this person)."""
        if self.outcome is not None and self.outcome.participant is not None:
            self._reset.stop()
            self.print_button.show()

    def show_ready(self) -> None:
        self._reset.stop()
        self.consent_button.hide()
        self.override_button.hide()
        self.print_button.hide()
        self.outcome = None
        self._paint(Tone.READY)
        self.headline.setText(self.tr("Ready to scan"))
        self.explanation.setText(
            self.tr("Hold the badge to the scanner or the camera, or find the person by search.")
        )
        for label in (self.name, self.organization, self.stream):
            label.clear()
            label.hide()

    def show_busy(self) -> None:
        """Shown only if the durable write takes noticeably long (see the desk page)."""
        if self.tone is Tone.READY:
            self._paint(Tone.BUSY)
            self.headline.setText(self.tr("Checking…"))

    def show_outcome(self, outcome: CheckinOutcome) -> Verdict:
        shown = verdict(outcome)
        self.outcome = outcome
        self._paint(shown.tone)
        self.headline.setText(shown.headline)
        self.explanation.setText(shown.explanation)
        person = outcome.participant
        self._set(self.name, person.full_name if person else "")
        self._set(self.organization, person.organization or "" if person else "")
        number = person.stream_number if person else None
        self._set(
            self.stream, stream_label(number, self.stream_titles.get(number, "")) if number else ""
        )
        self.consent_button.setVisible(
            shown.tone in (Tone.ADMITTED, Tone.REPEAT) and person is not None and not person.consent
        )
        self.print_button.hide()
        self.override_button.setVisible(
            outcome.result is CheckinResult.WRONG_STREAM_DAY and outcome.participant_id is not None
        )
        if shown.tone is Tone.REFUSED:
            self._reset.stop()  # stays until the next scan or a click
        else:
            self._reset.start()
        return shown

    def show_problem(self, headline: str, explanation: str) -> None:
        """A failure of the desk itself (the write failed): red, and no person."""
        self.outcome = None
        self.consent_button.hide()
        self.override_button.hide()
        self.print_button.hide()
        self._paint(Tone.REFUSED)
        self.headline.setText(headline)
        self.explanation.setText(explanation)
        for label in (self.name, self.organization, self.stream):
            label.hide()
        self._reset.stop()  # a failure of the desk stays until the next scan or a click

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _paint(self, tone: Tone) -> None:
        self.tone = tone
        background, foreground = COLOURS[tone]
        self.setStyleSheet(
            f"QFrame#resultPanel {{ background: {background}; border-radius: 10px; }}"
            f" QFrame#resultPanel QLabel {{ color: {foreground}; background: transparent; }}"
        )
