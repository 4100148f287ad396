"""The needs-attention list after a sync: what offline laptops made visible, never dropped."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from smm_event.domain.sync import AttentionItem, AttentionKind
from smm_event.services import attendance, badges, checkin, keys, walkins
from smm_event.services import sync as sync_service
from smm_event.storage.models import Participant, StreamDay, TrainingSession
from smm_event.sync.attention import needs_attention
from smm_event.workspace import Workspace
from tests.sync.conftest import PASSPHRASE, Laptops, at, roster, stream_days, sync

pytestmark = pytest.mark.postgres


def _kinds(items: tuple[AttentionItem, ...], kind: AttentionKind) -> list[AttentionItem]:
    return [item for item in items if item.kind is kind]


def _token(organizer: Workspace, person: uuid.UUID) -> str:
    return badges.badge_token(organizer, person, keys.unlock_signing_key(organizer, PASSPHRASE))


def test_scans_of_replaced_badges(laptops: Laptops, postgres_url: str) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    early, known = roster(organizer)[1][:2]
    first_day = stream_days(organizer)[1][0]
    old_tokens = {person: _token(organizer, person) for person in (early, known)}
    # Admitted with version 1 before the reissue: fine, not listed.
    assert checkin.check_in_scan(desk, old_tokens[early], now=at(first_day, 8, 0)).admitted
    sync(desk, postgres_url)
    sync(organizer, postgres_url)
    for person in (early, known):
        badges.reissue_badge(organizer, person)
    sync(organizer, postgres_url)
    sync(desk, postgres_url)  # the desk knows the reissues: the old badge is refused
    refused = checkin.check_in_scan(desk, old_tokens[known], now=at(first_day, 9, 5))
    assert refused.result.value == "badge_replaced"
    sync(desk, postgres_url)
    sync(organizer, postgres_url)
    items = sync_service.attention_list(organizer)
    assert _kinds(items, AttentionKind.ADMITTED_WITH_REPLACED_BADGE) == []
    scanned = _kinds(items, AttentionKind.REPLACED_BADGE_SCANNED)
    assert [i.participant_id for i in scanned] == [known]
    assert scanned[0].device_names == ("Стойка 1",)


def test_offline_desk_admitting_an_old_badge_is_listed(laptops: Laptops, postgres_url: str) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    person = roster(organizer)[1][5]
    old = _token(organizer, person)
    badges.reissue_badge(organizer, person)  # not yet synced: the desk cannot know
    assert checkin.check_in_scan(desk, old, now=at(stream_days(desk)[1][0])).admitted
    for ws in (organizer, desk, organizer):
        sync(ws, postgres_url)
    items = _kinds(
        sync_service.attention_list(organizer), AttentionKind.ADMITTED_WITH_REPLACED_BADGE
    )
    assert [
        (i.participant_id, i.details["badge_version"], i.details["current_version"]) for i in items
    ] == [(person, 1, 2)]
    assert sync_service.attention_list(desk) == sync_service.attention_list(organizer)


def test_walk_ins_that_may_already_be_on_the_roster(laptops: Laptops, postgres_url: str) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 2")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    first_day = stream_days(organizer)[1][0]
    with organizer.reading() as session:
        people = list(
            session.scalars(select(Participant).where(Participant.phone.is_not(None)).limit(3))
        )
    by_phone, by_name, by_email = people
    digits = "".join(ch for ch in by_phone.phone or "" if ch.isdigit())[-10:]
    walkins.register_walk_in(
        desk,
        "Новикова",
        "Ольга",
        phone=f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:]}",
        now=at(first_day),
    )
    walkins.register_walk_in(
        desk, by_name.surname.upper().replace("Ё", "Е"), by_name.first_name, now=at(first_day)
    )
    walkins.register_walk_in(
        desk, "Иное", "Лицо", email=(by_email.email or "").upper(), now=at(first_day)
    )
    walkins.register_walk_in(desk, "Совсем", "Новый", phone="+79990001122", now=at(first_day))
    sync(desk, postgres_url)
    sync(organizer, postgres_url)
    found = _kinds(sync_service.attention_list(organizer), AttentionKind.POSSIBLE_DUPLICATE_WALK_IN)
    matches = {(i.details["other_participant_id"], tuple(i.details["matched_by"])) for i in found}
    assert (by_phone.id, ("phone",)) in matches
    assert (by_name.id, ("name",)) in matches
    assert (by_email.id, ("email",)) in matches
    assert len(found) == 3


def test_marks_set_differently_on_two_laptops(laptops: Laptops, postgres_url: str) -> None:
    organizer, trainer = laptops.organizer(), laptops.empty("Тренер")
    sync(organizer, postgres_url)
    sync(trainer, postgres_url)
    first_day = stream_days(organizer)[1][0]
    with organizer.reading() as session:
        session_id = session.scalars(
            select(TrainingSession.id)
            .join(StreamDay, StreamDay.id == TrainingSession.stream_day_id)
            .where(StreamDay.day == first_day)
            .order_by(TrainingSession.starts_at)
        ).first()
    people = roster(organizer)[1]
    now = at(first_day, 11)
    attendance.mark(organizer, session_id, people[0], "present", now=now)
    attendance.mark(trainer, session_id, people[0], "absent", now=now)  # a real conflict
    attendance.mark(organizer, session_id, people[1], "late", now=now)
    attendance.mark(trainer, session_id, people[1], "late", now=now)  # agree: nothing to show
    attendance.mark(organizer, session_id, people[2], "absent", source="close", now=now)
    attendance.mark(trainer, session_id, people[2], "present", now=dt.datetime.now())  # overrides
    for ws in (organizer, trainer, organizer):
        sync(ws, postgres_url)
    found = _kinds(sync_service.attention_list(trainer), AttentionKind.CONFLICTING_MARKS)
    assert [i.participant_id for i in found] == [people[0]]
    assert set(found[0].details["statuses"].values()) == {"present", "absent"}
    assert set(found[0].device_names) == {"Организатор", "Тренер"}


def test_the_list_is_the_same_on_central(laptops: Laptops, postgres_url: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    person, first_day = roster(organizer)[1][0], stream_days(organizer)[1][0]
    checkin.check_in_manual(organizer, person, now=at(first_day, 8))
    checkin.check_in_manual(desk, person, now=at(first_day, 8, 5))
    for ws in (organizer, desk, organizer):
        sync(ws, postgres_url)
    engine = create_engine(postgres_url)
    try:
        with Session(engine) as session:
            on_central = needs_attention(session)
    finally:
        engine.dispose()
    local = sync_service.attention_list(organizer)
    assert (
        [i.kind for i in on_central]
        == [i.kind for i in local]
        == [AttentionKind.DUPLICATE_ADMISSION]
    )
    assert on_central[0].participant_id == person and len(on_central[0].record_ids) == 2
