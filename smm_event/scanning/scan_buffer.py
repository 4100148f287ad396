"""Application-wide capture of a keyboard-emulating barcode scanner, without Qt.

The Qt layer feeds every key press here with a timestamp from one monotonic clock and calls
``poll()`` from a timer. Like pretix, a code completes on Enter (or Tab); unlike pretix it also
completes after a short pause, for scanners configured without a suffix key, and it tells a
scanner's burst from a person typing by the speed of the keystrokes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from smm_event.scanning.keyboard_layout import (
    has_russian_layout_letters,
    normalize_scan,
    strip_controls,
    to_latin,
)

# A scanner types a character every 1-20 ms (USB HID polls every 1-8 ms; Bluetooth HID runs
# 10-30 ms). People average 100-250 ms a keystroke, and even fast typists stay above ~70 ms
# over six or more keys. 50 ms on average separates the two with margin on both sides.
SCANNER_MAX_MEAN_GAP = 0.05
# Silence after which a burst without Enter counts as finished. Six times the slowest scanner
# gap, so a scheduling hiccup does not cut a code in two, and still far below the "well under a
# second" the desk promises. Two badges cannot be scanned 0.2 s apart.
PAUSE_SECONDS = 0.2
# pretix clears its buffer after 2 s of silence: slow input waiting for Enter is dropped then.
CLEAR_AFTER_SECONDS = 2.0
# Shortest input that can be a code; badge tokens are ~140 characters.
MIN_CODE_LENGTH = 6
# Keystrokes needed before the speed of the input says anything.
MIN_BURST_KEYS = 3
ENTER_KEYS = frozenset("\r\n\t")


@dataclass(frozen=True)
class CompletedScan:
    """One finished input: ``text`` is normalized (layout undone), ``raw`` is what arrived."""

    text: str
    raw: str
    ended_with_enter: bool
    mean_gap_ms: float
    looked_like_scanner: bool


class ScanBuffer:
    """Buffers keystrokes and returns a code when one is complete, with the keyboard layout
    undone; ``last_scan`` keeps the raw input (for the failed-scan log, and for removing the
    burst from a text field that received it).

    ``accept_typed``: whether slow input ended with Enter counts as a code. The Qt layer sets it
    False while a text field has focus (typing a surname must not become a scan) and True
    elsewhere, so a slow scanner still works and the self-test can diagnose it.
    """

    def __init__(
        self,
        pause_seconds: float = PAUSE_SECONDS,
        min_length: int = MIN_CODE_LENGTH,
        max_gap_for_scanner: float = SCANNER_MAX_MEAN_GAP,
        clear_after: float = CLEAR_AFTER_SECONDS,
        accept_typed: bool = False,
    ) -> None:
        self.pause_seconds = pause_seconds
        self.min_length = min_length
        self.max_gap_for_scanner = max_gap_for_scanner
        self.clear_after = clear_after
        self.accept_typed = accept_typed
        self.last_scan: CompletedScan | None = None
        # Input dropped after ``clear_after`` of silence: too slow for a burst and no Enter.
        self.last_dropped: CompletedScan | None = None
        self._chars: list[str] = []
        self._times: list[float] = []

    @property
    def pending(self) -> str:
        """The characters buffered so far (the UI may remove them from a focused field)."""
        return "".join(self._chars)

    @property
    def looks_like_scanner(self) -> bool:
        """True once the current input arrives at scanner speed."""
        start = self._burst_start()
        return len(self._times) - start >= MIN_BURST_KEYS and self._mean_gap(start) <= (
            self.max_gap_for_scanner
        )

    def feed(self, char: str, at: float) -> str | None:
        """Take typed text (one key's, usually one character) and return a code it completed.

        The code may also be the previous burst, completed by the pause before this key.
        """
        completed = None
        for ch in char:  # Qt may deliver several characters in one key event
            if ch in ENTER_KEYS:
                completed = self.feed_enter(at) or completed
                continue
            completed = self.poll(at) or completed
            if ch.isprintable():
                self._chars.append(ch)
                self._times.append(at)
        return completed

    def feed_enter(self, at: float) -> str | None:
        """Enter (or Tab) ends the input: a burst is a code, slow input only if accepted."""
        if not self._chars:
            return None
        if at - self._times[-1] >= self.clear_after:
            self._clear()
            return None
        if self._is_code_burst():
            return self._complete(self._burst_start(), ended_with_enter=True)
        if self.accept_typed and len(self._chars) >= self.min_length:
            return self._complete(0, ended_with_enter=True)
        self._clear()
        return None

    def poll(self, now: float) -> str | None:
        """Call from a timer: completes a burst after the pause, drops junk after the timeout."""
        if not self._chars:
            return None
        silence = now - self._times[-1]
        if silence >= self.pause_seconds and self._is_code_burst():
            return self._complete(self._burst_start(), ended_with_enter=False)
        if silence >= self.clear_after:
            self.last_dropped = self._scan(0, ended_with_enter=False)
            self._clear()
        return None

    def _burst_start(self) -> int:
        # The burst begins after the last pause; within it, slow keystrokes just before the
        # burst are a person's (say, in the search field), not the scanner's.
        times = self._times
        start = 0
        for index in range(1, len(times)):
            if times[index] - times[index - 1] >= self.pause_seconds:
                start = index
        for index in range(start, len(times) - 1):
            if times[index + 1] - times[index] <= self.max_gap_for_scanner:
                return index
        return max(len(times) - 1, start)

    def _mean_gap(self, start: int) -> float:
        keys = len(self._times) - start
        if keys < 2:
            return float("inf")
        return (self._times[-1] - self._times[start]) / (keys - 1)

    def _is_code_burst(self) -> bool:
        start = self._burst_start()
        burst = self._chars[start:]
        # A held key auto-repeats at scanner speed (~30 ms): one repeated character is not a code.
        return (
            len(burst) >= self.min_length
            and len(set(burst)) > 1
            and self._mean_gap(start) <= self.max_gap_for_scanner
        )

    def _complete(self, start: int, ended_with_enter: bool) -> str:
        self.last_scan = self._scan(start, ended_with_enter)
        self._clear()
        return self.last_scan.text

    def _scan(self, start: int, ended_with_enter: bool) -> CompletedScan:
        raw = "".join(self._chars[start:])
        gap = self._mean_gap(start)
        return CompletedScan(
            text=normalize_scan(raw),
            raw=raw,
            ended_with_enter=ended_with_enter,
            mean_gap_ms=gap * 1000.0 if gap != float("inf") else 0.0,
            looked_like_scanner=gap <= self.max_gap_for_scanner,
        )

    def _clear(self) -> None:
        self._chars.clear()
        self._times.clear()


class ScannerIssue(StrEnum):
    """What the scanner self-test found; the UI turns each into advice for the staff."""

    OK = "ok"
    GARBLED = "garbled"  # no layout gives a plausible code: wrong code, or scanner misconfigured
    RUSSIAN_LAYOUT = "russian_layout"  # the text only makes sense after undoing ЙЦУКЕН
    CAPS_LOCK = "caps_lock"  # letters arrive with inverted case
    SLOW = "slow"  # keystrokes as slow as typing: ignored while a text field has focus
    NO_ENTER = "no_enter"  # completed by the pause: works, but a suffix Enter is faster


@dataclass(frozen=True)
class ScannerDiagnosis:
    """``issues`` in order of importance (empty when all is well); ``text`` is the repaired code."""

    issues: tuple[ScannerIssue, ...]
    text: str

    @property
    def code(self) -> ScannerIssue:
        return self.issues[0] if self.issues else ScannerIssue.OK


_TOKEN_SHAPE = re.compile(r"SMM[0-9]+:[A-Z2-7]{16,}=*")


def looks_like_badge_token(text: str) -> bool:
    """The shape of a badge token (prefix and base32 body), without checking its signature."""
    return _TOKEN_SHAPE.fullmatch(text) is not None


def diagnose_scanner_input(
    raw: str,
    ended_with_enter: bool,
    mean_gap_ms: float,
    plausible: Callable[[str], bool] = looks_like_badge_token,
) -> ScannerDiagnosis:
    """Check a test scan of a known-good badge and say what is wrong with the scanner set-up."""
    cleaned = strip_controls(raw)
    text, issues = _repair_text(cleaned, plausible)
    if mean_gap_ms > SCANNER_MAX_MEAN_GAP * 1000.0:
        issues.append(ScannerIssue.SLOW)
    if not ended_with_enter:
        issues.append(ScannerIssue.NO_ENTER)
    return ScannerDiagnosis(issues=tuple(issues), text=text)


def _repair_text(cleaned: str, plausible: Callable[[str], bool]) -> tuple[str, list[ScannerIssue]]:
    russian = has_russian_layout_letters(cleaned)
    layout_fixed = to_latin(cleaned) if russian else cleaned
    layout_issue = [ScannerIssue.RUSSIAN_LAYOUT] if russian else []
    if plausible(layout_fixed):
        return layout_fixed, layout_issue
    # Caps Lock inverts letter case, and in the Russian layout it turns Ж (':') into ж (';'),
    # so the case is swapped before the layout is undone.
    swapped = cleaned.swapcase()
    caps_fixed = to_latin(swapped) if russian else swapped
    if plausible(caps_fixed):
        return caps_fixed, [*layout_issue, ScannerIssue.CAPS_LOCK]
    return layout_fixed, [ScannerIssue.GARBLED]
