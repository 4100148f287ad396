"""Alembic migrations run in-process, for SQLite workspaces and the central PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from smm_event.paths import migrations_path
from smm_event.private_files import make_private


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    # An absolute location: a relative one breaks in the frozen build (GUIDE §6).
    config.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def backup_sqlite(path: Path, backup_dir: Path, reason: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-{stamp}-{reason}.sqlite3"
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    make_private(target)  # a copy of the workspace's personal data and keys
    return target
