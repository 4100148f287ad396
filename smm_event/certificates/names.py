"""The review step for names in the dative case (pure).

The program suggests a dative form (smm_event.text.declension) and says when a person should
look at it. An operator confirms it or types the right form; the confirmation is kept together
with the nominative name and gender it was made for, so correcting the name itself later (a typo
in the roster, a gender filled in) sends the person back to review instead of printing a stale
form.
"""

from __future__ import annotations

import uuid

from smm_event.domain.certificates import NameReview
from smm_event.errors import UserError
from smm_event.text.declension import full_name_nominative, to_dative

MAX_NAME_LINE = 300


def confirmation_key(full_name: str, gender: str | None) -> str:
    return f"{full_name}|{(gender or '').strip().lower()}"


def review(
    participant_id: uuid.UUID,
    surname: str,
    first_name: str,
    patronymic: str | None,
    gender: str | None,
    confirmed_form: str | None,
    confirmed_for: str | None,
) -> NameReview:
    full_name = full_name_nominative(surname, first_name, patronymic)
    suggestion = to_dative(surname, first_name, patronymic, gender)
    current = confirmed_for == confirmation_key(full_name, gender)
    confirmed = bool(confirmed_form) and current
    stale = bool(confirmed_form) and not current
    return NameReview(
        participant_id=participant_id,
        full_name=full_name,
        gender=gender,
        suggested=suggestion.full,
        dative=confirmed_form if confirmed and confirmed_form else suggestion.full,
        confirmed=confirmed,
        stale=stale,
        needs_review=not confirmed and (suggestion.needs_review or stale),
        reasons=suggestion.reasons,
    )


def clean_name_line(text: str) -> str:
    """An operator's dative form: spaces normalised, never empty or absurdly long."""
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > MAX_NAME_LINE:
        raise UserError("bad_name_line", value=text)
    return cleaned
