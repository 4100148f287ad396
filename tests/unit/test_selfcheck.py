"""--self-check: every step runs for real from a checkout, and a broken one is reported."""

from __future__ import annotations

import pytest

from smm_event import selfcheck
from smm_event.text import declension


def test_every_step_passes_from_a_checkout() -> None:
    lines: list[str] = []
    assert selfcheck.report(selfcheck.run_checks(), lines.append)
    assert [line.split(":")[0] for line in lines[:-1]] == [
        f"ok   {name}" for name, _ in selfcheck.CHECKS
    ]
    assert "Ивановой Марии Петровне" in lines[1]
    assert lines[-1] == "self-check passed"


def test_missing_pytrovich_rules_fail_the_check_and_stop_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(*_args: object) -> object:  # what a bundle without the rules file raises
        raise RuntimeError("pytrovich rules file not found at '…/rules.json'")

    monkeypatch.setattr(declension, "to_dative", missing)
    lines: list[str] = []
    assert not selfcheck.report(selfcheck.run_checks(), lines.append)
    assert lines[0].startswith("ok   workspace")
    assert lines[1] == (
        "FAIL name in the dative (pytrovich): "
        "RuntimeError: pytrovich rules file not found at '…/rules.json'"
    )
    assert lines[2:] == ["self-check FAILED"]  # the later steps did not run
