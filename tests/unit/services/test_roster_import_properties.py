"""No file makes the roster import crash or half-import: either a UserError and nothing
changed, or exactly the reported people were created or updated."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.services import event_setup, participants, roster_import
from smm_event.workspace import Workspace, open_workspace

HEADER = "Фамилия;Имя;Отчество;Телефон;E-mail;Балл входного теста;Организация\n"
cell = st.text(alphabet=st.sampled_from(list("АаБбЁёИй -'.@;,\"0123456789+()xyz\t")), max_size=14)
row = st.lists(cell, min_size=0, max_size=8).map(lambda cells: ";".join(cells))

_WORKSPACE: dict[str, Workspace] = {}


def _workspace() -> Workspace:
    if "ws" not in _WORKSPACE:
        folder = Path(tempfile.mkdtemp(prefix="smm-prop-"))
        ws = open_workspace(folder / "p.sqlite3")
        event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
        _WORKSPACE["ws"] = ws
    return _WORKSPACE["ws"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(row, max_size=12),
    raw=st.binary(max_size=64),
    skip=st.booleans(),
    header=st.booleans(),
)
def test_import_is_all_or_nothing(rows: list[str], raw: bytes, skip: bool, header: bool) -> None:
    ws = _workspace()
    before = {p.id: p for p in participants.list_participants(ws)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        text = (HEADER if header else "") + "\n".join(rows)
        path.write_bytes(text.encode("cp1251", errors="replace") + raw)
        try:
            report = roster_import.import_roster(ws, path, skip_invalid=skip)
        except UserError:
            assert {p.id: p for p in participants.list_participants(ws)} == before
            return
    after = {p.id: p for p in participants.list_participants(ws)}
    if not report.applied:
        assert after == before
    else:
        assert len(after) == len(before) + report.created
        changed = [pid for pid in before if after[pid] != before[pid]]
        assert len(changed) <= report.updated
