"""The check-in decision, pure: every result code, the order of the rules, the local day."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import pytest

from smm_event.badges import SigningKey, generate_signing_key, make_token, public_key_of
from smm_event.checkin.engine import (
    Decision,
    DeskRules,
    EarlierCheckin,
    RosterEntry,
    ScanInput,
    StreamDays,
    decide,
    first_admission,
)
from smm_event.domain.badges import TokenResult
from smm_event.domain.checkin import CheckinMethod, CheckinResult

EVENT = uuid.UUID("11111111-2222-3333-4444-555555555555")
ZONE = ZoneInfo("Europe/Moscow")
DAY_1 = dt.date(2026, 5, 12)
DAY_5 = dt.date(2026, 5, 19)
STREAM_1 = StreamDays(uuid.uuid4(), 1, frozenset(DAY_1 + dt.timedelta(days=n) for n in range(4)))
STREAM_2 = StreamDays(uuid.uuid4(), 2, frozenset(DAY_5 + dt.timedelta(days=n) for n in range(4)))
# 09:30 in Mineralnye Vody (UTC+3), stored as naive UTC.
MORNING = dt.datetime(2026, 5, 12, 6, 30)
SCANNER = CheckinMethod.SCANNER
RUSSIAN_LAYOUT = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM:", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ")


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return generate_signing_key()


class World:
    """A roster and a check-in log as plain dictionaries."""

    def __init__(self, key: SigningKey) -> None:
        self.key = key
        self.rules = DeskRules(
            EVENT, ZONE, {key.key_id: public_key_of(key)}, {s.id: s for s in (STREAM_1, STREAM_2)}
        )
        self.people: dict[uuid.UUID, RosterEntry] = {}
        self.log: list[tuple[uuid.UUID, dt.date, EarlierCheckin]] = []
        self.lookups: list[tuple[uuid.UUID, dt.date]] = []

    def person(self, stream: StreamDays | None = STREAM_1, version: int = 1) -> uuid.UUID:
        person_id = uuid.uuid4()
        self.people[person_id] = RosterEntry(person_id, version, stream.id if stream else None)
        return person_id

    def token(self, person_id: uuid.UUID, version: int = 1) -> str:
        return make_token(self.key, EVENT, person_id, version)

    def earlier(self, person_id: uuid.UUID, day: dt.date) -> Iterable[EarlierCheckin]:
        self.lookups.append((person_id, day))
        return [c for p, d, c in self.log if p == person_id and d == day]

    def scan(self, text: str, now: dt.datetime = MORNING, desk: str = "Стойка 1") -> Decision:
        decision = decide(
            ScanInput(SCANNER, text=text), self.rules, self.people.get, self.earlier, now, desk
        )
        self._remember(decision, now)
        return decision

    def manual(self, person_id: uuid.UUID, now: dt.datetime = MORNING) -> Decision:
        scan = ScanInput(CheckinMethod.MANUAL, participant_id=person_id)
        decision = decide(scan, self.rules, self.people.get, self.earlier, now, "Стойка 2")
        self._remember(decision, now)
        return decision

    def _remember(self, decision: Decision, now: dt.datetime) -> None:
        if decision.participant_id is not None:
            entry = EarlierCheckin(uuid.uuid4(), now, decision.desk, decision.result)
            self.log.append((decision.participant_id, decision.local_day, entry))


@pytest.fixture
def world(key: SigningKey) -> World:
    return World(key)


def test_valid_badge_on_its_stream_day_is_admitted(world: World) -> None:
    person = world.person()
    decision = world.scan(world.token(person))
    assert decision.result is CheckinResult.ADMITTED
    assert decision.participant_id == person
    assert decision.token_result is TokenResult.VALID
    assert decision.badge_version == 1
    assert decision.stream == STREAM_1 and decision.today_streams == (STREAM_1,)
    assert decision.local_day == DAY_1


def test_second_scan_the_same_day_names_the_first_time_and_desk(world: World) -> None:
    person = world.person()
    world.scan(world.token(person), desk="Стойка 1")
    later = MORNING + dt.timedelta(minutes=40)
    decision = world.scan(world.token(person), now=later, desk="Стойка 3")
    assert decision.result is CheckinResult.ALREADY_CHECKED_IN
    assert decision.first_checkin is not None
    assert decision.first_checkin.scanned_at == MORNING
    assert decision.first_checkin.desk == "Стойка 1"
    # A third scan still points at the first admission, not at the repeat.
    third = world.scan(world.token(person), now=later + dt.timedelta(minutes=1))
    assert third.first_checkin is not None and third.first_checkin.desk == "Стойка 1"


def test_next_day_admits_again(world: World) -> None:
    person = world.person()
    world.scan(world.token(person))
    assert world.scan(world.token(person), now=MORNING + dt.timedelta(days=1)).result.admitted


def test_refused_scans_do_not_count_as_arrival(world: World) -> None:
    person = world.person()
    world.log.append(
        (person, DAY_1, EarlierCheckin(uuid.uuid4(), MORNING, "X", CheckinResult.BADGE_REPLACED))
    )
    assert world.scan(world.token(person)).result is CheckinResult.ADMITTED


def test_replaced_badge(world: World) -> None:
    person = world.person(version=2)
    decision = world.scan(world.token(person, version=1))
    assert decision.result is CheckinResult.BADGE_REPLACED
    assert decision.participant_id == person and decision.badge_version == 1
    assert decision.token_result is TokenResult.REPLACED


def test_badge_newer_than_this_laptop_knows_is_admitted(world: World) -> None:
    person = world.person(version=1)
    assert world.scan(world.token(person, version=3)).result is CheckinResult.ADMITTED


@pytest.mark.parametrize(
    ("damage", "detail"),
    [
        (lambda t: t[:40] + ("A" if t[40] != "A" else "B") + t[41:], TokenResult.FORGED_OR_DAMAGED),
        (lambda t: t[:-10], TokenResult.FORGED_OR_DAMAGED),
        (lambda t: "https://example.org/ticket/42", TokenResult.NOT_OURS),
        (lambda t: "", TokenResult.NOT_OURS),
    ],
)
def test_damaged_or_foreign_codes_are_refused_with_the_token_detail(
    world: World, damage: object, detail: TokenResult
) -> None:
    person = world.person()
    decision = world.scan(damage(world.token(person)))  # type: ignore[operator]
    assert decision.result is CheckinResult.FORGED_OR_UNREADABLE
    assert decision.token_result is detail
    assert decision.participant_id is None


def test_badge_signed_by_a_key_this_laptop_does_not_know(world: World) -> None:
    person = world.person()
    stranger = make_token(generate_signing_key(), EVENT, person, 1)
    decision = world.scan(stranger)
    assert decision.result is CheckinResult.FORGED_OR_UNREADABLE
    assert decision.token_result in (TokenResult.UNKNOWN_KEY, TokenResult.FORGED_OR_DAMAGED)


def test_badge_of_another_event(world: World) -> None:
    person = world.person()
    other = make_token(world.key, uuid.uuid4(), person, 1)
    decision = world.scan(other)
    assert decision.result is CheckinResult.FORGED_OR_UNREADABLE
    assert decision.token_result is TokenResult.NOT_OURS


def test_valid_signature_for_someone_not_on_this_laptop(world: World) -> None:
    decision = world.scan(world.token(uuid.uuid4()))
    assert decision.result is CheckinResult.UNKNOWN_PARTICIPANT
    assert decision.token_result is TokenResult.UNKNOWN_PARTICIPANT


def test_wrong_stream_day_names_the_persons_stream(world: World) -> None:
    person = world.person(stream=STREAM_2)
    decision = world.scan(world.token(person))
    assert decision.result is CheckinResult.WRONG_STREAM_DAY
    assert decision.stream == STREAM_2
    assert decision.today_streams == (STREAM_1,)
    assert world.lookups == []  # a refusal by day never reads the check-in log


def test_no_session_today(world: World) -> None:
    person = world.person()
    decision = world.scan(world.token(person), now=dt.datetime(2026, 5, 17, 7, 0))
    assert decision.result is CheckinResult.NO_SESSION_TODAY
    assert decision.today_streams == ()
    assert decision.stream == STREAM_1


def test_participant_without_a_stream(world: World) -> None:
    person = world.person(stream=None)
    assert world.scan(world.token(person)).result is CheckinResult.NOT_ASSIGNED


def test_badge_problems_come_before_the_day(world: World) -> None:
    """A forged or replaced badge is refused as such even on a day without sessions."""
    person = world.person(version=2)
    sunday = dt.datetime(2026, 5, 17, 7, 0)
    assert world.scan(world.token(person, 1), now=sunday).result is CheckinResult.BADGE_REPLACED
    assert world.scan("SMM1:XYZ", now=sunday).result is CheckinResult.FORGED_OR_UNREADABLE


def test_russian_keyboard_layout_is_undone(world: World) -> None:
    person = world.person()
    typed = world.token(person).translate(RUSSIAN_LAYOUT)
    assert typed.startswith("ЫЬЬ1Ж")
    decision = world.scan(typed + "\r\n")
    assert decision.result is CheckinResult.ADMITTED
    assert decision.text == world.token(person)


def test_today_is_the_event_local_date(world: World) -> None:
    """22:30 UTC on 11 May is 01:30 on 12 May in Moscow: stream 1's first day."""
    person = world.person()
    decision = world.scan(world.token(person), now=dt.datetime(2026, 5, 11, 22, 30))
    assert decision.local_day == DAY_1
    assert decision.result is CheckinResult.ADMITTED
    aware = dt.datetime(2026, 5, 12, 0, 30, tzinfo=ZONE)  # still 11 May in UTC
    assert world.rules.local_day(aware) == DAY_1


def test_manual_check_in_follows_the_same_rules(world: World) -> None:
    person = world.person()
    first = world.manual(person)
    assert first.result is CheckinResult.ADMITTED
    assert first.token_result is None and first.badge_version is None
    assert world.manual(person).result is CheckinResult.ALREADY_CHECKED_IN
    assert world.manual(world.person(stream=STREAM_2)).result is CheckinResult.WRONG_STREAM_DAY
    assert world.manual(uuid.uuid4()).result is CheckinResult.UNKNOWN_PARTICIPANT


def test_manual_after_a_badge_scan_is_a_repeat(world: World) -> None:
    person = world.person()
    world.scan(world.token(person), desk="Стойка 1")
    decision = world.manual(person, now=MORNING + dt.timedelta(minutes=5))
    assert decision.result is CheckinResult.ALREADY_CHECKED_IN
    assert decision.first_checkin is not None and decision.first_checkin.desk == "Стойка 1"


def test_scan_without_text_or_person_is_a_programming_error(world: World) -> None:
    with pytest.raises(ValueError):
        decide(ScanInput(SCANNER), world.rules, world.people.get, world.earlier, MORNING, "x")


def test_first_admission_is_the_earliest_with_ids_breaking_ties() -> None:
    a = EarlierCheckin(uuid.UUID(int=2), MORNING, "B", CheckinResult.ADMITTED)
    b = EarlierCheckin(uuid.UUID(int=1), MORNING, "A", CheckinResult.ADMITTED)
    later = EarlierCheckin(
        uuid.UUID(int=0), MORNING + dt.timedelta(seconds=1), "C", CheckinResult.ADMITTED
    )
    refused = EarlierCheckin(
        uuid.UUID(int=3), MORNING - dt.timedelta(hours=1), "D", CheckinResult.WRONG_STREAM_DAY
    )
    assert first_admission([later, a, refused, b]) == b
    assert first_admission([refused]) is None


def test_two_streams_meeting_the_same_day(world: World) -> None:
    both = DAY_1
    shared = StreamDays(uuid.uuid4(), 3, frozenset({both}))
    world.rules = DeskRules(
        EVENT, ZONE, world.rules.public_keys, {s.id: s for s in (STREAM_1, STREAM_2, shared)}
    )
    person = world.person(stream=shared)
    decision = world.scan(world.token(person))
    assert decision.result is CheckinResult.ADMITTED
    assert [s.number for s in decision.today_streams] == [1, 3]
