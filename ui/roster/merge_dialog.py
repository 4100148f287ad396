"""«Объединить»: two records of one person made one. The organizer picks who stays, sees what
moves from the other (check-ins, marked sessions, badges, a certificate) and writes why; the
merge is one replicated record, so every laptop follows after sync, and it can be undone from
the kept person's card («Отменить объединение…»)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import MergeInfo, MergePreview, ParticipantInfo
from smm_event.services.merges import merge_participants, merge_preview
from ui.context import AppContext
from ui.errors import register_sentences, show_error
from ui.i18n import fill


@register_sentences
def merge_sentences() -> Mapping[str, str]:
    return {
        "merge_reason_required": QCoreApplication.translate(
            "MergeErrors", "Write why these two records are one person."
        ),
        "unmerge_reason_required": QCoreApplication.translate(
            "MergeErrors", "Write why the merge is taken back."
        ),
        "merge_same_person": QCoreApplication.translate(
            "MergeErrors", "This is the same person. Choose the other record of the pair."
        ),
        "already_merged": QCoreApplication.translate(
            "MergeErrors",
            "{participant} is already merged into someone. Undo that merge first in the card "
            "of the person who stayed.",
        ),
        "merge_into_withdrawn": QCoreApplication.translate(
            "MergeErrors",
            "{participant} withdrew. Keep the other record, or take them back first in their card.",
        ),
        "merge_both_certified": QCoreApplication.translate(
            "MergeErrors",
            "Both have a valid certificate ({kept} and {merged}). Void the wrong one on the "
            "«Сертификаты» page, then merge.",
        ),
        "not_merged": QCoreApplication.translate(
            "MergeErrors", "This person is not merged into anyone: there is nothing to undo."
        ),
    }


def default_kept(first: ParticipantInfo, second: ParticipantInfo) -> ParticipantInfo:
    """The roster person stays rather than the walk-in copy, and someone still taking part
    rather than someone who withdrew."""
    for person, other in ((first, second), (second, first)):
        if (other.walk_in and not person.walk_in) or (other.withdrawn and not person.withdrawn):
            return person
    return first


class MergeDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        first: ParticipantInfo,
        second: ParticipantInfo,
        on_merged: Callable[[MergeInfo], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.people = (first, second)
        self.on_merged = on_merged
        self.preview: MergePreview | None = None
        self.setWindowTitle(self.tr("Merge two records"))
        self.setMinimumWidth(760)
        question = QLabel(self.tr("These two records are one person. Who stays?"))
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        kept = default_kept(first, second)
        for index, person in enumerate(self.people):
            button = QRadioButton(self._describe(person))
            button.setChecked(person is kept)
            self.choices.addButton(button, index)
            layout.addWidget(button)
        self.choices.idToggled.connect(self._chosen)
        self.moves = QLabel()
        self.moves.setObjectName("mergeMoves")
        self.moves.setWordWrap(True)
        layout.addWidget(self.moves)
        layout.addWidget(QLabel(self.tr("Why are they one person?")))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. registered at the door, was on the roster"))
        self.reason.setMaxLength(500)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load_preview()

    def _describe(self, person: ParticipantInfo) -> str:
        details = [d for d in (person.organization, person.phone, person.email) if d]
        if person.stream_number is not None:
            details.append(fill(self.tr("stream {number}"), number=person.stream_number))
        if person.walk_in:
            details.append(self.tr("registered at the door"))
        if person.withdrawn:
            details.append(self.tr("withdrew"))
        return " · ".join([person.full_name, *details])

    def kept_and_merged(self) -> tuple[ParticipantInfo, ParticipantInfo]:
        first, second = self.people
        return (first, second) if self.choices.checkedId() == 0 else (second, first)

    def _chosen(self, _id: int, checked: bool) -> None:
        if checked:
            self._load_preview()

    def _load_preview(self) -> None:
        kept, merged = self.kept_and_merged()
        self.preview = None
        self.merge_button.setEnabled(False)
        self.moves.setText(self.tr("Counting what moves…"))
        self.context.run(
            merge_preview,
            kept.id,
            merged.id,
            on_done=self._previewed,
            on_error=self._refused,
            owner=self,
        )

    def _previewed(self, preview: MergePreview) -> None:
        self.preview = preview
        text = fill(
            self.tr(
                "From «{merged}» to «{kept}» move: check-ins {checkins}, marked sessions "
                "{marks}, printed badges {badges}."
            ),
            merged=preview.merged.full_name,
            kept=preview.kept.full_name,
            checkins=preview.checkins,
            marks=preview.marks,
            badges=preview.badges,
        )
        if preview.certificate:
            text += " " + fill(
                self.tr("The certificate {number} becomes the kept person's."),
                number=preview.certificate,
            )
        text += " " + fill(
            self.tr(
                "«{merged}» leaves the lists and counts; the merge can be undone in the card "
                "of «{kept}»."
            ),
            merged=preview.merged.full_name,
            kept=preview.kept.full_name,
        )
        self.moves.setText(text)
        # A wrapped label does not ask the dialog for its lines by itself once shown.
        self.moves.setMinimumHeight(self.moves.heightForWidth(max(self.moves.width(), 600)))
        self.adjustSize()
        self.merge_button.setEnabled(True)

    def _refused(self, error: BaseException) -> None:
        self.moves.setText("")
        show_error(self, error)

    def merge(self) -> None:
        if self.preview is None:
            return
        self.merge_button.setEnabled(False)
        self.context.run(
            merge_participants,
            self.preview.kept.id,
            self.preview.merged.id,
            self.reason.text(),
            on_done=self._merged,
            on_error=self._failed,
            owner=self,
        )

    def _merged(self, info: MergeInfo) -> None:
        self.context.notify_changed()
        if self.on_merged is not None:
            self.on_merged(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.merge_button.setEnabled(True)
        show_error(self, error)
