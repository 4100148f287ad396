"""Files this program writes are readable by their owner only, and a workspace that is not a
whole SQLite database is refused instead of being silently replaced by an empty one.

Workspaces hold personal data (names, phones, e-mails) and signing keys: on a shared laptop
another account must not read them. The entry points set the process umask to 077 (every file
and folder created afterwards, PDFs and exports included, is 0600/0700); opening a workspace
also narrows the modes of one made earlier, and SQLite gives its ``-wal``/``-shm`` files the
main file's mode. Windows has no such modes; its per-user profile folders are private already.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smm_event.errors import UserError

OWNER_ONLY_UMASK = 0o077
SQLITE_MAGIC = b"SQLite format 3\x00"
_POSIX = os.name == "posix"


def restrict_umask() -> None:
    """For the CLI and the GUI processes: what they create is the owner's only."""
    if _POSIX:
        os.umask(OWNER_ONLY_UMASK)


def make_private(path: Path) -> None:
    """chmod 0600 a file this user owns, and its SQLite companions if present."""
    if not _POSIX:
        return
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            info = candidate.stat()
            if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
                candidate.chmod(0o600)
        except OSError:
            continue  # absent, or not ours: nothing to narrow


def create_private(path: Path) -> None:
    """Create an empty file 0600 from the start (no moment when it is world-readable)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def newest_backup(path: Path) -> Path | None:
    """The most recent backup of this workspace that is itself a whole SQLite file."""
    folder = path.parent / "backups"
    try:
        candidates = sorted(
            folder.glob(f"{path.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True
        )
    except OSError:
        return None
    return next((candidate for candidate in candidates if _problem(candidate) is None), None)


def check_workspace_file(path: Path) -> None:
    """Refuse an existing file that is empty, not SQLite, or shorter than its header says."""
    problem = _problem(path)
    if problem is not None:
        raise damaged(path, problem)


def damaged(path: Path, reason: str) -> UserError:
    backup = newest_backup(path)
    if backup is None:
        return UserError("workspace_damaged", path=str(path), reason=reason)
    return UserError("workspace_damaged_backup", path=str(path), reason=reason, backup=str(backup))


def _problem(path: Path) -> str | None:
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError as error:
        return f"unreadable: {error.strerror}"
    if size == 0:
        return "empty file"
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size % page_size or (pages and size < pages * page_size):
        return "truncated"
    return None
