"""Compile Midad's translations: every resources/translations/*.ts to a .qm beside it.

    python scripts/build_translations.py [--force]

Uses pyside6-lrelease from the virtual environment (the one running this script,
else the repository's .venv, else the PATH).  A .qm newer than its .ts is left
alone unless --force is given.  Prints nothing when nothing was compiled, else a
count; on failure prints lrelease's output and exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def find_lrelease() -> str | None:
    override = os.environ.get("MIDAD_LRELEASE")
    if override:
        return override
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        candidate = folder / "pyside6-lrelease"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def stale(ts: Path, qm: Path) -> bool:
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="compile even up-to-date files")
    args = parser.parse_args(argv)

    sources = sorted(TRANSLATIONS.glob("*.ts"))
    todo = [ts for ts in sources if args.force or stale(ts, ts.with_suffix(".qm"))]
    if not todo:
        return 0
    lrelease = find_lrelease()
    if lrelease is None:
        print("build_translations: pyside6-lrelease not found (is PySide6 installed?)")
        return 1
    for ts in todo:
        qm = ts.with_suffix(".qm")
        result = subprocess.run(
            [lrelease, str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.exists():
            qm.unlink(missing_ok=True)  # else the next run would take it as up to date
            print(f"build_translations: lrelease failed on {ts.relative_to(ROOT)}:")
            print(result.stdout + result.stderr, end="")
            return 1
        # lrelease may keep an unchanged .qm's old time: mark it as built now.
        qm.touch()
    print(f"compiled {len(todo)} of {len(sources)} translation files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
