"""Writing comments with Core statements: a comment is two rows, the comment and its queue.

The ORM writes both through ``Comment`` (mapped to the join of the two
tables); bulk writers (the WXR import, the benchmark's corpus) hand plain
dicts with every column of ``Comment``, ``status`` included, to
``insert_comments``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select

from editor.models import CommentStatus, comment_states, comments, utcnow


def insert_comments(conn: Connection, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert comments (each a dict with ``status``), returning their ids in order.

    Rows without an ``id`` get the next free ones: ids are known before the
    insert, so the queue rows need no RETURNING round trip. Call it inside a
    write transaction (writes are serialised, so nobody takes those ids meanwhile).
    """
    if not rows:
        return []
    ids: list[int] = [row["id"] for row in rows if "id" in row]
    if len(ids) != len(rows):
        if ids:
            raise ValueError("either every comment row has an id or none has")
        first = int(conn.scalar(select(func.max(comments.c.id))) or 0) + 1
        ids = list(range(first, first + len(rows)))
    now = utcnow()
    dialect = conn.dialect
    when_to_db = comment_states.c.submitted.type.bind_processor(dialect)
    comment_rows: list[dict[str, Any]] = []
    queue_rows: list[tuple[Any, ...]] = []
    for cid, row in zip(ids, rows, strict=True):
        values = dict(row)
        status = CommentStatus(values.pop("status", CommentStatus.PENDING))
        values["id"] = cid
        # Both rows carry the same moment, however the caller left it.
        when = values["submitted"] = values.get("submitted") or now
        comment_rows.append(values)
        queue_rows.append((cid, status.value, when_to_db(when) if when_to_db else when))
    conn.execute(insert(comments), comment_rows)
    # Straight to the driver's executemany: SQLAlchemy's per-row parameter
    # handling cost more than the comments' own insert on a 20,000-comment import.
    marks = ", ".join(["?" if dialect.paramstyle == "qmark" else "%s"] * 3)
    conn.exec_driver_sql(
        f"INSERT INTO comment_states (comment_id, status, submitted) VALUES ({marks})",
        queue_rows,
    )
    return ids
