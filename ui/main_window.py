"""The main window: navigation on the left, one page per screen, the status bar below.

While no workspace is open (or one is opening) a start page with a busy indicator takes the
whole window; the pages appear once the workspace is ready.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from smm_event import __version__
from smm_event.domain.event import WorkspaceSummary
from smm_event.errors import UserError
from smm_event.paths import demo_workspace_path, resource_path, user_data_dir
from smm_event.services.event_setup import create_event_workspace
from ui.badges.key_dialog import KeysDialog
from ui.common.clock_banner import ClockBanner
from ui.common.window_geometry import fit_to_screen, restore_window_state
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import LANGUAGE_NAMES, current_language, fill
from ui.pages import PageSpec, page_specs
from ui.roster.import_dialog import ImportDialog, dropped_file
from ui.start_page import StartPage, remember_workspace
from ui.status_bar import WorkspaceStatusBar

APP_TITLE = "SMM Event"
LANGUAGE_MENU_TITLE = "Язык / Language"  # in both languages: findable whatever is active
NAVIGATION_STYLE = (
    "QListWidget::item { padding: 4px 6px; }"
    " QListWidget::item:selected { background: #d6e6f7; color: #102a43;"
    " border-left: 4px solid #2f7fc8; }"
)


def load_icon(name: str | None) -> QIcon:
    return QIcon(str(resource_path("icons", name))) if name else QIcon()


class MainWindow(QMainWindow):
    language_requested = Signal(str)

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
        self._build_menus()
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
        self._restore_settings()

    # -- pages -----------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.start_page = StartPage()
        self.start_page.create_requested.connect(self.create_event)
        self.start_page.open_requested.connect(self.choose_workspace)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.join_requested.connect(self._join_event)
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

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(
            file_menu,
            self.tr("&Create an event from a schedule file…"),
            self.create_event,
            QKeySequence.StandardKey.New,
        )
        self._action(
            file_menu,
            self.tr("&Open workspace…"),
            self.choose_workspace,
            QKeySequence.StandardKey.Open,
        )
        self._action(file_menu, self.tr("Open the &demo workspace"), self.open_demo)
        self._action(file_menu, self.tr("&Join an event…"), self._join_event)
        file_menu.addSeparator()
        self.import_actions = [
            self._action(file_menu, self.tr("&Import the roster…"), self.open_import),
            self._action(
                file_menu,
                self.tr("Import &entry test scores…"),
                lambda: self.open_import("entry"),
            ),
            self._action(
                file_menu, self.tr("Import e&xit test scores…"), lambda: self.open_import("exit")
            ),
        ]
        self._action(file_menu, self.tr("Signing &keys…"), self.open_keys)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("E&xit"), self.close, QKeySequence("Ctrl+Q"))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._build_language_menu(view_menu.addMenu(LANGUAGE_MENU_TITLE))
        self.fullscreen_action = self._action(
            view_menu, self.tr("&Full screen"), self.toggle_fullscreen, QKeySequence("F11")
        )
        self.fullscreen_action.setCheckable(True)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About"), self.show_about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_language_menu(self, menu: QMenu) -> None:
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, code=code: self._choose_language(code))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

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

    def show_about(self) -> None:
        text = self.tr(
            "SMM Event {version}\n\nCheck-in, attendance and certificates for an in-person "
            "training programme. Works without the Internet; laptops are synchronized "
            "afterwards."
        )
        QMessageBox.about(self, self.tr("About SMM Event"), fill(text, version=__version__))

    # -- workspace -------------------------------------------------------------------------

    def choose_workspace(self) -> None:
        start = self.context.station.last_workspace or str(user_data_dir())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open workspace"),
            start,
            self.tr("Workspaces (*.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.open_workspace(Path(path))

    def create_event(self) -> None:
        """Pick the schedule file, then where the new workspace goes; the schedule is checked
        before anything is written, and its problems are shown with their line."""
        schedule, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The event's schedule"),
            str(Path.home()),
            self.tr("Schedules (*.toml);;All files (*)"),
        )
        if not schedule:
            return
        current, summary = self.context.workspace, self.context.summary
        if current is not None and summary is not None and summary.event is None:
            suggested = current.path  # the empty workspace this laptop opened is the place
        else:
            suggested = user_data_dir() / f"{Path(schedule).stem}.sqlite3"
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Where to keep the event's workspace"),
            str(suggested),
            self.tr("Workspaces (*.sqlite3)"),
        )
        if not target:
            return
        workspace = Path(target)
        if not workspace.suffix:
            workspace = workspace.with_suffix(".sqlite3")
        self.start_page.show_busy(self.tr("Creating the event…"))
        self._central.setCurrentWidget(self.start_page)
        self.context.executor.submit(
            create_event_workspace,
            workspace,
            Path(schedule),
            self.context.station.desk_name or None,
            on_done=lambda _event: self.open_workspace(workspace),
            on_error=self._open_failed,
        )

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

    def _join_event(self) -> QWidget:
        """Connect this laptop to an organizer's event as a station (trust-core's join
        dialog: a request file to the organizer, their approval back)."""
        from ui.stations.join_dialog import open_join_dialog

        return open_join_dialog(self, self.context)

    def open_demo(self) -> None:
        self.open_workspace(demo_workspace_path(), demo=True)

    def open_workspace(self, path: Path, demo: bool = False) -> None:
        self.context.open(path, demo=demo, on_error=self._open_failed)

    def _open_failed(self, error: BaseException) -> None:
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

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fit_to_screen(self)  # saved on a larger or another screen
        else:  # first start on this laptop: desks have small screens, use all of it
            self.resize(1280, 760)
            self.setWindowState(Qt.WindowState.WindowMaximized)
        page = settings.value("main_window/page")
        if isinstance(page, str):
            self.show_page(page)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/page", self.current_page_key() or "")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
