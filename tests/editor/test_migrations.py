"""The migration history: linear, listed for cheap start-up, and what autogenerate sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from editor import migrations
from editor.migrations import include_object
from editor.models import Base
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
