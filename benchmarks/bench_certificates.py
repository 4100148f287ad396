"""Certificate rendering for a whole programme: 210 certificates (3 streams of 70).

    python benchmarks/bench_certificates.py [--count 210] [--repeat 3] [--out DIR]

Prints a markdown table of wall-clock times (best of --repeat) on this machine for:
- the print batch: one PDF with a page per certificate (target under 5 s);
- one PDF per certificate in memory (what the register hashes);
- render_certificates: the batch plus every certificate's own hash;
- write_certificate_files: one file per certificate on disk.
Payloads are random 90-byte base32 tokens (~150 characters), the size of a signed QR payload.

The floor, measured in the same run: the same pages in one PDF with the QR code as a bitmap
(zxing-cpp's image, drawn with drawImage) and nothing else of ours: no certificate's own PDF,
no hashing. Ours is printed against it (issue 15: issuing ≤ 2× this render).
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import datetime as dt
import io
import random
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import zxingcpp
from floors import best_of, print_ratio
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from smm_event.pdf import certificate_draw
from smm_event.pdf.certificate_data import CertificateData
from smm_event.pdf.certificate_template import CertificateTemplate
from smm_event.pdf.certificates import (
    load_certificate_template,
    render_certificate_bytes,
    render_certificates,
    render_certificates_batch,
    write_certificate_files,
)
from smm_event.pdf.fonts import register_fonts
from smm_event.text.dates_ru import format_date_range_ru, format_hours_ru

SURNAMES = ("Магомедов", "Хетагурова", "Акопян", "Алиева", "Гогуадзе", "Тхагапсоева-Кодзоева")
NAMES = ("Руслан", "Зарема", "Арам", "Айгюн", "Нино", "Анна")


def make_certs(count: int, seed: int) -> list[CertificateData]:
    rng = random.Random(seed)
    base = CertificateData(
        number="",
        surname="",
        first_name="",
        patronymic=None,
        name_line="",
        organization="АНО «Центр развития гражданских инициатив»",
        stream_title="",
        dates_text=format_date_range_ru(dt.date(2026, 5, 12), dt.date(2026, 5, 15)),
        hours_text=format_hours_ru(32),
        city="г. Минеральные Воды",
        issue_date_text="15 мая 2026 года",
        verify_text="",
        event_name="Центр компетенций по SMM для НКО",
        organizer="Информационный центр «Открытый Юг»",
    )
    certs = []
    for index in range(count):
        surname, name = rng.choice(SURNAMES), rng.choice(NAMES)
        token = base64.b32encode(rng.randbytes(90)).decode().rstrip("=")
        certs.append(
            dataclasses.replace(
                base,
                number=f"{index + 1:03d}/2026",
                surname=surname,
                first_name=name,
                name_line=f"{surname} {name}",
                stream_title=f"Поток {index % 3 + 1}",
                verify_text=f"SMC1:{token}",
            )
        )
    return certs


def draw_bitmap_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The QR code as an image of one pixel a module, quiet zone included, scaled up by the PDF
    (the cheapest way to put a bitmap code on the page)."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    pixels = np.asarray(barcode.to_image(scale=1, add_quiet_zones=True))
    canvas.drawImage(ImageReader(Image.fromarray(pixels)), x, y, size, size)


@contextmanager
def bitmap_qr() -> Iterator[None]:
    # The benchmark swaps the drawing function the page module calls; the product never does.
    original = certificate_draw.__dict__["draw_qr"]
    setattr(certificate_draw, "draw_qr", draw_bitmap_qr)  # noqa: B010
    try:
        yield
    finally:
        setattr(certificate_draw, "draw_qr", original)  # noqa: B010


def bitmap_render(certs: list[CertificateData], template: CertificateTemplate) -> bytes:
    """The floor: one PDF, a page each, bitmap QR codes, no per-certificate PDF or hash."""
    register_fonts()
    out = io.BytesIO()
    with bitmap_qr():
        size = (template.page_width_mm * MM, template.page_height_mm * MM)
        canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=1)  # as ours
        for cert in certs:
            certificate_draw.draw_certificate_page(canvas, cert, template)
            canvas.showPage()
        canvas.save()
    return out.getvalue()


MM = 72.0 / 25.4
BITMAP_FLOOR = "210 pages in one PDF with a bitmap QR, no own PDFs, no hashes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=210)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260512)
    parser.add_argument("--out", type=Path, default=None, help="keep the files here")
    args = parser.parse_args()
    certs = make_certs(args.count, args.seed)
    with tempfile.TemporaryDirectory(prefix="bench_certificates_") as scratch:
        run_all(args, certs, args.out or Path(scratch))


def run_all(args: argparse.Namespace, certs: list[CertificateData], out_dir: Path) -> None:
    template = load_certificate_template()
    render_certificate_bytes(certs[0], template)  # fonts registered, caches warm
    batch = io.BytesIO()
    rows: list[tuple[str, Callable[[], object]]] = [
        ("print batch (one PDF)", lambda: render_certificates_batch(certs, template, io.BytesIO())),
        ("one PDF each, in memory", lambda: [render_certificate_bytes(c, template) for c in certs]),
        ("batch + each one's hash", lambda: render_certificates(certs, template, io.BytesIO())),
        ("one file each, on disk", lambda: write_certificate_files(certs, template, out_dir)),
    ]
    render_certificates_batch(certs, template, batch)
    single = render_certificate_bytes(certs[0], template)
    bitmap_render(certs[:1], template)
    rows.append(("(floor) bitmap-QR render", lambda: bitmap_render(certs, template)))
    print(f"{args.count} certificates, best of {args.repeat}\n")
    print("| variant | total s | ms per certificate |")
    print("|---|---:|---:|")
    measured = {}
    for label, run in rows:
        seconds = measured[label] = best_of(args.repeat, run)
        print(f"| {label} | {seconds:.2f} | {1000 * seconds / args.count:.1f} |")
    floor = measured["(floor) bitmap-QR render"]
    print()
    for label in ("print batch (one PDF)", "batch + each one's hash"):
        print_ratio(label, measured[label], floor, BITMAP_FLOOR.replace("210", str(args.count)))
    median_file = statistics.median(p.stat().st_size for p in out_dir.glob("*.pdf"))
    print(f"\nbatch PDF {len(batch.getvalue()) / 1e6:.2f} MB for {args.count} pages")
    print(f"one certificate {len(single) / 1e3:.0f} kB (median file {median_file / 1e3:.0f} kB)")
    if args.out:
        print(f"files in {out_dir}")


if __name__ == "__main__":
    main()
