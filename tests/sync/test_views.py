"""Reporting views on central: what a reporting tool pointed at the database reads."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from smm_event.services import attendance, checkin
from smm_event.storage.models import StreamDay, TrainingSession
from smm_event.sync import central, views
from tests.sync.conftest import Laptops, at, roster, stream_days, sync

pytestmark = pytest.mark.postgres


def test_views_report_participants_checkins_and_attendance(
    laptops: Laptops, postgres_url: str
) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    people, days = roster(organizer)[1], stream_days(organizer)[1]
    checkin.check_in_manual(organizer, people[0], desk="Стойка орг.", now=at(days[0], 8, 10))
    checkin.check_in_manual(
        desk, people[0], desk="Стойка 1", now=at(days[0], 8, 20)
    )  # offline twin
    checkin.check_in_manual(desk, people[1], desk="Стойка 1", now=at(days[1], 8, 45))
    with organizer.reading() as session:
        first_session = session.scalars(
            select(TrainingSession.id)
            .join(StreamDay, StreamDay.id == TrainingSession.stream_day_id)
            .where(StreamDay.day == days[0])
            .order_by(TrainingSession.starts_at)
        ).first()
    attendance.mark(organizer, first_session, people[2], "present", now=at(days[0], 10))
    attendance.mark(organizer, first_session, people[2], "late", now=at(days[0], 10, 5))
    for ws in (organizer, desk, organizer):  # the views count what the organizer verified
        sync(ws, postgres_url)
    engine = create_engine(postgres_url)
    try:
        with Session(engine) as session:

            def rows(sql: str) -> list:  # type: ignore[type-arg]
                return list(session.execute(text(sql)))

            assert rows("SELECT count(*), count(stream_number) FROM report_participants")[0] == (
                210,
                210,
            )
            first = rows(
                "SELECT participant_id, day, desk, admitted_scans, "
                "to_char(scanned_at_local, 'HH24:MI') FROM report_first_checkins ORDER BY day"
            )
            assert [(r[0], r[1], r[2], r[3], r[4]) for r in first] == [
                (people[0], days[0], "Стойка орг.", 2, "08:10"),
                (people[1], days[1], "Стойка 1", 1, "08:45"),
            ]
            per_day = rows(
                "SELECT count(*), count(*) FILTER (WHERE checked_in) FROM report_participant_days"
            )
            assert per_day[0] == (210 * 4, 2)
            current = rows(
                "SELECT participant_id, status, device_name FROM report_attendance "
                "WHERE source <> 'desk'"
            )
            assert current == [(people[2], "late", "Организатор")]
            assert len(rows("SELECT 1 FROM report_attendance_history WHERE source <> 'desk'")) == 2
            devices = {r[0]: r[1] for r in rows("SELECT name, changes FROM report_devices")}
            assert devices["Стойка 1"] >= 3
    finally:
        engine.dispose()


def test_views_are_recreated_when_their_version_changes(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = central.central_engine(postgres_url)
    try:
        central.prepare_central(engine)
        monkeypatch.setattr(views, "VERSION", "smm-event reporting views test")
        with engine.connect() as connection:
            assert not views.views_current(connection)
        central.prepare_central(engine)
        with engine.connect() as connection:
            assert views.views_current(connection)
            assert connection.scalar(text("SELECT count(*) FROM report_participants")) == 0
    finally:
        engine.dispose()
