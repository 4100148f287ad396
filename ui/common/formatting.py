"""Small translated renderings of core values shared by several screens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from smm_event.text.dates_ru import format_date_range_ru
from ui.i18n import current_language, fill


def format_score(score: float | None) -> str:
    if score is None:
        return ""
    if float(score).is_integer():
        return str(int(score))
    return QLocale().toString(float(score), "f", 1)  # «72,5» in Russian


def stream_label(number: int, title: str) -> str:
    if not title:
        return fill(QCoreApplication.translate("Streams", "Stream {number}"), number=number)
    return fill(
        QCoreApplication.translate("Streams", "Stream {number} — {title}"),
        number=number,
        title=title,
    )


def date_range(start: dt.date, end: dt.date) -> str:
    """«12–16 мая 2026 года»; Qt's locale has no range format, so Russian uses the core's."""
    if current_language() == "ru":
        return format_date_range_ru(start, end)
    locale = QLocale()
    if start == end:
        return locale.toString(_qdate(start), "d MMMM yyyy")
    first = locale.toString(_qdate(start), "d MMMM")
    return f"{first} – {locale.toString(_qdate(end), 'd MMMM yyyy')}"


def short_date(day: dt.date) -> str:
    return QLocale().toString(_qdate(day), QLocale.FormatType.ShortFormat)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
