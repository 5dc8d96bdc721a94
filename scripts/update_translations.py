"""Refresh the translation files of the user interface.

    .venv/bin/python scripts/update_translations.py          # update .ts, compile .qm
    .venv/bin/python scripts/update_translations.py --check  # fail if anything is stale

Step 1 runs pyside6-lupdate over desktop_app/ui, which adds new source strings to
resources/translations/lika_{sv,nb,en}.ts (keeping existing translations, dropping
strings the code no longer has). Translate the new entries (Qt Linguist:
.venv/bin/pyside6-linguist), then run the script again: step 2 runs pyside6-lrelease to
compile every .ts (also the hand-written qt_nb.ts) into the .qm files the app loads.
English is the source language, so lika_en.ts only holds plural forms.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop_app" / "ui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("sv", "nb", "en")


def tool(name: str) -> str:
    """A Qt tool from the same environment as this Python (PySide6-Essentials)."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return [str(path) for path in sorted(SOURCES.rglob("*.py"))]


def lupdate(ts: Path, language: str) -> None:
    command = [
        tool("lupdate"),
        *sources(),
        "-ts",
        str(ts),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        language,
    ]
    if language == "en":
        command.append("-pluralonly")
    subprocess.run(command, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


def stale() -> list[str]:
    """What --check finds: .ts files that miss source strings, .qm files that differ
    from what lrelease makes of their .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as work:
        for language in LANGUAGES:
            ts = FOLDER / f"lika_{language}.ts"
            copy = Path(work) / ts.name
            shutil.copy(ts, copy)
            lupdate(copy, language)
            if copy.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} is not up to date with the source code")
        for ts in sorted(FOLDER.glob("*.ts")):
            qm = Path(work) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{committed.name} is older than {ts.name}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(FOLDER / f"lika_{language}.ts", language)
    for ts in sorted(FOLDER.glob("*.ts")):
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"wrote {ts.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
