"""Search subcommands: ``search QUERY`` and ``reindex``.

``search --json`` prints one object per hit: ``kind`` (article or comment),
``id``, ``snippet``, ``highlights`` (offsets of the matched words in the
snippet), ``title``, ``article_id``, ``status``, ``author``, ``date`` and
``score`` (higher is better; null in newest-first order).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from typing import Any, TextIO

from editor.errors import MidadError
from editor.progress import Progress
from editor.search.base import SearchKind, SearchOrder
from editor.search.query import parse_date_bound
from editor.search.service import SearchFilter
from editor.storage import Newsroom

KINDS = {
    "all": frozenset(SearchKind),
    "articles": frozenset({SearchKind.ARTICLE}),
    "comments": frozenset({SearchKind.COMMENT}),
}


def _date(end: bool) -> Any:
    def parse(value: str) -> dt.date:
        found = parse_date_bound(value, end=end)
        if found is None:
            raise argparse.ArgumentTypeError(
                f"not a date: {value!r} (use 2025-10-28, 2025-10 or 2025)"
            )
        return found

    return parse


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="search articles and comments (Arabic-aware full text)",
        description='Phrases in "quotes", word* for prefixes, -word to leave out, a OR b;'
        " section:, tag:, status:, author:, from:, to: work inside the query too.",
    )
    p.add_argument("query", nargs="?", default="", help="what to look for")
    p.add_argument("--json", action="store_true", help="one JSON object per hit")
    p.add_argument("--kind", choices=sorted(KINDS), default="all", help="what to search")
    p.add_argument("--section", help="only this section (by name) and its children")
    p.add_argument("--tag", action="append", default=[], help="only with this tag (repeatable)")
    p.add_argument("--status", help="only this status (published, draft, pending, spam, ...)")
    p.add_argument("--author", help="only by this author (user, byline or comment author)")
    p.add_argument("--from", dest="date_from", type=_date(False), help="on or after this date")
    p.add_argument("--to", dest="date_to", type=_date(True), help="on or before this date")
    p.add_argument(
        "--order",
        choices=[o.value for o in SearchOrder],
        default=SearchOrder.RELEVANCE.value,
        help="best matches first (default) or newest first",
    )
    p.add_argument("--limit", type=int, default=20, help="hits to print (default 20)")
    p.add_argument("--offset", type=int, default=0, help="hits to skip (for the next page)")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the full-text search index")
    p.add_argument(
        "--changed",
        action="store_true",
        help="only index what is missing or changed (after a bulk import)",
    )
    p.set_defaults(handler=cmd_reindex)


def _progress(err: TextIO) -> Any:
    if not err.isatty():
        return None

    def show(progress: Progress) -> None:
        fraction = progress.fraction
        if fraction is not None:
            err.write(f"\rmidad: indexing {fraction:6.1%}")
            err.flush()

    return show


def _ensure_index(newsroom: Newsroom) -> None:
    if newsroom.search.needs_rebuild():
        sys.stderr.write("midad: building the search index (once)…\n")
        newsroom.search.rebuild(progress=_progress(sys.stderr))
    elif newsroom.search.pending():
        newsroom.search.catch_up(progress=_progress(sys.stderr))


def cmd_search(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    _ensure_index(newsroom)
    flt = SearchFilter(
        kinds=KINDS[args.kind],
        section=args.section,
        tags=tuple(args.tag),
        status=args.status,
        author=args.author,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    results = newsroom.search.search(
        args.query, flt, SearchOrder(args.order), limit=args.limit, offset=args.offset
    )
    if results.unknown:
        raise MidadError(
            "No section, tag or status is called " + ", ".join(repr(n) for n in results.unknown)
        )
    for hit in results.hits:
        if args.json:
            out.write(json.dumps(hit.to_json(), ensure_ascii=False) + "\n")
            continue
        marked = hit.snippet
        for start, end in reversed(hit.highlights):
            marked = f"{marked[:start]}«{marked[start:end]}»{marked[end:]}"
        day = hit.date.date().isoformat()
        out.write(f"{hit.kind.value}\t{hit.id}\t{day}\t{hit.title}\t{marked}\n")
    if not args.json and results.query.truncated:
        sys.stderr.write("midad: the query was too long; only its beginning was searched\n")
    return 0


def cmd_reindex(newsroom: Newsroom, args: argparse.Namespace, out: TextIO) -> int:
    started = time.perf_counter()
    summary = newsroom.search.rebuild(full=not args.changed, progress=_progress(sys.stderr))
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    out.write(
        f"indexed {summary.articles} articles and {summary.comments} comments"
        f" ({summary.written} entries written) in {time.perf_counter() - started:.1f} s\n"
    )
    return 0
