"""The desk's ranked search: surname before name and patronymic, one typo, Latin input, every
word must match, phone digits; and on a workspace, each result's arrival today."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from smm_event.services import participants
from smm_event.services.checkin import check_in_manual
from smm_event.services.desk_search import search_at_desk
from smm_event.services.walkins import register_walk_in
from smm_event.text.folding import sort_key
from smm_event.text.name_search import NameIndex, Person
from smm_event.workspace import Workspace


def person(surname: str, first: str, patronymic: str | None = None, **extra: str) -> Person:
    return Person(
        uuid.uuid4(),
        surname,
        first,
        patronymic,
        extra.get("organization"),
        extra.get("phone"),
        extra.get("email"),
        sort_key(f"{surname} {first} {patronymic or ''}"),
    )


PEOPLE = [
    person("Козлова", "Надежда", "Фёдоровна"),
    person("Фёдорова", "Анна", "Ивановна"),
    person("Иванова", "Мария", "Петровна", phone="+79281234567"),
    person("Федоренко", "Пётр"),
    person("Алиев", "Фёдор", "Маратович", organization="НКО «Рассвет»"),
    person("Мамедова", "Айгюн", "Рашид кызы", email="aygun@example.org"),
]
INDEX = NameIndex(PEOPLE)


def surnames(query: str) -> list[str]:
    return [found.surname for found in INDEX.search(query)]


def test_surname_matches_come_before_first_names_and_patronymics() -> None:
    assert surnames("федор") == ["Федоренко", "Фёдорова", "Алиев", "Козлова"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ивонова", ["Иванова"]),  # a wrong letter
        ("иваова", ["Иванова"]),  # a missing letter
        ("иваннова", ["Иванова"]),  # an extra letter
        ("ивнаова", ["Иванова"]),  # two letters swapped
        ("мамеодва", ["Мамедова"]),
    ],
)
def test_one_typo_is_tolerated(query: str, expected: list[str]) -> None:
    assert surnames(query) == expected


def test_two_typos_and_short_words_are_not_guessed() -> None:
    assert surnames("ивонава") == []
    assert surnames("ивн") == []  # three letters: too short to guess


def test_latin_input_finds_cyrillic_names() -> None:
    assert surnames("ivanova") == ["Иванова"]
    assert surnames("Mamedova Aygun") == ["Мамедова"]
    assert surnames("fedorova") == ["Фёдорова"]


def test_every_word_must_match_and_other_fields_count() -> None:
    assert surnames("иванова мария") == ["Иванова"]
    assert surnames("иванова надежда") == []
    assert surnames("928 123") == ["Иванова"]
    assert surnames("рассвет") == ["Алиев"]
    assert surnames("aygun@") == ["Мамедова"]
    assert surnames("") == [] and surnames("   ") == []


def test_results_on_a_workspace_show_who_is_here_today(demo_workspace: Workspace) -> None:
    morning = dt.datetime(2026, 5, 12, 6, 30)
    first = participants.list_participants(demo_workspace, stream_number=1)[0]
    check_in_manual(demo_workspace, first.id, desk="Стойка 2", now=morning)
    hits = search_at_desk(demo_workspace, first.surname, now=morning)
    mine = next(hit for hit in hits if hit.person.id == first.id)
    assert mine.here_today and mine.arrived_desk == "Стойка 2"
    assert mine.arrived_at is not None and mine.arrived_at.strftime("%H:%M") == "09:30"
    # A participant added after the first search is found at once (the index is rebuilt).
    walk_in = register_walk_in(demo_workspace, "Юсупова", "Зарема", now=morning).participant
    [found] = [hit for hit in search_at_desk(demo_workspace, "юсупова", now=morning)]
    assert found.person.id == walk_in.id and found.person.walk_in and found.here_today
