"""The editorial workflow's rows (issue 5).

- a status transition with its log entry (submitted -> approved, one write
  transaction: the move, the version, the activity log row), on the full
  corpus; baseline: the same UPDATE + INSERT through raw sqlite3;
- publishing stories to HTML (each publish writes the story's page, the style
  sheet, every section's index and the front page, atomically: temporary file,
  fsync, rename), on a newsroom of the small size where nothing was published
  yet; reported as a rate; baseline: writing exactly the same bytes to the
  same file names with plain ``open().write()``, measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import select, update

from bench.corpus import CorpusSpec, build_newsroom, sa_datetime
from bench.rows import WORKFLOW_PUBLISH, WORKFLOW_TRANSITION, Row, progress
from editor.models import Article, ArticleStatus, utcnow
from editor.storage import Newsroom, open_newsroom
from editor.workflow.publishing import OUTPUT_DIR_SETTING

GOAL_TRANSITION_S = 0.020


def run(
    newsroom: Newsroom, db: Path, workdir: Path, transitions: int, publishes: int, seed: int
) -> list[Row]:
    return [
        _transition_row(newsroom, db, transitions),
        _publish_row(workdir, publishes, seed),
    ]


def _transition_row(newsroom: Newsroom, db: Path, count: int) -> Row:
    progress(f"workflow: {count} status transitions with their log entries")
    # Read from the newsroom, which may be the PostgreSQL copy (bench/backends.py)
    # while the SQLite file has already moved its stories.
    waiting = (ArticleStatus.SUBMITTED, ArticleStatus.DRAFT)
    with newsroom.read() as session:
        ids = list(
            session.scalars(
                select(Article.id)
                .where(Article.status.in_(waiting))
                .order_by(Article.id)
                .limit(count * 2)
            )
        )
    # Set-up, not measured: the stories wait on the review desk.
    with newsroom.write() as session:
        session.execute(
            update(Article).where(Article.id.in_(ids)).values(status=ArticleStatus.SUBMITTED)
        )
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "UPDATE articles SET status = 'submitted' WHERE id = ?", [(i,) for i in ids]
        )
    moved, baseline_ids = ids[:count], ids[count:]
    samples = []
    for article_id in moved:
        started = time.perf_counter()
        newsroom.workflow.transition(article_id, ArticleStatus.APPROVED)
        samples.append(time.perf_counter() - started)
    baseline = _raw_transitions(db, baseline_ids, newsroom.actor.user_id)
    return Row(
        WORKFLOW_TRANSITION,
        f"{len(samples)} moves",
        samples,
        baseline_s=baseline,
        baseline="raw sqlite3 UPDATE + INSERT of the log row, one transaction each (p50)",
        ratio=(sorted(samples)[len(samples) // 2] / baseline) if samples and baseline else None,
        goal_s=GOAL_TRANSITION_S,
        goal_text="p95 ≤ 20 ms",
        note="submitted → approved: permission check, the move, the log entry",
    )


def _raw_transitions(db: Path, ids: list[int], user_id: int | None) -> float | None:
    if not ids:
        return None
    samples = []
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for article_id in ids:
            now = sa_datetime(utcnow())
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "UPDATE articles SET status = 'approved', updated = ?, version = version + 1"
                " WHERE id = ?",
                (now, article_id),
            )
            conn.execute(
                "INSERT INTO article_events (article_id, user_id, at, action, from_status,"
                " to_status, note) VALUES (?, ?, ?, 'transition', 'submitted', 'approved', '')",
                (article_id, user_id, now),
            )
            conn.execute("COMMIT")
            samples.append(time.perf_counter() - started)
    finally:
        conn.close()
    return sorted(samples)[len(samples) // 2]


def _publish_row(workdir: Path, count: int, seed: int) -> Row:
    db = workdir / "publishing.sqlite3"
    progress(f"workflow: building a {count:,}-story newsroom to publish")
    build_newsroom(db, CorpusSpec(articles=count, comments=0, seed=seed))
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE articles SET status = 'approved', published = NULL, scheduled_for = NULL"
        )
    site, plain = workdir / "site", workdir / "plain"
    newsroom = open_newsroom(str(db), seed=False)
    try:
        newsroom.settings.set(OUTPUT_DIR_SETTING, str(site))
        ids = newsroom.articles.list_ids()
        progress(f"workflow: publishing {len(ids):,} stories to HTML")
        publishing = 0.0
        writing = 0.0
        pages = 0
        total_bytes = 0

        def index_pages() -> dict[Path, int]:
            return {
                p: p.stat().st_mtime_ns
                for p in site.rglob("*")
                if p.is_file() and p.parent.name != "stories"
            }

        for article_id in ids:
            before = index_pages()
            started = time.perf_counter()
            newsroom.workflow.publish(article_id)
            publishing += time.perf_counter() - started
            # What that publish wrote: its story page and the index pages it
            # (re)wrote (its section's, the front page, any new one).
            written = [site / "stories" / f"{article_id}.html"]
            written += [p for p, when in index_pages().items() if before.get(p) != when]
            contents = [(p.relative_to(site), p.read_bytes()) for p in written]
            started = time.perf_counter()
            for relative, data in contents:
                target = plain / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as out:
                    out.write(data)
            writing += time.perf_counter() - started
            pages += len(contents)
            total_bytes += sum(len(d) for _, d in contents)
    finally:
        newsroom.close()
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(plain, ignore_errors=True)
        db.unlink(missing_ok=True)
    rate = len(ids) / publishing if publishing else 0.0
    return Row(
        WORKFLOW_PUBLISH,
        f"{len(ids):,} stories",
        [publishing],
        baseline_s=writing,
        baseline=(
            f"the same {pages:,} files, {total_bytes / 1e6:.0f} MB, written with plain"
            " open().write() (no temporary file, no fsync, no database)"
        ),
        ratio=publishing / writing if writing else None,
        goal_text="rate reported",
        note=f"{rate:,.0f} stories/s; a first publication rewrites its section's index page"
        " and the front page",
        extra={
            "stories_per_second": rate,
            "pages": pages,
            "bytes": total_bytes,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )
