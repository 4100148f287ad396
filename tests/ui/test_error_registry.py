"""Item 10 of issue 12: every error code the core can raise has a sentence in the GUI, in
Russian and in English, and a line in the CLI. The codes are read from the core's source
(``smm_event.error_codes``), so a code added anywhere without its sentences fails here, with the
list of what is missing and where each code is raised."""

from __future__ import annotations

import re
from typing import Any

import pytest

import ui.attendance.texts
import ui.badges.badge_keys
import ui.certificates.certificate_work
import ui.desk.messages
import ui.roster.merge_dialog
import ui.sync.sync_attention  # noqa: F401  (each area registers its sentences on import)
from smm_event.cli.main import build_parser
from smm_event.cli.messages import MESSAGES
from smm_event.error_codes import core_error_codes
from ui import i18n
from ui.errors import sentence_template

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def _report(missing: list[str], what: str) -> str:
    codes = core_error_codes()
    lines = [f"{len(missing)} error code(s) without {what}:"]
    lines += [f"  {code}  (raised in {', '.join(codes[code])})" for code in missing]
    return "\n".join(lines)


def _cli_only(where: tuple[str, ...]) -> bool:
    return all(path.startswith("smm_event/cli/") for path in where)


def test_the_registry_finds_the_codes_the_core_raises() -> None:
    codes = core_error_codes()
    # Literal raises, helper parameters named code, and subclass class attributes.
    for code in ("no_event", "bad_participant_id", "bad_phone", "not_found", "wrong_passphrase"):
        assert code in codes
    assert len(codes) > 100


def test_every_code_has_a_cli_line() -> None:
    build_parser()  # the command modules register their lines on import
    missing = [code for code in core_error_codes() if code not in MESSAGES]
    assert missing == [], _report(missing, "a CLI line (smm_event/cli/messages.py or the commands)")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_code_has_a_gui_sentence(qapp: Any, language: str) -> None:
    i18n.install_translators(qapp, language)
    try:
        templates = {code: sentence_template(code) for code in core_error_codes()}
    finally:
        i18n.install_translators(qapp, "ru")
    # Codes only the command line raises (its passphrase files, `gui`) never reach a screen.
    gui_codes = {code for code, where in core_error_codes().items() if not _cli_only(where)}
    templates = {code: text for code, text in templates.items() if code in gui_codes}
    missing = [code for code, text in templates.items() if not text]
    assert missing == [], _report(missing, "a GUI sentence (register_sentences in ui/)")
    if language == "ru":
        english = [code for code, text in templates.items() if not CYRILLIC.search(text or "")]
        assert english == [], _report(english, "a Russian translation (.ts)")
