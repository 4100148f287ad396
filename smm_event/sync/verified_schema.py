"""The ``verified`` schema on central: a second copy of the same tables, made and upgraded by
the same migrations, that only the database owner can use (smm_event/sync/central_verify.py
fills it; the reporting views read it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from sqlalchemy import Connection, text

from smm_event.storage import migrate
from smm_event.sync.views import drop_views

SCHEMA = "verified"


@contextmanager
def search_path(connection: Connection, path: str) -> Iterator[None]:
    """Unqualified table names mean ``path``'s tables while the block runs. Transaction-local
    (the caller's transaction must be open), so a failure's rollback undoes it as well."""
    previous = connection.scalar(text("SELECT current_setting('search_path')"))
    connection.execute(text("SELECT set_config('search_path', :path, true)"), {"path": path})
    yield
    connection.execute(text("SELECT set_config('search_path', :path, true)"), {"path": previous})


def prepare_verified(connection: Connection) -> None:
    """Create or upgrade the verified copy to this version's head, inside the owner's schema
    transaction of ``central.prepare_central`` (it holds the schema lock)."""
    connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    # Stations never touch it: no USAGE, so no table in it can be read or written.
    connection.execute(text(f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC"))
    if verified_current(connection):
        return
    drop_views(connection)  # they read these tables; ensure_views makes them again
    with search_path(connection, SCHEMA):
        command.upgrade(migrate.alembic_config(connection), "head")


def verified_current(connection: Connection) -> bool:
    """The verified copy exists and is at this version's head."""
    if connection.scalar(text("SELECT to_regclass(:name)"), {"name": f"{SCHEMA}.alembic_version"}):
        revision = connection.scalar(text(f"SELECT version_num FROM {SCHEMA}.alembic_version"))
        return bool(revision == migrate.head_revision())
    return False
