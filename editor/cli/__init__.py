"""The command line: scripting the newsroom on the same core the interface uses.

Subcommand names, options and JSON keys are promises to newsrooms' scripts:
add to them, never rename them. Each module of this package that defines
``register(subparsers)`` adds its subcommands; a handler takes the open
newsroom, the parsed arguments and the output stream, and returns an exit code.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable
from typing import TextIO

from editor.errors import MidadError
from editor.storage import ENV_DATABASE, Newsroom, open_newsroom

Handler = Callable[[Newsroom, argparse.Namespace, TextIO], int]
ENV_PASSWORD = "MIDAD_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Midad (مداد), the offline Arabic newsroom desk. "
        "Without a subcommand, opens the desktop application.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=f"database file or URL (default: ${ENV_DATABASE}, else the user data folder)",
    )
    parser.add_argument(
        "--no-seed", action="store_true", help="create an empty newsroom, without sample content"
    )
    parser.add_argument(
        "--lang", choices=["ar", "en"], default=None, help="interface language (default: ar)"
    )
    parser.add_argument(
        "--user",
        metavar="LOGIN",
        help=f"act as this user; the password comes from ${ENV_PASSWORD} or a prompt",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one subcommand; a problem a person can fix is one line on stderr, exit 1."""
    out = out or sys.stdout
    err = err or sys.stderr
    if getattr(args, "standalone", None) is not None:
        # Commands about reaching a database (its password) run before opening it.
        try:
            return int(args.standalone(args, out, err))
        except MidadError as exc:
            err.write(f"midad: {exc}\n")
            return 1
    handler: Handler = args.handler
    try:
        newsroom = open_newsroom(args.db, seed=not args.no_seed)
    except MidadError as exc:
        err.write(f"midad: {exc}\n")
        return 1
    try:
        if args.user:
            newsroom.users.sign_in(
                args.user, read_password(ENV_PASSWORD, f"Password for {args.user}: ")
            )
        return handler(newsroom, args, out)
    except MidadError as exc:
        err.write(f"midad: {exc}\n")
        return 1
    except BrokenPipeError:
        return 0
    finally:
        newsroom.close()


def read_password(variable: str, prompt: str) -> str:
    """A password from the environment, else typed at a terminal (never echoed)."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise MidadError(f"No password: set ${variable} or run in a terminal", variable=variable)
    return getpass.getpass(prompt)
