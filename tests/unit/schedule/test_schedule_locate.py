"""A schedule problem's location is found on its line, so the organizer can go straight to it."""

from __future__ import annotations

import pytest

from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.schedule.locate import line_of
from smm_event.schedule.parser import parse_schedule

EXAMPLE = resource_path("schedule.example.toml").read_text(encoding="utf-8")


def line_text(where: str) -> str:
    number = line_of(EXAMPLE, where)
    assert number is not None
    return EXAMPLE.splitlines()[number - 1].strip()


def test_keys_of_nested_blocks_are_found_by_counting_headers() -> None:
    assert line_text("event.timezone").startswith('timezone = "Europe/Moscow"')
    assert line_text("streams[1].title") == 'title = "Средний"'
    assert line_text("streams[0].days[1].date") == "date = 2026-05-13"
    assert line_text("streams[0].days[0].sessions[1].title").startswith('title = "Создаём Telegram')
    assert line_text("event.settings.contact_phone").startswith("contact_phone")


def test_a_missing_field_points_at_its_block_and_nonsense_at_nothing() -> None:
    assert line_text("streams[1].missing") == "[[streams]]"
    assert line_of(EXAMPLE, "streams[9].title") is None
    assert line_of(EXAMPLE, "no such [place") is None


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('colour = "#F2B705"', 'colour = "жёлтый"', "жёлтый"),
        ('end = "13:15"', 'end = "25:00"', "25:00"),
    ],
)
def test_parser_errors_carry_the_line(old: str, new: str, needle: str) -> None:
    broken = EXAMPLE.replace(old, new, 1)
    with pytest.raises(UserError) as caught:
        parse_schedule(broken)
    line = caught.value.params["line"]
    assert needle in broken.splitlines()[line - 1]
