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
from pathlib import Path
from typing import Any

from bench.rows import Row, fmt_time, progress, render_notes, render_table, write_json

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
    args = parser.parse_args(argv)
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


def run(args: argparse.Namespace, workdir: Path) -> tuple[list[Row], dict[str, Any]]:
    # Qt is imported only now, after QT_QPA_PLATFORM is settled.
    from bench import article_list, comments, load, moderation, startup
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
    newsroom = open_newsroom(str(full_db), seed=False)
    try:
        rows.extend(article_list.run(newsroom, full_db, 5 if args.quick else 10, 20, args.seed))
        rows.append(comments.run(newsroom, full_db, 3 if args.quick else 5))
        from bench import editor

        rows.extend(
            editor.run(
                newsroom, full_db, 5 if args.quick else 20, 40 if args.quick else 300, args.seed
            )
        )
        rows.extend(
            moderation.run(newsroom, full_db, 3 if args.quick else 5, 20 if args.quick else 100)
        )
        from bench import taxonomy

        # Last on this database: it adds tags and sections (and merges, then undoes).
        rows.extend(taxonomy.run(newsroom, full_db, 3 if args.quick else 5, args.seed))
        from bench import search

        # After the taxonomy rows: it builds the article index and saves stories.
        words, saves = (8, 5) if args.quick else (30, 30)
        rows.extend(search.run(newsroom, full_db, workdir, words, saves, args.seed))
        from bench import workflow

        # Last on this database: it moves stories from the review desk to approved.
        moves, publishes = (20, 200) if args.quick else (200, 1000)
        rows.extend(workflow.run(newsroom, full_db, workdir, moves, publishes, args.seed))
    finally:
        newsroom.close()
    from bench import interchange

    rows.extend(interchange.run(spec, workdir))
    meta = _meta(args, counts.__dict__, time.perf_counter() - started, full_db)
    return rows, meta


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
        rows, meta = run(args, workdir)
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
    print(f"total run time: {fmt_time(total)}")
    if args.json:
        write_json(args.json, rows, meta)
        progress(f"rows written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
