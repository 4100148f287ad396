"""The camera box of the desk: camera choice, on/off, live preview and what went wrong.

Codes read by the camera leave through ``code_read``; the desk judges them like scanner codes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from smm_event.scanning.camera import CameraInfo
from ui.common.camera import CameraController
from ui.context import AppContext
from ui.desk.messages import camera_message
from ui.i18n import fill

CAMERA_COUNT = 4  # indices offered before "Find cameras" has probed the real ones
PREVIEW_SIZE = (320, 180)


class CameraPanel(QGroupBox):
    code_read = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("Camera"))
        self.context = context
        self.camera = CameraController(self)
        self.camera.code_read.connect(self.code_read)
        self.camera.frame_ready.connect(self._show_frame)
        self.camera.failed.connect(self._failed)
        self.camera.running_changed.connect(self._running)
        self.camera.cameras_found.connect(self._cameras_found)
        self.choice = QComboBox()
        for index in range(CAMERA_COUNT):
            self.choice.addItem(fill(self.tr("Camera {number}"), number=index + 1), index)
        self.choice.setCurrentIndex(min(context.station.camera_index, CAMERA_COUNT - 1))
        self.button = QPushButton(self.tr("Turn camera on"))
        self.button.clicked.connect(self.toggle)
        self.find_button = QPushButton(self.tr("Find cameras"))
        self.find_button.clicked.connect(self.find_cameras)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setStyleSheet("background: #20252b; color: #d0d6dc;")
        self.preview.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.button)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 6)
        box.addLayout(row)
        box.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.status)

    def toggle(self) -> None:
        if self.camera.running:
            self.camera.stop()
            return
        index = int(self.choice.currentData() or 0)
        if index != self.context.station.camera_index:
            self.context.update_station(camera_index=index)
        self.status.hide()
        self.camera.start(index)

    def stop(self) -> None:
        self.camera.stop()

    def _running(self, running: bool) -> None:
        self.button.setText(self.tr("Turn camera off") if running else self.tr("Turn camera on"))
        self.preview.setVisible(running)
        if running:
            self.preview.setText(self.tr("Starting the camera…"))

    def _show_frame(self, image: QImage) -> None:
        if self.camera.running:
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )

    def _failed(self, code: str) -> None:
        self._say(camera_message(code), error=True)

    def find_cameras(self) -> None:
        self.find_button.setEnabled(False)
        self._say(self.tr("Looking for cameras…"))
        self.camera.find_cameras()

    def _cameras_found(self, cameras: list[CameraInfo]) -> None:
        self.find_button.setEnabled(True)
        if not cameras:
            self._say(self.tr("No camera found. The scanner and the search work without one."))
            return
        self.status.hide()
        self.choice.clear()
        for camera in cameras:
            label = fill(
                self.tr("Camera {number} ({width}×{height})"),
                number=camera.index + 1,
                width=camera.width,
                height=camera.height,
            )
            self.choice.addItem(label, camera.index)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.show()
