"""Certificates as the UI, the CLI and the desk see them: eligibility with its reasons, the
register (реестр) with number blocks, issue reports and offline verification."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Shortfall(StrEnum):
    """What keeps a person from a certificate under the event's rule."""

    NO_STREAM = "no_stream"
    NO_SESSIONS = "no_sessions"  # nothing expected yet: no held session, or all excused
    ATTENDANCE = "attendance"  # below the minimum percentage
    NO_EXIT_TEST = "no_exit_test"
    EXIT_SCORE = "exit_score"  # exit test below the minimum score


class Notice(StrEnum):
    """Facts worth a look that do not decide anything by themselves."""

    UNMARKED = "unmarked"  # held sessions without a mark count as not attended
    COURSE_NOT_OVER = "course_not_over"  # sessions of the stream are still to come


class Decision(StrEnum):
    RULE = "rule"
    OVERRIDE = "override"


@dataclass(frozen=True)
class CertificateRule:
    """``Event.settings["certificates"]``: who qualifies."""

    min_attendance_percent: float = 75.0
    exit_test_required: bool = True
    min_exit_score: float | None = None


@dataclass(frozen=True)
class CertificateSettings:
    rule: CertificateRule = field(default_factory=CertificateRule)
    number_format: str = "{number:03d}{series_part}/{year}"
    template: str = "default"  # a built-in name (default, dative) or a TOML file path
    hours: float | None = None  # the programme's volume; None: the stream's session hours
    number_year: int | None = None  # None: the year the event starts


@dataclass(frozen=True)
class Eligibility:
    """One person's verdict with the numbers behind it. ``sessions_short`` is how many more
    fully attended sessions the rule would have needed (0 when the attendance is enough)."""

    participant_id: uuid.UUID
    full_name: str
    stream_number: int | None
    eligible: bool
    eligible_by_rule: bool
    decided_by: Decision
    attended: float
    expected: int
    percent: float | None
    required_percent: float
    sessions_short: int
    exit_score: float | None
    missing: tuple[Shortfall, ...]
    notices: tuple[Notice, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)  # attendance status -> sessions
    unmarked: int = 0
    held: int = 0
    planned: int = 0
    override_reason: str | None = None


@dataclass(frozen=True)
class NameReview:
    """The dative line for «выдан …»: what the program suggests and what will be printed."""

    participant_id: uuid.UUID
    full_name: str
    gender: str | None
    suggested: str
    dative: str  # the confirmed form, or the suggestion while none is confirmed
    confirmed: bool
    stale: bool  # confirmed for an earlier spelling of the name or another gender
    needs_review: bool  # must be looked at before a dative certificate is issued
    reasons: tuple[str, ...]  # smm_event.text.declension.ReviewReason values


class CertificateStatus(StrEnum):
    VALID = "valid"
    VOID = "void"
    REPLACED = "replaced"  # a newer version with the same number exists


@dataclass(frozen=True)
class CertificateRecord:
    """One issued document in the register, with the data as printed."""

    id: uuid.UUID
    number: str
    series: str
    seq: int
    version: int
    status: CertificateStatus
    participant_id: uuid.UUID
    full_name: str  # nominative
    name_line: str  # as printed
    organization: str | None
    stream_number: int | None
    stream_title: str
    dates_text: str
    hours_text: str
    issue_date: dt.date
    issued_at: dt.datetime  # naive UTC
    device_id: uuid.UUID
    device_name: str | None
    sha256: str
    verify_text: str
    key_id: str
    template: str
    reason: str | None = None  # why this version was reissued
    replaces_id: uuid.UUID | None = None
    void_reason: str | None = None
    voided_at: dt.datetime | None = None


@dataclass(frozen=True)
class NumberBlockInfo:
    """A range of numbers one laptop may issue; ``unused`` lists the free sub-ranges."""

    id: uuid.UUID
    series: str
    first: int
    last: int
    holder_device_id: uuid.UUID
    holder_name: str | None
    granted_by_device_id: uuid.UUID
    granted_at: dt.datetime
    used: int
    unused: tuple[tuple[int, int], ...]


class ProblemCode(StrEnum):
    OVERLAPPING_BLOCKS = "overlapping_blocks"
    DUPLICATE_NUMBER = "duplicate_number"  # one number given to two different people
    OUTSIDE_BLOCK = "outside_block"  # issued by a laptop that did not hold the number
    TWO_REGISTRARS = "two_registrars"


@dataclass(frozen=True)
class RegisterProblem:
    code: ProblemCode
    series: str
    numbers: tuple[int, ...]
    ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class RegisterGap:
    """Numbers below the highest issued one of a series that nobody has used (a block's
    unused tail); ``holder`` may still fill them."""

    series: str
    first: int
    last: int
    holder_device_id: uuid.UUID | None


@dataclass(frozen=True)
class CertificateRegister:
    records: tuple[CertificateRecord, ...]  # every version, by series, number, version
    blocks: tuple[NumberBlockInfo, ...]
    gaps: tuple[RegisterGap, ...]
    problems: tuple[RegisterProblem, ...]
    registrar_device_id: uuid.UUID | None
    this_device_id: uuid.UUID

    @property
    def valid_count(self) -> int:
        return sum(1 for record in self.records if record.status is CertificateStatus.VALID)


class SkipReason(StrEnum):
    NOT_ELIGIBLE = "not_eligible"
    NO_STREAM = "no_stream"  # eligible by override, but without a stream there are no dates
    NAME_NOT_REVIEWED = "name_not_reviewed"


@dataclass(frozen=True)
class SkippedPerson:
    participant_id: uuid.UUID
    full_name: str
    reason: SkipReason


@dataclass(frozen=True)
class IssueReport:
    """``issued`` got new numbers now; ``existing`` already had a valid certificate, which was
    written out again from the register (byte-identical when the template is unchanged)."""

    issued: tuple[CertificateRecord, ...]
    existing: tuple[CertificateRecord, ...]
    skipped: tuple[SkippedPerson, ...]
    pdf_path: Path | None
    files: tuple[Path, ...]
    hash_mismatches: tuple[str, ...] = ()  # numbers whose re-rendered PDF differs from the register


@dataclass(frozen=True)
class GrantReport:
    block: NumberBlockInfo
    registrar_device_id: uuid.UUID


class CertificateResult(StrEnum):
    GENUINE = "genuine"
    NOT_GENUINE = "not_genuine"  # altered, damaged or forged: the signature does not match
    UNKNOWN_KEY = "unknown_key"  # signed with a key this laptop does not know (sync it)
    NOT_OURS = "not_ours"  # not a certificate code, or another event's


@dataclass(frozen=True)
class CertificateCheck:
    """What a certificate's QR says, once its signature is checked. Pure: no register."""

    result: CertificateResult
    number: str | None = None
    full_name: str | None = None
    stream_number: int | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    version: int | None = None
    key_id: str | None = None

    @property
    def genuine(self) -> bool:
        return self.result is CertificateResult.GENUINE


@dataclass(frozen=True)
class CertificateVerification:
    """The QR check plus this laptop's register: ``status`` None means the number is not in the
    register here (issued on a laptop not yet synced); the signature alone then vouches."""

    check: CertificateCheck
    status: CertificateStatus | None = None
    record: CertificateRecord | None = None
    current_version: int | None = None

    @property
    def valid(self) -> bool:
        return self.check.genuine and self.status in (None, CertificateStatus.VALID)
