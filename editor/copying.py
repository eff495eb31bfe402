"""Moving a newsroom to another database (``main.py copy-to URL``): copied, verified, resumable.

The target must be empty, or a copy of this same newsroom that was stopped
half-way. Its tables are made by the same migrations, then every table of
the models is copied in foreign-key order, a batch per transaction, each
batch keyed by primary key: a stopped copy goes on from the last batch it
committed. References from a table to itself (a section's parent, a reply's
comment) are written in a second pass, so that rows never wait for a parent
written later. Then both sides are compared table by table, row count and a
checksum of every row in key order, and only when all agree is the target
given the newsroom's id: until then Midad refuses to open it as a newsroom.
The search index is rebuilt on the target at the end.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import DBAPIError

from editor import pg_backend, sqlite_backend
from editor.errors import Cancelled, StorageError
from editor.models import Base
from editor.permissions import Action, require
from editor.progress import CancelCheck, Progress, ProgressCallback, Ticker

if TYPE_CHECKING:
    from editor.storage import Newsroom

__all__ = ["CopyReport", "TableCopy", "copy_newsroom"]

BATCH = 2_000
# Marks a copy in progress (and whose): removed when the newsroom id goes in.
COPYING_KEY = "copying_from"


class CopyRefused(StorageError):
    code = "copy_refused"


class CopyMismatch(StorageError):
    code = "copy_mismatch"


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    copied: int  # by this run (fewer than rows when resuming)
    checksum: str

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "rows": self.rows,
            "copied": self.copied,
            "checksum": self.checksum,
        }


@dataclass(frozen=True)
class CopyReport:
    target: str
    tables: tuple[TableCopy, ...]
    resumed: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "resumed": self.resumed,
            "verified": True,
            "tables": [t.to_json() for t in self.tables],
        }


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _key(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def _self_references(table: Table) -> list[str]:
    return sorted(fk.parent.name for fk in table.foreign_keys if fk.column.table is table)


def _canonical(value: Any) -> Any:
    """One spelling of a value on every backend, for the checksum."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """Rows and a digest of every row in key order (the newsroom's own id left out)."""
    from editor.storage import NEWSROOM_ID_KEY

    digest = hashlib.sha256()
    count = 0
    columns = sorted(table.columns, key=lambda c: c.name)
    query = select(*columns).order_by(*_key(table))
    if table.name == "settings":
        query = query.where(table.c.key.not_in([NEWSROOM_ID_KEY, COPYING_KEY]))
    for row in conn.execute(query).yield_per(BATCH):
        line = json.dumps([_canonical(v) for v in row], ensure_ascii=False, sort_keys=True)
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()[:16]


def _batches(conn: Connection, table: Table, after: Sequence[Any] | None) -> Iterator[list[Any]]:
    key = _key(table)
    while True:
        query = select(table).order_by(*key).limit(BATCH)
        if after is not None:
            query = query.where(tuple_(*key) > tuple_(*after))
        rows = conn.execute(query).mappings().all()
        if not rows:
            return
        yield [dict(row) for row in rows]
        after = [rows[-1][c.name] for c in key]


def _last_key(conn: Connection, table: Table) -> list[Any] | None:
    key = _key(table)
    row = conn.execute(select(*key).order_by(*(c.desc() for c in key)).limit(1)).first()
    return list(row) if row is not None else None


def _newsroom_id(conn: Connection) -> Any:
    from editor.models import Setting
    from editor.storage import NEWSROOM_ID_KEY

    return conn.scalar(select(Setting.value).where(Setting.key == NEWSROOM_ID_KEY))


def _prepare_target(engine: Engine, source_id: Any, where: str) -> bool:
    """Make the target's tables, or check it is this newsroom's stopped copy; True if resuming."""
    from editor import migrations as mig
    from editor.models import Setting

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        marker = None
        if "settings" in tables:
            if _newsroom_id(conn) is not None:
                raise CopyRefused(
                    f"{where} already holds a newsroom; copy into an empty database",
                    target=where,
                )
            marker = conn.scalar(select(Setting.value).where(Setting.key == COPYING_KEY))
        current = mig.current_revision(conn) if "alembic_version" in tables else None
        conn.rollback()
    if not tables:
        mig.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(insert(Setting).values(key=COPYING_KEY, value=source_id))
        return False
    if marker != source_id:
        raise CopyRefused(
            f"{where} is not empty and not a stopped copy of this newsroom; it was left untouched",
            target=where,
        )
    if current != mig.head_revision():
        raise CopyRefused(
            f"{where} holds a stopped copy made by another Midad (schema {current}); empty it"
            " and copy again",
            target=where,
        )
    return True


def copy_newsroom(
    newsroom: Newsroom,
    target: str,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> CopyReport:
    """Copy ``newsroom`` into the empty database ``target`` (a URL); see the module docstring."""
    from editor import storage

    require(newsroom.actor.role, Action.MANAGE_USERS)
    url = storage.resolve_database_url(target)
    where = url.render_as_string(hide_password=True)
    if url == newsroom.url:
        raise CopyRefused("The newsroom cannot be copied onto itself", target=where)
    engine = storage.create_newsroom_engine(url)
    ticker = Ticker(progress, cancelled)
    try:
        with newsroom.engine.connect() as source:
            source_id = _newsroom_id(source)
            source.rollback()
        try:
            resumed = _prepare_target(engine, source_id, where)
            copied = _copy_tables(newsroom.engine, engine, ticker)
            tables = _verify(newsroom.engine, engine, copied, where)
            _finish(engine, source_id)
        except Cancelled:
            raise Cancelled(
                f"The copy to {where} was stopped; run copy-to again to go on where it stopped",
                target=where,
            ) from None
        except DBAPIError as exc:
            backend = sqlite_backend if url.get_backend_name() == "sqlite" else pg_backend
            mapped = backend.translate_error(exc, where)
            raise (mapped or StorageError(f"Copying to {where} failed: {exc.orig}")) from exc
    finally:
        engine.dispose()
    copy = storage.open_newsroom(url, seed=False)
    try:
        copy.search.rebuild()
    finally:
        copy.close()
    ticker.tick(lambda: Progress(1, 1, stage="done"), force=True)
    return CopyReport(where, tables, resumed)


def _copy_tables(source: Engine, target: Engine, ticker: Ticker) -> dict[str, int]:
    from editor.storage import NEWSROOM_ID_KEY

    copied: dict[str, int] = {}
    with source.connect() as src:
        totals = {t.name: int(src.scalar(_count(t)) or 0) for t in _tables()}
        grand = sum(totals.values())
        done = 0
        for table in _tables():
            copied[table.name] = 0
            with target.connect() as dst:
                after = _last_key(dst, table)
                dst.rollback()
            deferred = _self_references(table)
            for rows in _batches(src, table, after):
                ticker.check()
                if table.name == "settings":
                    rows = [r for r in rows if r["key"] not in (NEWSROOM_ID_KEY, COPYING_KEY)]
                with target.begin() as dst:
                    if rows:
                        dst.execute(
                            table.insert(), [{**r, **dict.fromkeys(deferred)} for r in rows]
                        )
                copied[table.name] += len(rows)
                done += len(rows)
                ticker.tick(_progress(min(done, grand), grand, table.name))
            if deferred:
                _link(src, target, table, deferred, ticker)
        src.rollback()
    return copied


def _link(
    src: Connection, target: Engine, table: Table, columns: list[str], ticker: Ticker
) -> None:
    """The second pass: references of a table to itself (safe to run again)."""
    key = _key(table)[0]
    refs = [table.c[c] for c in columns]
    rows = src.execute(
        select(key, *refs).where(or_(*(c.is_not(None) for c in refs))).order_by(key)
    ).all()
    for start in range(0, len(rows), BATCH):
        ticker.check()
        with target.begin() as dst:
            for row in rows[start : start + BATCH]:
                dst.execute(
                    update(table)
                    .where(key == row[0])
                    .values({c: row[i + 1] for i, c in enumerate(columns)})
                )


def _progress(done: int, total: int, stage: str) -> Callable[[], Progress]:
    return lambda: Progress(done, total, stage=stage)


def _count(table: Table) -> Any:
    return select(func.count()).select_from(table)


def _verify(
    source: Engine, target: Engine, copied: dict[str, int], where: str
) -> tuple[TableCopy, ...]:
    found: list[TableCopy] = []
    with source.connect() as src, target.connect() as dst:
        for table in _tables():
            mine = _checksum(src, table)
            theirs = _checksum(dst, table)
            if mine != theirs:
                raise CopyMismatch(
                    f"The copy of {table.name} in {where} differs from the newsroom"
                    f" ({mine[0]} rows here, {theirs[0]} there); run copy-to again",
                    table=table.name,
                )
            found.append(TableCopy(table.name, mine[0], copied.get(table.name, 0), mine[1]))
        src.rollback()
        dst.rollback()
    return tuple(found)


def _finish(target: Engine, source_id: Any) -> None:
    from editor.models import Setting
    from editor.storage import NEWSROOM_ID_KEY

    with target.begin() as conn:
        conn.execute(delete(Setting).where(Setting.key == COPYING_KEY))
        conn.execute(insert(Setting).values(key=NEWSROOM_ID_KEY, value=source_id))
