"""The keyboard-scanner buffer with simulated keystroke timings, and the scanner self-test."""

from __future__ import annotations

import random

from smm_event.scanning.scan_buffer import (
    ScanBuffer,
    ScannerIssue,
    diagnose_scanner_input,
    looks_like_badge_token,
)

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
TOKEN = "SMM1:" + "".join(random.Random(3).choice(BASE32) for _ in range(136))
RUSSIAN_TOKEN_PREFIX = "ЫЬЬ1Ж"  # "SMM1:" typed with the Russian layout on


def type_text(buffer: ScanBuffer, text: str, start: float, gap: float) -> tuple[list[str], float]:
    """Feed characters ``gap`` seconds apart; returns the codes completed and the last time."""
    codes = []
    at = start
    for index, char in enumerate(text):
        at = start + index * gap
        code = buffer.feed(char, at)
        if code is not None:
            codes.append(code)
    return codes, at


def test_fast_burst_with_enter_is_a_code() -> None:
    buffer = ScanBuffer()
    codes, last = type_text(buffer, TOKEN, start=10.0, gap=0.004)
    assert codes == []
    assert buffer.looks_like_scanner
    assert buffer.feed("\r", last + 0.004) == TOKEN
    assert buffer.last_scan is not None and buffer.last_scan.ended_with_enter
    assert 3.5 < buffer.last_scan.mean_gap_ms < 4.5
    assert buffer.pending == "" and buffer.poll(last + 5.0) is None


def test_several_characters_in_one_key_event() -> None:
    buffer = ScanBuffer()
    assert buffer.feed(TOKEN[:70], 1.0) is None
    assert buffer.feed(TOKEN[70:] + "\r", 1.01) == TOKEN


def test_tab_suffix_also_completes() -> None:
    buffer = ScanBuffer()
    _, last = type_text(buffer, TOKEN, start=0.0, gap=0.01)
    assert buffer.feed("\t", last + 0.01) == TOKEN


def test_burst_without_enter_completes_after_the_pause() -> None:
    buffer = ScanBuffer(pause_seconds=0.2)
    _, last = type_text(buffer, TOKEN, start=0.0, gap=0.005)
    assert buffer.poll(last + 0.1) is None  # still inside the pause
    assert buffer.poll(last + 0.25) == TOKEN
    assert buffer.last_scan is not None and not buffer.last_scan.ended_with_enter
    assert buffer.poll(last + 0.5) is None  # reported once


def test_next_keystroke_after_the_pause_completes_the_previous_burst() -> None:
    # If the timer has not run yet, the next scan's first key still closes the previous code.
    buffer = ScanBuffer()
    _, last = type_text(buffer, TOKEN, start=0.0, gap=0.005)
    codes, last = type_text(buffer, TOKEN, start=last + 1.0, gap=0.005)
    assert codes == [TOKEN]
    assert buffer.feed("\n", last + 0.005) == TOKEN


def test_russian_layout_burst_is_returned_as_latin() -> None:
    russian = RUSSIAN_TOKEN_PREFIX + "ФИСВ" * 30
    buffer = ScanBuffer()
    _, last = type_text(buffer, russian, start=0.0, gap=0.005)
    assert buffer.feed_enter(last + 0.005) == "SMM1:" + "ABCD" * 30
    assert buffer.last_scan is not None and buffer.last_scan.raw == russian


def test_slow_typing_in_a_text_field_is_ignored() -> None:
    buffer = ScanBuffer(accept_typed=False)
    codes, last = type_text(buffer, "Иванова", start=0.0, gap=0.15)
    assert codes == [] and not buffer.looks_like_scanner
    assert buffer.poll(last + 0.5) is None
    assert buffer.feed_enter(last + 0.6) is None
    assert buffer.pending == ""


def test_slow_input_with_enter_counts_when_no_field_has_focus() -> None:
    # A slow (Bluetooth, misconfigured) scanner must still work on the desk screen.
    buffer = ScanBuffer(accept_typed=True)
    _, last = type_text(buffer, TOKEN[:20], start=0.0, gap=0.09)
    assert buffer.feed_enter(last + 0.09) == TOKEN[:20]
    assert buffer.last_scan is not None and not buffer.last_scan.looked_like_scanner


def test_human_keystrokes_just_before_a_burst_are_not_part_of_the_code() -> None:
    for typing_gap, lead_in in [(0.12, 0.15), (0.3, 0.5), (0.06, 1.0)]:
        buffer = ScanBuffer(accept_typed=True)
        _, last = type_text(buffer, "Ив", start=0.0, gap=typing_gap)
        _, last = type_text(buffer, TOKEN, start=last + lead_in, gap=0.005)
        assert buffer.feed_enter(last + 0.005) == TOKEN


def test_junk_is_cleared_after_two_seconds_of_silence() -> None:
    buffer = ScanBuffer(accept_typed=True, clear_after=2.0)
    _, last = type_text(buffer, "abcdefgh", start=0.0, gap=0.3)
    assert buffer.poll(last + 1.0) is None and buffer.pending == "abcdefgh"
    assert buffer.poll(last + 2.1) is None and buffer.pending == ""
    assert buffer.feed_enter(last + 2.2) is None


def test_short_burst_and_auto_repeat_are_not_codes() -> None:
    buffer = ScanBuffer(min_length=6)
    _, last = type_text(buffer, "ABC", start=0.0, gap=0.005)
    assert buffer.feed_enter(last + 0.005) is None
    _, last = type_text(buffer, "a" * 30, start=5.0, gap=0.033)  # a held key
    assert buffer.poll(last + 1.0) is None


def test_token_shape() -> None:
    assert looks_like_badge_token(TOKEN)
    assert not looks_like_badge_token(TOKEN.lower())
    assert not looks_like_badge_token("SMM1:ABC")


def test_diagnosis_ok() -> None:
    diagnosis = diagnose_scanner_input(TOKEN + "\r", ended_with_enter=True, mean_gap_ms=5.0)
    assert diagnosis.code is ScannerIssue.OK and diagnosis.issues == () and diagnosis.text == TOKEN


def test_diagnosis_russian_layout_and_no_enter() -> None:
    raw = RUSSIAN_TOKEN_PREFIX + "ФИСВ" * 30
    diagnosis = diagnose_scanner_input(raw, ended_with_enter=False, mean_gap_ms=4.0)
    assert diagnosis.issues == (ScannerIssue.RUSSIAN_LAYOUT, ScannerIssue.NO_ENTER)
    assert diagnosis.text == "SMM1:" + "ABCD" * 30


def test_diagnosis_caps_lock_in_both_layouts() -> None:
    latin = diagnose_scanner_input(TOKEN.swapcase(), ended_with_enter=True, mean_gap_ms=4.0)
    assert latin.issues == (ScannerIssue.CAPS_LOCK,) and latin.text == TOKEN
    russian = diagnose_scanner_input("ыьь1ж" + "фисв" * 30, ended_with_enter=True, mean_gap_ms=4.0)
    assert russian.issues == (ScannerIssue.RUSSIAN_LAYOUT, ScannerIssue.CAPS_LOCK)
    assert russian.text == "SMM1:" + "ABCD" * 30


def test_diagnosis_slow_and_garbled() -> None:
    slow = diagnose_scanner_input(TOKEN, ended_with_enter=True, mean_gap_ms=120.0)
    assert slow.code is ScannerIssue.SLOW
    garbled = diagnose_scanner_input("0x41 0x42 0x43", ended_with_enter=True, mean_gap_ms=4.0)
    assert garbled.code is ScannerIssue.GARBLED
