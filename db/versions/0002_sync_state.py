"""sync state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 01:00:00

The local-only ``sync_state`` table (smm_event/sync/models.py). The central reporting views
are not made here: the sync code drops and recreates them after every schema upgrade
(smm_event/sync/views.py), so a later migration never trips over a view on a column it alters.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('peer', sa.String(length=500), nullable=False),
    sa.Column('last_success_at', sa.DateTime(), nullable=True),
    sa.Column('last_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('pushed', sa.Integer(), nullable=False),
    sa.Column('pulled', sa.Integer(), nullable=False),
    sa.Column('clock_skew_ms', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('central_vector', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('peer', name=op.f('pk_sync_state'))
    )


def downgrade() -> None:
    op.drop_table('sync_state')
