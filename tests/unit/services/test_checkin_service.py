"""Check-in services on the demo workspace: every scan logged durably, repeats, counts,
walk-ins, reprints, the clock warning, and caches that notice changes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from smm_event.badges import SigningKey, make_token
from smm_event.domain.checkin import CheckinMethod, CheckinResult, ClockIssue
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.services import checkin as checkin_service
from smm_event.services import keys, participants
from smm_event.services.checkin import (
    check_in_manual,
    check_in_scan,
    clock_warning,
    desk_counts,
    event_today,
    list_scans,
    recent_scans,
)
from smm_event.services.walkins import register_walk_in, reprint_at_desk
from smm_event.storage import changes
from smm_event.storage.event_context import child_id, current_event
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Checkin, Participant
from smm_event.workspace import Workspace, open_workspace
from tests.conftest import DEMO_FIRST_DAY

PASSPHRASE = "desk passphrase 1"

pytestmark = pytest.mark.usefixtures("cheap_scrypt")
# 09:30 at the venue (UTC+3) on stream 1's first day, and its next day.
MORNING = dt.datetime(2026, 5, 12, 6, 30)
NEXT_DAY = MORNING + dt.timedelta(days=1)
SUNDAY = dt.datetime(2026, 5, 17, 7, 0)  # between stream 1 and stream 2: nobody meets
RUSSIAN_LAYOUT = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM:", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ")


@pytest.fixture
def ws(demo_workspace: Workspace) -> Workspace:
    keys.init_keys(demo_workspace, PASSPHRASE)
    return demo_workspace


@pytest.fixture
def key(ws: Workspace) -> SigningKey:
    return keys.unlock_signing_key(ws, PASSPHRASE)


@pytest.fixture
def badge(ws: Workspace, key: SigningKey) -> Callable[[ParticipantInfo], str]:
    with ws.reading() as session:
        event_id = current_event(session).id
    return lambda person: make_token(key, event_id, person.id, person.badge_version)


def stream(ws: Workspace, number: int) -> tuple[ParticipantInfo, ...]:
    return participants.list_participants(ws, stream_number=number)


def checkin_rows(path: Any) -> list[Checkin]:
    """Read back through a fresh connection: what another process would find on disk."""
    with open_workspace(path) as other, other.reading() as session:
        return list(session.scalars(select(Checkin).order_by(Checkin.scanned_at)))


def test_admitted_scan_is_logged_with_everything_the_log_needs(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    person = stream(ws, 1)[0]
    outcome = check_in_scan(ws, badge(person), desk="Стойка 1", operator="Анна", now=MORNING)
    assert outcome.result is CheckinResult.ADMITTED and outcome.admitted
    assert outcome.participant is not None and outcome.participant.id == person.id
    assert outcome.participant_name == person.full_name
    assert outcome.participant.organization == person.organization
    assert outcome.stream_number == 1 and outcome.today_streams == (1,)
    assert outcome.scanned_at.hour == 9 and outcome.scanned_at.utcoffset() == dt.timedelta(hours=3)
    [row] = checkin_rows(ws.path)
    assert row.id == outcome.checkin_id
    assert (row.result, row.method, row.desk, row.operator) == (
        "admitted",
        "scanner",
        "Стойка 1",
        "Анна",
    )
    assert row.raw_text == badge(person) and row.participant_id == person.id
    assert row.device_id == ws.device_id and row.scanned_at == MORNING
    assert row.local_day == DEMO_FIRST_DAY and row.badge_version == 1
    with ws.reading() as session:
        logged = session.scalar(
            select(func.count())
            .select_from(ChangeRecord)
            .where(ChangeRecord.entity == "checkin", ChangeRecord.entity_id == str(row.id))
        )
    assert logged == 1  # replicated through the change log like every other write


def test_repeat_is_amber_with_the_first_time_and_desk(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    person = stream(ws, 1)[1]
    check_in_scan(ws, badge(person), desk="Стойка 1", now=MORNING)
    repeat = check_in_scan(
        ws, badge(person), desk="Стойка 2", now=MORNING + dt.timedelta(minutes=12)
    )
    assert repeat.result is CheckinResult.ALREADY_CHECKED_IN and not repeat.result.refused
    assert repeat.first_checkin is not None
    assert repeat.first_checkin.desk == "Стойка 1"
    assert repeat.first_checkin.at == dt.datetime(
        2026, 5, 12, 9, 30, tzinfo=repeat.scanned_at.tzinfo
    )
    assert check_in_scan(ws, badge(person), now=NEXT_DAY).result is CheckinResult.ADMITTED
    assert [row.result for row in checkin_rows(ws.path)] == [
        "admitted",
        "already_checked_in",
        "admitted",
    ]


def test_refusals_are_logged_too(ws: Workspace, badge: Callable[[ParticipantInfo], str]) -> None:
    person = stream(ws, 1)[2]
    token = badge(person)
    forged = token[:50] + ("Q" if token[50] != "Q" else "R") + token[51:]
    outcomes = [
        check_in_scan(ws, forged, now=MORNING),
        check_in_scan(ws, "garbage from a misconfigured scanner", now=MORNING),
        check_in_scan(ws, badge(stream(ws, 2)[0]), now=MORNING),
        check_in_scan(ws, token, now=SUNDAY),
    ]
    assert [o.result for o in outcomes] == [
        CheckinResult.FORGED_OR_UNREADABLE,
        CheckinResult.FORGED_OR_UNREADABLE,
        CheckinResult.WRONG_STREAM_DAY,
        CheckinResult.NO_SESSION_TODAY,
    ]
    assert outcomes[2].stream_number == 2 and len(outcomes[2].stream_days) == 4
    assert outcomes[2].stream_days[0] > DEMO_FIRST_DAY
    rows = checkin_rows(ws.path)
    assert len(rows) == 4
    assert {row.raw_text for row in rows} >= {forged, "garbage from a misconfigured scanner"}
    assert all(row.result != "admitted" for row in rows)


def test_russian_layout_scan_is_admitted_and_logged_as_typed(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    person = stream(ws, 1)[3]
    typed = badge(person).translate(RUSSIAN_LAYOUT)
    outcome = check_in_scan(ws, typed, now=MORNING)
    assert outcome.result is CheckinResult.ADMITTED
    assert checkin_rows(ws.path)[0].raw_text == typed


def test_manual_check_in_uses_the_same_rules(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    person = stream(ws, 1)[4]
    outcome = check_in_manual(ws, str(person.id), desk="Стойка 2", now=MORNING)
    assert outcome.result is CheckinResult.ADMITTED and outcome.method is CheckinMethod.MANUAL
    assert check_in_scan(ws, badge(person), now=MORNING).result is (
        CheckinResult.ALREADY_CHECKED_IN
    )
    other = check_in_manual(ws, stream(ws, 3)[0].id, now=MORNING)
    assert other.result is CheckinResult.WRONG_STREAM_DAY
    rows = checkin_rows(ws.path)
    assert rows[0].method == "manual" and rows[0].raw_text is None
    with pytest.raises(UserError) as error:
        check_in_manual(ws, "not-an-id", now=MORNING)
    assert error.value.code == "bad_participant_id"


def test_desk_defaults_to_the_laptops_name(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    outcome = check_in_scan(ws, badge(stream(ws, 1)[5]), now=MORNING)
    assert outcome.desk == "Организатор (демо)"


def test_attendance_hook_runs_for_admissions_only_and_cannot_lose_a_check_in(
    ws: Workspace, badge: Callable[[ParticipantInfo], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[uuid.UUID, dt.datetime]] = []

    def hook(
        session: Any, participant_id: uuid.UUID, scanned_at: dt.datetime, operator: str | None
    ) -> None:
        calls.append((participant_id, scanned_at))
        changes.record(session, "device", uuid.uuid4(), {"name": "written by the hook"})
        if len(calls) == 2:
            raise RuntimeError("attendance bug")

    monkeypatch.setattr(checkin_service, "on_admitted", hook)
    first, second = stream(ws, 1)[6:8]
    check_in_scan(ws, badge(first), now=MORNING)
    check_in_scan(ws, badge(first), now=MORNING)  # a repeat: no hook
    outcome = check_in_scan(ws, badge(second), now=MORNING)  # the hook fails
    assert calls == [(first.id, MORNING), (second.id, MORNING)]
    assert outcome.result is CheckinResult.ADMITTED
    assert [row.participant_id for row in checkin_rows(ws.path)] == [first.id, first.id, second.id]
    with ws.reading() as session:
        from smm_event.storage.models import Device

        hook_rows = session.scalars(select(Device).where(Device.name == "written by the hook"))
        assert len(list(hook_rows)) == 1  # the failed hook's write was rolled back alone


def test_real_attendance_hook_marks_the_first_session_in_the_same_transaction(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    from smm_event.storage.models import AttendanceMark

    person = stream(ws, 1)[8]
    check_in_scan(ws, badge(person), now=MORNING)
    with ws.reading() as session:
        marks = session.scalars(
            select(AttendanceMark).where(AttendanceMark.participant_id == person.id)
        ).all()
    assert len(marks) == 1


def test_new_key_and_new_stream_day_are_seen_at_the_next_scan(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    person = stream(ws, 2)[0]
    assert check_in_scan(ws, badge(person), now=MORNING).result is CheckinResult.WRONG_STREAM_DAY
    with ws.transaction() as session:
        stream_2 = session.get_one(Participant, person.id).stream_id
        assert stream_2 is not None
        day_id = child_id(stream_2, "day:extra")
        changes.record(
            session, "stream_day", day_id, {"stream_id": stream_2, "day": DEMO_FIRST_DAY}
        )
    new_key = keys.rotate_keys(ws, PASSPHRASE)
    fresh = keys.unlock_signing_key(ws, PASSPHRASE)
    assert fresh.key_id == new_key.key_id
    with ws.reading() as session:
        token = make_token(fresh, current_event(session).id, person.id, 1)
    outcome = check_in_scan(ws, token, now=MORNING)
    assert outcome.result is CheckinResult.ADMITTED
    assert outcome.today_streams == (1, 2)


def test_counts_by_desk_and_who_has_not_arrived(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    people = stream(ws, 1)
    for index, person in enumerate(people[:5]):
        desk = "Стойка 1" if index < 3 else "Стойка 2"
        check_in_scan(ws, badge(person), desk=desk, now=MORNING + dt.timedelta(minutes=index))
    check_in_scan(ws, badge(people[0]), desk="Стойка 2", now=MORNING + dt.timedelta(hours=1))
    check_in_scan(ws, badge(stream(ws, 2)[0]), desk="Стойка 2", now=MORNING)  # refused
    check_in_scan(ws, badge(people[9]), desk="Стойка 1", now=NEXT_DAY)  # another day
    counts = desk_counts(ws, DEMO_FIRST_DAY, desk="Стойка 2")
    assert (counts.arrived, counts.expected) == (5, 70)
    assert [(s.number, s.expected, s.arrived) for s in counts.streams] == [(1, 70, 5)]
    assert [(d.desk, d.arrived) for d in counts.by_desk] == [("Стойка 1", 3), ("Стойка 2", 2)]
    assert counts.arrived_at_desk == 2
    missing = {p.participant_id for p in counts.not_arrived}
    assert len(missing) == 65 and people[0].id not in missing and people[9].id in missing
    assert [p.full_name for p in counts.not_arrived] == [p.full_name for p in people[5:]]
    assert desk_counts(ws, now=NEXT_DAY).arrived == 1
    sunday = desk_counts(ws, SUNDAY.date())
    assert sunday.streams == () and sunday.expected == 0 and sunday.not_arrived == ()


def test_recent_and_listed_scans(ws: Workspace, badge: Callable[[ParticipantInfo], str]) -> None:
    people = stream(ws, 1)
    for minute, person in enumerate(people[:3]):
        check_in_scan(
            ws, badge(person), desk="Стойка 1", now=MORNING + dt.timedelta(minutes=minute)
        )
    check_in_scan(ws, "junk-code", desk="Стойка 1", now=MORNING + dt.timedelta(minutes=5))
    check_in_scan(ws, badge(people[3]), now=NEXT_DAY)
    recent = recent_scans(ws, limit=3, now=MORNING)
    assert [r.result for r in recent] == ["forged_or_unreadable", "admitted", "admitted"]
    assert recent[0].participant_name is None and recent[0].raw_text == "junk-code"
    assert recent[1].participant_name == people[2].full_name and recent[1].stream_number == 1
    assert recent[1].device_name == "Организатор (демо)"
    day = list_scans(ws, DEMO_FIRST_DAY)
    assert [r.participant_id for r in day[:3]] == [p.id for p in people[:3]]
    assert len(day) == 4 and len(list_scans(ws, NEXT_DAY.date())) == 1
    assert event_today(ws, dt.datetime(2026, 5, 11, 22, 0)) == DEMO_FIRST_DAY


def test_clock_warning_outside_the_event_dates(ws: Workspace) -> None:
    assert clock_warning(ws, MORNING) is None
    before = clock_warning(ws, dt.datetime(2026, 5, 1, 9))
    assert before is not None and before.issue is ClockIssue.BEFORE_EVENT
    assert before.starts_on == DEMO_FIRST_DAY
    after = clock_warning(ws, dt.datetime(2027, 1, 1, 9))
    assert after is not None and after.issue is ClockIssue.AFTER_EVENT


def test_walk_in_joins_todays_stream_flagged_and_checked_in(ws: Workspace) -> None:
    outcome = register_walk_in(
        ws,
        "  петросян ",
        "Анна",
        "-",
        organization="АНО «Новая инициатива»",
        phone="8 (928) 111-22-33",
        desk="Стойка 3",
        now=MORNING,
    )
    person = outcome.participant
    assert (person.surname, person.first_name, person.patronymic) == ("Петросян", "Анна", None)
    assert person.walk_in and person.stream_number == 1 and person.stream_locked
    assert person.phone == "+79281112233" and person.organization == "АНО «Новая инициатива»"
    assert outcome.checkin.result is CheckinResult.ADMITTED
    assert outcome.checkin.method is CheckinMethod.WALK_IN
    assert participants.list_participants(ws, search="петрос")[0].id == person.id
    again = register_walk_in(
        ws, "Петросян", "Арам", organization="ано «новая инициатива»", now=MORNING
    )
    assert again.participant.organization == "АНО «Новая инициатива»"  # the same NGO row
    assert desk_counts(ws, DEMO_FIRST_DAY).expected == 72
    assert check_in_manual(ws, person.id, now=MORNING).result is CheckinResult.ALREADY_CHECKED_IN


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"surname": " ", "first_name": "Анна"}, "walk_in_name_required"),
        ({"surname": "Ли", "first_name": "Анна", "phone": "12"}, "bad_phone"),
        ({"surname": "Ли", "first_name": "Анна", "email": "no-at-sign"}, "bad_email"),
        ({"surname": "Ли", "first_name": "Анна", "now": SUNDAY}, "no_session_today"),
        ({"surname": "Ли", "first_name": "Анна", "stream_number": 2}, "stream_not_today"),
    ],
)
def test_walk_in_mistakes_change_nothing(ws: Workspace, kwargs: dict[str, Any], code: str) -> None:
    arguments: dict[str, Any] = {"now": MORNING, **kwargs}
    before = len(participants.list_participants(ws))
    with pytest.raises(UserError) as error:
        register_walk_in(ws, **arguments)
    assert error.value.code == code
    assert checkin_rows(ws.path) == []
    assert len(participants.list_participants(ws)) == before


def test_reprint_replaces_the_old_badge(
    ws: Workspace, badge: Callable[[ParticipantInfo], str], key: SigningKey
) -> None:
    person = stream(ws, 1)[10]
    old = badge(person)
    pdf = reprint_at_desk(ws, person.id, PASSPHRASE)
    assert pdf.startswith(b"%PDF")
    assert check_in_scan(ws, old, now=MORNING).result is CheckinResult.BADGE_REPLACED
    renewed = participants.get_participant(ws, person.id)
    assert renewed.badge_version == 2
    assert check_in_scan(ws, badge(renewed), now=MORNING).result is CheckinResult.ADMITTED


def test_reprint_with_a_wrong_passphrase_keeps_the_old_badge(
    ws: Workspace, badge: Callable[[ParticipantInfo], str]
) -> None:
    person = stream(ws, 1)[11]
    with pytest.raises(UserError) as error:
        reprint_at_desk(ws, person.id, "wrong passphrase")
    assert error.value.code == "wrong_passphrase"
    assert participants.get_participant(ws, person.id).badge_version == 1
    assert check_in_scan(ws, badge(person), now=MORNING).result is CheckinResult.ADMITTED


def test_reprint_with_the_sessions_key_needs_no_passphrase(
    ws: Workspace, badge: Callable[[ParticipantInfo], str], key: SigningKey
) -> None:
    person = stream(ws, 1)[12]
    assert reprint_at_desk(ws, person.id, key).startswith(b"%PDF")
    assert participants.get_participant(ws, person.id).badge_version == 2


def test_reprint_with_a_key_retired_since_it_was_unlocked_keeps_the_old_badge(
    ws: Workspace, badge: Callable[[ParticipantInfo], str], key: SigningKey
) -> None:
    person = stream(ws, 1)[13]
    keys.rotate_keys(ws, PASSPHRASE, retire_old=True)
    with pytest.raises(UserError) as error:
        reprint_at_desk(ws, person.id, key)
    assert error.value.code == "signing_key_retired"
    assert participants.get_participant(ws, person.id).badge_version == 1


def test_reprint_on_a_laptop_without_the_signing_key(demo_workspace: Workspace) -> None:
    person = stream(demo_workspace, 1)[0]
    with pytest.raises(UserError) as error:
        reprint_at_desk(demo_workspace, person.id, PASSPHRASE)
    assert error.value.code == "no_signing_key"
    assert participants.get_participant(demo_workspace, person.id).badge_version == 1


def test_scan_on_a_workspace_without_an_event(empty_workspace: Workspace) -> None:
    with pytest.raises(UserError) as error:
        check_in_scan(empty_workspace, "SMM1:ABC", now=MORNING)
    assert error.value.code == "no_event"
    with empty_workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(Checkin)) == 0
