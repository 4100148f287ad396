"""Badges as the UI and CLI see them: a scan's verdict, a print run, the print log."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass

from smm_event.domain.participants import ParticipantInfo


class TokenResult(enum.Enum):
    """What a scanned badge text is (``smm_event.badges.verify_token`` decides)."""

    VALID = "valid"
    REPLACED = "replaced"
    FORGED_OR_DAMAGED = "forged_or_damaged"
    UNKNOWN_KEY = "unknown_key"
    NOT_OURS = "not_ours"
    UNKNOWN_PARTICIPANT = "unknown_participant"


@dataclass(frozen=True)
class BadgeVerification:
    """What a desk learns from a scanned text. ``participant`` is filled in whenever the
    signature proved whose badge it is and that person is in this workspace."""

    result: TokenResult
    participant_id: uuid.UUID | None
    badge_version: int | None  # the version printed on the badge
    current_badge_version: int | None  # the newest version this laptop knows
    key_id: str | None
    participant: ParticipantInfo | None

    @property
    def valid(self) -> bool:
        return self.result is TokenResult.VALID


@dataclass(frozen=True)
class BadgeToken:
    participant_id: uuid.UUID
    badge_version: int
    key_id: str
    token: str


@dataclass(frozen=True)
class BadgePrintReport:
    path: str | None  # None when the PDF went to a stream rather than a file
    layout: str
    pages: int
    badges: int
    participant_ids: tuple[uuid.UUID, ...]  # in print order
    key_id: str
    printed_at: dt.datetime  # naive UTC, the same instant as the print log rows


@dataclass(frozen=True)
class BadgePreviewReport:
    """A preview PDF: real names and layout, QR codes that verify nowhere."""

    layout: str
    pages: int
    badges: int


@dataclass(frozen=True)
class BadgePrintEntry:
    """One printed badge in the print log; a reprint is a second entry."""

    id: uuid.UUID
    participant_id: uuid.UUID
    participant_name: str | None  # None when the participant is not (yet) on this laptop
    stream_number: int | None
    badge_version: int
    layout: str
    printed_at: dt.datetime  # naive UTC
    device_id: uuid.UUID
    device_name: str | None
