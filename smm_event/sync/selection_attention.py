"""Needs-attention items of the accelerator selection (docs/outcomes.md, "Two laptops"):

- one person decided differently on two laptops (the newest decision of each laptop differs):
  the newest by clock is current, and the organizer sees that another laptop disagreed;
- after merging, more people hold an accelerator track than the stored rule has places, in all,
  in a track, or from one NGO: two laptops each accepted or saved different people offline.
Nothing here changes data."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smm_event.domain.sync import AttentionItem, AttentionKind
from smm_event.errors import UserError
from smm_event.outcomes.rule_config import rule_from_settings
from smm_event.storage.models import Event, Participant
from smm_event.storage.outcome_models import SelectionDecision

MakeItem = Callable[..., AttentionItem]


def selection_attention(session: Session, item: MakeItem) -> list[AttentionItem]:
    return _conflicts(session, item) + _over_limit(session, item)


def _conflicts(session: Session, item: MakeItem) -> list[AttentionItem]:
    shared = (
        select(SelectionDecision.participant_id)
        .group_by(SelectionDecision.participant_id)
        .having(func.count(func.distinct(SelectionDecision.device_id)) > 1)
    )
    rows = session.scalars(
        select(SelectionDecision)
        .where(SelectionDecision.participant_id.in_(shared))
        .order_by(SelectionDecision.hlc)
    )
    versions: dict[uuid.UUID, list[SelectionDecision]] = defaultdict(list)
    for row in rows:
        versions[row.participant_id].append(row)
    items = []
    for participant, decisions in versions.items():
        latest = {d.device_id: d for d in decisions}  # clock order: each laptop's newest
        if len({(d.decision, d.track) for d in latest.values()}) < 2:
            continue
        current = decisions[-1]
        items.append(
            item(
                AttentionKind.CONFLICTING_SELECTION,
                participant,
                latest.keys(),
                record_ids=tuple(str(d.id) for d in latest.values()),
                details={
                    "current_decision": current.decision,
                    "current_track": current.track,
                    "decisions": {
                        str(d.device_id): {
                            "decision": d.decision,
                            "track": d.track,
                            "reason": d.reason,
                        }
                        for d in latest.values()
                    },
                },
            )
        )
    return items


def _over_limit(session: Session, item: MakeItem) -> list[AttentionItem]:
    event = session.scalars(select(Event).order_by(Event.id)).first()
    if event is None:
        return []
    try:
        rule = rule_from_settings(event.settings)
    except UserError:  # an unreadable rule is reported where it is used, not here
        return []
    rows = session.execute(
        select(Participant.accelerator_track, Participant.organization_id).where(
            Participant.accelerator_track.is_not(None), Participant.deleted.is_(False)
        )
    )
    tracks: dict[str, int] = defaultdict(int)
    orgs: dict[uuid.UUID, int] = defaultdict(int)
    total = 0
    for track, org in rows:
        total += 1
        tracks[str(track)] += 1
        if org is not None:
            orgs[org] += 1
    found: list[dict[str, Any]] = []
    if total > rule.places:
        found.append({"limit": "places", "count": total, "allowed": rule.places})
    for track, count in sorted(tracks.items()):
        allowed = rule.track_places.get(track, 0)
        if count > allowed:
            found.append({"limit": "track", "track": track, "count": count, "allowed": allowed})
    limit = rule.max_per_organization
    if limit is not None:
        for org, count in sorted(orgs.items(), key=lambda o: str(o[0])):
            if count > limit:
                found.append(
                    {
                        "limit": "organization",
                        "organization_id": org,
                        "count": count,
                        "allowed": limit,
                    }
                )
    return [item(AttentionKind.SELECTION_OVER_LIMIT, None, (), details=d) for d in found]
