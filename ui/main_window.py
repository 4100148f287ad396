"""The main window: navigation on the left, one page per screen, the status bar below.

While no workspace is open (or one is opening) a start page with a busy indicator takes the
whole window; the pages appear once the workspace is ready.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from smm_event.domain.event import WorkspaceSummary
from smm_event.errors import UserError
from smm_event.paths import demo_workspace_path, resource_path
from ui.badges.key_dialog import KeysDialog
from ui.common.clock_banner import ClockBanner
from ui.common.window_geometry import restore_window_state
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import current_language
from ui.menus import MenuSlots, build_menus
from ui.pages import PageSpec, page_specs
from ui.roster.import_dialog import ImportDialog, dropped_file
from ui.start_page import StartPage, remember_workspace
from ui.status_bar import WorkspaceStatusBar
from ui.window_settings import restore_window_settings, save_window_settings
from ui.workspace_dialogs import choose_workspace, create_event

APP_TITLE = "SMM Event"
NAVIGATION_STYLE = (
    "QListWidget::item { padding: 4px 6px; }"
    " QListWidget::item:selected { background: #d6e6f7; color: #102a43;"
    " border-left: 4px solid #2f7fc8; }"
)


def load_icon(name: str | None) -> QIcon:
    return QIcon(str(resource_path("icons", name))) if name else QIcon()


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    import_actions: list[QAction]
    language_actions: dict[str, QAction]
    fullscreen_action: QAction
    organizer_menu: QMenu

    def __init__(self, context: AppContext, pages: Iterable[PageSpec] | None = None) -> None:
        super().__init__()
        self.context = context
        self.setWindowIcon(load_icon("app.svg"))
        self.setMinimumSize(QSize(900, 560))
        self.setAcceptDrops(True)  # a roster file dropped on the window opens the import
        self._keys: list[str] = []
        self._deferred: dict[str, Callable[[], QWidget]] = {}  # pages not built yet
        self._state_before_fullscreen = Qt.WindowState.WindowNoState
        self._build_central()
        menus = build_menus(
            self,
            context,
            MenuSlots(
                self.create_event,
                self.choose_workspace,
                self.open_demo,
                self.join_event,
                self.open_import,
                self.open_keys,
                self.toggle_fullscreen,
                self._choose_language,
            ),
        )
        self.import_actions = menus.import_actions
        self.language_actions = menus.language_actions
        self.fullscreen_action = menus.fullscreen_action
        self.organizer_menu = menus.organizer_menu
        self.status = WorkspaceStatusBar(self)
        self.setStatusBar(self.status)
        self.status.addWidget(ClockBanner(context, compact=True))  # a clock that jumped
        for spec in page_specs() if pages is None else pages:
            build = partial(spec.factory, context)
            self.add_page(spec.key, spec.title(), build if spec.deferred else build(), spec.icon)
        context.opening_changed.connect(self._opening_changed)
        context.workspace_changed.connect(self._workspace_changed)
        context.summary_changed.connect(self._summary_changed)
        context.executor.busy_changed.connect(self.status.set_busy)
        self._workspace_changed(context.summary)
        if context.opening:
            self._opening_changed(True)
        restore_window_settings(self, self.show_page)

    # -- pages -----------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.start_page = StartPage()
        self.start_page.create_requested.connect(self.create_event)
        self.start_page.open_requested.connect(self.choose_workspace)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.join_requested.connect(self.join_event)
        self.start_page.recent_chosen.connect(lambda path: self.open_workspace(Path(path)))
        self.navigation = QListWidget()
        self.navigation.setIconSize(QSize(28, 28))
        self.navigation.setFixedWidth(180)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.navigation.setFont(font)
        self.pages = QStackedWidget()
        self.navigation.currentRowChanged.connect(self._show_row)
        workspace_view = QWidget()
        layout = QHBoxLayout(workspace_view)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self._central = QStackedWidget()
        self._central.addWidget(self.start_page)
        self._central.addWidget(workspace_view)
        self.setCentralWidget(self._central)

    def add_page(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        icon: QIcon | str | None = None,
    ) -> None:
        """Add a screen to the navigation (keys are unique; the first page is the default).
        A callable is called to build the page the first time it is shown."""
        if key in self._keys:
            raise ValueError(f"page {key!r} already added")
        icon = icon if isinstance(icon, QIcon) else load_icon(icon)
        item = QListWidgetItem(icon, title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 44))
        self._keys.append(key)
        if isinstance(widget, QWidget):
            self.pages.addWidget(widget)
        else:
            self._deferred[key] = widget
            self.pages.addWidget(QWidget())  # a placeholder until then
        self.navigation.addItem(item)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        index = self._keys.index(key)
        build = self._deferred.pop(key, None)
        if build is not None:
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, build())
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
        widget = self.pages.widget(index)
        assert widget is not None
        return widget

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.page(self._keys[row])
        self.pages.setCurrentIndex(row)

    def show_page(self, key: str) -> None:
        if key in self._keys:
            self.navigation.setCurrentRow(self._keys.index(key))

    def current_page_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self._keys[row] if row >= 0 else None

    # -- menus -----------------------------------------------------------------------------

    def _choose_language(self, code: str) -> None:
        if code != current_language():
            self.language_requested.emit(code)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            restore_window_state(self, self._state_before_fullscreen)
        else:
            self._state_before_fullscreen = self.windowState()
            self.showFullScreen()
        self.fullscreen_action.setChecked(self.isFullScreen())

    # -- workspace -------------------------------------------------------------------------

    def choose_workspace(self) -> None:
        choose_workspace(self, self.context, self.open_workspace)

    def create_event(self) -> None:
        create_event(
            self, self.context, self.open_workspace, self.show_start_busy, self.open_failed
        )

    def show_start_busy(self, text: str) -> None:
        self.start_page.show_busy(text)
        self._central.setCurrentWidget(self.start_page)

    def open_import(self, kind: str = "roster", path: Path | None = None) -> ImportDialog | None:
        """The import dialog for a roster or score file (also what a dropped file opens)."""
        summary = self.context.summary
        if self.context.workspace is None or summary is None or summary.event is None:
            show_error(self, UserError("no_event"))
            return None
        dialog = ImportDialog(self.context, kind, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_duplicates(self) -> QWidget | None:
        """The possible-duplicates list over «Участники» (what the sync page's possible-
        duplicate rows are meant to open)."""
        if "participants" not in self._keys:
            return None
        self.show_page("participants")
        page = self.page("participants")
        opener = getattr(page, "open_duplicates", None)
        return opener() if callable(opener) else None

    def open_keys(self) -> KeysDialog | None:
        """The badge-signing keys: create, rotate, export, list."""
        summary = self.context.summary
        if self.context.workspace is None or summary is None or summary.event is None:
            show_error(self, UserError("no_event"))
            return None
        dialog = KeysDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_import("roster", path)

    def join_event(self) -> QWidget:
        """Connect this laptop to an organizer's event as a station (trust-core's join
        dialog: a request file to the organizer, their approval back)."""
        from ui.stations.join_dialog import open_join_dialog

        return open_join_dialog(self, self.context)

    def open_demo(self) -> None:
        self.open_workspace(demo_workspace_path(), demo=True)

    def open_workspace(self, path: Path, demo: bool = False) -> None:
        self.context.open(path, demo=demo, on_error=self.open_failed)

    def open_failed(self, error: BaseException) -> None:
        self._workspace_changed(self.context.summary)
        show_error(self, error)

    def _opening_changed(self, opening: bool) -> None:
        if opening:
            self.start_page.show_busy()
            self._central.setCurrentWidget(self.start_page)

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        if summary is None or summary.event is None:
            # An empty laptop opens an empty workspace: nothing to show but the ways in.
            self.start_page.show_idle(has_workspace=summary is not None)
            self._central.setCurrentIndex(0)
        else:
            self._central.setCurrentIndex(1)
            workspace = self.context.workspace
            if workspace is not None and workspace.path != demo_workspace_path().resolve():
                remember_workspace(workspace.path)
        self._summary_changed(summary)

    def _summary_changed(self, summary: WorkspaceSummary | None) -> None:
        event = summary.event if summary else None
        self.setWindowTitle(f"{event.name} — {APP_TITLE}" if event else APP_TITLE)
        self.status.show_summary(summary)

    # -- window state ----------------------------------------------------------------------

    def save_settings(self) -> None:
        save_window_settings(self, self.current_page_key())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
