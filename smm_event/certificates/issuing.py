"""Issuing a batch: plan from one snapshot, render with no transaction open, then record the
numbers in one short write transaction, then write the files.

Nothing is recorded until every certificate of the batch has been rendered and hashed, so a
cancelled or failed batch uses no numbers. Files are written only after the register has the
certificates: a PDF on disk always has its number in the register. The write transaction checks
that the plan still holds (another issue on this laptop may have run in between) and refuses
with ``register_changed`` otherwise, so a number is never taken twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from smm_event.badges.keys import SigningKey
from smm_event.certificates import compose, config, names, numbering, register, store
from smm_event.certificates.compose import EventFacts, LoadedTemplate, PersonFacts, StreamFacts
from smm_event.certificates.verification import make_certificate_text
from smm_event.domain.certificates import Eligibility, SkippedPerson, SkipReason
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.pdf.certificate_data import CertificateData
from smm_event.pdf.certificates import (
    RenderCancelled,
    default_file_name,
    render_certificate_bytes,
    render_certificate_page,
    render_certificates_batch,
)
from smm_event.storage import changes
from smm_event.storage.aliases import alias_map
from smm_event.storage.certificate_models import Certificate, CertificatePerson
from smm_event.storage.models import Event

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class NewCertificate:
    person: PersonFacts
    stream: StreamFacts


@dataclass(frozen=True)
class Rendered:
    data: CertificateData
    pdf: bytes
    sha256: str
    ops: tuple[str, ...] | None = None  # its page for the print batch, drawn once (pdf layer)


@dataclass(frozen=True)
class Plan:
    event: EventFacts
    template: LoadedTemplate
    number_format: str
    new: tuple[NewCertificate, ...]
    allocation: numbering.Allocation
    issue_date: dt.date


@dataclass(frozen=True)
class Selection:
    """Who gets what: new certificates, existing ones to write out again, and who is skipped."""

    plan: Plan
    existing: tuple[Certificate, ...]
    skipped: tuple[SkippedPerson, ...]


def name_line(
    person: ParticipantInfo, template: LoadedTemplate, row: CertificatePerson | None
) -> str | None:
    """The line to print, or None while a dative form still waits for review."""
    if template.name_case == "nominative":
        return person.full_name
    checked = names.review(
        person.id, person.surname, person.first_name, person.patronymic, person.gender,
        row.dative_name if row else None, row.dative_for if row else None,
    )  # fmt: skip
    return None if checked.needs_review else checked.dative


def _skip_reason(
    person: ParticipantInfo, verdict: Eligibility, streams: dict[int, StreamFacts], line: str | None
) -> SkipReason | None:
    if not verdict.eligible:
        return SkipReason.NOT_ELIGIBLE
    if person.stream_number is None or person.stream_number not in streams:
        return SkipReason.NO_STREAM
    if line is None:
        return SkipReason.NAME_NOT_REVIEWED
    return None


def select_batch(
    session: Session,
    event: Event,
    device: uuid.UUID,
    people: Sequence[ParticipantInfo],
    verdicts: Sequence[Eligibility],
    issue_date: dt.date,
) -> Selection:
    settings = config.settings_from_event(event.settings)
    template = compose.load_template(settings.template)
    streams = store.stream_facts(session, event.id, settings.hours)
    valid = valid_by_participant(session, event.id)
    persons = store.person_rows(session)
    new: list[NewCertificate] = []
    existing: list[Certificate] = []
    skipped: list[SkippedPerson] = []
    for person, verdict in zip(people, verdicts, strict=True):
        if person.id in valid:
            existing.append(valid[person.id])
            continue
        line = name_line(person, template, persons.get(person.id))
        reason = _skip_reason(person, verdict, streams, line)
        if reason is not None:
            skipped.append(SkippedPerson(person.id, person.full_name, reason))
            continue
        assert line is not None and person.stream_number is not None
        facts = PersonFacts(
            person.id, person.surname, person.first_name, person.patronymic, person.gender,
            person.organization, line,
        )  # fmt: skip
        new.append(NewCertificate(facts, streams[person.stream_number]))
    allocation = (
        allocate_in(session, event.id, device, len(new)) if new else numbering.Allocation("", ())
    )
    plan = Plan(
        store.event_facts(event, settings),
        template,
        settings.number_format,
        tuple(new),
        allocation,
        issue_date,
    )
    return Selection(plan, tuple(existing), tuple(skipped))


def choose_series(
    blocks: Sequence[numbering.Block], device: uuid.UUID, used: dict[str, set[int]]
) -> str:
    """The series of this laptop's first block that still has a free number; else the main one."""
    for block in sorted(
        (b for b in blocks if b.holder == device), key=lambda b: (b.series != "", b.first)
    ):
        taken = used.get(block.series, set())
        if any(n not in taken for n in range(block.first, block.last + 1)):
            return block.series
    return numbering.MAIN_SERIES


def allocate_in(
    session: Session, event_id: uuid.UUID, device: uuid.UUID, count: int
) -> numbering.Allocation:
    blocks = store.load_blocks(session, event_id)
    if any(device in (a.holder, b.holder) for a, b in numbering.overlapping(blocks)):
        # Only two registrars can cause this; issuing on would print a number twice.
        raise UserError("register_conflict")
    used: dict[str, set[int]] = {}
    for row in store.certificate_rows(session, event_id):
        used.setdefault(row.series, set()).add(row.seq)
    series = choose_series(blocks, device, used)
    may_start = store.holds_first_key(session)
    return numbering.allocate(blocks, device, series, used.get(series, set()), count, may_start)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise RenderCancelled()


def render_new(
    plan: Plan,
    key: SigningKey,
    progress: Progress | None,
    cancel: threading.Event | None,
    total: int,
) -> list[Rendered]:
    out = []
    for index, (item, seq) in enumerate(zip(plan.new, plan.allocation.numbers, strict=True)):
        _check(cancel)
        number = numbering.format_number(
            plan.number_format, seq, plan.event.year, plan.allocation.series
        )
        data = compose.compose(item.person, item.stream, plan.event, number, plan.issue_date)
        text = make_certificate_text(key, plan.event.id, compose.facts_of(data, item.stream, 1))
        out.append(render(compose.with_verify_text(data, text), plan.template))
        if progress is not None:
            progress(index + 1, total)
    return out


def render(data: CertificateData, template: LoadedTemplate) -> Rendered:
    page = render_certificate_page(data, template.template)
    return Rendered(data, page.pdf, hashlib.sha256(page.pdf).hexdigest(), page.ops)


def render_again(data: CertificateData, template: LoadedTemplate, sha256: str) -> Rendered:
    """A certificate of the register rebuilt from its frozen row: in the current format, or,
    when that is not the hashed file, as certificates were rendered before fixed font subsets."""
    done = render(data, template)
    if done.sha256 == sha256:
        return done
    pdf = render_certificate_bytes(data, template.template, legacy=True)
    digest = hashlib.sha256(pdf).hexdigest()
    return Rendered(data, pdf, digest) if digest == sha256 else done


@dataclass(frozen=True)
class Identity:
    """Where a version sits in the register: its number, its version and what it replaces."""

    participant_id: uuid.UUID
    series: str
    seq: int
    version: int = 1
    replaces_id: uuid.UUID | None = None
    reason: str | None = None


def row_fields(
    event_id: uuid.UUID,
    who: Identity,
    stream: tuple[int | None, dt.date, dt.date],
    issue_date: dt.date,
    template_name: str,
    rendered: Rendered,
    signer: tuple[str, uuid.UUID, str | None],
) -> dict[str, object]:
    """The frozen register row; ``signer`` is (key id, device, operator)."""
    data = rendered.data
    key_id, device, operator = signer
    return {
        "event_id": event_id, "participant_id": who.participant_id, "series": who.series,
        "seq": who.seq, "number": data.number, "version": who.version,
        "replaces_id": who.replaces_id, "reason": who.reason, "name_line": data.name_line,
        "surname": data.surname, "first_name": data.first_name, "patronymic": data.patronymic,
        "gender": data.gender, "organization": data.organization,
        "stream_number": stream[0], "stream_title": data.stream_title,
        "starts_on": stream[1], "ends_on": stream[2],
        "dates_text": data.dates_text, "hours_text": data.hours_text, "city": data.city,
        "issue_date": issue_date, "issue_date_text": data.issue_date_text,
        "event_name": data.event_name, "organizer": data.organizer,
        "template": template_name, "verify_text": data.verify_text, "key_id": key_id,
        "sha256": rendered.sha256, "issued_at": changes.utc_now(),
        "device_id": device, "operator": operator,
    }  # fmt: skip


def record_batch(
    session: Session,
    plan: Plan,
    rendered: Sequence[Rendered],
    key_id: str,
    device: uuid.UUID,
    operator: str | None,
) -> list[Certificate]:
    """Inside the caller's write transaction: re-check the plan, then record block and rows."""
    again = allocate_in(session, plan.event.id, device, len(plan.new))
    if again != plan.allocation:
        raise UserError("register_changed")
    valid = valid_by_participant(session, plan.event.id)
    if any(item.person.participant_id in valid for item in plan.new):
        raise UserError("register_changed")
    if plan.allocation.new_block is not None:
        store.write_block(
            session, plan.event.id, plan.allocation.series, plan.allocation.new_block, device
        )
    rows = []
    for item, done, seq in zip(plan.new, rendered, plan.allocation.numbers, strict=True):
        who = Identity(item.person.participant_id, plan.allocation.series, seq)
        stream = (item.stream.number, item.stream.first_day, item.stream.last_day)
        fields = row_fields(
            plan.event.id,
            who,
            stream,
            plan.issue_date,
            plan.template.name,
            done,
            (key_id, device, operator),
        )
        rows.append(store.write_certificate(session, fields))
    return rows


def render_existing(
    rows: Sequence[Certificate],
    fallback: LoadedTemplate,
    progress: Progress | None,
    cancel: threading.Event | None,
    total: int,
) -> list[Rendered]:
    """Certificates issued earlier, rebuilt from their frozen rows with the template they were
    issued with (the hash then matches the register unless that template file changed)."""
    templates: dict[str, LoadedTemplate] = {fallback.name: fallback}
    out = []
    for index, row in enumerate(rows):
        _check(cancel)
        if row.template not in templates:
            try:
                templates[row.template] = compose.load_template(row.template)
            except UserError:
                templates[row.template] = fallback
        out.append(render_again(compose.data_from_row(row), templates[row.template], row.sha256))
        if progress is not None:
            progress(total - len(rows) + index + 1, total)
    return out


def valid_by_participant(session: Session, event_id: uuid.UUID) -> dict[uuid.UUID, Certificate]:
    """Each participant's valid certificate (the current version of a number, not voided); one
    issued to a person later merged into another is the kept person's."""
    rows = store.certificate_rows(session, event_id)
    voids = register.first_voids(store.void_rows(session))
    newest = register.current_versions(rows)
    merged = alias_map(session)
    return {
        merged.get(row.participant_id, row.participant_id): row
        for row in newest.values()
        if row.id not in voids
    }


def write_batch_pdf(rendered: Sequence[Rendered], template: LoadedTemplate, path: Path) -> Path:
    """The print PDF, its pages copied from the certificates' own renders where possible."""
    render_certificates_batch([(r.data, r.ops) for r in rendered], template.template, path)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Through a temporary name renamed when complete: never half a PDF under the final name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".part")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as error:
        raise UserError("cannot_write_file", path=str(path), reason=str(error)) from error
    finally:
        temp.unlink(missing_ok=True)


def write_files(rendered: Sequence[Rendered], folder: Path) -> list[Path]:
    """One PDF per person, named by number and transliterated name."""
    paths = []
    for item in rendered:
        path = folder / default_file_name(item.data)
        write_atomic(path, item.pdf)
        paths.append(path)
    return paths
