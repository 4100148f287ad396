"""checkin override of a wrong-day refusal

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 15:00:00

An organizer may let a person in on a day their stream does not meet (docs/desk.md, «Пропустить
всё равно»): the check-in is logged with method ``override``, the reason and the organizer who
allowed it. Two nullable columns on the insert-only ``checkin`` table; older rows have neither.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('checkin') as batch:
        batch.add_column(sa.Column('override_reason', sa.String(length=500), nullable=True))
        batch.add_column(sa.Column('override_by', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('checkin') as batch:
        batch.drop_column('override_by')
        batch.drop_column('override_reason')
