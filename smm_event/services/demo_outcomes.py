"""Demo outcomes: exit and per-topic scores, motivation scores, feedback survey responses and
reach measurements with frozen baselines, so the dashboard, the selection, the indicators and
the evidence pack show something real on the demo workspace. The same for the same seed.

Only streams that have finished by ``today`` get exit tests and the final survey (when none
has, every stream does: tests use that to fill a whole programme). Every NGO's baseline was
measured and frozen before the course; the follow-up is an interim measurement up to
yesterday, so mid-course growth is modest and some NGOs have not sent theirs yet."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import select

from smm_event.roster.store import find_participants
from smm_event.services import reach
from smm_event.services.demo_course import DemoScene
from smm_event.services.outcome_scores import TOTAL, topic_score_id
from smm_event.services.queries import list_streams
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Organization
from smm_event.workspace import Workspace

TOPICS = ("Основы SMM", "Образ НКО в соцсетях", "Рассказ о проектах", "Стратегия")
RATINGS = ("Насколько полезным было обучение? (1–10)", "Оцените работу тренеров (1–10)")
COMMENTS = (
    "Больше практики по Telegram",
    "Очень полезный разбор наших аккаунтов",
    "Хотелось бы больше времени на стратегию",
    "Спасибо тренерам, всё понятно",
    "Нужны примеры НКО из нашего региона",
)
OPEN_QUESTION = "Что было самым полезным?"
PLATFORMS = ("vk", "telegram", "ok")


def _clamp(value: float) -> float:
    return round(max(0.0, min(100.0, value)) * 2) / 2


def outcome_step(scene: DemoScene) -> None:
    """The mid-course demo's step (smm_event/services/demo.py)."""
    fill_outcomes(scene.ws, scene.seed, scene.today)


def fill_outcomes(ws: Workspace, seed: int, today: dt.date) -> None:
    rnd = random.Random(seed * 7919 + 13)
    streams = list_streams(ws)
    finished = {s.number for s in streams if s.days and max(s.days) < today} or {
        s.number for s in streams
    }
    with ws.transaction() as session:
        event = current_event(session)
        people = [p for p in find_participants(session) if p.stream_number in finished]
        # A stream whose exit test is already recorded keeps it (who missed it, missed it).
        tested = {p.stream_number for p in people if p.exit_score is not None}
        orgs = list(session.scalars(select(Organization).order_by(Organization.name)))
        topic_rows: list[tuple[uuid.UUID, dict[str, Any]]] = []
        responses: list[tuple[uuid.UUID, dict[str, Any]]] = []
        for person in people:
            entry = person.entry_score
            if entry is not None and rnd.random() > 0.06:  # a few never took the exit test
                if person.stream_number not in tested:
                    exit_score = _clamp(entry + (100 - entry) * rnd.uniform(0.1, 0.7))
                    changes.record(session, "participant", person.id, {"exit_score": exit_score})
                for topic in TOPICS:
                    before = _clamp(entry + rnd.uniform(-12, 12))
                    after = _clamp(before + (100 - before) * rnd.uniform(0.0, 0.8))
                    for phase, score in (("entry", before), ("exit", after)):
                        fields = {
                            "participant_id": person.id,
                            "phase": phase,
                            "topic": topic,
                            "score": score,
                        }
                        topic_rows.append((topic_score_id(person.id, phase, topic), fields))
            motivation = {
                "participant_id": person.id,
                "phase": "motivation",
                "topic": TOTAL,
                "score": _clamp(rnd.gauss(70, 15)),
            }
            topic_rows.append((topic_score_id(person.id, "motivation", TOTAL), motivation))
            if rnd.random() < 0.82:
                answers = {
                    q: str(rnd.choices(range(5, 11), weights=(1, 1, 2, 4, 5, 5))[0])
                    for q in RATINGS
                }
                if rnd.random() < 0.4:
                    answers[OPEN_QUESTION] = rnd.choice(COMMENTS)
                key = uuid.uuid5(event.id, f"demo-survey:{person.id}")
                responses.append(
                    (
                        key,
                        {
                            "event_id": event.id,
                            "survey": "Итоговая анкета",
                            "participant_id": person.id,
                            "stream_number": person.stream_number,
                            "day": None,
                            "session_title": None,
                            "trainer": None,
                            "answers": answers,
                            "submitted_at": None,
                        },
                    )
                )
        changes.record_new_rows(session, "topic_score", topic_rows)
        changes.record_new_rows(session, "survey_response", responses)
        accounts, measurements = _reach_rows(rnd, orgs, today)
        changes.record_new_rows(session, "reach_account", accounts)
        changes.record_new_rows(session, "reach_measurement", measurements)
        settings = dict(event.settings or {})
        settings["outcomes"] = {"plan": _plan(streams, today)}
        changes.record(session, "event", event.id, {"settings": settings})
    reach.freeze_baselines(ws)


def _reach_rows(
    rnd: random.Random, orgs: list[Organization], today: dt.date
) -> tuple[list[tuple[uuid.UUID, dict[str, Any]]], list[tuple[uuid.UUID, dict[str, Any]]]]:
    accounts = []
    measurements = []
    now = changes.utc_now()
    base_from, base_to = today - dt.timedelta(days=120), today - dt.timedelta(days=31)
    follow_from, follow_to = today - dt.timedelta(days=30), today - dt.timedelta(days=1)
    for org in orgs:
        growth = rnd.lognormvariate(0.35, 0.4)
        for platform in rnd.sample(PLATFORMS, rnd.choice((1, 2, 2, 3))):
            handle = f"{platform}.example/{str(org.id)[:8]}"
            key = reach.account_id(org.id, platform, handle)
            accounts.append(
                (key, {"organization_id": org.id, "platform": platform, "handle": handle})
            )
            baseline = float(rnd.choice((0, *[rnd.randint(150, 6000)] * 15)))
            rows = [("baseline", base_from, base_to, baseline)]
            if rnd.random() < 0.85:  # some NGOs never send a follow-up
                rows.append(
                    (
                        "followup",
                        follow_from,
                        follow_to,
                        round(baseline * growth * rnd.uniform(0.8, 1.2)),
                    )
                )
            for kind, start, end, value in rows:
                measurements.append(
                    (
                        uuid.uuid5(key, f"{kind}:{start}:{end}"),
                        {
                            "account_id": key,
                            "kind": kind,
                            "period_from": start,
                            "period_to": end,
                            "reach": value,
                            "source": "демо",
                            "imported_at": now,
                        },
                    )
                )
    return accounts, measurements


def _plan(streams: Any, today: dt.date) -> dict[str, dict[str, str]]:
    last = max((max(s.days) for s in streams if s.days), default=today)
    day = dt.timedelta(days=1)
    return {
        "baseline": {"from": (today - 14 * day).isoformat(), "to": (today - 7 * day).isoformat()},
        "exit_test": {"from": (last + day).isoformat(), "to": (last + 5 * day).isoformat()},
        "selection": {"from": (last + 6 * day).isoformat(), "to": (last + 10 * day).isoformat()},
        "accelerator": {"from": (last + 14 * day).isoformat(), "to": (last + 74 * day).isoformat()},
        "consultations": {
            "from": (last + 14 * day).isoformat(),
            "to": (last + 194 * day).isoformat(),
        },
        "report": {"from": (last + 200 * day).isoformat(), "to": (last + 210 * day).isoformat()},
    }
