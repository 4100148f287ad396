"""Where resources, migrations and user data live, from a checkout and from a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "smm-event"


def install_root() -> Path:
    """The folder that holds resources/ and db/ (the checkout, or PyInstaller's bundle)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return install_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return install_root() / "db"


def font_path(file_name: str) -> Path:
    return resource_path("fonts", file_name)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_workspace_path() -> Path:
    return user_data_dir() / "workspace.sqlite3"


def demo_workspace_path() -> Path:
    """The one demo workspace: `smm-event demo`, `gui --demo` and scripts/demo.sh share it."""
    return user_data_dir() / "demo.sqlite3"
