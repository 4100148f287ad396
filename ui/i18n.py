"""Qt Linguist translations: Russian by default, English selectable.

Source strings are English inside ``self.tr()`` / ``QCoreApplication.translate()``; the Russian
lives in ``resources/translations/smm_event_ru.ts`` (and ``smm_event_en.ts`` holds only the
English plural forms). The ``.qm`` files are never committed (they would drift from the .ts):
in a checkout the .ts is compiled with PySide6's bundled ``lrelease`` into the user cache,
named by the .ts file's hash so a stale .qm is never loaded; a frozen build ships .qm files
compiled by build.spec. Qt's own ``qtbase_<lang>.qm`` translates the standard buttons and
dialogs. Translators must stay referenced (Python would collect them and Qt silently falls
back to English) and be installed before widgets are created.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smm_event.paths import APP_NAME, resource_path
from smm_event.station import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

CATALOG = "smm_event"
LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}
_LOCALES = {
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

_installed: list[QTranslator] = []  # referenced here so they are never garbage-collected
_current = DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


_retired: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> str:
    """Replace the installed translators with those for ``language`` ("ru" or "en") and make
    it the default QLocale (number and date formats). Returns the language applied."""
    global _current
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    # Removed translators stay referenced: deleted while a LanguageChange event for them is
    # still queued, they crashed Qt's event loop.
    _retired.extend(_installed)
    _installed.clear()
    for candidate in (_qt_translator(language), _app_translator(language)):
        if candidate is not None and app.installTranslator(candidate):
            _installed.append(candidate)
    QLocale.setDefault(_LOCALES[language])
    _current = language
    return language


def _qt_translator(language: str) -> QTranslator | None:
    if language == "en":
        return None
    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(resource_path("translations")),
    ]
    translator = QTranslator()
    for folder in folders:
        if translator.load(f"qtbase_{language}", folder):
            return translator
    log.warning("Qt's own translation qtbase_%s.qm not found in %s", language, folders)
    return None


def _app_translator(language: str) -> QTranslator | None:
    path = qm_path(language)
    translator = QTranslator()
    if path is None or not translator.load(str(path)):
        log.error("no usable translation for %r (%s)", language, path)
        return None
    return translator


def catalogues(language: str) -> list[Path]:
    """Every ``<area>_<language>.ts``: the shell's and one per screen area (desk, badges…), so
    the people working on different screens never edit one file."""
    return sorted(resource_path("translations").glob(f"*_{language}.ts"))


def qm_path(language: str) -> Path | None:
    """The compiled catalogues: shipped in a frozen build, compiled on demand in a checkout."""
    shipped = resource_path("translations", f"{CATALOG}_{language}.qm")
    sources = catalogues(language)
    if getattr(sys, "frozen", False) or not sources:
        return shipped if shipped.exists() else None
    try:
        return compile_ts(sources, cache_dir(), f"{CATALOG}_{language}")
    except (OSError, subprocess.SubprocessError) as error:
        log.error("cannot compile %s: %s", sources, error)
        return shipped if shipped.exists() else None


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"


def compile_ts(sources: list[Path], target_dir: Path, stem: str) -> Path:
    """``sources`` compiled with lrelease into one .qm in ``target_dir``, reused while the
    .ts files are unchanged (the name carries their hash, so a stale .qm is never loaded)."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    target = target_dir / f"{stem}-{digest.hexdigest()[:16]}.qm"
    if target.exists():
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    command = [*lrelease_command(), "-silent", *map(str, sources), "-qm", str(partial)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    os.replace(partial, target)
    for stale in target_dir.glob(f"{stem}-*.qm"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


def lrelease_command() -> list[str]:
    return [_qt_tool("lrelease")]


def lupdate_command() -> list[str]:
    return [_qt_tool("lupdate")]


def _qt_tool(name: str) -> str:
    """PySide6 bundles the Linguist tools next to its package; the pyside6-* wrappers are the
    fallback (they may be missing from PATH inside a virtualenv that is not activated)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper is None:
        raise FileNotFoundError(f"Qt's {name} not found next to PySide6 or on PATH")
    return wrapper


def fill(text: str, **values: object) -> str:
    """Named ``{placeholders}`` in a translated string; a translation that mangled a brace
    shows the untouched text rather than raising in the middle of a screen."""
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("bad placeholders in translation %r", text)
        return text
