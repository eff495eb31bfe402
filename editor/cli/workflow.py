"""Workflow subcommands for automation: users, transitions, publishing, the schedule."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any, TextIO

from editor.errors import InvalidInput
from editor.models import ArticleStatus, Role
from editor.storage import Newsroom

ENV_NEW_PASSWORD = "MIDAD_NEW_PASSWORD"


def register(sub: Any) -> None:
    users = sub.add_parser("users", help="list or add newsroom users")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION")
    users.set_defaults(handler=cmd_users_list, json=False)
    p = users_sub.add_parser("list", help="list users")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_users_list)
    p = users_sub.add_parser(
        "add",
        help="add a user (the first must be an admin; then only admins may add users)",
        description=f"The new user's password comes from ${ENV_NEW_PASSWORD} or a prompt.",
    )
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=[r.value for r in Role if r is not Role.GUEST])
    p.add_argument("--name", default="", help="display name, e.g. in Arabic")
    p.add_argument(
        "--no-password", action="store_true", help="create the account without sign-in for now"
    )
    p.set_defaults(handler=cmd_users_add)

    p = sub.add_parser("transition", help="move a story to another status")
    p.add_argument("id", type=int)
    p.add_argument("status", choices=[s.value for s in ArticleStatus])
    p.add_argument("--note", default="", help="the note a returned story carries")
    p.add_argument("--at", help="for scheduled: local date and time, YYYY-MM-DD HH:MM")
    p.add_argument("--out", type=Path, help="output folder for published pages")
    p.set_defaults(handler=cmd_transition)

    p = sub.add_parser("publish", help="publish a story now (writes its HTML page)")
    p.add_argument("id", type=int)
    p.add_argument("--out", type=Path, help="output folder for published pages")
    p.set_defaults(handler=cmd_publish)

    p = sub.add_parser("unpublish", help="take a story off the site (removes its page)")
    p.add_argument("id", type=int)
    p.add_argument("--out", type=Path, help="output folder for published pages")
    p.set_defaults(handler=cmd_unpublish)

    p = sub.add_parser("run-schedule", help="publish scheduled stories whose time has come (cron)")
    p.add_argument("--out", type=Path, help="output folder for published pages")
    p.set_defaults(handler=cmd_run_schedule)


def cmd_users_list(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    for user in newsroom.users.list():
        if args.json:
            row = {"login": user.login, "name": user.display_name, "role": user.role.value}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(f"{user.login}\t{user.role.value}\t{user.display_name}\n")
    return 0


def cmd_users_add(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    from editor.cli import read_password

    password = None
    if not args.no_password:
        password = read_password(ENV_NEW_PASSWORD, f"Password for the new user {args.login}: ")
    changes = newsroom.users.add(args.login, Role(args.role), args.name, password)
    out.write(f"{changes.new_id}\t{args.login}\t{args.role}\n")
    return 0


def _local_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        local = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"Not a date and time: {text!r} (use YYYY-MM-DD HH:MM)") from None
    if local.tzinfo is None:
        local = local.astimezone()  # the machine's own time zone
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def cmd_transition(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    target = ArticleStatus(args.status)
    if target is ArticleStatus.TRASH or newsroom.articles.get(args.id).status is not (
        ArticleStatus.TRASH
    ):
        newsroom.workflow.transition(
            args.id,
            target,
            note=args.note,
            scheduled_for=_local_time(args.at),
            output_dir=args.out,
        )
    else:
        newsroom.workflow.restore(args.id)
    view = newsroom.articles.get(args.id)
    out.write(f"{view.id}\t{view.status.value}\n")
    return 0


def cmd_publish(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    newsroom.workflow.publish(args.id, output_dir=args.out)
    from editor.workflow.publishing import Publisher

    out.write(f"{args.id}\tpublished\t{Publisher(newsroom, args.out).story_path(args.id)}\n")
    return 0


def cmd_unpublish(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    newsroom.workflow.unpublish(args.id, output_dir=args.out)
    out.write(f"{args.id}\t{newsroom.articles.get(args.id).status.value}\n")
    return 0


def cmd_run_schedule(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    for article_id in newsroom.workflow.run_schedule(when="run-schedule", output_dir=args.out):
        out.write(f"{article_id}\tpublished\n")
    return 0
