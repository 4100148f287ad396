"""Two laptops issuing certificates offline, then merging their change logs: no number is ever
used twice, both end with the same register, and the unused tail of a block is reported."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from smm_event.domain.certificates import CertificateStatus, ProblemCode
from smm_event.errors import UserError
from smm_event.services import certificates
from smm_event.storage import changes
from smm_event.workspace import Workspace, open_workspace
from tests.support import certificates as certificate_support
from tests.support.certificates import (
    NOW,
    Prepared,
    exchange,
    second_laptop,
)

prepared = certificate_support.prepared  # the shared fixtures


@pytest.fixture
def laptops(prepared: Prepared, tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """A: the organizer's laptop (first key, registrar-to-be); B: a laptop that has synced."""
    shutil.copyfile(prepared.path, tmp_path / "a.sqlite3")
    a = open_workspace(tmp_path / "a.sqlite3")
    b = second_laptop(prepared.path, tmp_path / "b.sqlite3", "Ноутбук 2")
    exchange(a, b)
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def _numbers(ws: Workspace) -> list[str]:
    return [r.number for r in certificates.certificate_register(ws).records]


def test_two_laptops_issue_offline_and_merge_without_collisions(
    laptops: tuple[Workspace, Workspace], prepared: Prepared
) -> None:
    a, b = laptops
    people = prepared.stream1
    # B has no numbers yet: it cannot issue, and it cannot hand out numbers either.
    with pytest.raises(UserError) as error:
        certificates.issue_certificates(b, prepared.key, participant_ids=people[:1], now=NOW)
    assert error.value.code == "no_certificate_numbers"
    certificates.issue_certificates(a, prepared.key, participant_ids=people[:10], now=NOW)
    grant = certificates.grant_number_block(a, "ноутбук", 30)
    assert (grant.block.first, grant.block.last, grant.block.holder_device_id) == (
        11,
        40,
        b.device_id,
    )
    exchange(a, b)
    with pytest.raises(UserError) as error:
        certificates.grant_number_block(b, "Организатор", 5)
    assert error.value.code == "not_registrar"

    # Offline: both issue at the same time.
    on_a = certificates.issue_certificates(
        a, prepared.key, participant_ids=people[10:40], now=NOW
    ).issued
    on_b = certificates.issue_certificates(
        b, prepared.key, participant_ids=people[40:60], now=NOW
    ).issued
    assert [r.seq for r in on_a] == list(range(41, 71))
    assert [r.seq for r in on_b] == list(range(11, 31))
    exchange(a, b)
    numbers = [r.seq for r in certificates.certificate_register(a).records]
    assert sorted(numbers) == list(range(1, 31)) + list(range(41, 71))


def test_merge_gives_both_laptops_the_same_gap_free_register(
    laptops: tuple[Workspace, Workspace], prepared: Prepared
) -> None:
    a, b = laptops
    people = prepared.stream1
    certificates.issue_certificates(a, prepared.key, participant_ids=people[:10], now=NOW)
    certificates.grant_number_block(a, "Ноутбук 2", 30)
    exchange(a, b)
    certificates.issue_certificates(a, prepared.key, participant_ids=people[10:40], now=NOW)
    certificates.issue_certificates(b, prepared.key, participant_ids=people[40:60], now=NOW)
    certificates.void_certificate(b, "012/2026", "ошибка в организации")
    exchange(a, b)
    register_a = certificates.certificate_register(a)
    register_b = certificates.certificate_register(b)
    assert _numbers(a) == _numbers(b)
    seqs = [r.seq for r in register_a.records]
    assert len(seqs) == len(set(seqs)) == 60
    assert register_a.problems == () == register_b.problems
    assert [(g.first, g.last, g.holder_device_id) for g in register_a.gaps] == [
        (31, 40, b.device_id)
    ]
    assert register_a.registrar_device_id == a.device_id == register_b.registrar_device_id
    voided = next(r for r in register_a.records if r.number == "012/2026")
    assert voided.status is CertificateStatus.VOID and voided.device_name == "Ноутбук 2"
    # B fills its own tail later; the gap closes.
    more = certificates.issue_certificates(b, prepared.key, participant_ids=people[60:70], now=NOW)
    assert [r.seq for r in more.issued] == list(range(31, 41))
    exchange(a, b)
    assert certificates.certificate_register(a).gaps == ()
    # Each laptop verifies the other's certificates offline.
    assert certificates.verify_certificate(a, more.issued[0].verify_text).valid
    assert certificates.verify_certificate(
        b, certificates.certificate_register(a).records[0].verify_text
    ).valid


def test_a_laptop_without_the_first_key_cannot_start_a_register(
    laptops: tuple[Workspace, Workspace], prepared: Prepared
) -> None:
    _, b = laptops
    # Even with a signing key in hand (say, a copy), B is not the organizer's laptop.
    with pytest.raises(UserError) as error:
        certificates.issue_certificates(
            b, prepared.key, participant_ids=prepared.stream1[:1], now=NOW
        )
    assert error.value.code == "no_certificate_numbers"
    with pytest.raises(UserError) as error:
        certificates.grant_number_block(b, "Ноутбук 2", 5)
    assert error.value.code == "register_not_started"


def test_two_registers_started_without_ever_syncing_are_reported_and_stop_issuing(
    prepared: Prepared, tmp_path: Path
) -> None:
    """The one case the design cannot prevent: two laptops that both hold the first key (a
    cloned organizer laptop) each start a register before they ever exchange data. The merge
    reports it loudly and both stop issuing until the duplicates are voided."""
    shutil.copyfile(prepared.path, tmp_path / "a.sqlite3")
    with (
        open_workspace(tmp_path / "a.sqlite3") as a,
        _clone(prepared.path, tmp_path / "c.sqlite3") as c,
    ):
        certificates.issue_certificates(
            a, prepared.key, participant_ids=prepared.stream1[:3], now=NOW
        )
        certificates.issue_certificates(
            c, prepared.key, participant_ids=prepared.stream1[3:5], now=NOW
        )
        exchange(a, c)
        codes = {p.code for p in certificates.certificate_register(a).problems}
        assert codes >= {ProblemCode.TWO_REGISTRARS, ProblemCode.OVERLAPPING_BLOCKS,
                         ProblemCode.DUPLICATE_NUMBER}  # fmt: skip
        for laptop in (a, c):
            with pytest.raises(UserError) as error:
                certificates.issue_certificates(
                    laptop, prepared.key, participant_ids=prepared.stream1[5:6], now=NOW
                )
            assert error.value.code == "register_conflict"


def _clone(source: Path, target: Path) -> Workspace:
    """A copy of the organizer's laptop, private key included, under a device id of its own."""
    shutil.copyfile(source, target)
    with open_workspace(target) as ws, ws.transaction() as session:
        changes.local_state(session).device_id = uuid.uuid4()
    return open_workspace(target, device_name="Клон")
