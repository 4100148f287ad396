"""«Бейджи»: choose people and a layout, look at the pages, print them or save a PDF, and see
the print log.

The preview needs no key (its QR codes verify nowhere), so every laptop can check a layout; only
printing and saving sign the badges, and a laptop without the private key says so in place of
those buttons. Everything that touches the workspace or renders runs on the background executor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smm_event.badges import SigningKey
from smm_event.domain.badges import BadgePrintEntry, BadgePrintReport
from smm_event.domain.event import WorkspaceSummary
from smm_event.domain.keys import KeyInfo
from smm_event.errors import UserError
from smm_event.pdf.badge_layouts import BUILTIN_LAYOUTS
from smm_event.services.badges import badge_layout, print_badges, print_log
from smm_event.services.keys import list_keys
from ui.background import Lane, Task
from ui.badges.badge_keys import KeyKeeper, badge_error_message
from ui.badges.badge_log import PrintLogView
from ui.badges.badge_people import PeopleChoice, PeopleChooser
from ui.badges.badge_preview import (
    PagePreview,
    PreviewView,
    build_preview,
    prepare_printer,
    print_on,
)
from ui.common.change_watch import ChangeWatch
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill

PREVIEW_DELAY_MS = 250
CUSTOM_TEMPLATE = "custom"  # the combo entry that opens a file dialog
NO_KEY_STYLE = "background: #fff3cd; color: #3d2c00; border: 1px solid #e0b44c; padding: 8px;"


class BadgesPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("BadgesPage", "Badges")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.keys = KeyKeeper(context, self)
        self._preview_task: Task | None = None
        self._work: Task | None = None
        self._printer: QPrinter | None = None
        self._preview: PagePreview | None = None
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.people.changed.connect(self._timer.start)
        self.people.changed.connect(self._fit_chooser)
        self.layout_combo.activated.connect(self._layout_activated)
        context.workspace_changed.connect(self._workspace_changed)
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(
            context,
            self,
            Change.PEOPLE | Change.BADGES | Change.KEYS | Change.SCHEDULE,
            self._changed,
        )
        if context.summary is not None:
            self._workspace_changed(context.summary)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.people = PeopleChooser(self.context)
        who = QGroupBox(self.tr("Who gets a badge"))
        QVBoxLayout(who).addWidget(self.people)
        self.layout_combo = QComboBox()
        names = {
            "a4": self.tr("A4: 10 badges 90×55 mm, crop marks"),
            "a6": self.tr("A6: one badge a sheet"),
            "label-62x100": self.tr("Label 62×100 mm (Brother QL)"),
        }
        for name in BUILTIN_LAYOUTS:
            self.layout_combo.addItem(names.get(name, name), name)
        self.layout_combo.addItem(self.tr("Template file…"), CUSTOM_TEMPLATE)
        self._last_layout = 0
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_badges)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        for button in (self.print_button, self.save_button):
            button.setMinimumHeight(40)
        self.no_key_label = QLabel()
        self.no_key_label.setWordWrap(True)
        self.no_key_label.setStyleSheet(NO_KEY_STYLE)
        self.no_key_label.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_work)
        self.cancel_button.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._who = who
        controls = QVBoxLayout()
        controls.addWidget(who)
        controls.addWidget(QLabel(self.tr("Layout")))
        controls.addWidget(self.layout_combo)
        controls.addWidget(self.summary_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        controls.addLayout(buttons)
        controls.addWidget(self.no_key_label)
        working = QHBoxLayout()
        working.addWidget(self.progress, 1)
        working.addWidget(self.cancel_button)
        controls.addLayout(working)
        controls.addWidget(self.status_label)
        controls.addStretch(1)
        self._controls = controls
        self._spacer_index = controls.count() - 1
        side = QWidget()
        side.setLayout(controls)
        side.setFixedWidth(380)
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.preview_view = PreviewView()
        preview_tab = QWidget()
        column = QVBoxLayout(preview_tab)
        column.addWidget(self.preview_caption)
        column.addWidget(self.preview_view, 1)
        self.log_view = PrintLogView()
        self.tabs = QTabWidget()
        self.tabs.addTab(preview_tab, self.tr("Preview"))
        self.tabs.addTab(self.log_view, self.tr("Print log"))
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.tabs, 1)

    # -- state -----------------------------------------------------------------------------

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        self.people.set_summary(summary)
        self._reload_state()

    def _changed(self) -> None:
        """People, badges, keys or streams changed (a walk-in makes 71): the keys, the print
        log and the preview's count are re-read."""
        self._reload_state()
        self._timer.start()

    def _reload_state(self) -> None:
        if self.context.workspace is None or self.context.summary is None:
            return
        if self.context.summary.event is None:
            return
        self.context.run(list_keys, on_done=self._show_keys, on_error=self._failed, owner=self)
        self.context.run(print_log, on_done=self._show_log, on_error=self._failed, owner=self)

    def _show_keys(self, keys: tuple[KeyInfo, ...]) -> None:
        can_sign = any(key.can_sign_here and not key.retired for key in keys)
        if not keys:
            text = self.tr(
                "The event has no signing key yet, so badges cannot be printed. The organizer "
                "creates it once on their laptop: smm-event keys init. The preview works."
            )
        else:
            text = self.tr(
                "This laptop has only the public key: it checks badges at the desk but cannot "
                "issue new ones, so that a lost laptop cannot be used to forge a badge. Print "
                "badges on the organizer's laptop. The preview works here too."
            )
        self.no_key_label.setText(text)
        self.no_key_label.setVisible(not can_sign)
        self.print_button.setVisible(can_sign)
        self.save_button.setVisible(can_sign)

    def _show_log(self, entries: tuple[BadgePrintEntry, ...]) -> None:
        summary = self.context.summary
        zone = summary.event.timezone if summary and summary.event else None
        self.log_view.set_entries(entries, zone)

    def _fit_chooser(self) -> None:
        # The list of people takes the free height only while it is shown.
        listed = not self.people.people.isHidden()
        self._controls.setStretchFactor(self._who, 1 if listed else 0)
        self._controls.setStretch(self._spacer_index, 0 if listed else 1)

    def layout_choice(self) -> str:
        return str(self.layout_combo.currentData())

    def _layout_activated(self, index: int) -> None:
        if self.layout_combo.itemData(index) != CUSTOM_TEMPLATE:
            self._last_layout = index
            self._timer.start()
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Badge template"), "", self.tr("Badge templates (*.toml)")
        )
        if not path:
            self.layout_combo.setCurrentIndex(self._last_layout)
            return
        self.layout_combo.insertItem(index, Path(path).name, path)
        self.layout_combo.setCurrentIndex(index)
        self._last_layout = index
        self._timer.start()

    # -- preview ---------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._timer.stop()
        if self._preview_task is not None:
            self._preview_task.cancel()
        choice = self.people.choice()
        if self.context.workspace is None or choice is None:
            self._preview = None
            self.preview_view.set_images(())
            self.summary_label.setText(self.tr("Choose who gets a badge."))
            self.preview_caption.setText(self.tr("Choose who gets a badge."))
            return
        self.preview_caption.setText(self.tr("Preparing the preview…"))
        self._preview_task = self.context.run(
            build_preview,
            self.layout_choice(),
            choice.stream_number,
            choice.participant_ids,
            on_done=self._show_preview,
            on_error=self._preview_failed,
            cancellable=True,
            owner=self,
            lane=Lane.RENDER,
        )

    def _show_preview(self, preview: PagePreview) -> None:
        self._preview = preview
        self.preview_view.set_images(preview.images)
        self.summary_label.setText(
            fill(
                self.tr("Badges: {badges}, pages: {pages}"),
                badges=preview.badges,
                pages=preview.total_pages,
            )
        )
        caption = self.tr(
            "The QR codes of the preview are not valid; printed badges get signed ones."
        )
        if len(preview.images) < preview.total_pages:
            shown = self.tr("Showing the first {shown} of {total} pages.")
            caption = (
                fill(shown, shown=len(preview.images), total=preview.total_pages) + " " + caption
            )
        self.preview_caption.setText(caption)

    def _preview_failed(self, error: BaseException) -> None:
        self._preview = None
        self.preview_view.set_images(())
        if isinstance(error, UserError):
            self.preview_caption.setText(badge_error_message(error))
            self.summary_label.clear()
        else:
            show_error(self, error)

    # -- printing --------------------------------------------------------------------------

    def save_pdf(self) -> None:
        choice = self._choice_or_warn()
        if choice is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save badges as PDF"),
            str(Path.home() / "badges.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        layout = self.layout_choice()

        def save(key: SigningKey) -> None:
            self._start(
                self.tr("Writing the PDF…"),
                print_badges,
                key,
                target,
                layout,
                choice.stream_number,
                choice.participant_ids,
            )

        self.keys.with_key(save)

    def print_badges(self) -> None:
        choice = self._choice_or_warn()
        if choice is None:
            return
        layout = self.layout_choice()
        self.keys.with_key(lambda key: self._print_with(key, choice, layout))

    def _print_with(self, key: SigningKey, choice: PeopleChoice, layout: str) -> None:
        try:
            resolved = badge_layout(layout)  # a small TOML file, read for the paper size
        except UserError as error:
            self._warn(badge_error_message(error))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, resolved)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._printer = printer  # kept alive until the worker has painted every page
        self._start(
            self.tr("Printing…"),
            print_on,
            key,
            printer,
            resolved,
            choice.stream_number,
            choice.participant_ids,
        )

    def _start(self, message: str, fn: Callable[..., BadgePrintReport], *args: object) -> None:
        if self._work is not None and not self._work.finished:
            return
        self.status_label.setText(message)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._work = self.context.run(
            fn,
            *args,
            on_done=self._printed,
            on_error=self._print_failed,
            on_progress=self._progress,
            cancellable=True,
            owner=self,
            lane=Lane.RENDER,
        )

    def _progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self) -> None:
        self._printer = None
        self.progress.hide()
        self.cancel_button.hide()
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _printed(self, report: BadgePrintReport) -> None:
        self._finished()
        text = self.tr("Done. Badges: {badges}, pages: {pages}.")
        if report.path:
            text += " " + fill(self.tr("Saved to {path}"), path=report.path)
        self.status_label.setText(fill(text, badges=report.badges, pages=report.pages))
        self.context.notify_changed()  # the print log, here and wherever else it shows

    def _print_failed(self, error: BaseException) -> None:
        self._finished()
        self.status_label.clear()
        if isinstance(error, UserError):
            if error.code == "signing_key_retired":
                self.keys.forget()
            if error.code != "cancelled":
                self._warn(badge_error_message(error))
        else:
            show_error(self, error)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.status_label.setText(badge_error_message(error))
        else:
            show_error(self, error)

    def _choice_or_warn(self) -> PeopleChoice | None:
        choice = self.people.choice()
        if choice is None:
            self._warn(self.tr("Choose who gets a badge first."))
        return choice

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Badges"), text)

    def cancel_work(self) -> None:
        if self._work is not None:
            self._work.cancel()
        self._finished()
        self.status_label.setText(self.tr("Cancelled."))
