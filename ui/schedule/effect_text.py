"""The effect of adding or cancelling a session as sentences the organizer reads before saving:
whose percentage changes and how, who gains or loses a certificate, what happens to the marks."""

from __future__ import annotations

from PySide6.QtCore import QObject

from smm_event.domain.schedule import PercentShift, ScheduleEffect
from ui.common.formatting import format_score
from ui.i18n import fill

SHOWN_SHIFTS = 3  # the largest groups; the rest are summed up as "and others"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{format_score(round(value))} %"


def shift_text(shift: PercentShift) -> str:
    return f"{percent(shift.before)} → {percent(shift.after)}"


class ScheduleEffectText(QObject):
    """A QObject only for its ``tr()``: the plural forms need lupdate to see the calls."""

    def lines(self, effect: ScheduleEffect, change: str) -> list[str]:
        """``change`` is "add", "cancel" or "restore"."""
        lines: list[str] = []
        if effect.people_changed:
            shifts = list(effect.shifts[:SHOWN_SHIFTS])
            if len(shifts) == 1:
                detail = shift_text(shifts[0])
            else:
                detail = "; ".join(
                    fill(
                        self.tr("{shift} for %n", "", s.people),
                        shift=shift_text(s),
                    )
                    for s in shifts
                )
                if len(effect.shifts) > SHOWN_SHIFTS:
                    detail += "; " + self.tr("and others")
            lines.append(
                fill(
                    self.tr(
                        "The attendance percentage of %n participant(s) will change: {detail}.",
                        "",
                        effect.people_changed,
                    ),
                    detail=detail,
                )
            )
        elif effect.held:
            lines.append(self.tr("Nobody's attendance percentage changes."))
        else:
            lines.append(
                self.tr(
                    "The session has not taken place yet: percentages do not change now.",
                )
            )
        if effect.become_eligible:
            lines.append(
                self.tr(
                    "%n person(s) will qualify for the certificate.",
                    "",
                    effect.become_eligible,
                )
            )
        if effect.lose_eligibility:
            lines.append(
                self.tr(
                    "%n person(s) will no longer qualify for the certificate.",
                    "",
                    effect.lose_eligibility,
                )
            )
        lines.append(
            fill(
                self.tr("Sessions in the stream's programme: {before} → {after}."),
                before=effect.planned_before,
                after=effect.planned_after,
            )
        )
        if change == "cancel" and effect.marks:
            lines.append(
                self.tr(
                    "The %n mark(s) already given for this session are kept, but they stop counting.",
                    "",
                    effect.marks,
                )
            )
        elif change == "restore" and effect.marks:
            lines.append(
                self.tr(
                    "The %n mark(s) given for this session count again.",
                    "",
                    effect.marks,
                )
            )
        return lines


def effect_lines(effect: ScheduleEffect, change: str) -> list[str]:
    """``change`` is "add", "cancel" or "restore"."""
    return ScheduleEffectText().lines(effect, change)
