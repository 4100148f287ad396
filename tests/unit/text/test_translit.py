from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smm_event.text.translit import FALLBACK_NAME, safe_file_name, transliterate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Щукин", "Shchukin"),
        ("Жуков", "Zhukov"),
        ("Хетагуров", "Khetagurov"),
        ("Цой", "Tsoi"),
        ("Юлия", "Iuliia"),
        ("Яковлева", "Iakovleva"),
        ("Ёлкин", "Elkin"),
        ("Королёв", "Korolev"),
        ("Рыбаков", "Rybakov"),
        ("Игорь", "Igor"),
        ("Подъячев", "Podieiachev"),
        ("Эльчин", "Elchin"),
        ("Чавчавадзе", "Chavchavadze"),
        ("Шамиль", "Shamil"),
        ("Айгюн", "Aigiun"),
        ("ЩУКИН", "SHCHUKIN"),
        ("ЮЛИЯ ЖУКОВА", "IULIIA ZHUKOVA"),
        ("Д'Артаньян", "DArtanian"),
        ("Мамедова-Алиева", "Mamedova-Alieva"),
        ("Гусейн оглы", "Gusein ogly"),
        ("Smith 42", "Smith 42"),
    ],
)
def test_transliterate(text: str, expected: str) -> None:
    assert transliterate(text) == expected


def test_full_alphabet() -> None:
    lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    assert transliterate(lower) == "abvgdeezhziiklmnoprstufkhtschshshchieyeiuia"
    assert transliterate(lower.upper()) == "abvgdeezhziiklmnoprstufkhtschshshchieyeiuia".upper()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иванов Иван Иванович", "Ivanov_Ivan_Ivanovich"),
        ("  Алиева   Айгюн  Рафик кызы ", "Alieva_Aigiun_Rafik_kyzy"),
        ("Сертификат № 001/2026", "Sertifikat_No_001_2026"),
        ("Şəhla Əliyeva", "Sehla_Eliyeva"),
        ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j"),
        ("отчёт.pdf", "otchet_pdf"),
        ("", FALLBACK_NAME),
        ("   ", FALLBACK_NAME),
        ("???", FALLBACK_NAME),
        ("中文", FALLBACK_NAME),
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("Com1", "Com1_"),
        ("Console", "Console"),
    ],
)
def test_safe_file_name(text: str, expected: str) -> None:
    assert safe_file_name(text) == expected


def test_long_names_are_cut_without_a_trailing_separator() -> None:
    name = safe_file_name("Тхагапсоева " * 20, max_length=30)
    assert len(name) <= 30
    assert not name.endswith(("_", "-"))
    assert name.startswith("Tkhagapsoeva_Tkhagapsoeva")


def test_max_length_must_leave_room() -> None:
    with pytest.raises(ValueError):
        safe_file_name("x", max_length=2)


@given(st.text(max_size=200), st.integers(min_value=5, max_value=120))
def test_safe_file_name_is_always_safe(text: str, max_length: int) -> None:
    name = safe_file_name(text, max_length)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", name)
    assert 0 < len(name) <= max_length
    assert name.lower() not in {"con", "prn", "aux", "nul"}
