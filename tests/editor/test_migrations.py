"""The migration history: linear, listed for cheap start-up, and what autogenerate sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from editor import migrations
from editor.migrations import include_object
from editor.models import Base, CommentStatus
from editor.storage import open_newsroom
from tests.conftest import PostgresDatabases


def test_the_listed_revisions_are_the_script_folder() -> None:
    assert migrations.script_revisions() == list(migrations.REVISIONS)


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    """Upgrading an empty file gives the schema the models describe: nothing to autogenerate."""
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrations.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


@pytest.mark.postgresql
def test_migrations_build_exactly_the_models_on_postgresql(postgres: PostgresDatabases) -> None:
    """The same history on a PostgreSQL server: nothing to autogenerate there either."""
    name, url = postgres.create()
    engine = create_engine(url)
    try:
        migrations.upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_object": include_object, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
            tables = set(inspect(conn).get_table_names())
            assert {"search_article_entries", "search_comment_entries", "search_pending"} <= tables
    finally:
        engine.dispose()
        postgres.server.drop_database(name)


def _engine_for(db_path: Any) -> Engine:
    return create_engine(db_path if isinstance(db_path, str) else f"sqlite:///{db_path}")


def test_0009_moves_every_status_to_the_queue_rows_and_back(db_path: Any) -> None:
    """A newsroom with comments in every queue: up and down again, nothing changes queue."""
    newsroom = open_newsroom(str(db_path))
    try:
        pending = newsroom.comments.list_ids(CommentStatus.PENDING)
        for status, ids in zip(
            (CommentStatus.SPAM, CommentStatus.TRASH, CommentStatus.APPROVED),
            (pending[:2], pending[2:3], pending[3:4]),
            strict=True,
        ):
            newsroom.comments.decide(ids, status)
        queues = {status: newsroom.comments.list_ids(status) for status in CommentStatus}
    finally:
        newsroom.close()
    assert all(queues.values())

    engine = _engine_for(db_path)
    try:
        command.downgrade(migrations.alembic_config(engine), "0008")
        with engine.connect() as conn:
            assert "comment_states" not in inspect(conn).get_table_names()
            found = conn.execute(text("SELECT id, status FROM comments")).all()
        assert {cid: CommentStatus(status) for cid, status in found} == {
            cid: status for status, ids in queues.items() for cid in ids
        }
    finally:
        engine.dispose()

    newsroom = open_newsroom(str(db_path))  # upgrades to the head again
    try:
        assert {status: newsroom.comments.list_ids(status) for status in CommentStatus} == queues
        with newsroom.read() as session:
            columns = {c["name"] for c in inspect(session.connection()).get_columns("comments")}
        assert "status" not in columns
    finally:
        newsroom.close()
