"""Newsroom users, their roles, and signing in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from editor import passwords
from editor.changes import Changes
from editor.errors import InvalidInput, NotFound, PermissionDenied, SignInFailed
from editor.models import Role, User, utcnow
from editor.permissions import Action, require

if TYPE_CHECKING:
    from editor.storage import Actor, Newsroom

LOGIN_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,100}$")


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    display_name: str
    role: Role
    can_sign_in: bool


class UserService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def list(self) -> list[UserRow]:
        with self._newsroom.read() as session:
            return [
                UserRow(u.id, u.login, u.display_name, u.role, u.password_hash is not None)
                for u in session.scalars(select(User).order_by(User.login))
            ]

    def needs_first_admin(self) -> bool:
        """True until some admin can sign in: the first run creates that account."""
        with self._newsroom.read() as session:
            found = session.scalar(
                select(func.count(User.id)).where(
                    User.role == Role.ADMIN, User.password_hash.is_not(None), User.active
                )
            )
            return not found

    def add(
        self, login: str, role: Role, display_name: str = "", password: str | None = None
    ) -> Changes:
        """Add a user. The first admin may be created freely; after that, admins only."""
        first = self.needs_first_admin()
        if first and role is not Role.ADMIN:
            raise PermissionDenied(
                "The first user must be an admin", role=role.value, action="add_user"
            )
        if not first:
            require(self._newsroom.actor.role, Action.MANAGE_USERS)
        if not LOGIN_RE.match(login):
            raise InvalidInput(
                "A login is 1–100 Latin letters, digits or . _ - @", field="login", login=login
            )
        hashed = _checked_hash(password) if password is not None else None
        with self._newsroom.write() as session:
            existing = session.scalar(select(User).where(User.login == login))
            if existing is not None:
                # The account made at creation has no password yet: claim it.
                if first and existing.role is Role.ADMIN and existing.password_hash is None:
                    existing.password_hash = hashed
                    existing.display_name = display_name.strip() or existing.display_name
                    return Changes(users=True, new_id=existing.id)
                raise InvalidInput(f"The login {login!r} is taken", field="login", login=login)
            user = User(
                login=login, role=role, display_name=display_name.strip(), password_hash=hashed
            )
            session.add(user)
            session.flush()
            return Changes(users=True, new_id=user.id)

    def set_password(self, login: str, password: str) -> Changes:
        actor = self._newsroom.actor
        if actor.login != login:
            require(actor.role, Action.MANAGE_USERS)
        hashed = _checked_hash(password)
        with self._newsroom.write() as session:
            user = session.scalar(select(User).where(User.login == login))
            if user is None:
                raise NotFound(f"There is no user {login!r}", login=login)
            user.password_hash = hashed
            user.failed_logins = 0
        return Changes(users=True)

    def sign_in(self, login: str, password: str) -> Actor:
        """Check a password and act as that user; failures never say which part was wrong."""
        from editor.storage import Actor

        now = utcnow()
        with self._newsroom.write() as session:
            user = session.scalar(select(User).where(User.login == login))
            if user is not None:
                wait = passwords.seconds_left(user.failed_logins, user.last_failed_login, now)
                if wait:
                    raise SignInFailed(
                        f"Too many failed attempts; wait {wait} s before trying again",
                        wait=wait,
                    )
            ok = passwords.verify_password(user.password_hash if user else None, password)
            if user is None or not ok or not user.active:
                if user is not None:
                    user.failed_logins += 1
                    user.last_failed_login = now
                    wait = passwords.wait_after(user.failed_logins)
                else:
                    wait = 0
                # Committed even though we raise: the failure count must stick.
                session.commit()
                raise SignInFailed("Wrong login or password", wait=wait)
            user.failed_logins = 0
            user.last_failed_login = None
            actor = Actor(user.id, user.login, user.role, user.display_name)
        self._newsroom.actor = actor
        return actor


def _checked_hash(password: str) -> str:
    if len(password) < passwords.MIN_LENGTH:
        raise InvalidInput(
            f"A password needs at least {passwords.MIN_LENGTH} characters", field="password"
        )
    return passwords.hash_password(password)
