"""Which tables replicate and by which merge rule (documented in docs/sync.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from smm_event.storage import models
from smm_event.storage.base import Base


class MergeRule(Enum):
    # Field by field, the change with the greatest hybrid logical clock wins.
    LAST_WRITER_WINS = "lww"
    # The row is written once and never changes: a grow-only set (scans, mark versions, prints).
    INSERT_ONLY = "insert"


@dataclass(frozen=True)
class EntitySpec:
    name: str
    model: type[Base]
    rule: MergeRule
    # Fields that only ever grow (a badge version): the larger value wins whatever the clocks.
    grow_only_fields: frozenset[str] = frozenset()
    # Most keys are UUIDs; a public key is named by its short key id.
    text_key: bool = False
    # Recomputes locally derived columns after a change was applied (the flag: row is new).
    derive: Callable[[Session, Any, bool], None] | None = field(default=None, compare=False)


_REGISTRY: dict[str, EntitySpec] = {}


def register(spec: EntitySpec) -> None:
    _REGISTRY[spec.name] = spec


def entity_spec(name: str) -> EntitySpec:
    return _REGISTRY[name]


def entity_names() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def _register_core() -> None:
    from smm_event.storage.derived import derive_organization, derive_participant

    lww = MergeRule.LAST_WRITER_WINS
    insert = MergeRule.INSERT_ONLY
    register(EntitySpec("event", models.Event, lww))
    register(EntitySpec("device", models.Device, lww))
    register(EntitySpec("stream", models.Stream, lww))
    register(EntitySpec("stream_day", models.StreamDay, lww))
    register(EntitySpec("session", models.TrainingSession, lww))
    register(EntitySpec("organization", models.Organization, lww, derive=derive_organization))
    register(
        EntitySpec(
            "participant",
            models.Participant,
            lww,
            grow_only_fields=frozenset({"badge_version"}),
            derive=derive_participant,
        )
    )
    from smm_event.storage.aliases import derive_merge

    register(EntitySpec("participant_merge", models.ParticipantMerge, lww, derive=derive_merge))
    register(EntitySpec("public_key", models.PublicKey, lww, text_key=True))
    register(EntitySpec("checkin", models.Checkin, insert))
    register(EntitySpec("checkin_annulment", models.CheckinAnnulment, insert))
    register(EntitySpec("attendance_mark", models.AttendanceMark, insert))
    register(EntitySpec("badge_print", models.BadgePrint, insert))
    from smm_event.storage import certificate_models as cert

    register(EntitySpec("certificate_number_block", cert.CertificateNumberBlock, insert))
    register(EntitySpec("certificate", cert.Certificate, insert))
    register(EntitySpec("certificate_void", cert.CertificateVoid, insert))
    register(EntitySpec("certificate_person", cert.CertificatePerson, lww))
    from smm_event.storage import outcome_models as outcome

    register(EntitySpec("topic_score", outcome.TopicScore, lww))
    register(EntitySpec("survey_response", outcome.SurveyResponse, lww))
    register(EntitySpec("selection_decision", outcome.SelectionDecision, insert))
    register(EntitySpec("reach_account", outcome.ReachAccount, lww))
    register(EntitySpec("reach_measurement", outcome.ReachMeasurement, insert))
    from smm_event.storage.trust_models import Station

    register(EntitySpec("station", Station, lww))


_register_core()
