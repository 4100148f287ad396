"""Badge signing keys as the UI and CLI see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    created_at: dt.datetime
    retired: bool
    can_sign_here: bool  # this laptop holds the encrypted private key
