"""WordPress interchange subcommands: import-wxr, export-wxr.

(``export-decisions``, the moderation decisions for the site, is in
``editor/cli/moderation.py``.) Progress goes to stderr as a plain-text bar
(one line per tenth when stderr is not a terminal); the summary goes to
stdout, or the report as one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from editor.progress import Progress
from editor.storage import Newsroom

BAR = 30


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-wxr", help="import a WordPress export (WXR 1.0-1.2): all of it or nothing"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_import_wxr)

    p = sub.add_parser("export-wxr", help="write the newsroom as a WordPress export (WXR 1.2)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_export_wxr)


class ProgressBar:
    """``[#########.....]  45%  12,345 stories  98,765 comments`` on one rewritten line."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._label = label
        self._tty = stream.isatty()
        self._last_tenth = -1
        self._stage = ""
        self._started = time.monotonic()
        self._width = 0

    def __call__(self, progress: Progress) -> None:
        if progress.stage != self._stage:
            # Each stage (reading, linking, indexing…) runs from 0 to 100% again.
            self._stage = progress.stage
            self._last_tenth = -1
        fraction = progress.fraction or 0.0
        counts = "  ".join(f"{n:,} {_noun(k)}" for k, n in progress.counts.items())
        filled = int(fraction * BAR)
        stage = f" {progress.stage}" if progress.stage and progress.stage != "reading" else ""
        line = (
            f"{self._label}{stage} [{'#' * filled}{'.' * (BAR - filled)}] {fraction:4.0%}  {counts}"
        )
        if self._tty:
            padding = " " * max(0, self._width - len(line))
            self._stream.write("\r" + line + padding)
            self._width = len(line)
        elif int(fraction * 10) > self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self._stream.write(line + "\n")
        self._stream.flush()

    def finish(self) -> None:
        if self._tty and self._width:
            self._stream.write("\n")
        self._stream.write(f"{self._label}: done in {time.monotonic() - self._started:.1f} s\n")
        self._stream.flush()


def _noun(key: str) -> str:
    return {"articles": "stories"}.get(key, key)


def _summary(title: str, counts: dict[str, int]) -> str:
    if not counts:
        return ""
    items = ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in sorted(counts.items()))
    return f"{title}: {items}\n"


def cmd_import_wxr(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    bar = ProgressBar(sys.stderr, "import")
    report = newsroom.interchange.import_wxr(args.file, progress=bar)
    bar.finish()
    if args.json:
        out.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
        return 0
    out.write(f"{args.file}: WXR {report.version}\n")
    if report.declared_encoding:
        out.write(
            f"note: the file declared {report.declared_encoding} but its text is UTF-8;"
            " it was read as UTF-8\n"
        )
    out.write(_summary("added", dict(report.added)) or "added: nothing new\n")
    out.write(_summary("already here", dict(report.matched)))
    out.write(_summary("status taken from the site", dict(report.updated)))
    out.write(_summary("skipped", dict(report.skipped)))
    out.write(_summary("notes", dict(report.notes)))
    if report.disagreement_count:
        out.write(
            f"decided here, the site disagrees: {report.disagreement_count:,} comments"
            " (the decision made here was kept)\n"
        )
        for d in report.disagreements:
            out.write(
                f"  comment {d.comment_id} (site {d.site_id}) on «{d.article}»:"
                f" here {d.local_status.value}, site {d.site_status.value}\n"
            )
    return 0


def cmd_export_wxr(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    bar = ProgressBar(sys.stderr, "export")
    report = newsroom.interchange.export_wxr(args.file, progress=bar)
    bar.finish()
    out.write(
        f"{report.path}: {report.articles:,} stories, {report.comments:,} comments,"
        f" {report.sections:,} sections, {report.tags:,} tags, {report.authors:,} authors\n"
    )
    if not report.private_details:
        out.write("readers' emails and addresses were left out (your role may not see them)\n")
    return 0
