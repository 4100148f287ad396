"""Developer script: refresh the .ts catalogues from the tr() calls under ui/.

    python -m ui.update_translations          # then translate the new entries in Qt Linguist
    python -m ui.update_translations --check  # exit 1 if a .ts is out of date or unfinished

``smm_event_ru.ts`` holds every string; ``smm_event_en.ts`` only the plural forms, because the
English source text "%n participant(s)" needs "participant"/"participants" too. Locations are
left out so that moving code does not churn the catalogues.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from smm_event.paths import install_root, resource_path
from ui.i18n import CATALOG, lupdate_command

CATALOGUES = {"ru": ("ru_RU", []), "en": ("en_GB", ["-pluralonly"])}


def ts_path(language: str) -> Path:
    return resource_path("translations", f"{CATALOG}_{language}.ts")


def run_lupdate(target: Path, language: str) -> None:
    locale, extra = CATALOGUES[language]
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
        str(install_root() / "ui"),
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


def check(language: str) -> list[str]:
    """Problems with the committed catalogue: strings lupdate would add, or untranslated."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / ts_path(language).name
        shutil.copyfile(ts_path(language), fresh)
        run_lupdate(fresh, language)
        before = {m.findtext("source") for m in ET.parse(ts_path(language)).iter("message")}
        after = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
        problems = [f"not in {ts_path(language).name}: {text!r}" for text in after - before]
        problems += [f"no longer used: {text!r}" for text in before - after]
        problems += [f"untranslated: {text!r}" for text in unfinished(fresh)]
        return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    if args.check:
        problems = [problem for language in CATALOGUES for problem in check(language)]
        print("\n".join(problems) or "translations are up to date")
        return 1 if problems else 0
    for language in CATALOGUES:
        run_lupdate(ts_path(language), language)
        todo = unfinished(ts_path(language))
        print(f"{ts_path(language).name}: {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
