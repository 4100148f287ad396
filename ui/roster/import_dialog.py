"""Importing a roster or an entry/exit score file: pick or drop a file, see how it was read
(encoding, delimiter, which column is which field: all correctable), every problem by row and
column, and what would change. Nothing is written until the organizer confirms; afterwards the
dialog says how many people were added, updated and left unchanged.

Previews and the import run on the background executor; the window never waits for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import RosterImportReport, ScoreImportReport
from smm_event.errors import UserError
from smm_event.importing.roster_rows import RosterParse
from smm_event.importing.score_rows import ScoreParse
from smm_event.importing.tabular import ReadOptions
from smm_event.services.roster_import import import_parsed_roster, preview_roster
from smm_event.services.scores import import_parsed_scores, preview_scores
from ui.background import Task
from ui.context import AppContext
from ui.errors import show_error, user_error_message
from ui.i18n import fill
from ui.roster.import_tables import IssuesModel, PreviewTable
from ui.roster.import_texts import ROSTER_FIELDS, SCORE_FIELDS, file_problem_text

KINDS = ("roster", "entry", "exit")
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "cp1251": "Windows-1251", "utf-16": "UTF-16"}
DELIMITER_NAMES = {";": ";", ",": ",", "\t": "Tab", "|": "|"}
FILE_FILTER = "*.csv *.tsv *.txt *.xlsx *.xlsm"


class ImportDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        kind: str = "roster",
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self._task: Task | None = None
        self.imported: RosterImportReport | ScoreImportReport | None = None
        self._preview_report: RosterImportReport | ScoreImportReport | None = None
        self._parsed: RosterParse | ScoreParse | None = None  # what the preview showed
        self.setWindowTitle(self.tr("Import a file"))
        self.setAcceptDrops(True)
        self.resize(1100, 660)
        self._build(kind)
        if path is not None:
            self.load(path)
        else:
            self._show_message(self.tr("Choose a CSV or Excel file, or drop it on this window."))

    # -- layout ----------------------------------------------------------------------------

    def _build(self, kind: str) -> None:
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Participant roster"), "roster")
        self.kind.addItem(self.tr("Entry test scores"), "entry")
        self.kind.addItem(self.tr("Exit test scores"), "exit")
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.currentIndexChanged.connect(lambda _i: self.reload(keep_mapping=False))
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Choose a file…"))
        choose.clicked.connect(self.choose_file)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("detect"), None)
        for code, name in ENCODING_NAMES.items():
            self.encoding.addItem(name, code)
        self.delimiter = QComboBox()
        self.delimiter.addItem(self.tr("detect"), None)
        for code, name in DELIMITER_NAMES.items():
            self.delimiter.addItem(name, code)
        for combo in (self.encoding, self.delimiter):
            combo.currentIndexChanged.connect(lambda _i: self.reload(keep_mapping=False))
        self.shape_label = QLabel()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("What the file holds:")), 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.file_label, 0, 2, 1, 3)
        grid.addWidget(choose, 0, 5)
        grid.addWidget(QLabel(self.tr("Encoding:")), 1, 0)
        grid.addWidget(self.encoding, 1, 1)
        grid.addWidget(QLabel(self.tr("Delimiter:")), 1, 2)
        grid.addWidget(self.delimiter, 1, 3)
        grid.addWidget(self.shape_label, 1, 4, 1, 2)
        grid.setColumnStretch(4, 1)
        self.preview = PreviewTable(lambda: self.reload(keep_mapping=True))
        self.issues = IssuesModel(self)
        self.problems = QTableView()
        self.problems.setModel(self.issues)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(False)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 70)
        header.resizeSection(1, 200)
        header.resizeSection(3, 220)
        self.problems_label = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.confirm)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("The first rows, and which field each column is:")))
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    # -- preview ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), str(Path.home()), f"{FILE_FILTER};;*"
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self.reload(keep_mapping=False)

    def _options(self, keep_mapping: bool) -> ReadOptions:
        columns = self.preview.mapping() if keep_mapping and self.preview.choosers else None
        return ReadOptions(self.encoding.currentData(), self.delimiter.currentData(), columns)

    def reload(self, keep_mapping: bool = False) -> None:
        """Read the file again with the current choices (in the background)."""
        if self.path is None or self.imported is not None:
            return
        if self._task is not None:
            self._task.cancel()
        self.import_button.setEnabled(False)
        self._busy(True)
        options = self._options(keep_mapping)
        kind = self.current_kind()
        if kind == "roster":
            self._task = self.context.run(
                preview_roster, self.path, options, **self._callbacks(self._previewed)
            )
        else:
            self._task = self.context.run(
                preview_scores, self.path, kind, options, **self._callbacks(self._previewed)
            )

    def _callbacks(self, done: Any) -> dict[str, Any]:
        return {"on_done": done, "on_error": self._failed, "owner": self}

    def _previewed(
        self, result: tuple[RosterParse | ScoreParse, RosterImportReport | ScoreImportReport]
    ) -> None:
        parsed, report = result
        self._busy(False)
        self._preview_report, self._parsed = report, parsed
        fields = ROSTER_FIELDS if self.current_kind() == "roster" else SCORE_FIELDS
        self.preview.blockSignals(True)
        self.preview.show_file(parsed.header, dict(parsed.columns), parsed.sample, fields)
        self.preview.blockSignals(False)
        self._show_shape(parsed.shape.kind, parsed.shape.encoding, parsed.shape.delimiter)
        problems = (*report.invalid, *getattr(report, "unmatched", ()))
        self.issues.set_issues(problems)
        self.problems_label.setText(
            self.tr("%n problem(s) found:", "", len(problems))
            if problems
            else self.tr("No problems found.")
        )
        self.summary.setText(self._plan_text(report))
        self._set_import_button(report)

    def _show_shape(self, kind: str, encoding: str | None, delimiter: str | None) -> None:
        is_text = kind == "text"
        for combo in (self.encoding, self.delimiter):
            combo.setEnabled(is_text)
        if not is_text:
            self.shape_label.setText(self.tr("Read as an Excel workbook (first sheet)."))
            return
        self.shape_label.setText(
            fill(
                self.tr("Read as {encoding}, delimiter «{delimiter}»."),
                encoding=ENCODING_NAMES.get(encoding or "", encoding or ""),
                delimiter=DELIMITER_NAMES.get(delimiter or "", delimiter or ""),
            )
        )

    def _plan_text(self, report: RosterImportReport | ScoreImportReport) -> str:
        if isinstance(report, RosterImportReport):
            text = self.tr(
                "Nothing is saved yet. Importing will add {created}, update {updated} and leave "
                "{unchanged} unchanged."
            )
            return fill(
                text, created=report.created, updated=report.updated, unchanged=report.unchanged
            )
        text = self.tr(
            "Nothing is saved yet. {matched} row(s) match a participant; {changed} score(s) "
            "will change; {unmatched} row(s) match nobody."
        )
        return fill(
            text, matched=report.matched, changed=report.changed, unmatched=len(report.unmatched)
        )

    def _set_import_button(self, report: RosterImportReport | ScoreImportReport) -> None:
        if isinstance(report, RosterImportReport):
            useful = report.created + report.updated
            bad = len({issue.row_number for issue in report.invalid})
        else:
            useful, bad = report.changed, 0
        if bad:
            self.import_button.setText(
                self.tr("Import without the %n row(s) with problems", "", bad)
            )
        else:
            self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(useful > 0)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, UserError) and error.code == "unreadable_file":
            self._show_message(file_problem_text(str(error.params.get("reason", ""))))
        elif isinstance(error, UserError):
            self._show_message(user_error_message(error))
        else:
            show_error(self, error)

    def _show_message(self, text: str) -> None:
        self.summary.setText(text)
        self.import_button.setEnabled(False)

    def _busy(self, busy: bool, steps: int = 0) -> None:
        self.progress.setRange(0, steps)
        self.progress.setVisible(busy)

    # -- import ----------------------------------------------------------------------------

    def confirm(self) -> None:
        """Write exactly what the preview showed (its rows, not the file read again)."""
        parsed, report = self._parsed, self._preview_report
        if parsed is None or report is None:
            return
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self._busy(True, steps=3)
        callbacks = self._callbacks(self._imported)
        if isinstance(parsed, RosterParse):
            self._task = self.context.run(
                import_parsed_roster,
                parsed,
                bool(report.invalid),  # the button said «without the rows with problems»
                on_progress=lambda done, _total: self.progress.setValue(done),
                **callbacks,
            )
        else:
            kind = self.current_kind()
            self._task = self.context.run(import_parsed_scores, parsed, kind, **callbacks)

    def _imported(self, report: RosterImportReport | ScoreImportReport) -> None:
        self._busy(False)
        self.imported = report
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.import_button.hide()
        if isinstance(report, RosterImportReport):
            text = self.tr("Saved: {created} added, {updated} updated, {unchanged} unchanged.")
            self.summary.setText(
                fill(
                    text,
                    created=report.created,
                    updated=report.updated,
                    unchanged=report.unchanged,
                )
            )
        else:
            text = self.tr("Saved: {changed} score(s) changed; {unmatched} row(s) matched nobody.")
            self.summary.setText(
                fill(text, changed=report.changed, unmatched=len(report.unmatched))
            )
        self.context.notify_changed()

    # -- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None and self.imported is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None and self.imported is None:
            event.acceptProposedAction()
            self.load(path)


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local file being dragged, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None
