"""Typed errors for a user's mistakes. The core never formats UI text: each error carries a
stable ``code`` and parameters; the CLI and ``ui/`` turn them into sentences."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Something the user can fix (bad file, wrong argument, missing key). Never a bug."""

    code: str = "user_error"
    exit_code: int = 1

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(self.code, params)

    def __str__(self) -> str:
        if not self.params:
            return self.code
        details = ", ".join(f"{key}={value}" for key, value in self.params.items())
        return f"{self.code}: {details}"


class NotFound(UserError):
    code = "not_found"


class InvalidInput(UserError):
    code = "invalid_input"
    exit_code = 2
