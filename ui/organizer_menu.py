"""The «Организатор» menu: a way in from the window for every organizer command that has no
screen of its own (docs/organizer-guide.md has the table of CLI command → GUI place). Each entry
opens a dialog that calls the same service as the CLI on the background lane."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from smm_event.domain.keys import KeyInfo
from smm_event.errors import UserError
from smm_event.services.keys import import_signing_key
from smm_event.services.reach import freeze_baselines
from smm_event.workspace import Workspace
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill
from ui.menu_actions import add_action


def build_organizer_menu(window: QMainWindow, context: AppContext) -> QMenu:
    menu = window.menuBar().addMenu(QCoreApplication.translate("OrganizerMenu", "&Organizer"))
    imports = (
        (
            "entry",
            QCoreApplication.translate("OrganizerMenu", "Import the entry test with topics…"),
        ),
        ("exit", QCoreApplication.translate("OrganizerMenu", "Import the exit test with topics…")),
        ("motivation", QCoreApplication.translate("OrganizerMenu", "Import the motivation test…")),
        ("survey", QCoreApplication.translate("OrganizerMenu", "Import a feedback survey…")),
        (
            "reach-baseline",
            QCoreApplication.translate("OrganizerMenu", "Import reach: baseline…"),
        ),
        (
            "reach-followup",
            QCoreApplication.translate("OrganizerMenu", "Import reach: follow-up…"),
        ),
    )
    for kind, text in imports:
        add_action(window, menu, text, partial(open_outcome_import, window, context, kind))
    add_action(
        window,
        menu,
        QCoreApplication.translate("OrganizerMenu", "Freeze the reach baselines…"),
        lambda: freeze_reach_baselines(window, context),
    )
    menu.addSeparator()
    add_action(
        window,
        menu,
        QCoreApplication.translate("OrganizerMenu", "Stages of the programme…"),
        lambda: open_plan(window, context),
    )
    add_action(
        window,
        menu,
        QCoreApplication.translate("OrganizerMenu", "Who received consultations…"),
        lambda: open_consulted(window, context),
    )
    menu.addSeparator()
    add_action(
        window,
        menu,
        QCoreApplication.translate("OrganizerMenu", "Import a signing key from another laptop…"),
        lambda: import_key(window, context),
    )
    return menu


def _has_event(window: QWidget, context: AppContext) -> bool:
    summary = context.summary
    if context.workspace is None or summary is None or summary.event is None:
        show_error(window, UserError("no_event"))
        return False
    return True


def _open(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_outcome_import(
    window: QWidget, context: AppContext, kind: str, path: Path | None = None
) -> QDialog | None:
    from ui.outcomes.outcome_import import OutcomeImportDialog

    if not _has_event(window, context):
        return None
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("OrganizerMenu", "The file to import"),
            str(Path.home()),
            QCoreApplication.translate(
                "OrganizerMenu", "Tables (*.csv *.xlsx *.tsv *.txt);;All files (*)"
            ),
        )
        if not chosen:
            return None
        path = Path(chosen)
    return _open(OutcomeImportDialog(context, kind, path, window))


def open_plan(window: QWidget, context: AppContext) -> QDialog | None:
    from ui.outcomes.plan_dialogs import StagePlanDialog

    return _open(StagePlanDialog(context, window)) if _has_event(window, context) else None


def open_consulted(window: QWidget, context: AppContext) -> QDialog | None:
    from ui.outcomes.plan_dialogs import ConsultedDialog

    return _open(ConsultedDialog(context, window)) if _has_event(window, context) else None


def freeze_reach_baselines(window: QWidget, context: AppContext) -> None:
    if not _has_event(window, context):
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("OrganizerMenu", "Freeze the reach baselines"),
        QCoreApplication.translate(
            "OrganizerMenu",
            "After freezing, baseline rows for these accounts are refused, so growth is "
            "always measured against the same numbers. Freeze now?",
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def done(count: int) -> None:
        context.notify_changed()
        QMessageBox.information(
            window,
            QCoreApplication.translate("OrganizerMenu", "Freeze the reach baselines"),
            fill(
                QCoreApplication.translate(
                    "OrganizerMenu", "The baseline of {count} account(s) is frozen."
                ),
                count=count,
            ),
        )

    context.run(
        freeze_baselines, on_done=done, on_error=lambda e: show_error(window, e), owner=window
    )


def _import_key_file(ws: Workspace, path: Path, passphrase: str) -> KeyInfo:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError("unreadable_file", path=str(path), reason=str(error)) from None
    return import_signing_key(ws, data, passphrase)


def import_key(window: QWidget, context: AppContext) -> None:
    """What ``keys import`` does: a second laptop that must sign takes the exported key."""
    if not _has_event(window, context):
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("OrganizerMenu", "The exported key file"),
        str(Path.home()),
        "*.json",
    )
    if not chosen:
        return
    passphrase, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("OrganizerMenu", "Signing key"),
        QCoreApplication.translate("OrganizerMenu", "The passphrase of this key:"),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not passphrase:
        return

    def done(key: KeyInfo) -> None:
        context.notify_changed()
        QMessageBox.information(
            window,
            QCoreApplication.translate("OrganizerMenu", "Signing key"),
            fill(
                QCoreApplication.translate(
                    "OrganizerMenu", "Key {key} is imported: this laptop can sign now."
                ),
                key=key.key_id,
            ),
        )

    context.run(
        _import_key_file,
        Path(chosen),
        passphrase,
        on_done=done,
        on_error=lambda e: show_error(window, e),
        owner=window,
    )
