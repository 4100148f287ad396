"""The least-privilege PostgreSQL role laptops sync through (docs/central-setup.md).

The administrator creates the database, runs the first sync (or ``prepare_central``) as its
owner, then gives every laptop this role: it can read and write rows, take advisory locks and
use a temporary table for COPY, but it is no superuser, owns nothing, cannot create, alter or
drop tables or views, and cannot delete anything. A sync through it finds the schema current
and never needs DDL; a newer program version needs the owner once to upgrade the schema."""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def station_role_statements(role: str, database: str) -> list[str]:
    """The SQL that makes ``role`` (must already be free) a station login for ``database``."""
    if not _NAME.match(role) or not _NAME.match(database.lower()):
        raise ValueError("role and database names: lower-case letters, digits, _")
    return [
        f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT",
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {role}',
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {role}",
        # Alembic's bookkeeping: read only (a station must never move the schema version).
        f"REVOKE INSERT, UPDATE ON alembic_version FROM {role}",
    ]


def create_station_role(connection: Connection, role: str, database: str) -> None:
    """Run ``station_role_statements`` as the database owner (after the schema exists)."""
    for statement in station_role_statements(role, database):
        connection.execute(text(statement))
