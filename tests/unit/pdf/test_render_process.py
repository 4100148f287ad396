"""Large badge jobs are drawn in a spawned child (no Qt there), with the same PDF pages as a
draw in this process; a cancel returns at once; a user error from the child is the same error;
small jobs stay in this process."""

from __future__ import annotations

import io
import os
import threading
import uuid
from collections.abc import Iterator

import pypdfium2
import pytest

from smm_event.badges import generate_signing_key, make_token
from smm_event.errors import UserError
from smm_event.pdf import render_process
from smm_event.pdf.badges import BadgeData, RenderCancelled, render_badges

KEY = generate_signing_key()
EVENT = uuid.UUID(int=7)


def badges(count: int, colour: str = "#1E88E5") -> list[BadgeData]:
    return [
        BadgeData(
            surname=f"Иванова-{index}",
            first_name="Мария",
            patronymic="Сергеевна",
            organization="АНО «Ёлочка»",
            stream_number=1,
            stream_colour=colour,
            token=make_token(KEY, EVENT, uuid.UUID(int=index + 1), 1),
            event_name="SMM для НКО",
        )
        for index in range(count)
    ]


@pytest.fixture(autouse=True)
def fresh_worker() -> Iterator[None]:
    render_process.shutdown()
    yield
    render_process.shutdown()


def pages_of(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def test_a_large_job_is_drawn_in_a_child_without_qt() -> None:
    out = io.BytesIO()
    pages = render_process.render_badges_off_gil(badges(40), "a4", out)
    here = io.BytesIO()
    assert pages == render_badges(badges(40), "a4", here) == 4
    assert pages_of(out.getvalue()) == pages_of(here.getvalue()) == 4
    worker = render_process._worker()
    assert worker.submit(os.getpid).result() != os.getpid()
    qt_in_child = "'PySide6' in __import__('sys').modules"
    assert worker.submit(eval, qt_in_child).result() is False


def test_small_jobs_stay_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_process, "_worker", lambda: pytest.fail("no child for a reprint"))
    assert render_process.render_badges_off_gil(badges(1), "a6", io.BytesIO()) == 1


def test_cancel_and_user_errors_come_back_as_in_this_process() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(RenderCancelled):
        render_process.render_badges_off_gil(badges(30), "a4", io.BytesIO(), cancel=cancel)
    with pytest.raises(UserError) as raised:
        render_process.render_badges_off_gil(badges(30, colour="зелёный"), "a4", io.BytesIO())
    with pytest.raises(UserError) as here:
        render_badges(badges(30, colour="зелёный"), "a4", io.BytesIO())
    assert raised.value.code == here.value.code and raised.value.params == here.value.params
