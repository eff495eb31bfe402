"""Edit locks: one person edits a story at a time; the others read it.

A lock belongs to one running application (a session token), so the same
person on two laptops is two holders. A lock whose heartbeat is older than the
expiry belongs to a crashed session and is free for the taking. Sooner than
that, a person restarting after a crash gets back the locks their dead run
left on this machine: the token names the machine and the process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from editor.errors import PermissionDenied
from editor.models import Article, EditLock, Role, User, utcnow
from editor.workflow.service import log_event

if TYPE_CHECKING:
    from editor.storage import Newsroom

EXPIRY = dt.timedelta(minutes=5)
TAKE_OVER_ROLES = frozenset({Role.EDITOR, Role.ADMIN})
# This machine and user account, as the first part of every lock's token.
MACHINE = hashlib.sha1(f"{socket.gethostname()}|{Path.home()}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class LockState:
    article_id: int
    mine: bool
    holder: str  # display name or login of whoever holds it ("" when free)
    since: dt.datetime | None

    @property
    def free(self) -> bool:
        return not self.holder and not self.mine


class LockService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom
        self.token = f"{MACHINE}:{os.getpid()}:{newsroom.session_token}"

    def acquire(self, article_id: int) -> LockState:
        """Take the lock if it is free, stale or ours; otherwise say who holds it."""
        actor = self._newsroom.actor
        now = utcnow()
        with self._newsroom.write() as session:
            lock = session.get(EditLock, article_id)
            if (
                lock is not None
                and lock.session != self.token
                and now - lock.heartbeat < EXPIRY
                and not left_behind(lock.session, lock.user_id, actor.user_id)
            ):
                return _state(session, lock, mine=False)
            if lock is None:
                lock = EditLock(article_id=article_id, session=self.token, since=now)
                session.add(lock)
            elif lock.session != self.token:
                lock.since = now
            lock.session = self.token
            lock.user_id = actor.user_id
            lock.heartbeat = now
            session.flush()
            return _state(session, lock, mine=True)

    def take_over(self, article_id: int) -> LockState:
        """An editor takes a story from its current holder, who learns it on saving."""
        actor = self._newsroom.actor
        if actor.role not in TAKE_OVER_ROLES:
            raise PermissionDenied(
                "Only an editor may take over a story someone else is editing",
                role=actor.role.value,
                action="take_over",
            )
        now = utcnow()
        with self._newsroom.write() as session:
            lock = session.get(EditLock, article_id)
            previous = _holder_name(session, lock) if lock is not None else ""
            if lock is None:
                lock = EditLock(article_id=article_id, session=self.token, since=now)
                session.add(lock)
            lock.session, lock.user_id, lock.since, lock.heartbeat = (
                self.token,
                actor.user_id,
                now,
                now,
            )
            if session.get(Article, article_id) is not None:
                log_event(session, article_id, actor, "take_over", note=previous)
            session.flush()
            return _state(session, lock, mine=True)

    def state(self, article_id: int) -> LockState:
        with self._newsroom.read() as session:
            lock = session.get(EditLock, article_id)
            if lock is None or (
                lock.session != self.token
                and (
                    utcnow() - lock.heartbeat >= EXPIRY
                    or left_behind(lock.session, lock.user_id, self._newsroom.actor.user_id)
                )
            ):
                return LockState(article_id, False, "", None)
            return _state(session, lock, mine=lock.session == self.token)

    def heartbeat(self, article_ids: list[int]) -> None:
        """Keep our locks alive (the interface calls this every minute)."""
        if not article_ids:
            return
        with self._newsroom.write() as session:
            for lock in session.scalars(
                select(EditLock).where(
                    EditLock.article_id.in_(article_ids), EditLock.session == self.token
                )
            ):
                lock.heartbeat = utcnow()

    def release(self, article_id: int) -> None:
        with self._newsroom.write() as session:
            session.execute(
                delete(EditLock).where(
                    EditLock.article_id == article_id, EditLock.session == self.token
                )
            )

    def release_all(self) -> None:
        with self._newsroom.write() as session:
            session.execute(delete(EditLock).where(EditLock.session == self.token))


def left_behind(token: str, holder: int | None, user_id: int | None) -> bool:
    """A lock this person's earlier run on this machine left when it died."""
    parts = token.split(":")
    if len(parts) != 3 or parts[0] != MACHINE or holder != user_id:
        return False
    try:
        os.kill(int(parts[1]), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError, OverflowError):
        return False
    return False


def _holder_name(session: object, lock: EditLock) -> str:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    user = session.get(User, lock.user_id) if lock.user_id is not None else None
    return (user.display_name or user.login) if user else "?"


def _state(session: object, lock: EditLock, *, mine: bool) -> LockState:
    return LockState(lock.article_id, mine, _holder_name(session, lock), lock.since)
