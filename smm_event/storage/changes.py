"""The only way replicated rows are written: every local change becomes an immutable record
(device, per-device sequence number, hybrid logical clock, fields) and is then applied by the
same merge code that applies changes pulled from other laptops. The local state is therefore
always the fold of the log, which is what makes sync convergent."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import bindparam, event, insert, select, update
from sqlalchemy.orm import Session

from smm_event.errors import UserError
from smm_event.storage import chain
from smm_event.storage import hlc as hlc_clock
from smm_event.storage.base import Base
from smm_event.storage.clock_guard import stamp_wall_ms, trusted_now_ms
from smm_event.storage.codec import decode_fields, encode_fields
from smm_event.storage.entities import EntitySpec, MergeRule, entity_spec
from smm_event.storage.local_models import ChangeRecord, LocalState
from smm_event.storage.station_keys import signer
from smm_event.storage.validation import problem_of

# The trust layer's check of this laptop's own station roles, installed by the workspace
# (trust sits above storage, so storage calls it through this seam instead of importing it).
RoleGuard = Callable[[Session, uuid.UUID, str, str, Mapping[str, Any]], None]
_role_guard: RoleGuard | None = None
_forget_roles: Callable[[Session], None] | None = None


def install_role_guard(guard: RoleGuard, forget: Callable[[Session], None]) -> None:
    """Every local write is refused when this laptop's role may not make it (``guard`` raises
    a UserError); ``forget`` drops the roles it cached for a session once they may change."""
    global _role_guard, _forget_roles
    _role_guard, _forget_roles = guard, forget


def refuse_outside_role(
    session: Session, author: uuid.UUID, entity: str, entity_id: str, payload: Mapping[str, Any]
) -> None:
    if _role_guard is not None:
        _role_guard(session, author, entity, entity_id, payload)


def forget_own_roles(session: Session) -> None:
    if _forget_roles is not None:
        _forget_roles(session)


# Every this many rows a bulk write signs a head, so a receiver never holds a long unsigned run.
SIGN_EVERY = 256
_HEAD = "smm_event.unsigned_head"
_STATE = "smm_event.local_state"
# session.info keys under this prefix hold what a transaction read from state rows; a write
# those keys cannot see coming (Core INSERTs of state rows) drops them.
MEMO_PREFIX = "smm_event.memo."


def forget_memos(session: Session) -> None:
    for key in [k for k in session.info if isinstance(k, str) and k.startswith(MEMO_PREFIX)]:
        del session.info[key]


def local_state(session: Session) -> LocalState:
    state = session.get(LocalState, 1)
    if state is None:
        raise RuntimeError("workspace has no local state row; open it through open_workspace()")
    # The identity map holds rows weakly: once a flush leaves this row clean it is collected,
    # and every later get() (a scan's mark, its chain head, the event) would SELECT it again.
    # A strong reference keeps it in the map for this transaction only (dropped at its end:
    # another process may write the row before this session's next transaction).
    session.info[_STATE] = state
    return state


def utc_now() -> dt.datetime:
    """Naive UTC, the form every instant is stored in."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def record(
    session: Session,
    entity: str,
    entity_id: uuid.UUID | str,
    fields: Mapping[str, Any],
    wall_ms: int | None = None,
    new: bool = False,
) -> ChangeRecord:
    """Record a local change and apply it. The caller's transaction commits both or neither.
    ``new`` promises the row does not exist yet (a fresh UUID), which saves a lookup per row in
    bulk imports."""
    payload = encode_fields(fields)
    refuse_invalid(entity, str(entity_id), payload)
    state = local_state(session)
    refuse_outside_role(session, state.device_id, entity, str(entity_id), payload)
    stamp = hlc_clock.next_stamp(
        state.hlc_wall_ms, state.hlc_counter, state.device_id, stamp_wall_ms(state, wall_ms)
    )
    state.last_seq += 1
    state.hlc_wall_ms, state.hlc_counter = stamp.wall_ms, stamp.counter
    change = ChangeRecord(
        device_id=state.device_id,
        seq=state.last_seq,
        hlc=stamp.encode(),
        entity=entity,
        entity_id=str(entity_id),
        payload=payload,
        recorded_at=utc_now(),
    )
    change.chain_hash = _extend_chain(state, change.__dict__)
    session.add(change)
    session.info[_HEAD] = change  # signed once, when the transaction commits
    apply_change(session, change, new=new)
    return change


def _extend_chain(state: LocalState, values: Mapping[str, Any]) -> str:
    record_bytes = chain.canonical_bytes(
        values["device_id"],
        values["seq"],
        values["hlc"],
        values["entity"],
        values["entity_id"],
        values["payload"],
        values["recorded_at"],
    )
    state.chain_hash = chain.next_hash(state.chain_hash, record_bytes)
    return state.chain_hash


@dataclass(frozen=True)
class InsertedHead:
    """A record written by ``record_insert``: not an ORM object, so it is signed by UPDATE."""

    device_id: uuid.UUID
    seq: int
    chain_hash: str


Head = ChangeRecord | InsertedHead

_SIGN_INSERTED = (
    update(ChangeRecord.__table__)  # type: ignore[arg-type]
    .where(
        ChangeRecord.__table__.c.device_id == bindparam("head_device"),
        ChangeRecord.__table__.c.seq == bindparam("head_seq"),
    )
    .values(signature=bindparam("head_signature"))
)


def transaction_head(session: Session) -> Head | None:
    """The record the transaction's signature will go on (so far)."""
    return cast("Head | None", session.info.get(_HEAD))


def restore_head(session: Session, head: Head | None) -> None:
    """After a savepoint rolled back: its records are gone, so the head is the one before it
    (otherwise the commit would sign a record that no longer exists and leave the rest
    unsigned)."""
    if head is None:
        session.info.pop(_HEAD, None)
    else:
        session.info[_HEAD] = head


@event.listens_for(Session, "before_commit")
def _sign_head(session: Session) -> None:
    """Sign the transaction's last record: one signature per transaction, however many
    records it wrote (a scan's check-in and its mark cost one)."""
    head: Head | None = session.info.pop(_HEAD, None)
    if head is None or head.chain_hash is None:
        return
    signature = chain.sign_head(
        signer(session, head.device_id), head.device_id, head.seq, head.chain_hash
    )
    if isinstance(head, ChangeRecord):
        head.signature = signature
    else:
        session.connection().execute(
            _SIGN_INSERTED,
            {"head_device": head.device_id, "head_seq": head.seq, "head_signature": signature},
        )


@event.listens_for(Session, "after_rollback")
def _forget_head(session: Session) -> None:
    session.info.pop(_HEAD, None)
    session.info.pop(_STATE, None)
    forget_own_roles(session)


@event.listens_for(Session, "after_commit")
def _forget_state(session: Session) -> None:
    session.info.pop(_STATE, None)
    forget_own_roles(session)  # the organizer may change this laptop's roles by the next one


def refuse_invalid(entity: str, entity_id: str, payload: Mapping[str, Any]) -> None:
    """The last line of defence for what this laptop writes: a value no engine could store the
    same way (too long for PostgreSQL, a bidi override in a name...) never enters the log,
    whichever screen or command let it through."""
    problem = problem_of(entity, entity_id, payload)
    if problem is None:
        return
    if problem.code == "too_long":
        raise UserError("field_too_long", entity=entity, field=problem.field, limit=problem.limit)
    raise UserError("field_invalid", entity=entity, field=problem.field, problem=problem.code)


@dataclass(frozen=True)
class Inserted:
    """What ``record_insert`` wrote: the change's clock stamp and the row's values."""

    hlc: str
    values: Mapping[str, Any]


def record_insert(
    session: Session,
    entity: str,
    entity_id: uuid.UUID | str,
    fields: Mapping[str, Any],
) -> Inserted:
    """``record(..., new=True)`` for a new row of an insert-only entity (a scan, a mark), with
    two Core INSERTs instead of the ORM's unit of work: the same change record, chain hash,
    signature and row, byte for byte (tested), at a third of the cost on the desk's hot path.
    The row is not in the session's identity map; read it back with a query if needed."""
    spec = entity_spec(entity)
    if spec.rule is not MergeRule.INSERT_ONLY or spec.derive is not None:
        raise ValueError(f"{entity} is not an insert-only entity without derived columns")
    payload = encode_fields(fields)
    refuse_invalid(entity, str(entity_id), payload)
    state = local_state(session)
    stamp = hlc_clock.next_stamp(
        state.hlc_wall_ms, state.hlc_counter, state.device_id, hlc_clock.now_ms()
    )
    state.last_seq += 1
    state.hlc_wall_ms, state.hlc_counter = stamp.wall_ms, stamp.counter
    hlc = stamp.encode()
    change_row: dict[str, Any] = {
        "device_id": state.device_id,
        "seq": state.last_seq,
        "hlc": hlc,
        "entity": entity,
        "entity_id": str(entity_id),
        "payload": payload,
        "recorded_at": utc_now(),
        "signature": None,
    }
    change_row["chain_hash"] = _extend_chain(state, change_row)
    connection = session.connection()
    connection.execute(_insert_of(ChangeRecord), change_row)
    session.info[_HEAD] = InsertedHead(state.device_id, state.last_seq, change_row["chain_hash"])
    # As _create and _merge_fields build the ORM row: the decoded payload, the stamp of the
    # change for every field (and a mark version's own hlc column, set last).
    values = decode_fields(spec.model, payload)
    if "hlc" in spec.model.__table__.columns:
        values["hlc"] = hlc
    if all(values.get(name) is not None for name in _required_columns(spec.model)):
        key: Any = str(entity_id) if spec.text_key else uuid.UUID(str(entity_id))
        connection.execute(
            _insert_of(spec.model), {**values, "id": key, "clocks": dict.fromkeys(values, hlc)}
        )
    return Inserted(hlc, values)


@cache
def _insert_of(model: type[Base]) -> Any:
    # Built once: building an INSERT costs more than a cached compile of it.
    return insert(model.__table__)  # type: ignore[arg-type]


def written_row(session: Session, model: type[Base], key: Any) -> Any:
    """The row ``record(..., new=True)`` just created, without the flush and SELECT that
    ``session.get`` would spend on a row that is still pending (a hot path at the desk)."""
    for candidate in session.new:
        if isinstance(candidate, model) and candidate.id == key:  # type: ignore[attr-defined]
            return candidate
    return session.get_one(model, key)


def record_new_rows(
    session: Session, entity: str, rows: Sequence[tuple[uuid.UUID, Mapping[str, Any]]]
) -> None:
    """``record(..., new=True)`` for many fresh rows at once, written with two multi-row INSERTs
    instead of the ORM's unit of work: a 10,000-row roster import is 3× faster this way. The
    rows, change records and derived columns are exactly what ``record`` would write."""
    if not rows:
        return
    spec = entity_spec(entity)
    state = local_state(session)
    columns = spec.model.__table__.columns
    recorded_at = utc_now()
    wall_ms = stamp_wall_ms(state)  # one reading for the run: its stamps only count up
    change_rows: list[dict[str, Any]] = []
    state_rows: list[dict[str, Any]] = []
    for key, fields in rows:
        payload = encode_fields(fields)
        refuse_invalid(entity, str(key), payload)
        refuse_outside_role(session, state.device_id, entity, str(key), payload)
        stamp = hlc_clock.next_stamp(state.hlc_wall_ms, state.hlc_counter, state.device_id, wall_ms)
        state.last_seq += 1
        state.hlc_wall_ms, state.hlc_counter = stamp.wall_ms, stamp.counter
        change_row: dict[str, Any] = {
            "device_id": state.device_id,
            "seq": state.last_seq,
            "hlc": stamp.encode(),
            "entity": entity,
            "entity_id": str(key),
            "payload": payload,
            "recorded_at": recorded_at,
            "signature": None,
        }
        chain_hash = _extend_chain(state, change_row)
        change_row["chain_hash"] = chain_hash
        if len(change_rows) % SIGN_EVERY == SIGN_EVERY - 1 or len(change_rows) == len(rows) - 1:
            change_row["signature"] = chain.sign_head(
                signer(session, state.device_id),
                state.device_id,
                state.last_seq,
                chain_hash,
            )
        change_rows.append(change_row)
        row = SimpleNamespace(**{column.key: _scalar_default(column) for column in columns})
        for name, value in fields.items():
            setattr(row, name, value)
        row.id = key
        row.clocks = dict.fromkeys(fields, stamp.encode())
        if spec.rule is MergeRule.INSERT_ONLY and "hlc" in columns:
            row.hlc = stamp.encode()  # as _fields_of does for a mark version
        if spec.derive is not None:
            spec.derive(session, row, True)
        state_rows.append(vars(row))
    session.info.pop(_HEAD, None)  # the last row written is signed
    forget_memos(session)
    session.flush()  # the local state row must be written before the raw INSERTs run
    session.execute(insert(ChangeRecord), change_rows)
    session.execute(insert(spec.model), state_rows)


def _scalar_default(column: Any) -> Any:
    default = column.default
    if default is None or not getattr(default, "is_scalar", False):
        return None
    return default.arg


def apply_change(session: Session, change: ChangeRecord, new: bool = False) -> None:
    """Merge one change into the state tables by its entity's rule. Applying the same change
    twice, or changes in any order, gives the same state."""
    spec = entity_spec(change.entity)
    key: Any = change.entity_id if spec.text_key else uuid.UUID(change.entity_id)
    row = None if new else session.get(spec.model, key)
    if row is None:
        row = _create(session, spec, key, change, new)
        if row is None:
            return
    elif spec.rule is MergeRule.LAST_WRITER_WINS:
        fields = decode_fields(spec.model, change.payload)
        _merge_fields(row, fields, change.hlc, spec.grow_only_fields)
    else:
        return
    if spec.derive is not None:
        with session.no_autoflush:
            spec.derive(session, row, new)


def _create(
    session: Session, spec: EntitySpec, key: Any, change: ChangeRecord, new: bool
) -> Base | None:
    """Create a row from its changes. An edit can arrive before the change that created the
    row (another laptop's edit, delivered first): then every change of the row the log holds is
    folded in clock order, and the row waits until the creating change is there."""
    records = [change] if new else _changes_of(session, change)
    row: Any = spec.model(id=key)
    row.clocks = {}
    for record in records:
        _merge_fields(row, _fields_of(spec, record), record.hlc, spec.grow_only_fields)
    if any(getattr(row, name) is None for name in _required_columns(spec.model)):
        return None
    session.add(row)
    return cast(Base, row)


def _fields_of(spec: EntitySpec, change: ChangeRecord) -> dict[str, Any]:
    """An insert-only row with an ``hlc`` column (a mark version) carries its change's stamp:
    the stamp exists only once record() runs, and taking it from the change keeps the two equal
    on every laptop, whatever the payload says."""
    fields = decode_fields(spec.model, change.payload)
    if spec.rule is MergeRule.INSERT_ONLY and "hlc" in spec.model.__table__.columns:
        fields["hlc"] = change.hlc
    return fields


def _changes_of(session: Session, change: ChangeRecord) -> list[ChangeRecord]:
    from smm_event.storage.trust_models import QuarantinedRecord as Held

    withheld = (
        select(Held.seq)
        .where(Held.device_id == ChangeRecord.device_id, Held.seq == ChangeRecord.seq)
        .exists()
    )
    with session.no_autoflush:
        stored = session.scalars(
            select(ChangeRecord).where(
                ChangeRecord.entity == change.entity,
                ChangeRecord.entity_id == change.entity_id,
                ~withheld,  # quarantined records are in the log but never applied
            )
        ).all()
    records = {(r.device_id, r.seq): r for r in stored}
    records[(change.device_id, change.seq)] = change
    return sorted(records.values(), key=lambda r: r.hlc)


@cache
def _required_columns(model: type[Base]) -> tuple[str, ...]:
    return tuple(
        column.key
        for column in model.__table__.columns
        if not column.nullable
        and not column.primary_key
        and column.default is None
        and column.server_default is None
    )


def _merge_fields(
    row: Any, fields: Mapping[str, Any], stamp: str, grow_only: frozenset[str]
) -> None:
    clocks = dict(row.clocks or {})
    for name, value in fields.items():
        if name in grow_only:
            # The clock is the greatest stamp among the changes carrying the largest value, so it
            # does not depend on which of two equal reissues arrived first.
            current = getattr(row, name)
            if current is None or (value is not None and value > current):
                setattr(row, name, value)
                clocks[name] = stamp
            elif value == current:
                clocks[name] = max(stamp, clocks.get(name, ""))
        elif stamp >= clocks.get(name, ""):
            setattr(row, name, value)
            clocks[name] = stamp
    row.clocks = clocks  # a new dict: JSON columns do not track in-place mutation


def observe_remote_stamp(session: Session, stamp: str) -> None:
    """Advance this laptop's clock past a change received from elsewhere."""
    state = local_state(session)
    state.hlc_wall_ms, state.hlc_counter = hlc_clock.observe(
        state.hlc_wall_ms, state.hlc_counter, hlc_clock.Hlc.parse(stamp), trusted_now_ms(state)
    )
