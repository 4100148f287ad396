"""Where the CLI gets the signing key's passphrase: a file, the environment, or a person.

Scripts use ``--passphrase-file`` or ``SMM_EVENT_KEY_PASSPHRASE``; a person at a terminal is
asked without echo. With none of these (a script without a TTY) the command fails at once
instead of hanging on a prompt nobody sees.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from smm_event.errors import UserError

ENV_VARIABLE = "SMM_EVENT_KEY_PASSPHRASE"
NEW_ENV_VARIABLE = "SMM_EVENT_NEW_KEY_PASSPHRASE"  # the passphrase of the key ``rotate`` makes


def add_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"read the key passphrase from FILE (or set {ENV_VARIABLE})",
    )


def add_new_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"the new key's passphrase from FILE (or set {NEW_ENV_VARIABLE})",
    )


def read_new_passphrase(file: Path | None) -> str:
    """The passphrase of a rotated key: never silently the old one (a rotation often follows a
    leak); a person is asked twice."""
    if file is not None:
        return _from_file(file)
    from_env = os.environ.get(NEW_ENV_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError("new_passphrase_required")
    passphrase = getpass.getpass("New key passphrase: ")
    if getpass.getpass("Repeat the new passphrase: ") != passphrase:
        raise UserError("passphrases_differ")
    return passphrase


def read_passphrase(file: Path | None, confirm: bool = False) -> str:
    """``confirm`` asks a person twice (a new key): a typo would lock the key forever."""
    if file is not None:
        return _from_file(file)
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError("passphrase_required")
    return _prompt(confirm)


def _from_file(file: Path) -> str:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("file_not_found", path=str(file)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError("unreadable_file", path=str(file), reason=str(error)) from None
    # Only the line break an editor adds is dropped: spaces may be part of the passphrase.
    passphrase = text.splitlines()[0] if text.splitlines() else ""
    if not passphrase:
        raise UserError("empty_passphrase_file", path=str(file))
    return passphrase


def _prompt(confirm: bool) -> str:
    passphrase = getpass.getpass("Key passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != passphrase:
        raise UserError("passphrases_differ")
    return passphrase
