"""The PySide6 desktop UI.

Start-up: PySide6 installs an import hook that reads the source of every module imported after
it (looking for ``from __feature__ import``): about 850 modules, 0.2-0.5 s of a cold start. The
Qt-free core the window needs anyway is therefore imported here, before any ``ui`` module
imports PySide6. Nothing here may import Qt (the core never does).
"""

import smm_event.services.queries  # (see above: imported before PySide6)
import smm_event.workspace  # noqa: F401
