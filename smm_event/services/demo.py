"""The demo workspace: the real programme's shape with 210 fictional participants.

Two scenarios. ``first-day`` (the default of this function, which tests build on): stream 1
starts today and nothing has happened yet. ``mid-course`` (the default of ``smm-event demo``
and of the desktop's demo): stream 1 finished, stream 2 on its second day, stream 3 ahead, see
``smm_event.services.demo_course``. A later feature adds its demo data by appending one step
to ``MID_COURSE_STEPS``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from smm_event.demo_data import DemoParticipant, generate_demo_participants
from smm_event.domain.event import WorkspaceSummary
from smm_event.errors import UserError
from smm_event.paths import demo_workspace_path, resource_path
from smm_event.schedule import load_schedule, shift_schedule
from smm_event.services import demo_course, event_setup, keys, queries, streams
from smm_event.services.demo_outcomes import outcome_step
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, organization_id
from smm_event.storage.local_models import LocalState
from smm_event.text.folding import fold
from smm_event.workspace import Workspace, open_workspace

DEMO_DEVICE_NAME = "Организатор (демо)"
# The demo's signing key is locked with a passphrase everyone knows: it signs fictional badges.
DEMO_PASSPHRASE = "demo-passphrase"
FIRST_DAY = "first-day"
MID_COURSE = "mid-course"
SCENARIOS = (MID_COURSE, FIRST_DAY)
# Mid-course, "today" is the second day of stream 2: day 9 of the programme.
MID_COURSE_TODAY_OFFSET = dt.timedelta(days=8)
# What happened so far, in order; each step gets the same DemoScene.
MID_COURSE_STEPS: list[demo_course.DemoStep] = [
    demo_course.simulate_attendance,
    demo_course.record_exit_scores,
    demo_course.issue_stream_one,
    outcome_step,
]


def create_demo(
    path: Path | None,
    seed: int = 2026,
    first_day: dt.date | None = None,
    replace: bool = False,
    device_name: str | None = None,
    scenario: str = FIRST_DAY,
    today: dt.date | None = None,
) -> WorkspaceSummary:
    """``first-day``: stream 1 starts on ``first_day`` (default today). ``mid-course``: the
    programme is moved so that ``today`` (default: the real today) is stream 2's second day;
    ``first_day`` is then ignored. Everything else depends only on ``seed``."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown demo scenario {scenario!r}: one of {', '.join(SCENARIOS)}")
    target = path or demo_workspace_path()
    if replace:
        remove_workspace_files(target)
    with open_workspace(target, device_name=device_name or DEMO_DEVICE_NAME) as ws:
        if _has_event(ws) and not replace:
            raise UserError("workspace_not_empty", path=str(ws.path))
        if scenario == MID_COURSE:
            day = today or venue_today()
            fill_demo(ws, seed, day - MID_COURSE_TODAY_OFFSET)
            run_course(ws, seed, day)
        else:
            fill_demo(ws, seed, first_day or dt.date.today())
        return queries.workspace_summary(ws)


def venue_today() -> dt.date:
    """Today at the demo's venue: the desk judges check-ins by the venue's date, so a demo
    built late in the evening elsewhere must still have stream 2 meeting "today"."""
    zone = ZoneInfo(load_schedule(resource_path("demo", "schedule.toml")).timezone)
    return dt.datetime.now(zone).date()


def run_course(ws: Workspace, seed: int, today: dt.date) -> None:
    """The organizer's key (passphrase ``demo-passphrase``), then every mid-course step."""
    keys.init_keys(ws, DEMO_PASSPHRASE)
    scene = demo_course.DemoScene(ws, seed, today, keys.unlock_signing_key(ws, DEMO_PASSPHRASE))
    for step in MID_COURSE_STEPS:
        step(scene)


def remove_workspace_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def fill_demo(ws: Workspace, seed: int, first_day: dt.date) -> None:
    spec = shift_schedule(load_schedule(resource_path("demo", "schedule.toml")), first_day)
    event_setup.init_event(ws, spec)
    people = generate_demo_participants(seed, reference_day=first_day)
    with ws.transaction() as session:
        event_id = current_event(session).id
        organizations: dict[uuid.UUID, dict[str, object]] = {}
        rows = []
        for person in people:
            org_id = organization_id(event_id, fold(person.organization))
            organizations.setdefault(org_id, {"name": person.organization, "region": person.region})
            rows.append(
                (
                    uuid.uuid5(event_id, f"demo:{person.email}"),
                    _person_fields(event_id, org_id, person),
                )
            )
        changes.record_new_rows(session, "organization", list(organizations.items()))
        changes.record_new_rows(session, "participant", rows)
    streams.assign_streams(ws)


def _person_fields(
    event_id: uuid.UUID, org_id: uuid.UUID, person: DemoParticipant
) -> dict[str, object]:
    return {
        "event_id": event_id,
        "surname": person.surname,
        "first_name": person.first_name,
        "patronymic": person.patronymic,
        "gender": person.gender,
        "organization_id": org_id,
        "position": person.position,
        "region": person.region,
        "phone": person.phone,
        "email": person.email,
        "consent": person.consent,
        "consent_date": person.consent_date,
        "entry_score": person.entry_score,
        "notes": person.notes,
        "stream_locked": False,
        "walk_in": False,
        "badge_version": 1,
        "deleted": False,
    }


def _has_event(ws: Workspace) -> bool:
    with ws.reading() as session:
        state = session.get(LocalState, 1)
        return state is not None and state.event_id is not None
