"""participant merge

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03 15:00:00

Two records of one person merged (smm_event/storage/models.py ParticipantMerge; docs/sync.md):
a replicated record, last writer wins for ``undone``, resolved at read time. ``merged_into`` on
participant is derived locally from those records (the person at the end of a chain of merges),
so the lists and counts filter merged people with one indexed column, like ``withdrawn``.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('participant_merge',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('kept_id', sa.Uuid(), nullable=False),
    sa.Column('merged_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('merged_by', sa.String(length=100), nullable=True),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.Column('undo_reason', sa.String(length=500), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant_merge'))
    )
    with op.batch_alter_table('participant_merge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_merge_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_merge_kept_id'), ['kept_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_merge_merged_id'), ['merged_id'], unique=False)
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_participant_merged_into'), ['merged_into'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_merged_into'))
        batch_op.drop_column('merged_into')
    with op.batch_alter_table('participant_merge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_merge_merged_id'))
        batch_op.drop_index(batch_op.f('ix_participant_merge_kept_id'))
        batch_op.drop_index(batch_op.f('ix_participant_merge_event_id'))
    op.drop_table('participant_merge')
