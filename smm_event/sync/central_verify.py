"""Central's verified copy: what the event's trust root vouches for, and the only data the
reporting views read (docs/central-setup.md, docs/trust.md "Central").

The station role must INSERT and UPDATE central's ``public`` tables (laptops merge on the
server), so anyone holding the station password could write rows there directly. Central
therefore keeps a second copy of the same schema, ``verified``, made and upgraded by the same
migrations, on which the station role has no privilege at all (not even USAGE). Only the
organizer's laptop writes it, connected as the database owner, right after its sync has
pulled: every record in its change log passed ``trust/verify.py`` on the way in (chain,
signature, enrolled unrevoked station, role, payload, clock) or was written by the trust root
itself, so the laptop copies its log with the same quarantine marks and merges it with the
same code as every other database. A record is *verified on central* when it is in
``verified.change_log`` and not held in ``verified.quarantine``; a row written into ``public``
by hand, or a forged record, never gets there, because the trust root quarantined it."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from smm_event.storage import changes
from smm_event.storage.changeset import count_of, lacking, read_batches, version_vector
from smm_event.sync import apply
from smm_event.sync.central import connected
from smm_event.sync.verified_schema import SCHEMA, search_path
from smm_event.trust import quarantine
from smm_event.workspace import Workspace

log = logging.getLogger(__name__)

BATCH_SIZE = 1000
# The second key of the advisory lock that makes publishing take turns ("SM", 1).
PUBLISH_LOCK = (0x534D, 1)


def may_publish(connection: Connection) -> bool:
    """Whether this login may write the verified copy (the owner; never a station role)."""
    return bool(
        connection.scalar(
            text(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace n"
                " JOIN pg_class c ON c.relnamespace = n.oid"
                " WHERE n.nspname = :schema AND c.relname = 'change_log'"
                " AND has_schema_privilege(n.oid, 'USAGE')"
                " AND has_table_privilege(c.oid, 'INSERT'))"
            ),
            {"schema": SCHEMA},
        )
    )


def is_trust_root(ws: Workspace) -> bool:
    """This laptop holds the event's trust anchor (the organizer's laptop)."""
    with ws.reading() as session:
        state = changes.local_state(session)
        return state.anchor_device is not None and state.anchor_device == state.device_id


def publish_verified(ws: Workspace, engine: Engine, batch_size: int = BATCH_SIZE) -> int:
    """Copy what central's verified copy lacks of this trust root's change log into it and
    merge it there; returns how many records were added. Nothing for another laptop or a
    login without the owner's privileges (their syncs are unchanged)."""
    if not is_trust_root(ws):
        return 0
    with connected(engine) as connection, connection.begin():
        if not may_publish(connection):
            return 0
        with search_path(connection, SCHEMA):
            published = version_vector(connection)
    with ws.reading() as local:
        ranges = lacking(version_vector(local.connection()), published)
        if not count_of(ranges):
            return 0
        added = 0
        with connected(engine) as connection:
            for batch in read_batches(local.connection(), ranges, batch_size):
                held = quarantine.withheld_keys(local, (change.key for change in batch))
                rows = quarantine.rows_for(local, held)
                with (
                    Session(bind=connection) as session,
                    session.begin(),
                    search_path(session.connection(), SCHEMA),
                ):
                    session.execute(
                        text("SELECT pg_advisory_xact_lock(:a, :b)"),
                        {"a": PUBLISH_LOCK[0], "b": PUBLISH_LOCK[1]},
                    )
                    quarantine.write_rows(session, rows)
                    apply.store_and_apply(session, batch, held)
                added += len(batch)
    log.info("published %d verified record(s) to central", added)
    return added
