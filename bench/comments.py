"""Row 5: opening the pending comment queue (the moderation issue owns its goal).

A queue opens on its first page of ids (a keyset on the status index) and
the rows of its first screen; the rest of the ids follow as the list scrolls.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench import diagnose
from bench.rows import PENDING_QUEUE, Row, progress, repeat
from editor.models import CommentStatus
from editor.services.comments import QUEUE_PAGE
from editor.storage import Newsroom

SCREEN_ROWS = 40
GOAL_S = 0.5

# A comment's queue is its row in comment_states (migration 0009).
RAW_IDS_SQL = (
    "SELECT comment_id FROM comment_states WHERE status = ?"
    " ORDER BY submitted DESC, comment_id DESC LIMIT ?"
)
RAW_ROWS_SQL = (
    "SELECT c.id, c.article_id, a.headline, c.author_name, substr(c.text, 1, 400),"
    " c.submitted, s.status FROM comments c JOIN comment_states s ON s.comment_id = c.id"
    " JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})"
)


def run(newsroom: Newsroom, db: Path, runs: int) -> Row:
    progress(f"comments: pending queue x{runs}")
    pending: list[int] = []

    def open_queue() -> None:
        page = newsroom.comments.page(CommentStatus.PENDING)
        newsroom.comments.rows(page.ids[:SCREEN_ROWS])
        pending[:] = [len(page.ids)]

    open_queue()  # warm-up
    samples = repeat(open_queue, runs)
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)

    def raw_queue() -> None:
        ids = [r[0] for r in raw.execute(RAW_IDS_SQL, (CommentStatus.PENDING.value, QUEUE_PAGE))]
        head = ids[:SCREEN_ROWS]
        if head:
            marks = ", ".join("?" for _ in head)
            raw.execute(RAW_ROWS_SQL.format(marks=marks), head).fetchall()

    try:
        raw_queue()
        baseline = repeat(raw_queue, runs)
    finally:
        raw.close()
    total = newsroom.comments.counts()[CommentStatus.PENDING]
    row = Row(
        PENDING_QUEUE,
        size=f"{total:,} pending (first {pending[0]:,} ids)",
        seconds=samples,
        baseline_s=sorted(baseline)[len(baseline) // 2],
        baseline=(
            f"raw sqlite3 `{RAW_IDS_SQL}` (the first {QUEUE_PAGE:,} ids) + the first"
            f" {SCREEN_ROWS} rows joined to their article (p50)"
        ),
        goal_s=GOAL_S,
        goal_text=f"≤ {GOAL_S:g} s (moderation issue)",
    )
    if row.p50 is not None and row.baseline_s:
        row.ratio = row.p50 / row.baseline_s
    if row.missed:
        progress(f"{row.name}: goal missed, profiling one run")
        row.note = diagnose.explain_work(open_queue, newsroom.engine, db)
    return row
