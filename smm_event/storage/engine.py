"""SQLite engines for a laptop's workspace, tuned so that a saved scan survives a power cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

# Waiting this long for another process's write (the CLI while the GUI runs) beats failing.
BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling would defer BEGIN; we issue BEGIN ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL fsyncs the WAL on every commit: the screen shows "saved" only after that.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def sqlite_engine(path: Path, immediate: bool) -> Engine:
    """``immediate`` engines take the write lock at BEGIN, so a read-then-write transaction
    never fails half-way with SQLITE_BUSY when another process writes too."""
    # Pooled connections: opening one costs ~0.5 ms (pragmas included), more than a lookup.
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin_sql)

    return engine
