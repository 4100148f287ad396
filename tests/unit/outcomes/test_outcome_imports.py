from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from smm_event.errors import UserError
from smm_event.services import outcome_scores, reach, surveys
from smm_event.services.participants import list_participants
from smm_event.storage.outcome_models import ReachAccount, SurveyResponse, TopicScore
from smm_event.workspace import Workspace


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_survey_matches_by_email_phone_and_name_and_reports_the_rest(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    a, b, c = list_participants(demo_workspace, 1)[:3]
    assert a.email and b.phone
    phone = b.phone.removeprefix("+7")
    path = _write(
        tmp_path / "anketa.csv",
        [
            "Отметка времени,Адрес электронной почты,Телефон,ФИО,Поток,Оцените занятие (1-10),Что улучшить?",
            f"12.05.2026 18:01:00,{a.email.upper()},,,1,9,Больше практики",
            f"12.05.2026 18:02:00,,8 ({phone[:3]}) {phone[3:]},,1,7,",
            f"12.05.2026 18:03:00,,,{c.surname} {c.first_name},1,10,",
            "12.05.2026 18:04:00,nobody@example.org,,,1,5,",
        ],
    )
    report = surveys.import_survey(demo_workspace, path, "День 1")
    assert report.matched == 3
    assert [(i.row_number, i.reason, i.value) for i in report.unmatched] == [
        (5, "no_such_participant", "nobody@example.org")
    ]
    assert report.added == 4
    with demo_workspace.reading() as session:
        linked = {
            r.participant_id
            for r in session.scalars(
                select(SurveyResponse).where(SurveyResponse.survey == "День 1")
            )
        }
    assert {a.id, b.id, c.id} <= linked
    again = surveys.import_survey(demo_workspace, path, "День 1")
    assert again.added == 0  # the same rows are the same responses
    summary = surveys.survey_summary(demo_workspace, "День 1")
    (overall,) = [r for r in summary.ratings if r.kind == "all"]
    assert (overall.answers, overall.mean) == (4, 7.75)
    (by_day,) = [r for r in summary.ratings if r.kind == "day"]
    assert (by_day.group, by_day.answers) == ("2026-05-12", 4)  # the form's timestamp day
    assert ("Что улучшить?", "Больше практики") in summary.comments
    missing = {p.participant_id for p in summary.not_answered}
    assert a.id not in missing and len(missing) == 70 - 3
    assert all(p.phone for p in summary.not_answered)


def test_survey_without_questions_is_refused(demo_workspace: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.csv", ["E-mail", "a@example.org"])
    with pytest.raises(UserError) as error:
        surveys.import_survey(demo_workspace, path)
    assert error.value.code == "unreadable_file"


def test_quiz_with_topic_columns(demo_workspace: Workspace, tmp_path: Path) -> None:
    person = list_participants(demo_workspace, 2)[0]
    path = _write(
        tmp_path / "exit.csv",
        [
            "Адрес электронной почты,Баллы,Тема: Telegram,Тема: Стратегия",
            f"{person.email},18 / 20,4 / 5,100",
            "ghost@example.org,10 / 20,1 / 5,20",
            f"{person.email.replace('@', '+x@')},abc,1,2",
        ],
    )
    report = outcome_scores.import_test(demo_workspace, path, "exit")
    assert report.topics == ("Telegram", "Стратегия")
    assert report.matched == 1 and len(report.unmatched) == 1
    assert [i.reason for i in report.invalid] == ["bad_score"]
    updated = next(p for p in list_participants(demo_workspace, 2) if p.id == person.id)
    assert updated.exit_score == 90.0
    with demo_workspace.reading() as session:
        rows = {
            r.topic: r.score
            for r in session.scalars(
                select(TopicScore).where(
                    TopicScore.participant_id == person.id, TopicScore.phase == "exit"
                )
            )
        }
    assert rows["Telegram"] == 80.0 and rows["Стратегия"] == 100.0


def test_reach_zero_and_missing_baselines_and_frozen_refusal(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    org = list_participants(demo_workspace, 1)[0].organization
    assert org
    header = "Организация;Платформа;Аккаунт;Период с;Период по;Охват"
    base = _write(
        tmp_path / "base.csv",
        [
            header,
            f"{org};ВКонтакте;vk.com/new1;01.01.2026;31.01.2026;0",
            "Нет такой НКО;Telegram;@x;01.01.2026;31.01.2026;100",
            f"{org};Фейсбук;fb;01.01.2026;31.01.2026;100",
            f"{org};OK;ok.ru/new2;01.02.2026;01.01.2026;100",
        ],
    )
    report = reach.import_reach(demo_workspace, base, "baseline")
    assert report.added == 1 and report.accounts_created == 1
    assert [i.reason for i in report.unmatched] == ["no_such_organization"]
    assert sorted(i.reason for i in report.invalid) == ["bad_platform", "period_reversed"]
    assert reach.freeze_baselines(demo_workspace) == 1
    follow = _write(
        tmp_path / "follow.csv",
        [header, f"{org};vk;vk.com/new1;01.06.2026;30.06.2026;500"],
    )
    assert reach.import_reach(demo_workspace, follow, "followup").added == 1
    again = reach.import_reach(demo_workspace, base, "baseline")
    assert [i.reason for i in again.frozen] == ["baseline_frozen"]
    with demo_workspace.reading() as session:
        account = session.scalars(
            select(ReachAccount).where(ReachAccount.handle == "vk.com/new1")
        ).one()
        assert account.baseline_reach == 0.0 and account.baseline_sha256
    report_ = reach.reach_report(demo_workspace)
    (entry,) = [o for o in report_.organizations if o.name == org]
    # The demo's own accounts of this NGO plus the new zero-baseline one: never infinite.
    assert entry.growth.ratio is None or entry.growth.ratio < 100
    assert not entry.tampered
