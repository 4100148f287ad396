"""Everything the indicators report and the dashboard show, gathered once (read-only)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from smm_event.domain.attendance import AttendanceMatrix
from smm_event.domain.participants import ParticipantInfo
from smm_event.roster.store import find_participants
from smm_event.services import (
    attendance,
    outcome_scores,
    outcomes,
    queries,
    reach,
    selection,
    surveys,
)
from smm_event.storage.event_context import current_event
from smm_event.workspace import Workspace


@dataclass(frozen=True)
class IndicatorsData:
    event_name: str
    generated_on: dt.date
    people: tuple[ParticipantInfo, ...]
    funnel: tuple[outcomes.FunnelStep, ...]
    dates: tuple[outcomes.StageDates, ...]
    regions: tuple[tuple[str, int], ...]  # most people first
    organizations: tuple[tuple[str, int], ...]
    matrices: tuple[AttendanceMatrix, ...]
    gains: outcome_scores.GainReport
    surveys: tuple[surveys.SurveySummary, ...]
    reach: reach.ReachReport
    selection: selection.SelectionView


def indicators_data(ws: Workspace, now: dt.datetime | None = None) -> IndicatorsData:
    with ws.reading() as session:
        event_name = current_event(session).name
        people = find_participants(session)
    matrices = tuple(
        attendance.attendance_matrix(ws, stream.number, now) for stream in queries.list_streams(ws)
    )
    regions = Counter(p.region or "не указан" for p in people)
    orgs = Counter(p.organization or "не указана" for p in people)
    return IndicatorsData(
        event_name=event_name,
        generated_on=(now or dt.datetime.now()).date(),
        people=people,
        funnel=outcomes.funnel(ws, now),
        dates=outcomes.stage_dates(ws),
        regions=tuple(sorted(regions.items(), key=lambda item: (-item[1], item[0]))),
        organizations=tuple(sorted(orgs.items(), key=lambda item: (-item[1], item[0]))),
        matrices=matrices,
        gains=outcome_scores.gain_report(ws),
        surveys=tuple(surveys.survey_summary(ws, name) for name in surveys.survey_names(ws)),
        reach=reach.reach_report(ws),
        selection=selection.selection_view(ws, None, now),
    )
