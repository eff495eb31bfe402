"""The core never loads Qt: every module of editor/ imports in a fresh interpreter without it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import editor

REPO = Path(__file__).resolve().parents[2]


def _core_modules() -> list[str]:
    names = ["editor"]
    for info in pkgutil.walk_packages(editor.__path__, prefix="editor."):
        if ".migrations.versions" in info.name or info.name.endswith("migrations.env"):
            continue  # Alembic loads these itself, inside a migration context
        names.append(info.name)
    return names


def test_every_core_module_imports_without_qt() -> None:
    modules = _core_modules()
    assert "editor.storage" in modules and "editor.services.articles" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('PySide6', 'shiboken6', 'qtawesome', 'pytestqt', 'ui'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"the core loaded Qt or ui: {result.stdout}"


def test_the_command_line_does_not_load_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from main import main\n"
        f"code = main(['--db', {str(tmp_path / 'n.sqlite3')!r}, 'articles'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "NOQT"
