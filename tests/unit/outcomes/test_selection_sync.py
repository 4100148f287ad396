from __future__ import annotations

import shutil
from pathlib import Path

from smm_event.domain.sync import AttentionKind
from smm_event.services import selection
from smm_event.sync.attention import needs_attention
from smm_event.workspace import Workspace, open_workspace
from tests.unit.outcomes.support import clone_laptop, exchange


def _attention(ws: Workspace) -> list[AttentionKind]:
    with ws.reading() as session:
        return [item.kind for item in needs_attention(session)]


def _tracks(ws: Workspace) -> dict[object, str | None]:
    view = selection.selection_view(ws)
    return {pid: p.accelerator_track for pid, p in view.people.items()}


def test_two_laptops_deciding_offline_converge_and_show_up(
    demo_template: Path, tmp_path: Path
) -> None:
    shutil.copyfile(demo_template, tmp_path / "a.sqlite3")
    a = open_workspace(tmp_path / "a.sqlite3")
    b = clone_laptop(demo_template, tmp_path / "b.sqlite3", "Ноутбук 2")
    try:
        selection.save_selection(a)
        exchange(a, b)
        ranking = selection.selection_view(a).result.ranking
        outside = [r.candidate_id for r in ranking if not r.selected]
        disputed = ranking[0].candidate_id
        # Offline: each laptop takes in a different person and saves; both judge one person.
        selection.decide(a, outside[0], "accept", "рекомендация тренера", track="content")
        selection.decide(b, outside[1], "accept", "победитель конкурса", track="strategy")
        selection.decide(a, disputed, "exclude", "отказался")
        selection.decide(b, disputed, "accept", "подтвердил участие")
        selection.save_selection(a)
        selection.save_selection(b)
        exchange(a, b)

        assert _tracks(a) == _tracks(b)
        kinds = _attention(a)
        assert kinds == _attention(b)
        assert AttentionKind.CONFLICTING_SELECTION in kinds
        # Each laptop pushed out the same last person for its own newcomer: 101 in after merge.
        assert AttentionKind.SELECTION_OVER_LIMIT in kinds
        taken = [t for t in _tracks(a).values() if t]
        assert len(taken) == 101
        # Both manual accepts survived: nothing was silently overwritten.
        view = selection.selection_view(a)
        accepted = {r.candidate_id for r in view.result.selected}
        assert {outside[0], outside[1]} <= accepted
        assert len(view.decisions) == 4

        # Saving once more on either laptop applies both decisions within the places.
        selection.save_selection(b)
        exchange(a, b)
        assert len([t for t in _tracks(a).values() if t]) == 100
        assert AttentionKind.SELECTION_OVER_LIMIT not in _attention(a)
    finally:
        a.close()
        b.close()
