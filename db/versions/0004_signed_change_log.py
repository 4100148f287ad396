"""signed change log and stations

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 12:15:00

Issue 10 (docs/trust.md): every change record carries its per-device chain hash and, on the
last record of a transaction, its station's signature; the local state pins the event's trust
anchor; the replicated ``station`` table; two local-only tables (the station's private key,
received records that were quarantined). Chain hashes of records written before this version
are computed by the application when it opens the workspace (smm_event/trust/upgrade.py),
because they need the same canonical form the running code uses.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    with op.batch_alter_table('change_log') as batch:
        batch.add_column(sa.Column('chain_hash', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('signature', sa.String(length=128), nullable=True))
    with op.batch_alter_table('local_state') as batch:
        batch.add_column(sa.Column('chain_hash', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('anchor_device', sa.Uuid(), nullable=True))
        batch.add_column(sa.Column('anchor_key', sa.String(length=64), nullable=True))
    op.create_table('station',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('roles', sa.String(length=100), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('certificate', sa.String(length=128), nullable=False),
    sa.Column('revoked_after_seq', _BIG, nullable=True),
    sa.Column('revoked_reason', sa.Text(), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station'))
    )
    op.create_table('station_key',
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('private_key', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', name=op.f('pk_station_key'))
    )
    op.create_table('quarantine',
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('seq', _BIG, nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('stored', sa.Boolean(), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'seq', name=op.f('pk_quarantine'))
    )


def downgrade() -> None:
    op.drop_table('quarantine')
    op.drop_table('station_key')
    op.drop_table('station')
    with op.batch_alter_table('local_state') as batch:
        batch.drop_column('anchor_key')
        batch.drop_column('anchor_device')
        batch.drop_column('chain_hash')
    with op.batch_alter_table('change_log') as batch:
        batch.drop_column('signature')
        batch.drop_column('chain_hash')
