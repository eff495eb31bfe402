"""One seeded newsroom shared by a module's read-only search tests (opening one costs seconds)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from editor.storage import Newsroom, open_newsroom


@pytest.fixture(scope="module")
def seeded(database_factory: Callable[[str], object]) -> Iterator[Newsroom]:
    newsroom = open_newsroom(str(database_factory("seeded")))
    yield newsroom
    newsroom.close()
