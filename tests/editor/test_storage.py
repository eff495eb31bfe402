"""Opening, creating, migrating and refusing databases, on real SQLite files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from editor import migrations
from editor.errors import (
    DatabaseLocked,
    DatabaseTooNew,
    DiskFull,
    NotAMidadDatabase,
    StorageUnavailable,
)
from editor.services.articles import ArticleDraft
from editor.storage import (
    create_newsroom_engine,
    default_data_dir,
    open_newsroom,
    resolve_database_url,
)


def _digest(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.sqlite_only("the SQLite file's PRAGMAs (WAL, foreign keys, busy timeout)")
def test_new_database_is_wal_with_foreign_keys_and_migrated(db_path: Path) -> None:
    nr = open_newsroom(str(db_path), seed=False)
    try:
        with nr.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
            assert migrations.current_revision(conn) == migrations.head_revision()
        assert nr.created
    finally:
        nr.close()


def test_default_location_is_the_user_data_dir(isolated_home: Path) -> None:
    url = resolve_database_url(None)
    assert Path(str(url.database)).parent == default_data_dir()
    assert str(isolated_home / "data") in str(url.database)


def test_environment_variable_and_option(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MIDAD_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_database_url(None).database == str(tmp_path / "env.sqlite3")
    assert resolve_database_url(str(tmp_path / "opt.sqlite3")).database == str(
        tmp_path / "opt.sqlite3"
    )
    url = resolve_database_url("postgresql+psycopg://u@localhost/midad")
    assert url.get_backend_name() == "postgresql"


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("مسودة مقال، لا قاعدة بيانات\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NotAMidadDatabase) as caught:
        open_newsroom(str(path))
    assert str(path) in str(caught.value)
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_another_programs_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('كبسة')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAMidadDatabase):
        open_newsroom(str(path))
    assert _digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM recipes").fetchall() == [("كبسة",)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


@pytest.mark.sqlite_only("edits the SQLite file; test_storage_postgresql.py has the server's")
def test_a_database_from_a_newer_midad_is_refused(db_path: Path) -> None:
    open_newsroom(str(db_path), seed=False).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNew) as caught:
        open_newsroom(str(db_path))
    assert "newer" in str(caught.value)
    assert _digest(db_path) == before


@pytest.mark.sqlite_only(
    "the copy beside the SQLite file; test_storage_postgresql.py migrates a server's"
)
def test_an_older_database_is_copied_aside_then_migrated(db_path: Path) -> None:
    """A database left at the first migration, as an older Midad wrote it."""
    engine = create_newsroom_engine(resolve_database_url(str(db_path)))
    migrations.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('newsroom_id', '\"old\"')"))
        conn.execute(
            text(
                "INSERT INTO users (login, display_name, role, email, active, created)"
                " VALUES ('admin', '', 'admin', '', 1, '2025-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO articles (headline, standfirst, body_html, dateline_place,"
                " dateline_sources, byline, status, slug, created, updated, version)"
                " VALUES ('خبر قديم', '', '<p>نص</p>', 'القاهرة', '[]', '', 'draft', 'old',"
                " '2025-01-01', '2025-01-01', 1)"
            )
        )
    engine.dispose()
    assert migrations.head_revision() != "0001"

    nr = open_newsroom(str(db_path))
    try:
        assert nr.backup_path is not None and nr.backup_path.exists()
        backup = sqlite3.connect(nr.backup_path)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT headline FROM articles").fetchall() == [("خبر قديم",)]
        backup.close()
        with nr.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
        assert [r.headline for r in nr.articles.rows(nr.articles.list_ids())] == ["خبر قديم"]
        assert not nr.created  # an existing newsroom is never seeded
    finally:
        nr.close()


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageUnavailable):
        open_newsroom(str(blocker / "sub" / "midad.sqlite3"))


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings (key, value) VALUES ('locker', '1')")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.mark.sqlite_only(
    "locks the SQLite file from another process; test_storage_postgresql.py has the server's"
)
def test_a_locked_database_gets_a_clear_message_and_loses_nothing(db_path: Path) -> None:
    nr = open_newsroom(str(db_path), seed=False, busy_timeout_ms=200)
    nr.articles.create(ArticleDraft(headline="قبل القفل"))
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseLocked) as caught:
            nr.articles.create(ArticleDraft(headline="أثناء القفل"))
        assert "locked" in str(caught.value)
        # Reading still works while another desk writes (WAL).
        assert nr.articles.count() == 1
    finally:
        assert locker.stdin is not None
        locker.stdin.write("\n")
        locker.stdin.flush()
        locker.wait(10)
    nr.articles.create(ArticleDraft(headline="بعد القفل"))
    assert nr.articles.count() == 2
    nr.close()


@pytest.mark.sqlite_only("SQLite's max_page_count stands in for a full disk")
def test_a_full_disk_gets_a_clear_message_and_keeps_what_was_saved(db_path: Path) -> None:
    nr = open_newsroom(str(db_path), seed=False)
    first = nr.articles.create(ArticleDraft(headline="محفوظ", body_html="<p>نص</p>"))
    with nr.engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar()
    from sqlalchemy import event

    # SQLite's own limit on the file size behaves exactly like a full disk.
    @event.listens_for(nr.engine, "connect")
    def _cap(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    nr.engine.dispose()
    with pytest.raises(DiskFull) as caught:
        nr.articles.create(ArticleDraft(headline="كبير", body_html="<p>" + "ح" * 200_000 + "</p>"))
    assert "full" in str(caught.value)
    event.remove(nr.engine, "connect", _cap)
    nr.engine.dispose()
    assert nr.articles.count() == 1
    assert nr.articles.get(first.new_id or 0).headline == "محفوظ"
    nr.close()


def test_opening_twice_does_not_seed_twice(db_path: Path) -> None:
    nr = open_newsroom(str(db_path))
    count = nr.articles.count()
    nr.close()
    nr = open_newsroom(str(db_path))
    assert not nr.created
    assert nr.articles.count() == count
    nr.close()


def test_no_seed_gives_an_empty_newsroom(empty_newsroom) -> None:  # type: ignore[no-untyped-def]
    assert empty_newsroom.articles.count() == 0
    assert empty_newsroom.sections.tree() == []
