"""A workspace: one event's SQLite database on one laptop, and the device it represents."""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from smm_event.errors import UserError
from smm_event.paths import default_workspace_path
from smm_event.private_files import check_workspace_file, create_private, damaged, make_private
from smm_event.storage import changes, migrate
from smm_event.storage.engine import sqlite_engine
from smm_event.storage.local_models import LocalState
from smm_event.storage.models import Device
from smm_event.storage.station_keys import ensure_station_key
from smm_event.trust.ripening import release_ripe
from smm_event.trust.roles import forget_own_roles, refuse_outside_role
from smm_event.trust.upgrade import adopt_unchained_log

changes.install_role_guard(refuse_outside_role, forget_own_roles)

DEFAULT_DEVICE_NAME = "Ноутбук"


@dataclass
class Workspace:
    path: Path
    write_engine: Engine
    read_engine: Engine
    device_id: uuid.UUID
    _writer: sessionmaker[Session]
    _reader: sessionmaker[Session]
    # Writers in this process take turns here rather than in SQLite's busy handler, which
    # sleeps up to 100 ms between tries: a scan queued behind a sync batch starts the moment
    # the batch commits. Reentrant, so a helper opening a transaction inside one still works.
    _write_lock: threading.RLock = field(default_factory=threading.RLock)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits (durably) on success, rolls back on any error. A full
        disk or a folder turned read-only is a ``UserError``; the workspace stays as it was."""
        try:
            with self._write_lock, self._writer() as session, session.begin():
                yield session
        except OperationalError as error:
            raise storage_failure(self.path, error) from error

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only snapshot that never blocks a writer (WAL)."""
        with self._reader() as session, session.begin():
            yield session

    def close(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_workspace(path: Path | None = None, device_name: str | None = None) -> Workspace:
    """Open (creating if needed) and upgrade a workspace. A schema upgrade of an existing
    workspace is preceded by a backup next to it, under ``backups/``."""
    path = (path or default_workspace_path()).expanduser().resolve()
    if path.is_dir():
        raise UserError("workspace_is_folder", path=str(path))
    existed = path.exists()
    if existed:
        # A 0-byte or cut file would otherwise become a new, empty workspace with a new device.
        check_workspace_file(path)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not existed:
            create_private(path)
    except OSError as error:
        raise UserError("workspace_unwritable", path=str(path), reason=str(error)) from error
    write_engine = sqlite_engine(path, immediate=True)
    read_engine = sqlite_engine(path, immediate=False)
    try:
        _upgrade(path, write_engine, existed)
        device_id = _ensure_local_state(write_engine, device_name)
        make_private(path)
    except OperationalError as error:
        write_engine.dispose()
        read_engine.dispose()
        raise storage_failure(path, error) from error
    except Exception:
        write_engine.dispose()
        read_engine.dispose()
        raise
    return Workspace(
        path=path,
        write_engine=write_engine,
        read_engine=read_engine,
        device_id=device_id,
        _writer=sessionmaker(write_engine, expire_on_commit=False),
        _reader=sessionmaker(read_engine, expire_on_commit=False),
    )


def _upgrade(path: Path, engine: Engine, existed: bool) -> None:
    from alembic.util.exc import CommandError

    try:
        if not migrate.needs_upgrade(engine):
            return
        if existed:
            migrate.backup_sqlite(path, path.parent / "backups", "before-upgrade")
        migrate.upgrade(engine)
    except OperationalError:
        raise  # a full disk or a read-only folder: the file itself may be fine
    except DatabaseError as error:
        raise damaged(path, str(error.orig)) from error
    except CommandError as error:
        # A revision this build does not know: the workspace was made by a newer version.
        raise UserError("workspace_from_newer_version", path=str(path)) from error


def _ensure_local_state(engine: Engine, device_name: str | None) -> uuid.UUID:
    with sessionmaker(engine)() as session, session.begin():
        state = session.get(LocalState, 1)
        existing = state is not None
        if state is None:
            state = LocalState(
                id=1, device_id=uuid.uuid4(), last_seq=0, hlc_wall_ms=0, hlc_counter=0
            )
            session.add(state)
            session.flush()
            ensure_station_key(session, state.device_id)
            changes.record(
                session, "device", state.device_id, {"name": device_name or DEFAULT_DEVICE_NAME}
            )
        else:
            ensure_station_key(session, state.device_id)
            adopt_unchained_log(session)
            release_ripe(session)  # far-future edits whose time has come
        if device_name and existing:
            current = session.get(Device, state.device_id)
            if current is None or current.name != device_name:
                changes.record(session, "device", state.device_id, {"name": device_name})
        return state.device_id


# SQLite result codes (the primary code is the low byte of the extended one).
_SQLITE_FULL, _SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_IOERR = 13, 8, 14, 10


def storage_failure(path: Path, error: OperationalError) -> Exception:
    """The UserError for a write the disk refused, or the error itself when it is another."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_FULL:
        return UserError("workspace_disk_full", path=str(path))
    if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_IOERR):
        return UserError("workspace_read_only", path=str(path), reason=str(error.orig))
    return error


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
