"""Editing people by hand: a fix is cleaned like an import and lands in the history (who, when,
which laptop, before and after); a withdrawn person leaves the expected counts, the session
rosters and eligibility, keeps their history, stays out on re-runs and can come back."""

from __future__ import annotations

import dataclasses

import pytest

from smm_event.domain.participants import ParticipantDraft, ParticipantInfo
from smm_event.errors import UserError
from smm_event.services import attendance, certificates, queries, streams
from smm_event.services.participant_edit import (
    add_participant,
    reinstate_participant,
    update_participant,
    withdraw_participant,
)
from smm_event.services.participant_history import participant_history
from smm_event.services.participants import get_participant, list_participants
from smm_event.workspace import Workspace


def draft_of(person: ParticipantInfo, **changes: object) -> ParticipantDraft:
    fields = {f.name: getattr(person, f.name) for f in dataclasses.fields(ParticipantDraft)}
    fields.update(changes)
    return ParticipantDraft(**fields)  # type: ignore[arg-type]


def first_of_stream(ws: Workspace, number: int) -> ParticipantInfo:
    return list_participants(ws, stream_number=number)[0]


def test_a_fixed_spelling_is_cleaned_saved_and_in_the_history(demo_workspace: Workspace) -> None:
    person = first_of_stream(demo_workspace, 1)
    fixed = update_participant(
        demo_workspace,
        person.id,
        draft_of(
            person, surname="  абакарова ", phone="8 (928) 000-11-22", organization="Новая НКО"
        ),
    )
    assert fixed.surname == "Абакарова" and fixed.phone == "+79280001122"
    assert fixed.organization == "Новая НКО"
    assert get_participant(demo_workspace, person.id) == fixed
    history = participant_history(demo_workspace, person.id)
    assert history[0].kind == "created"
    last = history[-1]
    assert last.kind == "changed" and last.device  # the laptop's name
    changed = {c.field: (c.before, c.after) for c in last.changes}
    assert changed["surname"] == (person.surname, "Абакарова")
    assert changed["phone"] == (person.phone, "+79280001122")
    assert changed["organization"] == (person.organization, "Новая НКО")


def test_an_unchanged_form_writes_nothing(demo_workspace: Workspace) -> None:
    person = first_of_stream(demo_workspace, 1)
    before = len(participant_history(demo_workspace, person.id))
    unsynced = queries.workspace_summary(demo_workspace).unsynced_changes
    update_participant(demo_workspace, person.id, draft_of(person))
    assert len(participant_history(demo_workspace, person.id)) == before
    assert queries.workspace_summary(demo_workspace).unsynced_changes == unsynced


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"surname": "  "}, "participant_name_required"),
        ({"phone": "12-34"}, "bad_phone"),
        ({"email": "нет почты"}, "bad_email"),
        ({"entry_score": 140.0}, "bad_score"),
        ({"gender": "x"}, "bad_gender"),
    ],
)
def test_bad_input_changes_nothing(
    demo_workspace: Workspace, changes: dict[str, object], code: str
) -> None:
    person = first_of_stream(demo_workspace, 1)
    with pytest.raises(UserError) as caught:
        update_participant(demo_workspace, person.id, draft_of(person, **changes))
    assert caught.value.code == code
    assert get_participant(demo_workspace, person.id) == person


def test_a_person_added_by_hand_is_on_the_roster(demo_workspace: Workspace) -> None:
    before = queries.workspace_summary(demo_workspace).participants
    added = add_participant(
        demo_workspace, ParticipantDraft("хетагуров", "коста", email="Kosta@Example.org")
    )
    assert (added.surname, added.first_name, added.email) == (
        "Хетагуров",
        "Коста",
        "kosta@example.org",
    )
    assert not added.walk_in
    assert queries.workspace_summary(demo_workspace).participants == before + 1


def test_a_withdrawn_person_leaves_the_expected_counts_and_keeps_the_history(
    demo_workspace: Workspace,
) -> None:
    person = first_of_stream(demo_workspace, 1)
    [first_session, *_] = attendance.find_sessions(demo_workspace, stream_number=1)
    roster_before = len(attendance.session_roster(demo_workspace, first_session.id).entries)
    summary_before = queries.workspace_summary(demo_workspace)
    eligible_before = {e.participant_id for e in certificates.eligibility(demo_workspace)}
    assert person.id in eligible_before
    with pytest.raises(UserError):
        withdraw_participant(demo_workspace, person.id, "   ")
    gone = withdraw_participant(demo_workspace, person.id, "заболела")
    assert gone.withdrawn and gone.withdrawal_reason == "заболела" and gone.stream_number is None
    roster = attendance.session_roster(demo_workspace, first_session.id)
    assert len(roster.entries) == roster_before - 1
    assert person.id not in {entry.participant.id for entry in roster.entries}
    summary = queries.workspace_summary(demo_workspace)
    assert summary.participants == summary_before.participants - 1
    assert summary.streams[0].size == summary_before.streams[0].size - 1
    assert person.id not in {e.participant_id for e in certificates.eligibility(demo_workspace)}
    assert person.id not in {p.id for p in list_participants(demo_workspace)}
    assert person.id in {p.id for p in list_participants(demo_workspace, include_withdrawn=True)}
    streams.assign_streams(demo_workspace)
    assert get_participant(demo_workspace, person.id).stream_number is None
    kinds = [entry.kind for entry in participant_history(demo_workspace, person.id)]
    assert kinds[0] == "created" and kinds[-1] == "withdrawn"
    back = reinstate_participant(demo_workspace, person.id)
    assert not back.withdrawn and not back.stream_locked
    streams.assign_streams(demo_workspace)
    assert get_participant(demo_workspace, person.id).stream_number is not None
    assert participant_history(demo_workspace, person.id)[-2].kind == "reinstated"
