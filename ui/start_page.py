"""What the window shows while no workspace is open: a busy indicator while one opens, or
the two ways to get one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    open_requested = Signal()
    demo_requested = Signal()

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
        self.open_button = QPushButton(self.tr("Open a workspace…"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = QPushButton(self.tr("Open the demo workspace"))
        self.demo_button.clicked.connect(self.demo_requested)
        column = QWidget()
        column.setMaximumWidth(460)
        buttons = QVBoxLayout(column)
        for widget in (self.progress, self.open_button, self.demo_button):
            widget.setMinimumHeight(40)
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.label)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def show_busy(self) -> None:
        self.label.setText(self.tr("Opening the workspace…"))
        self.progress.show()
        self.open_button.hide()
        self.demo_button.hide()

    def show_idle(self) -> None:
        self.label.setText(self.tr("No workspace is open."))
        self.progress.hide()
        self.open_button.show()
        self.demo_button.show()
