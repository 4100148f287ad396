from __future__ import annotations

import random
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from smm_event.outcomes.selection import (
    TRACKS,
    Candidate,
    Manual,
    Outcome,
    Quota,
    SelectionRule,
    quota_member,
    select,
)

ORGS = [uuid.UUID(int=i + 1) for i in range(30)]
REGIONS = ("Ставропольский край", "Ростовская область", "Республика Дагестан")


def _person(i: int, rnd: random.Random, scores: bool = True) -> Candidate:
    pick = rnd.choice
    return Candidate(
        id=uuid.UUID(int=1000 + i),
        sort_key=f"person{i:04d}",
        organization_id=pick(ORGS) if rnd.random() > 0.1 else None,
        stream=pick((1, 2, 3)),
        region=pick(REGIONS),
        attendance=pick((None, 50.0, 75.0, 100.0)),
        exit=pick((None, 40.0, 60.0, 80.0)) if scores else None,
        gain=pick((None, 0.2, 0.5)),
        motivation=pick((None, 50.0, 90.0)),
        preferred_track=pick((None, *TRACKS)),
    )


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[list[Candidate], SelectionRule, dict[uuid.UUID, Manual]]:
    rnd = random.Random(draw(st.integers(0, 10**6)))
    people = [_person(i, rnd) for i in range(draw(st.integers(0, 80)))]
    strategy = draw(st.integers(0, 30))
    content = draw(st.integers(0, 30))
    quotas = tuple(
        Quota(field, value, draw(st.integers(0, 10)))
        for field, value in draw(
            st.lists(
                st.sampled_from([("stream", "1"), ("stream", "3"), ("region", REGIONS[2])]),
                max_size=2,
                unique=True,
            )
        )
    )
    rule = SelectionRule(
        places=draw(st.integers(0, 60)),
        track_places={"strategy": strategy, "content": content},
        max_per_organization=draw(st.one_of(st.none(), st.integers(1, 3))),
        quotas=quotas,
        min_attendance=draw(st.sampled_from([None, 60.0])),
    )
    manual: dict[uuid.UUID, Manual] = {}
    for person in people:
        roll = rnd.random()
        if roll < 0.05:
            manual[person.id] = Manual(False, None, "отказался")
        elif roll < 0.08 and draw(st.booleans()):
            manual[person.id] = Manual(True, rnd.choice((None, *TRACKS)), "решение комиссии")
    return people, rule, manual


@settings(max_examples=150, deadline=None)
@given(cohorts())
def test_selection_honours_every_constraint(data: tuple) -> None:  # type: ignore[type-arg]
    people, rule, manual = data
    result = select(people, rule, manual)
    by_id = {p.id: p for p in people}
    chosen = [r for r in result.ranking if r.selected]
    for r in result.ranking:  # every override is applied and keeps its reason
        decision = manual.get(r.candidate_id)
        if decision is not None:
            wanted = Outcome.MANUAL_ACCEPT if decision.accept else Outcome.MANUAL_EXCLUDE
            assert (r.outcome, r.manual_reason) == (wanted, decision.reason)
    if any(r.over_limit for r in result.ranking):
        return  # a written decision past a limit: the limits below no longer hold by design
    assert len(chosen) <= rule.places
    for track in TRACKS:
        assert sum(1 for r in chosen if r.track == track) <= rule.track_places[track]
        assert result.per_track[track] == sum(1 for r in chosen if r.track == track)
    if rule.max_per_organization is not None:
        counts: dict[uuid.UUID, int] = {}
        for r in chosen:
            org = by_id[r.candidate_id].organization_id
            if org is not None:
                counts[org] = counts.get(org, 0) + 1
        assert max(counts.values(), default=0) <= rule.max_per_organization
    for r in result.ranking:
        person = by_id[r.candidate_id]
        if rule.min_attendance is not None and r.outcome in (Outcome.RULE, Outcome.QUOTA):
            assert person.attendance is not None and person.attendance >= rule.min_attendance
    short = {s.quota for s in result.shortfalls}
    for quota in rule.quotas:
        got = sum(1 for r in chosen if quota_member(by_id[r.candidate_id], quota))
        assert got >= quota.minimum or quota in short
    # Down the ranking: nobody left out for lack of places ranks above someone the rule took.
    rule_ranks = [r.rank for r in result.ranking if r.outcome is Outcome.RULE]
    for r in result.ranking:
        if r.outcome is Outcome.NO_PLACE:
            assert all(rank < r.rank for rank in rule_ranks)


@settings(max_examples=50, deadline=None)
@given(cohorts(), st.randoms(use_true_random=False))
def test_selection_does_not_depend_on_input_order(data: tuple, rnd: random.Random) -> None:  # type: ignore[type-arg]
    people, rule, manual = data
    shuffled = list(people)
    rnd.shuffle(shuffled)
    assert select(people, rule, manual) == select(shuffled, rule, manual)


def test_ties_are_broken_by_attendance_then_name_and_shown() -> None:
    base = dict(organization_id=None, stream=1, region=None, gain=None, motivation=None)
    a = Candidate(uuid.UUID(int=1), "б", attendance=100.0, exit=0.0, **base)  # type: ignore[arg-type]
    b = Candidate(uuid.UUID(int=2), "а", attendance=0.0, exit=100.0 * 4 / 3, **base)  # type: ignore[arg-type]
    c = Candidate(uuid.UUID(int=3), "а", attendance=100.0, exit=0.0, **base)  # type: ignore[arg-type]
    rule = SelectionRule(places=2, weights={"attendance": 0.4, "exit": 0.3})
    result = select([a, b, c], rule)
    assert [r.score for r in result.ranking] == [40.0, 40.0, 40.0]
    assert all(r.tie_size == 3 for r in result.ranking)
    # Equal attendance (a, c): the name decides; b has less attendance.
    assert [r.candidate_id for r in result.ranking] == [c.id, a.id, b.id]
    assert [r.outcome for r in result.ranking] == [Outcome.RULE, Outcome.RULE, Outcome.NO_PLACE]


def test_manual_accept_takes_a_place_even_past_the_organization_limit() -> None:
    org = ORGS[0]
    people = [
        Candidate(uuid.UUID(int=i + 1), f"p{i}", org, 1, None, 100.0 - i, 50.0, None, None)
        for i in range(4)
    ]
    rule = SelectionRule(places=3, max_per_organization=1)
    manual = {people[3].id: Manual(True, "content", "сильная мотивация")}
    result = select(people, rule, manual)
    outcomes = {r.candidate_id: r for r in result.ranking}
    assert outcomes[people[3].id].outcome is Outcome.MANUAL_ACCEPT
    assert outcomes[people[3].id].track == "content"
    assert outcomes[people[3].id].manual_reason == "сильная мотивация"
    assert outcomes[people[0].id].outcome is Outcome.ORGANIZATION_LIMIT
    assert outcomes[people[3].id].over_limit is False  # the first one of the NGO
    manual[people[2].id] = Manual(True, None, "решение комиссии")
    again = {r.candidate_id: r for r in select(people, rule, manual).ranking}
    # Manual accepts are placed in ranking order: the better-ranked one is within the limit.
    assert again[people[2].id].over_limit is False
    assert again[people[3].id].over_limit is True
    assert again[people[0].id].outcome is Outcome.ORGANIZATION_LIMIT


def test_quota_reserves_places_for_a_stream() -> None:
    rnd = random.Random(5)
    people = [_person(i, rnd) for i in range(60)]
    rule = SelectionRule(places=10, max_per_organization=None, quotas=(Quota("stream", "3", 6),))
    result = select(people, rule)
    by_id = {p.id: p for p in people}
    chosen = [by_id[r.candidate_id] for r in result.selected]
    assert sum(1 for p in chosen if p.stream == 3) >= 6
    assert not result.shortfalls
