"""certificate register

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 01:10:00

The replicated certificate tables (smm_event/storage/certificate_models.py; design in
docs/certificates.md): number blocks per laptop, certificates frozen as printed, voids, and
per-participant overrides and reviewed dative names. No foreign keys, like every replicated table.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('certificate',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('series', sa.String(length=10), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('replaces_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('name_line', sa.String(length=300), nullable=False),
    sa.Column('surname', sa.String(length=200), nullable=False),
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('patronymic', sa.String(length=200), nullable=True),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('organization', sa.String(length=500), nullable=True),
    sa.Column('stream_number', sa.Integer(), nullable=True),
    sa.Column('stream_title', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('dates_text', sa.String(length=200), nullable=False),
    sa.Column('hours_text', sa.String(length=50), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('issue_date_text', sa.String(length=100), nullable=False),
    sa.Column('event_name', sa.String(length=300), nullable=False),
    sa.Column('organizer', sa.String(length=300), nullable=False),
    sa.Column('template', sa.String(length=200), nullable=False),
    sa.Column('verify_text', sa.Text(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index('ix_certificate_number', ['event_id', 'series', 'seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_participant_id'), ['participant_id'], unique=False)

    op.create_table('certificate_number_block',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('series', sa.String(length=10), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.Column('holder_device_id', sa.Uuid(), nullable=False),
    sa.Column('granted_by_device_id', sa.Uuid(), nullable=False),
    sa.Column('granted_at', sa.DateTime(), nullable=False),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_number_block'))
    )
    with op.batch_alter_table('certificate_number_block', schema=None) as batch_op:
        batch_op.create_index('ix_certificate_number_block_series', ['event_id', 'series', 'first'], unique=False)

    op.create_table('certificate_person',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('participant_id', sa.Uuid(), nullable=False),
    sa.Column('override_eligible', sa.Boolean(), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('override_at', sa.DateTime(), nullable=True),
    sa.Column('dative_name', sa.String(length=300), nullable=True),
    sa.Column('dative_for', sa.String(length=320), nullable=True),
    sa.Column('dative_at', sa.DateTime(), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_person'))
    )
    with op.batch_alter_table('certificate_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_person_participant_id'), ['participant_id'], unique=False)

    op.create_table('certificate_void',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('certificate_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=True),
    sa.Column('clocks', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_void'))
    )
    with op.batch_alter_table('certificate_void', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_void_certificate_id'), ['certificate_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('certificate_void', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_void_certificate_id'))

    op.drop_table('certificate_void')
    with op.batch_alter_table('certificate_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_person_participant_id'))

    op.drop_table('certificate_person')
    with op.batch_alter_table('certificate_number_block', schema=None) as batch_op:
        batch_op.drop_index('ix_certificate_number_block_series')

    op.drop_table('certificate_number_block')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_participant_id'))
        batch_op.drop_index('ix_certificate_number')

    op.drop_table('certificate')
