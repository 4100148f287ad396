"""Per-event certificate settings, kept in ``Event.settings["certificates"]`` (the schedule file's
``[event.settings.certificates]`` table sets them too)::

    min_attendance_percent = 75     # of the held sessions of the person's stream, excused excluded
    exit_test_required = true
    min_exit_score = 60             # optional
    number_format = "{number:03d}{series_part}/{year}"
    template = "default"            # default, dative, or the path of a TOML template
    hours = 24                      # optional; otherwise the stream's session hours
    number_year = 2026              # optional; otherwise the year the event starts
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

from smm_event.certificates.numbering import check_number_format
from smm_event.domain.certificates import CertificateRule, CertificateSettings
from smm_event.errors import UserError

SETTINGS_KEY = "certificates"


def _number(raw: Mapping[str, Any], key: str, low: float, high: float) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserError("bad_certificate_setting", key=key, value=value)
    if not low <= float(value) <= high:
        raise UserError("bad_certificate_setting", key=key, value=value)
    return float(value)


def _flag(raw: Mapping[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise UserError("bad_certificate_setting", key=key, value=value)
    return value


def _text(raw: Mapping[str, Any], key: str, default: str) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise UserError("bad_certificate_setting", key=key, value=value)
    return value


def settings_from_event(event_settings: Mapping[str, Any] | None) -> CertificateSettings:
    """The event's certificate settings; defaults for whatever is not set."""
    raw = (event_settings or {}).get(SETTINGS_KEY) or {}
    if not isinstance(raw, Mapping):
        raise UserError("bad_certificate_setting", key=SETTINGS_KEY, value=raw)
    default = CertificateSettings()
    minimum = _number(raw, "min_attendance_percent", 0, 100)
    rule = CertificateRule(
        min_attendance_percent=default.rule.min_attendance_percent if minimum is None else minimum,
        exit_test_required=_flag(raw, "exit_test_required", default.rule.exit_test_required),
        min_exit_score=_number(raw, "min_exit_score", 0, 1_000_000),
    )
    number_format = _text(raw, "number_format", default.number_format)
    check_number_format(number_format)
    year = _number(raw, "number_year", 1900, 9999)
    return CertificateSettings(
        rule=rule,
        number_format=number_format,
        template=_text(raw, "template", default.template),
        hours=_number(raw, "hours", 0.5, 10_000),
        number_year=None if year is None else int(year),
    )


def to_mapping(settings: CertificateSettings) -> dict[str, Any]:
    rule = dataclasses.asdict(settings.rule)
    rest = {k: v for k, v in dataclasses.asdict(settings).items() if k != "rule"}
    return {key: value for key, value in {**rule, **rest}.items() if value is not None}


def with_settings(
    event_settings: Mapping[str, Any] | None, settings: CertificateSettings
) -> dict[str, Any]:
    """A copy of the event's settings with the certificate settings replaced."""
    merged = dict(event_settings or {})
    merged[SETTINGS_KEY] = to_mapping(settings)
    return merged
