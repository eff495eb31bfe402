"""Opening a newsroom database: where it lives, checks, migrations, sessions.

``open_newsroom`` is the one door to storage. It refuses a file that is not a
Midad database or that a newer Midad wrote, copies an existing database aside
before migrating it, and hands out read and write sessions whose driver errors
come back as errors a person can act on.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Engine, create_engine, inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from editor import credentials, pg_backend, sqlite_backend
from editor.errors import (
    DatabaseTooNew,
    MidadError,
    NotAMidadDatabase,
    StorageError,
    StorageUnavailable,
)
from editor.models import Role, Setting, User

if TYPE_CHECKING:
    from editor.interchange import InterchangeService
    from editor.search.service import SearchService
    from editor.services.articles import ArticleService
    from editor.services.comments import CommentService
    from editor.services.dictionary import DictionaryService
    from editor.services.moderation import ModerationService
    from editor.services.sections import SectionService
    from editor.services.settings import SettingsService
    from editor.services.tags import TagService
    from editor.services.taxonomy import TaxonomyService
    from editor.services.users import UserService
    from editor.workflow.locks import LockService
    from editor.workflow.service import WorkflowService

ENV_DATABASE = "MIDAD_DB"
DATABASE_FILENAME = "midad.sqlite3"
# Set in every Midad database at creation; a database without it is foreign.
NEWSROOM_ID_KEY = "newsroom_id"
BACKENDS = ("sqlite", "postgresql")


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("midad", appauthor=False))


def resolve_database_url(target: str | None = None) -> URL:
    """`--db` wins, then $MIDAD_DB, then the user's data directory.

    A value with ``://`` is a database URL; anything else is a file path.
    """
    value = target or os.environ.get(ENV_DATABASE) or ""
    if "://" in value:
        return _database_url(value)
    path = Path(value).expanduser() if value else default_data_dir() / DATABASE_FILENAME
    return URL.create("sqlite+pysqlite", database=str(path.resolve()))


def _database_url(value: str) -> URL:
    """A URL Midad can open, or a clear refusal (that never repeats a password)."""
    try:
        url = make_url(value)
        backend = url.get_backend_name()
    except (ArgumentError, ValueError) as exc:
        shown = value.split("://", 1)[0] + "://…"
        raise StorageUnavailable(
            f"{shown} is not a database URL Midad can read; write"
            " postgresql+psycopg://USER@HOST:PORT/DATABASE or a file path",
            url=shown,
        ) from exc
    if backend not in BACKENDS:
        raise StorageUnavailable(
            f"Midad keeps a newsroom in SQLite or PostgreSQL, not {backend}:"
            f" {url.render_as_string(hide_password=True)}",
            url=url.render_as_string(hide_password=True),
        )
    if backend == "postgresql":
        url = pg_backend.normalize_url(url)
        if not url.database:
            raise StorageUnavailable(
                f"{url.render_as_string(hide_password=True)} names no database; add /DATABASE",
                url=url.render_as_string(hide_password=True),
            )
    return url


@dataclass(frozen=True)
class Actor:
    """Who the core acts for: permissions and the audit trail read it."""

    user_id: int | None
    login: str
    role: Role
    display_name: str = ""

    @property
    def name(self) -> str:
        return self.display_name or self.login


class Newsroom:
    """An open newsroom database and the services that work on it."""

    def __init__(self, engine: Engine, url: URL, *, created: bool) -> None:
        self.engine = engine
        self.url = url
        self.backend = url.get_backend_name()
        self.created = created
        self.backup_path: Path | None = None
        # Where the copy taken before an upgrade is: the file, or the server's schema.
        self.backup_location: str | None = None
        self.actor: Actor = Actor(None, "system", Role.ADMIN)
        # Identifies this running application, e.g. as the holder of edit locks.
        self.session_token = uuid.uuid4().hex
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=engine.execution_options(midad_write=True), expire_on_commit=False
        )
        # Other desks hear of every committed write (PostgreSQL LISTEN/NOTIFY);
        # calling this stops it (the benchmark's baseline).
        self.stop_notifying: Callable[[], None] | None = None
        if self.backend == "postgresql":
            from editor import live

            self.stop_notifying = live.install(self)

    @property
    def location(self) -> str:
        """The database as a person would name it (a path, or a URL without password)."""
        if self.backend == "sqlite":
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            try:
                yield session
            except DBAPIError as exc:
                raise self._translate(exc) from exc
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._write() as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                raise self._translate(exc) from exc
            except BaseException:
                session.rollback()
                raise

    def _translate(self, exc: DBAPIError) -> BaseException:
        backend = sqlite_backend if self.backend == "sqlite" else pg_backend
        return backend.translate_error(exc, self.location) or exc

    def act_as(self, login: str) -> Actor:
        """Make the core act for an existing user (the sign-in issue adds passwords)."""
        with self.read() as session:
            user = session.scalar(select(User).where(User.login == login))
            if user is None:
                raise MidadError(f"There is no user {login!r}", login=login)
            self.actor = Actor(user.id, user.login, user.role, user.display_name)
        return self.actor

    def close(self) -> None:
        self.engine.dispose()

    # Services, by noun. Imported lazily: each module imports storage for typing.
    @property
    def articles(self) -> ArticleService:
        from editor.services.articles import ArticleService

        return ArticleService(self)

    @property
    def sections(self) -> SectionService:
        from editor.services.sections import SectionService

        return SectionService(self)

    @property
    def tags(self) -> TagService:
        from editor.services.tags import TagService

        return TagService(self)

    @property
    def taxonomy(self) -> TaxonomyService:
        from editor.services.taxonomy import TaxonomyService

        return TaxonomyService(self)

    @property
    def comments(self) -> CommentService:
        from editor.services.comments import CommentService

        return CommentService(self)

    @property
    def moderation(self) -> ModerationService:
        from editor.services.moderation import ModerationService

        return ModerationService(self)

    @property
    def users(self) -> UserService:
        from editor.services.users import UserService

        return UserService(self)

    @property
    def workflow(self) -> WorkflowService:
        from editor.workflow.service import WorkflowService

        return WorkflowService(self)

    @property
    def locks(self) -> LockService:
        from editor.workflow.locks import LockService

        return LockService(self)

    @property
    def dictionary(self) -> DictionaryService:
        from editor.services.dictionary import DictionaryService

        return DictionaryService(self)

    @property
    def interchange(self) -> InterchangeService:
        from editor.interchange import InterchangeService

        return InterchangeService(self)

    @property
    def settings(self) -> SettingsService:
        from editor.services.settings import SettingsService

        return SettingsService(self)

    @property
    def search(self) -> SearchService:
        from editor.search.service import SearchService

        return SearchService(self)


def _prepare_sqlite_path(url: URL) -> Path:
    path = Path(str(url.database))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageUnavailable(
            f"Cannot create the data folder {path.parent}: {exc.strerror or exc}",
            path=str(path.parent),
        ) from exc
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageUnavailable(
            f"The data folder {path.parent} is not writable; choose another with --db",
            path=str(path.parent),
        )
    if path.is_dir():
        raise NotAMidadDatabase(f"{path} is a folder, not a Midad database", path=str(path))
    sqlite_backend.check_file_is_sqlite(path)
    return path


def create_newsroom_engine(url: URL, *, busy_timeout_ms: int = 5000) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url)
        sqlite_backend.configure_engine(engine, busy_timeout_ms)
        return engine
    # Only the engine holds a password from the keyring; the URL shown stays without.
    url = credentials.fill_password(url)
    engine = create_engine(url, **pg_backend.engine_arguments(url))
    pg_backend.configure_engine(engine, busy_timeout_ms)
    return engine


def open_newsroom(
    target: str | URL | None = None,
    *,
    seed: bool = True,
    busy_timeout_ms: int = 5000,
) -> Newsroom:
    """Open (creating, migrating and seeding as needed) the newsroom database."""
    if isinstance(target, URL):
        url = _database_url(target.render_as_string(hide_password=False))
    else:
        url = resolve_database_url(target)
    path = _prepare_sqlite_path(url) if url.get_backend_name() == "sqlite" else None
    try:
        engine = create_newsroom_engine(url, busy_timeout_ms=busy_timeout_ms)
    except (ArgumentError, ImportError) as exc:
        where = url.render_as_string(hide_password=True)
        raise StorageUnavailable(
            f"Midad cannot open {where}: {exc}; use postgresql+psycopg://", url=where
        ) from exc
    try:
        newsroom = _open(engine, url, path, seed=seed)
    except DBAPIError as exc:
        # On SQLite only an operational error is about the file; on a server any
        # driver error here (no right to create tables, ...) is the server's answer.
        if path and not isinstance(exc, OperationalError):
            engine.dispose()
            raise
        engine.dispose()
        where = str(path) if path else url.render_as_string(hide_password=True)
        backend = sqlite_backend if path else pg_backend
        mapped = backend.translate_error(exc, where)
        # The driver's text is left out for a server: it may quote the connection string.
        detail = f": {exc.orig}" if path else ""
        raise (mapped or StorageError(f"Cannot open {where}{detail}", where=where)) from exc
    except BaseException:
        engine.dispose()
        raise
    return newsroom


def _open(engine: Engine, url: URL, path: Path | None, *, seed: bool) -> Newsroom:
    from editor import migrations as mig

    where = str(path) if path else url.render_as_string(hide_password=True)
    if path is not None:
        tables, current, newsroom_id = sqlite_backend.inspect_file(path)
    else:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = mig.current_revision(conn) if "alembic_version" in tables else None
            newsroom_id = None
            if "settings" in tables:
                newsroom_id = conn.execute(
                    select(Setting.value).where(Setting.key == NEWSROOM_ID_KEY)
                ).scalar()
            conn.rollback()

    created = not tables
    if not created and (current is None or newsroom_id is None):
        raise NotAMidadDatabase(
            f"{where} holds another program's data, not a Midad newsroom; it was left untouched",
            path=where,
        )
    if current is not None and not mig.is_known(current):
        raise DatabaseTooNew(
            f"{where} was written by a newer Midad (schema {current}); update Midad to open it."
            " The database was left untouched",
            path=where,
            revision=current,
        )

    newsroom = Newsroom(engine, url, created=created)
    if created:
        mig.upgrade(engine)
        with newsroom.write() as session:
            session.add(Setting(key=NEWSROOM_ID_KEY, value=uuid.uuid4().hex))
            session.add(User(login="admin", display_name="", role=Role.ADMIN))
        if seed:
            from editor.seeding import load_seed_newsroom

            load_seed_newsroom(newsroom)
        # A new newsroom is small: its search index is built now, in a moment.
        newsroom.search.rebuild()
    elif current != mig.head_revision():
        if path is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}.before-{current}-{stamp}{path.suffix}")
            sqlite_backend.backup_file(path, backup)
            newsroom.backup_path = backup
            newsroom.backup_location = str(backup)
            mig.upgrade(engine)
        else:
            schema = pg_backend.upgrade_with_backup(
                engine, mig.upgrade, mig.current_revision, mig.head_revision()
            )
            if schema is not None:
                newsroom.backup_location = f"{where} (schema {schema})"
    newsroom.actor = _initial_actor(newsroom)
    return newsroom


GUEST = Actor(None, "", Role.GUEST)


def _initial_actor(newsroom: Newsroom) -> Actor:
    """Until sign-in is set up (no admin has a password) the desk is single-user and
    acts as its admin; after that, nobody may change anything before signing in."""
    if not newsroom.users.needs_first_admin():
        return GUEST
    with newsroom.read() as session:
        user = session.scalar(
            select(User).where(User.role == Role.ADMIN).order_by(User.id).limit(1)
        )
        return Actor(user.id, user.login, user.role, user.display_name) if user else GUEST


__all__ = [
    "Actor",
    "Newsroom",
    "StorageError",
    "default_data_dir",
    "open_newsroom",
    "resolve_database_url",
]
