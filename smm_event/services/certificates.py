"""Certificates: eligibility with reasons and overrides, the dative review, issuing numbered
certificates, void and reissue, the register and its export, and offline verification.

The register's design (number blocks, the registrar, what is frozen) is in docs/certificates.md.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.badges.keys import SigningKey
from smm_event.badges.store import public_keys
from smm_event.certificates import config, issuing, names, numbering, register, reissue, store
from smm_event.certificates.compose import load_template
from smm_event.certificates.eligibility import Override, Person, judge
from smm_event.certificates.verification import verify_certificate_text
from smm_event.domain.attendance import AttendanceSummary
from smm_event.domain.certificates import (
    CertificateRecord,
    CertificateRegister,
    CertificateSettings,
    CertificateStatus,
    CertificateVerification,
    Eligibility,
    GrantReport,
    IssueReport,
    NameReview,
)
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import NotFound, UserError
from smm_event.roster.store import find_participants, load_participant
from smm_event.scanning.keyboard_layout import normalize_scan
from smm_event.storage import changes
from smm_event.storage.aliases import alias_map
from smm_event.storage.certificate_models import CertificatePerson
from smm_event.storage.event_context import current_event, event_zone
from smm_event.storage.models import Device, Stream
from smm_event.workspace import Workspace

Progress = Callable[[int, int], None]
MAX_REASON = 1000


def get_settings(ws: Workspace) -> CertificateSettings:
    with ws.reading() as session:
        return config.settings_from_event(current_event(session).settings)


def save_settings(ws: Workspace, settings: CertificateSettings) -> CertificateSettings:
    load_template(settings.template)  # refuse a template that would not load at issue time
    with ws.transaction() as session:
        event = current_event(session)
        merged = config.with_settings(event.settings, settings)
        config.settings_from_event(merged)
        changes.record(session, "event", event.id, {"settings": merged})
        return settings


def _attendance(ws: Workspace, now: dt.datetime | None) -> Mapping[uuid.UUID, AttendanceSummary]:
    from smm_event.services import attendance

    return attendance.all_attendance(ws, now)


def _people(
    session: Session, stream_number: int | None, participant_ids: Sequence[uuid.UUID | str] | None
) -> tuple[ParticipantInfo, ...]:
    if participant_ids:
        return tuple(load_participant(session, pid) for pid in participant_ids)
    if stream_number is not None:
        event = current_event(session)
        known = session.scalar(
            select(Stream.id).where(Stream.event_id == event.id, Stream.number == stream_number)
        )
        if known is None:
            raise UserError("no_such_stream", number=stream_number)
    # Stream by stream, by surname within each: numbers then run «001…070» for stream 1.
    people = find_participants(session, stream_number)
    return tuple(sorted(people, key=lambda p: (p.stream_number is None, p.stream_number or 0)))


def _override(row: CertificatePerson | None) -> Override | None:
    if row is None or row.override_eligible is None:
        return None
    return Override(bool(row.override_eligible), row.override_reason or "")


def eligibility_in(
    session: Session,
    summaries: Mapping[uuid.UUID, AttendanceSummary],
    people: Sequence[ParticipantInfo],
) -> tuple[Eligibility, ...]:
    rule = config.settings_from_event(current_event(session).settings).rule
    overrides = store.person_rows(session)
    return tuple(
        judge(
            Person(p.id, p.full_name, p.stream_number, p.exit_score),
            summaries.get(p.id),
            rule,
            _override(overrides.get(p.id)),
        )
        for p in people
    )


def eligibility(
    ws: Workspace,
    stream_number: int | None = None,
    participant_ids: Sequence[uuid.UUID | str] | None = None,
    now: dt.datetime | None = None,
) -> tuple[Eligibility, ...]:
    """Everyone's verdict (or one stream's, or some people's) with the numbers behind it."""
    summaries = _attendance(ws, now)
    with ws.reading() as session:
        return eligibility_in(session, summaries, _people(session, stream_number, participant_ids))


def set_override(
    ws: Workspace, participant_id: uuid.UUID | str, eligible: bool | None, reason: str | None
) -> Eligibility:
    """The organizer decides for a person, with a written reason; ``None`` hands it back to the
    rule."""
    text = " ".join((reason or "").split())
    if eligible is not None and not text:
        raise UserError("override_reason_required")
    if len(text) > MAX_REASON:
        raise UserError("reason_too_long", max_length=MAX_REASON)
    with ws.transaction() as session:
        event = current_event(session)
        person = load_participant(session, participant_id)
        fields = {
            "override_eligible": eligible,
            "override_reason": text or None,
            "override_at": changes.utc_now(),
        }
        store.write_person(session, event.id, person.id, fields)
    (result,) = eligibility(ws, participant_ids=[person.id])
    return result


def _review_of(person: ParticipantInfo, row: CertificatePerson | None) -> NameReview:
    return names.review(
        person.id, person.surname, person.first_name, person.patronymic, person.gender,
        row.dative_name if row else None, row.dative_for if row else None,
    )  # fmt: skip


def name_reviews(
    ws: Workspace, stream_number: int | None = None, only_pending: bool = False
) -> tuple[NameReview, ...]:
    """The dative form of each name; ``only_pending``: those an operator must still look at."""
    with ws.reading() as session:
        rows = store.person_rows(session)
        people = _people(session, stream_number, None)
        reviews = tuple(_review_of(p, rows.get(p.id)) for p in people)
    return tuple(r for r in reviews if r.needs_review) if only_pending else reviews


def set_dative_name(
    ws: Workspace, participant_id: uuid.UUID | str, dative: str | None = None
) -> NameReview:
    """Confirm the dative form an operator checked: the given text, or the suggestion as is."""
    with ws.transaction() as session:
        event = current_event(session)
        person = load_participant(session, participant_id)
        suggestion = _review_of(person, None)
        form = names.clean_name_line(dative) if dative is not None else suggestion.suggested
        key = names.confirmation_key(suggestion.full_name, person.gender)
        row = store.write_person(
            session,
            event.id,
            person.id,
            {"dative_name": form, "dative_for": key, "dative_at": changes.utc_now()},
        )
        return _review_of(person, row)


def _newest_of_number(session: Session, number: str) -> list[CertificateRecord]:
    event = current_event(session)
    rows = store.rows_with_number(session, event.id, number)
    if not rows:
        raise NotFound("certificate_not_found", number=number)
    return list(register.records(rows, store.void_rows(session), store.device_names(session)))


def void_certificate(
    ws: Workspace, number: str, reason: str, operator: str | None = None
) -> CertificateRecord:
    """Annul the current version of a number. The number stays in the register, with the reason."""
    text = " ".join(reason.split())
    if not text:
        raise UserError("void_reason_required")
    with ws.transaction() as session:
        records = _newest_of_number(session, number)
        current = max(records, key=lambda r: (r.version, r.issued_at, str(r.id)))
        if current.status is not CertificateStatus.VOID:
            store.write_void(session, current.id, text, operator)
        (record,) = (r for r in _newest_of_number(session, number) if r.id == current.id)
        return record


def certificate_register(ws: Workspace) -> CertificateRegister:
    with ws.reading() as session:
        event = current_event(session)
        return register.build_register(
            store.certificate_rows(session, event.id),
            store.void_rows(session),
            store.load_blocks(session, event.id),
            store.device_names(session),
            ws.device_id,
        )


def export_register(ws: Workspace, path: Path) -> Path:
    # openpyxl is imported when exporting, not when the certificates screen is built.
    from smm_event.certificates.register_xlsx import write_register_xlsx

    return write_register_xlsx(certificate_register(ws), path)


def check_certificate_in(session: Session, text: str) -> CertificateVerification:
    """For screens that already hold a session (the desk): the QR's verdict plus the register
    status here. No network: the public keys and the register are local."""
    event = current_event(session)
    check = verify_certificate_text(normalize_scan(text), event.id, public_keys(session))
    if not check.genuine or check.number is None:
        return CertificateVerification(check)
    rows = store.rows_with_number(session, event.id, check.number)
    if not rows:
        return CertificateVerification(check)
    records = register.records(rows, store.void_rows(session), store.device_names(session))
    current = max(r.version for r in records)
    mine = next((r for r in records if r.version == check.version), None)
    status = (
        mine.status
        if mine
        else CertificateStatus.REPLACED
        if current > (check.version or 0)
        else None
    )
    return CertificateVerification(check, status, mine, current)


def verify_certificate(ws: Workspace, text: str) -> CertificateVerification:
    with ws.reading() as session:
        return check_certificate_in(session, text)


def _device(session: Session, reference: str) -> uuid.UUID:
    """A laptop by its id or its name (case-insensitive, a unique prefix is enough)."""
    devices = session.scalars(select(Device)).all()
    try:
        wanted = uuid.UUID(reference.strip())
        if any(d.id == wanted for d in devices):
            return wanted
    except ValueError:
        pass
    folded = reference.strip().casefold()
    exact = [d.id for d in devices if d.name.casefold() == folded]
    matches = exact or [d.id for d in devices if d.name.casefold().startswith(folded)]
    if len(matches) != 1:
        raise UserError("device_not_found" if not matches else "device_ambiguous", device=reference)
    return matches[0]


def grant_number_block(
    ws: Workspace, device: str, size: int, series: str = numbering.MAIN_SERIES
) -> GrantReport:
    """On the registrar: hand the next ``size`` numbers (of the main series, or a series of
    its own such as «А») to another laptop, which then issues inside them even offline."""
    series = numbering.check_series(series)
    with ws.transaction() as session:
        may_start = store.holds_first_key(session)
        event = current_event(session)
        settings = config.settings_from_event(event.settings)
        if series:
            numbering.check_number_format(settings.number_format, needs_series=True)
        holder = _device(session, device)
        blocks = store.load_blocks(session, event.id)
        numbering.check_may_create_blocks(blocks, ws.device_id, series, may_start)
        used = {r.seq for r in store.certificate_rows(session, event.id) if r.series == series}
        block = store.write_block(
            session, event.id, series, numbering.next_range(blocks, series, size, used), holder
        )
        info = register.block_infos([block], [], store.device_names(session))[0]
        return GrantReport(info, numbering.registrar([*blocks, block]) or ws.device_id)


def _issue_date(session: Session, now: dt.datetime | None) -> dt.date:
    """The day of issue at the venue (a certificate printed at 01:00 Moscow time is dated that day)."""
    event = current_event(session)
    moment = now or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(event_zone(event)).date()


def issue_certificates(
    ws: Workspace,
    key: SigningKey,
    stream_number: int | None = None,
    participant_ids: Sequence[uuid.UUID | str] | None = None,
    pdf_path: Path | None = None,
    files_dir: Path | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    now: dt.datetime | None = None,
    operator: str | None = None,
) -> IssueReport:
    """Number and sign a certificate for every eligible person of the selection who has no
    valid one yet; write them (and those issued before) to one PDF and/or a file each.
    Raises ``RenderCancelled`` when ``cancel`` is set before the register is written: then no
    number is used and no file is written."""
    summaries = _attendance(ws, now)
    with ws.reading() as session:
        event = current_event(session)
        people = _people(session, stream_number, participant_ids)
        verdicts = eligibility_in(session, summaries, people)
        chosen = issuing.select_batch(
            session, event, ws.device_id, people, verdicts, _issue_date(session, now)
        )
        merged = alias_map(session)  # a certificate of a merged record is the kept person's
    plan = chosen.plan
    total = len(plan.new) + len(chosen.existing)
    fresh = issuing.render_new(plan, key, progress, cancel, total)
    again = issuing.render_existing(chosen.existing, plan.template, progress, cancel, total)
    with ws.transaction() as session:
        rows = issuing.record_batch(session, plan, fresh, key.key_id, ws.device_id, operator)
        devices = store.device_names(session)
        issued = tuple(register.to_record(r, CertificateStatus.VALID, None, devices) for r in rows)
        kept = tuple(
            register.to_record(r, CertificateStatus.VALID, None, devices) for r in chosen.existing
        )
    order = {p.id: index for index, p in enumerate(people)}
    pairs = [(item.person.participant_id, done) for item, done in zip(plan.new, fresh, strict=True)]
    pairs += [
        (merged.get(row.participant_id, row.participant_id), done)
        for row, done in zip(chosen.existing, again, strict=True)
    ]
    outputs = [done for _, done in sorted(pairs, key=lambda pair: order[pair[0]])]
    if pdf_path is not None and outputs:
        issuing.write_batch_pdf(outputs, plan.template, pdf_path)
    files = issuing.write_files(outputs, files_dir) if files_dir is not None else []
    mismatched = tuple(
        row.number
        for row, done in zip(chosen.existing, again, strict=True)
        if done.sha256 != row.sha256
    )
    return IssueReport(
        issued,
        kept,
        chosen.skipped,
        pdf_path if outputs and pdf_path else None,
        tuple(files),
        mismatched,
    )


def reissue_certificate(
    ws: Workspace,
    key: SigningKey,
    number: str,
    reason: str,
    pdf_path: Path | None = None,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> CertificateRecord:
    """A new version with the same number, from the person's current data (a corrected name,
    a new organization), for the written reason. The older version becomes REPLACED."""
    text = " ".join(reason.split())
    if not text:
        raise UserError("reissue_reason_required")
    with ws.reading() as session:
        event = current_event(session)
        records = _newest_of_number(session, number)
        plan = reissue.plan_reissue(session, event, records, _issue_date(session, now))
    done = reissue.render_reissue(plan, key)
    with ws.transaction() as session:
        row = reissue.record_reissue(session, plan, done, text, key.key_id, ws.device_id, operator)
        record = register.to_record(row, CertificateStatus.VALID, None, store.device_names(session))
    if pdf_path is not None:
        reissue.write_pdf(done, pdf_path)
    return record
