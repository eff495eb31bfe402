"""Every test runs with its own data folder, settings and database.

Like novelWriter's suite: an autouse fixture points everything the
application would write (data directory, Qt settings) at a temporary folder
before each test, so no test touches a developer's real newsroom.

Backends: every core and command-line test (tests/editor) that asks for a
database (``db_path``, ``newsroom``, ``empty_newsroom`` or ``backend``) runs
twice, ``[sqlite]`` on a file and ``[postgresql]`` on a real server the run
starts itself (``tests/pg_server.py``). A test about the SQLite file itself is
marked ``@pytest.mark.sqlite_only("why")``; one about the server itself
``@pytest.mark.postgresql``. ``MIDAD_TEST_BACKENDS=sqlite`` runs SQLite only.
The interface tests (tests/ui) run on SQLite, except the modules marked
``both_backends`` (the main window, the desks several people share), which run
on both like the core.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest
from keyring.backends import fail

from editor.storage import NEWSROOM_ID_KEY, Newsroom, open_newsroom
from tests.secret_service import SecretService

# Offscreen unless a test asks for a real X server; set before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED_PAGE = REPO / "seeds" / "pages" / "000_tokyo_rare_earths.txt"
ALL_BACKENDS = ("sqlite", "postgresql")
BACKENDS = tuple(
    b
    for b in os.environ.get("MIDAD_TEST_BACKENDS", ",".join(ALL_BACKENDS)).split(",")
    if b in ALL_BACKENDS
) or ("sqlite",)
# Tests below this folder run on every backend; the rest (the interface) on SQLite.
BOTH_BACKENDS_UNDER = REPO / "tests" / "editor"
DATABASE_FIXTURES = {"backend", "db_path", "newsroom", "empty_newsroom", "database_factory"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not DATABASE_FIXTURES & set(metafunc.fixturenames):
        return
    under_core = BOTH_BACKENDS_UNDER in Path(str(metafunc.definition.path)).parents
    if not under_core and not metafunc.definition.get_closest_marker("both_backends"):
        return  # the ``backend`` fixture below: SQLite, test ids unchanged
    backends = BACKENDS
    if metafunc.definition.get_closest_marker("sqlite_only"):
        backends = ("sqlite",)
    # Session scope: module fixtures (a shared seeded newsroom) follow the backend too.
    metafunc.parametrize("backend", backends, ids=list(backends), scope="session")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "postgresql" in BACKENDS:
        return
    skipped = [item for item in items if item.get_closest_marker("postgresql")]
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture(scope="session")
def backend() -> str:
    """The database backend; parametrized for tests/editor (``pytest_generate_tests``)."""
    return "sqlite"


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


# -- SQLite: a newsroom a test, copied from one made once ------------------------


class SqliteTemplates:
    """Newsroom files made once a run by ``open_newsroom``, copied for each test.

    Creating and seeding a newsroom costs a few tenths of a second; copying the
    closed file (its log folded in) a millisecond. The copy is the same state,
    under its own newsroom id. Creating itself is still tested: by the tests
    that open an empty ``db_path`` themselves.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._made: dict[str, Path] = {}

    def copy_to(self, kind: str, path: Path) -> Path:
        if kind not in self._made:
            template = self._folder / f"{kind}.sqlite3"
            open_newsroom(str(template), seed=kind == "seeded").close()
            self._made[kind] = template
        shutil.copyfile(self._made[kind], path)
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute(
                "UPDATE settings SET value = ? WHERE key = ?",
                (json.dumps(uuid.uuid4().hex), NEWSROOM_ID_KEY),
            )
            conn.commit()
        return path


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplates:
    return SqliteTemplates(tmp_path_factory.mktemp("templates"))


# -- PostgreSQL: one server a run, a database a test -----------------------------


class PostgresDatabases:
    """Fresh databases on the run's server: empty, or copied from a prepared template.

    One worker thread makes the next database of each kind while a test runs,
    and drops used ones: a test waits for neither (the server does the work).
    """

    def __init__(self) -> None:
        from tests.pg_server import PostgresServer

        self.server = PostgresServer().start()
        self._templates: dict[str, str] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-pg")
        self._next: dict[str | None, Future[tuple[str, str]]] = {}

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)
        self.server.stop()

    def template(self, kind: str) -> str:
        """A template database holding a newsroom: "seeded" or "empty" (migrated only)."""
        if kind not in self._templates:
            name = self.server.new_name(f"template_{kind}")
            self.server.create_database(name)
            newsroom = open_newsroom(self.server.url(name), seed=kind == "seeded")
            newsroom.close()
            self.server.mark_template(name)
            self._templates[kind] = name
        return self._templates[kind]

    def create(self, kind: str | None = None) -> tuple[str, str]:
        """(name, URL) of a new database: empty, or a copy of the ``kind`` template."""
        template = self.template(kind) if kind else "template0"
        ready = self._next.pop(kind, None)
        made = ready.result() if ready is not None else self._make(template, kind)
        self._next[kind] = self._worker.submit(self._make, template, kind, self.server.new_name())
        return made

    def drop(self, name: str) -> None:
        self._worker.submit(self.server.drop_database, name)

    def _make(self, template: str, kind: str | None, name: str | None = None) -> tuple[str, str]:
        name = name or self.server.new_name()
        self.server.create_database(name, template)
        if kind:
            # Each copy is its own newsroom, as each new SQLite file is.
            self.server.execute(
                f"UPDATE settings SET value = '\"{uuid.uuid4().hex}\"'"
                f" WHERE key = '{NEWSROOM_ID_KEY}'",
                name,
            )
        return name, self.server.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases()
    yield databases
    databases.close()


@pytest.fixture(scope="session")
def database_factory(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str | None], Any]:
    """Makes a new database target for this backend: a file Path, or a URL string.

    ``kind`` None gives an empty database; "seeded" or "empty" one that already
    holds a seeded (or an empty) newsroom, as ``open_newsroom`` would leave it.
    """
    if backend == "sqlite":
        templates: SqliteTemplates = request.getfixturevalue("sqlite_templates")

        def sqlite_target(kind: str | None = None) -> Any:
            path = tmp_path_factory.mktemp("db") / "newsroom.sqlite3"
            return templates.copy_to(kind, path) if kind else path

        return sqlite_target
    databases: PostgresDatabases = request.getfixturevalue("postgres")
    made: list[str] = []

    def pg_target(kind: str | None = None) -> Any:
        name, url = databases.create(kind)
        made.append(name)
        return url

    def drop_all() -> None:
        for name in made:
            databases.drop(name)

    request.addfinalizer(drop_all)
    return pg_target


@pytest.fixture
def db_path(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Where the test's newsroom lives: a file path on SQLite, a URL string on PostgreSQL.

    Either goes to ``open_newsroom(str(db_path))`` or ``--db``. It already holds
    the newsroom the test's fixtures ask for (``newsroom``: seeded,
    ``empty_newsroom``: empty), copied from a template; otherwise there is
    nothing there yet, for the test to create.
    """
    kind = None
    if "newsroom" in request.fixturenames:
        kind = "seeded"
    elif "empty_newsroom" in request.fixturenames:
        kind = "empty"
    if backend == "sqlite":
        path = tmp_path / "newsroom.sqlite3"
        if kind:
            request.getfixturevalue("sqlite_templates").copy_to(kind, path)
        yield path
        return
    databases: PostgresDatabases = request.getfixturevalue("postgres")
    name, url = databases.create(kind)
    yield url
    databases.drop(name)


@pytest.fixture
def newsroom(db_path: Any) -> Iterator[Newsroom]:
    """A seeded newsroom on a real SQLite file or PostgreSQL database."""
    nr = open_newsroom(str(db_path))
    yield nr
    nr.close()


@pytest.fixture
def empty_newsroom(db_path: Any) -> Iterator[Newsroom]:
    nr = open_newsroom(str(db_path), seed=False)
    yield nr
    nr.close()


# -- a real system keyring (GNOME Keyring on a private D-Bus) -----------------------


@pytest.fixture(scope="session")
def secret_service() -> Iterator[SecretService]:
    service = SecretService()
    yield service
    service.close()


@pytest.fixture
def desktop_keyring(
    secret_service: SecretService, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SecretService]:
    """This process uses the test session's keyring, as a desktop session would."""
    for name, value in secret_service.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    keyring.core.init_backend()
    yield secret_service
    monkeypatch.undo()
    # Back to what a session without a keyring has.
    keyring.set_keyring(fail.Keyring())
