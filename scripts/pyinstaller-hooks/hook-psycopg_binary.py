# Replaces pyinstaller-hooks-contrib's hook, which names psycopg_binary._uuid unconditionally:
# only newer psycopg-binary releases have that module, so the build warned that it was missing.
# The package cannot be imported on its own (it wants psycopg first), so its extension modules
# are listed from its folder instead of by importing it.
import importlib.util
from pathlib import Path

_spec = importlib.util.find_spec("psycopg_binary")
_folders = list(_spec.submodule_search_locations or []) if _spec else []
hiddenimports = sorted(
    {
        f"psycopg_binary.{path.name.split('.')[0]}"
        for folder in _folders
        for path in Path(folder).iterdir()
        if path.suffix in (".so", ".pyd", ".py") and not path.name.startswith("__")
    }
)
