"""«Сводка»: the organizer's dashboard. Arrivals per 10 minutes by desk for a chosen day,
arrived/expected per stream and day, attendance per held session, the at-risk list with phones,
certificates issued, and the state of the selection and the reach indicators. Figures load on
the database lane (≈ 40 ms on the demo), the charts are drawn afterwards on the render lane."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.services.dashboard import Dashboard, load_dashboard
from ui.background import Task
from ui.common.change_watch import ChangeWatch
from ui.common.formatting import short_date
from ui.context import AppContext, Change
from ui.dashboard.charts import (
    ChartImages,
    ChartLabel,
    ChartTexts,
    render_charts,
    render_executor,
)
from ui.dashboard.pack_button import PackButton
from ui.errors import show_error
from ui.i18n import fill

REFRESH_MS = 60_000  # the desks keep scanning: the page follows without a click


class DashboardPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("DashboardPage", "Dashboard")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._task: Task | None = None
        self._chart_task: Task | None = None
        self._images: ChartImages | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        context.workspace_changed.connect(lambda _summary: self._reset())
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(context, self, Change.ALL, self.reload)

    def _build(self) -> None:
        self.day_box = QComboBox()
        self.day_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_box.setMinimumContentsLength(10)
        self.day_box.currentIndexChanged.connect(self.reload)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        self.pack_button = PackButton(self.context, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day_box)
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(self.pack_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.charts = [ChartLabel() for _ in range(3)]
        upper, lower = QHBoxLayout(), QHBoxLayout()
        upper.addWidget(self.charts[0], 1)
        upper.addWidget(self.charts[1], 1)
        # The list needs room for names and phones more than the session chart needs width.
        lower.addWidget(self.charts[2], 4)
        self.risk = QTableWidget(0, 5)
        self.risk.setHorizontalHeaderLabels(
            [
                self.tr("At risk"),
                self.tr("Stream"),
                self.tr("Phone"),
                self.tr("Attendance"),
                self.tr("Absent twice"),
            ]
        )
        self.risk.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.risk.setWordWrap(False)
        self.risk.verticalHeader().hide()
        header = self.risk.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lower.addWidget(self.risk, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(upper, 1)
        layout.addLayout(lower, 1)

    def _texts(self) -> ChartTexts:
        return ChartTexts(
            arrivals=self.tr("Arrivals per 10 minutes by desk"),
            turnout=self.tr("Arrived and expected, by stream and day"),
            sessions=self.tr("Present at the latest sessions, %"),
            people=self.tr("people"),
            arrived=self.tr("arrived"),
            expected=self.tr("expected"),
            present=self.tr("present"),
            no_data=self.tr("no check-ins that day"),
        )

    def _reset(self) -> None:
        self.day_box.blockSignals(True)
        self.day_box.clear()
        self.day_box.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self.context.workspace is None or not self.isVisible():
            return
        if self._task is not None:
            self._task.cancel()
        day = self.day_box.currentData()
        self._task = self.context.run(
            load_dashboard, day, on_done=self._loaded, on_error=self._failed, owner=self
        )

    def _loaded(self, data: Dashboard) -> None:
        self._task = None
        self._fill_days(data)
        self._fill_status(data)
        self._fill_risk(data)
        if self._chart_task is not None:
            self._chart_task.cancel()
        self._chart_task = render_executor().submit(
            render_charts, data, self._texts(), on_done=self._charts_ready, owner=self
        )

    def _fill_days(self, data: Dashboard) -> None:
        if self.day_box.count() == len(data.days):
            return
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for day in data.days:
            self.day_box.addItem(short_date(day), day)
        days = list(data.days)
        self.day_box.setCurrentIndex(
            days.index(data.arrivals.day) if data.arrivals.day in days else 0
        )
        self.day_box.blockSignals(False)

    def _fill_status(self, data: Dashboard) -> None:
        reach = data.reach_accelerator if data.reach_accelerator.organizations else data.reach_all
        group = (
            self.tr("accelerator NGOs")
            if data.reach_accelerator.organizations
            else self.tr("all NGOs")
        )
        mean = "—" if reach.mean is None else f"{reach.mean:.2f}".replace(".", ",")
        selection = (
            fill(self.tr("saved, {count} people in the accelerator"), count=data.accelerator_saved)
            if data.selection_saved_at
            else self.tr("not saved yet")
        )
        self.status.setText(
            fill(
                self.tr(
                    "Certificates issued: {certificates}. Selection: {selection}. Reach ({group}): "
                    "mean growth ×{mean}, {measured} of {organizations} measured, {at_target} at ×2.5 "
                    "or more; frozen baselines: {frozen} of {accounts} accounts. At risk: {risk} "
                    "(below {required}% or absent twice in a row)."
                ),
                certificates=data.certificates_issued,
                selection=selection,
                group=group,
                mean=mean,
                measured=reach.measured,
                organizations=reach.organizations,
                at_target=reach.at_target,
                frozen=data.frozen_accounts,
                accounts=data.accounts,
                risk=len(data.at_risk),
                required=f"{data.required_percent:g}",
            )
        )

    def _fill_risk(self, data: Dashboard) -> None:
        self.risk.setRowCount(len(data.at_risk))
        for row, person in enumerate(data.at_risk):
            percent = "—" if person.percent is None else f"{person.percent:.0f}%"
            values = (
                person.full_name,
                str(person.stream_number),
                person.phone or "",
                percent if person.below_threshold else "",
                self.tr("yes") if person.absent_in_a_row else "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(person.full_name)
                self.risk.setItem(row, column, item)

    def _charts_ready(self, images: ChartImages) -> None:
        self._chart_task = None
        pictures = (images.arrivals, images.turnout, images.sessions)
        for label, image in zip(self.charts, pictures, strict=True):
            label.set_image(image)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        show_error(self, error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)
