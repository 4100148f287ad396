"""What the window shows while no workspace is open: a busy indicator while one opens, or
the ways to get one (create an event from a schedule, open a file, the demo, join an event)
and the workspaces opened recently on this laptop."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

RECENT_KEY = "start/recent_workspaces"
MAX_RECENT = 8


def recent_workspaces() -> list[Path]:
    """Recently opened workspaces, newest first, those still on disk only."""
    value = QSettings().value(RECENT_KEY)
    texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(text) for text in texts if isinstance(text, str) and Path(text).is_file()]


def remember_workspace(path: Path) -> None:
    paths = [str(path), *(str(p) for p in recent_workspaces() if p != path)]
    QSettings().setValue(RECENT_KEY, paths[:MAX_RECENT])


class StartPage(QWidget):
    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    join_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.label.setFont(font)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: opening has no measurable steps
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(360)
        self.create_button = self._button(
            self.tr("Create an event from a schedule file…"), self.create_requested
        )
        self.create_button.setDefault(True)
        self.open_button = self._button(self.tr("Open a workspace…"), self.open_requested)
        self.demo_button = self._button(self.tr("Open the demo workspace"), self.demo_requested)
        self.join_button = self._button(self.tr("Join an event…"), self.join_requested)
        self.join_button.setToolTip(
            self.tr("For a desk or trainer laptop: connect it to the organizer's event")
        )
        self.recent_label = QLabel(self.tr("Recent workspaces:"))
        self.recent = QListWidget()
        self.recent.setMaximumHeight(170)
        self.recent.itemActivated.connect(self._recent_activated)
        column = QWidget()
        column.setMaximumWidth(520)
        buttons = QVBoxLayout(column)
        for widget in (
            self.progress,
            self.create_button,
            self.open_button,
            self.demo_button,
            self.join_button,
        ):
            widget.setMinimumHeight(40)
            buttons.addWidget(widget)
        buttons.addSpacing(12)
        buttons.addWidget(self.recent_label)
        buttons.addWidget(self.recent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.label)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self._choices: tuple[QWidget, ...] = (
            self.create_button,
            self.open_button,
            self.demo_button,
            self.join_button,
        )

    def _button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(signal)
        return button

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_recent(self, paths: Iterable[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        has_any = self.recent.count() > 0
        self.recent.setVisible(has_any)
        self.recent_label.setVisible(has_any)

    def show_busy(self, text: str | None = None) -> None:
        self.label.setText(text or self.tr("Opening the workspace…"))
        self.progress.show()
        for widget in (*self._choices, self.recent, self.recent_label):
            widget.hide()

    def show_idle(self, has_workspace: bool = False) -> None:
        if has_workspace:
            self.label.setText(
                self.tr("This workspace has no event yet. Create it from the schedule file.")
            )
        else:
            self.label.setText(self.tr("No workspace is open."))
        self.progress.hide()
        for widget in self._choices:
            widget.show()
        self.show_recent(recent_workspaces())
