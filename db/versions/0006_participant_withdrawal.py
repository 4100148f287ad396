"""participant withdrawal and stream-move reason

Revision ID: 0006
Revises: 0007 (chained after main's 0005 → 0007; written against 0003)
Create Date: 2026-12-03 12:00:00

A participant who withdrew (отказ) keeps their row and history but leaves the expected counts:
``withdrawn`` and the organizer's ``withdrawal_reason`` (replicated, last writer wins). A move to
another stream by hand keeps its reason in ``stream_reason``.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('participant') as batch:
        batch.add_column(
            sa.Column('withdrawn', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column('withdrawal_reason', sa.Text(), nullable=True))
        batch.add_column(sa.Column('stream_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('participant') as batch:
        batch.drop_column('stream_reason')
        batch.drop_column('withdrawal_reason')
        batch.drop_column('withdrawn')
