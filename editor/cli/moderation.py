"""Moderation subcommands: comments, moderate, rules, export-decisions.

``comments --json`` prints one object per line with the keys of
``CommentView.to_json`` (a promise to scripts): id, article_id, parent_id,
author, email, url, text, status, submitted, site_id, held_by.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from editor.errors import InvalidInput, MidadError
from editor.models import CommentStatus
from editor.moderation.words import clean_entries
from editor.storage import Newsroom

DECISIONS = {
    "approve": CommentStatus.APPROVED,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
    "pending": CommentStatus.PENDING,
}
MAX_WORD_FILE = 2_000_000


def register(sub: Any) -> None:
    p = sub.add_parser("comments", help="list reader comments, newest first")
    p.add_argument("--status", help="only this queue: " + ", ".join(s.value for s in CommentStatus))
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_comments)

    p = sub.add_parser("moderate", help="move one comment to a queue (recorded as a decision)")
    p.add_argument("id", type=int)
    p.add_argument("decision", choices=list(DECISIONS))
    p.add_argument("--note", default="", help="a note kept with the decision")
    p.set_defaults(handler=cmd_moderate)

    p = sub.add_parser("rules", help="show or set the moderation rules")
    p.add_argument(
        "--max-links", type=int, metavar="N", help="hold comments with N or more links (0: off)"
    )
    p.add_argument("--hold-words", type=Path, metavar="FILE", help="hold-word list, one a line")
    p.add_argument(
        "--block-words", type=Path, metavar="FILE", help="block-word list (to spam), one a line"
    )
    p.add_argument(
        "--trusted-authors",
        choices=["on", "off"],
        help="approve comments by authors approved before",
    )
    p.add_argument("--duplicates", choices=["on", "off"], help="hold repeated texts")
    p.add_argument("--apply", action="store_true", help="re-apply the rules to the pending queue")
    p.add_argument("--json", action="store_true", help="show the rules as JSON")
    p.set_defaults(handler=cmd_rules)

    p = sub.add_parser(
        "export-decisions", help="write decisions not yet sent to the site to a JSON file"
    )
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_export_decisions)


def _status(value: str) -> CommentStatus:
    try:
        return CommentStatus(value)
    except ValueError:
        raise MidadError(
            f"Unknown status {value!r}; one of " + ", ".join(s.value for s in CommentStatus)
        ) from None


def cmd_comments(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    statuses = [_status(args.status)] if args.status else list(CommentStatus)
    for status in statuses:
        ids = newsroom.comments.list_ids(status)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if args.json:
                for view in newsroom.comments.views(chunk):
                    out.write(json.dumps(view.to_json(), ensure_ascii=False) + "\n")
            else:
                for row in newsroom.comments.rows(chunk):
                    author = row.author or "-"
                    out.write(f"{row.id}\t{row.status.value}\t{author}\t{row.excerpt}\n")
    return 0


def cmd_moderate(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    before = newsroom.comments.get(args.id)
    status = DECISIONS[args.decision]
    newsroom.comments.set_status([args.id], status, note=args.note)
    out.write(f"{args.id}\t{before.status.value} -> {status.value}\n")
    return 0


def read_word_file(path: Path) -> tuple[list[str], list[str]]:
    """A word list file (UTF-8, one word a line): the words, and the lines that never match."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror or exc}", path=str(path)) from exc
    if len(data) > MAX_WORD_FILE or b"\x00" in data:
        raise InvalidInput(f"{path} is not a word list (one word a line)", path=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text", path=str(path)) from None
    return clean_entries(text.splitlines())


def _word_file(path: Path, out: TextIO) -> tuple[str, ...]:
    words, ignored = read_word_file(path)
    for line in ignored:
        out.write(f"ignored (no letters or digits): {line}\n")
    return tuple(words)


def cmd_rules(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    rules = newsroom.moderation.rules()
    changed = False
    if args.max_links is not None:
        rules, changed = replace(rules, max_links=args.max_links), True
    if args.hold_words is not None:
        rules, changed = replace(rules, hold_words=_word_file(args.hold_words, out)), True
    if args.block_words is not None:
        rules, changed = replace(rules, block_words=_word_file(args.block_words, out)), True
    if args.trusted_authors is not None:
        rules = replace(rules, trust_approved_authors=args.trusted_authors == "on")
        changed = True
    if args.duplicates is not None:
        rules, changed = replace(rules, flag_duplicates=args.duplicates == "on"), True
    if changed:
        newsroom.moderation.set_rules(rules)
        rules = newsroom.moderation.rules()
    if args.apply:
        _, outcome = newsroom.moderation.apply_to_pending()
        out.write(
            f"checked {outcome.checked} pending: {outcome.held} held, {outcome.blocked} to spam,"
            f" {outcome.approved} approved\n"
        )
        return 0
    if args.json:
        out.write(json.dumps(rules.to_json(), ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"max links: {rules.max_links or 'off'}\n")
    out.write(f"trusted authors: {'on' if rules.trust_approved_authors else 'off'}\n")
    out.write(
        f"duplicates: {'on' if rules.flag_duplicates else 'off'}"
        f" (within {rules.duplicate_days} days)\n"
    )
    out.write(f"hold words ({len(rules.hold_words)}): {' '.join(rules.hold_words)}\n")
    out.write(f"block words ({len(rules.block_words)}): {' '.join(rules.block_words)}\n")
    return 0


def cmd_export_decisions(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    result = newsroom.moderation.export_decisions(args.file)
    out.write(f"{result.decisions} decisions on {result.comments} comments -> {result.path}\n")
    return 0
