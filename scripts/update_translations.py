"""Developer script: refresh the .ts catalogues from the tr() calls under ui/.

    python scripts/update_translations.py          # then translate the new entries in Qt Linguist
    python scripts/update_translations.py --check  # exit 1 if a string is missing or unfinished

One catalogue per screen area (``AREAS``), so that people working on different screens never
edit the same file; the application compiles all of a language's catalogues into one .qm.
``*_ru.ts`` hold every string; ``*_en.ts`` only plural forms, because the English source text
"%n participant(s)" needs "participant"/"participants" too. Locations are left out so that
moving code does not churn the catalogues.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from smm_event.paths import install_root, resource_path
from ui.i18n import lupdate_command

LANGUAGES = {"ru": ("ru_RU", []), "en": ("en_GB", ["-pluralonly"])}
# Catalogue name -> the ui/ folders its strings come from. "smm_event" (the shell) takes every
# top-level ui/*.py plus the folders in SHELL_FOLDERS.
AREAS: dict[str, tuple[str, ...]] = {
    "desk": ("desk",),
    "common": ("common",),
    "attendance": ("attendance",),
    "badges": ("badges",),
    "sync": ("sync",),
    "certificates": ("certificates",),
    "dashboard": ("dashboard", "selection"),
    "organizer": ("schedule", "streams", "roster"),
    "stations": ("stations",),
    "outcomes": ("outcomes",),
}
SHELL = "smm_event"
SHELL_FOLDERS: tuple[str, ...] = ()
CATALOGUES = LANGUAGES  # kept for callers that iterate the languages


def ts_path(language: str, area: str = SHELL) -> Path:
    return resource_path("translations", f"{area}_{language}.ts")


def area_sources(area: str) -> list[Path]:
    ui = install_root() / "ui"
    if area != SHELL:
        return sorted({path for pattern in AREAS[area] for path in ui.glob(pattern)})
    claimed = {path for name in AREAS for path in area_sources(name)}
    top = [path for path in ui.glob("*.py") if path not in claimed]
    return sorted([*top, *(ui / folder for folder in SHELL_FOLDERS)])


def run_lupdate(sources: list[Path], target: Path, language: str) -> None:
    locale, extra = LANGUAGES[language]
    command = [
        *lupdate_command(),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en_GB",
        "-target-language",
        locale,
        *extra,
        *map(str, sources),
        "-ts",
        str(target),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing, empty or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(source)
            continue
        forms = [form.text for form in translation.iter("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text]
        if not texts or not all(text and text.strip() for text in texts):
            missing.append(source)
    return missing


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def check(language: str) -> list[str]:
    """Strings the code uses that no catalogue of ``language`` translates."""
    committed: dict[tuple[str, str], ET.Element] = {}
    done: set[tuple[str, str]] = set()
    for ts in sorted(resource_path("translations").glob(f"*_{language}.ts")):
        messages = _messages(ts)
        committed.update(messages)
        todo = set(unfinished(ts))
        done |= {key for key in messages if key[1] not in todo}
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"all_{language}.ts"
        run_lupdate([install_root() / "ui"], fresh, language)
        used = set(_messages(fresh))
    problems = [
        f"not in any {language} catalogue: {key[0]}: {key[1]!r}"
        for key in sorted(used - set(committed))
    ]
    problems += [f"untranslated: {key[1]!r}" for key in sorted((used & set(committed)) - done)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report, do not write")
    parser.add_argument("--area", choices=(SHELL, *AREAS), default=None, help="only this catalogue")
    args = parser.parse_args(argv)
    if args.check:
        problems = [problem for language in LANGUAGES for problem in check(language)]
        print("\n".join(problems) or "translations are up to date")
        return 1 if problems else 0
    for area in [args.area] if args.area else [SHELL, *AREAS]:
        sources = area_sources(area)
        for language in LANGUAGES:
            target = ts_path(language, area)
            if not sources or (language == "en" and not target.exists() and area != SHELL):
                continue
            run_lupdate(sources, target, language)
            print(f"{target.name}: {len(unfinished(target))} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
