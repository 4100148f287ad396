"""A read-only card with everything the workspace knows about one participant."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from smm_event.domain.participants import ParticipantInfo
from ui.common.formatting import format_score, short_date, stream_label
from ui.i18n import fill


class ParticipantDialog(QDialog):
    def __init__(
        self,
        person: ParticipantInfo,
        stream_titles: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(person.full_name)
        self.setMinimumWidth(520)
        name = QLabel(person.full_name)
        name.setObjectName("participantName")
        name.setWordWrap(True)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label, value in self._fields(person, stream_titles):
            text = QLabel(value or "—")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fields(
        self, person: ParticipantInfo, stream_titles: Mapping[int, str]
    ) -> list[tuple[str, str]]:
        return [
            (self.tr("Organization:"), person.organization or ""),
            (self.tr("Position:"), person.position or ""),
            (self.tr("Region:"), person.region or ""),
            (self.tr("Phone:"), person.phone or ""),
            (self.tr("E-mail:"), person.email or ""),
            (self.tr("Stream:"), self._stream(person, stream_titles)),
            (self.tr("Entry test:"), format_score(person.entry_score)),
            (self.tr("Exit test:"), format_score(person.exit_score)),
            (self.tr("Consent to data processing:"), self._consent(person)),
            (self.tr("Badge version:"), str(person.badge_version)),
            (
                self.tr("Registered at the door:"),
                self.tr("yes") if person.walk_in else self.tr("no"),
            ),
            (self.tr("Notes:"), person.notes or ""),
        ]

    def _stream(self, person: ParticipantInfo, stream_titles: Mapping[int, str]) -> str:
        if person.stream_number is None:
            return self.tr("not assigned")
        text = stream_label(person.stream_number, stream_titles.get(person.stream_number, ""))
        if person.stream_locked:
            text += " " + self.tr("(fixed by hand)")
        return text

    def _consent(self, person: ParticipantInfo) -> str:
        if person.consent is None:
            return self.tr("unknown")
        if not person.consent:
            return self.tr("no")
        if person.consent_date is None:
            return self.tr("yes")
        return fill(self.tr("yes, {date}"), date=short_date(person.consent_date))
