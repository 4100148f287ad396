"""The programme's outcomes as replicated rows (design and merge rules in docs/outcomes.md).

- ``topic_score``: one participant's score on one topic of the entry, exit or motivation test
  (0..100, as every score here). Its id is derived from (participant, phase, topic), so two
  laptops importing the same file produce one row; last writer wins.
- ``survey_response``: one submitted feedback form with its answers (question -> text). The id is
  derived from the survey and the row's identity and time, so importing a file twice adds
  nothing; last writer wins.
- ``selection_decision``: an organizer's manual decision on one person for the accelerator
  (accept, optionally to a track; exclude; clear) with its written reason. Insert-only: every
  decision is kept, the one with the greatest clock is current, and two laptops deciding the same
  person differently show up under needs attention instead of one silently replacing the other.
- ``reach_account``: an NGO's social-media account with its frozen baseline (the value, the
  window and the SHA-256 of the measurements it was computed from). Last writer wins.
- ``reach_measurement``: one measured reach of an account over a window, baseline or follow-up.
  Insert-only: a measurement is a fact; the id is derived from (account, kind, window).

Like the other replicated tables these carry no foreign keys (see storage/models.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, DateTime, Float, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from smm_event.storage.base import Base


class TopicScore(Base):
    __tablename__ = "topic_score"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    phase: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(200))
    score: Mapped[float | None] = mapped_column(Float)
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SurveyResponse(Base):
    __tablename__ = "survey_response"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    survey: Mapped[str] = mapped_column(String(200))
    participant_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    stream_number: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[dt.date | None] = mapped_column(Date)
    session_title: Mapped[str | None] = mapped_column(String(300))
    trainer: Mapped[str | None] = mapped_column(String(200))
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SelectionDecision(Base):
    __tablename__ = "selection_decision"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    decision: Mapped[str] = mapped_column(String(20))
    track: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    operator: Mapped[str | None] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ReachAccount(Base):
    __tablename__ = "reach_account"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    platform: Mapped[str] = mapped_column(String(40))
    handle: Mapped[str] = mapped_column(String(300))
    baseline_reach: Mapped[float | None] = mapped_column(Float)
    baseline_from: Mapped[dt.date | None] = mapped_column(Date)
    baseline_to: Mapped[dt.date | None] = mapped_column(Date)
    baseline_sha256: Mapped[str | None] = mapped_column(String(64))
    baseline_frozen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ReachMeasurement(Base):
    __tablename__ = "reach_measurement"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    reach: Mapped[float] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(String(300))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)
