"""Alembic migrations, run by the application itself at start-up.

Opening a database that is already current must stay cheap: importing Alembic
and reading its script folder costs most of a second, so the known revisions
are listed here and Alembic is loaded only to migrate. A test checks this list
against the script folder; add each new revision to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

HERE = Path(__file__).resolve().parent
# Full-text search tables are created by hand-written migrations and maintained
# by the search module; autogenerate must never try to drop or alter them.
SEARCH_TABLE_PREFIXES = ("search_", "fts_")

# Every revision in order, oldest first; the last is the head.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def is_known(revision: str) -> bool:
    return revision in REVISIONS


def current_revision(conn: Connection) -> str | None:
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), target)


def script_revisions() -> list[str]:
    """The revisions Alembic's script folder holds, oldest first (for the test)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Autogenerate's filter: everything but the search tables."""
    return not (type_ == "table" and name and name.startswith(SEARCH_TABLE_PREFIXES))
