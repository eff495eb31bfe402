"""Alembic environment: used by the application and by `alembic` on the command line."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from editor.models import Base

config = context.config
target_metadata = Base.metadata

# Full-text search tables are created by hand-written migrations and maintained
# by the search module; autogenerate must never try to drop or alter them.
SEARCH_TABLE_PREFIXES = ("search_", "fts_")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (type_ == "table" and name and name.startswith(SEARCH_TABLE_PREFIXES))


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise SystemExit("set sqlalchemy.url (or use the application, which migrates itself)")
        engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
