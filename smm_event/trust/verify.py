"""Checking received records before anything is applied: chain, signature, station, role,
payload, clock. One ``Verifier`` lives for one sync run or bundle import, so records past the
last signed head of one batch wait for the next batch instead of being refused.

Outcomes per record (docs/trust.md, "What a receiver does"):

- accepted: extends its device's chain, is covered by a valid signature of an enrolled,
  unrevoked station; stored in the change log. It is applied unless ``withheld`` names it
  (its station may not write it, the payload is invalid, or its stamp is far in the future):
  then it stays in the log (other laptops judge it themselves) and in quarantine;
- refused: not stored (forged, unknown or revoked station, broken chain); kept in quarantine;
- pending: after the last signed head; waits for a later batch."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.storage import chain
from smm_event.storage import hlc as hlc_clock
from smm_event.storage.changeset import Change
from smm_event.storage.clock_guard import trusted_now_ms
from smm_event.storage.entities import MergeRule, entity_names, entity_spec
from smm_event.storage.local_models import ChangeRecord, LocalState
from smm_event.storage.station_keys import own_public_key
from smm_event.storage.trust_models import Station
from smm_event.storage.validation import validate_change
from smm_event.trust.certificates import certificate_is_valid
from smm_event.trust.roles import Role, Write, may_write, parse_roles

Key = tuple[uuid.UUID, int]
# Signed heads tried per device and batch, newest first: a forger appending records with bad
# signatures costs at most this many checks, and genuine records before them still count.
MAX_HEAD_TRIES = 3
_STATION_FIELDS = frozenset({"public_key", "roles", "certificate", "event_id"})


@dataclass
class _Known:
    public_key: str
    roles: frozenset[Role]
    revoked_after_seq: int | None = None


@dataclass
class Verdict:
    accepted: list[Change] = field(default_factory=list)
    withheld: dict[Key, str] = field(default_factory=dict)
    refused: list[tuple[Change, str]] = field(default_factory=list)


class Verifier:
    def __init__(self, extra_stations: Iterable[Change] = (), validated: bool = False) -> None:
        """``validated``: the payloads were checked already (a bundle's read path validates
        every record before anything is applied), so the verifier does not repeat it."""
        self.validated = validated
        self.pending: dict[uuid.UUID, list[Change]] = {}
        self.extra = [c for c in extra_stations if c.entity == "station"]

    @property
    def pending_count(self) -> int:
        return sum(len(v) for v in self.pending.values())

    def check(
        self, session: Session, batch: Sequence[Change], server_skew_ms: int | None = None
    ) -> Verdict:
        """``server_skew_ms``: this laptop's clock minus central's, when syncing with it: then
        "the future" starts at the later of the two clocks (a laptop whose own clock is behind
        must not refuse everyone's genuine edits)."""
        state = session.get_one(LocalState, 1)
        if state.anchor_key is None or state.anchor_device is None:
            from smm_event.errors import UserError

            raise UserError("station_not_enrolled")
        known = self._stations(session, state, batch)
        by_device: dict[uuid.UUID, dict[int, Change]] = {}
        for change in [*self._take_pending(), *batch]:
            by_device.setdefault(change.device_id, {})[change.seq] = change
        verdict = Verdict()
        # The organizer's records first: a revocation they carry applies to the rest.
        order = sorted(by_device, key=lambda d: (d != state.anchor_device, d.hex))
        for device in order:
            records = [by_device[device][seq] for seq in sorted(by_device[device])]
            self._device(session, device, records, known, verdict)
            if device == state.anchor_device:
                self._revocations(verdict.accepted, known)
        wall = trusted_now_ms(state)  # a laptop a year ahead must not accept a year ahead
        if server_skew_ms is not None:
            wall = max(wall, wall - server_skew_ms)
        self._judge(session, state, known, verdict, wall + hlc_clock.MAX_FORWARD_SKEW_MS)
        return verdict

    def _take_pending(self) -> list[Change]:
        carried = [change for changes in self.pending.values() for change in changes]
        self.pending = {}
        return carried

    def _stations(
        self, session: Session, state: LocalState, batch: Sequence[Change]
    ) -> dict[uuid.UUID, _Known]:
        assert state.anchor_device is not None  # checked by check()
        known = {state.anchor_device: _Known(state.anchor_key or "", frozenset({Role.ORGANIZER}))}
        for row in session.scalars(select(Station)):
            if row.id not in known:
                known[row.id] = _Known(
                    row.public_key, parse_roles(row.roles), row.revoked_after_seq
                )
        # This laptop's own records coming back (a restored backup) were applied here before.
        known.setdefault(
            state.device_id,
            _Known(own_public_key(session, state.device_id), frozenset({Role.ORGANIZER})),
        )
        anchor = state.anchor_key or ""
        for change in [*self.extra, *batch]:
            if change.entity != "station" or not set(change.payload) >= _STATION_FIELDS:
                continue
            try:
                station = uuid.UUID(change.entity_id)
            except ValueError:
                continue
            if station in known or not certificate_is_valid(anchor, station, change.payload):
                continue
            known[station] = _Known(
                str(change.payload["public_key"]), parse_roles(change.payload["roles"])
            )
        return known

    def _device(
        self,
        session: Session,
        device: uuid.UUID,
        records: list[Change],
        known: dict[uuid.UUID, _Known],
        verdict: Verdict,
    ) -> None:
        top = session.execute(
            select(ChangeRecord.seq, ChangeRecord.chain_hash)
            .where(ChangeRecord.device_id == device)
            .order_by(ChangeRecord.seq.desc())
            .limit(1)
        ).first()
        top_seq, previous = (int(top[0]), top[1]) if top else (0, None)
        records = [change for change in records if change.seq > top_seq]
        if not records:
            return
        station = known.get(device)
        if station is None:
            verdict.refused += [(change, "unknown_station") for change in records]
            return
        if records[0].seq != top_seq + 1:
            verdict.refused += [(change, "chain_gap") for change in records]
            return
        valid, signed, broken = 0, [], "chain_broken"
        for index, change in enumerate(records):
            if change.seq != top_seq + 1 + index:
                broken = "chain_gap"  # e.g. a seq of 2**63 - 1 claimed under a real device
                break
            previous = chain.next_hash(previous, _bytes(change))
            if previous != change.chain_hash:
                break
            valid = index + 1
            if change.signature:
                signed.append(index)
        verdict.refused += [(change, broken) for change in records[valid:]]
        key = chain.load_public_key(station.public_key)
        head_index = next(
            (
                index
                for index in reversed(signed[-MAX_HEAD_TRIES:])
                if key is not None
                and chain.head_is_valid(
                    key,
                    device,
                    records[index].seq,
                    records[index].chain_hash or "",
                    records[index].signature or "",
                )
            ),
            None,
        )
        if head_index is None and signed:
            # Forged heads only (or more forged ones than we try): nothing of the device here
            # is vouched for; a genuine copy of its records will come from elsewhere.
            verdict.refused += [(change, "bad_signature") for change in records[:valid]]
            return
        if head_index is None:
            self.pending[device] = records[:valid]
            return
        signed_after = [i for i in signed if i > head_index]
        if signed_after:  # a forged head after the genuine one: it and what it covers
            verdict.refused += [(c, "bad_signature") for c in records[head_index + 1 : valid]]
            valid = head_index + 1
        signed_index = head_index
        covered = records[: signed_index + 1]
        self.pending[device] = records[signed_index + 1 : valid]
        limit = station.revoked_after_seq
        if limit is not None:
            verdict.refused += [(c, "revoked_station") for c in covered if c.seq > limit]
            covered = [c for c in covered if c.seq <= limit]
        verdict.accepted += covered

    def _revocations(self, accepted: list[Change], known: dict[uuid.UUID, _Known]) -> None:
        for change in accepted:
            seq = change.payload.get("revoked_after_seq")
            if change.entity != "station" or not isinstance(seq, int):
                continue
            try:
                station = known.get(uuid.UUID(change.entity_id))
            except ValueError:
                continue
            if station is not None and station.revoked_after_seq is None:
                station.revoked_after_seq = seq

    def _judge(
        self,
        session: Session,
        state: LocalState,
        known: dict[uuid.UUID, _Known],
        verdict: Verdict,
        horizon: int,
    ) -> None:
        entities = set(entity_names())
        for change in verdict.accepted:
            if change.entity not in entities:
                continue  # skipped by store_and_apply: a newer version's entity
            reason = self._reason(session, state, known, change, horizon)
            if reason is not None:
                verdict.withheld[change.key] = reason

    def _reason(
        self,
        session: Session,
        state: LocalState,
        known: dict[uuid.UUID, _Known],
        change: Change,
        horizon: int,
    ) -> str | None:
        if not self.validated:
            problem = validate_change(change.entity, change.entity_id, change.payload)
            if problem is not None:
                return f"invalid_{problem}"
        roles = known[change.device_id].roles
        if not may_write(
            session, roles, Write(change.device_id, change.entity, change.entity_id, change.payload)
        ):
            return "not_allowed"
        vouched = change.entity != "station" or not (_STATION_FIELDS & set(change.payload))
        if not vouched and not certificate_is_valid(
            state.anchor_key or "", uuid.UUID(change.entity_id), change.payload
        ):
            return "bad_certificate"
        if far_future([change], horizon):
            return "clock_ahead"
        return None


def far_future(changes: Iterable[Change], horizon_ms: int) -> list[Change]:
    """Field edits (last-writer-wins) stamped after ``horizon_ms``: never adopted, or one
    laptop whose clock was a year ahead would win every edit of those fields for a year."""
    entities = set(entity_names())
    return [
        change
        for change in changes
        if change.entity in entities
        and entity_spec(change.entity).rule is MergeRule.LAST_WRITER_WINS
        and _wall_ms(change.hlc) > horizon_ms
    ]


def _bytes(change: Change) -> bytes:
    return chain.canonical_bytes(
        change.device_id,
        change.seq,
        change.hlc,
        change.entity,
        change.entity_id,
        change.payload,
        change.recorded_at,
    )


def _wall_ms(stamp: str) -> int:
    try:
        return hlc_clock.Hlc.parse(stamp).wall_ms
    except ValueError:
        return 0
