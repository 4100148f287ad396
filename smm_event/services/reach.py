"""Reach indicators: accounts of each NGO with measurements imported from files, the baseline
frozen once accepted (value, window and SHA-256 of the measurements, so the claim can be
audited later), and growth per stream and for the accelerator NGOs (smm_event/outcomes/reach)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.domain.participants import ImportIssue
from smm_event.errors import UserError
from smm_event.outcomes.reach import (
    MEASUREMENT_KINDS,
    AccountReach,
    Growth,
    GrowthSummary,
    baseline_digest,
    organization_growth,
    summarize_growth,
)
from smm_event.outcomes.reach_rows import parse_reach
from smm_event.roster.store import find_participants
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, organization_id
from smm_event.storage.models import Organization, Participant
from smm_event.storage.outcome_models import ReachAccount, ReachMeasurement
from smm_event.text.folding import fold
from smm_event.workspace import Workspace

KINDS = MEASUREMENT_KINDS


@dataclass(frozen=True)
class ReachImportReport:
    kind: str
    added: int
    accounts_created: int
    unmatched: tuple[ImportIssue, ...]  # no such organization
    frozen: tuple[ImportIssue, ...]  # baseline rows for an account whose baseline is frozen
    invalid: tuple[ImportIssue, ...]
    applied: bool


def account_id(org_id: uuid.UUID, platform: str, handle: str) -> uuid.UUID:
    return uuid.uuid5(org_id, f"account:{platform}:{fold(handle)}")


def import_reach(ws: Workspace, path: Path, kind: str, dry_run: bool = False) -> ReachImportReport:
    if kind not in KINDS:
        raise UserError("bad_reach_kind", value=kind)
    rows, errors = parse_reach(path)
    invalid = tuple(ImportIssue(e.row_number, e.column, e.reason, e.value) for e in errors)
    unmatched: list[ImportIssue] = []
    frozen: list[ImportIssue] = []
    added = created = 0
    with ws.transaction() as session:
        event = current_event(session)
        orgs = {row.id for row in session.scalars(select(Organization))}
        accounts = {row.id: row for row in session.scalars(select(ReachAccount))}
        known = set(session.scalars(select(ReachMeasurement.id)))
        for row in rows:
            org = organization_id(event.id, fold(row.organization))
            if org not in orgs:
                unmatched.append(
                    ImportIssue(row.row_number, None, "no_such_organization", row.organization)
                )
                continue
            key = account_id(org, row.platform, row.handle)
            account = accounts.get(key)
            if kind == "baseline" and account is not None and account.baseline_frozen_at:
                frozen.append(ImportIssue(row.row_number, None, "baseline_frozen", row.handle))
                continue
            measurement = uuid.uuid5(key, f"{kind}:{row.period_from}:{row.period_to}")
            if measurement in known:
                continue
            known.add(measurement)
            added += 1
            if dry_run:
                continue
            if account is None and key not in accounts:
                fields = {"organization_id": org, "platform": row.platform, "handle": row.handle}
                changes.record(session, "reach_account", key, fields)
                accounts[key] = session.get_one(ReachAccount, key)
                created += 1
            changes.record(
                session,
                "reach_measurement",
                measurement,
                {
                    "account_id": key,
                    "kind": kind,
                    "period_from": row.period_from,
                    "period_to": row.period_to,
                    "reach": row.reach,
                    "source": path.name[:300],
                    "imported_at": changes.utc_now(),
                },
                new=True,
            )
    return ReachImportReport(
        kind, added, created, tuple(unmatched), tuple(frozen), invalid, not dry_run
    )


def _baseline_rows(measurements: list[ReachMeasurement]) -> list[tuple[str, str, str, float]]:
    return [
        (m.period_from.isoformat(), m.period_to.isoformat(), m.source or "", m.reach)
        for m in measurements
        if m.kind == "baseline"
    ]


def _by_account(session: Session) -> dict[uuid.UUID, list[ReachMeasurement]]:
    found: dict[uuid.UUID, list[ReachMeasurement]] = defaultdict(list)
    for row in session.scalars(select(ReachMeasurement).order_by(ReachMeasurement.period_to)):
        found[row.account_id].append(row)
    return found


def freeze_baselines(ws: Workspace) -> int:
    """Accept the baseline of every account that has baseline measurements and no frozen
    baseline yet: the mean reach over its baseline windows. Returns how many were frozen."""
    count = 0
    with ws.transaction() as session:
        measurements = _by_account(session)
        for account in session.scalars(select(ReachAccount)).all():
            rows = _baseline_rows(measurements.get(account.id, []))
            if account.baseline_frozen_at is not None or not rows:
                continue
            fields = {
                "baseline_reach": round(sum(r[3] for r in rows) / len(rows), 2),
                "baseline_from": min(
                    m.period_from for m in measurements[account.id] if m.kind == "baseline"
                ),
                "baseline_to": max(
                    m.period_to for m in measurements[account.id] if m.kind == "baseline"
                ),
                "baseline_sha256": baseline_digest(rows),
                "baseline_frozen_at": changes.utc_now(),
            }
            changes.record(session, "reach_account", account.id, fields)
            count += 1
    return count


@dataclass(frozen=True)
class OrganizationReach:
    organization_id: uuid.UUID
    name: str
    streams: tuple[int, ...]
    accelerator: bool
    accounts: int
    growth: Growth
    tampered: bool  # a frozen baseline whose measurements no longer hash to the stored value


@dataclass(frozen=True)
class ReachReport:
    organizations: tuple[OrganizationReach, ...]
    overall: GrowthSummary
    accelerator: GrowthSummary
    by_stream: dict[int, GrowthSummary]
    frozen_accounts: int
    accounts: int


def reach_report(ws: Workspace) -> ReachReport:
    with ws.reading() as session:
        people = find_participants(session)
        org_rows = {row.id: row.name for row in session.scalars(select(Organization))}
        accounts = list(session.scalars(select(ReachAccount)))
        measurements = _by_account(session)
        org_of = {
            pid: org
            for pid, org in session.execute(select(Participant.id, Participant.organization_id))
        }
    streams: dict[uuid.UUID, set[int]] = defaultdict(set)
    in_accelerator: set[uuid.UUID] = set()
    for person in people:
        org = org_of.get(person.id)
        if org is None:
            continue
        if person.stream_number is not None:
            streams[org].add(person.stream_number)
        if person.accelerator_track:
            in_accelerator.add(org)
    per_org: dict[uuid.UUID, list[AccountReach]] = defaultdict(list)
    tampered: set[uuid.UUID] = set()
    for account in accounts:
        rows = measurements.get(account.id, [])
        followups = [m for m in rows if m.kind == "followup"]
        if account.baseline_frozen_at is not None:
            baseline = account.baseline_reach
            if baseline_digest(_baseline_rows(rows)) != account.baseline_sha256:
                tampered.add(account.organization_id)
        else:
            baseline = None  # a baseline counts only once it is accepted and frozen
        per_org[account.organization_id].append(
            AccountReach(baseline, followups[-1].reach if followups else None)
        )
    result = []
    for org, name in sorted(org_rows.items(), key=lambda o: o[1]):
        if org not in streams:
            continue
        result.append(
            OrganizationReach(
                org,
                name,
                tuple(sorted(streams[org])),
                org in in_accelerator,
                len(per_org.get(org, [])),
                organization_growth(per_org.get(org, [])),
                org in tampered,
            )
        )
    by_stream = {
        n: summarize_growth(o.growth for o in result if n in o.streams)
        for n in sorted({n for s in streams.values() for n in s})
    }
    return ReachReport(
        tuple(result),
        summarize_growth(o.growth for o in result),
        summarize_growth(o.growth for o in result if o.accelerator),
        by_stream,
        sum(1 for a in accounts if a.baseline_frozen_at is not None),
        len(accounts),
    )
