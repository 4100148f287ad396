"""``--self-check``: prove that this installation (a checkout or the frozen bundle) has every
data file and native library the work needs, by doing the work once in a temporary folder.

A bundle that lacks pytrovich's rules, a font, the migrations or zxing's library starts fine
and fails only when a desk declines a name or decodes a badge; this runs each of those paths
(migrate a workspace, load the demo's schedule and names, decline a name, sign and render a
badge, issue and render a certificate page, read a QR code back from an image) and reports one
line per step. The Qt parts (platform plugin, translations) are checked by ``ui.app``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from smm_event.workspace import Workspace

PASSPHRASE = "self-check-passphrase"


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class _Scene:
    folder: Path
    ws: Workspace | None = None
    token: str = ""


def _workspace(scene: _Scene) -> str:
    from smm_event.services.demo import FIRST_DAY, create_demo
    from smm_event.workspace import open_workspace

    path = scene.folder / "self-check.sqlite3"
    summary = create_demo(path, seed=1, first_day=dt.date(2026, 5, 12), scenario=FIRST_DAY)
    scene.ws = open_workspace(path)
    return f"migrated, {summary.participants} demo participants in {len(summary.streams)} streams"


def _declension(_scene: _Scene) -> str:
    from smm_event.text.declension import to_dative

    dative = to_dative("Иванова", "Мария", "Петровна", "ж")
    line = f"{dative.surname} {dative.first_name} {dative.patronymic}"
    if line != "Ивановой Марии Петровне":
        raise AssertionError(f"Иванова Мария Петровна declined as {line!r}")
    return line


def _badge(scene: _Scene) -> str:
    from smm_event.services import badges, keys, participants

    ws = _ws(scene)
    keys.init_keys(ws, PASSPHRASE)
    key = keys.unlock_signing_key(ws, PASSPHRASE)
    person = participants.list_participants(ws, stream_number=1, limit=1)[0]
    out = scene.folder / "badge.pdf"
    badges.print_badges(ws, key, out, layout="a6", participant_ids=[person.id])
    scene.token = badges.badge_token(ws, person.id, key)
    return f"{_pdf_size(out)} bytes, signed token of {len(scene.token)} characters"


def _certificate(scene: _Scene) -> str:
    from smm_event.services import certificates, keys, participants

    ws = _ws(scene)
    person = participants.list_participants(ws, stream_number=1, limit=1)[0]
    certificates.set_override(ws, person.id, True, "self-check")
    key = keys.unlock_signing_key(ws, PASSPHRASE)
    out = scene.folder / "certificate.pdf"
    report = certificates.issue_certificates(ws, key, participant_ids=[person.id], pdf_path=out)
    if len(report.issued) != 1:
        raise AssertionError(f"expected one certificate, got {len(report.issued)}")
    return f"№ {report.issued[0].number}, {_pdf_size(out)} bytes"


def _qr_image(scene: _Scene) -> str:
    import qrcode

    from smm_event.scanning.decode import decode_image_file
    from smm_event.services import badges

    image = scene.folder / "badge-qr.png"
    qrcode.make(scene.token).save(str(image))
    texts = decode_image_file(image)
    if texts != (scene.token,):
        raise AssertionError(f"decoded {texts!r} instead of the badge's token")
    verdict = badges.verify_badge(_ws(scene), texts[0])
    return f"decoded and verified: {verdict.result.value}"


def _postgres_driver(_scene: _Scene) -> str:
    """Sync needs psycopg's compiled implementation and the libpq it ships; no server is
    contacted."""
    import psycopg

    implementation = psycopg.pq.__impl__
    if implementation not in ("binary", "c"):
        raise AssertionError(f"psycopg runs its {implementation!r} implementation, not binary")
    return f"psycopg {psycopg.__version__} ({implementation}), libpq {psycopg.pq.version()}"


CHECKS: tuple[tuple[str, Callable[[_Scene], str]], ...] = (
    ("workspace and migrations", _workspace),
    ("name in the dative (pytrovich)", _declension),
    ("badge PDF (fonts, signing)", _badge),
    ("certificate PDF", _certificate),
    ("QR code from an image (zxing)", _qr_image),
    ("PostgreSQL driver (psycopg, libpq)", _postgres_driver),
)


def run_checks() -> Iterator[CheckResult]:
    """Each step in order; a failed step stops the ones that depend on it (all later ones)."""
    with _folder() as folder:
        scene = _Scene(folder)
        try:
            for name, check in CHECKS:
                started = time.perf_counter()
                try:
                    detail = check(scene)
                except Exception as error:  # the point is to report any failure, as text
                    yield CheckResult(name, False, f"{type(error).__name__}: {error}", 0.0)
                    return
                yield CheckResult(name, True, detail, time.perf_counter() - started)
        finally:
            if scene.ws is not None:
                scene.ws.close()


def report(results: Iterator[CheckResult], write: Callable[[str], None] = print) -> bool:
    ok = True
    for result in results:
        mark = "ok  " if result.ok else "FAIL"
        write(f"{mark} {result.name}: {result.detail}")
        ok = ok and result.ok
    write("self-check passed" if ok else "self-check FAILED")
    return ok


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="smm-event-self-check-") as name:
        yield Path(name)


def _ws(scene: _Scene) -> Workspace:
    if scene.ws is None:
        raise AssertionError("the workspace step did not run")
    return scene.ws


def _pdf_size(path: Path) -> int:
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise AssertionError(f"{path.name} is not a PDF")
    return len(data)
