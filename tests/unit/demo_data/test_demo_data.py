"""The fictional roster: deterministic per seed, realistic names that agree with gender."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from smm_event.demo_data import (
    DEMO_FIRST_DAY,
    DemoParticipant,
    generate_demo_participants,
    load_demo_schedule,
)
from smm_event.demo_data.lists import load_demo_lists
from smm_event.demo_data.names import feminine_surname
from smm_event.demo_data.participants import allocate
from smm_event.text.folding import fold
from smm_event.text.translit import transliterate

SEEDS = (0, 1, 2, 3, 42)
SOUTH_REGIONS = {
    "Республика Адыгея", "Республика Калмыкия", "Республика Крым", "Краснодарский край",
    "Астраханская область", "Волгоградская область", "Ростовская область", "Севастополь",
    "Республика Дагестан", "Республика Ингушетия", "Кабардино-Балкарская Республика",
    "Карачаево-Черкесская Республика", "Республика Северная Осетия — Алания",
    "Чеченская Республика", "Ставропольский край",
}  # fmt: skip
RESERVED_DOMAIN = re.compile(r"^[a-z0-9._-]+@([a-z]+\.)?example\.(org|com|net)$")
MALE_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый")
FEMALE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")


@pytest.fixture(scope="module", params=SEEDS)
def roster(request: pytest.FixtureRequest) -> tuple[DemoParticipant, ...]:
    return generate_demo_participants(request.param)


def test_same_seed_same_roster_other_seed_other_roster() -> None:
    first = generate_demo_participants(7)
    assert generate_demo_participants(7) == first
    other = generate_demo_participants(8)
    assert other != first
    assert {p.full_name for p in other} != {p.full_name for p in first}


def test_count_and_bad_count() -> None:
    assert len(generate_demo_participants(1)) == 210
    assert len(generate_demo_participants(1, count=25)) == 25
    assert generate_demo_participants(1, count=0) == ()
    with pytest.raises(ValueError):
        generate_demo_participants(1, count=-1)


def test_contacts_are_unique_and_fictional(roster: tuple[DemoParticipant, ...]) -> None:
    phones = [p.phone for p in roster]
    emails = [p.email for p in roster]
    assert len(set(phones)) == len(set(emails)) == 210
    assert all(re.fullmatch(r"\+7\d{10}", phone) for phone in phones)
    assert all(RESERVED_DOMAIN.match(email) for email in emails), emails


def _latin(text: str) -> str:
    return re.sub(r"[^a-z-]", "", transliterate(text).lower())


def test_email_comes_from_the_name(roster: tuple[DemoParticipant, ...]) -> None:
    for person in roster:
        local = person.email.split("@")[0]
        assert _latin(person.surname) in local or _latin(person.first_name) in local, person
    assert any(_latin(p.surname) + "." + _latin(p.first_name) in p.email for p in roster)


def _surname_agrees(surname: str, gender: str) -> bool:
    for part in surname.split("-"):
        if gender == "male" and part.endswith(FEMALE_SURNAME_ENDINGS):
            return False
        if gender == "female" and part.endswith(MALE_SURNAME_ENDINGS):
            return False
    return True


def test_names_agree_with_gender(roster: tuple[DemoParticipant, ...]) -> None:
    lists = load_demo_lists()
    male_names = {name for group in lists.groups for name in group.male_names}
    female_names = {name for group in lists.groups for name in group.female_names}
    assert not male_names & female_names
    for person in roster:
        assert _surname_agrees(person.surname, person.gender), person
        assert person.first_name in (male_names if person.gender == "male" else female_names)
        if person.patronymic:
            endings = ("ич", "оглы") if person.gender == "male" else ("на", "кызы")
            assert person.patronymic.endswith(endings), person


def test_roster_has_the_hard_cases(roster: tuple[DemoParticipant, ...]) -> None:
    names = [p.full_name for p in roster]
    assert any("ё" in name for name in names)
    assert any("-" in p.surname for p in roster if p.gender == "male")
    assert any("-" in p.surname for p in roster if p.gender == "female")
    assert any(p.patronymic and p.patronymic.endswith(" оглы") for p in roster)
    assert any(p.patronymic and p.patronymic.endswith(" кызы") for p in roster)
    assert sum(p.patronymic is None for p in roster) >= 5
    assert any(p.surname.endswith("ян") and p.patronymic is None for p in roster)
    assert any(p.surname.endswith(("дзе", "швили")) for p in roster)
    assert any(p.surname.endswith("ян") and p.gender == "female" for p in roster)
    women = sum(p.gender == "female" for p in roster)
    assert 120 <= women <= 160


def test_feminine_surname() -> None:
    cases = {
        "Иванов": "Иванова", "Королёв": "Королёва", "Ильин": "Ильина", "Кодзоев": "Кодзоева",
        "Ковалевский": "Ковалевская", "Толстой": "Толстая", "Белый": "Белая",
        "Акопян": "Акопян", "Беридзе": "Беридзе", "Гелашвили": "Гелашвили",
        "Бондаренко": "Бондаренко", "Харитониди": "Харитониди", "Хуаде": "Хуаде",
        "Мельник": "Мельник", "Черных": "Черных",
    }  # fmt: skip
    assert {male: feminine_surname(male) for male in cases} == cases


def test_organizations_regions_and_positions(roster: tuple[DemoParticipant, ...]) -> None:
    per_org = Counter(p.organization for p in roster)
    assert 120 <= len(per_org) <= 150
    assert len({fold(name) for name in per_org}) == len(per_org)
    assert max(per_org.values()) >= 2
    assert sum(len(name) > 120 for name in per_org) >= 3
    regions = Counter(p.region for p in roster)
    assert set(regions) <= SOUTH_REGIONS and len(regions) >= 12
    lists = load_demo_lists()
    districts = Counter(lists.regions[p.region].district for p in roster)
    assert districts["ЮФО"] >= 70 and districts["СКФО"] >= 70
    assert len({p.position for p in roster}) >= 10


def test_consent_and_notes(roster: tuple[DemoParticipant, ...]) -> None:
    consents = sum(p.consent for p in roster)
    assert 190 <= consents < 210
    assert all(
        DEMO_FIRST_DAY - dt.timedelta(days=75) <= p.consent_date < DEMO_FIRST_DAY for p in roster
    )
    assert 5 <= sum(p.notes is not None for p in roster) <= 50


def test_consent_dates_follow_the_reference_day() -> None:
    today = dt.date(2025, 3, 3)
    roster = generate_demo_participants(5, reference_day=today)
    assert all(today - dt.timedelta(days=75) <= p.consent_date < today for p in roster)
    assert [p.full_name for p in roster] == [p.full_name for p in generate_demo_participants(5)]


def test_scores_form_three_levels_with_ties(roster: tuple[DemoParticipant, ...]) -> None:
    scores = sorted(p.entry_score for p in roster)
    assert scores[0] >= 0 and scores[-1] <= 100
    assert len(set(scores)) < len(scores)
    thirds = [scores[:70], scores[70:140], scores[140:]]
    means = [sum(third) / 70 for third in thirds]
    assert means[1] - means[0] >= 12 and means[2] - means[1] >= 12


def test_allocate_is_proportional_and_exact() -> None:
    assert allocate(210, [92, 24, 14, 80]) == [92, 24, 14, 80]
    sizes = allocate(100, [1, 1, 1])
    assert sum(sizes) == 100 and sorted(sizes) == [33, 33, 34]
    assert allocate(0, [3, 4]) == [0, 0]


def test_demo_schedule_can_start_today() -> None:
    assert load_demo_schedule().starts_on == DEMO_FIRST_DAY
    today = dt.date(2025, 11, 20)
    spec = load_demo_schedule(today)
    first = spec.stream(1)
    assert spec.starts_on == today and first is not None and first.dates[0] == today
