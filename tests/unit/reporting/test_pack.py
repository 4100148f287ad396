from __future__ import annotations

import datetime as dt
import hashlib
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from smm_event.errors import UserError
from smm_event.reporting.pack import build_pack
from smm_event.services import selection
from smm_event.services.demo_outcomes import fill_outcomes
from smm_event.workspace import Workspace

AFTER_ALL = dt.datetime(2026, 7, 1, 12, 0)  # naive UTC, after the demo's three streams


def test_pack_is_complete_readable_and_its_hashes_match(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    fill_outcomes(demo_workspace, 7, AFTER_ALL.date())
    selection.decide(
        demo_workspace,
        selection.selection_view(demo_workspace).result.ranking[-1].candidate_id,
        "accept",
        "Победитель конкурса кейсов",
    )
    selection.save_selection(demo_workspace, now=AFTER_ALL)
    seen: list[tuple[int, int]] = []
    result = build_pack(
        demo_workspace, tmp_path, lambda done, total, _: seen.append((done, total)), now=AFTER_ALL
    )
    assert not result.cancelled and result.folder and result.zip_path
    assert result.folder.name == "evidence-2026-07-01"
    signin = [f for f in result.files if f.startswith("signin/")]
    assert len(signin) == 48  # every session of the three streams was held by then
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == seen[-1][1]
    for name in ("indicators_report.pdf", "selection_protocol.pdf", "certificates/register.pdf"):
        text = "".join(page.extract_text() for page in PdfReader(result.folder / name).pages)
        assert "программы" in text or "ПРОТОКОЛ" in text or "РЕЕСТР" in text
    protocol = "".join(
        p.extract_text() for p in PdfReader(result.folder / "selection_protocol.pdf").pages
    )
    assert "ПРОТОКОЛ ОТБОРА" in protocol and "Победитель конкурса кейсов" in protocol
    report = "".join(
        p.extract_text() for p in PdfReader(result.folder / "indicators_report.pdf").pages
    )
    assert "Охват аккаунтов НКО" in report and "Воронка" in report
    assert "Итоговая анкета" in report  # the demo survey's results are in
    first_sheet = PdfReader(result.folder / signin[0]).pages[0].extract_text()
    assert "ЛИСТ РЕГИСТРАЦИИ" in first_sheet
    for name in [f for f in result.files if f.endswith(".xlsx")]:
        openpyxl.load_workbook(result.folder / name, read_only=True).close()
    contents = openpyxl.load_workbook(result.folder / "contents.xlsx").active
    assert contents is not None
    listed = {row[1]: row[3] for row in contents.iter_rows(min_row=2, values_only=True)}
    assert set(listed) == set(result.files) - {"contents.xlsx", "SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256((result.folder / str(name)).read_bytes()).hexdigest() == digest
    sums = (result.folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(sums) == len(listed)
    with zipfile.ZipFile(result.zip_path) as archive:
        names = set(archive.namelist())
        assert f"{result.folder.name}/contents.xlsx" in names
        assert all(f"{result.folder.name}/{f}" in names for f in result.files)
    funnel = openpyxl.load_workbook(result.folder / "funnel_and_dates.xlsx")["Воронка"]
    steps = {row[0]: row[1] for row in funnel.iter_rows(min_row=2, values_only=True)}
    assert steps["registered"] == 210 and steps["accelerator"] == 100
    # A second pack the same day goes to its own folder, never over the first.
    assert build_pack(demo_workspace, tmp_path, now=AFTER_ALL).folder != result.folder


def test_cancel_stops_between_files_and_leaves_nothing(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int, name: str) -> None:
        if done == 3:
            cancel.set()

    out = tmp_path / "out"
    result = build_pack(demo_workspace, out, progress, cancel, now=AFTER_ALL)
    assert result.cancelled and result.folder is None
    assert list(out.iterdir()) == []


def test_a_pack_that_cannot_be_written_is_one_error(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as error:
        build_pack(demo_workspace, blocker, now=AFTER_ALL)
    assert error.value.code == "cannot_write"
    assert blocker.read_text(encoding="utf-8") == "x"
