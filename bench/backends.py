"""``python -m bench --backend postgresql``: the newsroom rows again, on PostgreSQL.

The corpus is built in SQLite as always, then copied into a new database on
the server by ``copy-to``'s own code (``editor.copying``, which also builds
the search index there) before the SQLite rows change it. The newsroom rows
(``bench.__main__.newsroom_rows``) then run twice: on the SQLite newsroom and
on its PostgreSQL copy. Their raw baselines and set-up stay on the SQLite
file (they are plain ``sqlite3``); the comparison is the Midad time of each
row, PostgreSQL over SQLite. The start-up, load and WXR rows are about the
SQLite file and are not repeated.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.desks import fresh_database
from bench.rows import Row, fmt_ratio, fmt_time, progress


def copy_to_postgres(full_db: Path, server: str, name: str) -> str:
    """Copy the SQLite newsroom into a new database ``name``; its URL."""
    from editor.copying import copy_newsroom
    from editor.storage import open_newsroom

    target = fresh_database(server, name)
    progress(f"copying the corpus to PostgreSQL ({name})")
    newsroom = open_newsroom(str(full_db), seed=False)
    try:
        copy_newsroom(newsroom, target)
    finally:
        newsroom.close()
    return target


def guarded(work: Callable[[], list[Row]]) -> list[Row]:
    """The rows, or none (said on stderr) if a row cannot run on PostgreSQL yet."""
    try:
        return work()
    except Exception:
        progress("PostgreSQL rows stopped:\n" + traceback.format_exc())
        return []


def compare(sqlite_rows: Sequence[Row], pg_rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Each row measured on both, by name and size: p50s and PostgreSQL/SQLite."""
    on_pg = {(r.name, r.size): r for r in pg_rows}
    compared = []
    for row in sqlite_rows:
        other = on_pg.get((row.name, row.size))
        if other is None or row.p50 is None:
            continue
        ratio = other.p50 / row.p50 if other.p50 is not None and row.p50 else None
        compared.append(
            {
                "name": row.name,
                "size": row.size,
                "sqlite_p50_s": row.p50,
                "postgresql_p50_s": other.p50,
                "postgresql_p95_s": other.p95,
                "ratio": ratio,
                "postgresql_met": other.met,
            }
        )
    return compared


def render_comparison(compared: Sequence[dict[str, Any]]) -> str:
    headers = ("operation", "size", "SQLite p50", "PostgreSQL p50", "PostgreSQL/SQLite", "met")
    lines = [headers]
    for entry in compared:
        lines.append(
            (
                entry["name"],
                entry["size"],
                fmt_time(entry["sqlite_p50_s"]),
                fmt_time(entry["postgresql_p50_s"]),
                fmt_ratio(entry["ratio"]),
                entry["postgresql_met"],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out).rstrip()
