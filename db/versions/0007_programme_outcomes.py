"""programme outcomes

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-03 12:10:00

The replicated outcome tables (smm_event/storage/outcome_models.py; design in docs/outcomes.md):
per-topic test scores, feedback survey responses, manual accelerator selection decisions, and
the NGOs' social-media accounts with their frozen baselines and reach measurements. No foreign
keys, like every replicated table.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('topic_score',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('phase', sa.String(length=20), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic_score'))
    )
    with op.batch_alter_table('topic_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_topic_score_participant_id'), ['participant_id'], unique=False)

    op.create_table('survey_response',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('survey', sa.String(length=200), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=True),
    sa.Column('stream_number', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('session_title', sa.String(length=300), nullable=True),
    sa.Column('trainer', sa.String(length=200), nullable=True),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_response'))
    )
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_response_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_response_participant_id'), ['participant_id'], unique=False)

    op.create_table('selection_decision',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('track', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_decision'))
    )
    with op.batch_alter_table('selection_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_decision_participant_id'), ['participant_id'], unique=False)

    op.create_table('reach_account',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('platform', sa.String(length=40), nullable=False),
    sa.Column('handle', sa.String(length=300), nullable=False),
    sa.Column('baseline_reach', sa.Float(), nullable=True),
    sa.Column('baseline_from', sa.Date(), nullable=True),
    sa.Column('baseline_to', sa.Date(), nullable=True),
    sa.Column('baseline_sha256', sa.String(length=64), nullable=True),
    sa.Column('baseline_frozen_at', sa.DateTime(), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reach_account'))
    )
    with op.batch_alter_table('reach_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reach_account_organization_id'), ['organization_id'], unique=False)

    op.create_table('reach_measurement',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('reach', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reach_measurement'))
    )
    with op.batch_alter_table('reach_measurement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reach_measurement_account_id'), ['account_id'], unique=False)


def downgrade() -> None:
    for table, columns in (
        ('reach_measurement', ('account_id',)),
        ('reach_account', ('organization_id',)),
        ('selection_decision', ('participant_id',)),
        ('survey_response', ('participant_id', 'event_id')),
        ('topic_score', ('participant_id',)),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_index(batch_op.f(f'ix_{table}_{column}'))
        op.drop_table(table)
