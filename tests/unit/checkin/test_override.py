"""An organizer lets a person in on another stream's day: logged with the reason and who
allowed it, counted, in the scan log and the person's history; mistakes change nothing; a desk
laptop must name the organizer; receivers refuse a desk's override without one; the CLI too."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import func, select

from smm_event.cli.main import main
from smm_event.domain.checkin import CheckinMethod, CheckinResult
from smm_event.errors import UserError
from smm_event.services import participants
from smm_event.services.checkin import check_in_manual, desk_counts, list_scans
from smm_event.services.checkin_override import check_in_override, laptop_is_organizers
from smm_event.services.participant_history import participant_history
from smm_event.storage import changes
from smm_event.storage.models import Checkin
from smm_event.trust.roles import Role, Write, may_write
from smm_event.workspace import Workspace, open_workspace

MORNING = dt.datetime(2026, 5, 12, 6, 30)  # 09:30 at the venue on stream 1's first day


def checkins(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(Checkin)) or 0


def as_desk_laptop(ws: Workspace) -> None:
    """This laptop was enrolled by another one (the organizer's) and is not the anchor."""
    with ws.transaction() as session:
        changes.local_state(session).anchor_device = uuid.uuid4()


def test_override_admits_a_person_of_another_stream_with_the_reason(
    demo_workspace: Workspace,
) -> None:
    ws = demo_workspace
    other = participants.list_participants(ws, stream_number=2)[0]
    refused = check_in_manual(ws, other.id, desk="Стойка 1", now=MORNING)
    assert refused.result is CheckinResult.WRONG_STREAM_DAY
    assert laptop_is_organizers(ws)

    outcome = check_in_override(
        ws, other.id, "  перепутала  день ", None, "Стойка 1", "Анна", MORNING
    )
    assert outcome.result is CheckinResult.ADMITTED
    assert outcome.method is CheckinMethod.OVERRIDE
    counts = desk_counts(ws, now=MORNING)
    assert counts.overridden == 1 and counts.arrived == 0  # stream 1's count stays honest
    logged = list_scans(ws, now=MORNING)[-1]
    assert logged.method == "override" and logged.override_reason == "перепутала день"
    assert logged.override_by == "Анна"  # the organizer at the keyboard
    [entry] = [e for e in participant_history(ws, other.id) if e.kind == "checkin_override"]
    assert entry.at == MORNING and entry.device == "Стойка 1"
    assert ("override_reason", None, "перепутала день") in [
        (c.field, c.before, c.after) for c in entry.changes
    ]
    # The same person again today is amber, not a second admission.
    again = check_in_override(ws, other.id, "ещё раз", None, now=MORNING)
    assert again.result is CheckinResult.ALREADY_CHECKED_IN


@pytest.mark.parametrize(
    ("reason", "code"),
    [
        ("", "admission_override_reason_required"),
        ("   ", "admission_override_reason_required"),
        ("я" * 501, "override_reason_too_long"),
    ],
)
def test_override_without_a_reason_changes_nothing(
    demo_workspace: Workspace, reason: str, code: str
) -> None:
    other = participants.list_participants(demo_workspace, stream_number=2)[0]
    before = checkins(demo_workspace)
    with pytest.raises(UserError) as raised:
        check_in_override(demo_workspace, other.id, reason, now=MORNING)
    assert raised.value.code == code
    assert checkins(demo_workspace) == before


def test_override_of_a_person_whose_stream_meets_today_is_refused(
    demo_workspace: Workspace,
) -> None:
    own = participants.list_participants(demo_workspace, stream_number=1)[0]
    with pytest.raises(UserError) as raised:
        check_in_override(demo_workspace, own.id, "на всякий случай", now=MORNING)
    assert raised.value.code == "override_not_needed"
    assert checkins(demo_workspace) == 0


def test_a_desk_laptop_must_name_the_organizer(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    as_desk_laptop(ws)
    assert not laptop_is_organizers(ws)
    other = participants.list_participants(ws, stream_number=2)[1]
    with pytest.raises(UserError) as raised:
        check_in_override(ws, other.id, "перепутал день", "  ", now=MORNING)
    assert raised.value.code == "override_approver_required"
    assert checkins(ws) == 0
    outcome = check_in_override(ws, other.id, "перепутал день", "Ольга Петрова", now=MORNING)
    assert outcome.result is CheckinResult.ADMITTED
    assert list_scans(ws, now=MORNING)[-1].override_by == "Ольга Петрова"


def test_receivers_refuse_a_desks_override_without_reason_or_organizer(
    demo_workspace: Workspace,
) -> None:
    author = uuid.uuid4()

    def write(**payload: object) -> Write:
        return Write(author, "checkin", str(uuid.uuid4()), {"result": "admitted", **payload})

    with demo_workspace.reading() as session:
        desk = frozenset({Role.DESK})
        assert may_write(session, desk, write(method="scanner"))
        assert may_write(
            session, desk, write(method="override", override_reason="x", override_by="О")
        )
        assert not may_write(session, desk, write(method="override", override_reason="x"))
        assert not may_write(session, desk, write(method="override"))
        assert not may_write(session, desk, write(method="manual", override_reason="x"))


def test_cli_override(demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    path = demo_workspace.path
    other = participants.list_participants(demo_workspace, stream_number=3)[0]
    demo_workspace.close()
    argv = [
        "checkin",
        "manual",
        str(other.id),
        "--at",
        "2026-05-12T09:30",
        "--workspace",
        str(path),
    ]
    assert main([*argv, "--override-reason", ""]) == 1
    assert "--override-reason" in capsys.readouterr().err
    assert main(argv) == 5  # refused: another stream's day
    capsys.readouterr()
    assert main([*argv, "--override-reason", "приехал раньше", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["method"] == "override"
    with open_workspace(path) as ws:
        assert [s.method for s in list_scans(ws, now=MORNING)] == ["manual", "override"]
