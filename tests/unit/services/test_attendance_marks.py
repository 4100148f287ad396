"""Marking on the demo workspace: rules, the audit trail, closing, scans, the desk hook, sync."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from smm_event.badges import keys as badge_keys
from smm_event.badges.token import make_token
from smm_event.domain.attendance import (
    AttendanceStatus,
    DeskMarkOutcome,
    MarkSource,
    ScanOutcome,
)
from smm_event.domain.badges import TokenResult
from smm_event.domain.checkin import CheckinMethod, CheckinResult
from smm_event.domain.event import SessionInfo
from smm_event.errors import UserError
from smm_event.services import attendance, keys
from smm_event.services.attendance_hooks import on_admitted
from smm_event.services.checkin import list_scans
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import AttendanceMark
from smm_event.workspace import Workspace, open_workspace
from tests.conftest import DEMO_FIRST_DAY

P, L, A, E = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)
# 2026-05-12 in Moscow (UTC+3): stream 1's first session starts 10:00 = 07:00 UTC.
FIRST_START_UTC = dt.datetime(2026, 5, 12, 7, 0)


def _first_day(ws: Workspace, stream: int = 1) -> tuple[SessionInfo, ...]:
    return attendance.find_sessions(ws, stream, DEMO_FIRST_DAY)


def _people(ws: Workspace, session: SessionInfo) -> list[uuid.UUID]:
    return [entry.participant.id for entry in attendance.session_roster(ws, session.id).entries]


def test_mark_writes_a_version_whose_hlc_is_its_changes_stamp(demo_workspace: Workspace) -> None:
    session = _first_day(demo_workspace)[0]
    person = _people(demo_workspace, session)[0]
    info = attendance.mark(
        demo_workspace, session.id, person, "late", note="автобус", operator="Ирина"
    )
    assert (info.status, info.note, info.source, info.operator) == (L, "автобус", "click", "Ирина")
    assert info.device_name == "Организатор (демо)"
    with demo_workspace.reading() as db:
        change = db.scalars(
            select(ChangeRecord).where(ChangeRecord.entity_id == str(info.id))
        ).one()
        row = db.get_one(AttendanceMark, info.id)
    assert row.hlc == change.hlc == info.hlc
    assert "hlc" not in change.payload  # the stamp is the change's own, not a payload field


def test_roster_is_the_sessions_stream_sorted_by_surname_with_current_marks(
    demo_workspace: Workspace,
) -> None:
    session = _first_day(demo_workspace)[0]
    roster = attendance.session_roster(demo_workspace, session.id)
    assert len(roster.entries) == 70
    assert {e.participant.stream_number for e in roster.entries} == {1}
    surnames = [e.participant.surname.replace("ё", "е") for e in roster.entries]
    assert surnames == sorted(surnames)
    attendance.mark(demo_workspace, session.id, roster.entries[5].participant.id, "present")
    roster = attendance.session_roster(demo_workspace, session.id)
    assert roster.entries[5].status is P
    assert roster.counts == {"present": 1, "late": 0, "absent": 0, "excused": 0, "unmarked": 69}
    assert roster.late_after == session.starts_at + dt.timedelta(minutes=10)


def test_audit_trail_keeps_every_version_with_what_it_was_before(demo_workspace: Workspace) -> None:
    session = _first_day(demo_workspace)[0]
    person = _people(demo_workspace, session)[1]
    attendance.mark(demo_workspace, session.id, person, "absent", source=MarkSource.KEYBOARD)
    attendance.mark(demo_workspace, session.id, person, "late", note="пришёл к 10:40")
    attendance.mark(demo_workspace, session.id, person, "late")  # same: nothing written
    last = attendance.mark(demo_workspace, session.id, person, "excused")
    history = attendance.mark_history(demo_workspace, session.id, person)
    assert [(m.status, m.previous_status) for m in history] == [(A, None), (L, A), (E, L)]
    assert [m.source for m in history] == ["keyboard", "click", "click"]
    assert history[-1].note == "пришёл к 10:40"  # a status click keeps the note
    assert history[-1] == last
    assert [m.hlc for m in history] == sorted(m.hlc for m in history)
    cleared = attendance.mark(demo_workspace, session.id, person, "excused", note="")
    assert cleared.note is None and cleared.previous_status is E


def test_a_person_of_another_stream_cannot_be_marked(demo_workspace: Workspace) -> None:
    session = _first_day(demo_workspace)[0]
    stranger = _people(demo_workspace, attendance.find_sessions(demo_workspace, 2)[0])[0]
    with pytest.raises(UserError) as error:
        attendance.mark(demo_workspace, session.id, stranger, "present")
    assert error.value.code == "not_in_stream"


@pytest.mark.parametrize(
    ("session_id", "participant", "status", "code"),
    [
        ("not-a-uuid", None, "present", "bad_session_id"),
        (str(uuid.uuid4()), None, "present", "session_not_found"),
        (None, str(uuid.uuid4()), "present", "participant_not_found"),
        (None, None, "ill", "bad_status"),
    ],
)
def test_mark_errors_have_codes(
    demo_workspace: Workspace, session_id, participant, status, code
) -> None:  # type: ignore[no-untyped-def]
    session = _first_day(demo_workspace)[0]
    person = participant or _people(demo_workspace, session)[0]
    with pytest.raises(UserError) as error:
        attendance.mark(demo_workspace, session_id or session.id, person, status)
    assert error.value.code == code


def test_close_marks_the_unmarked_absent_and_refuses_marks_until_reopened(
    demo_workspace: Workspace,
) -> None:
    session = _first_day(demo_workspace)[0]
    people = _people(demo_workspace, session)
    attendance.mark(demo_workspace, session.id, people[0], "present")
    attendance.mark(demo_workspace, session.id, people[1], "excused")
    result = attendance.close_session(
        demo_workspace, session.id, mark_unmarked_absent=True, operator="Ирина"
    )
    assert (result.closed, result.marked_absent) == (True, 68)
    roster = attendance.session_roster(demo_workspace, session.id)
    assert roster.session.closed
    assert roster.counts == {"present": 1, "late": 0, "absent": 68, "excused": 1, "unmarked": 0}
    assert {e.mark.source for e in roster.entries[2:] if e.mark} == {"close"}
    with pytest.raises(UserError) as error:
        attendance.mark(demo_workspace, session.id, people[2], "present")
    assert error.value.code == "session_closed"
    attendance.reopen_session(demo_workspace, session.id)
    assert attendance.mark(demo_workspace, session.id, people[2], "late").previous_status is A
    again = attendance.close_session(demo_workspace, session.id, mark_unmarked_absent=True)
    assert again.marked_absent == 0


def test_close_without_mark_absent_leaves_people_unmarked(demo_workspace: Workspace) -> None:
    session = _first_day(demo_workspace)[1]
    result = attendance.close_session(demo_workspace, session.id, mark_unmarked_absent=False)
    assert result.marked_absent == 0
    assert attendance.session_roster(demo_workspace, session.id).counts["unmarked"] == 70


def test_participant_attendance_follows_the_rule_on_the_demo(demo_workspace: Workspace) -> None:
    sessions = _first_day(demo_workspace)  # four sessions on the first day
    person = _people(demo_workspace, sessions[0])[3]
    for session, status in zip(sessions, ("present", "late", "excused", "absent"), strict=True):
        attendance.mark(demo_workspace, session.id, person, status)
    evening = dt.datetime(2026, 5, 12, 16, 0)  # 19:00 Moscow: the first day is over
    summary = attendance.participant_attendance(demo_workspace, person, now=evening)
    assert (summary.attended, summary.expected, summary.percent) == (1.5, 3, 50.0)
    assert (summary.held, summary.planned, summary.unmarked) == (4, 16, 0)
    assert attendance.all_attendance(demo_workspace, now=evening)[person] == summary
    matrix = attendance.attendance_matrix(demo_workspace, 1, now=evening)
    row = next(r for r in matrix.rows if r.participant.id == person)
    assert row.cells[:4] == (P, L, E, A) and row.summary == summary


def test_weights_and_grace_are_per_event_settings(demo_workspace: Workspace) -> None:
    settings = attendance.get_settings(demo_workspace)
    changed = dataclasses.replace(settings, grace_minutes=25, weights={**settings.weights, L: 0.75})
    attendance.save_settings(demo_workspace, changed)
    assert attendance.get_settings(demo_workspace) == changed
    with demo_workspace.reading() as db:
        assert current_event(db).settings["grant"]  # the rest of the event settings survive
    session = _first_day(demo_workspace)[0]
    person = _people(demo_workspace, session)[0]
    attendance.mark(demo_workspace, session.id, person, "late")
    summary = attendance.participant_attendance(demo_workspace, person, now=FIRST_START_UTC)
    assert summary.percent == 75.0


@pytest.fixture
def signing_key(
    demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> badge_keys.SigningKey:
    monkeypatch.setattr(badge_keys, "_SCRYPT_LOG2_N", 10)
    keys.init_keys(demo_workspace, "длинная фраза-пароль")
    return keys.unlock_signing_key(demo_workspace, "длинная фраза-пароль")


def _token(ws: Workspace, key: badge_keys.SigningKey, person: uuid.UUID, version: int = 1) -> str:
    with ws.reading() as db:
        return make_token(key, current_event(db).id, person, version)


def test_scan_marks_present_then_late_after_the_grace_period(
    demo_workspace: Workspace, signing_key: badge_keys.SigningKey
) -> None:
    session = _first_day(demo_workspace)[0]
    early, late = _people(demo_workspace, session)[:2]
    on_time = attendance.mark_by_scan(
        demo_workspace,
        session.id,
        _token(demo_workspace, signing_key, early),
        now=FIRST_START_UTC + dt.timedelta(minutes=10),
    )
    assert (on_time.outcome, on_time.mark and on_time.mark.status) == (ScanOutcome.MARKED, P)
    assert on_time.mark is not None and on_time.mark.source == "scan"
    after = attendance.mark_by_scan(
        demo_workspace,
        session.id,
        _token(demo_workspace, signing_key, late),
        now=FIRST_START_UTC + dt.timedelta(minutes=11),
    )
    assert after.mark is not None and after.mark.status is L
    again = attendance.mark_by_scan(
        demo_workspace,
        session.id,
        _token(demo_workspace, signing_key, early),
        now=FIRST_START_UTC + dt.timedelta(minutes=40),
    )
    assert again.outcome is ScanOutcome.ALREADY_MARKED and again.mark is not None
    assert again.mark.status is P
    assert len(attendance.mark_history(demo_workspace, session.id, early)) == 1


def test_scan_overrides_an_absent_mark_and_undoes_a_russian_keyboard_layout(
    demo_workspace: Workspace, signing_key: badge_keys.SigningKey
) -> None:
    session = _first_day(demo_workspace)[0]
    person = _people(demo_workspace, session)[2]
    attendance.mark(demo_workspace, session.id, person, "absent", note="не пришёл")
    token = _token(demo_workspace, signing_key, person)
    russian = token.translate(
        str.maketrans("SMABCDEFGHIJKLNOPQRTUVWXYZ:", "ЫЬФИСВУАПРШОЛДТЩЗЙКЕГМЦЧНЯЖ")
    )
    result = attendance.mark_by_scan(demo_workspace, session.id, russian, now=FIRST_START_UTC)
    assert result.outcome is ScanOutcome.MARKED
    assert result.mark is not None and (result.mark.status, result.mark.previous_status) == (P, A)


def test_scan_refuses_bad_badges_other_streams_and_closed_sessions(
    demo_workspace: Workspace, signing_key: badge_keys.SigningKey
) -> None:
    session = _first_day(demo_workspace)[0]
    other = _people(demo_workspace, attendance.find_sessions(demo_workspace, 2)[0])[0]
    wrong = attendance.mark_by_scan(
        demo_workspace, session.id, _token(demo_workspace, signing_key, other)
    )
    assert (wrong.outcome, wrong.mark) == (ScanOutcome.NOT_IN_STREAM, None)
    assert wrong.participant is not None and wrong.participant.stream_number == 2
    junk = attendance.mark_by_scan(demo_workspace, session.id, "https://example.org")
    assert (junk.outcome, junk.token_result) == (ScanOutcome.BAD_BADGE, TokenResult.NOT_OURS)
    person = _people(demo_workspace, session)[0]
    replaced = attendance.mark_by_scan(
        demo_workspace, session.id, _token(demo_workspace, signing_key, person, version=0)
    )
    assert (replaced.outcome, replaced.token_result) == (
        ScanOutcome.BAD_BADGE,
        TokenResult.REPLACED,
    )
    # The refused badges are in the scan log, as at the desk; the other-stream one is not.
    logged = list_scans(demo_workspace)  # the scans above were made now
    door = [(scan.method, scan.result, scan.raw_text) for scan in logged]
    assert (CheckinMethod.DOOR, CheckinResult.FORGED_OR_UNREADABLE, "https://example.org") in door
    assert (CheckinMethod.DOOR, CheckinResult.BADGE_REPLACED) in [d[:2] for d in door]
    assert len(door) == 2
    attendance.close_session(demo_workspace, session.id, mark_unmarked_absent=False)
    closed = attendance.mark_by_scan(
        demo_workspace, session.id, _token(demo_workspace, signing_key, person)
    )
    assert closed.outcome is ScanOutcome.SESSION_CLOSED


def _admit(ws: Workspace, person: uuid.UUID, at: dt.datetime):  # type: ignore[no-untyped-def]
    with ws.transaction() as db:
        return on_admitted(db, person, at, operator="Стойка 1")


def test_desk_check_in_marks_the_days_first_session_unless_a_trainer_did(
    demo_workspace: Workspace,
) -> None:
    first, second = _first_day(demo_workspace)[:2]
    early, late, marked, after = _people(demo_workspace, first)[:4]
    result = _admit(demo_workspace, early, FIRST_START_UTC - dt.timedelta(minutes=30))
    assert (result.outcome, result.session_id) == (DeskMarkOutcome.MARKED, first.id)
    assert result.mark is not None and (result.mark.status, result.mark.source) == (P, "desk")
    assert result.mark.operator == "Стойка 1"
    assert _admit(demo_workspace, late, FIRST_START_UTC + dt.timedelta(minutes=20)).mark.status is L
    attendance.mark(demo_workspace, first.id, marked, "excused")
    trainer_first = _admit(demo_workspace, marked, FIRST_START_UTC)
    assert trainer_first.outcome is DeskMarkOutcome.ALREADY_MARKED
    assert attendance.session_roster(demo_workspace, first.id).entries[2].status is E
    over = _admit(demo_workspace, after, FIRST_START_UTC + dt.timedelta(hours=2))
    assert over.outcome is DeskMarkOutcome.SESSION_OVER
    assert attendance.session_roster(demo_workspace, second.id).counts["unmarked"] == 70
    # a trainer overrides the desk's mark with a new version
    assert attendance.mark(demo_workspace, first.id, early, "late").previous_status is P


def test_desk_check_in_marks_nothing_when_the_setting_is_off_or_no_session(
    demo_workspace: Workspace,
) -> None:
    person = _people(demo_workspace, _first_day(demo_workspace)[0])[0]
    other_day = _admit(demo_workspace, person, FIRST_START_UTC + dt.timedelta(days=30))
    assert other_day.outcome is DeskMarkOutcome.NO_SESSION
    settings = attendance.get_settings(demo_workspace)
    attendance.save_settings(
        demo_workspace, dataclasses.replace(settings, desk_marks_first_session=False)
    )
    assert _admit(demo_workspace, person, FIRST_START_UTC).outcome is DeskMarkOutcome.DISABLED


def _log(ws: Workspace) -> list[ChangeRecord]:
    with ws.reading() as db:
        return [
            ChangeRecord(
                device_id=r.device_id,
                seq=r.seq,
                hlc=r.hlc,
                entity=r.entity,
                entity_id=r.entity_id,
                payload=dict(r.payload),
                recorded_at=r.recorded_at,
            )
            for r in db.scalars(select(ChangeRecord))
        ]


def _receive(ws: Workspace, records: list[ChangeRecord]) -> None:
    with ws.transaction() as db:
        for record in sorted(records, key=lambda r: r.hlc):
            if db.get(ChangeRecord, (record.device_id, record.seq)) is None:
                db.add(record)
                changes.observe_remote_stamp(db, record.hlc)
                changes.apply_change(db, record)


def test_two_trainers_marking_offline_converge_on_the_newest_and_keep_both(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    laptop = open_workspace(tmp_path / "trainer.sqlite3", device_name="Ноутбук тренера")
    try:
        _receive(laptop, _log(demo_workspace))
        with demo_workspace.reading() as db:
            event_id = current_event(db).id
        with laptop.transaction() as db:
            changes.local_state(db).event_id = event_id
        session = _first_day(demo_workspace)[0]
        person = _people(demo_workspace, session)[0]
        mine = attendance.mark(demo_workspace, session.id, person, "absent")
        theirs = attendance.mark(laptop, session.id, person, "late", note="с опозданием")
        _receive(laptop, _log(demo_workspace))
        _receive(demo_workspace, _log(laptop))
        newest = max((mine, theirs), key=lambda m: m.hlc)
        for ws in (demo_workspace, laptop):
            roster = attendance.session_roster(ws, session.id)
            assert roster.entries[0].mark is not None and roster.entries[0].mark.id == newest.id
            history = attendance.mark_history(ws, session.id, person)
            assert {m.id for m in history} == {mine.id, theirs.id}
            assert {m.device_name for m in history} == {"Организатор (демо)", "Ноутбук тренера"}
    finally:
        laptop.close()


def test_a_payload_cannot_forge_a_marks_hlc(demo_workspace: Workspace) -> None:
    session = _first_day(demo_workspace)[0]
    person = _people(demo_workspace, session)[0]
    mark_id = uuid.uuid4()
    with demo_workspace.transaction() as db:
        change = changes.record(
            db,
            "attendance_mark",
            mark_id,
            {
                "session_id": session.id,
                "participant_id": person,
                "status": "present",
                "source": "cli",
                "marked_at": FIRST_START_UTC,
                "device_id": demo_workspace.device_id,
                "hlc": "9999999999999-999999-ff",  # would win every later edit if it were believed
            },
            new=True,
        )
    with demo_workspace.reading() as db:
        assert db.get_one(AttendanceMark, mark_id).hlc == change.hlc
