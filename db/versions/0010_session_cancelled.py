"""session cancellation

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-03 15:00:00

A session the organizer cancels keeps its row and its marks but leaves every expected count,
attendance percentage and sign-in sheet: ``cancelled`` on ``training_session`` (replicated,
last writer wins, organizer-only).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('training_session') as batch:
        batch.add_column(
            sa.Column('cancelled', sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table('training_session') as batch:
        batch.drop_column('cancelled')
