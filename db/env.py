"""Alembic environment: one migration history for laptops' SQLite and the central PostgreSQL.

No ``fileConfig``: it would disable the application's loggers when run in-process (GUIDE §6)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

# Imported for their side effect: each module registers its tables on Base.metadata.
import smm_event.storage.certificate_models
import smm_event.storage.local_models
import smm_event.storage.models
import smm_event.storage.outcome_models
import smm_event.storage.trust_models
import smm_event.sync.models  # noqa: F401
from smm_event.storage.base import Base

target_metadata = Base.metadata


def run_with(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url, e.g. alembic -x or through smm_event.storage.migrate")
    engine = create_engine(url)
    with engine.begin() as own_connection:
        run_with(own_connection)
