"""The TOML schedule format: the shipped files parse, every mistake has a located code."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.schedule import EventSpec, load_schedule, parse_schedule, shift_schedule

VALID = '''
[event]
name = "Центр компетенций по SMM для НКО"
organizer = "АНО «Инфоцентр»"
venue = "МинводыЭкспо"
city = "Минеральные Воды"

[event.settings]
opened = 2026-05-01
nested = { when = 09:30:00 }

[[streams]]
number = 2
level = 2
title = "Средний"
colour = "#2e9e58"
  [[streams.days]]
  date = 2026-05-20
    [[streams.days.sessions]]
    start = "14:00"
    end = "15:30"
    kind = "практика"
    title = "Практика"
    [[streams.days.sessions]]
    start = 10:00:00
    end = "11:30"
    kind = "theory"
    title = """  Теория   по
        VK  """
    room = "Зал А"
    trainer = ""
  [[streams.days]]
  date = "19.05.2026"
    [[streams.days.sessions]]
    start = "9:00"
    end = "10:00"
    kind = "theory"
    title = "Открытие"

[[streams]]
number = 1
level = 1
title = "Базовый"
capacity = 35
colour = "#1F3F8F"
  [[streams.days]]
  date = "2026-05-12"
    [[streams.days.sessions]]
    start = "10:00"
    end = "11:30"
    kind = "theory"
    title = "Основы"
'''


def _error(text: str) -> UserError:
    with pytest.raises(UserError) as caught:
        parse_schedule(text, source="test.toml")
    assert caught.value.code == "bad_schedule"
    assert caught.value.params["source"] == "test.toml"
    return caught.value


def test_valid_file_is_read_sorted_and_normalized() -> None:
    spec = parse_schedule(VALID)
    assert spec.timezone == "Europe/Moscow"
    assert spec.short_name is None
    assert [stream.number for stream in spec.streams] == [1, 2]
    first, second = spec.streams
    assert (first.capacity, second.capacity) == (35, 70)
    assert second.colour == "#2E9E58"
    assert second.dates == (dt.date(2026, 5, 19), dt.date(2026, 5, 20))
    sessions = second.days[1].sessions
    assert [session.start for session in sessions] == [dt.time(10), dt.time(14)]
    assert sessions[0].title == "Теория по VK"
    assert (sessions[0].room, sessions[0].trainer) == ("Зал А", None)
    assert sessions[1].kind == "practice"
    assert second.days[0].sessions[0].start == dt.time(9)
    assert (spec.starts_on, spec.ends_on) == (dt.date(2026, 5, 12), dt.date(2026, 5, 20))
    assert dict(spec.settings) == {"opened": "2026-05-01", "nested": {"when": "09:30:00"}}
    assert spec.stream(2) is second and spec.stream(3) is None


def test_shipped_demo_schedule_is_the_real_programme() -> None:
    spec = load_schedule(resource_path("demo", "schedule.toml"))
    assert spec.city == "Минеральные Воды" and spec.timezone == "Europe/Moscow"
    assert [(s.number, s.level, s.title, s.capacity) for s in spec.streams] == [
        (1, 1, "Базовый", 70),
        (2, 2, "Средний", 70),
        (3, 3, "Продвинутый", 70),
    ]
    for stream in spec.streams:
        dates = stream.dates
        assert len(dates) == 4
        assert all(b - a == dt.timedelta(days=1) for a, b in itertools.pairwise(dates))
        assert all(len(day.sessions) == 4 for day in stream.days)
        kinds = {session.kind for day in stream.days for session in day.sessions}
        assert kinds == {"theory", "practice"}
    assert len({stream.dates[0] for stream in spec.streams}) == 3


def _grey(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_demo_stream_colours_stay_apart_when_printed_in_grey() -> None:
    spec = load_schedule(resource_path("demo", "schedule.toml"))
    greys = sorted(_grey(stream.colour) for stream in spec.streams)
    assert all(b - a >= 40 for a, b in itertools.pairwise(greys))


def test_documented_example_parses() -> None:
    spec = load_schedule(resource_path("schedule.example.toml"))
    assert [stream.number for stream in spec.streams] == [1, 2]
    assert spec.settings["contact_phone"] == "+7 800 000-00-00"


S1 = "streams[1]"  # the second [[streams]] block of VALID (number = 1)
SESSION = "streams[1].days[0].sessions[0]"


MISTAKES = [
    ('name = "Центр', 'name = = "Центр', "", "toml_syntax"),
    ('organizer = "АНО «Инфоцентр»"\n', "", "event.organizer", "missing_field"),
    ('venue = "МинводыЭкспо"', 'venue = "  "', "event.venue", "empty_value"),
    ('venue = "МинводыЭкспо"', "venue = 5", "event.venue", "bad_type"),
    (
        'city = "Минеральные Воды"',
        'city = "МВ"\ncolor = "#000000"',
        "event.color",
        "unknown_field",
    ),
    (
        'city = "Минеральные Воды"',
        'city = "МВ"\ntimezone = "Europe/Minvody"',
        "event.timezone",
        "unknown_timezone",
    ),
    (
        'city = "Минеральные Воды"',
        'city = "МВ"\nyear = 2025',
        "streams[0].days[0].date",
        "date_outside_year",
    ),
    ('city = "Минеральные Воды"', 'city = "МВ"\nyear = 26', "event.year", "bad_year"),
    ("capacity = 35", "capacity = 0", f"{S1}.capacity", "bad_capacity"),
    ("capacity = 35", "capacity = true", f"{S1}.capacity", "bad_capacity"),
    ("number = 1\n", "number = 2\n", f"{S1}.number", "duplicate_stream_number"),
    ("number = 1\n", "number = 0\n", f"{S1}.number", "bad_number"),
    ("level = 1\n", "level = 1.5\n", f"{S1}.level", "bad_level"),
    ('colour = "#1F3F8F"', 'colour = "#1F3F8"', f"{S1}.colour", "bad_colour"),
    ('colour = "#1F3F8F"', 'colour = "blue"', f"{S1}.colour", "bad_colour"),
    ('date = "2026-05-12"', 'date = "2026-05-32"', f"{S1}.days[0].date", "bad_date"),
    ('date = "2026-05-12"', "date = 2026-05-12T10:00:00", f"{S1}.days[0].date", "bad_date"),
    ('date = "19.05.2026"', "date = 2026-05-20", "streams[0].days[1].date", "duplicate_day"),
    (
        'end = "11:30"\n    kind = "theory"\n    title = "Основы"',
        'end = "25:00"\n    kind = "theory"\n    title = "Основы"',
        f"{SESSION}.end",
        "bad_time",
    ),
    ('start = "9:00"', 'start = "9.00"', "streams[0].days[1].sessions[0].start", "bad_time"),
    ('start = "9:00"', "start = 9", "streams[0].days[1].sessions[0].start", "bad_time"),
    (
        'start = "9:00"',
        'start = "10:00"',
        "streams[0].days[1].sessions[0].end",
        "end_before_start",
    ),
    (
        'start = "14:00"',
        'start = "11:00"',
        "streams[0].days[0].sessions[0].start",
        "overlapping_sessions",
    ),
    (
        'kind = "практика"',
        'kind = "lecture"',
        "streams[0].days[0].sessions[0].kind",
        "bad_kind",
    ),
    ('title = "Основы"', 'titel = "Основы"', f"{SESSION}.titel", "unknown_field"),
    ('title = "Основы"', 'room = "Зал Б"', f"{SESSION}.title", "missing_field"),
]


@pytest.mark.parametrize(("old", "new", "where", "reason"), MISTAKES)
def test_each_mistake_is_located(old: str, new: str, where: str, reason: str) -> None:
    assert VALID.count(old) == 1, old
    error = _error(VALID.replace(old, new))
    assert (error.params["where"], error.params["reason"]) == (where, reason)


def test_syntax_error_reports_line_and_column() -> None:
    error = _error(VALID.replace('name = "Центр', 'name = = "Центр'))
    assert (error.params["line"], error.params["column"]) == (3, 8)
    assert "line 3" in error.params["detail"]


def test_overlap_names_the_other_session() -> None:
    error = _error(VALID.replace('start = "14:00"', 'start = "11:00"'))
    assert error.params["other"] == "streams[0].days[0].sessions[1]"


def test_unknown_field_suggests_the_known_one() -> None:
    error = _error(VALID.replace('colour = "#1F3F8F"', 'color = "#1F3F8F"'))
    assert (error.params["where"], error.params["suggestion"]) == (f"{S1}.color", "colour")


STRUCTURAL = [
    ("", "event", "missing_field"),
    ('event = "x"', "event", "bad_type"),
    (VALID.split("[[streams]]")[0], "streams", "no_streams"),
    ("streams = []\n" + VALID.split("[[streams]]")[0], "streams", "no_streams"),
    ('streams = "all"\n' + VALID.split("[[streams]]")[0], "streams", "bad_type"),
    (VALID.split("  [[streams.days]]")[0], "streams[0].days", "no_days"),
    (
        VALID.split("    [[streams.days.sessions]]")[0],
        "streams[0].days[0].sessions",
        "no_sessions",
    ),
    ("[event]\nname='x'\n[stream]\n", "stream", "unknown_field"),
]


@pytest.mark.parametrize(("text", "where", "reason"), STRUCTURAL)
def test_structural_mistakes(text: str, where: str, reason: str) -> None:
    error = _error(text)
    assert (error.params["where"], error.params["reason"]) == (where, reason)


FILE_REASONS = ("not_utf8", "file_not_found", "unreadable")


def test_files_from_windows_and_broken_files(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.toml"
    with_bom.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode())
    assert load_schedule(with_bom).name == "Центр компетенций по SMM для НКО"
    cp1251 = tmp_path / "cp1251.toml"
    cp1251.write_bytes(VALID.encode("cp1251"))
    paths = (cp1251, tmp_path / "absent.toml", tmp_path)
    for path, reason in zip(paths, FILE_REASONS, strict=True):
        with pytest.raises(UserError) as caught:
            load_schedule(path)
        assert caught.value.params["reason"] == reason
        assert caught.value.params["source"] == str(path)
    assert caught.value.params["where"] == ""


def test_not_utf8_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.toml"
    path.write_bytes(VALID.encode().replace("Базовый".encode(), "Базовый".encode("cp1251")))
    with pytest.raises(UserError) as caught:
        load_schedule(path)
    assert caught.value.params["line"] == VALID[: VALID.index("Базовый")].count("\n") + 1


def _shifted(spec: EventSpec, first_day: dt.date) -> EventSpec:
    shifted = shift_schedule(spec, first_day)
    assert shifted.starts_on == first_day
    return shifted


def test_shift_moves_every_day_by_one_offset() -> None:
    spec = load_schedule(resource_path("demo", "schedule.toml"))
    today = dt.date(2025, 1, 30)
    shifted = _shifted(spec, today)
    offset = today - spec.starts_on
    for before, after in zip(spec.streams, shifted.streams, strict=True):
        assert after.dates == tuple(date + offset for date in before.dates)
        assert [day.sessions for day in after.days] == [day.sessions for day in before.days]
    assert shifted.ends_on == spec.ends_on + offset
    assert shifted.stream(1) is not None and shifted.stream(1).dates[0] == today  # type: ignore[union-attr]
    assert _shifted(shifted, spec.starts_on) == spec
    assert shift_schedule(spec, spec.starts_on) is spec


def test_spec_is_hashable_enough_to_compare() -> None:
    assert parse_schedule(VALID) == parse_schedule(VALID)
    assert parse_schedule(VALID) != parse_schedule(VALID.replace("capacity = 35", "capacity = 36"))


DOCS = resource_path().parent / "docs" / "schedule-format.md"


def test_docs_list_exactly_the_tested_reason_codes() -> None:
    errors = DOCS.read_text("utf-8").split("## Errors")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `([a-z_0-9]+)` \| ", errors, re.MULTILINE)) - {"reason"}
    tested = {case[-1] for case in [*MISTAKES, *STRUCTURAL]} | set(FILE_REASONS)
    assert documented == tested


def test_docs_show_the_example_file_as_it_is() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOCS.read_text("utf-8"), re.DOTALL)
    assert blocks == [resource_path("schedule.example.toml").read_text("utf-8")]
