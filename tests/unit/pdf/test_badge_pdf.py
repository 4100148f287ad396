"""Badge PDFs: text always inside its badge, every printed QR scans back to the right person,
Cyrillic survives, templates are checked, and cancel leaves no file behind."""

from __future__ import annotations

import io
import itertools
import threading
import uuid
from pathlib import Path

import numpy as np
import pypdf
import pypdfium2
import pytest
import zxingcpp
from reportlab.lib.colors import toColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from smm_event.badges import generate_signing_key, make_token, public_key_of
from smm_event.badges.token import verify_token
from smm_event.domain.badges import TokenResult
from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.pdf.badge_layouts import (
    BUILTIN_LAYOUTS,
    MIN_QR_SIZE,
    BadgeLayout,
    load_badge_layout,
)
from smm_event.pdf.badges import (
    BadgeComposition,
    BadgeData,
    RenderCancelled,
    TextLine,
    compose_badge,
    prefers_white_text,
    render_badges,
)

EVENT = uuid.UUID("6f1c2a4e-0b7d-4c5e-9a3f-2d8e1b4c7a90")
KEY = generate_signing_key()
LONG_NGO = (
    "Региональная общественная организация содействия развитию добровольчества "
    "гражданских инициатив и социального предпринимательства «Горизонт-Кавказ» РД"
)
NAMES = [
    ("Хаджимурадова-Абдурахманова", "Айгюн", "Магомед кызы", LONG_NGO),
    ("Иванова", "Мария", "Сергеевна", "АНО «Ёлочка»"),
    ("Ли", "Юн", None, None),
    ("Тер-Петросян", "Арам", "Ованесович", "Фонд «Наш Кавказ»"),
    ("Мамедов", "Рашид", "Ильхам оглы", "НКО «Свет»"),
    ("Д'Артаньян", "Шарль-Огюст-Мухаммад-Эмин", "Абдулхамидович", "ООО"),
]
CUSTOM = resource_path("templates", "badge_custom_example.toml")
LAYOUTS = [*BUILTIN_LAYOUTS, "custom"]


def badge(index: int, stream: int | None = 1, colour: str | None = "#1E88E5") -> BadgeData:
    surname, first_name, patronymic, organization = NAMES[index % len(NAMES)]
    participant = uuid.UUID(int=index + 1)
    return BadgeData(
        surname=surname,
        first_name=first_name,
        patronymic=patronymic,
        organization=organization,
        stream_number=stream,
        stream_colour=colour,
        token=make_token(KEY, EVENT, participant, 1),
        event_name="SMM-компетенции для НКО ЮФО и СКФО · Минеральные Воды, 12–15 мая 2024",
    )


def layout_named(name: str) -> str | BadgeLayout:
    return load_badge_layout(CUSTOM) if name == "custom" else name


def assert_inside(composition: BadgeComposition, line: TextLine) -> None:
    measured = stringWidth(line.text, line.font, line.size)
    assert measured == pytest.approx(line.width)
    assert line.x >= 0 and line.x + measured <= composition.width + 1e-6, line
    assert line.bottom >= 0 and line.top <= composition.height + 1e-6, line
    qr = composition.qr
    beside_qr = line.x + measured <= qr.x or line.x >= qr.right
    assert beside_qr or line.bottom >= qr.top or line.top <= qr.y, line
    band = composition.band
    if line.role == "stream":
        assert band is not None and band.y <= line.bottom and line.top <= band.top
        assert band.x <= line.x and line.x + measured <= band.right
    elif band is not None:
        assert line.bottom >= band.top, line


@pytest.mark.parametrize("layout", LAYOUTS)
def test_extreme_names_stay_inside_the_badge_and_are_never_cut(layout: str) -> None:
    chosen = layout_named(layout)
    for index in range(len(NAMES)):
        for stream in (None, 3):
            data = badge(index, stream=stream, colour=None)
            composition = compose_badge(data, chosen)
            lines = [line for line in composition.lines if line.role != "stream"]
            for line in composition.lines:
                assert_inside(composition, line)
            for upper, lower in itertools.pairwise(lines):
                assert lower.top <= upper.bottom + 1e-6, (upper, lower)
            given = " ".join(p for p in (data.first_name, data.patronymic) if p)
            fields = {"surname": data.surname, "name": given, "organization": data.organization}
            for role, text in fields.items():
                drawn = "".join(line.text for line in lines if line.role == role)
                assert drawn.replace(" ", "") == (text or "").replace(" ", "")


def test_long_names_wrap_instead_of_shrinking_to_nothing() -> None:
    composition = compose_badge(badge(0), "a4")
    by_role: dict[str, list[TextLine]] = {}
    for line in composition.lines:
        by_role.setdefault(line.role, []).append(line)
    assert len(LONG_NGO) == 150
    assert [line.text for line in by_role["surname"]] == ["Хаджимурадова-", "Абдурахманова"]
    assert min(line.size for line in by_role["surname"]) >= 14
    assert len(by_role["organization"]) <= 3
    assert min(line.size for line in by_role["organization"]) >= 5.5
    assert [line.text for line in by_role["stream"]] == ["Поток 1"]


def test_qr_is_at_least_25_mm_without_its_quiet_zone() -> None:
    for layout in LAYOUTS:
        composition = compose_badge(badge(1), layout_named(layout))
        assert composition.qr.width >= MIN_QR_SIZE - 0.01
        assert composition.qr.width * 41 / 49 >= 25 * 72 / 25.4 - 0.01


@pytest.mark.parametrize(
    ("colour", "white"),
    [("#FDD835", False), ("yellow", False), ("#FFFFFF", False), ("navy", True), ("#000", True)],
)
def test_band_text_colour_follows_luminance(colour: str, white: bool) -> None:
    assert prefers_white_text(toColor(colour)) is white
    assert compose_badge(badge(1, colour=colour), "a4").band_text_white is white


def test_bad_stream_colour_is_a_user_error() -> None:
    with pytest.raises(UserError) as caught:
        compose_badge(badge(1, colour="not-a-colour"), "a4")
    assert caught.value.code == "bad_stream_colour"


def decode_pages(pdf: bytes) -> list[list[str]]:
    """Every QR on every page, in reading order (top to bottom, left to right)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    for page in document:
        image = np.asarray(page.render(scale=200 / 72, grayscale=True).to_pil())
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        found.sort(key=lambda r: (round(r.position.top_left.y / 100), r.position.top_left.x))
        pages.append([r.text for r in found])
    return pages


@pytest.mark.parametrize(("layout", "page_count"), [("a4", 2), ("label-62x100", 12)])
def test_every_printed_code_scans_back_to_its_participant(layout: str, page_count: int) -> None:
    badges = [badge(index, stream=index % 3 + 1) for index in range(12)]
    out = io.BytesIO()
    assert render_badges(badges, layout, out) == page_count
    pages = decode_pages(out.getvalue())
    assert len(pages) == page_count
    scanned = [text for page in pages for text in page]
    keys = {KEY.key_id: public_key_of(KEY)}
    checks = [verify_token(text, EVENT, keys, lambda _: 1) for text in scanned]
    assert [c.result for c in checks] == [TokenResult.VALID] * 12
    assert [c.participant_id for c in checks] == [uuid.UUID(int=i + 1) for i in range(12)]


def test_cyrillic_names_extract_back_from_the_pdf(tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    render_badges([badge(index) for index in range(len(NAMES))], "a4", target)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    flat = "".join(text.split())
    for surname, first_name, _, _ in NAMES:
        assert surname.replace("-", "") in flat.replace("-", "")
        assert first_name.replace("-", "") in flat.replace("-", "")
    assert "Поток1" in flat and "«Ёлочка»" in flat


def test_cancel_stops_between_badges_and_writes_nothing(tmp_path: Path) -> None:
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 3:
            cancel.set()

    target = tmp_path / "badges.pdf"
    with pytest.raises(RenderCancelled) as caught:
        render_badges([badge(i) for i in range(8)], "a6", target, progress, cancel)
    assert caught.value.code == "cancelled"
    assert seen == [(1, 8), (2, 8), (3, 8)]
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    badges = [badge(i) for i in range(11)]
    pages = render_badges(badges, "a4", tmp_path / "b.pdf", lambda d, t: seen.append((d, t)))
    assert pages == 2 and seen[-1] == (11, 11) and len(seen) == 11


def test_absurd_text_fails_before_anything_is_written(tmp_path: Path) -> None:
    absurd = BadgeData("Я" * 200, "Б" * 200, "В" * 200, "Г " * 900, 1, None, badge(0).token, "")
    with pytest.raises(UserError) as caught:
        render_badges([badge(0), absurd], "a4", tmp_path / "b.pdf")
    assert caught.value.code == "badge_text_too_long"
    assert list(tmp_path.iterdir()) == []


def test_nothing_to_print_and_unknown_layout_are_user_errors() -> None:
    for call, code in (
        (lambda: render_badges([], "a4", io.BytesIO()), "no_badges"),
        (lambda: render_badges([badge(0)], "a5", io.BytesIO()), "unknown_badge_layout"),
    ):
        with pytest.raises(UserError) as caught:
            call()
        assert caught.value.code == code


def test_custom_template_gives_its_grid_and_margins() -> None:
    layout = load_badge_layout(CUSTOM)
    assert (layout.columns, layout.rows, layout.per_page, layout.crop_marks) == (2, 5, 10, True)
    x, y = layout.badge_origin(3)  # second row, right column
    mm = 72 / 25.4
    assert x == pytest.approx((16 + 86 + 6) * mm)
    assert y == pytest.approx(layout.page_height - (10.5 + 54 * 2 + 2) * mm)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("width_mm = 86", "width_mm = 120"), "badge_layout_does_not_fit"),
        (("qr_mm = 30 ", "qr_mm = 22 "), "badge_qr_too_small"),
        (("height_mm = 54", "height_mm = 34"), "badge_too_small"),
        (("columns = 2", "columns = 0"), "bad_badge_template"),
        (("[design]", "[desing]"), "bad_badge_template"),
        (('stream_label = "Поток {number}"', 'stream_label = "Поток {n}"'), "bad_badge_template"),
        (("name = ", "name = = "), "bad_badge_template"),
    ],
)
def test_broken_templates_are_refused(tmp_path: Path, change: tuple[str, str], code: str) -> None:
    source = CUSTOM.read_text(encoding="utf-8")
    assert change[0] in source
    path = tmp_path / "badge_broken.toml"
    path.write_text(source.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_badge_layout(path)
    assert caught.value.code == code
