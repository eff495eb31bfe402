"""Newsroom users and their roles (sign-in arrives with the workflow issue)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from editor.changes import Changes
from editor.errors import InvalidInput
from editor.models import Role, User
from editor.permissions import Action, require

if TYPE_CHECKING:
    from editor.storage import Newsroom

LOGIN_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,100}$")


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    display_name: str
    role: Role


class UserService:
    def __init__(self, newsroom: Newsroom) -> None:
        self._newsroom = newsroom

    def list(self) -> list[UserRow]:
        with self._newsroom.read() as session:
            return [
                UserRow(u.id, u.login, u.display_name, u.role)
                for u in session.scalars(select(User).order_by(User.login))
            ]

    def add(self, login: str, role: Role, display_name: str = "") -> Changes:
        require(self._newsroom.actor.role, Action.MANAGE_USERS)
        if not LOGIN_RE.match(login):
            raise InvalidInput(
                "A login is 1–100 Latin letters, digits or . _ - @", field="login", login=login
            )
        with self._newsroom.write() as session:
            if session.scalar(select(User.id).where(User.login == login)) is not None:
                raise InvalidInput(f"The login {login!r} is taken", field="login", login=login)
            user = User(login=login, role=role, display_name=display_name.strip())
            session.add(user)
            session.flush()
            return Changes(users=True, new_id=user.id)
