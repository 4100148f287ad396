"""Badges in a workspace: print a stream, scan every printed code back, reissue, and a desk laptop
that holds only the public key."""

from __future__ import annotations

import io
import sqlite3
import threading
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pypdf
import pypdfium2
import pytest
import zxingcpp

from smm_event.badges import generate_signing_key, make_token
from smm_event.domain.badges import TokenResult
from smm_event.errors import UserError
from smm_event.pdf.badges import RenderCancelled
from smm_event.services import badges, keys
from smm_event.services.participants import list_participants
from smm_event.workspace import Workspace, open_workspace

PASSPHRASE = "пароль для бейджей"

pytestmark = pytest.mark.usefixtures("cheap_scrypt")
_RU_LAYOUT = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM:", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ")


@pytest.fixture
def organizer(demo_workspace: Workspace) -> Workspace:
    keys.init_keys(demo_workspace, PASSPHRASE)
    return demo_workspace


def decode_pages(pdf: bytes) -> list[str]:
    """Every QR code in reading order: page by page, top to bottom, left to right."""
    texts = []
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        page = document[index]
        bitmap = page.render(scale=150 / 72, grayscale=True)
        image = np.array(bitmap.to_pil())
        bitmap.close()  # closed now: pdfium must never be finalized on another thread
        page.close()
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        found.sort(key=lambda r: (round(r.position.top_left.y / 100), r.position.top_left.x))
        texts.extend(r.text for r in found)
    document.close()
    return texts


def desk_copy(ws: Workspace, target: Path) -> Workspace:
    """Another laptop with the same event data but without the private key."""
    source = sqlite3.connect(ws.path)
    copy = sqlite3.connect(target)
    with copy:
        source.backup(copy)
        copy.execute("DELETE FROM signing_key")
    source.close()
    copy.close()
    return open_workspace(target, device_name="Стойка 1")


def test_every_printed_badge_of_a_stream_scans_back_to_its_person(
    organizer: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "stream2.pdf"
    report = badges.print_badges(organizer, PASSPHRASE, out, "a4", stream_number=2)
    stream = list_participants(organizer, 2)
    assert report.badges == 70 and report.pages == 7 and report.layout == "a4"
    assert report.participant_ids == tuple(p.id for p in stream)  # sorted by surname
    scanned = decode_pages(out.read_bytes())
    assert len(scanned) == 70
    checks = [badges.verify_badge(organizer, text) for text in scanned]
    assert {c.result for c in checks} == {TokenResult.VALID}
    assert [c.participant_id for c in checks] == list(report.participant_ids)
    assert all(c.participant is not None and c.participant.stream_number == 2 for c in checks)


def test_the_pdf_text_holds_the_cyrillic_names_and_the_stream_band(organizer: Workspace) -> None:
    people = list_participants(organizer, 1)[:3]
    out = io.BytesIO()
    badges.print_badges(organizer, PASSPHRASE, out, "a6", participant_ids=[p.id for p in people])
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == 3
    for page, person in zip(reader.pages, people, strict=True):
        text = page.extract_text()
        assert person.surname in text and person.first_name in text and "Поток 1" in text


def test_chosen_people_print_in_surname_order(organizer: Workspace) -> None:
    people = list_participants(organizer)[:30:7]
    chosen = [str(p.id) for p in reversed(people)] + [str(people[0].id)]
    report = badges.print_badges(
        organizer, PASSPHRASE, io.BytesIO(), "label-62x100", participant_ids=chosen
    )
    assert report.participant_ids == tuple(p.id for p in people)
    assert report.pages == len(people)


def test_print_log_has_one_entry_per_badge_and_shows_a_reprint(organizer: Workspace) -> None:
    person = list_participants(organizer, 3)[0]
    badges.print_badges(organizer, PASSPHRASE, io.BytesIO(), "a4", stream_number=3)
    key = keys.unlock_signing_key(organizer, PASSPHRASE)
    badges.print_badges(organizer, key, io.BytesIO(), "a6", participant_ids=[person.id])
    log = badges.print_log(organizer)
    assert len(log) == 71
    mine = badges.print_log(organizer, person.id)
    assert [(e.layout, e.badge_version) for e in mine] == [("a6", 1), ("a4", 1)]
    assert mine[0].printed_at > mine[1].printed_at
    assert mine[0].participant_name == person.full_name and mine[0].stream_number == 3
    assert mine[0].device_id == organizer.device_id and mine[0].device_name


def test_reissue_replaces_the_old_badge_and_the_new_one_is_valid(organizer: Workspace) -> None:
    person = list_participants(organizer, 1)[5]
    key = keys.unlock_signing_key(organizer, PASSPHRASE)
    old = badges.badge_token(organizer, person.id, key)
    assert badges.verify_badge(organizer, old).result is TokenResult.VALID
    updated = badges.reissue_badge(organizer, str(person.id))
    assert updated.badge_version == person.badge_version + 1
    new = badges.badge_token(organizer, person.id, key)
    replaced = badges.verify_badge(organizer, old)
    assert replaced.result is TokenResult.REPLACED
    assert (replaced.badge_version, replaced.current_badge_version) == (1, 2)
    assert replaced.participant is not None and replaced.participant.id == person.id
    assert badges.verify_badge(organizer, new).result is TokenResult.VALID


def test_desk_with_only_the_public_key_verifies_but_cannot_print(
    organizer: Workspace, tmp_path: Path
) -> None:
    person = list_participants(organizer, 2)[0]
    key = keys.unlock_signing_key(organizer, PASSPHRASE)
    token = badges.badge_token(organizer, person.id, key)
    badges.reissue_badge(organizer, person.id)
    fresh = badges.badge_token(organizer, person.id, key)
    with desk_copy(organizer, tmp_path / "desk.sqlite3") as desk:
        assert not keys.can_sign(desk)
        assert badges.verify_badge(desk, fresh).result is TokenResult.VALID
        assert badges.verify_badge(desk, token).result is TokenResult.REPLACED
        for secret in (PASSPHRASE, key):
            with pytest.raises(UserError) as caught:
                badges.print_badges(desk, secret, tmp_path / "desk.pdf", "a4", stream_number=2)
            assert caught.value.code == "no_signing_key"
        assert not (tmp_path / "desk.pdf").exists()
        assert badges.print_log(desk) == ()


def test_a_scan_typed_in_the_russian_layout_still_verifies(organizer: Workspace) -> None:
    person = list_participants(organizer, 1)[0]
    token = badges.badge_token(organizer, person.id, keys.unlock_signing_key(organizer, PASSPHRASE))
    typed = token.translate(_RU_LAYOUT)
    assert typed.startswith("ЫЬЬ1Ж")
    assert badges.verify_badge(organizer, typed + "\n").result is TokenResult.VALID


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda token, event, key: token[:-1], TokenResult.FORGED_OR_DAMAGED),
        (
            lambda token, event, key: token[:40] + ("A" if token[40] != "A" else "B") + token[41:],
            TokenResult.FORGED_OR_DAMAGED,
        ),
        (
            lambda token, event, key: make_token(generate_signing_key(), event, uuid.uuid4(), 1),
            TokenResult.UNKNOWN_KEY,
        ),
        (
            lambda token, event, key: make_token(key, uuid.uuid4(), uuid.uuid4(), 1),
            TokenResult.NOT_OURS,
        ),
        (
            lambda token, event, key: make_token(key, event, uuid.uuid4(), 1),
            TokenResult.UNKNOWN_PARTICIPANT,
        ),
        (lambda token, event, key: "https://example.org", TokenResult.NOT_OURS),
    ],
)
def test_bad_scans_get_their_own_result(
    organizer: Workspace, make: Any, expected: TokenResult
) -> None:
    person = list_participants(organizer, 1)[0]
    key = keys.unlock_signing_key(organizer, PASSPHRASE)
    token = badges.badge_token(organizer, person.id, key)
    with organizer.reading() as session:
        from smm_event.storage.event_context import current_event

        event_id = current_event(session).id
    check = badges.verify_badge(organizer, make(token, event_id, key))
    assert check.result is expected
    assert check.participant is None


def test_wrong_passphrase_writes_nothing(organizer: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        badges.print_badges(organizer, "не тот пароль", tmp_path / "b.pdf", "a4", stream_number=1)
    assert caught.value.code == "wrong_passphrase"
    assert not (tmp_path / "b.pdf").exists() and badges.print_log(organizer) == ()


def test_cancelled_print_leaves_no_file_and_no_log(organizer: Workspace, tmp_path: Path) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 5:
            cancel.set()

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(RenderCancelled):
        badges.print_badges(
            organizer, PASSPHRASE, folder / "b.pdf", "a4", 1, None, progress, cancel
        )
    assert list(folder.iterdir()) == [] and badges.print_log(organizer) == ()


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"stream_number": 9}, "no_such_stream"),
        ({"stream_number": 0}, "bad_stream_number"),
        ({"participant_ids": ["not-an-id"]}, "bad_participant_id"),
        ({"participant_ids": [str(uuid.uuid4())]}, "participant_not_found"),
        ({"participant_ids": []}, "no_badges"),
        ({"layout": "a3"}, "unknown_badge_layout"),
        ({"layout": "missing.toml"}, "file_not_found"),
    ],
)
def test_bad_choices_are_user_errors(
    organizer: Workspace, kwargs: dict[str, Any], code: str
) -> None:
    with pytest.raises(UserError) as caught:
        badges.print_badges(organizer, PASSPHRASE, io.BytesIO(), **kwargs)
    assert caught.value.code == code
    assert badges.print_log(organizer) == ()


def test_a_retired_key_cannot_print_and_its_badges_become_unknown(organizer: Workspace) -> None:
    person = list_participants(organizer, 1)[0]
    old_key = keys.unlock_signing_key(organizer, PASSPHRASE)
    old = badges.badge_token(organizer, person.id, old_key)
    keys.rotate_keys(organizer, PASSPHRASE, retire_old=True)
    with pytest.raises(UserError) as caught:
        badges.print_badges(organizer, old_key, io.BytesIO(), "a4", participant_ids=[person.id])
    assert caught.value.code == "signing_key_retired"
    assert badges.verify_badge(organizer, old).result is TokenResult.UNKNOWN_KEY
    report = badges.print_badges(
        organizer, PASSPHRASE, io.BytesIO(), "a4", participant_ids=[person.id]
    )
    assert report.key_id != old_key.key_id


def test_custom_template_path_is_a_layout(organizer: Workspace) -> None:
    from smm_event.paths import resource_path

    template = resource_path("templates", "badge_custom_example.toml")
    person = list_participants(organizer, 1)[0]
    report = badges.print_badges(
        organizer, PASSPHRASE, io.BytesIO(), str(template), participant_ids=[person.id]
    )
    assert report.layout == badges.badge_layout(template).name
    assert badges.print_log(organizer)[0].layout == report.layout


def test_preview_needs_no_key_logs_nothing_and_its_codes_check_in_nobody(
    demo_workspace: Workspace,
) -> None:
    out = io.BytesIO()
    preview = badges.preview_badges(demo_workspace, out, "a4", stream_number=1, max_badges=12)
    assert (preview.badges, preview.pages) == (70, 2)
    scanned = decode_pages(out.getvalue())
    assert len(scanned) == 12
    keys.init_keys(demo_workspace, PASSPHRASE)
    assert {badges.verify_badge(demo_workspace, t).result for t in scanned} == {
        TokenResult.NOT_OURS
    }
    assert badges.print_log(demo_workspace) == ()


def test_a_second_laptop_can_sign_after_importing_the_exported_key(tmp_path: Path) -> None:
    """The organizer exports the encrypted key; a desk that synced the public keys imports it
    with the passphrase and can then sign; a wrong passphrase or another event is refused."""
    import shutil

    from sqlalchemy import delete

    from smm_event.errors import UserError
    from smm_event.services import demo, keys
    from smm_event.storage.local_models import SigningKeyBlob
    from smm_event.workspace import open_workspace

    organizer_path = tmp_path / "organizer.sqlite3"
    demo.create_demo(organizer_path, seed=5)
    with open_workspace(organizer_path) as organizer:
        keys.init_keys(organizer, "пароль организатора")
        exported = keys.export_signing_key(organizer)
    desk_path = tmp_path / "desk.sqlite3"
    shutil.copyfile(organizer_path, desk_path)
    with open_workspace(desk_path) as desk:
        with desk.transaction() as session:
            session.execute(delete(SigningKeyBlob))
        assert not keys.can_sign(desk)
        with pytest.raises(UserError) as wrong:
            keys.import_signing_key(desk, exported, "не тот пароль")
        assert wrong.value.code == "wrong_passphrase"
        with pytest.raises(UserError) as junk:
            keys.import_signing_key(desk, b"{not json", "пароль организатора")
        assert junk.value.code == "not_a_key_file"
        info = keys.import_signing_key(desk, exported, "пароль организатора")
        assert info.can_sign_here and keys.can_sign(desk)
        assert keys.unlock_signing_key(desk, "пароль организатора").key_id == info.key_id
    other_path = tmp_path / "other.sqlite3"
    demo.create_demo(other_path, seed=5)
    with open_workspace(other_path) as other, pytest.raises(UserError) as foreign:
        keys.import_signing_key(other, exported, "пароль организатора")
    assert foreign.value.code == "key_of_another_event"


def test_a_desk_without_the_signing_key_cannot_reissue_anyones_badge(
    organizer: Workspace, tmp_path: Path
) -> None:
    """A reissue cancels the badge a person carries: only the key holder may do it."""
    person = list_participants(organizer, 2)[1]
    with desk_copy(organizer, tmp_path / "desk.sqlite3") as desk:
        with pytest.raises(UserError) as refused:
            badges.reissue_badge(desk, person.id)
        assert refused.value.code == "no_signing_key"
        assert list_participants(desk, 2)[1].badge_version == person.badge_version
