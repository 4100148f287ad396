"""Outcome records from another laptop are checked like every other record."""

from __future__ import annotations

import uuid

from smm_event.storage.validation import validate_change

KEY = str(uuid.uuid4())
DECISION = {
    "participant_id": str(uuid.uuid4()),
    "decision": "accept",
    "track": "content",
    "reason": "рекомендация тренера",
    "hlc": "",
    "decided_at": "2026-05-20T10:00:00",
    "device_id": str(uuid.uuid4()),
    "operator": None,
}


def test_a_valid_decision_passes() -> None:
    assert validate_change("selection_decision", KEY, DECISION) is None


def test_unknown_decision_track_or_kind_is_refused() -> None:
    assert (
        validate_change("selection_decision", KEY, {**DECISION, "decision": "maybe"}) == "bad_enum"
    )
    assert validate_change("selection_decision", KEY, {**DECISION, "track": "vip"}) == "bad_enum"
    assert validate_change("participant", KEY, {"accelerator_track": "vip"}) == "bad_enum"
    assert validate_change("reach_measurement", KEY, {"kind": "guess"}) == "bad_enum"
    assert validate_change("reach_account", KEY, {"platform": "myspace"}) == "bad_enum"


def test_a_survey_answer_bomb_is_refused() -> None:
    answers = {f"q{i}": "x" * 4000 for i in range(100)}
    assert validate_change("survey_response", KEY, {"answers": answers}) == "too_long"
    assert validate_change("survey_response", KEY, {"answers": ["not", "a", "dict"]}) == "bad_type"
    assert validate_change("survey_response", KEY, {"answers": {"Оценка": "9"}}) is None
