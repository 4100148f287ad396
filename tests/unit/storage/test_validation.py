"""Change-record validation: the limits come from the models and bind every engine alike."""

from __future__ import annotations

import uuid

import pytest

from smm_event.errors import UserError
from smm_event.storage.validation import (
    FIELD_LIMITS,
    max_length,
    strip_format_characters,
    validate_change,
)

ID = str(uuid.uuid4())


def _checkin(**changes: object) -> dict[str, object]:
    payload: dict[str, object] = {
        "device_id": str(uuid.uuid4()),
        "desk": "Стойка 1",
        "operator": None,
        "scanned_at": "2026-03-02T07:00:00",
        "local_day": "2026-03-02",
        "method": "scanner",
        "raw_text": "SMM1.x",
        "participant_id": str(uuid.uuid4()),
        "badge_version": 1,
        "result": "admitted",
    }
    payload.update(changes)
    return payload


def test_limits_come_from_the_models() -> None:
    assert FIELD_LIMITS["organization"]["name"].max_length == 500
    assert max_length("participant", "surname") == 200
    assert FIELD_LIMITS["participant"]["entry_score"].kind == "float"
    # Locally derived columns are never replicated.
    assert "search_key" not in FIELD_LIMITS["participant"]


def test_a_well_formed_record_passes() -> None:
    assert validate_change("checkin", ID, _checkin()) is None
    assert validate_change("participant", ID, {"surname": "Иванова", "badge_version": 2}) is None
    assert validate_change("organization", ID, {"name": "НКО «Свет»", "region": None}) is None


@pytest.mark.parametrize(
    ("entity", "payload", "code"),
    [
        ("organization", {"name": "Ф" * 501}, "too_long"),
        ("participant", {"surname": 5}, "bad_type"),
        ("participant", {"surname": None}, "bad_type"),  # NOT NULL on both engines
        ("participant", {"walk_in": 1}, "bad_type"),  # an int is not a bool
        ("participant", {"badge_version": True}, "bad_type"),
        ("participant", {"badge_version": 2**31}, "out_of_range"),  # PostgreSQL INTEGER
        ("participant", {"entry_score": float("nan")}, "out_of_range"),
        ("participant", {"consent_date": "02.03.2026"}, "bad_type"),
        ("participant", {"stream_id": "not-a-uuid"}, "bad_type"),
        ("participant", {"gender": "robot"}, "bad_enum"),
        ("participant", {"surname": "Иван\u202eовa"}, "bidi"),
        ("participant", {"first_name": "Анна\u200b"}, "bidi"),
        ("participant", {"surname": "\ufeffПетров"}, "bidi"),
        ("participant", {"surname": "Пет\x00ров"}, "bad_char"),
        ("participant", {"notes": "a\x00b"}, "bad_char"),
        ("participant", {"search_key": "x"}, "unknown_field"),
        ("participant", {"clocks": {}}, "unknown_field"),
        ("participant", {"id": ID}, "unknown_field"),
        ("session", {"kind": "party"}, "bad_enum"),
        ("device", {"name": ["a"]}, "bad_type"),
    ],
)
def test_bad_values_are_refused(entity: str, payload: dict[str, object], code: str) -> None:
    assert validate_change(entity, ID, payload) == code


def test_insert_only_records_must_be_complete_and_well_formed() -> None:
    incomplete = _checkin()
    del incomplete["result"]
    assert validate_change("checkin", ID, incomplete) == "missing_field"
    assert validate_change("checkin", ID, _checkin(method="teleport")) == "bad_enum"
    assert validate_change("checkin", ID, _checkin(scanned_at="2026-03-02T07:00:00+03:00")) == (
        "bad_type"
    )
    assert validate_change("checkin", ID, "not a mapping") == "bad_type"  # type: ignore[arg-type]


@pytest.mark.parametrize("entity_id", ["", "x" * 36, ID.upper(), ID + " ", "1" * 40])
def test_bad_ids_are_refused(entity_id: str) -> None:
    assert validate_change("participant", entity_id, {"surname": "Иванова"}) == "bad_id"


def test_public_keys_are_named_by_a_short_key_id() -> None:
    assert validate_change("public_key", "a1b2c3d4", {"retired": True}) is None
    assert validate_change("public_key", "a1b2/../c3", {"retired": True}) == "bad_id"


def test_a_newer_versions_entity_is_left_to_apply() -> None:
    assert validate_change("future_thing", "anything", {"x": 1}) is None


def test_typed_text_loses_its_invisible_characters() -> None:
    assert strip_format_characters("Иван\u202eова\u200b\ufeff") == "Иванова"
    assert strip_format_characters("НКО «Свет»") == "НКО «Свет»"


def test_a_local_write_of_an_invalid_value_is_refused(tmp_path: object) -> None:
    from pathlib import Path

    from smm_event.storage.changes import record
    from smm_event.workspace import open_workspace

    assert isinstance(tmp_path, Path)
    ws = open_workspace(tmp_path / "ws.smm")
    with pytest.raises(UserError) as raised, ws.transaction() as session:
        record(session, "organization", uuid.uuid4(), {"name": "О" * 700})
    assert raised.value.code == "field_too_long"
    assert raised.value.params["limit"] == 500
    with pytest.raises(UserError) as raised, ws.transaction() as session:
        record(session, "organization", uuid.uuid4(), {"name": "Свет\u202e"})
    assert raised.value.code == "field_invalid"
