"""«Сертификаты»: who qualifies and why, the dative names to review, issuing numbered certificates
to one PDF and/or a file per person (progress bar, cancel), printing through the system dialog,
the register with void and reissue, its XLSX export, and an offline check of a certificate's QR.

Everything that touches the workspace or renders runs on the background executor; the signing
key is unlocked once per session (ui.badges.badge_keys.KeyKeeper), as for badges.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from smm_event.badges import SigningKey
from smm_event.domain.certificates import (
    CertificateRegister,
    CertificateStatus,
    IssueReport,
    SkipReason,
)  # fmt: skip
from smm_event.domain.event import WorkspaceSummary
from smm_event.errors import UserError
from smm_event.services import certificates
from ui.background import Lane, Task
from ui.badges.badge_keys import KeyKeeper
from ui.certificates.certificate_tables import EligibilityModel, NamesModel, RegisterModel
from ui.certificates.certificate_verify import VerifyPanel
from ui.certificates.certificate_work import (
    CertificatesView,
    certificate_error_message,
    issue_and_print,
    load_view,
)
from ui.common.change_watch import ChangeWatch
from ui.common.formatting import stream_label
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill

NAME_WIDTH = 270
PANEL_WIDTH = 260


def _table(model: QAbstractItemModel, widths: dict[int, int] | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # Long Caucasian names would push the other columns off a 1366-px screen: fixed widths
    # for the name columns, elided, with the whole name in the tooltip.
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    return view


class CertificatesPage(QWidget):
    @staticmethod
    def page_title() -> str:
        # A short navigation title: the navigation column is 180 px wide.
        return QCoreApplication.translate("CertificatesPage", "Certificates", "navigation")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.keys = KeyKeeper(context, self)
        self.view: CertificatesView | None = None
        self._work: Task | None = None
        self._printer: QPrinter | None = None
        self._build()
        context.workspace_changed.connect(self._workspace_changed)
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(
            context,
            self,
            Change.CERTIFICATES | Change.MARKS | Change.PEOPLE | Change.KEYS | Change.SCHEDULE,
            self.reload,
        )
        if context.summary is not None:
            self._workspace_changed(context.summary)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.stream_combo = QComboBox()
        self.stream_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stream_combo.activated.connect(self.reload)
        self.summary_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stream")))
        top.addWidget(self.stream_combo)
        top.addWidget(self.summary_label, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._eligibility_tab(), self.tr("Eligibility"))
        self.tabs.addTab(self._names_tab(), self.tr("Names in the dative"))
        self.tabs.addTab(self._register_tab(), self.tr("Register"))
        self.verify_panel = VerifyPanel(self.context, self._failed)
        self.tabs.addTab(self.verify_panel, self.tr("Check a certificate"))
        main = QVBoxLayout()
        main.addLayout(top)
        main.addWidget(self.tabs, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addWidget(self._issue_panel())

    def _eligibility_tab(self) -> QWidget:
        self.eligibility_model = EligibilityModel(self)
        self.eligibility_view = _table(self.eligibility_model, {0: NAME_WIDTH})
        override = QPushButton(self.tr("Decide for the selected person…"))
        override.clicked.connect(self.override_selected)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.eligibility_view, 1)
        column.addWidget(override)
        return tab

    def _names_tab(self) -> QWidget:
        self.names_model = NamesModel(self)
        self.names_model.dative_edited.connect(self.correct_name)
        self.names_view = _table(self.names_model)
        self.names_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.names_hint = QLabel()
        self.names_hint.setWordWrap(True)
        self.pending_only = QCheckBox(self.tr("Only the names to check"))
        self.pending_only.toggled.connect(self._show_names)
        confirm = QPushButton(self.tr("The selected forms are right"))
        confirm.clicked.connect(self.confirm_selected_names)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.names_hint)
        column.addWidget(self.pending_only)
        column.addWidget(self.names_view, 1)
        column.addWidget(confirm)
        return tab

    def _register_tab(self) -> QWidget:
        self.register_model = RegisterModel(self)
        self.register_view = _table(self.register_model, {3: 230, 4: 230})
        self.blocks_label = QLabel()
        self.blocks_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Void…"), self.void_selected),
            (self.tr("Reissue…"), self.reissue_selected),
            (self.tr("Export to Excel…"), self.export_register),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.register_view, 1)
        column.addWidget(self.blocks_label)
        column.addLayout(buttons)
        return tab

    def _issue_panel(self) -> QWidget:
        self.batch_box = QCheckBox(self.tr("One PDF for printing"))
        self.batch_box.setChecked(True)
        self.files_box = QCheckBox(self.tr("A PDF file per person (for e-mail)"))
        self.issue_button = QPushButton(self.tr("Issue and save…"))
        self.issue_button.clicked.connect(self.issue_and_save)
        self.print_button = QPushButton(self.tr("Issue and print…"))
        self.print_button.clicked.connect(self.issue_and_print)
        for button in (self.issue_button, self.print_button):
            button.setMinimumHeight(40)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_work)
        self.cancel_button.hide()
        self.template_label = QLabel(self.tr("Wording"))
        self.template_combo = QComboBox()
        self.template_combo.addItem(self.tr("«…confirms that Ivanov Ivan…»"), "default")
        self.template_combo.addItem(self.tr("«…issued to Ivanov Ivan…» (dative)"), "dative")
        self.template_combo.activated.connect(self.choose_template)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        panel = QWidget()
        panel.setFixedWidth(PANEL_WIDTH)
        column = QVBoxLayout(panel)
        hint = QLabel(self.tr(
            "Eligible people of the chosen stream without a valid certificate get the next "
            "numbers; those issued before are written out again unchanged."
        ))  # fmt: skip
        hint.setWordWrap(True)
        for widget in (hint, self.template_label, self.template_combo, self.batch_box, self.files_box,
                       self.issue_button, self.print_button, self.progress, self.cancel_button,
                       self.status_label):  # fmt: skip
            column.addWidget(widget)
        column.addStretch(1)
        return panel

    # -- loading ---------------------------------------------------------------------------

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        self.stream_combo.clear()
        self.stream_combo.addItem(self.tr("All streams"), None)
        for stream in summary.streams if summary else ():
            self.stream_combo.addItem(stream_label(stream.number, stream.title), stream.number)
        self.reload()

    def stream_number(self) -> int | None:
        value = self.stream_combo.currentData()
        return None if value is None else int(value)

    def reload(self) -> None:
        summary = self.context.summary
        if self.context.workspace is None or summary is None or summary.event is None:
            return
        self.context.run(
            load_view, self.stream_number(), on_done=self._show, on_error=self._failed, owner=self
        )

    def _show(self, view: CertificatesView) -> None:
        self.view = view
        numbers = {
            r.participant_id: r.number
            for r in view.register.records
            if r.status is CertificateStatus.VALID
        }
        self.eligibility_model.set_rows(view.eligibility, numbers)
        self._show_names()
        self.register_model.set_rows(view.register.records)
        eligible = sum(e.eligible for e in view.eligibility)
        issued = sum(1 for e in view.eligibility if e.participant_id in numbers)
        self.summary_label.setText(fill(
            self.tr("Eligible: {eligible} of {total}. With a valid certificate: {issued}."),
            eligible=eligible, total=len(view.eligibility), issued=issued,
        ))  # fmt: skip
        self._show_blocks(view.register)
        self._show_template(view.settings.template)
        pending = sum(r.needs_review for r in view.names)
        self.names_hint.setText(fill(self.tr(
            "Used by a template that prints «выдан …» with the name in the dative. Names to "
            "check: {pending}. Type the right form in the second column, or select rows whose "
            "form is right and confirm them. A confirmed form is printed as it is."
        ), pending=pending))  # fmt: skip

    def _show_template(self, template: str) -> None:
        index = self.template_combo.findData(template)
        if index < 0:  # a template file of the organizer's
            self.template_combo.addItem(Path(template).name, template)
            index = self.template_combo.count() - 1
        self.template_combo.setCurrentIndex(index)

    def choose_template(self, index: int) -> None:
        if self.view is None:
            return
        settings = dataclasses.replace(
            self.view.settings, template=str(self.template_combo.itemData(index))
        )
        self._write(certificates.save_settings, settings)

    def _show_names(self) -> None:
        if self.view is not None:
            names = self.view.names
            self.names_model.set_rows(
                [r for r in names if r.needs_review] if self.pending_only.isChecked() else names
            )

    def _show_blocks(self, register: CertificateRegister) -> None:
        lines = [
            fill(self.tr("Numbers {first}–{last}: {laptop}, used {used}"), first=b.first, last=b.last,
                 laptop=b.holder_name or str(b.holder_device_id)[:8], used=b.used)
            for b in register.blocks
        ]  # fmt: skip
        lines += [
            fill(
                self.tr("Unused numbers {first}–{last} (a laptop's block)"),
                first=g.first,
                last=g.last,
            )
            for g in register.gaps
        ]
        if register.problems:
            lines.append(
                self.tr(
                    "PROBLEM: two laptops numbered certificates on their own. Void the duplicates and issue again."
                )
            )
        self.blocks_label.setText("\n".join(lines))

    # -- eligibility and names -------------------------------------------------------------

    def _selected(self, view: QTableView) -> list[int]:
        return sorted({index.row() for index in view.selectionModel().selectedRows()})

    def override_selected(self) -> None:
        rows = self._selected(self.eligibility_view)
        if not rows:
            self._warn(self.tr("Select a person in the table first."))
            return
        person = self.eligibility_model.rows[rows[0]]
        choices = [self.tr("Eligible"), self.tr("Not eligible"), self.tr("As the rule says")]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Decide"), person.full_name, choices, 0, False
        )
        if not ok:
            return
        eligible = {0: True, 1: False, 2: None}[choices.index(choice)]
        reason = ""
        if eligible is not None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Decide"), self.tr("Reason (kept in the register):")
            )
            if not ok or not reason.strip():
                return
        self._write(certificates.set_override, person.participant_id, eligible, reason)

    def correct_name(self, participant_id: uuid.UUID, text: str) -> None:
        self._write(certificates.set_dative_name, participant_id, text)

    def confirm_selected_names(self) -> None:
        rows = self._selected(self.names_view)
        for row in rows:
            self._write(
                certificates.set_dative_name, self.names_model.rows[row].participant_id, None
            )

    def _write(self, fn: object, *args: object) -> None:
        self.context.run(fn, *args, on_done=lambda _r: self.context.notify_changed(),  # type: ignore[arg-type]
                         on_error=self._failed, owner=self)  # fmt: skip

    # -- issuing ---------------------------------------------------------------------------

    def issue_and_save(self) -> None:
        if not (self.batch_box.isChecked() or self.files_box.isChecked()):
            self._warn(self.tr("Choose one PDF, a file per person, or both."))
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the certificates"), str(Path.home())
        )
        if not folder:
            return
        base = Path(folder)
        pdf = base / "certificates.pdf" if self.batch_box.isChecked() else None
        files = base / "certificates" if self.files_box.isChecked() else None
        stream = self.stream_number()
        self.keys.with_key(lambda key: self._start(
            self.tr("Issuing…"), certificates.issue_certificates, key, stream, None, pdf, files
        ))  # fmt: skip

    def issue_and_print(self) -> None:
        stream = self.stream_number()
        self.keys.with_key(lambda key: self._print_with(key, stream))

    def _print_with(self, key: SigningKey, stream: int | None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setFullPage(True)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self._printer = printer  # kept alive until the worker has painted every page
        self._start(self.tr("Issuing and printing…"), issue_and_print, key, printer, stream)

    def _start(self, message: str, fn: object, *args: object) -> None:
        if self._work is not None and not self._work.finished:
            return
        self.status_label.setText(message)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.issue_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._work = self.context.run(
            fn, *args, on_done=self._issued, on_error=self._issue_failed,  # type: ignore[arg-type]
            on_progress=self._progress, cancellable=True, owner=self, lane=Lane.RENDER,
        )  # fmt: skip

    def _progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self) -> None:
        self._printer = None
        self.progress.hide()
        self.cancel_button.hide()
        self.issue_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _issued(self, report: IssueReport) -> None:
        self._finished()
        text = fill(
            self.tr("Done. New certificates: {new}, issued before: {old}, not issued: {skipped}."),
            new=len(report.issued), old=len(report.existing), skipped=len(report.skipped),
        )  # fmt: skip
        if report.issued:
            text += " " + fill(
                self.tr("Numbers {first} to {last}."),
                first=report.issued[0].number,
                last=report.issued[-1].number,
            )
        if report.pdf_path:
            text += " " + fill(self.tr("PDF: {path}"), path=report.pdf_path)
        if report.files:
            text += " " + fill(self.tr("Files in {path}"), path=report.files[0].parent)
        if not report.issued and not report.existing:
            text += " " + self._why_nothing(report)
        self.status_label.setText(text)
        self.context.notify_changed()

    def _why_nothing(self, report: IssueReport) -> str:
        """A batch that printed nothing says what held everyone back and where to look."""
        reasons = [skipped.reason for skipped in report.skipped]
        return fill(
            self.tr(
                "No PDF was written: not eligible yet: {not_eligible}, dative names to review: "
                "{names}, without a stream: {no_stream}. The Eligibility table shows each "
                "person's reason."
            ),
            not_eligible=reasons.count(SkipReason.NOT_ELIGIBLE),
            names=reasons.count(SkipReason.NAME_NOT_REVIEWED),
            no_stream=reasons.count(SkipReason.NO_STREAM),
        )

    def _issue_failed(self, error: BaseException) -> None:
        self._finished()
        if isinstance(error, UserError) and error.code == "cancelled":
            self.status_label.setText(self.tr("Cancelled. No number was used and no file written."))
            return
        self.status_label.clear()
        self._failed(error)

    def cancel_work(self) -> None:
        if self._work is not None:
            self._work.cancel()  # the service stops before the register is written
        self._finished()
        self.status_label.setText(self.tr("Cancelled. No number was used and no file written."))
        self.reload()  # queued behind the batch: shows what the register really holds

    # -- register --------------------------------------------------------------------------

    def _selected_record(self) -> str | None:
        rows = self._selected(self.register_view)
        if not rows:
            self._warn(self.tr("Select a certificate in the register first."))
            return None
        return self.register_model.rows[rows[0]].number

    def void_selected(self) -> None:
        number = self._selected_record()
        if number is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Void"), fill(self.tr("Why is {number} void?"), number=number)
        )
        if ok and reason.strip():
            self._write(certificates.void_certificate, number, reason)

    def reissue_selected(self) -> None:
        number = self._selected_record()
        if number is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Reissue"), fill(self.tr("Why is {number} reissued?"), number=number)
        )
        if not ok or not reason.strip():
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the new certificate"),
            str(Path.home() / "certificate.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        self.keys.with_key(
            lambda key: self._write(certificates.reissue_certificate, key, number, reason, target)
        )

    def export_register(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the register"),
            str(Path.home() / "register.xlsx"),
            self.tr("Excel files (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        self.context.run(certificates.export_register, target, owner=self, on_error=self._failed, lane=Lane.RENDER,
                         on_done=lambda p: self.status_label.setText(fill(self.tr("Register saved to {path}"), path=p)))  # fmt: skip

    # -- messages --------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._warn(certificate_error_message(error))
        else:
            show_error(self, error)

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Certificates"), text)
