"""the newest wall-clock time this laptop trusts

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 15:00:00

``local_state.clock_trusted_ms`` (local only, never replicated): the newest wall-clock reading
this laptop accepted for a write, the central server's clock at a sync, or a time the user
confirmed. A write whose wall clock is far ahead of it (or behind it) says so before it is
stamped (smm_event/storage/clock_guard.py, docs/sync.md "Clocks").
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("local_state") as batch:
        batch.add_column(
            sa.Column(
                "clock_trusted_ms",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("local_state") as batch:
        batch.drop_column("clock_trusted_ms")
