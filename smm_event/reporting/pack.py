"""One dated folder (and a zip of it) with everything the grant report needs: sign-in sheets
of every session held, the attendance matrices, the certificate register (XLSX and PDF), the
selection protocol, the indicators report, the funnel with planned against actual dates, and a
contents sheet with each file's SHA-256. Built from the existing exporters and PDF code.

Progress is reported after each file; a cancel (``threading.Event``) stops between files and
removes the half-built folder, so a pack on disk is always complete."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from smm_event.errors import UserError
from smm_event.roster.store import find_participants
from smm_event.services import attendance, certificates, queries
from smm_event.services.report_data import IndicatorsData, indicators_data
from smm_event.storage.event_context import current_event
from smm_event.workspace import Workspace

Progress = Callable[[int, int, str], None]  # done, total, file being written


@dataclass(frozen=True)
class PackResult:
    folder: Path | None
    zip_path: Path | None
    files: tuple[str, ...]  # relative to the folder
    cancelled: bool


def _folder(out: Path, day: dt.date) -> Path:
    base = out / f"evidence-{day.isoformat()}"
    candidate, number = base, 2
    while candidate.exists() or candidate.with_suffix(".zip").exists():
        candidate = out / f"{base.name}-{number}"
        number += 1
    return candidate


def build_pack(
    ws: Workspace,
    out: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    now: dt.datetime | None = None,
) -> PackResult:
    from smm_event.pdf.certificate_register import render_register
    from smm_event.reporting.indicators_report import render_indicators
    from smm_event.reporting.selection_protocol import render_protocol
    from smm_event.reporting.sheets import write_contents, write_funnel

    moment = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(
            "cannot_write", path=str(out), reason=error.strerror or str(error)
        ) from error
    with ws.reading() as session:
        event_name = current_event(session).name
        people = {p.id: p for p in find_participants(session)}
    streams = queries.list_streams(ws)
    matrices = {s.number: attendance.attendance_matrix(ws, s.number, moment) for s in streams}
    jobs: list[tuple[str, Callable[[Path], object]]] = []
    for number, matrix in matrices.items():
        for info, totals in zip(matrix.sessions, matrix.totals, strict=True):
            if not totals.held:
                continue
            name = f"signin/stream{number}_{info.starts_at:%Y-%m-%d_%H%M}.pdf"
            jobs.append((name, _sheet(ws, number, info.day, info.id)))
        jobs.append((f"attendance/stream{number}.xlsx", _matrix(ws, number, moment)))
    register = certificates.certificate_register(ws)
    jobs.append(("certificates/register.xlsx", lambda p: certificates.export_register(ws, p)))
    jobs.append(("certificates/register.pdf", lambda p: render_register(register, event_name, p)))
    data_box: dict[str, object] = {}

    def indicators(path: Path) -> object:
        data = indicators_data(ws, moment)
        data_box["data"] = data
        return render_indicators(data, path)

    jobs.append(("indicators_report.pdf", indicators))
    jobs.append(
        (
            "selection_protocol.pdf",
            lambda p: render_protocol(_data(data_box).selection, event_name, p),
        )
    )
    jobs.append(
        (
            "funnel_and_dates.xlsx",
            lambda p: write_funnel(_data(data_box).funnel, _data(data_box).dates, people, p),
        )
    )
    folder = _folder(out, moment.date())
    total = len(jobs) + 2  # the contents sheet and the zip
    written: list[Path] = []
    try:
        for done, (name, job) in enumerate(jobs):
            if cancel is not None and cancel.is_set():
                shutil.rmtree(folder, ignore_errors=True)
                return PackResult(None, None, (), True)
            if progress is not None:
                progress(done, total, name)
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            job(target)
            written.append(target)
        if progress is not None:
            progress(len(jobs), total, "contents.xlsx")
        write_contents(folder, written, folder / "contents.xlsx", folder / "SHA256SUMS")
        if progress is not None:
            progress(len(jobs) + 1, total, folder.name + ".zip")
        zip_path = folder.with_suffix(".zip")
        _zip(folder, zip_path)
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        folder.with_suffix(".zip.part").unlink(missing_ok=True)
        raise UserError(
            "cannot_write", path=str(folder), reason=error.strerror or str(error)
        ) from error
    if progress is not None:
        progress(total, total, "")
    files = tuple(
        p.relative_to(folder).as_posix()
        for p in [*written, folder / "contents.xlsx", folder / "SHA256SUMS"]
    )
    return PackResult(folder, zip_path, files, False)


def _data(box: dict[str, object]) -> IndicatorsData:
    data = box["data"]
    assert isinstance(data, IndicatorsData)
    return data


def _sheet(
    ws: Workspace, number: int, day: dt.date, session_id: object
) -> Callable[[Path], object]:
    return lambda path: attendance.signin_sheet(ws, number, day, path, str(session_id))


def _matrix(ws: Workspace, number: int, moment: dt.datetime) -> Callable[[Path], object]:
    return lambda path: attendance.export_attendance(ws, number, path, moment)


def _zip(folder: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    partial.replace(target)
