"""Merging duplicates in one workspace: the alias map (chains, cycles, any order), the
refusals a tired organizer meets, certificates following the kept person, and a merge record
that arrives before the person it names."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import uuid
from pathlib import Path

import pytest

from smm_event.errors import UserError
from smm_event.services import certificates, queries, walkins
from smm_event.services.merges import (
    merge_participants,
    merge_preview,
    merges_of,
    unmerge_participant,
)
from smm_event.services.participant_edit import withdraw_participant
from smm_event.services.participants import get_participant, list_participants
from smm_event.storage import changes
from smm_event.storage.aliases import Edge, in_effect, resolve
from smm_event.storage.local_models import ChangeRecord
from smm_event.workspace import Workspace, open_workspace
from tests.support import certificates as certificate_support
from tests.support.certificates import NOW, Prepared, change_log

prepared = certificate_support.prepared
ws = certificate_support.ws

A, B, C, D = (uuid.UUID(int=n) for n in range(1, 5))


def _edge(order: str, kept: uuid.UUID, merged: uuid.UUID) -> Edge:
    return Edge(order, uuid.uuid5(uuid.NAMESPACE_OID, order), kept, merged)


def test_chains_resolve_to_their_end_and_cycles_are_cut_the_same_in_any_order() -> None:
    edges = [
        _edge("1", B, A),  # A into B
        _edge("2", C, B),  # then B into C: A ends at C
        _edge("3", A, C),  # C into A would close a cycle: not in effect
        _edge("4", D, A),  # A already merged (into B): not in effect
    ]
    for order in itertools.permutations(edges):
        assert resolve(order) == {A: C, B: C}
        assert in_effect(order) == {edges[0].merge_id, edges[1].merge_id}
    assert resolve([_edge("1", A, A)]) == {}


def _walk_in_copy(ws: Workspace) -> tuple[uuid.UUID, uuid.UUID]:
    kept = list_participants(ws, stream_number=1)[0]
    day = queries.workspace_summary(ws).streams[0].days[0]
    at = dt.datetime.combine(day, dt.time(7, 0))  # 10:00 in Moscow
    copy = walkins.register_walk_in(ws, kept.surname, kept.first_name, stream_number=1, now=at)
    return kept.id, copy.participant.id


def test_the_tired_organizers_mistakes_are_refused_and_change_nothing(ws: Workspace) -> None:
    kept, copy = _walk_in_copy(ws)
    other = list_participants(ws, stream_number=2)[0].id
    before = queries.workspace_summary(ws).unsynced_changes
    for keep, merged, reason, code in (
        (kept, kept, "дубль", "merge_same_person"),
        (kept, copy, "   ", "merge_reason_required"),
        ("not-an-id", copy, "дубль", "bad_participant_id"),
    ):
        with pytest.raises(UserError) as caught:
            merge_participants(ws, keep, merged, reason)
        assert caught.value.code == code
    withdraw_participant(ws, other, "заболела")
    with pytest.raises(UserError) as caught:
        merge_participants(ws, other, copy, "дубль")
    assert caught.value.code == "merge_into_withdrawn"
    with pytest.raises(UserError) as caught:
        unmerge_participant(ws, copy, "ошибка")
    assert caught.value.code == "not_merged"
    assert queries.workspace_summary(ws).unsynced_changes == before + 1  # the withdrawal

    merge_participants(ws, kept, copy, "дубль")
    with pytest.raises(UserError) as caught:
        merge_participants(ws, other, copy, "дубль")  # merged away already
    assert caught.value.code == "already_merged"
    with pytest.raises(UserError) as caught:
        merge_participants(ws, copy, kept, "наоборот")  # the copy stands for kept itself
    assert caught.value.code == "merge_same_person"
    (merge,) = merges_of(ws, copy)
    assert merge.in_effect and merges_of(ws, kept) == (merge,)


def test_the_preview_counts_what_moves(ws: Workspace) -> None:
    kept, copy = _walk_in_copy(ws)
    preview = merge_preview(ws, kept, copy)
    assert (preview.kept.id, preview.merged.id) == (kept, copy)
    assert preview.checkins == 1 and preview.badges == 0 and preview.certificate is None


def test_a_certificate_follows_the_kept_person_and_two_certificates_are_refused(
    ws: Workspace, prepared: Prepared
) -> None:
    first, second, third = prepared.stream1[:3]
    certificates.issue_certificates(ws, prepared.key, participant_ids=[first, second], now=NOW)
    with pytest.raises(UserError) as caught:
        merge_participants(ws, first, second, "дубль")
    assert caught.value.code == "merge_both_certified"
    assert merge_preview(ws, third, second).certificate is not None
    merge_participants(ws, third, second, "дубль")
    report = certificates.issue_certificates(ws, prepared.key, participant_ids=[third], now=NOW)
    assert report.issued == ()  # the merged record's certificate is the kept person's now
    assert len(list_participants(ws, stream_number=1)) == 69


def test_a_merge_that_arrives_before_the_person_it_names(
    demo_template: Path, tmp_path: Path
) -> None:
    """The desk's walk-in reaches this laptop after the organizer's merge of it (another path
    carried the merge first): the person arrives already merged."""
    source, target = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3"
    shutil.copyfile(demo_template, source)
    shutil.copyfile(demo_template, target)
    with open_workspace(source) as ws_source:
        known = {r.device_id: r.seq for r in change_log(ws_source)}
        kept, copy = _walk_in_copy(ws_source)
        merge_participants(ws_source, kept, copy, "дубль")
        fresh = change_log(ws_source, known)
    with open_workspace(target) as ws_target:
        with ws_target.transaction() as session:
            for record in sorted(fresh, key=lambda r: r.entity != "participant_merge"):
                if session.get(ChangeRecord, (record.device_id, record.seq)) is None:
                    session.add(record)
                    changes.apply_change(session, record)
        assert get_participant(ws_target, copy).id == kept
        assert [s.size for s in queries.workspace_summary(ws_target).streams] == [70, 70, 70]
        assert copy not in {p.id for p in list_participants(ws_target, stream_number=1)}
