from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from smm_event.errors import UserError
from smm_event.pdf.certificate_data import CertificateData
from smm_event.pdf.certificate_draw import MM, fit_line, line_width, wrap_lines
from smm_event.pdf.certificate_template import TemplateError, TextField
from smm_event.pdf.certificates import (
    RenderCancelled,
    certificate_sha256,
    load_certificate_template,
    render_certificate_bytes,
    render_certificates,
    render_certificates_batch,
    write_certificate_files,
)
from smm_event.pdf.fonts import SERIF_BOLD

TEMPLATE = load_certificate_template()
DEFAULT_TOML = Path(__file__).resolve().parents[3] / "resources/templates/certificate_default.toml"
# A payload of the size a signed verification token has (~150 characters, base32).
TOKEN = "SMC1:" + base64.b32encode(bytes(range(7, 97))).decode().rstrip("=")


def make_cert(**changes: object) -> CertificateData:
    cert = CertificateData(
        number="001/2026",
        surname="Алиева",
        first_name="Айгюн",
        patronymic="Рафик кызы",
        name_line="Алиева Айгюн Рафик кызы",
        organization="АНО «Центр гражданских инициатив»",
        stream_title="Поток 2 · базовый уровень",
        dates_text="12–15 мая 2026 года",
        hours_text="24 часа",
        city="г. Минеральные Воды",
        issue_date_text="15 мая 2026 года",
        verify_text=TOKEN,
        event_name="Центр компетенций по SMM для НКО",
        organizer="Информационный центр «Открытый Юг»",
        gender="female",
    )
    return dataclasses.replace(cert, **changes)  # type: ignore[arg-type]


def page_text(pdf: bytes, page: int = 0) -> str:
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[page].extract_text()


def raster(pdf: bytes, page: int = 0, dpi: int = 150) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    image = document[page].render(scale=dpi / 72).to_pil().convert("L")
    document.close()
    return image


def test_cyrillic_text_extracts_back() -> None:
    text = page_text(render_certificate_bytes(make_cert(), TEMPLATE))
    for expected in (
        "Алиева Айгюн Рафик кызы", "№ 001/2026", "АНО «Центр гражданских инициатив»",
        "прошла обучение по программе", "«Центр компетенций по SMM для НКО»",
        "12–15 мая 2026 года · объём программы 24 часа", "г. Минеральные Воды",
        "Проверить подлинность", "Руководитель программы",
    ):  # fmt: skip
        assert expected in text


@pytest.mark.parametrize(
    ("gender", "word"), [("male", "прошёл"), ("female", "прошла"), (None, "прошёл(ла)")]
)
def test_gender_words_follow_the_person(gender: str | None, word: str) -> None:
    text = page_text(render_certificate_bytes(make_cert(gender=gender), TEMPLATE))
    assert f"{word} обучение" in text


def test_missing_organization_drops_the_whole_line() -> None:
    text = page_text(render_certificate_bytes(make_cert(organization=None), TEMPLATE))
    assert "АНО" not in text
    assert "Алиева Айгюн Рафик кызы" in text


def test_qr_decodes_to_the_exact_payload_at_150_dpi() -> None:
    image = raster(render_certificate_bytes(make_cert(), TEMPLATE), dpi=150)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in found] == [TOKEN]


def test_batch_has_a_page_each_and_every_qr_reads() -> None:
    certs = [make_cert(number=f"{n:03d}/2026", verify_text=f"{TOKEN}{n}") for n in range(1, 4)]
    out = io.BytesIO()
    calls: list[tuple[int, int]] = []
    render_certificates_batch(certs, TEMPLATE, out, progress=lambda d, t: calls.append((d, t)))
    pdf = out.getvalue()
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]
    for page, cert in enumerate(certs):
        assert f"№ {cert.number}" in page_text(pdf, page)
        found = zxingcpp.read_barcodes(raster(pdf, page), formats=zxingcpp.BarcodeFormat.QRCode)
        assert [code.text for code in found] == [cert.verify_text]


def test_same_input_gives_the_same_bytes_and_hash() -> None:
    first = render_certificate_bytes(make_cert(), TEMPLATE)
    assert render_certificate_bytes(make_cert(), TEMPLATE) == first
    assert certificate_sha256(make_cert(), TEMPLATE) == hashlib.sha256(first).hexdigest()
    assert (
        certificate_sha256(make_cert(number="002/2026"), TEMPLATE)
        != hashlib.sha256(first).hexdigest()
    )


def test_hash_is_stable_across_processes() -> None:
    # A fresh interpreter registers fonts and numbers objects anew: the register's hash must
    # still match when the certificate is rebuilt later on another run.
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.unit.pdf.test_certificate_pdf import make_cert, TEMPLATE;"
        "from smm_event.pdf.certificates import certificate_sha256;"
        "print(certificate_sha256(make_cert(), TEMPLATE))"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, check=True,
        cwd=root,
    )  # fmt: skip
    assert result.stdout.strip() == certificate_sha256(make_cert(), TEMPLATE)


def test_render_certificates_returns_each_certificates_own_hash(tmp_path: Path) -> None:
    certs = [make_cert(), make_cert(number="002/2026", name_line="Иванов Иван Иванович")]
    out = tmp_path / "batch.pdf"
    hashes = render_certificates(certs, TEMPLATE, out)
    assert hashes == [certificate_sha256(cert, TEMPLATE) for cert in certs]
    assert len(pypdf.PdfReader(out).pages) == 2


def test_fit_line_shrinks_then_condenses_but_never_overflows() -> None:
    field = TextField("name", "", 148.5, 98.5, SERIF_BOLD, 30, 14, 235)
    short_size, short_scale = fit_line("Ким Анна", field)
    assert (short_size, short_scale) == (30, 1.0)
    long_name = "Тхагапсоева-Хетагурова Зарема-Мадина Аслановна"
    size, scale = fit_line(long_name, field)
    assert 14 <= size < 30 and scale == 1.0
    assert line_width(long_name, SERIF_BOLD, size, 0) <= 235 * MM
    huge = " ".join([long_name] * 3)
    size, scale = fit_line(huge, field)
    assert size == 14 and scale < 1.0
    assert line_width(huge, SERIF_BOLD, size, 0) * scale <= 235 * MM + 1e-6


def test_wrap_keeps_to_max_lines() -> None:
    field = TextField("event", "", 148.5, 133, SERIF_BOLD, 17, 11, 215, max_lines=2)
    lines, size = wrap_lines("«Центр компетенций по SMM для НКО " * 6 + "»", field)
    assert len(lines) == 2 and size == 11


def _ink_columns(image: Image.Image, other: Image.Image) -> tuple[int, int]:
    diff = np.abs(np.asarray(image, dtype=int) - np.asarray(other, dtype=int)) > 40
    columns = np.flatnonzero(diff.any(axis=0))
    return int(columns.min()), int(columns.max())


@pytest.mark.parametrize("repeat", [1, 3])
def test_long_names_stay_inside_the_frame_and_whole(repeat: int) -> None:
    name = " ".join(["Тхагапсоева-Хетагурова Зарема-Мадина Аслановна"] * repeat)
    pdf = render_certificate_bytes(make_cert(name_line=name), TEMPLATE)
    blank = render_certificate_bytes(make_cert(name_line=""), TEMPLATE)
    dpi = 72
    left, right = _ink_columns(raster(pdf, dpi=dpi), raster(blank, dpi=dpi))
    inner_frame_mm = TEMPLATE.border.margin_mm + 9.5
    page_px = TEMPLATE.page_width_mm / 25.4 * dpi
    assert left > inner_frame_mm / 25.4 * dpi
    assert right < page_px - inner_frame_mm / 25.4 * dpi
    assert name in page_text(pdf).replace("\n", " ")


def test_cancel_leaves_no_file_behind(tmp_path: Path) -> None:
    cancel = threading.Event()
    out = tmp_path / "batch.pdf"
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 2:
            cancel.set()

    certs = [make_cert(number=f"{n:03d}/2026") for n in range(1, 6)]
    with pytest.raises(RenderCancelled) as raised:
        render_certificates_batch(certs, TEMPLATE, out, progress=progress, cancel=cancel)
    assert raised.value.code == "cancelled"
    assert seen == [1, 2]
    assert list(tmp_path.iterdir()) == []


def test_cancel_before_start_writes_nothing_to_a_stream() -> None:
    cancel = threading.Event()
    cancel.set()
    out = io.BytesIO()
    with pytest.raises(RenderCancelled):
        render_certificates([make_cert()], TEMPLATE, out, cancel=cancel)
    assert out.getvalue() == b""


def test_certificate_files_match_their_hashes_and_cancel_keeps_whole_files(
    tmp_path: Path,
) -> None:
    cancel = threading.Event()
    certs = [make_cert(number=f"{n:03d}/2026") for n in range(1, 5)]

    def progress(done: int, total: int) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(RenderCancelled):
        write_certificate_files(certs, TEMPLATE, tmp_path, progress=progress, cancel=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "001_2026_Alieva_Aigiun.pdf", "002_2026_Alieva_Aigiun.pdf",
    ]  # fmt: skip
    files = write_certificate_files(certs[:2], TEMPLATE, tmp_path / "again")
    for item, cert in zip(files, certs[:2], strict=True):
        assert hashlib.sha256(item.path.read_bytes()).hexdigest() == item.sha256
        assert item.sha256 == certificate_sha256(cert, TEMPLATE)


def _custom_template(tmp_path: Path, replace: dict[str, str]) -> Path:
    text = DEFAULT_TOML.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "custom.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_signature_and_background_images_are_drawn(tmp_path: Path) -> None:
    signature = Image.new("RGBA", (400, 120), (0, 0, 0, 0))
    ImageDraw.Draw(signature).line(
        [(10, 90), (120, 20), (250, 100), (390, 30)], fill="navy", width=6
    )
    signature.save(tmp_path / "sign.png")
    Image.new("RGB", (300, 212), (250, 246, 236)).save(tmp_path / "paper.png")
    path = _custom_template(
        tmp_path,
        {
            'background_image = ""': 'background_image = "paper.png"',
            'image = ""': 'image = "sign.png"',
        },
    )
    template = load_certificate_template(path)
    assert template.background_image == (tmp_path / "paper.png").resolve()
    pdf = render_certificate_bytes(make_cert(), template)
    images = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].images
    assert len(images) == 2
    corner = raster(pdf, dpi=30).getpixel((40, 150))
    assert corner == pytest.approx(247, abs=4)  # the paper tint shows through


@pytest.mark.parametrize(
    ("replace", "code"),
    [
        ({"size_mm = 28": "size_mm = 20"}, "certificate_template_invalid"),
        ({'text = "{city}"': 'text = "{town}"'}, "certificate_template_invalid"),
        ({'font = "serif"': 'font = "comic"'}, "certificate_template_invalid"),
        ({'color = "#1F3A5F"': 'color = "navy"'}, "certificate_template_invalid"),
        ({"max_width_mm = 230": "max_widht_mm = 230"}, "certificate_template_invalid"),
        ({'image = ""': 'image = "missing.png"'}, "certificate_template_missing_image"),
        ({'size = "A4"': 'size = "A4'}, "certificate_template_invalid"),
    ],
)
def test_bad_templates_raise_typed_errors(
    tmp_path: Path, replace: dict[str, str], code: str
) -> None:
    with pytest.raises(UserError) as raised:
        load_certificate_template(_custom_template(tmp_path, replace))
    assert raised.value.code == code
    assert isinstance(raised.value, TemplateError) == (code == "certificate_template_invalid")


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        load_certificate_template(tmp_path / "nope.toml")
    assert raised.value.code == "certificate_template_not_found"


def test_default_template_is_a4_landscape_with_a_big_enough_qr() -> None:
    assert (TEMPLATE.page_width_mm, TEMPLATE.page_height_mm) == (297.0, 210.0)
    assert TEMPLATE.qr.size_mm >= 25
    qr_right = TEMPLATE.qr.x_mm + TEMPLATE.qr.size_mm
    qr_bottom = TEMPLATE.qr.y_mm + TEMPLATE.qr.size_mm
    inner = TEMPLATE.border.margin_mm + 9.5
    assert qr_right < 297 - inner and qr_bottom < 210 - inner
