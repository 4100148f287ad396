"""The fixed vocabularies of the programme outcomes, shared by the rules (smm_event/outcomes),
the services and the record validation (storage/validation.py)."""

from __future__ import annotations

TRACKS = ("strategy", "content")  # the accelerator's tracks
DECISIONS = ("accept", "exclude", "clear")  # what a recorded manual selection decision may say
TEST_PHASES = ("entry", "exit", "motivation")  # topic_score.phase
PLATFORM_CODES = ("vk", "telegram", "ok", "dzen", "rutube", "youtube")
MEASUREMENT_KINDS = ("baseline", "followup")
