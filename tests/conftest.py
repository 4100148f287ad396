"""Shared fixtures: throwaway workspaces and throwaway PostgreSQL databases."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import settings

from smm_event.badges import keys as badge_keys
from tests.support.keyring import MemoryKeyring

# New keys cost 2**17 in production (~1 s under CI load); the tests make hundreds. The cost is
# stored in each key and read back from it, so every code path stays the same.
badge_keys._SCRYPT_LOG2_N = 15

# In CI the property tests draw the same examples every run, so a submission's verdict does not
# depend on luck; locally they explore new examples each time (and remember failures).
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

POSTGRES_ADMIN_URL = os.environ.get(
    "SMM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
DEMO_FIRST_DAY = dt.date(2026, 5, 12)


@pytest.fixture
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Signing keys sealed with a cheap scrypt cost: the cost is stored in the envelope, so it
    round-trips the same way, and only tests of the default cost pay the real ~0.1 s."""
    from smm_event.badges import keys as key_envelope

    monkeypatch.setattr(key_envelope, "_SCRYPT_LOG2_N", 10)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "event.sqlite3"


@pytest.fixture
def empty_workspace(workspace_path: Path) -> Iterator[object]:
    from smm_event.workspace import open_workspace

    with open_workspace(workspace_path, device_name="Тест") as ws:
        yield ws


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo workspace built per test run; tests get copies (building it takes a second)."""
    from smm_event.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo(path, seed=7, first_day=DEMO_FIRST_DAY)
    return path


@pytest.fixture
def demo_workspace(demo_template: Path, tmp_path: Path) -> Iterator[object]:
    import shutil

    from smm_event.workspace import open_workspace

    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    with open_workspace(target) as ws:
        yield ws


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"PostgreSQL at 127.0.0.1:5432 not reachable: {reason}")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh database on the local PostgreSQL, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    name = f"smm_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        admin.dispose()
        _postgres_unavailable(str(error.orig).strip().splitlines()[0])
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
