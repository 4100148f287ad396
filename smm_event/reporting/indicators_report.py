"""The indicators report (отчёт о показателях программы) for the grant fund, in Russian, with
charts: the funnel, planned against actual dates, participants by region and organization,
attendance per stream and session, test gains, survey results and the reach growth. Every
number names the command that lists the people behind it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from smm_event.charts.render import bar_chart, histogram
from smm_event.outcomes.reach import TARGET_GROWTH
from smm_event.pdf.report_doc import build, chart, para, spacer, table
from smm_event.services.report_data import IndicatorsData
from smm_event.text.dates_ru import format_date_ru

WIDTH = 182 * mm
STEP_NAMES = {
    "registered": "Зарегистрировались",
    "selected": "Отобраны на обучение (распределены по потокам)",
    "arrived": "Пришли на обучение",
    "completed": "Выполнили условия (посещаемость, тест)",
    "certified": "Получили сертификат",
    "accelerator": "Отобраны в акселератор",
    "consulted": "Получили консультации",
}
STAGE_NAMES = {
    "selection": "Отбор в акселератор",
    "baseline": "Фиксация базового охвата",
    "exit_test": "Выходное тестирование",
    "accelerator": "Онлайн-акселератор",
    "consultations": "Консультации НКО",
    "report": "Отчёт фонду",
}
STATUS_NAMES = {
    "no_baseline": "нет базового замера",
    "zero_baseline": "нулевой базовый охват",
    "no_followup": "нет повторного замера",
    "no_accounts": "аккаунты не указаны",
}


def _n(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    return (
        f"{value:.{digits}f}".rstrip("0").rstrip(",.").replace(".", ",")
        if digits
        else f"{value:.0f}"
    )


def _d(day: object) -> str:
    return format_date_ru(day) if day is not None else "—"  # type: ignore[arg-type]


def _funnel(data: IndicatorsData) -> list[Flowable]:
    rows = [
        [
            STEP_NAMES[s.step],
            "нет данных" if s.count is None else s.count,
            f"smm-event outcomes show --people {s.step}",
        ]
        for s in data.funnel
    ]
    counts = [float(s.count or 0) for s in data.funnel]
    labels = [STEP_NAMES[s.step].split(" (")[0] for s in data.funnel]
    return [
        para("1. Воронка программы", "h2"),
        table(("Этап", "Человек", "Список людей — команда"), rows, [88 * mm, 22 * mm, 72 * mm]),
        spacer(2),
        chart(
            bar_chart(
                "Воронка: человек на каждом этапе",
                labels,
                {"человек": counts},
                size=(7.2, 2.8),
                horizontal=True,
            ),
            WIDTH,
        ),
    ]


def _dates(data: IndicatorsData) -> list[Flowable]:
    rows = []
    for stage in data.dates:
        name = stage.stage
        title = (
            f"Очное обучение, поток {name.split()[1]}"
            if name.startswith("stream ")
            else STAGE_NAMES.get(name, name)
        )
        planned = (
            f"{_d(stage.planned_from)} – {_d(stage.planned_to)}" if stage.planned_from else "—"
        )
        actual = (
            f"{_d(stage.actual_from)} – {_d(stage.actual_to)}"
            if stage.actual_from
            else "не начато / нет данных"
        )
        rows.append([title, planned, actual])
    return [
        para("2. Сроки: план и факт", "h2"),
        table(("Этап", "План", "Факт"), rows, [70 * mm, 56 * mm, 56 * mm]),
    ]


def _people(data: IndicatorsData) -> list[Flowable]:
    regions = data.regions[:12]
    orgs = data.organizations[:15]
    return [
        para("3. Участники по регионам и организациям", "h2"),
        para(
            f"Всего участников: {len(data.people)}; регионов: {len(data.regions)}; "
            f"организаций: {len(data.organizations)}."
        ),
        chart(
            bar_chart(
                "Участники по регионам",
                [r for r, _ in regions],
                {"человек": [float(n) for _, n in regions]},
                size=(7.2, 3.2),
                horizontal=True,
            ),
            WIDTH,
        ),
        table(
            ("Организация (15 самых представленных)", "Человек"),
            [[o, n] for o, n in orgs],
            [150 * mm, 32 * mm],
        ),
    ]


def _attendance(data: IndicatorsData) -> list[Flowable]:
    story: list[Flowable] = [para("4. Посещаемость по потокам и занятиям", "h2")]
    rows = []
    for matrix in data.matrices:
        percents = [r.summary.percent for r in matrix.rows if r.summary.percent is not None]
        held = sum(1 for t in matrix.totals if t.held)
        mean = sum(percents) / len(percents) if percents else None
        rows.append(
            [
                f"Поток {matrix.stream_number}",
                len(matrix.rows),
                f"{held} из {len(matrix.sessions)}",
                _n(mean, 1),
            ]
        )
    story.append(
        table(
            ("Поток", "Участников", "Проведено занятий", "Средняя посещаемость, %"),
            rows,
            [40 * mm, 40 * mm, 50 * mm, 52 * mm],
        )
    )
    for matrix in data.matrices:
        pairs = [(s, t) for s, t in zip(matrix.sessions, matrix.totals, strict=True) if t.held]
        if not pairs:
            continue
        labels = [f"{s.starts_at:%d.%m %H:%M}" for s, _ in pairs]
        present = [float(t.counts.get("present", 0) + t.counts.get("late", 0)) for _, t in pairs]
        story.append(
            chart(
                bar_chart(
                    f"Поток {matrix.stream_number}: присутствовали на занятиях (из {len(matrix.rows)})",
                    labels,
                    {"присутствовали": present},
                    size=(7.2, 2.6),
                ),
                WIDTH,
            )
        )
    return story


def _gains(data: IndicatorsData) -> list[Flowable]:
    gains = data.gains
    rows = [
        [
            f"Поток {n}" if n else "без потока",
            g.people,
            g.with_gain,
            g.no_exit,
            g.entry_at_max,
            _n(g.mean_raw, 1),
            _n(g.mean_normalized),
            _n(g.median_normalized),
        ]
        for n, g in gains.by_stream.items()
    ]
    groups = {
        f"Поток {n}": [
            p.total.normalized
            for p in gains.people
            if p.stream_number == n and p.total.normalized is not None
        ]
        for n in gains.by_stream
    }
    story: list[Flowable] = [
        para("5. Входное и выходное тестирование", "h2"),
        para(
            "Прирост = выход − вход (баллы из 100); нормированный прирост = (выход − вход) / (100 − вход). "
            "Список без выходного теста: smm-event outcomes show --no-exit."
        ),
        table(
            (
                "Поток",
                "Человек",
                "С приростом",
                "Нет вых. теста",
                "Вход = 100",
                "Ср. прирост",
                "Ср. норм.",
                "Медиана норм.",
            ),
            rows,
            [24 * mm] + [22.5 * mm] * 7,
        ),
        spacer(2),
        chart(
            histogram(
                "Распределение нормированного прироста по потокам",
                groups,
                [x / 10 for x in range(-3, 11)],
                "нормированный прирост",
            ),
            WIDTH,
        ),
    ]
    if gains.by_topic:
        story.append(
            table(
                ("Тема", "Человек", "Ср. норм. прирост"),
                [[t, g.with_gain, _n(g.mean_normalized)] for t, g in gains.by_topic.items()],
                [120 * mm, 30 * mm, 32 * mm],
            )
        )
    return story


def _surveys(data: IndicatorsData) -> list[Flowable]:
    story: list[Flowable] = [para("6. Обратная связь участников", "h2")]
    if not data.surveys:
        return [*story, para("Анкеты не загружены.")]
    for summary in data.surveys:
        overall = [r for r in summary.ratings if r.kind == "all"]
        story.append(
            para(
                f"Анкета «{summary.survey}»: {summary.responses} ответов; не ответили "
                f'{len(summary.not_answered)} (smm-event survey show "{summary.survey}").'
            )
        )
        if overall:
            story.append(
                table(
                    ("Вопрос (оценка 1–10)", "Ответов", "Средняя"),
                    [[r.question, r.answers, _n(r.mean)] for r in overall],
                    [140 * mm, 20 * mm, 22 * mm],
                )
            )
            story.append(
                chart(
                    bar_chart(
                        "Средние оценки",
                        [textwrap.fill(r.question, 30) for r in overall],
                        {"средняя": [r.mean for r in overall]},
                        size=(7.2, 2.6),
                        horizontal=True,
                    ),
                    WIDTH,
                )
            )
        for question, answer in summary.comments[:8]:
            story.append(para(f"«{answer}» — {question}", "small"))
    return story


def _reach(data: IndicatorsData) -> list[Flowable]:
    report = data.reach
    rows = []
    for label, s in [("Все НКО", report.overall), ("НКО акселератора", report.accelerator)] + [
        (f"Поток {n}", s) for n, s in report.by_stream.items()
    ]:
        missing = "; ".join(f"{STATUS_NAMES.get(k, k)}: {v}" for k, v in s.missing.items()) or "—"
        rows.append(
            [
                label,
                s.organizations,
                s.measured,
                _n(s.mean),
                _n(s.median),
                f"{s.at_target} ({_n((s.share_at_target or 0) * 100, 0)} %)" if s.measured else "—",
                missing,
            ]
        )
    ratios = [o.growth.ratio for o in report.organizations if o.growth.ratio is not None]
    capped = [min(r, 6.0) for r in ratios]
    story: list[Flowable] = [
        para("7. Охват аккаунтов НКО в социальных сетях", "h2"),
        para(
            f"Целевой показатель: средний рост охвата не менее чем в {_n(TARGET_GROWTH, 1)} раза у НКО акселератора. "
            f"Рост = сумма последних замеров / сумма зафиксированных базовых охватов тех же аккаунтов. "
            f"Базовый охват зафиксирован (с SHA-256) для {report.frozen_accounts} из {report.accounts} аккаунтов. "
            "Подробно по НКО: smm-event reach show."
        ),
        table(
            (
                "Группа",
                "НКО",
                "С замером",
                "Средний рост",
                "Медиана",
                f"≥ ×{_n(TARGET_GROWTH, 1)}",
                "Без расчёта",
            ),
            rows,
            [30 * mm, 14 * mm, 20 * mm, 22 * mm, 20 * mm, 26 * mm, 50 * mm],
        ),
        spacer(2),
        chart(
            histogram(
                "Рост охвата НКО (раз; больше 6 — в последнем столбце)",
                {"НКО": capped},
                [x / 2 for x in range(0, 13)],
                "рост охвата, раз",
                ylabel="НКО",
            ),
            WIDTH,
        ),
    ]
    tampered = [o.name for o in report.organizations if o.tampered]
    if tampered:
        story.append(
            para(
                "Внимание: замеры базового охвата изменились после фиксации: " + "; ".join(tampered)
            )
        )
    return story


def render_indicators(data: IndicatorsData, path: Path) -> int:
    selected = len(data.selection.result.selected)
    story: list[Flowable] = [
        para("ОТЧЁТ О ПОКАЗАТЕЛЯХ ПРОГРАММЫ", "title"),
        para(data.event_name),
        para(
            f"Сформирован {format_date_ru(data.generated_on)}. Отобрано в акселератор по правилу: {selected}."
        ),
        *_funnel(data),
        *_dates(data),
        *_people(data),
        *_attendance(data),
        *_gains(data),
        *_surveys(data),
        *_reach(data),
    ]
    return build(path, story, "Отчёт о показателях программы")
