"""Workspaces made by each released schema's own code (fixtures/, see make_workspace.py) open
with today's code: upgraded to the newest revision, every row kept, backed up first, readable."""

from __future__ import annotations

import datetime as dt
import lzma
import sqlite3
from pathlib import Path

import pytest

from smm_event.services.checkin import desk_counts, list_scans
from smm_event.services.participants import list_participants
from smm_event.storage import migrate
from smm_event.workspace import open_workspace

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("workspace-*.sqlite3.xz"))
FIRST_DAY = dt.date(2026, 5, 12)  # make_workspace.py's demo and check-ins


def _keys(path: Path) -> dict[str, set[tuple[object, ...]]]:
    """Every table's primary keys (the whole row where a table has none)."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        found = {}
        for table in tables:
            columns = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            key = [row[1] for row in sorted(columns, key=lambda row: row[5]) if row[5]]
            selected = ", ".join(f'"{name}"' for name in key) if key else "*"
            found[table] = set(connection.execute(f'SELECT {selected} FROM "{table}"'))
        return found
    finally:
        connection.close()


def _columns(path: Path, table: str) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    finally:
        connection.close()


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def test_every_released_schema_has_a_fixture() -> None:
    released = {path.name.split("-")[1].split(".")[0] for path in RELEASED}
    # No code ever had 0005 as its head after 0004 (fixtures/README.md).
    assert {"0001", "0002", "0003", "0004", "0007", "0006"} <= released


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda path: path.name.split(".")[0])
def test_an_old_workspace_upgrades_keeping_every_row(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite3"
    path.write_bytes(lzma.decompress(fixture.read_bytes()))
    old_revision = _revision(path)
    assert fixture.name.startswith(f"workspace-{old_revision}")
    before = _keys(path)
    assert len(before["participant"]) == 210 and before["change_log"]  # made WITH data

    had_withdrawal = "withdrawn" in _columns(path, "participant")

    with open_workspace(path) as ws:
        people = list_participants(ws, include_withdrawn=True)
        withdrawn = [person for person in people if person.withdrawn]
        annulled = before.get("checkin_annulment", set())
        if annulled:  # the annulled admission no longer counts at the desk
            assert len(list_scans(ws, FIRST_DAY)) == 5
            assert desk_counts(ws, FIRST_DAY, with_absent=False).arrived == 4
    assert len(people) == 210
    assert all(person.surname for person in people)
    assert len(withdrawn) == had_withdrawal  # the one withdrawn person stays withdrawn

    assert _revision(path) == migrate.head_revision()
    after = _keys(path)
    for table, keys in before.items():
        assert table in after, f"table {table} vanished"
        assert keys <= after[table], f"rows lost from {table}"
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    if old_revision == migrate.head_revision():  # today's head: opened as it is, no backup
        assert backups == [] and after == before
    else:
        assert len(backups) == 1 and _keys(backups[0]) == before  # the untouched copy
