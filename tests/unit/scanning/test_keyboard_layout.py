"""A scanner typing through the Russian layout: its text must map back to the badge token."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from smm_event.scanning.keyboard_layout import normalize_scan, to_latin

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

# What each US key gives in the Windows Russian layout, written out key by key (independent of
# the module's tables, which are stored the other way round).
US_TO_RU = {
    **dict(zip("qwertyuiop[]", "йцукенгшщзхъ", strict=True)),
    **dict(zip("asdfghjkl;'", "фывапролджэ", strict=True)),
    **dict(zip("zxcvbnm,./", "ячсмитьбю.", strict=True)),
    **dict(zip("QWERTYUIOP{}", "ЙЦУКЕНГШЩЗХЪ", strict=True)),
    **dict(zip('ASDFGHJKL:"', "ФЫВАПРОЛДЖЭ", strict=True)),
    **dict(zip("ZXCVBNM<>?", "ЯЧСМИТЬБЮ,", strict=True)),
    "`": "ё",
    "~": "Ё",
    "@": '"',
    "#": "№",
    "$": ";",
    "^": ":",
    "&": "?",
    "|": "/",
}


def type_in_russian_layout(text: str) -> str:
    return "".join(US_TO_RU.get(ch, ch) for ch in text)


def make_token(rng: random.Random, length: int = 136) -> str:
    return "SMM1:" + "".join(rng.choice(BASE32) for _ in range(length))


def test_the_guide_example() -> None:
    assert type_in_russian_layout("SMM1:ABC") == "ЫЬЬ1ЖФИС"
    assert to_latin("ЫЬЬ1ЖФИС") == "SMM1:ABC"


def test_full_token_in_both_layouts() -> None:
    token = make_token(random.Random(7))
    russian = type_in_russian_layout(token)
    assert russian != token and russian.startswith("ЫЬЬ1Ж")
    assert normalize_scan(russian) == token
    assert normalize_scan(token) == token


@given(st.text(alphabet=BASE32, min_size=1, max_size=200))
def test_any_base32_token_typed_in_russian_maps_back(body: str) -> None:
    token = "SMM1:" + body
    assert normalize_scan(type_in_russian_layout(token) + "\r\n") == token


@given(st.text(alphabet="".join(US_TO_RU), min_size=1, max_size=60))
def test_every_mapped_key_round_trips(text: str) -> None:
    assert to_latin(type_in_russian_layout(text)) == text


def test_lower_case_and_shifted_digit_row() -> None:
    assert to_latin("ыьь1ж") == "smm1;"
    assert to_latin('!"№;%:?*()') == "!@#$%^&*()"
    assert to_latin("ёЁхъХЪэЭбюБЮ.,") == "`~[]{}'\",.<>/?"


def test_normalize_strips_whitespace_and_controls() -> None:
    assert normalize_scan(" \tSMM1:AB\x00C\r\n") == "SMM1:ABC"
    assert normalize_scan("\x02ЫЬЬ1ЖФИС\x03") == "SMM1:ABC"


def test_latin_text_keeps_its_punctuation() -> None:
    # Without Cyrillic letters nothing says the layout was Russian: '.' and ':' stay as they are.
    assert normalize_scan("https://example.org/a.b?c") == "https://example.org/a.b?c"
    assert normalize_scan("12:30;1.5") == "12:30;1.5"


def test_cyrillic_that_no_key_maps_is_not_a_layout_sign() -> None:
    # Letters of other Cyrillic alphabets (Ukrainian і, Kazakh ә) are not on a Russian key.
    assert normalize_scan("іә") == "іә"
