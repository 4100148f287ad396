"""Station settings: what one laptop is (desk name, operator, camera, printer, central server).

They live in a small flat TOML file under the user config folder, not in the event database,
because they belong to the laptop and survive switching workspaces. Window geometry belongs to
QSettings (the UI), passwords to the OS keyring. A damaged file never stops the app: the
defaults are used and ``damaged`` says so, so the UI can tell the user and rewrite it.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smm_event.paths import user_config_dir

LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
FILE_NAME = "station.toml"
MIN_HOLD_SECONDS, MAX_HOLD_SECONDS = 1, 60


@dataclass(frozen=True)
class StationSettings:
    desk_name: str = ""
    operator_name: str = ""
    language: str = DEFAULT_LANGUAGE
    camera_index: int = 0
    printer_name: str = ""
    central_url: str = ""
    last_workspace: str = ""
    # Seconds a green or amber verdict stays on the desk's screen (a refusal stays until seen).
    verdict_hold_seconds: int = 4
    # Set by load_station_settings() when the file existed but could not be used; never saved.
    damaged: bool = dataclasses.field(default=False, compare=False)


_SAVED_FIELDS = tuple(f.name for f in dataclasses.fields(StationSettings) if f.name != "damaged")


def default_station_path() -> Path:
    return user_config_dir() / FILE_NAME


def load_station_settings(path: Path | None = None) -> StationSettings:
    """The saved settings; a missing file gives the defaults, a damaged one the defaults plus
    ``damaged=True``. Unknown keys (from a newer version) are ignored, bad values replaced."""
    path = path or default_station_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return StationSettings()
    except (OSError, UnicodeDecodeError):
        return StationSettings(damaged=True)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError:
        return StationSettings(damaged=True)
    return _from_mapping(data)


def _from_mapping(data: dict[str, Any]) -> StationSettings:
    defaults = StationSettings()
    values: dict[str, Any] = {}
    damaged = False
    for name in _SAVED_FIELDS:
        if name not in data:
            continue
        wanted = type(getattr(defaults, name))
        value = data[name]
        # bool is an int in Python; a camera index of `true` is still a damaged value.
        if isinstance(value, wanted) and not isinstance(value, bool):
            values[name] = value
        else:
            damaged = True
    if values.get("language", DEFAULT_LANGUAGE) not in LANGUAGES:
        values.pop("language")
        damaged = True
    if values.get("camera_index", 0) < 0:
        values.pop("camera_index")
        damaged = True
    if not MIN_HOLD_SECONDS <= values.get("verdict_hold_seconds", 4) <= MAX_HOLD_SECONDS:
        values.pop("verdict_hold_seconds")
        damaged = True
    return dataclasses.replace(defaults, damaged=damaged, **values)


def save_station_settings(settings: StationSettings, path: Path | None = None) -> Path:
    """Write atomically (temporary file, fsync, rename): a power cut leaves the old file or the
    new one, never half of one."""
    path = path or default_station_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = to_toml(settings)
    handle, temporary = tempfile.mkstemp(prefix=".station-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def to_toml(settings: StationSettings) -> str:
    lines = ["# smm-event station settings (this laptop). Edited by the application.\n"]
    for name in _SAVED_FIELDS:
        value = getattr(settings, name)
        lines.append(f"{name} = {_toml_value(value)}\n")
    return "".join(lines)


def _toml_value(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    # A TOML basic string: escape backslash, quote and every control character.
    escaped = []
    for char in value:
        if char in '\\"':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'
