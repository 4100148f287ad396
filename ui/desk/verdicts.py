"""What the desk says about a check-in outcome, in plain words for the person at the desk.

The core returns result codes; here each becomes a colour, a headline, an explanation that
says what to do next, and a sound.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from pytrovich.enums import Gender

from smm_event.domain.badges import TokenResult
from smm_event.domain.checkin import CheckinMethod, CheckinOutcome, CheckinResult
from smm_event.text.dates_ru import day_runs, format_days_ru
from smm_event.text.declension import grammatical_gender
from ui.desk.sounds import Sound
from ui.i18n import fill


class Tone(enum.Enum):
    READY = "ready"
    BUSY = "busy"
    ADMITTED = "admitted"
    REPEAT = "repeat"
    REFUSED = "refused"


# Background, text colour: strong enough to read from a metre away in a bright hall.
COLOURS = {
    Tone.READY: ("#e8edf2", "#23313f"),
    Tone.BUSY: ("#e8edf2", "#23313f"),
    Tone.ADMITTED: ("#1e8e3e", "#ffffff"),
    Tone.REPEAT: ("#f5b400", "#1b1b1b"),
    Tone.REFUSED: ("#c62828", "#ffffff"),
}


@dataclass(frozen=True)
class Verdict:
    tone: Tone
    headline: str
    explanation: str
    sound: Sound | None


def tone_of(result: CheckinResult) -> Tone:
    if result is CheckinResult.ADMITTED:
        return Tone.ADMITTED
    if result is CheckinResult.ALREADY_CHECKED_IN:
        return Tone.REPEAT
    return Tone.REFUSED


def verdict(outcome: CheckinOutcome) -> Verdict:
    result = outcome.result
    headline = result_headline(result)
    if result is CheckinResult.ADMITTED:
        return Verdict(
            Tone.ADMITTED,
            headline,
            _with_notes(
                QCoreApplication.translate(
                    "DeskVerdicts", "Checked in by the organizer's decision (another stream's day)."
                )
                if outcome.method is CheckinMethod.OVERRIDE
                else QCoreApplication.translate("DeskVerdicts", "Checked in."),
                outcome,
            ),
            Sound.ADMITTED,
        )
    if result is CheckinResult.ALREADY_CHECKED_IN:
        return Verdict(Tone.REPEAT, headline, _with_notes(_first(outcome), outcome), Sound.REPEAT)
    return Verdict(Tone.REFUSED, headline, _refusal_reason(outcome), Sound.REFUSED)


def _with_notes(text: str, outcome: CheckinOutcome) -> str:
    """The organizers' note on the person, and a missing consent, under an admission."""
    person = outcome.participant
    if person is None:
        return text
    lines = [text]
    if person.notes:
        lines.append(
            fill(QCoreApplication.translate("DeskVerdicts", "Note: {note}"), note=person.notes)
        )
    if not person.consent:
        lines.append(
            QCoreApplication.translate(
                "DeskVerdicts",
                "No consent to the processing of personal data: ask them to sign it, then "
                "press «Consent signed».",
            )
        )
    return "\n".join(lines)


def _first(outcome: CheckinOutcome) -> str:
    first = outcome.first_checkin
    if first is None:
        return ""
    return fill(
        QCoreApplication.translate(
            "DeskVerdicts",
            "First check-in at {time}, desk «{desk}». Let them in, no second badge needed.",
        ),
        time=time_text(first.at),
        desk=first.desk,
    )


def result_headline(result: CheckinResult) -> str:
    return {
        CheckinResult.ADMITTED: QCoreApplication.translate("DeskVerdicts", "Welcome!"),
        CheckinResult.ALREADY_CHECKED_IN: QCoreApplication.translate(
            "DeskVerdicts", "Already checked in today"
        ),
        CheckinResult.BADGE_REPLACED: QCoreApplication.translate(
            "DeskVerdicts", "This badge was replaced"
        ),
        CheckinResult.FORGED_OR_UNREADABLE: QCoreApplication.translate(
            "DeskVerdicts", "Code not accepted"
        ),
        CheckinResult.UNKNOWN_PARTICIPANT: QCoreApplication.translate(
            "DeskVerdicts", "Participant not found"
        ),
        CheckinResult.NOT_ASSIGNED: QCoreApplication.translate(
            "DeskVerdicts", "No stream assigned"
        ),
        CheckinResult.WRONG_STREAM_DAY: QCoreApplication.translate(
            "DeskVerdicts", "Not this stream's day"
        ),
        CheckinResult.NO_SESSION_TODAY: QCoreApplication.translate(
            "DeskVerdicts", "No sessions today"
        ),
    }[result]


def _refusal_reason(outcome: CheckinOutcome) -> str:
    result = outcome.result
    if result is CheckinResult.BADGE_REPLACED:
        return QCoreApplication.translate(
            "DeskVerdicts",
            "A newer badge was issued to this person; this one no longer works. Ask for the new "
            "badge, or find the person by search.",
        )
    if result is CheckinResult.FORGED_OR_UNREADABLE:
        return _token_reason(outcome.token_result)
    if result is CheckinResult.UNKNOWN_PARTICIPANT:
        return QCoreApplication.translate(
            "DeskVerdicts",
            "The badge is genuine, but this person is not on this laptop. Synchronize the "
            "laptop, or register them as a new participant.",
        )
    if result is CheckinResult.NOT_ASSIGNED:
        return QCoreApplication.translate(
            "DeskVerdicts", "The person is not in any stream yet. Ask the organizer."
        )
    if result is CheckinResult.WRONG_STREAM_DAY:
        return _wrong_day(outcome)
    return fill(
        QCoreApplication.translate(
            "DeskVerdicts", "Nobody has sessions today. Stream {stream} meets on {days}."
        ),
        stream=outcome.stream_number or "—",
        days=days_text(outcome.stream_days),
    )


def _token_reason(token: TokenResult | None) -> str:
    if token is TokenResult.UNKNOWN_KEY:
        return QCoreApplication.translate(
            "DeskVerdicts",
            "The badge is signed with a key this laptop does not know. Synchronize the laptop, "
            "or find the person by search.",
        )
    if token is TokenResult.NOT_OURS:
        return QCoreApplication.translate(
            "DeskVerdicts", "This is not a badge of this event. Find the person by search."
        )
    return QCoreApplication.translate(
        "DeskVerdicts",
        "The code is damaged or forged. Scan it again, or find the person by search.",
    )


def _wrong_day(outcome: CheckinOutcome) -> str:
    """«Она занимается в потоке 2: 10–13 декабря. Сегодня день потока 1.» The days as ranges,
    the pronoun agreeing with the person (no pronoun when the gender is unclear)."""
    today = ", ".join(str(number) for number in outcome.today_streams) or "—"
    stream = outcome.stream_number or "—"
    days = days_text(outcome.stream_days)
    person = outcome.participant
    gender = (
        grammatical_gender(person.gender, person.surname, person.first_name, person.patronymic)
        if person is not None
        else None
    )
    if gender is Gender.FEMALE:
        template = QCoreApplication.translate(
            "DeskVerdicts",
            "She is in stream {stream}, which meets on {days}. Today is the day of stream {today}.",
        )
    elif gender is Gender.MALE:
        template = QCoreApplication.translate(
            "DeskVerdicts",
            "He is in stream {stream}, which meets on {days}. Today is the day of stream {today}.",
        )
    else:
        template = QCoreApplication.translate(
            "DeskVerdicts", "Stream {stream} meets on {days}. Today is the day of stream {today}."
        )
    return fill(template, stream=stream, days=days, today=today)


def time_text(at: dt.datetime) -> str:
    return at.strftime("%H:%M")


def days_text(days: Sequence[dt.date]) -> str:
    """Consecutive days as a range: «10–13 декабря» in Russian, «10–13 December» otherwise."""
    if QLocale().language() == QLocale.Language.Russian:
        return format_days_ru(days)
    locale = QLocale()
    parts: list[str] = []
    for start, end in day_runs(days):
        first = locale.toString(QDate(start.year, start.month, start.day), "d MMMM")
        if start == end:
            parts.append(first)
        else:
            last = locale.toString(QDate(end.year, end.month, end.day), "d MMMM")
            parts.append(f"{first} – {last}")
    return ", ".join(parts)
