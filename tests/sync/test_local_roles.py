"""A station writes only what its role allows (trust/roles.py RULES), refused on its own laptop
with a clear error instead of a record every other laptop would quarantine."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smm_event.cli.main import main
from smm_event.domain.checkin import CheckinResult
from smm_event.errors import UserError
from smm_event.services import checkin, schedule_edit, streams
from smm_event.services import sync as sync_service
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import TrainingSession
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, at, roster, stream_days


def _joined(laptops: Laptops, tmp_path: Path, roles: tuple[str, ...]) -> Workspace:
    organizer = laptops.organizer()
    laptop = laptops.empty("Стойка 1", roles=roles)
    sync_service.export_changes(organizer, tmp_path / "event.smm")
    sync_service.import_changes(laptop, tmp_path / "event.smm")
    return laptop


def _records(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(ChangeRecord)) or 0


def _first_session(ws: Workspace) -> uuid.UUID:
    with ws.reading() as session:
        query = select(TrainingSession.id).order_by(TrainingSession.starts_at)
        return session.scalars(query).first()  # type: ignore[return-value]


EDIT = schedule_edit.SessionEdit("Перенесено", "Зал 9", None, dt.time(10), dt.time(11))


def test_a_desk_cannot_edit_the_schedule_or_the_streams_but_checks_in(
    laptops: Laptops, tmp_path: Path
) -> None:
    desk = _joined(laptops, tmp_path, ("desk",))
    before = _records(desk)
    with pytest.raises(UserError) as refused:
        schedule_edit.update_session(desk, _first_session(desk), EDIT)
    assert refused.value.code == "role_cannot_write"
    assert refused.value.params == {"entity": "session", "roles": "desk"}
    person = roster(desk)[1][0]
    with pytest.raises(UserError, match="role_cannot_write"):
        streams.set_participant_stream(desk, person, 2)
    assert _records(desk) == before  # nothing was written, nothing to quarantine elsewhere
    result = checkin.check_in_manual(desk, person, now=at(stream_days(desk)[1][0]))
    assert result.result is CheckinResult.ADMITTED


def test_a_trainer_closes_a_session_but_cannot_rename_it(laptops: Laptops, tmp_path: Path) -> None:
    trainer = _joined(laptops, tmp_path, ("trainer",))
    with pytest.raises(UserError, match="role_cannot_write"):
        schedule_edit.update_session(trainer, _first_session(trainer), EDIT)


def test_the_organizer_and_a_laptop_not_enrolled_write_everything(
    laptops: Laptops, tmp_path: Path
) -> None:
    organizer = laptops.organizer()
    schedule_edit.update_session(organizer, _first_session(organizer), EDIT)
    demo = laptops.unenrolled("Демо")
    sync_service.export_changes(organizer, tmp_path / "event.smm")
    assert _records(demo) >= 1  # its own device record: an unenrolled laptop writes
    co_organizer = _joined(laptops, tmp_path, ("organizer",))
    schedule_edit.update_session(co_organizer, _first_session(co_organizer), EDIT)


def test_the_cli_gives_one_line(
    laptops: Laptops, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = _joined(laptops, tmp_path, ("desk",))
    path = desk.path
    desk.close()
    person = str(roster(laptops.organizer())[1][0])
    code = main(["--workspace", str(path), "streams", "set", person, "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "enrolled as desk" in err and "Traceback" not in err
