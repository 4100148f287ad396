"""checkin annulment

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03 12:25:00

A check-in undone at the desk with its reason (smm_event/storage/models.py CheckinAnnulment;
docs/desk.md). Insert-only and replicated like the scans; no foreign keys, like every
replicated table (an annulment may arrive before the scan it names).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('checkin_annulment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('checkin_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=True),
    sa.Column('mark_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('annulled_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_annulment'))
    )
    with op.batch_alter_table('checkin_annulment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_annulment_checkin_id'), ['checkin_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_annulment_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_annulment_mark_id'), ['mark_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('checkin_annulment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkin_annulment_mark_id'))
        batch_op.drop_index(batch_op.f('ix_checkin_annulment_participant_id'))
        batch_op.drop_index(batch_op.f('ix_checkin_annulment_checkin_id'))
    op.drop_table('checkin_annulment')
