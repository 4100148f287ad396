"""The whole programme as the sync tests play it: the organizer's laptop and three desks that
start empty, 210 people in three streams of four days, everyone scanned at a desk on each of
their days, some admitted twice by desks that were offline, walk-ins, reissued badges and an
offline desk that still admits an old one. ``Exchange`` moves the records: through central, or
by USB stick only."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from smm_event.services import badges, checkin, keys, walkins
from smm_event.services import sync as sync_service
from smm_event.storage.models import Participant
from smm_event.workspace import Workspace
from tests.sync.conftest import PASSPHRASE, Laptops, at, roster, stream_days, sync

Exchange = Callable[[Sequence[Workspace]], None]


def through_central(url: str) -> Exchange:
    def exchange(online: Sequence[Workspace]) -> None:
        for ws in online:
            sync(ws, url)

    return exchange


def by_files(folder: Path) -> Exchange:
    """The organizer collects every desk's file, then hands its own to each desk (the first desk
    gets it twice, as a careless operator would)."""
    counter = [0]

    def exchange(online: Sequence[Workspace]) -> None:
        hub, desks = online[0], online[1:]
        for desk in desks:
            counter[0] += 1
            path = folder / f"desk-{counter[0]}.smm"
            sync_service.export_changes(desk, path)
            sync_service.import_changes(hub, path)
        counter[0] += 1
        path = folder / f"organizer-{counter[0]}.smm"
        sync_service.export_changes(hub, path)
        for desk in desks:
            sync_service.import_changes(desk, path)
        if desks:
            again = sync_service.import_changes(desks[0], path)
            assert again.imported == 0

    return exchange


@dataclass
class Programme:
    organizer: Workspace
    desks: list[Workspace]
    scans: int = 0
    twins: set[tuple[uuid.UUID, dt.date]] = field(default_factory=set)  # admitted twice a day
    old_tokens: dict[uuid.UUID, str] = field(default_factory=dict)  # badges reissued since
    old_badge_admissions: set[uuid.UUID] = field(default_factory=set)
    walk_ins: int = 0

    @property
    def everyone(self) -> list[Workspace]:
        return [self.organizer, *self.desks]


def play(laptops: Laptops, exchange: Exchange) -> Programme:
    organizer = laptops.organizer()
    run = Programme(organizer, [laptops.empty(f"Стойка {n}") for n in (1, 2, 3)])
    exchange(run.everyone)
    key = keys.unlock_signing_key(organizer, PASSPHRASE)
    people, days = roster(organizer), stream_days(organizer)
    tokens = {
        pid: badges.badge_token(organizer, pid, key) for group in people.values() for pid in group
    }
    for stream in (1, 2, 3):
        for index, when in enumerate(days[stream]):
            offline = [run.desks[2]] if stream == 2 and index in (1, 2) else []
            online = [ws for ws in run.everyone if ws not in offline]
            if stream == 2 and index == 1:  # badges reissued; the offline desk does not hear
                for pid in people[stream][40:42]:
                    run.old_tokens[pid] = tokens[pid]
                    badges.reissue_badge(organizer, pid)
                    tokens[pid] = badges.badge_token(organizer, pid, key)
                exchange(online)
            _scan_day(run, people[stream], when, index, tokens, offline)
            if index == 0:
                _walk_ins(run, stream, when)
            exchange(online)
    for _ in range(2):
        exchange(run.everyone)
    return run


def _scan_day(
    run: Programme,
    people: Sequence[uuid.UUID],
    when: dt.date,
    index: int,
    tokens: dict[uuid.UUID, str],
    offline: list[Workspace],
) -> None:
    for n, pid in enumerate(people):
        desk = run.desks[n % 3]
        token = tokens[pid]
        if desk in offline and pid in run.old_tokens:
            token = run.old_tokens[pid]
            run.old_badge_admissions.add(pid)
        moment = at(when, 8, 30 + n % 25)
        outcome = (
            checkin.check_in_manual(desk, pid, now=moment)
            if n % 10 == 0
            else checkin.check_in_scan(desk, token, now=moment)
        )
        assert outcome.admitted, outcome.result
        run.scans += 1
        if index == 1 and n < 3:  # another desk, offline from the first, admits them again
            twin = run.desks[(n + 1) % 3]
            assert checkin.check_in_scan(twin, tokens[pid], now=at(when, 9, 5)).admitted
            run.scans += 1
            run.twins.add((pid, when))


def _walk_ins(run: Programme, stream: int, when: dt.date) -> None:
    """Two walk-ins a stream: one with a roster person's phone (listed), one new person."""
    with run.organizer.reading() as session:
        phone = session.scalars(
            select(Participant.phone)
            .where(Participant.phone.is_not(None))
            .order_by(Participant.sort_key)
            .offset(stream)
        ).first()
    walkins.register_walk_in(
        run.desks[0],
        "Пришедшая",
        f"Поток{stream}",
        phone=phone,
        stream_number=stream,
        now=at(when, 9, 30),
    )
    walkins.register_walk_in(
        run.desks[1],
        "Гость",
        f"Новый{stream}",
        phone=f"+7999000000{stream}",
        stream_number=stream,
        now=at(when, 9, 40),
    )
    run.walk_ins += 2
    run.scans += 2
