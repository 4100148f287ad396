"""Station settings: defaults, round trip, damaged files and atomic writes."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path

import pytest

from smm_event.station import (
    StationSettings,
    load_station_settings,
    save_station_settings,
    to_toml,
)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_station_settings(tmp_path / "station.toml")
    assert settings == StationSettings()
    assert settings.language == "ru"
    assert not settings.damaged


def test_round_trip_keeps_every_field_including_awkward_text(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "station.toml"
    original = StationSettings(
        desk_name='Стойка "1" \\ вход',
        operator_name="Д'Артаньян Ёлкина\tоглы",
        language="en",
        camera_index=2,
        printer_name="HP LaserJet (этаж 2)",
        central_url="postgresql://smm@10.0.0.5/smm",
        last_workspace=r"C:\Users\Оператор\event.sqlite3",
    )
    save_station_settings(original, path)
    loaded = load_station_settings(path)
    assert loaded == original
    assert not loaded.damaged


def test_written_file_is_valid_toml_without_the_damaged_flag() -> None:
    data = tomllib.loads(to_toml(StationSettings(desk_name="Стойка 2", damaged=True)))
    assert data["desk_name"] == "Стойка 2"
    assert "damaged" not in data


@pytest.mark.parametrize(
    "content",
    [
        b'desk_name = "unterminated\n',
        b"\xff\xfe\x00garbage",
        b"[[[",
    ],
)
def test_damaged_file_gives_defaults_and_the_flag(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "station.toml"
    path.write_bytes(content)
    settings = load_station_settings(path)
    assert settings.damaged
    assert dataclasses.replace(settings, damaged=False) == StationSettings()


def test_bad_values_are_replaced_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    path.write_text(
        'desk_name = "Стойка 3"\nlanguage = "de"\ncamera_index = true\n'
        'printer_name = 5\nfuture_option = "x"\n',
        encoding="utf-8",
    )
    settings = load_station_settings(path)
    assert settings.desk_name == "Стойка 3"
    assert settings.language == "ru"
    assert settings.camera_index == 0
    assert settings.printer_name == ""
    assert settings.damaged


def test_unknown_keys_alone_are_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    path.write_text('camera_index = 1\nadded_in_v2 = "x"\n', encoding="utf-8")
    settings = load_station_settings(path)
    assert settings.camera_index == 1
    assert not settings.damaged


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station.toml"
    save_station_settings(StationSettings(desk_name="Старая"), path)

    def broken_replace(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_station_settings(StationSettings(desk_name="Новая"), path)
    monkeypatch.undo()
    assert load_station_settings(path).desk_name == "Старая"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["station.toml"]
