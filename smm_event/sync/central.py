"""The central PostgreSQL database: its address, its password (OS keyring, never a file), an
engine, and preparing its schema with the project's own migrations."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.util.exc import CommandError
from sqlalchemy import URL, Connection, Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from smm_event.errors import UserError
from smm_event.storage import changes, migrate
from smm_event.sync.verified_schema import prepare_verified, verified_current
from smm_event.sync.views import drop_views, ensure_views

log = logging.getLogger(__name__)

KEYRING_SERVICE = "smm-event central database"
APPLICATION_NAME = "smm-event sync"
CONNECT_TIMEOUT_S = 10
# The second key of the advisory lock that serializes schema upgrades between laptops.
SCHEMA_LOCK = (0x534D, 0)
_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}


def parse_central_url(text_url: str) -> URL:
    """A PostgreSQL address in any usual spelling, always through psycopg 3."""
    try:
        url = make_url(text_url.strip())
    except ArgumentError as error:
        raise UserError("bad_central_url", url=text_url) from error
    if url.drivername not in _SCHEMES or not url.database:
        raise UserError("bad_central_url", url=text_url)
    return url.set(drivername="postgresql+psycopg", port=url.port or 5432)


def display_url(url: URL) -> str:
    """The address as shown and stored: never with the password."""
    # URL.set() ignores None, so it cannot remove a password; a URL is a named tuple.
    return url._replace(drivername="postgresql", password=None).render_as_string(
        hide_password=False
    )


def keyring_account(url: URL) -> str:
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def password_from_keyring(url: URL) -> str | None:
    """The stored password, or None (also when the laptop has no usable keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
        except KeyringError as error:
            log.info("keyring unavailable: %s", error)
            return None
    except Exception as error:  # a broken backend must not stop a sync that needs no password
        log.info("keyring failed: %s", error)
        return None


def store_password(url: URL, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except KeyringError as error:
        raise UserError("keyring_unavailable", reason=str(error)) from error


def forget_password(url: URL) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_account(url))
    except PasswordDeleteError:
        return
    except KeyringError as error:
        raise UserError("keyring_unavailable", reason=str(error)) from error


def central_engine(text_url: str, password: str | None = None) -> tuple[Engine, str]:
    """An engine for the central database and its display address. The password comes from
    the argument, the URL, or the keyring, in that order (libpq's PGPASSWORD and ~/.pgpass
    still apply when none of them has one)."""
    url = parse_central_url(text_url)
    secret = password or url.password or password_from_keyring(url)
    if secret:
        url = url.set(password=secret)
    engine = create_engine(
        url,
        poolclass=NullPool,  # one connection per sync; nothing idles on the venue's server
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME},
    )
    return engine, display_url(url)


@contextmanager
def connected(engine: Engine) -> Iterator[Connection]:
    """A connection, with connection problems turned into user errors."""
    try:
        with engine.connect() as connection:
            yield connection
    except OperationalError as error:
        raise connection_error(error) from error


def connection_error(error: DBAPIError) -> UserError:
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    lowered = reason.lower()
    if "password" in lowered or "authentication" in lowered:
        return UserError("central_auth_failed", reason=reason)
    if "does not exist" in lowered and "database" in lowered:
        return UserError("central_no_database", reason=reason)
    if error.connection_invalidated or "terminat" in lowered or "closed" in lowered:
        return UserError("central_connection_lost", reason=reason)
    return UserError("central_unreachable", reason=reason)


def schema_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def prepare_central(engine: Engine) -> None:
    """Bring the central schema to this version's head and (re)create the reporting views.
    Several laptops may do this at once: an advisory lock makes them take turns, and the
    second finds nothing to do."""
    head = migrate.head_revision()
    with connected(engine) as connection:
        if schema_revision(connection) == head:
            if not connection.scalar(text("SELECT has_schema_privilege('public', 'CREATE')")):
                # A station role: its sync needs no views; the owner's next sync (the
                # organizer's) brings them and the verified copy up to date.
                return
            if _views_current(connection) and verified_current(connection):
                return
    try:
        with connected(engine) as connection, connection.begin():
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:a, :b)"),
                {"a": SCHEMA_LOCK[0], "b": SCHEMA_LOCK[1]},
            )
            if schema_revision(connection) != head:
                drop_views(connection)
                from alembic import command

                command.upgrade(migrate.alembic_config(connection), "head")
            prepare_verified(connection)
            ensure_views(connection)
    except CommandError as error:
        raise UserError("central_from_newer_version") from error


def _views_current(connection: Connection) -> bool:
    from smm_event.sync.views import views_current

    return views_current(connection)


def server_clock_skew_ms(connection: Connection) -> int:
    """This laptop's clock minus the server's, in milliseconds (the round trip is ignored)."""
    server: Any = connection.scalar(select(func.now()))
    local = changes.utc_now().replace(tzinfo=dt.UTC)  # the module's clock, which tests can move
    return int((local - server).total_seconds() * 1000)
