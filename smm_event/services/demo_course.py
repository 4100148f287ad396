"""The demo in the middle of the course: what the desks, trainers and organizers did so far.

Stream 1 has finished (check-ins every morning, every session marked and closed, exit scores,
numbered certificates for those who qualify); stream 2 is on its second day (yesterday done,
this morning's check-ins and the morning sessions marked); stream 3 is ahead. Everything runs
through the same core functions the desk and the trainers use (check-in decisions, desk
pre-marks), so the demo shows what the real rules make of the data. One ``random.Random`` per
step, seeded from the demo's seed, keeps the result the same for the same seed and day.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from smm_event.attendance import store
from smm_event.badges import SigningKey
from smm_event.badges.token import make_token
from smm_event.checkin.engine import ScanInput
from smm_event.domain.attendance import AttendanceStatus, MarkSource
from smm_event.domain.checkin import CheckinMethod
from smm_event.domain.participants import ParticipantInfo
from smm_event.roster.store import find_participants
from smm_event.services import certificates
from smm_event.services.checkin import check_in_in_session
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, event_zone, to_utc
from smm_event.workspace import Workspace

DESKS = (("Стойка 1", "Анна Ковалёва"), ("Стойка 2", "Марат Хасанов"))
TRAINER_OPERATOR = "Тренер (демо)"
EXCUSED_NOTE = "Предупредил(а) заранее: работа"
MORNING_ENDS = dt.time(13, 30)  # today, the sessions that ended before lunch are marked
FORGED_TEXT = "SMM1:AAAA-THIS-IS-NOT-A-SIGNED-BADGE"


@dataclass(frozen=True)
class DemoScene:
    """What every demo step gets: the workspace, the seed, the demo's "today" (the second day
    of stream 2) and the organizer's unlocked key. A step adds one kind of data."""

    ws: Workspace
    seed: int
    today: dt.date
    key: SigningKey

    def rng(self, step: str) -> random.Random:
        """A generator of its own per step: adding a step never changes the others' data."""
        return random.Random(f"{self.seed}:{step}")


DemoStep = Callable[[DemoScene], None]


@dataclass(frozen=True)
class _Habit:
    """How a person attends: the chance to miss a session, to be late, a day they drop out."""

    miss: float
    late: float
    drops_on_day: int | None  # from this day of the stream on, absent
    excused_day: int | None  # a whole day away, with a note


def _habit(rng: random.Random) -> _Habit:
    kind = rng.random()
    if kind < 0.05:
        return _Habit(0.1, 0.1, rng.randint(2, 3), None)
    if kind < 0.17:
        return _Habit(0.25, 0.2, None, rng.choice((None, None, rng.randint(1, 4))))
    return _Habit(0.02, 0.06, None, None)


def simulate_attendance(scene: DemoScene) -> None:
    """Check-ins (with a few repeats and one forged code a day) and marks up to this morning."""
    rng = scene.rng("attendance")
    with scene.ws.transaction() as session:
        event = current_event(session)
        zone = event_zone(event)
        for number in (1, 2, 3):
            people = find_participants(session, number)
            habits = {person.id: _habit(rng) for person in people}
            stream_id = _stream_id(session, people)
            if stream_id is None:
                continue
            places = store.stream_sessions(session, stream_id)
            days = sorted({place.day for place in places if place.day <= scene.today})
            for index, day in enumerate(days, start=1):
                todays = [place for place in places if place.day == day]
                if day == scene.today:
                    todays = [
                        p for p in todays if _local(p.row.ends_at, zone).time() <= MORNING_ENDS
                    ]
                _run_day(session, scene, event.id, zone, rng, people, habits, index, todays)


def _stream_id(session: Session, people: Sequence[ParticipantInfo]) -> uuid.UUID | None:
    from smm_event.storage.models import Participant

    if not people:
        return None
    row = session.get(Participant, people[0].id)
    return row.stream_id if row is not None else None


def _local(stored_utc: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(zone)


def _run_day(
    session: Session,
    scene: DemoScene,
    event_id: uuid.UUID,
    zone: ZoneInfo,
    rng: random.Random,
    people: Sequence[ParticipantInfo],
    habits: dict[uuid.UUID, _Habit],
    day_index: int,
    places: Sequence[store.SessionPlace],
) -> None:
    if not places:
        return
    device_id = scene.ws.device_id
    first_start = places[0].row.starts_at
    attends: dict[uuid.UUID, list[bool]] = {}
    for person in people:
        habit = habits[person.id]
        away = (habit.drops_on_day is not None and day_index >= habit.drops_on_day) or (
            habit.excused_day == day_index
        )
        attends[person.id] = [not away and rng.random() >= habit.miss for _ in places]
    arrivals = []
    for person in people:
        shown = attends[person.id]
        if not any(shown):
            continue
        came_for = shown.index(True)
        start = places[came_for].row.starts_at
        late = came_for == 0 and rng.random() < habits[person.id].late
        minutes = rng.randint(15, 40) if late else -rng.randint(5, 45)
        arrivals.append((start + dt.timedelta(minutes=minutes), person))
    arrivals.sort(key=lambda pair: (pair[0], str(pair[1].id)))
    for at, person in arrivals:
        desk, operator = rng.choice(DESKS)
        token = make_token(scene.key, event_id, person.id, person.badge_version)
        _scan(session, device_id, token, desk, operator, at)
        if rng.random() < 0.04:  # a second scan at the other desk: «already checked in»
            other, other_operator = DESKS[1] if desk == DESKS[0][0] else DESKS[0]
            _scan(session, device_id, token, other, other_operator, at + dt.timedelta(minutes=2))
    desk, operator = DESKS[day_index % 2]
    _scan(session, device_id, FORGED_TEXT, desk, operator, first_start - dt.timedelta(minutes=20))
    # Today the last marked session stays open, as a trainer leaves it until the break.
    closing = len(places) - 1 if places[0].day == scene.today else len(places)
    for column, place in enumerate(places):
        _mark_session(session, rng, people, habits, attends, day_index, column, place)
        if column < closing:
            changes.record(session, "session", place.row.id, {"closed": True})


def _scan(
    session: Session,
    device_id: uuid.UUID,
    text: str,
    desk: str,
    operator: str,
    at: dt.datetime,
) -> None:
    scan = ScanInput(CheckinMethod.SCANNER, text=text)
    check_in_in_session(session, device_id, scan, desk, operator, at.replace(tzinfo=dt.UTC))


def _mark_session(
    session: Session,
    rng: random.Random,
    people: Sequence[ParticipantInfo],
    habits: dict[uuid.UUID, _Habit],
    attends: dict[uuid.UUID, list[bool]],
    day_index: int,
    column: int,
    place: store.SessionPlace,
) -> None:
    """The trainer's marks after the desk pre-marked the first session: late arrivals at later
    sessions, excused days with a note; the rest absent when the session is closed."""
    row = place.row
    marked = store.current_marks(store.mark_versions(session, [row.id]))
    at = row.starts_at + dt.timedelta(minutes=5)
    for person in people:
        if (person.id, row.id) in marked:
            continue
        if attends[person.id][column]:
            late = column > 0 and rng.random() < habits[person.id].late / 2
            status = AttendanceStatus.LATE if late else AttendanceStatus.PRESENT
        elif habits[person.id].excused_day == day_index:
            store.write_mark(
                session, row.id, person.id, AttendanceStatus.EXCUSED, EXCUSED_NOTE,
                MarkSource.CLICK.value, TRAINER_OPERATOR, at,
            )  # fmt: skip
            continue
        else:
            status = AttendanceStatus.ABSENT
        source = MarkSource.CLICK if status is not AttendanceStatus.ABSENT else MarkSource.CLOSE
        store.write_mark(
            session, row.id, person.id, status, None, source.value, TRAINER_OPERATOR, at
        )


def record_exit_scores(scene: DemoScene) -> None:
    """The exit test at the end of stream 1: most people took it, and scored above entry."""
    rng = scene.rng("exit-test")
    with scene.ws.transaction() as session:
        for person in find_participants(session, 1):
            if rng.random() < 0.08:
                continue  # left before the test
            gain = rng.gauss(20.0, 9.0)
            score = min(100.0, max(5.0, (person.entry_score or 40.0) + gain))
            changes.record(session, "participant", person.id, {"exit_score": round(score * 2) / 2})


def issue_stream_one(scene: DemoScene) -> None:
    """Numbered certificates for stream 1's eligible people, on its last day at 17:45."""
    with scene.ws.reading() as session:
        zone = event_zone(current_event(session))
        people = find_participants(session, 1)
        stream_id = _stream_id(session, people)
        if stream_id is None:
            return
        last_day = store.stream_sessions(session, stream_id)[-1].day
    issued_at = to_utc(dt.datetime.combine(last_day, dt.time(17, 45)), zone)
    certificates.issue_certificates(
        scene.ws, scene.key, stream_number=1, now=issued_at.replace(tzinfo=dt.UTC),
        operator="Организатор (демо)",
    )  # fmt: skip
