"""Midad's benchmark: ``python -m bench [--quick] [--articles N --comments M] [--json FILE]``.

Builds a synthetic Arabic newsroom in a temporary folder, measures the rows
below and prints one table (stdout); progress goes to stderr.

  1. loading the corpus (SQLAlchemy Core bulk insert vs raw sqlite3)
  2. start-up to the main window shown, full size and 1,000 articles
  3. the article list's first screen
  4. filtering the list by section
  5. opening the pending comment queue
  5b. the writing desk: a key press in a 10,000-word story, opening it, saving it
  6. the moderation desk: the queue in the panel, triage keys, bulk decisions, rules
  7. importing the corpus as a WordPress export (WXR), and exporting it again
  8. sections and tags: both panels opened, merging two big tags, the near-duplicate finder
  9. full-text search: the article index build, results pages, newest first, a save
 10. the workflow: a status transition with its log entry, publishing stories to HTML
 11. many desks at once: saves and moderation decisions per second with 1, 4 and 10
     client processes, on PostgreSQL and on SQLite (``--desk-clients``, ``--pg-url``)
 12. live refresh: another desk's save heard, and a save with its notification (PostgreSQL)

``--backend postgresql`` also runs rows 3-6 and 8-10 on a PostgreSQL copy of the
corpus and prints their PostgreSQL/SQLite ratios (``bench/backends.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.rows import Row, fmt_time, progress, render_notes, render_table, write_json

if TYPE_CHECKING:
    from editor.storage import Newsroom

DEFAULT_ARTICLES = 100_000
DEFAULT_COMMENTS = 1_000_000
QUICK_ARTICLES = 2_000
QUICK_COMMENTS = 20_000
SMALL_ARTICLES = 1_000


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small corpus ({QUICK_ARTICLES:,} articles, {QUICK_COMMENTS:,} comments)"
        " and fewer repeats: the CI smoke run",
    )
    parser.add_argument("--articles", type=int, help=f"articles (default {DEFAULT_ARTICLES:,})")
    parser.add_argument("--comments", type=int, help=f"comments (default {DEFAULT_COMMENTS:,})")
    parser.add_argument(
        "--seed", type=int, default=20261130, help="random seed (default %(default)s)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    parser.add_argument(
        "--workdir", type=Path, help="where the temporary databases go (default: system temp)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases afterwards (path on stderr)"
    )
    parser.add_argument(
        "--desk-clients",
        type=lambda text: [int(x) for x in text.split(",")],
        default=[1, 4, 10],
        metavar="N,N,…",
        help="client processes for the many-desks rows (default 1,4,10; the first is the baseline)",
    )
    parser.add_argument(
        "--desk-seconds",
        type=float,
        help="how long each many-desks measurement runs (default 5, --quick 2)",
    )
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: also run the newsroom rows on a PostgreSQL copy of the corpus and"
        " report each one's PostgreSQL/SQLite ratio (default: sqlite only)",
    )
    parser.add_argument(
        "--pg-url",
        help="a PostgreSQL server for the rows that need one (default: a throwaway local server"
        " from tests/pg_server.py); its user must be allowed to create databases",
    )
    args = parser.parse_args(argv)
    if args.desk_seconds is None:
        args.desk_seconds = 2.0 if args.quick else 5.0
    if args.articles is None:
        args.articles = QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES
    if args.comments is None:
        args.comments = QUICK_COMMENTS if args.quick else DEFAULT_COMMENTS
    if args.articles < 1 or args.comments < 0:
        parser.error("--articles must be at least 1 and --comments at least 0")
    return args


def small_size(articles: int, comments: int) -> tuple[int, int]:
    """1,000 articles with the same comments per article; less when the corpus is tiny."""
    small = SMALL_ARTICLES if articles >= 2 * SMALL_ARTICLES else max(1, articles // 2)
    return small, round(comments * small / articles)


def newsroom_rows(
    newsroom: Newsroom,
    full_db: Path,
    workdir: Path,
    args: argparse.Namespace,
    guard: Callable[[Callable[[], list[Row]]], list[Row]] | None = None,
) -> list[Row]:
    """The rows measured on the open newsroom (SQLite, or its PostgreSQL copy).

    ``full_db`` is the SQLite file, for the raw baselines (and their set-up);
    ``guard`` runs each area's rows (the PostgreSQL pass: one failing area
    must not lose the others).
    """
    from bench import article_list, comments, editor, moderation, search, taxonomy, workflow

    quick = args.quick
    words, saves = (8, 5) if quick else (30, 30)
    moves, publishes = (20, 200) if quick else (200, 1000)
    areas: list[Callable[[], list[Row]]] = [
        lambda: article_list.run(newsroom, full_db, 5 if quick else 10, 20, args.seed),
        lambda: [comments.run(newsroom, full_db, 3 if quick else 5)],
        lambda: editor.run(newsroom, full_db, 5 if quick else 20, 40 if quick else 300, args.seed),
        lambda: moderation.run(newsroom, full_db, 3 if quick else 5, 20 if quick else 100),
        # Last on this database: it adds tags and sections (and merges, then undoes).
        lambda: taxonomy.run(newsroom, full_db, 3 if quick else 5, args.seed),
        # After the taxonomy rows: it builds the article index and saves stories.
        lambda: search.run(newsroom, full_db, workdir, words, saves, args.seed),
        # Last on this database: it moves stories from the review desk to approved.
        lambda: workflow.run(newsroom, full_db, workdir, moves, publishes, args.seed),
    ]
    rows: list[Row] = []
    for area in areas:
        rows.extend(guard(area) if guard else area())
    return rows


def run(
    args: argparse.Namespace, workdir: Path, server: str
) -> tuple[list[Row], list[dict[str, Any]], dict[str, Any]]:
    # Qt is imported only now, after QT_QPA_PLATFORM is settled.
    from bench import backends, load, startup
    from bench.corpus import CorpusSpec, build_newsroom

    rows: list[Row] = []
    spec = CorpusSpec(articles=args.articles, comments=args.comments, seed=args.seed)
    full_db = workdir / "full.sqlite3"
    started = time.perf_counter()
    load_row, counts = load.run(spec, full_db, workdir / "baseline-raw.sqlite3")
    rows.append(load_row)
    progress(f"row 1 done: {fmt_time(load_row.p50)} vs {fmt_time(load_row.baseline_s)} raw")
    (workdir / "baseline-raw.sqlite3").unlink()

    small_articles, small_comments = small_size(args.articles, args.comments)
    small_db = workdir / "small.sqlite3"
    progress(f"building the small database ({small_articles:,} articles)")
    build_newsroom(small_db, CorpusSpec(small_articles, small_comments, seed=args.seed))

    rows.extend(
        startup.run(
            full_db,
            small_db,
            f"{counts.articles:,} articles",
            f"{small_articles:,} articles",
            runs=1 if args.quick else 5,
            home=workdir / "home",
            warm_up=not args.quick,
        )
    )

    from editor.storage import open_newsroom
    from ui.app import create_application, install_language

    app = create_application(["midad-bench"])
    install_language(app, "ar")
    compared: list[dict[str, Any]] = []
    pg_target = None
    if args.backend == "postgresql":
        # Copied before the SQLite rows below change the corpus (merges, moves, saves).
        pg_target = backends.copy_to_postgres(full_db, server, "midad_bench_full")
    newsroom = open_newsroom(str(full_db), seed=False)
    try:
        rows.extend(newsroom_rows(newsroom, full_db, workdir, args))
    finally:
        newsroom.close()
    if pg_target is not None:
        newsroom = open_newsroom(pg_target, seed=False)
        try:
            pg_rows = newsroom_rows(newsroom, full_db, workdir, args, backends.guarded)
        finally:
            newsroom.close()
        compared = backends.compare(rows, pg_rows)
    from bench import interchange

    rows.extend(interchange.run(spec, workdir))
    from bench import desks

    rows.extend(desks.run(workdir, server, clients=args.desk_clients, seconds=args.desk_seconds))
    from bench import live

    rows.extend(live.run(server, saves=20 if args.quick else 100))
    meta = _meta(args, counts.__dict__, time.perf_counter() - started, full_db)
    meta["backend"] = args.backend
    return rows, compared, meta


def _meta(
    args: argparse.Namespace, counts: dict[str, int], seconds: float, db: Path
) -> dict[str, Any]:
    import PySide6
    import sqlalchemy

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "articles": args.articles,
        "comments": args.comments,
        "counts": counts,
        "seed": args.seed,
        "quick": args.quick,
        "database_bytes": db.stat().st_size if db.exists() else None,
        "run_seconds": round(seconds, 1),
        "git": commit,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "pyside6": PySide6.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="midad-bench-", dir=args.workdir))
    progress(f"{args.articles:,} articles, {args.comments:,} comments in {workdir}")
    try:
        from bench.desks import postgres_url

        with postgres_url(args.pg_url) as server:
            rows, compared, meta = run(args, workdir, server)
        meta["database_mb"] = (
            round(meta["database_bytes"] / 1e6) if meta["database_bytes"] else None
        )
    finally:
        if args.keep:
            progress(f"databases kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - started
    meta["total_seconds"] = round(total, 1)
    print(
        f"Midad benchmark — {args.articles:,} articles, {args.comments:,} comments"
        f" (seed {args.seed}; database {meta['database_mb']} MB; SQLite {meta['sqlite']},"
        f" Python {meta['python']}, {meta['cpus']} CPUs)"
    )
    print()
    print(render_table(rows))
    print()
    print("met: yes = p95 (or the single run) meets the goal; 'p50 only' = the slow tail misses")
    print(render_notes(rows))
    print()
    if compared:
        from bench.backends import render_comparison

        print()
        print("the newsroom rows on PostgreSQL (a copy of the same corpus, same run):")
        print(render_comparison(compared))
        meta["postgresql"] = compared
    print()
    print(f"total run time: {fmt_time(total)}")
    if args.json:
        write_json(args.json, rows, meta)
        progress(f"rows written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
