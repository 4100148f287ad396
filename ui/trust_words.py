"""Russian words for what the core's trust and validation refusals name by code: entities,
fields, validation problems, quarantine reasons and roles. The core keeps codes and structured
details; a sentence shown to a person never carries «(participant, surname: bidi)»."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication


def entity_word(entity: str) -> str:
    """What a record of ``entity`` is about, as the object of «cannot change …»."""
    words = {
        "participant": QCoreApplication.translate("TrustWords", "the participants' data"),
        "session": QCoreApplication.translate("TrustWords", "the schedule"),
        "stream": QCoreApplication.translate("TrustWords", "the streams"),
        "stream_day": QCoreApplication.translate("TrustWords", "the streams' days"),
        "event": QCoreApplication.translate("TrustWords", "the event"),
        "organization": QCoreApplication.translate("TrustWords", "the organizations"),
        "attendance_mark": QCoreApplication.translate("TrustWords", "attendance marks"),
        "checkin": QCoreApplication.translate("TrustWords", "check-ins"),
        "checkin_annulment": QCoreApplication.translate("TrustWords", "annulled check-ins"),
        "badge_print": QCoreApplication.translate("TrustWords", "badge printing"),
        "certificate": QCoreApplication.translate("TrustWords", "certificates"),
        "certificate_void": QCoreApplication.translate("TrustWords", "cancelled certificates"),
        "certificate_number_block": QCoreApplication.translate("TrustWords", "certificate numbers"),
        "certificate_person": QCoreApplication.translate("TrustWords", "names on certificates"),
        "public_key": QCoreApplication.translate("TrustWords", "the badge keys"),
        "device": QCoreApplication.translate("TrustWords", "the laptops' names"),
        "station": QCoreApplication.translate("TrustWords", "the stations"),
        "selection_decision": QCoreApplication.translate("TrustWords", "the selection decisions"),
        "topic_score": QCoreApplication.translate("TrustWords", "test scores"),
        "survey_response": QCoreApplication.translate("TrustWords", "survey answers"),
        "reach_account": QCoreApplication.translate("TrustWords", "reach accounts"),
        "reach_measurement": QCoreApplication.translate("TrustWords", "reach measurements"),
    }
    return words.get(entity, QCoreApplication.translate("TrustWords", "other data"))


def problem_word(problem: str) -> str:
    """A validation problem (storage/validation.py codes), also as ``invalid_<code>``."""
    words = {
        "bidi": QCoreApplication.translate(
            "TrustWords", "characters that reverse the text direction"
        ),
        "bad_char": QCoreApplication.translate("TrustWords", "invisible or control characters"),
        "bad_type": QCoreApplication.translate("TrustWords", "a value of the wrong kind"),
        "too_long": QCoreApplication.translate("TrustWords", "a value that is too long"),
        "bad_enum": QCoreApplication.translate("TrustWords", "a value that is not allowed"),
        "bad_id": QCoreApplication.translate("TrustWords", "a damaged identifier"),
        "unknown_field": QCoreApplication.translate(
            "TrustWords", "a field this program does not know"
        ),
        "missing_field": QCoreApplication.translate("TrustWords", "a required field is missing"),
    }
    return words.get(
        problem.removeprefix("invalid_"),
        QCoreApplication.translate("TrustWords", "a value that is not allowed"),
    )


def reason_word(reason: str) -> str:
    """Why a received record was not applied (trust/verify.py reasons)."""
    if reason.startswith("invalid_"):
        return problem_word(reason)
    words = {
        "unknown_station": QCoreApplication.translate(
            "TrustWords", "the laptop is not an enrolled station"
        ),
        "revoked_station": QCoreApplication.translate("TrustWords", "the station was revoked"),
        "bad_signature": QCoreApplication.translate("TrustWords", "the signature does not match"),
        "chain_broken": QCoreApplication.translate(
            "TrustWords", "the records were changed after signing"
        ),
        "chain_gap": QCoreApplication.translate("TrustWords", "records are missing before these"),
        "not_allowed": QCoreApplication.translate(
            "TrustWords", "the station's role does not allow it"
        ),
        "bad_certificate": QCoreApplication.translate(
            "TrustWords", "the station's certificate is not valid"
        ),
        "clock_ahead": QCoreApplication.translate(
            "TrustWords", "stamped more than a day in the future"
        ),
    }
    return words.get(
        reason, QCoreApplication.translate("TrustWords", "the record could not be checked")
    )


def role_words(roles: str) -> str:
    """«desk trainer» as people read it."""
    names = {
        "organizer": QCoreApplication.translate("StationRoles", "organizer"),
        "desk": QCoreApplication.translate("StationRoles", "registration desk"),
        "trainer": QCoreApplication.translate("StationRoles", "trainer"),
        "registrar": QCoreApplication.translate("StationRoles", "certificate registrar"),
    }
    return ", ".join(names.get(role, role) for role in roles.split())


def readable_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """An error's parameters with entity, problem and roles codes in words (``field`` is left
    to ui.errors.field_label, which knows the forms' names)."""
    readable = dict(params)
    if "entity" in readable:
        readable["entity"] = entity_word(str(readable["entity"]))
    if "problem" in readable:
        readable["problem"] = problem_word(str(readable["problem"]))
    if "roles" in readable:
        readable["roles"] = role_words(str(readable["roles"]))
    return readable
