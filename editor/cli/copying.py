"""copy-to: move the newsroom into an empty (PostgreSQL) database, verified and resumable.

    main.py --db newsroom.sqlite3 copy-to postgresql+psycopg://midad@db/newsroom

Progress goes to stderr; the summary (one line per table: rows and checksum)
to stdout, or one JSON object with ``--json``: ``target``, ``resumed``,
``verified``, ``tables`` (``table``, ``rows``, ``copied``, ``checksum``).
Stopped half-way, the same command goes on where it stopped.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from editor.cli.interchange import ProgressBar
from editor.copying import copy_newsroom
from editor.storage import Newsroom


def register(sub: Any) -> None:
    p = sub.add_parser(
        "copy-to",
        help="copy the newsroom into an empty database (a URL), verify it; resumable",
    )
    p.add_argument("url", metavar="URL", help="e.g. postgresql+psycopg://USER@HOST/DATABASE")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_copy_to)


def cmd_copy_to(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    bar = ProgressBar(sys.stderr, "copying")
    report = copy_newsroom(newsroom, args.url, progress=bar)
    bar.finish()
    if args.json:
        out.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
        return 0
    out.write(f"copied to {report.target}{' (resumed)' if report.resumed else ''}; verified\n")
    for table in report.tables:
        out.write(f"  {table.table:<22} {table.rows:>9,} rows  checksum {table.checksum}\n")
    return 0
