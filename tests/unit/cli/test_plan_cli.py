"""`smm-event outcomes plan|consulted`: the dates and the people the funnel and the pack read."""

from __future__ import annotations

import json

import pytest

from smm_event.cli.main import main
from smm_event.services import outcomes
from smm_event.services.participants import list_participants
from smm_event.workspace import Workspace


def _run(ws: Workspace, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws.path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_consultations_fill_the_funnels_last_step(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {s.step: s.count for s in outcomes.funnel(demo_workspace)}
    assert before["consulted"] is None  # not recorded yet, not zero
    people = [p.id for p in list_participants(demo_workspace)][:3]
    code, out, _ = _run(
        demo_workspace, capsys, "outcomes", "consulted", "--add", *map(str, people), "--json"
    )
    assert code == 0 and json.loads(out) == [str(p) for p in people]
    code, _, _ = _run(demo_workspace, capsys, "outcomes", "consulted", "--remove", str(people[0]))
    assert code == 0
    after = {s.step: s for s in outcomes.funnel(demo_workspace)}
    assert after["consulted"].count == 2
    assert set(after["consulted"].people) == set(people[1:])


def test_unknown_people_change_nothing(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    people = [str(p.id) for p in list_participants(demo_workspace)][:1]
    code, _, err = _run(
        demo_workspace,
        capsys,
        "outcomes",
        "consulted",
        "--add",
        *people,
        "00000000-0000-0000-0000-000000000001",
    )
    assert code == 1 and err.count("\n") == 1
    consulted = {s.step: s.count for s in outcomes.funnel(demo_workspace)}["consulted"]
    assert consulted is None


def test_a_stage_gets_its_planned_and_actual_dates(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "outcomes",
        "plan",
        "consultations",
        "--from",
        "2027-01-10",
        "--to",
        "2027-06-30",
        "--actual-from",
        "2027-01-15",
        "--json",
    )
    assert code == 0
    shown = json.loads(out)
    assert (shown["planned_from"], shown["planned_to"], shown["actual_from"]) == (
        "2027-01-10",
        "2027-06-30",
        "2027-01-15",
    )
    (row,) = (r for r in outcomes.stage_dates(demo_workspace) if r.stage == "consultations")
    assert str(row.planned_to) == "2027-06-30"
    code, _, err = _run(
        demo_workspace,
        capsys,
        "outcomes",
        "plan",
        "report",
        "--from",
        "2027-02-01",
        "--to",
        "2027-01-01",
    )
    assert code == 1 and "before it starts" in err
    (row,) = (r for r in outcomes.stage_dates(demo_workspace) if r.stage == "report")
    assert row.planned_to is None or str(row.planned_to) != "2027-01-01"
