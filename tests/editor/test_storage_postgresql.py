"""Opening, refusing and locking newsrooms on a real PostgreSQL server.

The SQLite counterparts (a text file, another program's file, a newer
schema, a locked file) are in test_storage.py; these are the server's own:
a wrong URL, a server that is down, wrong credentials, a database that does
not exist, another program's database, a newer schema. Each gets a clear
message, never shows the password, and changes nothing.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import insert, text

from editor import migrations
from editor.errors import (
    DatabaseLocked,
    DatabaseTooNew,
    NotAMidadDatabase,
    StorageError,
    StorageUnavailable,
)
from editor.models import Section
from editor.services.articles import ArticleDraft
from editor.storage import open_newsroom, resolve_database_url
from main import main
from tests.conftest import PostgresDatabases
from tests.pg_server import PASSWORD, SUPERUSER

pytestmark = pytest.mark.postgresql


def _snapshot(databases: PostgresDatabases, name: str) -> list[tuple[object, ...]]:
    """Every table with its row count and the schema revision: what "unchanged" means."""
    with psycopg.connect(databases.server.dsn(name)) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        found: list[tuple[object, ...]] = []
        for table in tables:
            count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            found.append((table, count[0] if count else None))
        if "alembic_version" in tables:
            found.extend(conn.execute("SELECT version_num FROM alembic_version").fetchall())
        return found


@pytest.fixture
def database(postgres: PostgresDatabases) -> Iterator[str]:
    name, _url = postgres.create()
    yield name
    postgres.server.drop_database(name)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_new_database_is_migrated_seeded_and_searchable(
    postgres: PostgresDatabases, database: str
) -> None:
    nr = open_newsroom(postgres.server.url(database))
    try:
        assert nr.created and nr.backend == "postgresql"
        with nr.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
        assert len(nr.articles.list_ids()) >= 12
        assert nr.search.search("الصين").total > 0
        assert not nr.search.needs_rebuild()
        assert PASSWORD not in nr.location and "***" in nr.location
    finally:
        nr.close()
    again = open_newsroom(postgres.server.url(database))
    try:
        assert not again.created
    finally:
        again.close()


def test_the_environment_variable_takes_a_url(
    postgres: PostgresDatabases, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # postgresql:// alone means Midad's driver.
    url = postgres.server.url(database).replace("postgresql+psycopg://", "postgresql://")
    monkeypatch.setenv("MIDAD_DB", url)
    assert resolve_database_url(None).drivername == "postgresql+psycopg"
    nr = open_newsroom(None, seed=False)
    try:
        assert nr.articles.list_ids() == []
    finally:
        nr.close()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql+psycopg://midad:secret@127.0.0.1:port/db", "not a database url"),
        ("mysql://midad:secret@127.0.0.1/midad", "sqlite or postgresql"),
        ("postgresql+psycopg://midad:secret@127.0.0.1:5432", "names no database"),
        ("postgresql+pg8000://midad:secret@127.0.0.1/midad", "cannot open"),
    ],
    ids=["unreadable", "another-engine", "no-database", "unknown-driver"],
)
def test_a_wrong_url_is_refused_without_showing_the_password(url: str, words: str) -> None:
    with pytest.raises(StorageUnavailable) as caught:
        open_newsroom(url)
    assert words in str(caught.value).lower()
    assert "secret" not in str(caught.value)


def test_a_server_that_is_down_gets_a_clear_message() -> None:
    url = f"postgresql+psycopg://{SUPERUSER}:{PASSWORD}@127.0.0.1:{_closed_port()}/midad"
    with pytest.raises(StorageUnavailable) as caught:
        open_newsroom(url)
    assert "cannot reach the postgresql server" in str(caught.value).lower()
    assert PASSWORD not in str(caught.value)


def test_wrong_credentials_get_a_clear_message_and_change_nothing(
    postgres: PostgresDatabases, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(postgres, database)
    wrong = postgres.server.url(database, password="not-the-password")
    with pytest.raises(StorageUnavailable) as caught:
        open_newsroom(wrong)
    assert "user name or password" in str(caught.value)
    assert "not-the-password" not in str(caught.value)
    # The command line says it in one line, without the password either.
    assert main(["--db", wrong, "articles"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("midad: ") and len(err.strip().splitlines()) == 1
    assert "not-the-password" not in err
    assert _snapshot(postgres, database) == before == []


def test_a_database_that_does_not_exist_is_named(postgres: PostgresDatabases) -> None:
    with pytest.raises(StorageUnavailable) as caught:
        open_newsroom(postgres.server.url("no_such_newsroom"))
    assert "no database" in str(caught.value) and "no_such_newsroom" in str(caught.value)
    assert PASSWORD not in str(caught.value)


def test_another_programs_database_is_refused_and_left_untouched(
    postgres: PostgresDatabases, database: str
) -> None:
    postgres.server.execute("CREATE TABLE recipes (id serial PRIMARY KEY, name text)", database)
    postgres.server.execute("INSERT INTO recipes (name) VALUES ('كبسة')", database)
    before = _snapshot(postgres, database)
    with pytest.raises(NotAMidadDatabase) as caught:
        open_newsroom(postgres.server.url(database))
    assert "another program" in str(caught.value)
    assert PASSWORD not in str(caught.value)
    assert _snapshot(postgres, database) == before


def test_a_database_from_a_newer_midad_is_refused_and_left_untouched(
    postgres: PostgresDatabases, database: str
) -> None:
    open_newsroom(postgres.server.url(database), seed=False).close()
    postgres.server.execute(
        "UPDATE alembic_version SET version_num = '9999_from_the_future'", database
    )
    before = _snapshot(postgres, database)
    with pytest.raises(DatabaseTooNew) as caught:
        open_newsroom(postgres.server.url(database))
    assert "newer" in str(caught.value)
    assert _snapshot(postgres, database) == before


def test_an_older_database_is_migrated_through_every_revision(
    postgres: PostgresDatabases, database: str
) -> None:
    """Each migration runs on PostgreSQL, one after another, over existing rows."""
    from editor.storage import create_newsroom_engine

    engine = create_newsroom_engine(resolve_database_url(postgres.server.url(database)))
    migrations.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('newsroom_id', '\"old\"')"))
        conn.execute(
            text(
                "INSERT INTO users (login, display_name, role, email, active, created)"
                " VALUES ('admin', '', 'admin', '', true, '2025-01-01')"
            )
        )
    engine.dispose()
    nr = open_newsroom(postgres.server.url(database))
    try:
        with nr.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
        assert not nr.created and nr.backup_path is None
        made = nr.articles.create(ArticleDraft(headline="خبر بعد الترقية"))
        assert made.new_id is not None
        # The newsroom as it was is kept beside it on the server, in a schema of its own.
        assert nr.backup_location is not None and PASSWORD not in nr.backup_location
        schema = nr.backup_location.rsplit("(schema ", 1)[1].rstrip(")")
        assert schema.startswith("midad_before_0001_")
        with nr.engine.connect() as conn:
            kept = conn.execute(text(f'SELECT version_num FROM "{schema}".alembic_version'))
            assert kept.scalar() == "0001"
            users = conn.execute(text(f'SELECT login FROM "{schema}".users')).scalars().all()
            assert users == ["admin"]
    finally:
        nr.close()
    # Opening it again finds it current: no second copy.
    again = open_newsroom(postgres.server.url(database))
    assert again.backup_location is None
    again.close()


def test_writes_wait_for_each_other_and_say_so_when_too_long(
    postgres: PostgresDatabases,
) -> None:
    """Two desks on one database: a write waits for the other's; past the timeout, a message."""
    _name, url = postgres.create("empty")
    first = open_newsroom(url)
    second = open_newsroom(url, busy_timeout_ms=200)
    try:
        with first.write() as session:
            session.execute(
                insert(Section).values(
                    name="محليات", slug="local", position=0, description="", slug_manual=False
                )
            )
            with pytest.raises(DatabaseLocked) as caught:
                second.sections.find_or_create("رياضة")
            assert "busy" in str(caught.value) and PASSWORD not in str(caught.value)
            # Reading is never held up by a write.
            assert second.sections.tree() is not None
        made = second.sections.find_or_create("رياضة")
        assert made.new_id is not None
        names = {s.name for s in first.sections.tree()}
        assert {"محليات", "رياضة"} <= names
    finally:
        first.close()
        second.close()


def test_ids_given_before_writing_do_not_collide_with_the_servers(
    postgres: PostgresDatabases,
) -> None:
    """Sections get their id before they are written; rows added by id later follow on."""
    _name, url = postgres.create("empty")
    nr = open_newsroom(url)
    try:
        first = nr.sections.find_or_create("اقتصاد").new_id
        with nr.write() as session:
            added = session.execute(
                insert(Section)
                .values(name="ثقافة", slug="culture", position=5, description="", slug_manual=False)
                .returning(Section.id)
            ).scalar_one()
        assert first is not None and added > first
        assert nr.sections.find_or_create("رياضة").new_id == added + 1
    finally:
        nr.close()


def test_a_storage_error_is_a_storage_error(postgres: PostgresDatabases) -> None:
    # Everything above is refused as a StorageError, which the interface and
    # the command line show as a message: none escapes as a driver error.
    url = f"postgresql+psycopg://{SUPERUSER}:{PASSWORD}@127.0.0.1:{_closed_port()}/x"
    with pytest.raises(StorageError):
        open_newsroom(url)


def test_connection_options_in_the_url_reach_the_driver(postgres: PostgresDatabases) -> None:
    """TLS and other libpq options travel in the URL's query, untouched."""
    _name, url = postgres.create("empty")
    nr = open_newsroom(url + "?sslmode=disable")
    nr.close()
    # This server offers no TLS: asking for it must fail, and say where.
    with pytest.raises(StorageUnavailable) as caught:
        open_newsroom(url + "?sslmode=require")
    assert PASSWORD not in str(caught.value)
