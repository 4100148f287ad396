"""Importing a quiz export with topics, a feedback-survey export or reach measurements: the
file is first read without writing (the services' ``dry_run``), the dialog lists what it would
add and every refused or unmatched row by row and column, and nothing is written until the
organizer confirms. The same services and checks as ``smm-event outcomes/survey/reach import``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import ImportIssue
from smm_event.services import outcome_scores, reach, surveys
from smm_event.workspace import Workspace
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill
from ui.roster.import_texts import problem_text  # the roster import's sentences

KINDS = ("entry", "exit", "motivation", "survey", "reach-baseline", "reach-followup")


@dataclass(frozen=True)
class Issue:
    row: int
    column: str
    what: str  # why the row was refused or left unlinked
    value: str


def run_import(ws: Workspace, kind: str, path: Path, dry_run: bool) -> Any:
    if kind in ("entry", "exit", "motivation"):
        return outcome_scores.import_test(ws, path, kind, dry_run)
    if kind == "survey":
        return surveys.import_survey(ws, path, None, None, dry_run)
    return reach.import_reach(ws, path, kind.removeprefix("reach-"), dry_run)


class OutcomeImportDialog(QDialog):
    def __init__(
        self, context: AppContext, kind: str, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.context = context
        self.kind = kind
        self.path = path
        self.report: Any = None
        self.applied: Any = None
        self.setWindowTitle(self._title())
        self.resize(820, 480)
        self.summary = QLabel(fill(self.tr("Reading {file}…"), file=path.name))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the check returns
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        self.buttons = QDialogButtonBox()
        self.confirm = QPushButton(self.tr("Import"))
        self.confirm.setEnabled(False)
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._run(dry_run=True, then=self._checked)

    def _title(self) -> str:
        titles = {
            "entry": self.tr("Import the entry test with topics"),
            "exit": self.tr("Import the exit test with topics"),
            "motivation": self.tr("Import the motivation test"),
            "survey": self.tr("Import a feedback survey"),
            "reach-baseline": self.tr("Import reach: baseline"),
            "reach-followup": self.tr("Import reach: follow-up"),
        }
        return titles[self.kind]

    def _run(self, dry_run: bool, then: Callable[[Any], None]) -> None:
        self.progress.show()
        self.context.run(
            run_import,
            self.kind,
            self.path,
            dry_run,
            on_done=then,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.summary.setText(self.tr("Nothing was imported."))
        show_error(self, error)

    def _checked(self, report: Any) -> None:
        self.progress.hide()
        self.report = report
        issues = self.issues(report)
        self._show_issues(issues)
        self.summary.setText(self._would_text(report, len(issues)))
        self.confirm.setEnabled(self._amount(report) > 0)

    def apply(self) -> None:
        self.confirm.setEnabled(False)
        self._run(dry_run=False, then=self._done)

    def _done(self, report: Any) -> None:
        self.progress.hide()
        self.applied = report
        self.summary.setText(
            fill(self.tr("Imported: {count} record(s) written."), count=self._amount(report))
        )
        self.context.notify_changed()

    @staticmethod
    def _amount(report: Any) -> int:
        return int(getattr(report, "changed", None) or getattr(report, "added", 0) or 0)

    def _would_text(self, report: Any, problems: int) -> str:
        if self.kind == "survey":
            text = self.tr(
                "Survey «{name}»: {matched} answer(s) matched to participants, {count} to add, "
                "{questions} question(s)."
            )
            text = fill(
                text,
                name=report.survey,
                matched=report.matched,
                count=report.added,
                questions=len(report.questions),
            )
        elif self.kind.startswith("reach"):
            text = fill(
                self.tr("{count} measurement(s) to add, {accounts} new account(s)."),
                count=report.added,
                accounts=report.accounts_created,
            )
        else:
            text = fill(
                self.tr("{matched} participant(s) matched, {count} value(s) to change; topics: "),
                matched=report.matched,
                count=report.changed,
            ) + (", ".join(report.topics) or "—")
        if problems:
            text += " " + fill(
                self.tr("Check the {count} row(s) below; the refused ones are not imported."),
                count=problems,
            )
        return text + " " + self.tr("Nothing is written until you press «Import».")

    def issues(self, report: Any) -> list[Issue]:
        groups: list[tuple[tuple[ImportIssue, ...], str]] = [
            (report.invalid, self.tr("refused")),
            (
                report.unmatched,
                # A survey keeps an answer it cannot link; tests and reach skip the row.
                self.tr("kept without a participant")
                if self.kind == "survey"
                else self.tr("matches nobody"),
            ),
        ]
        if hasattr(report, "frozen"):
            groups.append((report.frozen, self.tr("baseline already frozen")))
        return [
            Issue(i.row_number, i.column or "", f"{label}: {problem_text(i)}", i.value or "")
            for found, label in groups
            for i in found
        ]

    def _show_issues(self, issues: list[Issue]) -> None:
        self.table.setVisible(bool(issues))
        self.table.setRowCount(len(issues))
        for row, issue in enumerate(issues):
            for column, text in enumerate((str(issue.row), issue.column, issue.what, issue.value)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
