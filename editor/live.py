"""Telling other desks what changed: PostgreSQL NOTIFY on commit, LISTEN in a thread.

Every write transaction on PostgreSQL collects what it touched (the ids of
the ORM rows it flushed, and whole kinds for bulk statements whose rows are
not known) and, just before committing, sends one ``NOTIFY midad_changes``
with a small JSON payload. NOTIFY is transactional: a rolled-back write
sends nothing, and other desks hear of a change only once it is visible.

A ``Listener`` keeps one dedicated connection doing ``LISTEN`` on a thread of
its own, decodes each notification into ``Changes`` and hands it to a
callback; it skips the notifications its own newsroom sent. When the
connection drops it says so, reconnects with backoff, listens again and says
it is back, so the interface can refresh everything it may have missed.
Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text

from editor.changes import Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from editor.storage import Newsroom

__all__ = [
    "CHANNEL",
    "EVERY_ID",
    "Listener",
    "Notice",
    "Touched",
    "decode",
    "encode",
    "install",
]

CHANNEL = "midad_changes"
# PostgreSQL refuses payloads of 8000 bytes or more; stay well under.
MAX_PAYLOAD = 7000
# Stands for "any row of this kind" in Changes.articles / .comments (ids start at 1).
EVERY_ID = 0
EVERY = frozenset({EVERY_ID})
# How often an idle listener checks that its connection is still alive, and
# the longest it waits between reconnection attempts.
HEARTBEAT_S = 5.0
MAX_BACKOFF_S = 5.0
WAIT_S = 0.25

_INFO_KEY = "midad_touched"
_FLUSHING_KEY = "midad_flushing"
# Anywhere in the statement: a CTE (WITH moved AS (UPDATE ...)) writes too.
_WRITE_STATEMENT = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
# Tables whose rows are one kind of Changes: the row's own id, or the id it belongs to.
_KIND_OF_TABLE = {
    "articles": "articles",
    "revisions": "articles",
    "article_tags": "articles",
    "article_events": "articles",
    "comments": "comments",
    "comment_states": "comments",
    "moderation_decisions": "comments",
    "sections": "sections",
    "tags": "tags",
    "users": "users",
    "settings": "settings",
}
# ORM classes by name (a comment is mapped over a join of two tables): the
# table they stand for and the attribute holding the id their change is about.
_ORM_ROWS = {
    "Article": ("articles", "id"),
    "Revision": ("revisions", "article_id"),
    "ArticleEvent": ("article_events", "article_id"),
    "Comment": ("comments", "id"),
    "ModerationDecision": ("moderation_decisions", "comment_id"),
    "Section": ("sections", None),
    "Tag": ("tags", None),
    "User": ("users", None),
    "Setting": ("settings", None),
}


@dataclass
class Touched:
    """What one write transaction changed; None for ids means "every row of the kind"."""

    articles: set[int] | None = field(default_factory=set)
    comments: set[int] | None = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # sections, tags, users, settings

    @property
    def empty(self) -> bool:
        return self.articles == set() and self.comments == set() and not self.kinds

    def table(self, name: str, row_id: int | None = None) -> None:
        kind = _KIND_OF_TABLE.get(name)
        if kind in ("articles", "comments"):
            ids = getattr(self, kind)
            if row_id is None:
                setattr(self, kind, None)
            elif ids is not None:
                ids.add(int(row_id))
        elif kind is not None:
            self.kinds.add(kind)


@dataclass(frozen=True)
class Notice:
    """One notification as a desk hears it."""

    sender: str  # the sending newsroom's session token
    by: str  # who made the change, as a person would name them
    changes: Changes
    new_article: bool = False


def encode(touched: Touched, sender: str, by: str, new_article: bool = False) -> str:
    """The payload for ``touched``; lists of ids collapse to "*" when too long."""
    data: dict[str, Any] = {"v": 1, "from": sender, "by": by}
    for kind in ("articles", "comments"):
        ids = getattr(touched, kind)
        if ids is None:
            data[kind] = "*"
        elif ids:
            data[kind] = sorted(ids)
    for kind in sorted(touched.kinds):
        data[kind] = True
    if new_article:
        data["new"] = True
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # The longest list goes first: a few named comments survive a thousand stories.
    lists = sorted(
        (k for k in ("articles", "comments") if isinstance(data.get(k), list)),
        key=lambda k: -len(data[k]),
    )
    for kind in lists:
        if len(payload.encode("utf-8")) < MAX_PAYLOAD:
            break
        data[kind] = "*"
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(payload.encode("utf-8")) >= MAX_PAYLOAD:  # a very long name: drop it
        data["by"] = ""
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return payload


def _ids(value: Any) -> frozenset[int]:
    if value == "*":
        return EVERY
    if isinstance(value, list):
        return frozenset(int(v) for v in value)
    return frozenset()


def decode(payload: str) -> Notice | None:
    """The notice in a payload, or None for one this version does not understand."""
    try:
        data = json.loads(payload)
        if not isinstance(data, dict) or data.get("v") != 1:
            return None
        changes = Changes(
            articles=_ids(data.get("articles")),
            comments=_ids(data.get("comments")),
            sections=bool(data.get("sections")),
            tags=bool(data.get("tags")),
            users=bool(data.get("users")),
            settings=bool(data.get("settings")),
        )
        return Notice(
            str(data.get("from", "")), str(data.get("by", "")), changes, bool(data.get("new"))
        )
    except (ValueError, TypeError):
        return None


# -- sending ---------------------------------------------------------------------


def install(newsroom: Newsroom) -> Callable[[], None]:
    """Make every write transaction of ``newsroom`` (on PostgreSQL) announce what it changed.

    Returns what undoes it (the benchmark's baseline).
    """
    engine = newsroom.engine
    installed: list[tuple[Any, str, Callable[..., Any]]] = []

    def listens_for(target: Any, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            event.listen(target, name, fn)
            installed.append((target, name, fn))
            return fn

        return register

    def uninstall() -> None:
        for target, name, fn in installed:
            event.remove(target, name, fn)

    def is_write(conn: Any) -> bool:
        return bool(conn.get_execution_options().get("midad_write"))

    @listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if is_write(conn):
            conn.info[_INFO_KEY] = Touched()
            conn.info[_FLUSHING_KEY] = False

    @listens_for(engine, "before_cursor_execute")
    def _statement(
        conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
    ) -> None:
        touched = conn.info.get(_INFO_KEY)
        if touched is None or conn.info.get(_FLUSHING_KEY) or not is_write(conn):
            return
        # A statement outside the ORM's flush (bulk moves, imports): its rows
        # are not known here, so the whole kind is announced.
        for table in _WRITE_STATEMENT.findall(statement):
            touched.table(table.lower())

    def _connection_info(session: Session) -> dict[Any, Any]:
        return session.connection().info

    @listens_for(newsroom._write, "before_flush")
    def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
        _connection_info(session)[_FLUSHING_KEY] = True

    @listens_for(newsroom._write, "after_flush")
    def _after_flush(session: Session, _context: Any) -> None:
        info = _connection_info(session)
        touched = info.get(_INFO_KEY)
        if touched is None:
            return
        for obj in (*session.new, *session.dirty, *session.deleted):
            known = _ORM_ROWS.get(type(obj).__name__)
            if known is None:
                continue
            table, attribute = known
            row_id = getattr(obj, attribute, None) if attribute else None
            if attribute and row_id is None:
                continue
            if table == "articles" and obj in session.new:
                info["midad_new_article"] = True
            touched.table(table, row_id)

    @listens_for(newsroom._write, "after_flush_postexec")
    def _after_flush_postexec(session: Session, _context: Any) -> None:
        _connection_info(session)[_FLUSHING_KEY] = False

    @listens_for(newsroom._write, "before_commit")
    def _before_commit(session: Session) -> None:
        # Flushed first, so the notice covers what the commit would flush itself.
        session.flush()
        info = _connection_info(session)
        touched = info.pop(_INFO_KEY, None)
        new_article = bool(info.pop("midad_new_article", False))
        if touched is None or touched.empty:
            return
        payload = encode(touched, newsroom.session_token, newsroom.actor.name, new_article)
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {
                "channel": CHANNEL,
                "payload": payload,
            },
        )

    return uninstall


# -- listening -------------------------------------------------------------------


class Listener:
    """LISTEN on a dedicated connection, on its own thread, reconnecting by itself.

    ``on_notice`` gets each other desk's ``Notice``; ``on_state`` gets True
    once listening (again) and False when the connection is lost. Both are
    called on the listener's thread: the caller passes them on to its own.
    """

    def __init__(
        self,
        newsroom: Newsroom,
        on_notice: Callable[[Notice], None],
        on_state: Callable[[bool], None],
    ) -> None:
        self._sender = newsroom.session_token
        self._engine = newsroom.engine
        self._on_notice = on_notice
        self._on_state = on_state
        self._stop = threading.Event()
        self._check = threading.Event()
        self._conn: Any = None
        self._proxy: Any = None
        self._thread = threading.Thread(target=self._run, name="midad-listen", daemon=True)
        self.connected = threading.Event()

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def check_now(self) -> None:
        """Test the connection at once (an operation just failed to reach the server)."""
        self._check.set()

    def _run(self) -> None:
        import psycopg
        from sqlalchemy.exc import DBAPIError

        backoff = 0.25
        lost = False
        while not self._stop.is_set():
            try:
                self._connect()
            except (psycopg.Error, DBAPIError):
                lost = True
                self._close()
                self.connected.clear()
                self._tell(self._on_state, False)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
                continue
            backoff = 0.25
            if lost:
                # Pooled connections from before the outage are dead sockets: a
                # pre-ping does not always recognise them, so the pool starts afresh.
                self._engine.dispose()
            lost = False
            self.connected.set()
            self._tell(self._on_state, True)
            try:
                self._listen()
            except psycopg.Error:
                lost = True
                self.connected.clear()
                self._tell(self._on_state, False)
            finally:
                self._close()

    def _tell(self, callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except Exception:
            # The receiver is gone (a window closed without stopping us): stop too.
            self._stop.set()

    def _connect(self) -> None:
        # Through the engine, so the connection has the newsroom's own address,
        # credentials and options; detached, so the pool never hands it out.
        self._proxy = self._engine.raw_connection()
        self._proxy.detach()
        self._conn = self._proxy.dbapi_connection
        self._conn.autocommit = True
        self._conn.execute(f"LISTEN {CHANNEL}")

    def _listen(self) -> None:
        import time

        last_beat = time.monotonic()
        while not self._stop.is_set():
            for notify in self._conn.notifies(timeout=WAIT_S):
                notice = decode(notify.payload)
                if notice is not None and notice.sender != self._sender:
                    self._tell(self._on_notice, notice)
            now = time.monotonic()
            if self._check.is_set() or now - last_beat >= HEARTBEAT_S:
                checking = self._check.is_set()
                self._check.clear()
                # A dropped network shows only when something is sent.
                self._conn.execute("SELECT 1")
                last_beat = now
                if checking:
                    self._tell(self._on_state, True)

    def _close(self) -> None:
        proxy, self._proxy, self._conn = self._proxy, None, None
        if proxy is not None:
            with contextlib.suppress(Exception):
                proxy.close()
