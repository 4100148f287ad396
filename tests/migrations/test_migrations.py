"""The migrations in db/ build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect

from smm_event.storage import migrate
from smm_event.storage.base import Base
from smm_event.storage.engine import sqlite_engine


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def _upgrade_and_check(engine: Engine) -> None:
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _differences(engine) == []
    tables = set(inspect(engine).get_table_names())
    assert {"participant", "checkin", "change_log", "local_state"} <= tables
    # Upgrading an up-to-date database is a no-op, not an error.
    migrate.upgrade(engine)


def test_sqlite_upgrade_from_empty_matches_models(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "m.sqlite3", immediate=True)
    try:
        _upgrade_and_check(engine)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_upgrade_from_empty_matches_models(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        _upgrade_and_check(engine)
    finally:
        engine.dispose()


def test_single_head() -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert len(heads) == 1, f"migrations have diverged into several heads: {heads}"
