"""password: keep a PostgreSQL newsroom's password in the system keyring, or forget it.

    printf '%s\\n' "$PW" | main.py password postgresql+psycopg://midad@db/newsroom
    main.py password postgresql+psycopg://midad@db/newsroom          (asks, unechoed)
    main.py password --forget postgresql+psycopg://midad@db/newsroom

The password is read from a terminal without echo, or as one line from standard
input; it is checked against the server first (``--no-check`` skips that) and
never printed. After this, ``--db URL`` needs no password in the URL.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from editor import credentials, pg_backend
from editor.errors import InvalidInput, PasswordRefused, StorageError
from editor.storage import resolve_database_url


def register(sub: Any) -> None:
    p = sub.add_parser(
        "password",
        help="keep a PostgreSQL newsroom's password in the system keyring (or --forget it)",
    )
    p.add_argument(
        "url",
        metavar="URL",
        nargs="?",
        help="postgresql+psycopg://USER@HOST:PORT/DATABASE (default: --db, else $MIDAD_DB)",
    )
    p.add_argument("--forget", action="store_true", help="remove the kept password")
    p.add_argument(
        "--no-check", action="store_true", help="keep it without asking the server first"
    )
    p.set_defaults(handler=None, standalone=cmd_password)


def cmd_password(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    url = resolve_database_url(args.url or args.db)
    if url.get_backend_name() != "postgresql":
        raise InvalidInput(
            "Only a newsroom on a PostgreSQL server has a password; give its URL",
        )
    name = credentials.account(url)
    if args.forget:
        if credentials.forget_password(url):
            out.write(f"forgot the password kept for {name}\n")
        else:
            out.write(f"no password was kept for {name}\n")
        return 0
    password = url.password or _read_password(f"Password for {name}: ")
    if not password:
        raise InvalidInput("No password was given; nothing was kept")
    with_password = url.set(password=password)
    if not args.no_check:
        problem = _check(with_password)
        if isinstance(problem, PasswordRefused):
            raise problem
        if problem is not None:
            err.write(f"midad: kept without checking it: {problem}\n")
    credentials.remember_password(url, str(password))
    out.write(f"kept the password for {name} in the system keyring\n")
    return 0


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def _check(url: URL) -> StorageError | None:
    """None when the server accepts the password, else the reason it could not tell."""
    where = url.render_as_string(hide_password=True)
    engine = create_engine(url, **pg_backend.engine_arguments(url))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        return pg_backend.translate_error(exc, where) or StorageError(
            f"Cannot check the password on {where}", where=where
        )
    finally:
        engine.dispose()
    return None
