"""A walk-in who is already on the roster is caught while the form is filled: by the name after
folding, the phone in another format, the e-mail, or the surname at the same organization."""

from __future__ import annotations

from smm_event.services import participants
from smm_event.services.walkins import matching_people
from smm_event.workspace import Workspace


def test_roster_people_are_offered_before_a_duplicate_is_made(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    person = next(p for p in participants.list_participants(ws) if p.phone and p.email)
    shouted = person.surname.upper().replace("Е", "Ё", 1)
    assert matching_people(ws, shouted, person.first_name.lower())[0].id == person.id
    assert person.phone is not None and person.phone.startswith("+7")
    typed_phone = (
        f"8 ({person.phone[2:5]}) {person.phone[5:8]}-{person.phone[8:10]}-{person.phone[10:]}"
    )
    assert [p.id for p in matching_people(ws, "", "", phone=typed_phone)] == [person.id]
    assert [p.id for p in matching_people(ws, email=f"  {person.email.upper()} ")] == [person.id]
    if person.organization:
        found = matching_people(ws, person.surname, "Другое", organization=person.organization)
        assert person.id in [p.id for p in found]


def test_a_new_person_matches_nobody(demo_workspace: Workspace) -> None:
    assert (
        matching_people(demo_workspace, "Несуществующая", "Персона", phone="+7 999 000-00-00") == ()
    )
    assert matching_people(demo_workspace, "", "") == ()
    assert matching_people(demo_workspace, "", "", phone="12") == ()  # too short to mean a phone
