"""The certificate register (реестр) as the organizer and the grant report read it: every
version of every number with its status, the number blocks with their unused tails, the gaps
below the highest number, and anything inconsistent after a merge. Built from rows, no session.

Status: a voided version is VOID; a version with a newer one of the same number is REPLACED;
the rest are VALID. The newest version is the greatest (version, issued_at, id), so two laptops
that reissued the same number offline still agree which one counts.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from smm_event.certificates.numbering import Block, overlapping, root_blocks, unused_ranges
from smm_event.domain.certificates import (
    CertificateRecord,
    CertificateRegister,
    CertificateStatus,
    NumberBlockInfo,
    ProblemCode,
    RegisterGap,
    RegisterProblem,
)
from smm_event.storage.certificate_models import Certificate, CertificateVoid
from smm_event.text.declension import full_name_nominative


def current_versions(rows: Iterable[Certificate]) -> dict[tuple[str, int], Certificate]:
    """The newest version of each number."""
    newest: dict[tuple[str, int], Certificate] = {}
    for row in rows:
        key = (row.series, row.seq)
        best = newest.get(key)
        if best is None or (row.version, row.issued_at, str(row.id)) > (
            best.version, best.issued_at, str(best.id)
        ):  # fmt: skip
            newest[key] = row
    return newest


def first_voids(voids: Iterable[CertificateVoid]) -> dict[uuid.UUID, CertificateVoid]:
    """The earliest void of each certificate (a second void on another laptop changes nothing)."""
    first: dict[uuid.UUID, CertificateVoid] = {}
    for void in voids:
        seen = first.get(void.certificate_id)
        if seen is None or (void.voided_at, str(void.id)) < (seen.voided_at, str(seen.id)):
            first[void.certificate_id] = void
    return first


def status_of(
    row: Certificate,
    newest: Mapping[tuple[str, int], Certificate],
    voids: Mapping[uuid.UUID, CertificateVoid],
) -> CertificateStatus:
    if row.id in voids:
        return CertificateStatus.VOID
    if newest[(row.series, row.seq)].id != row.id:
        return CertificateStatus.REPLACED
    return CertificateStatus.VALID


def to_record(
    row: Certificate,
    status: CertificateStatus,
    void: CertificateVoid | None,
    device_names: Mapping[uuid.UUID, str],
) -> CertificateRecord:
    return CertificateRecord(
        id=row.id, number=row.number, series=row.series, seq=row.seq, version=row.version,
        status=status, participant_id=row.participant_id,
        full_name=full_name_nominative(row.surname, row.first_name, row.patronymic),
        name_line=row.name_line, organization=row.organization, stream_number=row.stream_number,
        stream_title=row.stream_title, dates_text=row.dates_text, hours_text=row.hours_text,
        issue_date=row.issue_date, issued_at=row.issued_at, device_id=row.device_id,
        device_name=device_names.get(row.device_id), sha256=row.sha256,
        verify_text=row.verify_text, key_id=row.key_id, template=row.template,
        reason=row.reason, replaces_id=row.replaces_id,
        void_reason=void.reason if void else None, voided_at=void.voided_at if void else None,
    )  # fmt: skip


def records(
    rows: Sequence[Certificate],
    voids: Iterable[CertificateVoid],
    device_names: Mapping[uuid.UUID, str],
) -> tuple[CertificateRecord, ...]:
    newest = current_versions(rows)
    void_of = first_voids(voids)
    ordered = sorted(rows, key=lambda r: (r.series, r.seq, r.version, r.issued_at, str(r.id)))
    return tuple(
        to_record(row, status_of(row, newest, void_of), void_of.get(row.id), device_names)
        for row in ordered
    )


def _used_by_series(rows: Iterable[Certificate]) -> dict[str, set[int]]:
    used: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        used[row.series].add(row.seq)
    return used


def block_infos(
    blocks: Sequence[Block], rows: Sequence[Certificate], device_names: Mapping[uuid.UUID, str]
) -> tuple[NumberBlockInfo, ...]:
    used = _used_by_series(rows)
    infos = []
    for block in sorted(blocks, key=lambda b: (b.series, b.first, str(b.id))):
        taken = used.get(block.series, set())
        count = sum(1 for n in taken if n in block)
        infos.append(
            NumberBlockInfo(
                id=block.id, series=block.series, first=block.first, last=block.last,
                holder_device_id=block.holder, holder_name=device_names.get(block.holder),
                granted_by_device_id=block.granted_by, granted_at=block.granted_at, used=count,
                unused=unused_ranges(block.first, block.last, taken),
            )
        )  # fmt: skip
    return tuple(infos)


def gaps(blocks: Sequence[Block], rows: Sequence[Certificate]) -> tuple[RegisterGap, ...]:
    """Unused numbers below the highest issued one of each series, with the laptop holding them."""
    found: list[RegisterGap] = []
    for series, taken in sorted(_used_by_series(rows).items()):
        top = max(taken)
        for block in sorted((b for b in blocks if b.series == series), key=lambda b: b.first):
            if block.first > top:
                continue
            for first, last in unused_ranges(block.first, min(block.last, top), taken):
                found.append(RegisterGap(series, first, last, block.holder))
    return tuple(found)


def problems(blocks: Sequence[Block], rows: Sequence[Certificate]) -> tuple[RegisterProblem, ...]:
    """What should be impossible; shown loudly if a merge ever brings it in."""
    found: list[RegisterProblem] = []
    roots = root_blocks(blocks)
    if len({b.granted_by for b in roots}) > 1:
        found.append(
            RegisterProblem(ProblemCode.TWO_REGISTRARS, "", (1,), tuple(b.id for b in roots))
        )
    for a, b in overlapping(blocks):
        shared = (max(a.first, b.first), min(a.last, b.last))
        found.append(
            RegisterProblem(ProblemCode.OVERLAPPING_BLOCKS, a.series, shared, (a.id, b.id))
        )
    people: dict[tuple[str, int], set[uuid.UUID]] = defaultdict(set)
    for row in rows:
        people[(row.series, row.seq)].add(row.participant_id)
    for (series, seq), who in sorted(people.items()):
        if len(who) > 1:
            ids = tuple(r.id for r in rows if (r.series, r.seq) == (series, seq))
            found.append(RegisterProblem(ProblemCode.DUPLICATE_NUMBER, series, (seq,), ids))
    for row in rows:
        # A reissue may come from any laptop; a first issue only from the number's holder.
        if row.replaces_id is None and not any(
            row.seq in b and b.series == row.series and b.holder == row.device_id for b in blocks
        ):
            found.append(
                RegisterProblem(ProblemCode.OUTSIDE_BLOCK, row.series, (row.seq,), (row.id,))
            )
    return tuple(found)


def build_register(
    rows: Sequence[Certificate],
    voids: Iterable[CertificateVoid],
    blocks: Sequence[Block],
    device_names: Mapping[uuid.UUID, str],
    this_device: uuid.UUID,
) -> CertificateRegister:
    roots = root_blocks(blocks)
    return CertificateRegister(
        records=records(rows, voids, device_names),
        blocks=block_infos(blocks, rows, device_names),
        gaps=gaps(blocks, rows),
        problems=problems(blocks, rows),
        registrar_device_id=roots[0].granted_by if roots else None,
        this_device_id=this_device,
    )
