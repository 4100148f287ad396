"""The registry of the core's error codes: every ``UserError`` code the core can raise, found
in its source, so that a test can demand a sentence for each in the GUI (Russian and English)
and a line in the CLI. Other engineers add codes in parallel; the test lists what is missing.

Found by reading the source (``ast``), not by running it:
- ``UserError("code", ...)``, ``NotFound("code")`` and any other subclass called with a literal;
- a subclass's class attribute ``code = "..."``;
- a literal passed where a function of the core takes a parameter named ``code`` (helpers such
  as ``parse_uuid(value, "bad_participant_id")``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

CORE = Path(__file__).resolve().parent
_BASES = {"UserError"}


@cache
def core_error_codes() -> dict[str, tuple[str, ...]]:
    """code -> the core modules (paths relative to the package) that raise it."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in CORE.rglob("*.py")}
    error_classes = _error_classes(list(trees.values()))
    helpers = _code_parameters(list(trees.values()))
    found: dict[str, set[str]] = {}
    for path, tree in trees.items():
        where = str(path.relative_to(CORE.parent))
        for code in _codes_in(tree, error_classes, helpers):
            found.setdefault(code, set()).add(where)
    return {code: tuple(sorted(paths)) for code, paths in sorted(found.items())}


def _error_classes(trees: Iterable[ast.Module]) -> set[str]:
    classes = set(_BASES)
    nodes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    changed = True
    while changed:  # subclasses of subclasses
        changed = False
        for node in nodes:
            bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
            if node.name not in classes and bases & classes:
                classes.add(node.name)
                changed = True
    return classes


def _code_parameters(trees: Iterable[ast.Module]) -> dict[str, int]:
    """Functions with a parameter named ``code``: name -> its position."""
    helpers: dict[str, int] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = [arg.arg for arg in node.args.args]
                if "code" in names and node.name != "__init__":
                    helpers[node.name] = names.index("code")
    return helpers


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _codes_in(tree: ast.Module, classes: set[str], helpers: dict[str, int]) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and {_name(b) for b in node.bases} & classes:
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "code" for t in statement.targets)
                    and (code := _literal(statement.value)) is not None
                ):
                    yield code
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in classes and node.args and (code := _literal(node.args[0])) is not None:
            yield code
        elif name in helpers:
            position = helpers[name] - (1 if isinstance(node.func, ast.Attribute) else 0)
            argument = node.args[position] if 0 <= position < len(node.args) else None
            keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
            if (code := _literal(argument) or _literal(keyword)) is not None:
                yield code
