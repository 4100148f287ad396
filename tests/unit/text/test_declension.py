"""Dative names for «выдан(а) …». Every expected form below is written out by hand."""

from __future__ import annotations

import pytest

from smm_event.text.declension import (
    DativeName,
    ReviewReason,
    full_name_nominative,
    parse_gender,
    to_dative,
)

M, F = "male", "female"
IND = ReviewReason.INDECLINABLE_SURNAME
NOP = ReviewReason.NO_PATRONYMIC
TRK = ReviewReason.TURKIC_PATRONYMIC
UNK = ReviewReason.GENDER_UNKNOWN
UNCH = ReviewReason.UNCHANGED_NAME

# (surname, first name, patronymic, gender) -> (dative full name, review reasons)
CASES: list[tuple[tuple[str, str, str | None, str | None], str, tuple[str, ...]]] = [
    # Russian, with ё, adjectival and indeclinable surnames
    (("Иванов", "Иван", "Иванович", M), "Иванову Ивану Ивановичу", ()),
    (("Иванова", "Анна", "Сергеевна", F), "Ивановой Анне Сергеевне", ()),
    (("Королёв", "Пётр", "Фёдорович", M), "Королёву Петру Фёдоровичу", ()),
    (("Ёлкина", "Алёна", "Артёмовна", F), "Ёлкиной Алёне Артёмовне", ()),
    (("Соловьёв", "Семён", "Ильич", M), "Соловьёву Семёну Ильичу", ()),
    (("Толстой", "Лев", "Николаевич", M), "Толстому Льву Николаевичу", ()),
    (("Толстая", "Любовь", "Никитична", F), "Толстой Любови Никитичне", ()),
    (("Зелинская", "Мария", "Кузьминична", F), "Зелинской Марии Кузьминичне", ()),
    (("Черных", "Илья", "Павлович", M), "Черных Илье Павловичу", (IND,)),
    (("Шевченко", "Никита", "Андреевич", M), "Шевченко Никите Андреевичу", (IND,)),
    (("Бойко", "Зоя", "Ильинична", F), "Бойко Зое Ильиничне", (IND,)),
    (("Дурново", "Пётр", "Николаевич", M), "Дурново Петру Николаевичу", (IND,)),
    (("Кузнец", "Павел", "Олегович", M), "Кузнецу Павлу Олеговичу", ()),
    (("Заяц", "Артём", "Игоревич", M), "Заяцу Артёму Игоревичу", ()),
    (("Жук", "Наталья", "Игоревна", F), "Жук Наталье Игоревне", (IND,)),
    (("Жук", "Игорь", "Семёнович", M), "Жуку Игорю Семёновичу", ()),
    (("Глинка", "Михаил", "Иванович", M), "Глинке Михаилу Ивановичу", ()),
    (("Цой", "Виктор", "Робертович", M), "Цою Виктору Робертовичу", ()),
    (("ИВАНОВ", "ИВАН", "ИВАНОВИЧ", M), "ИВАНОВУ ИВАНУ ИВАНОВИЧУ", ()),
    # North Caucasus
    (("Магомедов", "Магомед", "Ахмедович", M), "Магомедову Магомеду Ахмедовичу", ()),
    (("Кодзоев", "Руслан", "Муратович", M), "Кодзоеву Руслану Муратовичу", ()),
    (("Хетагуров", "Алан", "Казбекович", M), "Хетагурову Алану Казбековичу", ()),
    (("Тхагапсоева", "Зарема", "Аслановна", F), "Тхагапсоевой Зареме Аслановне", ()),
    (("Гаджиева", "Патимат", "Магомедовна", F), "Гаджиевой Патимат Магомедовне", ()),
    (("Абдуллаева", "Асият", None, F), "Абдуллаевой Асият", (NOP,)),
    (("Мальсагова", "Хава", "Ибрагимовна", F), "Мальсаговой Хаве Ибрагимовне", ()),
    # Armenian: -ян declines for men only
    (("Акопян", "Арам", "Ашотович", M), "Акопяну Араму Ашотовичу", ()),
    (("Акопян", "Анаит", "Ашотовна", F), "Акопян Анаит Ашотовне", (IND,)),
    (("Саркисян", "Гагик", "Вазгенович", M), "Саркисяну Гагику Вазгеновичу", ()),
    (("Саркисян", "Карине", "Грантовна", F), "Саркисян Карине Грантовне", (IND,)),
    (("Тер-Петросян", "Левон", "Акопович", M), "Тер-Петросяну Левону Акоповичу", ()),
    # Azerbaijani: the patronymic with оглы/кызы stays as written
    (("Мамедов", "Эльчин", "Гусейн оглы", M), "Мамедову Эльчину Гусейн оглы", (TRK,)),
    (("Алиева", "Айгюн", "Рафик кызы", F), "Алиевой Айгюн Рафик кызы", (TRK,)),
    (("Алиева", "Айгюн", "Рафик кызы", None), "Алиевой Айгюн Рафик кызы", (UNK, TRK)),
    (("Керимова", "Севиль", "Айдын кызы", F), "Керимовой Севили Айдын кызы", (TRK,)),
    (("Гусейнов", "Эльчин", "Гусейн-оглы", M), "Гусейнову Эльчину Гусейн-оглы", (TRK,)),
    (("Гасанова", "Айгюль", "Ильхамовна", F), "Гасановой Айгюли Ильхамовне", ()),
    # Georgian: -дзе, -швили do not decline, -ия does
    (("Гогуадзе", "Нино", None, F), "Гогуадзе Нино", (IND, NOP)),
    (("Беридзе", "Давид", "Зурабович", M), "Беридзе Давиду Зурабовичу", (IND,)),
    (("Джапаридзе", "Тамара", "Георгиевна", F), "Джапаридзе Тамаре Георгиевне", (IND,)),
    (("Гелашвили", "Георгий", None, M), "Гелашвили Георгию", (IND, NOP)),
    (("Шенгелия", "Нодар", "Вахтангович", M), "Шенгелии Нодару Вахтанговичу", ()),
    (("Гулиа", "Дмитрий", "Иосифович", M), "Гулиа Дмитрию Иосифовичу", (IND,)),
    # Double surnames: both parts decline
    (("Петрова-Водкина", "Елена", "Викторовна", F), "Петровой-Водкиной Елене Викторовне", ()),
    (("Римский-Корсаков", "Николай", "Андреевич", M), "Римскому-Корсакову Николаю Андреевичу", ()),
    (("Салтыков-Щедрин", "Михаил", "Евграфович", M), "Салтыкову-Щедрину Михаилу Евграфовичу", ()),
    (("Иванова-Акопян", "Анна", "Ивановна", F), "Ивановой-Акопян Анне Ивановне", (IND,)),
    (("Бонч-Бруевич", "Владимир", "Дмитриевич", M), "Бонч-Бруевичу Владимиру Дмитриевичу", ()),
    # No patronymic, unknown gender
    (("Ким", "Анна", None, F), "Ким Анне", (IND, NOP)),
    (("Ким", "Виктор", None, M), "Киму Виктору", (NOP,)),
    (("Иванов", "Иван", "Иванович", None), "Иванову Ивану Ивановичу", (UNK,)),
    (("Алиева", "Айгюн", None, None), "Алиевой Айгюн", (UNK, NOP)),
    (("Руставели", "Шота", None, M), "Руставели Шота", (IND, NOP, UNCH)),
    (("Д'Артаньян", "Шарль", None, M), "Д'Артаньяну Шарлю", (NOP,)),
    # Left unchanged by pytrovich although the shape usually declines: a person checks it
    (("Дюма", "Александр", None, M), "Дюма Александру", (NOP, UNCH)),
    (("Smith", "John", None, M), "Smith John", (NOP, UNCH)),
]


@pytest.mark.parametrize(("source", "expected", "reasons"), CASES, ids=[c[1] for c in CASES])
def test_dative(
    source: tuple[str, str, str | None, str | None], expected: str, reasons: tuple[str, ...]
) -> None:
    result = to_dative(*source)
    assert result.full == expected
    assert result.reasons == reasons
    assert result.needs_review == bool(reasons)


def test_the_test_set_is_large_and_varied() -> None:
    assert len(CASES) >= 30
    assert sum(1 for case in CASES if case[0][2] is None) >= 5


def test_parts_are_returned_separately() -> None:
    result = to_dative("Мамедов", "Эльчин", "Гусейн оглы", "male")
    assert result == DativeName(
        surname="Мамедову",
        first_name="Эльчину",
        patronymic="Гусейн оглы",
        needs_review=True,
        reasons=("turkic_patronymic",),
    )
    assert to_dative("Ким", "Анна", None, "female").patronymic is None


def test_an_explicit_gender_stops_the_caucasian_name_guess() -> None:
    # Without a gender or patronymic pytrovich takes Айгюн for a man's name (Айгюну).
    assert to_dative("Мамедзаде", "Айгюн", None, "female").first_name == "Айгюн"


def test_spaces_are_normalised_and_blank_patronymic_is_none() -> None:
    result = to_dative("  Иванов ", "Иван", "   ", "м")
    assert (result.surname, result.first_name, result.patronymic) == ("Иванову", "Ивану", None)
    assert result.reasons == ("no_patronymic",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("male", "MALE"),
        ("M", "MALE"),
        ("м", "MALE"),
        ("муж.", "MALE"),
        ("female", "FEMALE"),
        ("Ж", "FEMALE"),
        ("жен", "FEMALE"),
        (None, None),
        ("", None),
        ("x", None),
    ],
)
def test_parse_gender(value: str | None, expected: str | None) -> None:
    gender = parse_gender(value)
    assert (gender.name if gender else None) == expected


def test_full_name_nominative() -> None:
    assert full_name_nominative("Иванов", "Иван", "Иванович") == "Иванов Иван Иванович"
    assert full_name_nominative(" Гогуадзе ", "Нино", None) == "Гогуадзе Нино"
    assert full_name_nominative("Алиева", "Айгюн", "Рафик  кызы") == "Алиева Айгюн Рафик кызы"
    assert full_name_nominative("Ким", "Анна", "") == "Ким Анна"
