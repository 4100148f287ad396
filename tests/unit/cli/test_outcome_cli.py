"""`smm-event outcomes/survey/selection/reach/report` in-process: output, JSON, error lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from smm_event.cli.main import main
from smm_event.services.demo_outcomes import fill_outcomes
from smm_event.workspace import Workspace


def _run(ws: Workspace, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws.path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_rank_decide_save_and_protocol(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(demo_workspace, capsys, "selection", "rank", "--all", "--json")
    assert code == 0
    ranking = json.loads(out)["ranking"]
    assert len(ranking) == 210
    assert sum(1 for r in ranking if r["outcome"] in ("rule", "quota", "manual_accept")) == 100
    last = ranking[-1]["candidate_id"]
    code, _, err = _run(
        demo_workspace, capsys, "selection", "decide", last, "accept", "--reason", " "
    )
    assert (code, err.count("\n")) == (1, 1)
    assert "give the reason" in err
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "selection",
        "decide",
        last,
        "accept",
        "--track",
        "content",
        "--reason",
        "Сильная мотивация",
    )
    assert code == 0 and "recorded" in out
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "selection",
        "rank",
        "--places",
        "60",
        "--track-places",
        "strategy=30,content=30",
        "--max-per-org",
        "1",
        "--quota",
        "stream:3=25",
        "--save",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["saved"]["selected"] == 60
    assert data["rule"]["quotas"] == [{"field": "stream", "value": "3", "minimum": 25}]
    chosen = [r for r in data["ranking"]]
    assert sum(1 for r in chosen if r["track"] == "content") == 30
    assert any(r["candidate_id"] == last and r["outcome"] == "manual_accept" for r in chosen)
    out_pdf = tmp_path / "protocol.pdf"
    code, out, _ = _run(demo_workspace, capsys, "selection", "protocol", "--out", str(out_pdf))
    assert code == 0
    text = "".join(p.extract_text() for p in PdfReader(out_pdf).pages)
    assert "Сильная мотивация" in text and "Квота: не менее 25 мест" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("selection", "rank", "--quota", "city:x=3"), "bad selection rule (quota)"),
        (("selection", "rank", "--weights", "luck=1"), "bad selection rule (weights)"),
        (("selection", "decide", "nope", "exclude", "--reason", "x"), "is not a participant id"),
        (("outcomes", "show", "--people", "graduated"), "unknown funnel step"),
        (("survey", "show", "Нет такой"), "there is no survey named"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    demo_workspace: Workspace,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    code, _, err = _run(demo_workspace, capsys, *args)
    assert code == 1, err
    assert err.count("\n") == 1 and message in err
    assert "Traceback" not in err


def test_outcomes_show_traces_every_funnel_number_to_people(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_outcomes(demo_workspace, 7, dt.date(2026, 7, 1))
    code, out, _ = _run(demo_workspace, capsys, "outcomes", "show", "--json")
    funnel = {s["step"]: s["count"] for s in json.loads(out)["funnel"]}
    assert code == 0 and funnel["registered"] == 210 and funnel["consulted"] is None
    for step in ("registered", "selected", "accelerator"):
        code, out, _ = _run(demo_workspace, capsys, "outcomes", "show", "--people", step, "--json")
        assert code == 0 and len(json.loads(out)) == funnel[step]
    code, out, _ = _run(demo_workspace, capsys, "outcomes", "show", "--no-exit", "--json")
    assert code == 0 and all(p["total"]["exit"] is None for p in json.loads(out))
    code, out, _ = _run(demo_workspace, capsys, "reach", "show", "--json")
    report = json.loads(out)
    assert report["overall"]["measured"] > 0 and report["frozen_accounts"] == report["accounts"]
