"""The selection protocol (протокол отбора в акселератор): the rule, every candidate's score
with its parts and outcome, how ties were broken, and every manual decision with its reason.
The committee signs it; the grant report includes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm

from smm_event.outcomes.selection import Outcome, SelectionRule
from smm_event.pdf.report_doc import build, para, spacer, table
from smm_event.services.selection import SelectionView, selection_view
from smm_event.storage.event_context import current_event
from smm_event.workspace import Workspace

TRACK_NAMES = {"strategy": "стратегия", "content": "контент"}
OUTCOME_NAMES = {
    Outcome.MANUAL_ACCEPT: "включён решением",
    Outcome.QUOTA: "отобран по квоте",
    Outcome.RULE: "отобран",
    Outcome.MANUAL_EXCLUDE: "исключён решением",
    Outcome.NOT_ELIGIBLE: "не проходит по посещаемости",
    Outcome.NO_PLACE: "не хватило мест",
    Outcome.ORGANIZATION_LIMIT: "лимит мест на НКО",
    Outcome.TRACK_FULL: "треки заполнены",
}
CRITERIA_NAMES = {
    "attendance": "посещаемость",
    "exit": "выходной тест",
    "gain": "прирост знаний",
    "motivation": "мотивация",
}
DECISION_NAMES = {"accept": "включить", "exclude": "исключить", "clear": "отменить решение"}
QUOTA_FIELDS = {"stream": "поток", "region": "регион"}
WIDTHS = (9, 40, 44, 10, 15, 14, 13, 14, 13, 36)  # mm, scaled to the frame


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}".replace(".", ",")


def rule_lines(rule: SelectionRule) -> list[str]:
    weights = ", ".join(
        f"{CRITERIA_NAMES[name]} × {_number(weight, 2)}"
        for name, weight in rule.weights.items()
        if weight
    )
    tracks = ", ".join(f"{TRACK_NAMES[t]}: {n}" for t, n in rule.track_places.items())
    lines = [
        f"Мест в акселераторе: {rule.places} ({tracks}).",
        f"Балл = {weights}; каждая составляющая приведена к шкале 0–1 "
        "(посещаемость и тесты — доля от 100, прирост — нормированный прирост), итог × 100.",
        "Не более "
        + (
            f"{rule.max_per_organization} чел. от одной НКО."
            if rule.max_per_organization
            else "— без ограничения на НКО."
        ),
    ]
    if rule.min_attendance is not None:
        lines.append(
            f"Допускаются участники с посещаемостью не ниже {_number(rule.min_attendance, 0)} %."
        )
    for quota in rule.quotas:
        lines.append(
            f"Квота: не менее {quota.minimum} мест — {QUOTA_FIELDS[quota.field]} «{quota.value}»."
        )
    lines.append(
        "При равном балле выше стоит участник с большей посещаемостью, затем с большим "
        "выходным баллом, затем по алфавиту; строки с равным баллом отмечены «=»."
    )
    return lines


def render_protocol(view: SelectionView, event_name: str, path: Path) -> int:
    result = view.result
    story = [
        para("ПРОТОКОЛ ОТБОРА УЧАСТНИКОВ В АКСЕЛЕРАТОР", "title"),
        para(event_name),
        spacer(),
        para("Правило отбора", "h2"),
        *[para(line) for line in rule_lines(result.rule)],
        para("Итог", "h2"),
        para(
            f"Отобрано {len(result.selected)} из {len(result.ranking)}: "
            + ", ".join(f"{TRACK_NAMES[t]} — {n}" for t, n in result.per_track.items())
            + "."
        ),
    ]
    for short in result.shortfalls:
        story.append(
            para(
                f"Квота не заполнена: {QUOTA_FIELDS[short.quota.field]} «{short.quota.value}» — "
                f"{short.got} из {short.quota.minimum} (нет подходящих кандидатов)."
            )
        )
    rows = []
    highlight = []
    for index, r in enumerate(result.ranking):
        person = view.people[r.candidate_id]
        c = view.candidates[r.candidate_id]
        tie = "=" if r.tie_size > 1 else ""
        outcome = OUTCOME_NAMES[r.outcome] + (f", {TRACK_NAMES[r.track]}" if r.track else "")
        if r.over_limit:
            outcome += " (сверх лимита)"
        rows.append(
            [
                f"{r.rank}{tie}",
                person.full_name,
                person.organization or "",
                c.stream or "",
                _number(c.attendance, 0),
                _number(c.exit, 0),
                _number(c.gain, 2),
                _number(c.motivation, 0),
                _number(r.score, 2),
                outcome,
            ]
        )
        if r.selected:
            highlight.append(index)
    story += [
        para("Рейтинг", "h2"),
        table(
            (
                "№",
                "ФИО",
                "Организация",
                "Пот.",
                "Посещ., %",
                "Вых. тест",
                "Прир.",
                "Мотив.",
                "Балл",
                "Решение",
            ),
            rows,
            [w * mm * 182 / sum(WIDTHS) for w in WIDTHS],
            highlight,
        ),
    ]
    story.append(para("Решения организаторов (все, по времени)", "h2"))
    if view.decisions:
        decisions = [
            [
                d.decided_at.strftime("%d.%m.%Y %H:%M"),
                view.people[d.participant_id].full_name
                if d.participant_id in view.people
                else str(d.participant_id),
                DECISION_NAMES.get(d.decision, d.decision)
                + (f" ({TRACK_NAMES[d.track]})" if d.track else ""),
                d.reason,
                " ".join(x for x in (d.device_name, d.operator) if x),
            ]
            for d in view.decisions
        ]
        story.append(
            table(
                ("Когда (UTC)", "ФИО", "Решение", "Причина", "Кто"),
                decisions,
                [24 * mm, 45 * mm, 28 * mm, 55 * mm, 30 * mm],
            )
        )
    else:
        story.append(para("Ручных решений нет: отбор выполнен по правилу."))
    story += [
        spacer(8),
        para("Председатель комиссии: ______________________ / ______________________ /"),
        spacer(4),
        para("Члены комиссии: ______________________ / ______________________ /"),
    ]
    return build(path, story, "Протокол отбора в акселератор")


def write_protocol(ws: Workspace, path: Path, now: dt.datetime | None = None) -> int:
    """The selection protocol PDF (протокол отбора) by the stored rule; returns the page count."""
    view = selection_view(ws, None, now)
    with ws.reading() as session:
        title = current_event(session).name
    return render_protocol(view, title, path)
