"""The organizer's dashboard in one read: arrivals per 10 minutes by desk for a day,
arrived/expected per stream and day, attendance per held session, the at-risk list (below the
certificate threshold, or absent from two sessions in a row) with phones, certificates issued,
and the state of the selection and the reach indicators. Target: < 200 ms on the demo."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from smm_event.attendance.store import naive_utc
from smm_event.domain.attendance import AttendanceMatrix, AttendanceStatus
from smm_event.domain.checkin import CheckinResult
from smm_event.outcomes.reach import GrowthSummary
from smm_event.services import attendance, certificates, queries, reach
from smm_event.storage.event_context import current_event, event_zone
from smm_event.storage.models import Checkin
from smm_event.workspace import Workspace

BUCKET_MINUTES = 10


@dataclass(frozen=True)
class Arrivals:
    day: dt.date
    buckets: tuple[str, ...]  # "09:00", "09:10", … local time
    by_desk: dict[str, tuple[int, ...]]  # desk -> count per bucket


@dataclass(frozen=True)
class DayTurnout:
    stream_number: int
    day: dt.date
    arrived: int
    expected: int


@dataclass(frozen=True)
class SessionTurnout:
    stream_number: int
    session_id: uuid.UUID
    label: str  # "12.05 10:00 Основы SMM"
    present: int  # present or late
    expected: int


@dataclass(frozen=True)
class AtRisk:
    participant_id: uuid.UUID
    full_name: str
    stream_number: int
    phone: str | None
    percent: float | None
    below_threshold: bool
    absent_in_a_row: bool


@dataclass(frozen=True)
class Dashboard:
    days: tuple[dt.date, ...]
    arrivals: Arrivals
    turnout: tuple[DayTurnout, ...]
    sessions: tuple[SessionTurnout, ...]
    at_risk: tuple[AtRisk, ...]
    required_percent: float
    certificates_issued: int
    accelerator_saved: int  # people holding a track
    selection_saved_at: str | None
    reach_accelerator: GrowthSummary
    reach_all: GrowthSummary
    frozen_accounts: int
    accounts: int


def _arrivals(ws: Workspace, day: dt.date) -> Arrivals:
    with ws.reading() as session:
        zone = event_zone(current_event(session))
        rows = session.execute(
            select(Checkin.desk, Checkin.scanned_at).where(
                Checkin.local_day == day, Checkin.result == CheckinResult.ADMITTED.value
            )
        ).all()
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for desk, scanned in rows:
        local = scanned.replace(tzinfo=dt.UTC).astimezone(zone)
        counts[desk][(local.hour * 60 + local.minute) // BUCKET_MINUTES] += 1
    slots = [slot for desk in counts.values() for slot in desk]
    if not slots:
        return Arrivals(day, (), {})
    span = range(min(slots), max(slots) + 1)
    labels = tuple(f"{s * BUCKET_MINUTES // 60:02d}:{s * BUCKET_MINUTES % 60:02d}" for s in span)
    return Arrivals(
        day, labels, {desk: tuple(c.get(s, 0) for s in span) for desk, c in sorted(counts.items())}
    )


def _admitted_days(ws: Workspace) -> dict[tuple[uuid.UUID, dt.date], bool]:
    with ws.reading() as session:
        rows = session.execute(
            select(Checkin.participant_id, Checkin.local_day).where(
                Checkin.result == CheckinResult.ADMITTED.value
            )
        )
        return {(pid, day): True for pid, day in rows if pid is not None}


def _in_a_row(matrix: AttendanceMatrix, cells: tuple[AttendanceStatus | None, ...]) -> bool:
    held = [cell for cell, total in zip(cells, matrix.totals, strict=True) if total.held]
    return any(a is b is AttendanceStatus.ABSENT for a, b in itertools.pairwise(held))


def load_dashboard(
    ws: Workspace, day: dt.date | None = None, now: dt.datetime | None = None
) -> Dashboard:
    streams = queries.list_streams(ws)
    days = tuple(sorted({d for s in streams for d in s.days}))
    moment = naive_utc(now)
    chosen = day or _default_day(days, moment.date())
    matrices = [attendance.attendance_matrix(ws, s.number, now) for s in streams]
    admitted = _admitted_days(ws)
    summaries = {r.participant.id: r.summary for m in matrices for r in m.rows}
    people = [r.participant for m in matrices for r in m.rows]
    with ws.reading() as session:
        verdicts = {
            v.participant_id: v for v in certificates.eligibility_in(session, summaries, people)
        }
    required = next(iter(verdicts.values())).required_percent if verdicts else 0.0
    turnout, sessions, at_risk = [], [], []
    for stream, matrix in zip(streams, matrices, strict=True):
        members = [r.participant.id for r in matrix.rows]
        for d in stream.days:
            arrived = sum(1 for pid in members if (pid, d) in admitted)
            turnout.append(DayTurnout(stream.number, d, arrived, len(members)))
        for info, total in zip(matrix.sessions, matrix.totals, strict=True):
            if total.held:
                present = total.counts.get("present", 0) + total.counts.get("late", 0)
                label = f"{info.starts_at:%d.%m %H:%M} {info.title}"
                sessions.append(
                    SessionTurnout(stream.number, info.id, label, present, len(members))
                )
        for row in matrix.rows:
            summary = row.summary
            below = summary.held > 0 and (summary.percent or 0.0) < required
            in_a_row = _in_a_row(matrix, row.cells)
            if below or in_a_row:
                p = row.participant
                at_risk.append(
                    AtRisk(
                        p.id, p.full_name, stream.number, p.phone, summary.percent, below, in_a_row
                    )
                )
    register = certificates.certificate_register(ws)
    indicators = reach.reach_report(ws)
    with ws.reading() as session:
        settings = current_event(session).settings or {}
    saved = settings.get("selection") if isinstance(settings.get("selection"), dict) else {}
    return Dashboard(
        days=days,
        arrivals=_arrivals(ws, chosen),
        turnout=tuple(turnout),
        sessions=tuple(sessions),
        at_risk=tuple(at_risk),
        required_percent=required,
        certificates_issued=register.valid_count,
        accelerator_saved=sum(1 for p in people if p.accelerator_track),
        selection_saved_at=(saved or {}).get("saved_at"),
        reach_accelerator=indicators.accelerator,
        reach_all=indicators.overall,
        frozen_accounts=indicators.frozen_accounts,
        accounts=indicators.accounts,
    )


def _default_day(days: tuple[dt.date, ...], today: dt.date) -> dt.date:
    if not days or today in days:
        return today
    past = [d for d in days if d <= today]
    return past[-1] if past else days[0]
