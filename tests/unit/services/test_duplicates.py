"""Possible duplicates: same phone or e-mail, names equal after folding ё/е, case, hyphens and
transliteration, walk-ins similar to roster people; namesakes with different patronymics are
not duplicates."""

from __future__ import annotations

import dataclasses
import uuid

from smm_event.domain.participants import ParticipantInfo
from smm_event.services.duplicates import duplicates_among, name_key

BASE = ParticipantInfo(
    id=uuid.UUID(int=0), surname="", first_name="", patronymic=None, gender=None,
    organization=None, position=None, region=None, phone=None, email=None, consent=None,
    consent_date=None, entry_score=None, exit_score=None, stream_number=None,
    stream_locked=False, accelerator_track=None, notes=None, walk_in=False, badge_version=1,
)  # fmt: skip


def person(
    n: int, surname: str, first: str, patronymic: str | None = None, **more: object
) -> ParticipantInfo:
    return dataclasses.replace(
        BASE, id=uuid.UUID(int=n), surname=surname, first_name=first, patronymic=patronymic, **more
    )


def reasons(*people: ParticipantInfo) -> dict[frozenset[int], tuple[str, ...]]:
    return {
        frozenset({pair.first.id.int, pair.second.id.int}): pair.reasons
        for pair in duplicates_among(people)
    }


def test_name_keys_fold_yo_case_hyphens_and_transliteration() -> None:
    assert name_key("Ёлкина", "Анна") == name_key("елкина", "АННА")
    assert name_key("Салтыков-Щедрин") == name_key("Салтыков Щедрин")
    assert name_key("Абакарова", "Зарема") == name_key("Abakarova", "Zarema")
    assert name_key("Хетагуров") == name_key("Hetagurov") == name_key("Khetagurov")
    assert name_key("Иванов") != name_key("Иванова")


def test_each_kind_of_duplicate_is_found_with_its_reason() -> None:
    found = reasons(
        person(1, "Абакарова", "Зарема", "Магомедовна", phone="+79280000001"),
        person(2, "Abakarova", "Zarema", walk_in=True),
        person(3, "Петров", "Олег", email="oleg@example.org"),
        person(4, "Петров", "Алексей", email="oleg@example.org"),
        person(5, "Ёлкина", "Анна", "Сергеевна"),
        person(6, "Елкина", "анна", "сергеевна"),
        person(7, "Сидоров", "Пётр", phone="+79280000001"),
    )
    assert found[frozenset({1, 2})] == ("walk_in_name",)
    assert found[frozenset({3, 4})] == ("email",)
    assert found[frozenset({5, 6})] == ("name",)
    assert found[frozenset({1, 7})] == ("phone",)
    assert len(found) == 4


def test_namesakes_with_different_patronymics_are_two_people() -> None:
    assert (
        reasons(person(1, "Иванов", "Иван", "Петрович"), person(2, "Иванов", "Иван", "Сергеевич"))
        == {}
    )
    assert reasons(person(1, "Иванов", "Иван", "Петрович"), person(2, "Иванов", "Иван")) == {
        frozenset({1, 2}): ("name",)
    }
