"""«Ключи подписи»: which badge-signing keys the event has and whether this laptop can sign;
create the first key or rotate to a new one with a passphrase chosen against a strength meter
(zxcvbn, Dropbox's estimator); export the encrypted key for a second laptop that must sign.
A key unlocked here is remembered for the session, so the passphrase is asked once."""

from __future__ import annotations

from pathlib import Path

import zxcvbn
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.badges.keys import MIN_PASSPHRASE_LENGTH
from smm_event.domain.keys import KeyInfo
from smm_event.services.keys import export_signing_key, init_keys, list_keys, rotate_keys
from ui.badges.badge_keys import badge_error_message
from ui.common.formatting import short_date
from ui.common.passphrase_session import PassphraseSession
from ui.context import AppContext
from ui.i18n import fill

MIN_SCORE = 2  # zxcvbn's 0–4 scale: 2 resists an online attack; the key file needs more


class NewPassphraseDialog(QDialog):
    """A passphrase typed twice, with its strength shown as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Passphrase of the signing key"))
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow(self.tr("Again:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        intro = QLabel(
            self.tr(
                "Badges are signed with this key. Without the passphrase nobody can print "
                "badges, and it cannot be recovered: write it down and keep it safe."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._check()

    def passphrase(self) -> str:
        return self.first.text()

    def _check(self) -> None:
        text = self.first.text()
        score = int(zxcvbn.zxcvbn(text[:100])["score"]) if text else 0
        self.meter.setValue(score)
        if len(text) < MIN_PASSPHRASE_LENGTH:
            message = fill(self.tr("At least {count} characters."), count=MIN_PASSPHRASE_LENGTH)
        elif score < MIN_SCORE:
            message = self.tr("Too easy to guess: add words, digits or signs.")
        elif text != self.second.text():
            message = self.tr("Type the same passphrase again below.")
        else:
            message = self.tr("Good.") if score < 4 else self.tr("Very good.")
        ok = len(text) >= MIN_PASSPHRASE_LENGTH and score >= MIN_SCORE
        ok = ok and text == self.second.text()
        self.verdict.setText(message)
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if button is not None:
            button.setEnabled(ok)


class KeysDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.keys: tuple[KeyInfo, ...] = ()
        self.setWindowTitle(self.tr("Signing keys"))
        self.resize(720, 380)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Key"), self.tr("Created"), self.tr("In use"), self.tr("Signs here")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create the key…"))
        self.create_button.clicked.connect(self.create_key)
        self.rotate_button = QPushButton(self.tr("Replace with a new key…"))
        self.rotate_button.clicked.connect(self.rotate_key)
        self.export_button = QPushButton(self.tr("Export for a second laptop…"))
        self.export_button.clicked.connect(self.export_key)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.rotate_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.context.run(list_keys, on_done=self._show, on_error=self._failed, owner=self)

    def _show(self, keys: tuple[KeyInfo, ...]) -> None:
        self.keys = keys
        yes, no = self.tr("yes"), self.tr("no")
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            cells = (
                key.key_id,
                short_date(key.created_at.date()),
                no if key.retired else yes,
                yes if key.can_sign_here else no,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        signs = any(key.can_sign_here for key in keys)
        self.create_button.setVisible(not keys)
        self.rotate_button.setVisible(bool(keys) and signs)
        self.export_button.setEnabled(signs)
        if not keys:
            self.status.setText(
                self.tr("The event has no signing key yet: create it to print badges.")
            )

    def _new_passphrase(self) -> str | None:
        dialog = NewPassphraseDialog(self)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def create_key(self) -> None:
        passphrase = self._new_passphrase()
        if passphrase:
            self.context.run(
                init_keys, passphrase, on_done=self._made, on_error=self._failed, owner=self
            )

    def rotate_key(self) -> None:
        """Rotating needs the current passphrase (proof of holding the key), then a new one:
        a key is usually replaced because its passphrase may have leaked."""
        from PySide6.QtWidgets import QInputDialog

        current, ok = QInputDialog.getText(
            self,
            self.tr("Replace the key"),
            self.tr("The passphrase of the current key:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not current:
            return
        new = self._new_passphrase()
        if not new:
            return
        self.context.run(
            rotate_keys,
            current,
            False,
            new,
            on_done=self._rotated,
            on_error=self._failed,
            owner=self,
        )

    def _rotated(self, key: KeyInfo) -> None:
        # The key unlocked earlier this session is the old one: the next print asks anew.
        PassphraseSession(self.context, self).forget()
        self._made(key)
        self.status.setText(
            fill(
                self.tr(
                    "Key {key} is ready, with the new passphrase. Badges printed with the "
                    "old key stay valid."
                ),
                key=key.key_id,
            )
        )

    def _made(self, key: KeyInfo) -> None:
        self.status.setText(fill(self.tr("Key {key} is ready."), key=key.key_id))
        self.reload()
        self.context.notify_changed()

    def export_key(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the key file"), str(Path.home() / "signing-key.json"), "*.json"
        )
        if target:
            self.context.run(
                export_signing_key,
                on_done=lambda data: self._save(Path(target), data),
                on_error=self._failed,
                owner=self,
            )

    def _save(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as error:
            self.status.setText(
                fill(self.tr("Cannot write {path}: {reason}"), path=path, reason=error.strerror)
            )
            return
        self.status.setText(
            fill(
                self.tr(
                    "Saved to {path}. On the second laptop import it with the same passphrase."
                ),
                path=path,
            )
        )

    def _failed(self, error: BaseException) -> None:
        from smm_event.errors import UserError
        from ui.errors import show_error

        if isinstance(error, UserError):
            self.status.setText(badge_error_message(error))
        else:
            show_error(self, error)
