"""Every test runs with its own data folder, settings and database file.

Like novelWriter's suite: an autouse fixture points everything the
application would write (data directory, Qt settings) at a temporary folder
before each test, so no test touches a developer's real newsroom.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.storage import Newsroom, open_newsroom

# Offscreen unless a test asks for a real X server; set before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED_PAGE = REPO / "seeds" / "pages" / "000_tokyo_rare_earths.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "data").mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("MIDAD_DB", raising=False)
    monkeypatch.delenv("MIDAD_LANG", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsroom.sqlite3"


@pytest.fixture
def newsroom(db_path: Path) -> Iterator[Newsroom]:
    """A seeded newsroom on a real SQLite file."""
    nr = open_newsroom(str(db_path))
    yield nr
    nr.close()


@pytest.fixture
def empty_newsroom(db_path: Path) -> Iterator[Newsroom]:
    nr = open_newsroom(str(db_path), seed=False)
    yield nr
    nr.close()
