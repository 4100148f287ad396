"""The badge keys a laptop holds, read inside a caller's transaction (takes a Session, never
commits)."""

from __future__ import annotations

import base64

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.badges.keys import PublicKey, public_key_from_raw
from smm_event.storage.models import PublicKey as PublicKeyRow


def public_keys(session: Session) -> dict[str, PublicKey]:
    """The keys a desk accepts badges from (retired keys excluded)."""
    rows = session.scalars(select(PublicKeyRow).where(PublicKeyRow.retired.is_(False)))
    return {row.id: public_key_from_raw(row.id, base64.b64decode(row.public_key)) for row in rows}
