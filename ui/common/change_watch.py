"""Re-read a page when something it shows changed: at once if it is on screen, else when shown.

``AppContext.notify_changed(what)`` says what a write changed (``Change``). A page names the
kinds it shows and its reload:

    ChangeWatch(context, self, Change.PEOPLE | Change.BADGES, self.reload)

A change of another kind costs the page nothing. A change it shows reloads it at once when it
is visible, and marks it stale when hidden: the reload then runs just after the page is next
shown (``DELAY_MS``), once however many changes came, and a page that was not changed is not
re-read on showing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ui.context import AppContext, Change

DELAY_MS = 50  # after the show itself is painted


class ChangeWatch(QObject):
    def __init__(
        self,
        context: AppContext,
        page: QWidget,
        kinds: Change,
        reload: Callable[[], None],
        delay_ms: int = DELAY_MS,
    ) -> None:
        super().__init__(page)
        self.page = page
        self.kinds = kinds
        self._reload = reload
        self.stale = False
        self.reloads = 0  # for tests: how many times the page was re-read for a change
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._run)
        page.installEventFilter(self)
        context.changed.connect(self._changed)

    def _on_screen(self) -> bool:
        """Shown, or not inside any shown window (a page used on its own, before the main
        window shows): only a page that another page hides waits to be shown."""
        return self.page.isVisible() or not self.page.window().isVisible()

    def _changed(self, what: Change) -> None:
        if not what & self.kinds:
            return
        if self._on_screen():
            self._run()  # at once: its queries queue in front of the status bar's, as before
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self._timer.start()
        return False

    def _run(self) -> None:
        if not self._on_screen():
            self.stale = True  # hidden before the timer fired: read when shown
            return
        self.stale = False
        self.reloads += 1
        self._reload()
