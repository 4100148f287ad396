"""Annulling a wrong admission: it stays in the log marked annulled, stops counting (the right
person can then be admitted, the counts drop), its desk-made attendance mark is withdrawn, a
trainer's own mark stays; mistakes change nothing; the CLI does the same."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from smm_event.cli.main import main
from smm_event.domain.attendance import AttendanceStatus, MarkSource
from smm_event.domain.checkin import CheckinResult
from smm_event.errors import UserError
from smm_event.services import attendance, participants
from smm_event.services.annulments import annul_checkin
from smm_event.services.checkin import check_in_manual, check_in_scan, desk_counts, list_scans
from smm_event.storage.models import CheckinAnnulment
from smm_event.workspace import Workspace, open_workspace
from tests.conftest import DEMO_FIRST_DAY

MORNING = dt.datetime(2026, 5, 12, 6, 30)  # 09:30 at the venue, before the first session ends


def first_session(ws: Workspace) -> uuid.UUID:
    return attendance.find_sessions(ws, 1, DEMO_FIRST_DAY)[0].id


def mark_of(ws: Workspace, person: uuid.UUID) -> AttendanceStatus | None:
    roster = attendance.session_roster(ws, first_session(ws))
    return next(e.status for e in roster.entries if e.participant.id == person)


def annulments(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(CheckinAnnulment)) or 0


def test_a_wrong_admission_is_annulled_with_its_desk_mark(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    wrong, right = participants.list_participants(ws, stream_number=1)[:2]
    admitted = check_in_manual(ws, wrong.id, desk="Стойка 1", now=MORNING)
    assert mark_of(ws, wrong.id) is AttendanceStatus.PRESENT  # the desk filled the first session
    assert desk_counts(ws, now=MORNING).arrived == 1

    result = annul_checkin(ws, admitted.checkin_id, "  перепутали   Иванову ", "Анна", MORNING)
    assert result.mark_withdrawn and result.reason == "перепутали Иванову"
    assert result.participant_name == wrong.full_name
    assert mark_of(ws, wrong.id) is None
    assert desk_counts(ws, now=MORNING).arrived == 0
    [logged] = list_scans(ws, now=MORNING)
    assert logged.id == admitted.checkin_id and logged.annulled  # still in the log
    # The annulled admission no longer counts as "already checked in today".
    again = check_in_manual(ws, wrong.id, now=MORNING + dt.timedelta(minutes=5))
    assert again.result is CheckinResult.ADMITTED
    assert check_in_manual(ws, right.id, now=MORNING).result is CheckinResult.ADMITTED


def test_a_trainers_own_mark_is_untouched(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    person = participants.list_participants(ws, stream_number=1)[5]
    attendance.mark(
        ws, first_session(ws), person.id, AttendanceStatus.LATE, source=MarkSource.CLICK
    )
    admitted = check_in_manual(ws, person.id, now=MORNING)
    result = annul_checkin(ws, admitted.checkin_id, "ошибка", now=MORNING)
    assert not result.mark_withdrawn
    assert mark_of(ws, person.id) is AttendanceStatus.LATE


@pytest.mark.parametrize(
    ("what", "reason", "code"),
    [
        ("admitted", "", "annul_reason_required"),
        ("admitted", "x" * 501, "annul_reason_too_long"),
        ("refused", "ошибка", "checkin_not_admitted"),
        ("unknown", "ошибка", "checkin_not_found"),
        ("junk", "ошибка", "bad_checkin_id"),
        ("twice", "ошибка", "checkin_already_annulled"),
    ],
)
def test_mistakes_change_nothing(
    demo_workspace: Workspace, what: str, reason: str, code: str
) -> None:
    ws = demo_workspace
    person = participants.list_participants(ws, stream_number=1)[7]
    admitted = check_in_manual(ws, person.id, now=MORNING).checkin_id
    target: Any = {
        "admitted": admitted,
        "refused": check_in_scan(ws, "SMM1:forged", now=MORNING).checkin_id,
        "unknown": uuid.uuid4(),
        "junk": "not-a-uuid",
        "twice": admitted,
    }[what]
    if what == "twice":
        annul_checkin(ws, admitted, "первый раз", now=MORNING)
    before = annulments(ws)
    with pytest.raises(UserError) as error:
        annul_checkin(ws, target, reason, now=MORNING)
    assert error.value.code == code
    assert annulments(ws) == before
    assert mark_of(ws, person.id) is (None if what == "twice" else AttendanceStatus.PRESENT)


def test_cli_annuls_and_lists_it(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_workspace.path
    person = participants.list_participants(demo_workspace, stream_number=1)[9]
    admitted = check_in_manual(demo_workspace, person.id, now=MORNING)
    demo_workspace.close()
    argv = ["checkin", "annul", str(admitted.checkin_id), "--reason", "не тот", "--json"]
    assert main([*argv, "--workspace", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["mark_withdrawn"] is True
    assert main([*argv, "--workspace", str(path)]) == 1
    assert "already annulled" in capsys.readouterr().err
    with open_workspace(path) as ws:
        assert [scan.annulled for scan in list_scans(ws, now=MORNING)] == [True]
