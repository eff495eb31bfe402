"""One seeded newsroom shared by a module's read-only search tests (opening one costs seconds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from editor.storage import Newsroom, open_newsroom


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    newsroom = open_newsroom(str(tmp_path_factory.mktemp("seeded") / "newsroom.sqlite3"))
    yield newsroom
    newsroom.close()
